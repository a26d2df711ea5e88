/*
 * table.h - aligned text tables for the terminal (widths from the data, UTF-8 aware), and the
 * same rows as CSV, JSON or Markdown.
 */
#ifndef GM_CLI_TABLE_H
#define GM_CLI_TABLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

typedef struct gm_table {
    size_t ncols;
    char **head;
    bool *numeric;  /* right-aligned, unquoted in JSON */
    char **cells;   /* row-major */
    size_t nrows, cap;
} gm_table;

typedef enum { GM_TABLE_TEXT, GM_TABLE_CSV, GM_TABLE_JSON, GM_TABLE_MARKDOWN } gm_table_format;

/* Creates a table with the given headers; a header starting with '#' is numeric (the '#' is dropped). */
bool gm_table_init(gm_table *t, size_t ncols, const char *const *headers);
/* Appends a row of ncols strings (copied). */
bool gm_table_add(gm_table *t, const char *const *cells);
void gm_table_print(const gm_table *t, FILE *out, gm_table_format fmt, bool color);
void gm_table_free(gm_table *t);

/* Display width of UTF-8 text: code points, with combining marks counted as 0 and East Asian wide
 * characters as 2. */
size_t gm_display_width(const char *s);

#endif
