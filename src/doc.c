/*
 * doc.c - the public document API: gm_extract, gm_resolve_spans and the accessors.
 *
 * A document owns a copy of its text (repaired where it was not valid UTF-8), its tokens, the
 * spans found or given, their candidates, and the public mention and incident arrays built from
 * them at the end.
 */
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "unicode.h"

#define DEFAULT_MAX_DOC (64u << 20)

void gm_options_init(gm_options *opt)
{
    memset(opt, 0, sizeof *opt);
    opt->demonyms = 1;
    opt->max_doc_bytes = DEFAULT_MAX_DOC;
    opt->incidents = 1;
    opt->estimates = 1;
}

void gm_doc_free(gm_doc *d)
{
    if (!d)
        return;
    gm_text_free(&d->t);
    gm__free(d->text);
    gm__free(d->spans);
    gm__free(d->cands);
    gm__free(d->mentions);
    gm__free(d->incidents);
    gm__free(d);
}

static gm_status doc_new(const gm_gazetteer *gaz, const char *text, size_t len, const gm_options *opt, gm_doc **out,
                         gm_error *err)
{
    *out = NULL;
    if (!gaz)
        return gm_fail(err, GM_E_ARG, "no gazetteer");
    if (!text && len)
        return gm_fail(err, GM_E_ARG, "text is NULL");
    gm_options defaults;
    if (!opt) {
        gm_options_init(&defaults);
        opt = &defaults;
    }
    size_t max = opt->max_doc_bytes ? opt->max_doc_bytes : DEFAULT_MAX_DOC;
    if (len > max)
        return gm_fail(err, GM_E_LIMIT, "document of %zu bytes exceeds the limit of %zu bytes (--max-doc-bytes)", len,
                       max);
    if (len > UINT32_MAX / 4)
        return gm_fail(err, GM_E_LIMIT, "document of %zu bytes is larger than the 1 GiB the library handles", len);
    gm_doc *d = gm_calloc(1, sizeof *d);
    if (!d)
        return gm_nomem(err);
    d->gaz = gaz;
    d->opt = *opt;
    d->focus_country = GM_NONE16;
    d->focus_admin1 = GM_NONE16;
    size_t bad = len ? gm_utf8_invalid_count(text, len) : 0;
    d->text = gm_malloc((bad ? len * 3 : len) + 1);
    if (!d->text) {
        gm_doc_free(d);
        return gm_nomem(err);
    }
    if (bad) {
        d->len = gm_utf8_repair(text, len, d->text);
        d->repaired = bad;
    } else {
        if (len)
            memcpy(d->text, text, len);
        d->len = len;
    }
    d->text[d->len] = 0;
    d->opt.date = NULL; /* not kept: the caller's string may not outlive the document */
    if (opt->date && gm_date_parse(opt->date, strlen(opt->date), &d->date_days))
        d->has_date = true;
    if (!gm_text_tokenize(&d->t, d->text, d->len)) {
        gm_doc_free(d);
        return gm_nomem(err);
    }
    *out = d;
    return GM_OK;
}

/* The place a given span the gazetteer lacks is put at: of the towns and villages the document
 * names (given or seen around the given spans), the one with the least distance to all the others
 * (a medoid: where the text's places centre, and a real place among them).  Most such names are
 * small places near the ones the text is about: in the dev corpora about half lie within 161 km
 * of that point.  With admin1_code, only the towns in that region count; `except` (a namesake the
 * span was judged not to be) never does.  GM_NONE32 when the text names fewer than min_towns such
 * towns. */
#define ANCHOR_MAX 256
static uint32_t estimate_anchor(const gm_doc *d, const gm_place *placed, const char *admin1_code, uint32_t except,
                                size_t min_towns)
{
    uint32_t ids[ANCHOR_MAX];
    double lat[ANCHOR_MAX], lon[ANCHOR_MAX];
    size_t n = 0;
    /* towns; where the text names none, its counties */
    static const gm_precision LEVELS[] = {GM_PREC_PLACE, GM_PREC_ADMIN2};
    for (size_t l = 0; n == 0 && l < GM_ARRAY_LEN(LEVELS); l++) {
        for (size_t i = 0; i < d->nspans && n < ANCHOR_MAX; i++) {
            if (placed[i].precision != LEVELS[l] || placed[i].id == except ||
                (admin1_code && !(placed[i].admin1_code && strcmp(placed[i].admin1_code, admin1_code) == 0)))
                continue;
            ids[n] = placed[i].id;
            lat[n] = placed[i].lat;
            lon[n] = placed[i].lon;
            n++;
        }
    }
    uint32_t best = GM_NONE32;
    double best_sum = 0;
    size_t towns = 0;
    for (size_t i = 0; i < n && towns < min_towns; i++) {
        size_t j = 0;
        while (j < i && ids[j] != ids[i])
            j++;
        towns += j == i;
    }
    if (towns < min_towns)
        return GM_NONE32;
    for (size_t i = 0; i < n; i++) {
        double sum = 0;
        for (size_t j = 0; j < n && (best == GM_NONE32 || sum < best_sum); j++)
            if (ids[j] != ids[i])
                sum += gm_haversine_km(lat[i], lon[i], lat[j], lon[j]);
        if (best == GM_NONE32 || sum < best_sum) {
            best = ids[i];
            best_sum = sum;
        }
    }
    return best;
}

