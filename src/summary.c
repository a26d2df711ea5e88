/*
 * summary.c - incidents, casualties and mentions summed per country, admin-1, admin-2 or place.
 *
 * Rows are keyed by the grouping's codes (country code, admin-1 code, admin-2 name, or the place's
 * GeoNames id).  Summaries of several inputs merge correctly: an incident or mention seen twice
 * (the same document id and span, say from two files written from the same articles) counts once,
 * and distinct places are counted through a set of "row / place" keys, so the same place in two
 * files counts once while incidents and mentions add up.
 */
#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "summary.h"
#include "tsv.h"

typedef struct srow {
    char *cc, *country, *admin1, *admin1_code, *admin2, *place, *feature_code;
    uint32_t geonameid;
    double lat, lon;
    bool has_point;
    size_t incidents, mentions, places;
    long killed, injured;
} srow;

/*
 * A set of 64-bit keys (open addressing; 0 marks a free slot, so a key of 0 is stored as 1).  The
 * distinct-place and counted-once sets hold one key per feature: a string per key had made them
 * a fifth of the time of writing a GeoPackage and 40 MB of memory.  Keys that stand for strings
 * are 64-bit hashes of them; two different features then share a key with a probability of about
 * n^2 / 2^65 (1e-7 for a million features).
 */
typedef struct keyset {
    uint64_t *keys;
    size_t cap, count;
} keyset;

static uint64_t mix64(uint64_t x)
{
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdull;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ull;
    x ^= x >> 33;
    return x ? x : 1;
}

/* The slot of mixed key m in a table of cap (a power of two) slots: its own, or the free one where
 * it would go. */
static size_t keyset_slot(const uint64_t *keys, size_t cap, uint64_t m)
{
    size_t j = (size_t)m & (cap - 1);
    while (keys[j] && keys[j] != m)
        j = (j + 1) & (cap - 1);
    return j;
}

/* Adds key; *added tells whether it was new.  False when out of memory. */
static bool keyset_add(keyset *k, uint64_t key, bool *added)
{
    key = mix64(key);
    if ((k->count + 1) * 2 > k->cap) {
        size_t ncap = k->cap ? k->cap * 2 : 256;
        uint64_t *nk = gm_calloc(ncap, sizeof *nk);
        if (!nk)
            return false;
        for (size_t i = 0; i < k->cap; i++)
            if (k->keys[i])
                nk[keyset_slot(nk, ncap, k->keys[i])] = k->keys[i];
        gm__free(k->keys);
        k->keys = nk;
        k->cap = ncap;
    }
    size_t j = keyset_slot(k->keys, k->cap, key);
    *added = !k->keys[j];
    if (*added) {
        k->keys[j] = key;
        k->count++;
    }
    return true;
}

static bool keyset_has(const keyset *k, uint64_t key)
{
    return k->cap && k->keys[keyset_slot(k->keys, k->cap, mix64(key))] != 0;
}

static void keyset_free(keyset *k)
{
    gm__free(k->keys);
    memset(k, 0, sizeof *k);
}

struct gm_summary {
    gm_summary_by by;
    long since, until; /* days since 1970; LONG_MIN/LONG_MAX when open */
    bool dated;        /* a date filter is set */
    srow *rows;
    size_t n, cap;
    gm_strmap index;
    keyset seen;       /* row/place keys, for the count of distinct places */
    keyset once;       /* doc_id/span keys of features already counted */
    keyset whole;      /* doc_ids of documents added whole (gm_summary_add_doc) */
    keyset parts;      /* doc_ids of which features were added one by one */
    gm_summary_row *pub;
    bool dirty;
    sqlite3 *shapes;          /* the gazetteer, opened for region outlines on first need */
    sqlite3_stmt *shape_q;
};

gm_status gm_summary_new(gm_summary_by by, gm_summary **out)
{
    if (!out || by < GM_BY_ADMIN1 || by > GM_BY_PLACE)
        return GM_E_ARG;
    *out = gm_calloc(1, sizeof **out);
    if (!*out)
        return GM_E_NOMEM;
    (*out)->by = by;
    (*out)->since = -1000000000L;
    (*out)->until = 1000000000L;
    gm_strmap_init(&(*out)->index);
    return GM_OK;
}

