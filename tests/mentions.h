/*
 * mentions.h - finding a mention of a document by its text, for the tests.
 */
#ifndef GM_TEST_MENTIONS_H
#define GM_TEST_MENTIONS_H

#include <string.h>

#include "geomention.h"

/* The nth mention (from 0) whose text is exactly `name`, or NULL. */
static inline const gm_mention *test_mention(const gm_doc *d, const char *name, int nth)
{
    size_t len, n = strlen(name);
    const char *t = gm_doc_text(d, &len);
    for (size_t i = 0; i < gm_doc_mention_count(d); i++) {
        const gm_mention *m = gm_doc_mention(d, i);
        if (m->end - m->start == n && memcmp(t + m->start, name, n) == 0 && nth-- == 0)
            return m;
    }
    return NULL;
}

/* A mention that overlaps the nth occurrence (from 0) of `name` in the text, or NULL: for rows that
 * say a word is no place, whatever span the recogniser might have cut around it. */
static inline const gm_mention *test_mention_over(const gm_doc *d, const char *name, int nth)
{
    size_t len, n = strlen(name);
    const char *t = gm_doc_text(d, &len);
    size_t at = 0;
    for (;; at++) {
        if (at + n > len)
            return NULL;
        if (memcmp(t + at, name, n) == 0 && nth-- == 0)
            break;
    }
    for (size_t i = 0; i < gm_doc_mention_count(d); i++) {
        const gm_mention *m = gm_doc_mention(d, i);
        if (m->start < at + n && at < m->end)
            return m;
    }
    return NULL;
}

#endif