/* The resolved span written as span x's container ("Lowell, Summers County", "Lowell is a
 * community in Summers County"): its index + 1, or 0. */
static size_t written_container(const gm_doc *d, size_t x)
{
    if (gm_doc_comma_next(d, x) && d->spans[x + 1].best >= 0 && !d->spans[x + 1].dropped)
        return x + 2;
    size_t in = gm_doc_said_in(d, x);
    if (in && d->spans[in - 1].best >= 0 && !d->spans[in - 1].dropped)
        return in;
    return 0;
}

/* What `find` (written_container, gm_doc_said_in: a span index + 1, or 0) gives for span x or,
 * failing that, for the first other mention of the same words: one place per name in a document
 * ("Miramar is a suburb of Wellington ... Miramar Peninsula ... Miramar"). */
static size_t by_name(const gm_doc *d, size_t x, size_t (*find)(const gm_doc *, size_t))
{
    size_t in = find(d, x);
    for (size_t j = 0; !in && j < d->nspans; j++)
        if (j != x && gm_doc_same_words(d, &d->spans[j], &d->spans[x]))
            in = find(d, j);
    return in;
}

/* A given span worth an estimate: inside the text, and with a word in it (not a span past the
 * end, reversed, or of punctuation). */
static bool estimable(const gm_doc *d, const gm_mspan *s)
{
    if (!(s->start < s->end && s->end <= d->len))
        return false;
    for (size_t k = s->tok_start; k < s->tok_end && k < d->t.ntok; k++)
        if (d->t.tok[k].type == GM_TOK_WORD)
            return true;
    return false;
}

/* A given span's town is a stray namesake when the text names at least two other towns or regions,
 * none in the town's admin-1 region, and the town is small - under STRAY_MAX_POP people when the
 * name has several entries, under STRAY_MAX_POP_SOLE when it is the name's only one - and lies
 * either in a country nothing else in the text lies in, or (for a name of several entries) more
 * than STRAY_MIN_KM from every town and county the text names.  The place meant is then most
 * likely one the gazetteer lacks ("Fala, a hamlet south of Edinburgh" is not the Peruvian village
 * of 500; "Mission, a neighbourhood of Calgary" not the town in British Columbia), and it gets an
 * estimate instead. */
#define STRAY_MAX_POP 100000
#define STRAY_MAX_POP_SOLE 5000
#define STRAY_MIN_KM 600.0
static bool stray_namesake(const gm_doc *d, const gm_place *placed, size_t i, uint32_t place)
{
    gm_place pp;
    gm_gz_place(d->gaz, place, &pp);
    uint64_t max_pop = d->spans[i].ncand >= 2 ? STRAY_MAX_POP : STRAY_MAX_POP_SOLE;
    if (pp.precision != GM_PREC_PLACE || pp.population >= max_pop)
        return false;
    size_t others = 0;
    bool same_country = false;
    for (size_t j = 0; j < d->nspans; j++) {
        const gm_place *q = &placed[j];
        if (j == i || q->precision == GM_PREC_NONE || q->id == place)
            continue;
        if (q->admin1_code && pp.admin1_code && strcmp(q->admin1_code, pp.admin1_code) == 0)
            return false; /* the text names something else in its region */
        same_country |= q->country_code && pp.country_code && strcmp(q->country_code, pp.country_code) == 0;
        others += q->precision == GM_PREC_PLACE || q->precision == GM_PREC_ADMIN2 || q->precision == GM_PREC_ADMIN1;
    }
    if (others < 2)
        return false;
    if (!same_country)
        return true;
    if (d->spans[i].ncand < 2)
        return false;
    /* in the country of the text's other places: stray only when far from all its towns and counties */
    for (size_t j = 0; j < d->nspans; j++) {
        const gm_place *q = &placed[j];
        if (j != i && q->id != place && (q->precision == GM_PREC_PLACE || q->precision == GM_PREC_ADMIN2) &&
            gm_haversine_km(pp.lat, pp.lon, q->lat, q->lon) <= STRAY_MIN_KM)
            return false;
    }
    return true;
}

/* The town span x (or another mention of its name) is said to lie in ("a neighborhood in
 * Portland", "a suburb of Southampton"), when the entry chosen for x lies more than TOWN_AROUND_KM
 * from it; else GM_NONE32. */
#define TOWN_AROUND_KM 60.0
#define TOWN_AROUND_CONF 0.7f
static uint32_t town_said_around(const gm_doc *d, const gm_place *placed, size_t x, uint32_t place)
{
    size_t in = by_name(d, x, gm_doc_said_in);
    /* (a town the resolver is sure of: not "the Darling Downs region" read as a town Darling) */
    if (!in || placed[in - 1].precision != GM_PREC_PLACE || placed[in - 1].id == place ||
        d->spans[in - 1].conf < TOWN_AROUND_CONF || (d->spans[in - 1].flags & GM_SF_REGION_WORD))
        return GM_NONE32;
    gm_place pp;
    gm_gz_place(d->gaz, place, &pp);
    if (gm_haversine_km(pp.lat, pp.lon, placed[in - 1].lat, placed[in - 1].lon) <= TOWN_AROUND_KM)
        return GM_NONE32;
    return placed[in - 1].id;
}

/* The entry of each span the resolver kept (precision GM_PREC_NONE for the others), for the
 * estimates' look-ups at the document's places: made once, on first need. */
