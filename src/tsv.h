/*
 * tsv.h - reading the gazetteer's tab-separated text files (gzip-compressed or plain), and a small
 * string-to-integer hash map used while building.
 */
#ifndef GM_TSV_H
#define GM_TSV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "internal.h"

#define GM_TSV_MAX_FIELDS 32

typedef struct gm_tsv {
    void *gz;              /* gzFile */
    char *path;
    char *line;
    size_t cap;
    size_t lineno;
    char *field[GM_TSV_MAX_FIELDS];
    size_t nfields;
} gm_tsv;

/* Opens path (gzip or plain text).  GM_E_IO with a message when it cannot be opened. */
gm_status gm_tsv_open(gm_tsv *t, const char *path, gm_error *err);

/*
 * Reads the next data line (skipping empty lines and lines starting with '#') and splits it at
 * tabs into t->field (NUL-terminated, modifiable).  Returns 1 for a line, 0 at the end, -1 on a
 * read error or out of memory (err set).
 */
int gm_tsv_next(gm_tsv *t, gm_error *err);
void gm_tsv_close(gm_tsv *t);

/* The field i, or "" when the line has fewer fields. */
static inline const char *gm_tsv_get(const gm_tsv *t, size_t i) { return i < t->nfields ? t->field[i] : ""; }

/* ------------------------------------------------------------------ string map */
typedef struct gm_strmap {
    char **keys;
    uint32_t *vals;
    size_t cap, count;
} gm_strmap;

void gm_strmap_init(gm_strmap *m);
void gm_strmap_free(gm_strmap *m);
/* Inserts or replaces; the key is copied.  False on out of memory. */
bool gm_strmap_put(gm_strmap *m, const char *key, uint32_t val);
/* Looks key up; false when absent. */
bool gm_strmap_get(const gm_strmap *m, const char *key, uint32_t *val);

#endif
