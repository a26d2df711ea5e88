/*
 * lookup.c - a name's candidates, ranked as the resolver ranks them without context, with the
 * reasons spelled out (`geomention lookup NAME`); and a mention's candidates as a document ranked
 * them, with the parts of each score (`geomention lookup --text ... NAME`).
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

const gm_idx_key *gm_lookup_name(const gm_gazetteer *gaz, const char *name, size_t len, bool *oom)
{
    gm_buf key;
    gm_buf_init(&key);
    gm_text_normalize_name(name, len, &key);
    *oom = key.oom;
    const gm_idx_key *k =
        key.oom || key.len == 0 ? NULL : gm_gz_find(gaz, key.p, key.len, gm_fnv(GM_FNV_INIT, key.p, key.len));
    gm_buf_free(&key);
    return k;
}

gm_status gm_lookup(const gm_gazetteer *gaz, const char *name, size_t len, size_t max, gm_candidate **out,
                    size_t *count, gm_error *err)
{
    *out = NULL;
    *count = 0;
    if (!gaz || !name)
        return gm_fail(err, GM_E_ARG, "no gazetteer or name");
    bool oom;
    const gm_idx_key *k = gm_lookup_name(gaz, name, len, &oom);
    if (oom)
        return gm_nomem(err);
    if (!k || !(k->flags & GM_KEY_NAME) || k->npost == 0) /* gm_gz_find has checked the postings range */
        return GM_OK;
    gm_candidate *c = gm_calloc(k->npost, sizeof *c);
    if (!c)
        return gm_nomem(err);
    size_t n = 0;
    gm_own_name own = gm_key_own_name(gaz, k);
    for (uint32_t i = 0; i < k->npost; i++) {
        uint32_t post = gaz->postings[k->post + i];
        uint32_t id = gm_post_place(post);
        unsigned type = gm_post_type(post);
        if (!gm_gz_place_ok(gaz, id))
            continue;
        gm_candidate *x = &c[n++];
        gm_gz_place(gaz, id, &x->place);
        x->prior = gm_prior_under(gaz, k, id, type, own);
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

/* The span behind reported mention i. */
static const gm_mspan *mention_span(const gm_doc *d, size_t i)
{
    if (i >= d->nmentions)
        return NULL;
    const gm_mention *m = &d->mentions[i];
    for (size_t k = 0; k < d->nspans; k++) {
        const gm_mspan *s = &d->spans[k];
        if (s->start == m->start && s->end == m->end && !(s->flags & GM_SF_HIDDEN) && (!s->dropped || s->given))
            return s;
    }
    return NULL;
}

static void add_part(char *buf, size_t cap, size_t *len, const char *what, float v)
{
    if (fabsf(v) < 0.005f || *len >= cap)
        return;
    int n = snprintf(buf + *len, cap - *len, "; %s %+.2f", what, (double)v);
    if (n > 0)
        *len += (size_t)n < cap - *len ? (size_t)n : cap - *len - 1;
}

gm_status gm_doc_explain(const gm_doc *d, size_t i, size_t max, gm_candidate **out, size_t *count, gm_error *err)
{
    *out = NULL;
    *count = 0;
    if (!d)
        return gm_fail(err, GM_E_ARG, "no document");
    if (i >= d->nmentions)
        return gm_fail(err, GM_E_ARG, "the document has %zu mentions, not %zu", d->nmentions, i + 1);
    const gm_mspan *s = mention_span(d, i);
    if (!s || s->ncand == 0)
        return GM_OK;
    /* a town placed at the region written next to it, none of its namesakes lying there
     * (gm_resolve): that region is the first row */
    bool outside = s->best >= 0 && ((uint32_t)s->best < s->cand || (uint32_t)s->best >= s->cand + s->ncand);
    gm_candidate *c = gm_calloc(s->ncand + outside, sizeof *c);
    if (!c)
        return gm_nomem(err);
    if (outside) {
        gm_candidate *x = &c[s->ncand];
        gm_gz_place(d->gaz, d->cands[s->best].place, &x->place);
        x->prior = x->score = INFINITY;
        snprintf(x->reasons, sizeof x->reasons,
                 "%s: the region the text places it in, where none of the entries of its name lies",
                 x->place.feature_code);
    }
    for (uint32_t k = 0; k < s->ncand; k++) {
        const gm_cand *cd = &d->cands[s->cand + k];
        gm_candidate *x = &c[k];
        gm_gz_place(d->gaz, cd->place, &x->place);
        x->prior = cd->prior;
        x->score = cd->score;
        size_t len = 0;
        int n = snprintf(x->reasons, sizeof x->reasons, "prior %.2f: %s, population %llu, %s", (double)cd->parts[GM_PART_PRIOR],
                         x->place.feature_code, (unsigned long long)x->place.population, type_name(cd->name_type));
        len = n > 0 ? ((size_t)n < sizeof x->reasons ? (size_t)n : sizeof x->reasons - 1) : 0;
        add_part(x->reasons, sizeof x->reasons, &len, "country votes", cd->parts[GM_PART_COUNTRY]);
        add_part(x->reasons, sizeof x->reasons, &len, "admin-1 votes", cd->parts[GM_PART_ADMIN1]);
        add_part(x->reasons, sizeof x->reasons, &len, "county votes", cd->parts[GM_PART_ADMIN2]);
        add_part(x->reasons, sizeof x->reasons, &len, "listed with names of its kind", cd->parts[GM_PART_LIST]);
        add_part(x->reasons, sizeof x->reasons, &len, "near places the text pins down", cd->parts[GM_PART_NEAR]);
        add_part(x->reasons, sizeof x->reasons, &len, "wording and regions written next to it", cd->parts[GM_PART_WORDING]);
        if ((int32_t)(s->cand + k) == s->best) {
            x->score = INFINITY; /* sorts first */
            if ((s->unified & UNIFIED_SET) && len < sizeof x->reasons)
                snprintf(x->reasons + len, sizeof x->reasons - len, "; chosen because another mention of the name chose it");
        }
    }
    size_t n = s->ncand + outside;
    qsort(c, n, sizeof *c, cmp_score);
    if (s->best >= 0) {
        c[0].score = d->cands[s->best].score;
        if (outside)
            c[0].prior = d->cands[s->best].prior;
    }
    if (max && n > max)
        n = max;
    *out = c;
    *count = n;
    return GM_OK;
}
