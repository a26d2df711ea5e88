/*
 * wordset.c - hash sets over constant word lists.
 */
#include "wordset.h"

#include <string.h>

void gm_wordset_build(gm_wordset *ws)
{
    memset(ws->slot, 0, sizeof ws->slot);
    for (uint32_t i = 0; i < ws->n && i < GM_WORDSET_SLOTS / 2; i++) {
        const char *w = ws->words[i];
        uint32_t s = gm_wordset_hash(w, strlen(w)) & (GM_WORDSET_SLOTS - 1);
        while (ws->slot[s])
            s = (s + 1) & (GM_WORDSET_SLOTS - 1);
        ws->slot[s] = (uint16_t)(i + 1);
    }
}

bool gm_wordset_has(const gm_wordset *ws, const char *s, size_t len)
{
    return gm_wordset_has_hashed(ws, s, len, gm_wordset_hash(s, len));
}

bool gm_wordset_has_hashed(const gm_wordset *ws, const char *s, size_t len, uint32_t hash)
{
    uint32_t k = hash & (GM_WORDSET_SLOTS - 1);
    for (;;) {
        uint16_t v = ws->slot[k];
        if (!v)
            return false;
        const char *w = ws->words[v - 1];
        if (strncmp(w, s, len) == 0 && w[len] == 0)
            return true;
        k = (k + 1) & (GM_WORDSET_SLOTS - 1);
    }
}
