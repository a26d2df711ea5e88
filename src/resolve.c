/*
 * resolve.c - choosing the right entry for every span, with the document as context.
 *
 * Each candidate gets a prior: population (log scale), feature importance (country > admin-1 >
 * capital > seat of a region > town), and how authoritative the matched name is (the entry's own
 * name beats an alternate or foreign-language one).  The context then adds:
 *
 *   focus     the document's countries and admin-1 regions, weighted by how much of the text
 *             points at them (CLIFF's "focus"), recomputed after each pass;
 *   container a region written next to the name ("Balashikha, Moscow Oblast", "Paris, Texas");
 *   wording   "X region/Oblast/province" favours regions, "the city/village of X" towns;
 *   nearness  closeness to the other places the document names.
 *
 * Three passes: priors only, then context from the first choice, then once more.  The confidence
 * of a mention is its "placeness" (recognize.c) times the softmax share of the winner.
 */
#include <math.h>
#include <string.h>

#include "doc.h"

float gm_prior(const gm_gazetteer *g, uint32_t place, unsigned name_type)
{
    const gm_idx_place *p = &g->places[place];
    double population = p->population;
    if ((p->flags & GM_PF_SUPPLEMENT) && population < 100000)
        population = 100000; /* curated because the news names them: as notable as a mid-sized town */
    float pop = (float)log10(population + 1.0);
    if (p->kind == GM_PK_ADMIN1 || p->kind == GM_PK_COUNTRY)
        pop *= 0.8f; /* summed populations of member places overstate a region against a city */
    float s = 0.55f * pop + 0.28f * (float)p->rank;
    const char *fcode = g->strings + p->fcode;
    if (strcmp(fcode, "PPLC") == 0)
        s += 1.0f;
    switch (name_type) {
    case GM_NT_PRIMARY:
    case GM_NT_ASCII:
    case GM_NT_ENGLISH: s += 0.6f; break;
    case GM_NT_VARIANT: s += 0.3f; break;
    case GM_NT_ABBREV: s += 0.2f; break;
    case GM_NT_ALT: s -= 0.9f; break;
    case GM_NT_OTHERLANG: s -= 1.2f; break;
    default: break;
    }
    if (p->flags & GM_PF_SUPPLEMENT)
        s += 0.5f;
    return s;
}

/* ------------------------------------------------------------------ focus */
typedef struct focus {
    float *country; /* weight per country index */
    float *admin1;  /* weight per admin-1 index */
    float ctotal, atotal;
} focus;

static float softmax_share(const gm_doc *d, const gm_mspan *s, uint32_t c, bool use_score)
{
    float best = -1e9f;
    for (uint32_t i = s->cand; i < s->cand + s->ncand; i++) {
        float v = use_score ? d->cands[i].score : d->cands[i].prior;
        if (v > best)
            best = v;
    }
    float sum = 0;
    for (uint32_t i = s->cand; i < s->cand + s->ncand; i++)
        sum += expf((use_score ? d->cands[i].score : d->cands[i].prior) - best);
    float v = use_score ? d->cands[c].score : d->cands[c].prior;
    return sum > 0 ? expf(v - best) / sum : 0;
}

static void compute_focus(gm_doc *d, focus *f, bool use_score)
{
    const gm_gazetteer *g = d->gaz;
    memset(f->country, 0, g->h->n_countries * sizeof *f->country);
    memset(f->admin1, 0, g->h->n_admin1 * sizeof *f->admin1);
    f->ctotal = f->atotal = 0;
    for (size_t i = 0; i < d->nspans; i++) {
        gm_mspan *s = &d->spans[i];
        if (s->dropped || s->ncand == 0)
            continue;
        float w = s->placeness;
        /* softmax over the span's candidates, computed once */
        float top = -1e9f, sum = 0;
        for (uint32_t c = s->cand; c < s->cand + s->ncand; c++) {
            float v = use_score ? d->cands[c].score : d->cands[c].prior;
            top = v > top ? v : top;
        }
        for (uint32_t c = s->cand; c < s->cand + s->ncand; c++)
            sum += expf((use_score ? d->cands[c].score : d->cands[c].prior) - top);
        for (uint32_t c = s->cand; c < s->cand + s->ncand; c++) {
            float share = expf((use_score ? d->cands[c].score : d->cands[c].prior) - top) / sum * w;
            if (share < 0.01f)
                continue;
            const gm_idx_place *p = &g->places[d->cands[c].place];
            float cw = p->kind == GM_PK_COUNTRY ? 1.5f * share : share;
            if (p->country != GM_NONE16) {
                f->country[p->country] += cw;
                f->ctotal += cw;
            }
            if (p->admin1 != GM_NONE16 && p->kind != GM_PK_COUNTRY) {
                f->admin1[p->admin1] += share;
                f->atotal += share;
            }
        }
    }
}

