/*
 * summary.c - incidents, casualties and mentions summed per country or admin-1 region.
 *
 * Rows are keyed by country code (+ admin-1 name).  Distinct places are counted with a set of
 * "row key / place key" strings, so that summaries of several files merge correctly: the same
 * place mentioned in two files counts once, while incidents and mentions add up.
 */
#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "tsv.h"

typedef struct srow {
    char *cc, *country, *admin1;
    size_t incidents, mentions, places;
    long killed, injured;
} srow;

struct gm_summary {
    gm_summary_by by;
    srow *rows;
    size_t n, cap;
    gm_strmap index;
    gm_strmap seen;
    gm_summary_row *pub;
    bool dirty;
};

gm_status gm_summary_new(gm_summary_by by, gm_summary **out)
{
    *out = gm_calloc(1, sizeof **out);
    if (!*out)
        return GM_E_NOMEM;
    (*out)->by = by;
    gm_strmap_init(&(*out)->index);
    gm_strmap_init(&(*out)->seen);
    return GM_OK;
}

void gm_summary_free(gm_summary *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->n; i++) {
        gm__free(s->rows[i].cc);
        gm__free(s->rows[i].country);
        gm__free(s->rows[i].admin1);
    }
    gm__free(s->rows);
    gm__free(s->pub);
    gm_strmap_free(&s->index);
    gm_strmap_free(&s->seen);
    gm__free(s);
}

/* The row for a region, created on first use; NULL on out of memory. */
static srow *row_for(gm_summary *s, const char *cc, const char *country, const char *admin1)
{
    if (!cc)
        cc = "";
    if (!admin1 || s->by == GM_BY_COUNTRY)
        admin1 = "";
    char key[512];
    snprintf(key, sizeof key, "%s\x1f%s", cc, admin1);
    uint32_t idx;
    if (gm_strmap_get(&s->index, key, &idx)) {
        srow *r = &s->rows[idx];
        if (!*r->country && country && *country) {
            char *c = gm_strdup(country);
            if (c) {
                gm__free(r->country);
                r->country = c;
            }
        }
        return r;
    }
    if (!gm_grow((void **)&s->rows, &s->cap, s->n + 1, sizeof *s->rows))
        return NULL;
    srow *r = &s->rows[s->n];
    memset(r, 0, sizeof *r);
    r->cc = gm_strdup(cc);
    r->country = gm_strdup(country ? country : "");
    r->admin1 = gm_strdup(admin1);
    if (!r->cc || !r->country || !r->admin1 || !gm_strmap_put(&s->index, key, (uint32_t)s->n)) {
        gm__free(r->cc);
        gm__free(r->country);
        gm__free(r->admin1);
        return NULL;
    }
    s->n++;
    s->dirty = true;
    return r;
}

static gm_status add_incident(gm_summary *s, const char *cc, const char *country, const char *admin1, long killed,
                              long injured)
{
    srow *r = row_for(s, cc, country, admin1);
    if (!r)
        return GM_E_NOMEM;
    r->incidents++;
    if (killed > 0)
        r->killed += killed;
    if (injured > 0)
        r->injured += injured;
    s->dirty = true;
    return GM_OK;
}

static gm_status add_mention(gm_summary *s, const char *cc, const char *country, const char *admin1,
                             const char *place_key)
{
    srow *r = row_for(s, cc, country, admin1);
    if (!r)
        return GM_E_NOMEM;
    r->mentions++;
    char key[768];
    snprintf(key, sizeof key, "%s\x1f%s\x1f%s", cc ? cc : "", s->by == GM_BY_COUNTRY ? "" : (admin1 ? admin1 : ""),
             place_key);
    uint32_t v;
    if (!gm_strmap_get(&s->seen, key, &v)) {
        if (!gm_strmap_put(&s->seen, key, 1))
            return GM_E_NOMEM;
        r->places++;
    }
    s->dirty = true;
    return GM_OK;
}

static void place_key(char *buf, size_t n, uint32_t geonameid, const char *name, double lat, double lon)
{
    if (geonameid)
        snprintf(buf, n, "gn:%u", (unsigned)geonameid);
    else
        snprintf(buf, n, "%s@%.4f,%.4f", name ? name : "", lat, lon);
}