static void row_free(srow *r)
{
    gm__free(r->cc);
    gm__free(r->country);
    gm__free(r->admin1);
    gm__free(r->admin1_code);
    gm__free(r->admin2);
    gm__free(r->place);
    gm__free(r->feature_code);
}

void gm_summary_free(gm_summary *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->n; i++)
        row_free(&s->rows[i]);
    gm__free(s->rows);
    gm__free(s->pub);
    gm_strmap_free(&s->index);
    keyset_free(&s->seen);
    keyset_free(&s->once);
    keyset_free(&s->whole);
    keyset_free(&s->parts);
    sqlite3_finalize(s->shape_q);
    sqlite3_close(s->shapes);
    gm__free(s);
}

gm_summary_by gm_summary_grouping(const gm_summary *s) { return s->by; }

gm_status gm_summary_set_dates(gm_summary *s, const char *since, const char *until, gm_error *err)
{
    long d;
    if (since) {
        if (!gm_date_parse(since, strlen(since), &d))
            return gm_fail(err, GM_E_ARG, "--since must be a date YYYY-MM-DD, not '%s'", since);
        s->since = d;
        s->dated = true;
    }
    if (until) {
        if (!gm_date_parse(until, strlen(until), &d))
            return gm_fail(err, GM_E_ARG, "--until must be a date YYYY-MM-DD, not '%s'", until);
        s->until = d;
        s->dated = true;
    }
    if (s->since > s->until)
        return gm_fail(err, GM_E_ARG, "--since %s is after --until %s", since, until);
    return GM_OK;
}

static const char *nz(const char *s) { return s ? s : ""; }

/* Replaces an empty field with a value learnt later; false on out of memory. */
static bool fill(char **field, const char *v)
{
    if (**field || !v || !*v)
        return true;
    char *c = gm_strdup(v);
    if (!c)
        return false;
    gm__free(*field);
    *field = c;
    return true;
}

/* A row's key, made as snprintf would (cut to the buffer), without printf's cost: the strings
 * parts[0..n) joined by 0x1f, after prefix. */
static void make_key(char *key, size_t size, const char *prefix, const char *const *parts, size_t n)
{
    size_t at = 0;
    for (const char *p = prefix; *p && at + 1 < size; p++)
        key[at++] = *p;
    for (size_t i = 0; i < n; i++) {
        if (i && at + 1 < size)
            key[at++] = '\x1f';
        for (const char *p = parts[i]; *p && at + 1 < size; p++)
            key[at++] = *p;
    }
    key[at] = 0;
}

/* The row for a feature's place under the summary's grouping, created on first use; NULL on out
 * of memory. */
static srow *row_for(gm_summary *s, const gm_sfeature *f)
{
    char key[768];
    /* regions by name (as shown), so inputs with and without codes agree */
    const char *parts[3] = {nz(f->cc), nz(f->admin1), nz(f->admin2)};
    switch (s->by) {
    case GM_BY_COUNTRY: make_key(key, sizeof key, "", parts, 1); break;
    case GM_BY_ADMIN1: make_key(key, sizeof key, "", parts, 2); break;
    case GM_BY_ADMIN2: make_key(key, sizeof key, "", parts, 3); break;
    case GM_BY_PLACE:
        if (f->geonameid) {
            char id[24];
            id[gm_fmt_uint(id, (unsigned)f->geonameid)] = 0;
            const char *one[1] = {id};
            make_key(key, sizeof key, "gn:", one, 1);
        } else {
            char lat[64], lon[64];
            gm_fmt_fixed(lat, sizeof lat, f->lat, 4);
            gm_fmt_fixed(lon, sizeof lon, f->lon, 4);
            const char *named[4] = {nz(f->cc), nz(f->place), lat, lon};
            make_key(key, sizeof key, "", named, 4); /* cc, place, lat, lon apart by \x1f */
        }
        break;
    }
    uint32_t idx;
    if (gm_strmap_get(&s->index, key, &idx)) {
        srow *r = &s->rows[idx];
        bool ok = fill(&r->country, f->country);
        if (s->by != GM_BY_COUNTRY)
            ok = ok && fill(&r->admin1, f->admin1) && fill(&r->admin1_code, f->admin1_code);
        return ok ? r : NULL;
    }
    if (!gm_grow((void **)&s->rows, &s->cap, s->n + 1, sizeof *s->rows))
        return NULL;
    srow *r = &s->rows[s->n];
    memset(r, 0, sizeof *r);
    bool place = s->by == GM_BY_PLACE;
    r->cc = gm_strdup(nz(f->cc));
    r->country = gm_strdup(nz(f->country));
    r->admin1 = gm_strdup(s->by == GM_BY_COUNTRY ? "" : nz(f->admin1));
    r->admin1_code = gm_strdup(s->by == GM_BY_COUNTRY ? "" : nz(f->admin1_code));
    r->admin2 = gm_strdup(s->by == GM_BY_ADMIN2 || place ? nz(f->admin2) : "");
    r->place = gm_strdup(place ? nz(f->place) : "");
    r->feature_code = gm_strdup(place ? nz(f->feature_code) : "");
    if (place) {
        r->geonameid = f->geonameid;
        r->lat = f->lat;
        r->lon = f->lon;
        r->has_point = f->has_point;
    }
    if (!r->cc || !r->country || !r->admin1 || !r->admin1_code || !r->admin2 || !r->place || !r->feature_code ||
        !gm_strmap_put(&s->index, key, (uint32_t)s->n)) {
        row_free(r);
        return NULL;
    }
    s->n++;
    s->dirty = true;
    return r;
}

