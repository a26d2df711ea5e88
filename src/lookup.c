/*
 * lookup.c - a name's candidates, ranked as the resolver ranks them without context, with the
 * reasons spelled out (`geomention lookup NAME`).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"

static const char *type_name(unsigned t)
{
    switch (t) {
    case GM_NT_PRIMARY: return "its own name";
    case GM_NT_ASCII: return "its ASCII name";
    case GM_NT_ENGLISH: return "an English name";
    case GM_NT_VARIANT: return "a variant";
    case GM_NT_ALT: return "an alternate name";
    case GM_NT_ABBREV: return "an abbreviation";
    case GM_NT_OTHERLANG: return "a foreign name";
    case GM_NT_DEMONYM: return "a demonym";
    case GM_NT_CODE: return "a postal code";
    default: return "a name";
    }
}

static int cmp_score(const void *x, const void *y)
{
    const gm_candidate *a = x, *b = y;
    return a->score < b->score ? 1 : a->score > b->score ? -1 : (a->place.id > b->place.id) - (a->place.id < b->place.id);
}

gm_status gm_lookup(const gm_gazetteer *gaz, const char *name, size_t len, size_t max, gm_candidate **out,
                    size_t *count, gm_error *err)
{
    *out = NULL;
    *count = 0;
    if (!gaz || !name)
        return gm_fail(err, GM_E_ARG, "no gazetteer or name");
    gm_buf key;
    gm_buf_init(&key);
    gm_text_normalize_name(name, len, &key);
    if (key.oom)
        return gm_nomem(err);
    if (key.len == 0) {
        gm_buf_free(&key);
        return GM_OK;
    }
    const gm_idx_key *k = gm_gz_find(gaz, key.p, key.len, gm_fnv(GM_FNV_INIT, key.p, key.len));
    gm_buf_free(&key);
    if (!k || !(k->flags & GM_KEY_NAME) || k->post >= gaz->h->n_postings || k->npost > gaz->h->n_postings - k->post)
        return GM_OK;
    gm_candidate *c = gm_calloc(k->npost, sizeof *c);
    if (!c)
        return gm_nomem(err);
    size_t n = 0;
    for (uint32_t i = 0; i < k->npost; i++) {
        uint32_t post = gaz->postings[k->post + i];
        uint32_t id = gm_post_place(post);
        unsigned type = gm_post_type(post);
        if (id >= gaz->h->n_places)
            continue;
        gm_candidate *x = &c[n++];
        gm_gz_place(gaz, id, &x->place);
        x->prior = gm_prior(gaz, id, type);
        x->score = x->prior;
        snprintf(x->reasons, sizeof x->reasons, "%s %s; population %llu; matched %s", x->place.feature_code,
                 x->place.source, (unsigned long long)x->place.population, type_name(type));
    }
    qsort(c, n, sizeof *c, cmp_score);
    if (max && n > max)
        n = max;
    *out = c;
    *count = n;
    return GM_OK;
}

void gm_candidates_free(gm_candidate *c) { gm__free(c); }