static gm_place *placed_spans(const gm_doc *d)
{
    gm_place *placed = gm_calloc(d->nspans ? d->nspans : 1, sizeof *placed);
    for (size_t j = 0; placed && j < d->nspans; j++)
        if (d->spans[j].best >= 0 && !d->spans[j].dropped)
            gm_gz_place(d->gaz, d->cands[d->spans[j].best].place, &placed[j]);
    return placed;
}

/* An estimate's confidence: never the named place itself, within 161 km about half the time. */
#define ESTIMATE_CONFIDENCE 0.2

/* Builds the public mention array from the spans: the reported spans in text order, or in resolve
 * mode exactly the given spans in the caller's order. */
static gm_status finish(gm_doc *d)
{
    bool anchored = false;
    uint32_t anchor = GM_NONE32;
    gm_place *placed = NULL; /* (placed_spans, when resolve mode asks) */
    size_t n = 0;
    for (size_t i = 0; i < d->nspans; i++)
        n += d->resolve_only ? d->spans[i].given != 0 : !d->spans[i].dropped && !(d->spans[i].flags & GM_SF_HIDDEN);
    d->mentions = gm_calloc(n ? n : 1, sizeof *d->mentions);
    if (!d->mentions)
        return GM_E_NOMEM;
    for (size_t i = 0; i < d->nspans; i++) {
        gm_mspan *s = &d->spans[i];
        size_t slot;
        if (d->resolve_only) {
            if (!s->given)
                continue;
            slot = s->given - 1;
        } else {
            if (s->dropped || (s->flags & GM_SF_HIDDEN))
                continue;
            slot = d->nmentions;
        }
        gm_mention *m = &d->mentions[slot];
        d->nmentions++;
        m->start = s->start;
        m->end = s->end;
        m->kind = (gm_mention_kind)s->kind;
        uint32_t place = s->best >= 0 && (!s->dropped || s->given) ? d->cands[s->best].place : GM_NONE32;
        bool estimating = d->resolve_only && d->opt.estimates && (place != GM_NONE32 || estimable(d, s));
        if (estimating && !placed && !(placed = placed_spans(d)))
            return GM_E_NOMEM;
        uint32_t stray = GM_NONE32; /* (an entry judged a stray namesake) */
        if (place != GM_NONE32 && estimating && stray_namesake(d, placed, i, place)) {
            stray = place;
            place = GM_NONE32; /* estimated below instead */
        }
        uint32_t at = GM_NONE32;
        /* "Alameda is a neighborhood in Portland", "Santa Clara is a municipality in the San Vicente
         * Department": a place the text says lies in a town is near it, not a namesake far away */
        if (place != GM_NONE32 && estimating && (at = town_said_around(d, placed, i, place)) != GM_NONE32)
            place = GM_NONE32;
        /* a town put at the state or province written with it ("Alameda, a town in Saskatchewan"):
         * nearer at the text's towns in that region, when it names some ("east of Estevan") */
        if (place != GM_NONE32 && estimating && (s->flags & GM_SF_AT_REGION)) {
            gm_place rp;
            gm_gz_place(d->gaz, place, &rp);
            if (rp.precision == GM_PREC_ADMIN1 && rp.admin1_code &&
                (at = estimate_anchor(d, placed, rp.admin1_code, GM_NONE32, 1)) != GM_NONE32)
                place = GM_NONE32;
        }
        if (place != GM_NONE32) {
            m->resolved = 1;
            gm_gz_place(d->gaz, place, &m->place);
            m->confidence = s->conf;
        } else if (estimating && estimable(d, s)) {
            /* where: a town or county written as its container ("Lowell, Summers County"), else
             * where the text's towns centre, else a larger container ("X, Texas") */
            size_t in = at == GM_NONE32 ? by_name(d, i, written_container) : 0;
            uint32_t within = in ? d->cands[d->spans[in - 1].best].place : GM_NONE32;
            if (within != GM_NONE32) {
                gm_place cp;
                gm_gz_place(d->gaz, within, &cp);
                if (cp.precision == GM_PREC_PLACE || cp.precision == GM_PREC_ADMIN2)
                    at = within;
            }
            if (at == GM_NONE32 && stray != GM_NONE32) {
                /* where the text's other towns centre (two at least), not where the namesake and
                 * its other mentions are */
                uint32_t an = estimate_anchor(d, placed, NULL, stray, 2);
                at = an != GM_NONE32 ? an : within != GM_NONE32 ? within : stray;
            } else if (at == GM_NONE32) {
                if (!anchored) {
                    anchor = estimate_anchor(d, placed, NULL, GM_NONE32, 1);
                    anchored = true;
                }
                at = anchor != GM_NONE32 ? anchor : within;
            }
            if (at != GM_NONE32) {
                /* the anchor's point and regions; nothing that would name this place as the anchor */
                m->resolved = 1;
                gm_gz_place(d->gaz, at, &m->place);
                m->place.name = NULL;
                m->place.geonameid = 0;
                m->place.feature_code = NULL;
                m->place.population = 0;
                m->place.source = "estimate";
                m->place.precision = GM_PREC_NEAR;
                m->confidence = ESTIMATE_CONFIDENCE;
            }
        }
    }
    gm__free(placed);
    return GM_OK;
}