static uint64_t doc_key(const char *doc_id) { return gm_fnv(GM_FNV_INIT, doc_id, strlen(doc_id)); }

/* The feature's span was counted before in its document; false, and remembered, otherwise. */
static gm_status span_seen(gm_summary *s, const gm_sfeature *f, bool *before)
{
    /* two incidents one sentence tells ("one in Tulsa, another in Enid") share their evidence span:
     * an incident is also known by its counts and its place */
    long long span[4] = {f->start, f->end, f->incident ? f->killed : 0, f->incident ? f->injured : 0};
    uint64_t h = gm_fnv(GM_FNV_INIT, f->incident ? "i" : "m", 1);
    h = gm_fnv(h, f->doc_id, strlen(f->doc_id) + 1);
    h = gm_fnv(h, span, sizeof span);
    if (f->incident) {
        h = gm_fnv(h, nz(f->place), strlen(nz(f->place)) + 1);
        h = gm_fnv(h, nz(f->admin1), strlen(nz(f->admin1)) + 1);
    }
    bool added;
    if (!keyset_add(&s->once, h, &added))
        return GM_E_NOMEM;
    *before = !added;
    return GM_OK;
}

/* True when the feature was counted before (same document and span, or its whole document added
 * by gm_summary_add_doc); false, and remembered, otherwise.  Features without a document id are
 * always counted. */
static gm_status seen_before(gm_summary *s, const gm_sfeature *f, bool *before)
{
    *before = false;
    if (!f->doc_id || f->start < 0)
        return GM_OK;
    uint64_t dk = doc_key(f->doc_id);
    if (keyset_has(&s->whole, dk)) {
        *before = true;
        return GM_OK;
    }
    bool added;
    if (!keyset_add(&s->parts, dk, &added))
        return GM_E_NOMEM;
    return span_seen(s, f, before);
}