/* ------------------------------------------------------------------ context */
/* Does region entry r (an admin-1 or a country) contain entry p? */
static bool contains(const gm_gazetteer *g, uint32_t r, uint32_t p)
{
    const gm_idx_place *R = &g->places[r], *P = &g->places[p];
    if (r == p)
        return false;
    if (R->kind == GM_PK_COUNTRY)
        return P->country == R->country && R->country != GM_NONE16;
    if (R->kind == GM_PK_ADMIN1)
        return P->admin1 == R->admin1 && R->admin1 != GM_NONE16 && P->kind != GM_PK_ADMIN1;
    return false;
}

/*
 * The span also names a populated place inside admin-1 region r that is the region's seat or holds
 * half its people: a bare "Odesa" or "Moscow" means the city, "the Odesa region" the region.
 * Returns 2 for a city-region (Moscow, Kyiv City), 1 for a region named after its seat, else 0.
 */
static int city_of_region(const gm_doc *d, const gm_mspan *s, const gm_idx_place *r)
{
    const gm_gazetteer *g = d->gaz;
    int best = 0;
    for (uint32_t c = s->cand; c < s->cand + s->ncand; c++) {
        const gm_idx_place *p = &g->places[d->cands[c].place];
        if (p->kind != GM_PK_PLACE || p->admin1 != r->admin1)
            continue;
        if ((double)p->population >= 0.5 * (double)r->population)
            return 2;
        const char *fc = g->strings + p->fcode;
        if (strcmp(fc, "PPLA") == 0 || strcmp(fc, "PPLC") == 0)
            best = 1;
    }
    return best;
}

static void score_span(gm_doc *d, gm_mspan *s, size_t si, const focus *f, bool with_focus)
{
    const gm_gazetteer *g = d->gaz;
    for (uint32_t c = s->cand; c < s->cand + s->ncand; c++) {
        gm_cand *cd = &d->cands[c];
        const gm_idx_place *p = &g->places[cd->place];
        float sc = cd->prior;
        if (with_focus) {
            if (p->country != GM_NONE16 && f->ctotal > 0)
                sc += 3.0f * f->country[p->country] / f->ctotal;
            if (p->admin1 != GM_NONE16 && f->atotal > 0 && p->kind != GM_PK_COUNTRY)
                sc += 2.0f * f->admin1[p->admin1] / f->atotal;
        }
        if (s->flags & GM_SF_REGION_WORD) {
            if (p->kind == GM_PK_ADMIN1 || p->kind == GM_PK_REGION)
                sc += 4.0f;
        } else if (p->kind == GM_PK_ADMIN1) {
            int cr = city_of_region(d, s, p);
            sc -= cr == 2 ? 3.0f : cr == 1 ? 2.5f : 0.0f;
        }
        if (s->flags & GM_SF_CITY_WORD) {
            if (p->kind == GM_PK_PLACE)
                sc += 2.0f;
            else if (p->kind == GM_PK_ADMIN1 || p->kind == GM_PK_COUNTRY || p->kind == GM_PK_REGION)
                sc -= 4.0f;
        }
        /* a region written right after the name */
        if (s->container) {
            const gm_mspan *cs = &d->spans[s->container - 1];
            for (uint32_t k = cs->cand; k < cs->cand + cs->ncand; k++)
                if (contains(g, d->cands[k].place, cd->place)) {
                    sc += 8.0f;
                    break;
                }
        }
        /* being the container of the previous name */
        if (si > 0 && d->spans[si - 1].container == si + 1) {
            const gm_mspan *ps = &d->spans[si - 1];
            for (uint32_t k = ps->cand; k < ps->cand + ps->ncand; k++)
                if (contains(g, cd->place, d->cands[k].place)) {
                    sc += 3.0f;
                    break;
                }
        }
        cd->score = sc;
    }
}

