/*
 * numbers.h - counts written in words or digits: "three", "twenty-five", "1,200", "a dozen",
 * "at least 12", "12 to 15", "more than 20", "hundreds".
 */
#ifndef GM_NUMBERS_H
#define GM_NUMBERS_H

#include <stdbool.h>
#include <stddef.h>

#include "text.h"

/* Largest count the parser returns; bigger numbers are reported as overflow. */
#define GM_COUNT_MAX 100000000L

typedef struct gm_count {
    long value;            /* best single value (-1 when vague, e.g. "dozens") */
    long low, high;        /* bounds; -1 when open */
    const char *qualifier; /* "at least", "more than", "about", "up to", or NULL */
    size_t tok_start, tok_end; /* tokens [tok_start, tok_end) of the whole expression */
    bool vague;            /* "dozens", "hundreds", "several" */
    bool overflow;         /* digits too large to be a count */
    bool article;          /* "a"/"an" used as one ("a woman") */
} gm_count;

/*
 * Parses a count starting at token i of t.  Returns true and fills *c when tokens i.. form one.
 * Plain "a"/"an" count as 1 only when allow_article is set (the caller checks the noun after it).
 */
bool gm_parse_count(const gm_text *t, size_t i, bool allow_article, gm_count *c);

/* Value of a single number word ("seven" -> 7, "dozen" -> 12); -1 when w is not one. */
long gm_number_word(const char *w, size_t len);

#endif