/* Adds a feature to its row. */
static gm_status count_feature(gm_summary *s, const gm_sfeature *f)
{
    if (f->incident) {
        /* a date filter keeps the incidents dated within it; an undated one cannot be placed in it */
        if (s->dated) {
            long d;
            if (!f->date || !gm_date_parse(f->date, strlen(f->date), &d) || d < s->since || d > s->until)
                return GM_OK;
        }
        srow *r = row_for(s, f);
        if (!r)
            return GM_E_NOMEM;
        r->incidents++;
        if (f->killed > 0)
            r->killed += f->killed;
        if (f->injured > 0)
            r->injured += f->injured;
        s->dirty = true;
        return GM_OK;
    }
    if (!f->cc || !*f->cc)
        return GM_OK; /* an unresolved mention is in no region */
    srow *r = row_for(s, f);
    if (!r)
        return GM_E_NOMEM;
    r->mentions++;
    /* the row and the place: its GeoNames id, or its name and point rounded to 4 decimals */
    uint64_t key;
    if (f->geonameid) {
        key = (uint64_t)(r - s->rows) << 32 | f->geonameid;
    } else {
        /* hashed in parts: row number, name, and the point to 4 decimals */
        char num[64];
        size_t n = gm_fmt_uint(num, (size_t)(r - s->rows));
        num[n] = 0;
        key = gm_fnv(GM_FNV_INIT ^ 1, num, n + 1);
        key = gm_fnv(key, nz(f->place), strlen(nz(f->place)) + 1);
        key = gm_fnv(key, num, gm_fmt_fixed(num, sizeof num, f->lat, 4) + 1);
        key = gm_fnv(key, num, gm_fmt_fixed(num, sizeof num, f->lon, 4)) | 1ull << 63;
    }
    bool added;
    if (!keyset_add(&s->seen, key, &added))
        return GM_E_NOMEM;
    r->places += added;
    s->dirty = true;
    return GM_OK;
}

gm_status gm_summary_add_feature(gm_summary *s, const gm_sfeature *f)
{
    bool before;
    gm_status st = seen_before(s, f, &before);
    if (st || before)
        return st;
    return count_feature(s, f);
}

static void from_place(gm_sfeature *f, int resolved, const gm_place *p)
{
    if (!resolved)
        return;
    f->cc = p->country_code;
    f->country = p->country;
    f->admin1 = p->admin1;
    f->admin1_code = p->admin1_code;
    f->admin2 = p->admin2;
    f->place = p->name;
    f->feature_code = p->feature_code;
    f->geonameid = p->geonameid;
    f->lat = p->lat;
    f->lon = p->lon;
    f->has_point = isfinite(p->lat) && isfinite(p->lon);
}

/* A feature of a document added whole: checked span by span only when some features of the same
 * document id came one by one before (from GeoJSON or a store). */
static gm_status add_doc_feature(gm_summary *s, const gm_sfeature *f, bool check)
{
    bool before = false;
    gm_status st = check && f->start >= 0 ? span_seen(s, f, &before) : GM_OK;
    return st || before ? st : count_feature(s, f);
}

/* A document added again under the same id is counted once, as a whole; one added without an id
 * is always counted. */
gm_status gm_summary_add_doc(gm_summary *s, const gm_doc *doc, const char *doc_id)
{
    if (!s || !doc)
        return GM_E_ARG;
    bool check = false;
    if (doc_id) {
        uint64_t dk = doc_key(doc_id);
        bool added;
        if (keyset_has(&s->whole, dk))
            return GM_OK;
        check = keyset_has(&s->parts, dk);
        if (!keyset_add(&s->whole, dk, &added))
            return GM_E_NOMEM;
    }
    for (size_t i = 0; i < gm_doc_incident_count(doc); i++) {
        const gm_incident *n = gm_doc_incident(doc, i);
        gm_sfeature f = {0};
        f.incident = true;
        f.doc_id = doc_id;
        f.start = (long long)n->start;
        f.end = (long long)n->end;
        from_place(&f, n->resolved, &n->place);
        f.killed = n->killed;
        f.injured = n->injured;
        f.date = n->date[0] ? n->date : NULL;
        gm_status st = add_doc_feature(s, &f, check);
        if (st)
            return st;
    }
    for (size_t i = 0; i < gm_doc_mention_count(doc); i++) {
        const gm_mention *m = gm_doc_mention(doc, i);
        if (!m->resolved || m->kind == GM_MENTION_DEMONYM)
            continue;
        gm_sfeature f = {0};
        f.doc_id = doc_id;
        f.start = (long long)m->start;
        f.end = (long long)m->end;
        from_place(&f, m->resolved, &m->place);
        gm_status st = add_doc_feature(s, &f, check);
        if (st)
            return st;
    }
    return GM_OK;
}

static const char *prop_str(const cJSON *props, const char *k)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(props, k);
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

static long long prop_int(const cJSON *props, const char *k)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(props, k);
    if (!cJSON_IsNumber(v) || !isfinite(v->valuedouble) || v->valuedouble < 0 || v->valuedouble > 1e15)
        return -1;
    return (long long)v->valuedouble;
}