gm_status gm_summary_add_doc(gm_summary *s, const gm_doc *doc)
{
    for (size_t i = 0; i < gm_doc_incident_count(doc); i++) {
        const gm_incident *n = gm_doc_incident(doc, i);
        gm_status st = add_incident(s, n->resolved ? n->place.country_code : NULL,
                                    n->resolved ? n->place.country : NULL, n->resolved ? n->place.admin1 : NULL,
                                    n->killed, n->injured);
        if (st)
            return st;
    }
    for (size_t i = 0; i < gm_doc_mention_count(doc); i++) {
        const gm_mention *m = gm_doc_mention(doc, i);
        if (!m->resolved || m->kind == GM_MENTION_DEMONYM)
            continue;
        char key[256];
        place_key(key, sizeof key, m->place.geonameid, m->place.name, m->place.lat, m->place.lon);
        gm_status st = add_mention(s, m->place.country_code, m->place.country, m->place.admin1, key);
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

static long prop_count(const cJSON *props, const char *k)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(props, k);
    if (!cJSON_IsNumber(v) || !isfinite(v->valuedouble) || v->valuedouble < 0 || v->valuedouble > 1e12)
        return -1;
    return (long)v->valuedouble;
}

static gm_status add_feature(gm_summary *s, const cJSON *f)
{
    if (!cJSON_IsObject(f))
        return GM_E_FORMAT;
    const cJSON *props = cJSON_GetObjectItemCaseSensitive(f, "properties");
    if (!cJSON_IsObject(props))
        return GM_E_FORMAT;
    const char *cc = prop_str(props, "country_code"), *country = prop_str(props, "country"),
               *admin1 = prop_str(props, "admin1");
    if (cJSON_GetObjectItemCaseSensitive(props, "killed") || cJSON_GetObjectItemCaseSensitive(props, "injured"))
        return add_incident(s, cc, country, admin1, prop_count(props, "killed"), prop_count(props, "injured"));
    if (cJSON_GetObjectItemCaseSensitive(props, "text")) {
        const char *kind = prop_str(props, "kind");
        if ((kind && strcmp(kind, "demonym") == 0) || !cc)
            return GM_OK;
        double lat = 0, lon = 0;
        const cJSON *g = cJSON_GetObjectItemCaseSensitive(f, "geometry");
        const cJSON *c = cJSON_IsObject(g) ? cJSON_GetObjectItemCaseSensitive(g, "coordinates") : NULL;
        if (cJSON_IsArray(c) && cJSON_GetArraySize(c) >= 2) {
            lon = cJSON_GetArrayItem(c, 0)->valuedouble;
            lat = cJSON_GetArrayItem(c, 1)->valuedouble;
        }
        long gid = prop_count(props, "geonameid");
        char key[256];
        place_key(key, sizeof key, gid > 0 && gid <= 0xFFFFFFFFL ? (uint32_t)gid : 0, prop_str(props, "name"), lat, lon);
        return add_mention(s, cc, country, admin1, key);
    }
    return GM_OK;
}

gm_status gm_summary_add_geojson(gm_summary *s, const char *json, size_t len, gm_error *err)
{
    cJSON *root = cJSON_ParseWithLength(json, len);
    if (!root)
        return gm_fail(err, GM_E_FORMAT, "not valid JSON");
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
                st = add_feature(s, f);
                if (st) {
                    st = st == GM_E_NOMEM ? gm_nomem(err) : gm_fail(err, st, "a feature without properties");
                    break;
                }
            }
        }
    } else if (cJSON_IsString(type) && strcmp(type->valuestring, "Feature") == 0) {
        st = add_feature(s, root);
        if (st)
            st = st == GM_E_NOMEM ? gm_nomem(err) : gm_fail(err, st, "a feature without properties");
    } else {
        st = gm_fail(err, GM_E_FORMAT, "expected a GeoJSON Feature or FeatureCollection");
    }
    cJSON_Delete(root);
    return st;
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
    return c ? c : strcmp(a->admin1, b->admin1);
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
        p[i].country_code = r->cc;
        p[i].country = r->country;
        p[i].admin1 = r->admin1;
        p[i].incidents = r->incidents;
        p[i].killed = r->killed;
        p[i].injured = r->injured;
        p[i].mentions = r->mentions;
        p[i].places = r->places;
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