gm_status gm_extract(const gm_gazetteer *gaz, const char *text, size_t len, const gm_options *opt, gm_doc **out,
                     gm_error *err)
{
    *out = NULL;
    gm_doc *d;
    gm_status st = doc_new(gaz, text, len, opt, &d, err);
    if (st)
        return st;
    if ((st = gm_recognize(d)) || (st = gm_resolve(d)) || (d->opt.incidents && (st = gm_find_incidents(d))) ||
        (st = finish(d))) {
        gm_doc_free(d);
        return st == GM_E_NOMEM ? gm_nomem(err) : gm_fail(err, st, "processing failed: %s", gm_strerror(st));
    }
    *out = d;
    return GM_OK;
}

/* ------------------------------------------------------------------ given spans */
/* Words that may be trimmed off a given span when the whole is not a name. */
static const gm_word TRIM_FIRST[] = {
    GM_WORD("the"), GM_WORD("north"), GM_WORD("south"), GM_WORD("east"), GM_WORD("west"), GM_WORD("northern"),
    GM_WORD("southern"), GM_WORD("eastern"), GM_WORD("western"), GM_WORD("central"), GM_WORD("northeast"),
    GM_WORD("northwest"), GM_WORD("southeast"), GM_WORD("southwest"), GM_WORD("northeastern"),
    GM_WORD("northwestern"), GM_WORD("southeastern"), GM_WORD("southwestern"), GM_WORD("downtown"),
    GM_WORD("greater"), GM_WORD("upstate"), GM_WORD("rural"), GM_WORD("metro"), GM_WORD("suburban"),
    GM_WORD("coastal"),
};

/* Token i is one of the n words. */
static bool one_of(const gm_doc *d, size_t i, const gm_word *words, size_t n)
{
    return i < d->t.ntok && d->t.tok[i].type == GM_TOK_WORD && gm_tok_one_of(&d->t, &d->t.tok[i], words, n);
}

static bool is_trim_first(const gm_doc *d, size_t i) { return one_of(d, i, TRIM_FIRST, GM_ARRAY_LEN(TRIM_FIRST)); }

/* The tokens inside bytes [start, end). */
static void tokens_of(const gm_doc *d, size_t start, size_t end, size_t *a, size_t *b)
{
    size_t lo = 0, hi = d->t.ntok;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (d->t.tok[mid].end <= start)
            lo = mid + 1;
        else
            hi = mid;
    }
    *a = lo;
    size_t j = lo;
    while (j < d->t.ntok && d->t.tok[j].start < end)
        j++;
    *b = j;
}

/* A part of a given span stands for a place only under a name of the place's own: not a county's
 * name without "County" ("South Island" is not Island County, "Cherry Hinton" not Cherry County),
 * nor an alternate or foreign name ("Island" is Iceland in Danish).  The whole span may be either. */
static bool names_itself(const gm_doc *d, const gm_idx_key *k)
{
    const gm_gazetteer *g = d->gaz;
    for (uint32_t j = 0; j < k->npost; j++) {
        uint32_t p = g->postings[k->post + j], place = gm_post_place(p);
        unsigned type = gm_post_type(p);
        if (!gm_gz_place_ok(g, place))
            continue;
        if (type < GM_NT_VARIANT || (type == GM_NT_VARIANT && gm_gz_precision(g, place) != GM_PREC_ADMIN2))
            return true;
    }
    return false;
}

/* Finds the best key for tokens [a, b): the whole, its possessive base, then trimmed forms, then the
 * longest sub-span that is a name ("Kyiv City Council" -> "Kyiv"). */
static const gm_idx_key *given_key(const gm_doc *d, size_t a, size_t b)
{
    bool stop = b > a && gm_tok_is(&d->t.tok[b - 1], '.');
    while (b > a && d->t.tok[b - 1].type == GM_TOK_PUNCT)
        b--;
    while (a < b && d->t.tok[a].type == GM_TOK_PUNCT)
        a++;
    if (a >= b)
        return NULL;
    const gm_idx_key *k;
    if (stop) { /* "La.", "N.Y.": the abbreviation with its full stop */
        char buf[256];
        size_t n = 0;
        for (size_t i = a; i < b && n + 40 < sizeof buf; i++) {
            const gm_token *t = &d->t.tok[i];
            if (t->type == GM_TOK_PUNCT || t->fold_len > 32)
                continue;
            if (n)
                buf[n++] = ' ';
            memcpy(buf + n, gm_tok_fold(&d->t, t), t->fold_len);
            n += t->fold_len;
        }
        buf[n++] = '.';
        k = gm_gz_find(d->gaz, buf, n, gm_fnv(GM_FNV_INIT, buf, n));
        if (k && (k->flags & GM_KEY_NAME))
            return k;
    }
    /* "Canada's" is Canada before it is "Cañadas" */
    if (d->t.tok[b - 1].flags & GM_TF_POSSESSIVE) {
        k = gm_lookup_tokens(d, a, b, true);
        if (k && (k->flags & GM_KEY_NAME))
            return k;
    }
    k = gm_lookup_tokens(d, a, b, false);
    if (k && (k->flags & GM_KEY_NAME))
        return k;
    size_t a2 = a;
    while (a2 + 1 < b && is_trim_first(d, a2))
        a2++;
    if (a2 != a) {
        k = gm_lookup_tokens(d, a2, b, d->t.tok[b - 1].flags & GM_TF_POSSESSIVE);
        if (k && (k->flags & GM_KEY_NAME) && names_itself(d, k))
            return k;
    }
    /* the longest name the span starts with ("Kyiv City Council" -> "Kyiv"), never one from its
     * middle ("European Union" is not "Union") */
    for (size_t len = b - a2; len-- > 1;) {
        if (d->t.tok[a2 + len - 1].type == GM_TOK_PUNCT)
            continue;
        k = gm_lookup_tokens(d, a2, a2 + len, d->t.tok[a2 + len - 1].flags & GM_TF_POSSESSIVE);
        if (k && (k->flags & GM_KEY_NAME) && names_itself(d, k))
            return k;
    }
    return NULL;
}