static gm_status add_json_feature(gm_summary *s, const cJSON *jf)
{
    if (!cJSON_IsObject(jf))
        return GM_E_FORMAT;
    const cJSON *props = cJSON_GetObjectItemCaseSensitive(jf, "properties");
    if (!cJSON_IsObject(props))
        return GM_E_FORMAT;
    /* a feature of the places or regions layer holds sums already: adding it would count its
     * incidents again */
    if (cJSON_GetObjectItemCaseSensitive(props, "incidents"))
        return GM_OK;
    gm_sfeature f = {0};
    f.doc_id = prop_str(props, "doc_id");
    f.start = prop_int(props, "start");
    f.end = prop_int(props, "end");
    f.cc = prop_str(props, "country_code");
    f.country = prop_str(props, "country");
    f.admin1 = prop_str(props, "admin1");
    f.admin1_code = prop_str(props, "admin1_code");
    f.admin2 = prop_str(props, "admin2");
    f.place = prop_str(props, "name");
    f.feature_code = prop_str(props, "feature_code");
    long long gid = prop_int(props, "geonameid");
    f.geonameid = gid > 0 && gid <= 0xFFFFFFFFLL ? (uint32_t)gid : 0;
    const cJSON *g = cJSON_GetObjectItemCaseSensitive(jf, "geometry");
    const cJSON *c = cJSON_IsObject(g) ? cJSON_GetObjectItemCaseSensitive(g, "coordinates") : NULL;
    if (cJSON_IsArray(c) && cJSON_GetArraySize(c) >= 2 && cJSON_IsNumber(cJSON_GetArrayItem(c, 0)) &&
        cJSON_IsNumber(cJSON_GetArrayItem(c, 1))) {
        f.lon = cJSON_GetArrayItem(c, 0)->valuedouble;
        f.lat = cJSON_GetArrayItem(c, 1)->valuedouble;
        f.has_point = isfinite(f.lon) && isfinite(f.lat);
    }
    if (cJSON_GetObjectItemCaseSensitive(props, "killed") || cJSON_GetObjectItemCaseSensitive(props, "injured")) {
        f.incident = true;
        long long k = prop_int(props, "killed"), i = prop_int(props, "injured");
        f.killed = k > 1000000000LL ? 1000000000L : (long)k;
        f.injured = i > 1000000000LL ? 1000000000L : (long)i;
        f.date = prop_str(props, "date");
        return gm_summary_add_feature(s, &f);
    }
    if (cJSON_GetObjectItemCaseSensitive(props, "text")) {
        const char *kind = prop_str(props, "kind");
        if (kind && strcmp(kind, "demonym") == 0)
            return GM_OK;
        return gm_summary_add_feature(s, &f);
    }
    return GM_OK;
}

gm_status gm_summary_add_geojson(gm_summary *s, const char *json, size_t len, gm_error *err)
{
    const char *end = NULL;
    cJSON *root = cJSON_ParseWithLengthOpts(json, len, &end, 0);
    if (!root)
        return gm_json_fail(err, json, len, end);
    gm_status st = GM_OK;
    const cJSON *type = cJSON_GetObjectItemCaseSensitive(root, "type");
    if (cJSON_IsString(type) && strcmp(type->valuestring, "FeatureCollection") == 0) {
        const cJSON *fs = cJSON_GetObjectItemCaseSensitive(root, "features");
        if (!cJSON_IsArray(fs)) {
            st = gm_fail(err, GM_E_FORMAT, "FeatureCollection without a \"features\" array");
        } else {
            const cJSON *f;
            cJSON_ArrayForEach(f, fs)
            {
                st = add_json_feature(s, f);
                if (st) {
                    st = st == GM_E_NOMEM ? gm_nomem(err) : gm_fail(err, st, "a feature without properties");
                    break;
                }
            }
        }
    } else if (cJSON_IsString(type) && strcmp(type->valuestring, "Feature") == 0) {
        st = add_json_feature(s, root);
        if (st)
            st = st == GM_E_NOMEM ? gm_nomem(err) : gm_fail(err, st, "a feature without properties");
    } else {
        st = gm_fail(err, GM_E_FORMAT, "expected a GeoJSON Feature or FeatureCollection");
    }
    cJSON_Delete(root);
    return st;
}

