/*
 * wordset.h - constant word lists (titles, given names, frequent English words, casualty cues)
 * turned into small open-addressing hash sets, so that testing a token against a list of hundreds
 * of words costs one hash and usually one comparison.
 *
 * A set is a static object built from a static list the first time gm_wordsets_ready() runs (once
 * per process, through pthread_once, so documents may be processed on several threads).
 */
#ifndef GM_WORDSET_H
#define GM_WORDSET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define GM_WORDSET_SLOTS 2048u

typedef struct gm_wordset {
    const char *const *words;
    uint32_t n;
    uint16_t slot[GM_WORDSET_SLOTS]; /* word index + 1, 0 = empty */
} gm_wordset;

#define GM_WORDSET(list) {list, (uint32_t)(sizeof(list) / sizeof((list)[0])), {0}}

/* Fills the slots of ws (not thread-safe: call from a pthread_once routine). */
void gm_wordset_build(gm_wordset *ws);

/* Is the word s[0..len) in the set? */
bool gm_wordset_has(const gm_wordset *ws, const char *s, size_t len);
/* The same, with the word's gm_wordset_hash already known (tokens carry it). */
bool gm_wordset_has_hashed(const gm_wordset *ws, const char *s, size_t len, uint32_t hash);

/* 32-bit FNV-1a of the word. */
static inline uint32_t gm_wordset_hash(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 16777619u;
    }
    return h;
}

#endif