static int cmp_span_start(const void *x, const void *y)
{
    const gm_mspan *a = x, *b = y;
    if (a->start != b->start)
        return a->start < b->start ? -1 : 1;
    return (a->given > b->given) - (a->given < b->given);
}

/* Adds caller span i (clamped to the text) to the document, or adopts an identical recognised one. */
static gm_status add_given_span(gm_doc *d, const gm_span *sp, size_t i, size_t nrecognised)
{
    size_t s0 = sp->start, s1 = sp->end;
    if (s0 > d->len)
        s0 = d->len;
    if (s1 > d->len)
        s1 = d->len;
    if (s1 < s0)
        s1 = s0;
    for (size_t k = 0; k < nrecognised; k++) {
        gm_mspan *r = &d->spans[k];
        if (r->start == sp->start && r->end == sp->end && !r->given) {
            r->given = (uint32_t)(i + 1);
            /* the caller says it is a place: shown, and a street's name ("Hertford Road") counts
             * as a place among the others */
            r->flags &= (uint16_t)~(GM_SF_HIDDEN | GM_SF_STREET);
            r->dropped = false;
            if (r->placeness < 0.9f)
                r->placeness = 0.9f; /* the caller says it is a place */
            return GM_OK;
        }
    }
    if (!gm_grow((void **)&d->spans, &d->capspans, d->nspans + 1, sizeof *d->spans))
        return GM_E_NOMEM;
    gm_mspan *s = &d->spans[d->nspans++];
    memset(s, 0, sizeof *s);
    s->best = -1;
    s->start = (uint32_t)sp->start; /* reported as given, even when clamped */
    s->end = (uint32_t)sp->end;
    s->placeness = 1.0f;
    s->flags = GM_SF_GIVEN;
    s->given = (uint32_t)(i + 1);
    size_t a, b;
    tokens_of(d, s0, s1, &a, &b);
    s->tok_start = (uint32_t)a;
    s->tok_end = (uint32_t)(b > a ? b : a);
    if (b <= a)
        return GM_OK;
    const gm_idx_key *k = given_key(d, a, b);
    if (!k)
        return GM_OK;
    bool allcaps = true; /* "US", and "U.S." whose letters are single capitals */
    for (size_t x = a; x < b; x++)
        if (d->t.tok[x].type == GM_TOK_WORD && !(d->t.tok[x].flags & GM_TF_ALLCAPS) &&
            !(d->t.tok[x].end - d->t.tok[x].start == 1 && (d->t.tok[x].flags & GM_TF_CAP)))
            allcaps = false;
    /* a given span may be a demonym ("American", "Spanish"): its country, unless a place under the
     * name outranks it */
    bool dem = gm_key_is_demonym(d->gaz, k);
    if (!gm_span_add_candidates(d, s, k, allcaps, dem ? GM_CANDS_DEMONYMS : GM_CANDS_NAMES) ||
        (s->ncand == 0 && !gm_span_add_candidates(d, s, k, allcaps, dem ? GM_CANDS_NAMES : GM_CANDS_DEMONYMS)))
        return GM_E_NOMEM;
    if (s->ncand && d->cands[s->cand].name_type == GM_NT_DEMONYM)
        s->kind = GM_MENTION_DEMONYM;
    /* wording around the span, as recognition would note it */
    if (b < d->t.ntok && (gm_doc_tok_is(d, b, "region") || gm_doc_tok_is(d, b, "oblast") ||
                          gm_doc_tok_is(d, b, "province") || gm_doc_tok_is(d, b, "state")))
        s->flags |= GM_SF_REGION_WORD;
    for (size_t x = a; x < b; x++)
        if (gm_doc_tok_is(d, x, "region") || gm_doc_tok_is(d, x, "oblast") || gm_doc_tok_is(d, x, "province"))
            s->flags |= GM_SF_REGION_WORD;
    if (b < d->t.ntok && (gm_doc_tok_is(d, b, "county") || gm_doc_tok_is(d, b, "parish")))
        s->flags |= GM_SF_COUNTY_WORD; /* a span that leaves out the "County" of its name */
    if (a >= 2 && gm_doc_tok_is(d, a - 1, "of") &&
        (gm_doc_tok_is(d, a - 2, "city") || gm_doc_tok_is(d, a - 2, "town") || gm_doc_tok_is(d, a - 2, "village")))
        s->flags |= GM_SF_CITY_WORD;
    if (gm_doc_called_town(d, a, b))
        s->flags |= GM_SF_CALLED_TOWN;
    return GM_OK;
}