/* ------------------------------------------------------------------ rows as layers */
static const gm_fdef PLACE_SCHEMA[] = {
    {"name", GM_F_TEXT, 0},    {"geonameid", GM_F_INT, 0}, {"country_code", GM_F_TEXT, 0},
    {"country", GM_F_TEXT, 0}, {"admin1", GM_F_TEXT, 0},   {"admin1_code", GM_F_TEXT, 0},
    {"admin2", GM_F_TEXT, 0},  {"feature_code", GM_F_TEXT, 0}, {"mentions", GM_F_INT, 0},
    {"incidents", GM_F_INT, 0}, {"killed", GM_F_INT, 0},   {"injured", GM_F_INT, 0},
};

static const gm_fdef REGION_SCHEMA[] = {
    {"country_code", GM_F_TEXT, 0}, {"country", GM_F_TEXT, 0}, {"admin1", GM_F_TEXT, 0},
    {"admin1_code", GM_F_TEXT, 0},  {"incidents", GM_F_INT, 0}, {"killed", GM_F_INT, 0},
    {"injured", GM_F_INT, 0},       {"mentions", GM_F_INT, 0},  {"places", GM_F_INT, 0},
};

static gm_fval ftext(const char *s)
{
    gm_fval v = {s == NULL || !*s, 0, 0, s, s ? strlen(s) : 0};
    return v;
}

static gm_fval fint(long long i)
{
    gm_fval v = {false, i, 0, NULL, 0};
    return v;
}

/* The values of a summary row for the places (by place) or regions (by admin-1) layer. */
size_t gm_summary_row_values(const gm_summary_row *r, bool place, gm_fval *v)
{
    size_t k = 0;
    if (place) {
        v[k++] = ftext(r->place);
        v[k++] = r->geonameid ? fint(r->geonameid) : ftext(NULL);
        v[k++] = ftext(r->country_code);
        v[k++] = ftext(r->country);
        v[k++] = ftext(r->admin1);
        v[k++] = ftext(r->admin1_code);
        v[k++] = ftext(r->admin2);
        v[k++] = ftext(r->feature_code);
        v[k++] = fint((long long)r->mentions);
        v[k++] = fint((long long)r->incidents);
        v[k++] = fint(r->killed);
        v[k++] = fint(r->injured);
    } else {
        v[k++] = ftext(r->country_code);
        v[k++] = ftext(r->country);
        v[k++] = ftext(r->admin1);
        v[k++] = ftext(r->admin1_code);
        v[k++] = fint((long long)r->incidents);
        v[k++] = fint(r->killed);
        v[k++] = fint(r->injured);
        v[k++] = fint((long long)r->mentions);
        v[k++] = fint((long long)r->places);
    }
    return k;
}

const gm_fdef *gm_summary_schema(bool place, size_t *n)
{
    *n = place ? GM_ARRAY_LEN(PLACE_SCHEMA) : GM_ARRAY_LEN(REGION_SCHEMA);
    return place ? PLACE_SCHEMA : REGION_SCHEMA;
}

gm_status gm_summary_csv_header(const gm_summary *s, char **buf, size_t *len, size_t *cap)
{
    if (!s || !buf || !len || !cap || (s->by != GM_BY_PLACE && s->by != GM_BY_ADMIN1))
        return GM_E_ARG;
    gm_buf b = {*buf, *len, *cap, false};
    size_t n;
    const gm_fdef *defs = gm_summary_schema(s->by == GM_BY_PLACE, &n);
    gm_fields_csv_header(&b, defs, n);
    return gm_buf_finish(&b, buf, len, cap);
}

/* A region's outline (GeoJSON) and a point inside it, from the gazetteer's admin-1 polygons;
 * *json NULL when the gazetteer has no polygon for the code.  The strings live until the next call. */