/* Approximate distance in km (equirectangular): good to a few per cent at the scales nearness cares
 * about, and much cheaper than the haversine formula in this inner loop. */
static float approx_km(const gm_idx_place *a, const gm_idx_place *b)
{
    float lat1 = (float)a->lat_e7 * 1e-7f, lat2 = (float)b->lat_e7 * 1e-7f;
    float dlat = lat2 - lat1;
    float dlon = (float)b->lon_e7 * 1e-7f - (float)a->lon_e7 * 1e-7f;
    if (dlon > 180.0f)
        dlon -= 360.0f;
    else if (dlon < -180.0f)
        dlon += 360.0f;
    if (fabsf(dlat) > 20.0f)
        return 2500.0f; /* far enough for the bonus to vanish */
    float x = dlon * cosf((lat1 + lat2) * 0.5f * 0.01745329f);
    return 111.195f * sqrtf(x * x + dlat * dlat);
}

/* Nearness to the places other confident spans chose: rewards a candidate within a few hundred km. */
static void score_nearness(gm_doc *d, size_t si)
{
    const gm_gazetteer *g = d->gaz;
    gm_mspan *s = &d->spans[si];
    if (s->ncand < 2)
        return;
    size_t used = 0;
    for (size_t j = 0; j < d->nspans && used < 40; j++) {
        const gm_mspan *o = &d->spans[j];
        if (j == si || o->dropped || o->best < 0 || o->conf < 0.6f)
            continue;
        uint32_t op = d->cands[o->best].place;
        uint8_t kind = g->places[op].kind;
        if (kind != GM_PK_PLACE && kind != GM_PK_SITE)
            continue;
        if (o->tok_end == s->tok_end && o->tok_start == s->tok_start)
            continue;
        /* the same name elsewhere in the text is no independent evidence */
        if (o->ncand == s->ncand && d->cands[o->cand].place == d->cands[s->cand].place)
            continue;
        used++;
        for (uint32_t c = s->cand; c < s->cand + s->ncand; c++) {
            uint32_t cp = d->cands[c].place;
            float km = cp == op ? 0.0f : approx_km(&g->places[cp], &g->places[op]);
            if (km < 1500.0f)
                d->cands[c].score += 1.2f * expf(-km / 150.0f) / (float)(1 + used / 4);
        }
    }
}

static void choose(gm_doc *d, gm_mspan *s, bool use_score)
{
    if (s->ncand == 0) {
        s->best = -1;
        s->conf = 0;
        return;
    }
    int32_t best = (int32_t)s->cand;
    for (uint32_t c = s->cand + 1; c < s->cand + s->ncand; c++) {
        float a = use_score ? d->cands[c].score : d->cands[c].prior;
        float b = use_score ? d->cands[best].score : d->cands[best].prior;
        if (a > b)
            best = (int32_t)c;
    }
    s->best = best;
    s->conf = s->placeness * softmax_share(d, s, (uint32_t)best, use_score);
}