gm_status gm_resolve_spans(const gm_gazetteer *gaz, const char *text, size_t len, const gm_span *spans,
                           size_t nspans, const gm_options *opt, gm_doc **out, gm_error *err)
{
    *out = NULL;
    gm_doc *d;
    gm_status st = doc_new(gaz, text, len, opt, &d, err);
    if (st)
        return st;
    d->resolve_only = true;
    /* the places the text names around the given spans are context ("Washington ... Arkansas"):
     * recognise them, keep them hidden */
    if ((st = gm_recognize(d)) != GM_OK) {
        gm_doc_free(d);
        return gm_nomem(err);
    }
    size_t nrec = d->nspans;
    for (size_t k = 0; k < nrec; k++)
        d->spans[k].flags |= GM_SF_HIDDEN;
    for (size_t i = 0; i < nspans; i++) {
        if (add_given_span(d, &spans[i], i, nrec) != GM_OK) {
            gm_doc_free(d);
            return gm_nomem(err);
        }
    }
    /* a hidden span overlapping a given one would count the same words twice */
    for (size_t k = 0; k < nrec; k++) {
        gm_mspan *r = &d->spans[k];
        if (r->given)
            continue;
        for (size_t g = nrec; g < d->nspans; g++)
            if (d->spans[g].start < r->end && r->start < d->spans[g].end) {
                r->dropped = true;
                break;
            }
    }
    qsort(d->spans, d->nspans, sizeof *d->spans, cmp_span_start);
    /* containers between neighbouring spans: "Paris, Texas" */
    for (size_t x = 0; x < d->nspans; x++)
        d->spans[x].container = 0;
    for (size_t x = 0; x + 1 < d->nspans; x++) {
        gm_mspan *a = &d->spans[x], *b = &d->spans[x + 1];
        if (a->ncand && b->ncand && !b->dropped && gm_doc_comma_next(d, x))
            a->container = (uint32_t)(x + 2);
        else if (a->ncand) { /* "Lowell is an unincorporated community in Summers County" */
            size_t in = gm_doc_written_in(d, x); /* or "Fairfield County in southwestern Connecticut" */
            if (in && !d->spans[in - 1].dropped && d->spans[in - 1].ncand)
                a->container = (uint32_t)in;
        }
    }
    if ((st = gm_resolve(d)) || (st = finish(d))) {
        gm_doc_free(d);
        return st == GM_E_NOMEM ? gm_nomem(err) : gm_fail(err, st, "resolution failed");
    }
    *out = d;
    return GM_OK;
}

/* ------------------------------------------------------------------ accessors */
const char *gm_doc_text(const gm_doc *d, size_t *len)
{
    if (len)
        *len = d->len;
    return d->text;
}

size_t gm_doc_repaired_bytes(const gm_doc *d) { return d->repaired; }
/* What a place is called when a text says where it lies: "a town in", "a village in". */
static const gm_word SETTLEMENT_WORDS[] = {
    GM_WORD("town"), GM_WORD("city"), GM_WORD("village"), GM_WORD("community"), GM_WORD("hamlet"),
    GM_WORD("suburb"), GM_WORD("neighborhood"), GM_WORD("neighbourhood"), GM_WORD("borough"),
    GM_WORD("municipality"), GM_WORD("township"), GM_WORD("settlement"), GM_WORD("locality"),
    GM_WORD("commune"), GM_WORD("parish"), GM_WORD("place"), GM_WORD("district"), GM_WORD("quarter"),
};
/* Words between "in" and the region: "in north east Edmonton", "in rural Kane County" */
static const gm_word WHERE_WORDS[] = {
    GM_WORD("north"), GM_WORD("south"), GM_WORD("east"), GM_WORD("west"), GM_WORD("northern"),
    GM_WORD("southern"), GM_WORD("eastern"), GM_WORD("western"), GM_WORD("central"), GM_WORD("northeast"),
    GM_WORD("northwest"), GM_WORD("southeast"), GM_WORD("southwest"), GM_WORD("rural"), GM_WORD("downtown"),
    GM_WORD("northeastern"), GM_WORD("northwestern"), GM_WORD("southeastern"), GM_WORD("southwestern"),
    GM_WORD("inner"), GM_WORD("outer"),
};

#define ONE_OF(d, k, words) one_of(d, k, words, GM_ARRAY_LEN(words))

bool gm_doc_same_words(const gm_doc *d, const gm_mspan *a, const gm_mspan *b)
{
    const gm_text *t = &d->t;
    if (a->tok_end - a->tok_start != b->tok_end - b->tok_start || a->tok_end <= a->tok_start)
        return false;
    for (uint32_t k = 0; k < a->tok_end - a->tok_start; k++) {
        const gm_token *x = &t->tok[a->tok_start + k], *y = &t->tok[b->tok_start + k];
        if (x->base_len != y->base_len || memcmp(gm_tok_fold(t, x), gm_tok_fold(t, y), x->base_len) != 0)
            return false;
    }
    return true;
}

/* Kinds of region written "the X of Name". */
static const gm_word UNIT_WORDS[] = {
    GM_WORD("province"),   GM_WORD("state"),      GM_WORD("county"),     GM_WORD("region"),
    GM_WORD("district"),   GM_WORD("department"), GM_WORD("prefecture"), GM_WORD("governorate"),
    GM_WORD("oblast"),     GM_WORD("municipality"), GM_WORD("borough"),  GM_WORD("parish"),
    GM_WORD("commonwealth"),
};