static gm_status region_shape(gm_summary *s, const gm_gazetteer *gaz, const char *code, const char **json,
                              double *lon, double *lat, gm_error *err)
{
    *json = NULL;
    if (!s->shapes) {
        gm_status st = gm_db_open(gm_gazetteer_path(gaz), 1, &s->shapes, err);
        if (!st)
            st = gm_db_prepare(s->shapes,
                               "SELECT AsGeoJSON(geom, 6), X(ST_PointOnSurface(geom)), Y(ST_PointOnSurface(geom))"
                               " FROM admin1 WHERE code = ?",
                               &s->shape_q, err);
        if (st) {
            sqlite3_close(s->shapes);
            s->shapes = NULL;
            return st;
        }
    }
    sqlite3_reset(s->shape_q);
    sqlite3_bind_text(s->shape_q, 1, code, -1, SQLITE_TRANSIENT);
    if (sqlite3_step(s->shape_q) == SQLITE_ROW && sqlite3_column_type(s->shape_q, 0) != SQLITE_NULL) {
        *json = (const char *)sqlite3_column_text(s->shape_q, 0);
        *lon = sqlite3_column_double(s->shape_q, 1);
        *lat = sqlite3_column_double(s->shape_q, 2);
    }
    return GM_OK;
}

gm_status gm_summary_feature(gm_summary *s, size_t i, const gm_gazetteer *gaz, int csv, char **buf, size_t *len,
                             size_t *cap, gm_error *err)
{
    if (!s || !buf || !len || !cap)
        return gm_fail(err, GM_E_ARG, "no summary or buffer");
    if (s->by != GM_BY_PLACE && s->by != GM_BY_ADMIN1)
        return gm_fail(err, GM_E_ARG, "only summaries by place or by admin-1 are layers");
    const gm_summary_row *r = gm_summary_row_at(s, i);
    if (!r)
        return gm_fail(err, GM_E_ARG, "no row %zu", i);
    bool place = s->by == GM_BY_PLACE;
    const char *shape = NULL;
    double lon = r->lon, lat = r->lat;
    bool pt = place && r->has_point && isfinite(lon) && isfinite(lat);
    if (!place && gaz && *r->admin1_code) {
        gm_status st = region_shape(s, gaz, r->admin1_code, &shape, &lon, &lat, err);
        if (st)
            return st;
        pt = shape && isfinite(lon) && isfinite(lat);
    }
    size_t n;
    const gm_fdef *defs = gm_summary_schema(place, &n);
    gm_fval v[GM_MAX_FIELDS];
    gm_summary_row_values(r, place, v);
    gm_buf b = {*buf, *len, *cap, false};
    gm_feature_write(&b, csv, shape, pt, lon, lat, defs, v, n);
    return gm_buf_finish(&b, buf, len, cap) ? gm_nomem(err) : GM_OK;
}

static int cmp_rows(const void *x, const void *y)
{
    const gm_summary_row *a = x, *b = y;
    if (a->killed != b->killed)
        return a->killed < b->killed ? 1 : -1;
    if (a->injured != b->injured)
        return a->injured < b->injured ? 1 : -1;
    if (a->incidents != b->incidents)
        return a->incidents < b->incidents ? 1 : -1;
    if (a->mentions != b->mentions)
        return a->mentions < b->mentions ? 1 : -1;
    int c = strcmp(a->country, b->country);
    if (!c)
        c = strcmp(a->admin1, b->admin1);
    if (!c)
        c = strcmp(a->admin2, b->admin2);
    return c ? c : strcmp(a->place, b->place);
}

static void refresh(gm_summary *s)
{
    if (!s->dirty && s->pub)
        return;
    gm_summary_row *p = gm_realloc(s->pub, (s->n ? s->n : 1) * sizeof *p);
    if (!p)
        return;
    s->pub = p;
    for (size_t i = 0; i < s->n; i++) {
        srow *r = &s->rows[i];
        p[i] = (gm_summary_row){r->cc, r->country, r->admin1, r->incidents, r->killed, r->injured, r->mentions,
                                r->places, r->admin1_code, r->admin2, r->place, r->feature_code, r->geonameid,
                                r->lat, r->lon, r->has_point};
    }
    qsort(p, s->n, sizeof *p, cmp_rows);
    s->dirty = false;
}

size_t gm_summary_row_count(gm_summary *s)
{
    refresh(s);
    return s->pub ? s->n : 0;
}

const gm_summary_row *gm_summary_row_at(gm_summary *s, size_t i)
{
    refresh(s);
    return s->pub && i < s->n ? &s->pub[i] : NULL;
}