/* One sense per document: spans with the same candidates agree on the best-supported one. */
static void unify_same_names(gm_doc *d)
{
    for (size_t i = 0; i < d->nspans; i++) {
        gm_mspan *a = &d->spans[i];
        if (a->dropped || a->best < 0 || a->container)
            continue;
        for (size_t j = i + 1; j < d->nspans; j++) {
            gm_mspan *b = &d->spans[j];
            if (b->dropped || b->best < 0 || b->container || b->ncand != a->ncand || b->ncand < 2)
                continue;
            if (d->cands[a->cand].place != d->cands[b->cand].place || (a->flags ^ b->flags) & GM_SF_REGION_WORD)
                continue;
            /* same candidate list: keep whichever choice is more confident */
            if (d->cands[a->best].place == d->cands[b->best].place)
                continue;
            gm_mspan *lo = a->conf < b->conf ? a : b, *hi = lo == a ? b : a;
            uint32_t want = d->cands[hi->best].place;
            for (uint32_t c = lo->cand; c < lo->cand + lo->ncand; c++)
                if (d->cands[c].place == want) {
                    lo->best = (int32_t)c;
                    lo->conf = hi->conf * 0.9f;
                    break;
                }
        }
    }
}

/*
 * Spans that are probably not places after all: weak evidence (low placeness) that resolution
 * could not back up, or a tiny place matched only through an alternate name with nothing in the
 * document pointing at its country.
 */
static void drop_weak(gm_doc *d, const focus *f)
{
    const gm_gazetteer *g = d->gaz;
    for (size_t i = 0; i < d->nspans; i++) {
        gm_mspan *s = &d->spans[i];
        if (s->dropped || s->best < 0 || d->resolve_only)
            continue;
        const gm_cand *c = &d->cands[s->best];
        const gm_idx_place *p = &g->places[c->place];
        float cshare = (p->country != GM_NONE16 && f->ctotal > 0) ? f->country[p->country] / f->ctotal : 0;
        if (s->placeness < 0.2f) {
            s->dropped = true;
            continue;
        }
        bool minor = p->population < 20000 && p->rank <= 4 && !(p->flags & GM_PF_SUPPLEMENT);
        bool weak_name = c->name_type >= GM_NT_ALT;
        if (minor && weak_name && cshare < 0.3f && !(s->flags & (GM_SF_CITY_WORD | GM_SF_DATELINE)))
            s->dropped = true;
        else if (s->placeness < 0.5f && cshare < 0.3f && p->kind != GM_PK_COUNTRY)
            s->dropped = true;
        else if (s->conf < 0.15f)
            s->dropped = true;
    }
}

gm_status gm_resolve(gm_doc *d)
{
    const gm_gazetteer *g = d->gaz;
    focus f;
    f.country = gm_calloc(g->h->n_countries + 1, sizeof *f.country);
    f.admin1 = gm_calloc(g->h->n_admin1 + 1, sizeof *f.admin1);
    if (!f.country || !f.admin1) {
        gm__free(f.country);
        gm__free(f.admin1);
        return GM_E_NOMEM;
    }
    /* pass 0: priors */
    for (size_t i = 0; i < d->nspans; i++)
        choose(d, &d->spans[i], false);
    compute_focus(d, &f, false);
    /* passes 1 and 2: context */
    for (int pass = 1; pass <= 2; pass++) {
        for (size_t i = 0; i < d->nspans; i++)
            score_span(d, &d->spans[i], i, &f, true);
        for (size_t i = 0; i < d->nspans; i++)
            score_nearness(d, i);
        for (size_t i = 0; i < d->nspans; i++)
            choose(d, &d->spans[i], true);
        compute_focus(d, &f, true);
    }
    unify_same_names(d);
    drop_weak(d, &f);
    /* the focus: the heaviest country and admin-1 among what is left */
    compute_focus(d, &f, true);
    d->focus_country = GM_NONE16;
    d->focus_admin1 = GM_NONE16;
    float bc = 0, ba = 0;
    for (uint32_t i = 0; i < g->h->n_countries; i++)
        if (f.country[i] > bc) {
            bc = f.country[i];
            d->focus_country = (uint16_t)i;
        }
    for (uint32_t i = 0; i < g->h->n_admin1; i++)
        if (f.admin1[i] > ba && g->admin1[i].country == d->focus_country) {
            ba = f.admin1[i];
            d->focus_admin1 = (uint16_t)i;
        }
    gm__free(f.country);
    gm__free(f.admin1);
    return GM_OK;
}