/* Words that end a description before its noun: prepositions, articles, conjunctions, verbs. */
static const gm_word NOT_DESCRIBING[] = {
    GM_WORD("on"),  GM_WORD("in"),   GM_WORD("of"),  GM_WORD("at"),   GM_WORD("with"), GM_WORD("from"),
    GM_WORD("by"),  GM_WORD("for"),  GM_WORD("to"),  GM_WORD("a"),    GM_WORD("an"),   GM_WORD("the"),
    GM_WORD("and"), GM_WORD("or"),   GM_WORD("but"), GM_WORD("that"), GM_WORD("which"), GM_WORD("who"),
    GM_WORD("is"),  GM_WORD("was"),  GM_WORD("has"), GM_WORD("had"),  GM_WORD("said"),
};

/* The settlement words that never name a county-level unit (a parish, borough, township or
 * municipality may be one). */
static const gm_word TOWN_WORDS[] = {
    GM_WORD("town"),     GM_WORD("city"),      GM_WORD("village"),      GM_WORD("community"),
    GM_WORD("hamlet"),   GM_WORD("suburb"),    GM_WORD("neighborhood"), GM_WORD("neighbourhood"),
    GM_WORD("settlement"), GM_WORD("locality"),
};

/* Past what may stand between a name and what the text says of it: a pronunciation or a name in
 * another language, "Moscow /ˈmɒskoʊ/ is", "Kabul (Arabic: ...) is" (up to three, each short). */
static size_t past_asides(const gm_doc *d, size_t k)
{
    const gm_text *t = &d->t;
    for (int n = 0; n < 3 && k < t->ntok; n++) {
        char close = gm_tok_is(&t->tok[k], '(') ? ')' : gm_tok_is(&t->tok[k], '/') ? '/' : 0;
        if (!close)
            break;
        size_t j = k + 1, lim = k + 24 < t->ntok ? k + 24 : t->ntok;
        while (j < lim && !gm_tok_is(&t->tok[j], close))
            j++;
        if (j >= lim)
            break;
        k = j + 1;
    }
    return k;
}

bool gm_doc_called_town(const gm_doc *d, size_t a, size_t b)
{
    const gm_text *t = &d->t;
    if (a > 0 && gm_tok_is(&t->tok[a - 1], ','))
        return false; /* the region of "San Gabriel, Texas is a town" */
    size_t k = past_asides(d, b);
    size_t end = k + 12 < t->ntok ? k + 12 : t->ntok;
    if (k >= end)
        return false;
    if (gm_tok_is(&t->tok[k], ',') || gm_doc_tok_is(d, k, "is") || gm_doc_tok_is(d, k, "was"))
        k++;
    else
        return false;
    if (!(gm_doc_tok_is(d, k, "a") || gm_doc_tok_is(d, k, "an")))
        return false;
    /* the noun after words that describe it ("small", "unincorporated", "census-designated"), not
     * after a phrase of its own ("Lebanon, a drone strike on a car in the southern city of") */
    for (k++; k < end; k++) {
        const gm_token *w = &t->tok[k];
        if (ONE_OF(d, k, TOWN_WORDS) || (gm_doc_tok_is(d, k, "place") && gm_doc_tok_is(d, k - 1, "designated")))
            return true;
        if ((!(w->type == GM_TOK_WORD && !(w->flags & GM_TF_CAP)) && !gm_tok_is(w, '-')) || ONE_OF(d, k, NOT_DESCRIBING))
            return false;
    }
    return false;
}

/* How many tokens at k stand before a region's name: "the", a compass word or its hyphen, "the
 * county of" and "the north part of" (two), the "of" of "the southwest of"; 0 when none. */
static size_t region_lead(const gm_doc *d, size_t k)
{
    if ((ONE_OF(d, k, UNIT_WORDS) || gm_doc_tok_is(d, k, "part")) && gm_doc_tok_is(d, k + 1, "of"))
        return 2;
    return gm_doc_tok_is(d, k, "the") || ONE_OF(d, k, WHERE_WORDS) || gm_tok_is(&d->t.tok[k], '-') ||
           (gm_doc_tok_is(d, k, "of") && k > 0 && ONE_OF(d, k - 1, WHERE_WORDS));
}

/* From token k on (in sentence `sent`, before `end`), the word a region follows: "in", "within",
 * the "of" of "county seat of", or a comma that a span starts right after ("in Shelby Township,
 * Jefferson County"); SIZE_MAX when none.  (Not "200 km east of Rundu": a place far from it.) */
static size_t next_region_word(const gm_doc *d, size_t x, size_t k, size_t end, uint32_t sent)
{
    const gm_text *t = &d->t;
    for (; k + 1 < end && t->tok[k].sent == sent; k++) {
        if (gm_doc_tok_is(d, k, "in") || gm_doc_tok_is(d, k, "within") ||
            (gm_doc_tok_is(d, k, "of") && k > 0 && gm_doc_tok_is(d, k - 1, "seat")))
            return k;
        if (gm_tok_is(&t->tok[k], ','))
            for (size_t y = x + 1; y < d->nspans && d->spans[y].tok_start <= k + 1; y++)
                if (d->spans[y].tok_start == k + 1)
                    return k;
    }
    return SIZE_MAX;
}

size_t gm_doc_said_in(const gm_doc *d, size_t x)
{
    if (x + 1 >= d->nspans)
        return 0;
    const gm_mspan *a = &d->spans[x];
    const gm_text *t = &d->t;
    size_t k = past_asides(d, a->tok_end), end = k + 28 < t->ntok ? k + 28 : t->ntok;
    if (k >= end)
        return 0;
    if (gm_tok_is(&t->tok[k], ','))
        k++;
    else if (gm_doc_tok_is(d, k, "is") || gm_doc_tok_is(d, k, "was"))
        k++;
    else
        return 0;
    /* ("the third-largest city in the province of KwaZulu-Natal" too) */
    if (!(gm_doc_tok_is(d, k, "a") || gm_doc_tok_is(d, k, "an") || gm_doc_tok_is(d, k, "the")))
        return 0;
    k++;
    uint32_t sent = t->tok[a->tok_start].sent;
    /* "a small town", "an unincorporated community", "a census-designated place (CDP)", "a village
     * and civil parish": lower-case words and the noun, which may be followed by another, then the
     * word before the region; or, after other words ("a small settlement situated on the Loddon
     * River, 130 kilometres north-west of Melbourne, in Victoria"), the next such word */
    bool noun = false;
    for (; k < end; k++) {
        const gm_token *w = &t->tok[k];
        if (ONE_OF(d, k, SETTLEMENT_WORDS)) {
            noun = true;
            continue;
        }
        if (noun && (gm_doc_tok_is(d, k, "located") || gm_doc_tok_is(d, k, "situated")))
            continue;
        if (noun && gm_tok_is(w, '(')) { /* "(CDP)" */
            while (k < end && !gm_tok_is(&t->tok[k], ')'))
                k++;
            continue;
        }
        if (noun && (gm_doc_tok_is(d, k, "in") || gm_doc_tok_is(d, k, "within") ||
                     (gm_doc_tok_is(d, k, "of") && (gm_doc_tok_is(d, k - 1, "suburb") ||
                                                    gm_doc_tok_is(d, k - 1, "neighborhood") ||
                                                    gm_doc_tok_is(d, k - 1, "neighbourhood") ||
                                                    gm_doc_tok_is(d, k - 1, "district") ||
                                                    gm_doc_tok_is(d, k - 1, "quarter")))))
            break;
        if (!(w->type == GM_TOK_WORD && !(w->flags & GM_TF_CAP)) && !gm_tok_is(w, '-')) {
            if (!noun || (k = next_region_word(d, x, k, end, sent)) == SIZE_MAX)
                return 0;
            break;
        }
    }
    if (!noun || k >= end)
        return 0;
    /* the region: the span that starts there, in the same sentence ("(CDP)" may be a span before
     * it); where the gazetteer lacks it, the next one (next_region_word) */
    for (int tries = 0; tries < 3 && k < end; tries++) {
        k++;
        for (size_t lead; k < end && (lead = region_lead(d, k)) > 0;)
            k += lead;
        /* (not a name before "Township": "in Bethlehem Township, Clark County" is no town Bethlehem) */
        for (size_t y = x + 1; y < d->nspans && d->spans[y].tok_start <= k; y++)
            if (d->spans[y].tok_start == k && t->tok[k].sent == sent && !gm_doc_tok_is(d, d->spans[y].tok_end, "township"))
                return y + 1;
        if ((k = next_region_word(d, x, k, end, sent)) == SIZE_MAX)
            break;
    }
    return 0;
}

size_t gm_doc_in_next(const gm_doc *d, size_t x)
{
    if (x + 1 >= d->nspans)
        return 0;
    const gm_mspan *a = &d->spans[x], *b = &d->spans[x + 1];
    size_t k = a->tok_end;
    /* "Tripoli, in northern Lebanon": any place; without the comma a unit only ("named after the
     * city of Exeter in England" names a namesake) */
    bool comma = k + 1 < d->t.ntok && gm_tok_is(&d->t.tok[k], ',');
    k += comma;
    if (!gm_doc_tok_is(d, k, "in") || d->t.tok[k].sent != d->t.tok[a->tok_start].sent ||
        !(comma || ONE_OF(d, a->tok_end - 1, UNIT_WORDS)))
        return 0;
    for (size_t lead, n = 0; ++k < b->tok_start && n < 4 && (lead = region_lead(d, k)) > 0; n++)
        k += lead - 1;
    return k == b->tok_start && d->t.tok[k].sent == d->t.tok[a->tok_start].sent ? x + 2 : 0;
}

size_t gm_doc_mention_count(const gm_doc *d) { return d->nmentions; }
const gm_mention *gm_doc_mention(const gm_doc *d, size_t i) { return i < d->nmentions ? &d->mentions[i] : NULL; }
size_t gm_doc_incident_count(const gm_doc *d) { return d->nincidents; }
const gm_incident *gm_doc_incident(const gm_doc *d, size_t i) { return i < d->nincidents ? &d->incidents[i] : NULL; }

int gm_doc_focus(const gm_doc *d, const char **country_code, const char **admin1_code)
{
    if (country_code)
        *country_code = NULL;
    if (admin1_code)
        *admin1_code = NULL;
    if (d->focus_country == GM_NONE16)
        return 0;
    if (country_code)
        *country_code = d->gaz->countries[d->focus_country].iso2;
    if (admin1_code && d->focus_admin1 != GM_NONE16)
        *admin1_code = d->gaz->strings + d->gaz->admin1[d->focus_admin1].code;
    return 1;
}

size_t gm_doc_feature_count(const gm_doc *d, gm_layer layer)
{
    return layer == GM_LAYER_MENTIONS ? d->nmentions : d->nincidents;
}
