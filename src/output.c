/*
 * output.c - GeoJSON features (RFC 7946) for mentions and incidents.
 *
 * Every feature of a layer has the same properties, in the same order and with the same types
 * (null where a value is missing), so that GIS clients infer one stable schema.  Coordinates are
 * [lon, lat] in WGS 84 with 6 decimals (about 0.1 m); there is no "crs" member.
 */
#include <math.h>
#include <string.h>

#include "fields.h"

const char *gm_precision_name(gm_precision p)
{
    switch (p) {
    case GM_PREC_PLACE: return "place";
    case GM_PREC_ADMIN2: return "admin2";
    case GM_PREC_ADMIN1: return "admin1";
    case GM_PREC_COUNTRY: return "country";
    case GM_PREC_REGION: return "region";
    case GM_PREC_NEAR: return "near";
    default: return NULL;
    }
}

/* ------------------------------------------------------------------ schemas */
#define PLACE_FIELDS                                                                                   \
    {"name", GM_F_TEXT, 0}, {"geonameid", GM_F_INT, 0}, {"country_code", GM_F_TEXT, 0},               \
        {"country", GM_F_TEXT, 0}, {"admin1", GM_F_TEXT, 0}, {"admin1_code", GM_F_TEXT, 0},            \
        {"admin2", GM_F_TEXT, 0}, {"feature_code", GM_F_TEXT, 0}, {"precision", GM_F_TEXT, 0},         \
        {"population", GM_F_INT, 0}

static const gm_fdef MENTION_SCHEMA[] = {
    {"doc_id", GM_F_TEXT, 0}, {"start", GM_F_INT, 0}, {"end", GM_F_INT, 0}, {"text", GM_F_TEXT, 0},
    PLACE_FIELDS, {"kind", GM_F_TEXT, 0}, {"confidence", GM_F_REAL, 3},
    {"focus_country", GM_F_TEXT, 0}, {"focus_admin1_code", GM_F_TEXT, 0},
};

static const gm_fdef INCIDENT_SCHEMA[] = {
    {"doc_id", GM_F_TEXT, 0}, {"start", GM_F_INT, 0}, {"end", GM_F_INT, 0}, {"place", GM_F_TEXT, 0},
    PLACE_FIELDS, {"geo_precision", GM_F_INT, 0}, {"event_type", GM_F_TEXT, 0}, {"killed", GM_F_INT, 0},
    {"injured", GM_F_INT, 0}, {"killed_low", GM_F_INT, 0}, {"killed_high", GM_F_INT, 0},
    {"qualifier", GM_F_TEXT, 0}, {"date", GM_F_TEXT, 0}, {"date_precision", GM_F_INT, 0},
    {"confidence", GM_F_REAL, 3}, {"evidence", GM_F_TEXT, 0}, {"focus_country", GM_F_TEXT, 0},
    {"focus_admin1_code", GM_F_TEXT, 0},
};

const gm_fdef *gm_layer_schema(gm_layer layer, size_t *n)
{
    if (layer == GM_LAYER_MENTIONS) {
        *n = GM_ARRAY_LEN(MENTION_SCHEMA);
        return MENTION_SCHEMA;
    }
    *n = GM_ARRAY_LEN(INCIDENT_SCHEMA);
    return INCIDENT_SCHEMA;
}

/* ------------------------------------------------------------------ values */
static gm_fval vnull(void)
{
    gm_fval v = {true, 0, 0, NULL, 0};
    return v;
}

static gm_fval vstr(const char *s)
{
    gm_fval v = {s == NULL, 0, 0, s, s ? strlen(s) : 0};
    return v;
}

static gm_fval vspan(const gm_doc *d, size_t a, size_t b)
{
    if (b > d->len || a > b)
        return vnull();
    gm_fval v = {false, 0, 0, d->text + a, b - a};
    return v;
}

static gm_fval vint(long long i)
{
    gm_fval v = {false, i, 0, NULL, 0};
    return v;
}

/* A count: null when the text gives none (negative). */
static gm_fval vcount(long n) { return n >= 0 ? vint(n) : vnull(); }

static gm_fval vreal(double r)
{
    gm_fval v = {!isfinite(r), 0, r, NULL, 0};
    return v;
}

/* The place fields shared by both layers (PLACE_FIELDS). */
static size_t place_values(gm_fval *v, int resolved, const gm_place *p)
{
    const gm_place none = {0};
    if (!resolved)
        p = &none;
    size_t k = 0;
    v[k++] = vstr(p->name);
    v[k++] = p->geonameid ? vint(p->geonameid) : vnull();
    v[k++] = vstr(p->country_code);
    v[k++] = vstr(p->country);
    v[k++] = vstr(p->admin1);
    v[k++] = vstr(p->admin1_code);
    v[k++] = vstr(p->admin2);
    v[k++] = vstr(p->feature_code);
    v[k++] = vstr(gm_precision_name(p->precision));
    v[k++] = resolved ? vint((long long)p->population) : vnull();
    return k;
}

void gm_feature_values(const gm_doc *d, gm_layer layer, size_t i, const char *doc_id, gm_fval *v,
                       bool *has_point, double *lon, double *lat)
{
    /* the document's focus (the country and admin-1 region most of its places lie in) goes on
     * every feature, so that a layer can be filtered or grouped by it */
    const char *cc = NULL, *a1 = NULL;
    gm_doc_focus(d, &cc, &a1);
    size_t k = 0;
    const gm_place *p;
    int resolved;
    if (layer == GM_LAYER_MENTIONS) {
        const gm_mention *m = &d->mentions[i];
        p = &m->place;
        resolved = m->resolved;
        v[k++] = vstr(doc_id);
        v[k++] = vint((long long)m->start);
        v[k++] = vint((long long)m->end);
        v[k++] = vspan(d, m->start, m->end);
        k += place_values(v + k, m->resolved, &m->place);
        v[k++] = vstr(m->kind == GM_MENTION_DEMONYM ? "demonym" : "name");
        v[k++] = vreal(m->resolved ? m->confidence : 0.0);
    } else {
        const gm_incident *n = &d->incidents[i];
        p = &n->place;
        resolved = n->resolved;
        v[k++] = vstr(doc_id);
        v[k++] = vint((long long)n->start);
        v[k++] = vint((long long)n->end);
        v[k++] = n->place_end > n->place_start ? vspan(d, n->place_start, n->place_end) : vnull();
        k += place_values(v + k, n->resolved, &n->place);
        v[k++] = n->resolved ? vint(n->geo_precision) : vnull();
        v[k++] = vstr(n->event_type);
        v[k++] = vcount(n->killed);
        v[k++] = vcount(n->injured);
        v[k++] = vcount(n->killed_low);
        v[k++] = vcount(n->killed_high);
        v[k++] = vstr(n->qualifier);
        v[k++] = vstr(n->date[0] ? n->date : NULL);
        v[k++] = n->date_precision > 0 ? vint(n->date_precision) : vnull();
        v[k++] = vreal(n->confidence);
        v[k++] = vspan(d, n->start, n->end);
    }
    v[k++] = vstr(cc);
    v[k++] = vstr(a1);
    *has_point = resolved && isfinite(p->lon) && isfinite(p->lat);
    *lon = p->lon;
    *lat = p->lat;
}

/* ------------------------------------------------------------------ writers */
void gm_fields_json(gm_buf *b, const gm_fdef *defs, const gm_fval *v, size_t n)
{
    gm_buf_addc(b, '{');
    for (size_t k = 0; k < n; k++) {
        if (k)
            gm_buf_addc(b, ',');
        /* (field names are plain ASCII words: no escapes) */
        gm_buf_addc(b, '"');
        gm_buf_adds(b, defs[k].name);
        gm_buf_add(b, "\":", 2);
        if (v[k].null)
            gm_buf_adds(b, "null");
        else if (defs[k].type == GM_F_TEXT)
            gm_buf_json_str(b, v[k].s, v[k].n);
        else if (defs[k].type == GM_F_INT)
            gm_buf_int(b, v[k].i);
        else
            gm_buf_json_num(b, v[k].r, defs[k].decimals);
    }
    gm_buf_addc(b, '}');
}

/* RFC 4180: quoted when it holds a comma, quote or line break; quotes doubled.  Invalid UTF-8
 * cannot occur (documents are repaired on input). */
void gm_csv_str(gm_buf *b, const char *s, size_t n)
{
    bool quote = false;
    for (size_t i = 0; i < n && !quote; i++)
        quote = s[i] == ',' || s[i] == '"' || s[i] == '\n' || s[i] == '\r';
    if (!quote) {
        gm_buf_add(b, s, n);
        return;
    }
    gm_buf_addc(b, '"');
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '"')
            gm_buf_addc(b, '"');
        gm_buf_addc(b, s[i]);
    }
    gm_buf_addc(b, '"');
}

void gm_fields_csv(gm_buf *b, const gm_fdef *defs, const gm_fval *v, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        if (k)
            gm_buf_addc(b, ',');
        if (v[k].null)
            continue;
        if (defs[k].type == GM_F_TEXT)
            gm_csv_str(b, v[k].s, v[k].n);
        else if (defs[k].type == GM_F_INT)
            gm_buf_int(b, v[k].i);
        else
            gm_buf_json_num(b, v[k].r, defs[k].decimals);
    }
}

gm_status gm_buf_finish(gm_buf *b, char **buf, size_t *len, size_t *cap)
{
    gm_buf_cstr(b);
    *buf = b->p;
    *len = b->len;
    *cap = b->cap;
    return b->oom ? GM_E_NOMEM : GM_OK;
}

/* "lon,lat" with a fixed 6 decimals (about 0.1 m): every coordinate written the same way */
static void lon_lat(gm_buf *b, double lon, double lat)
{
    gm_buf_fixed(b, lon, 6);
    gm_buf_addc(b, ',');
    gm_buf_fixed(b, lat, 6);
}

void gm_feature_write(gm_buf *b, bool csv, const char *shape, bool pt, double lon, double lat, const gm_fdef *defs,
                      const gm_fval *v, size_t n)
{
    if (csv) {
        if (pt)
            lon_lat(b, lon, lat);
        else
            gm_buf_addc(b, ',');
        gm_buf_addc(b, ',');
        gm_fields_csv(b, defs, v, n);
        return;
    }
    gm_buf_adds(b, "{\"type\":\"Feature\",\"geometry\":");
    if (shape) {
        gm_buf_adds(b, shape);
    } else if (pt) {
        gm_buf_adds(b, "{\"type\":\"Point\",\"coordinates\":[");
        lon_lat(b, lon, lat);
        gm_buf_adds(b, "]}");
    } else {
        gm_buf_adds(b, "null");
    }
    gm_buf_adds(b, ",\"properties\":");
    gm_fields_json(b, defs, v, n);
    gm_buf_addc(b, '}');
}

/* Feature i of a layer as a GeoJSON Feature or as a CSV line (lon, lat, then the fields). */
static gm_status feature_line(const gm_doc *d, gm_layer layer, size_t i, const char *doc_id, bool csv, char **buf,
                              size_t *len, size_t *cap)
{
    if (!d || !buf || !len || !cap || i >= gm_doc_feature_count(d, layer))
        return GM_E_ARG;
    gm_buf b = {*buf, *len, *cap, false};
    size_t n;
    const gm_fdef *defs = gm_layer_schema(layer, &n);
    gm_fval v[GM_MAX_FIELDS];
    bool pt;
    double lon, lat;
    gm_feature_values(d, layer, i, doc_id, v, &pt, &lon, &lat);
    gm_feature_write(&b, csv, NULL, pt, lon, lat, defs, v, n);
    return gm_buf_finish(&b, buf, len, cap);
}

gm_status gm_feature_json(const gm_doc *d, gm_layer layer, size_t i, const char *doc_id, char **buf, size_t *len,
                          size_t *cap)
{
    return feature_line(d, layer, i, doc_id, false, buf, len, cap);
}

gm_status gm_feature_csv(const gm_doc *d, gm_layer layer, size_t i, const char *doc_id, char **buf, size_t *len,
                         size_t *cap)
{
    return feature_line(d, layer, i, doc_id, true, buf, len, cap);
}

void gm_fields_csv_header(gm_buf *b, const gm_fdef *defs, size_t n)
{
    gm_buf_adds(b, "lon,lat");
    for (size_t k = 0; k < n; k++) {
        gm_buf_addc(b, ',');
        gm_buf_adds(b, defs[k].name);
    }
}

gm_status gm_csv_header(gm_layer layer, char **buf, size_t *len, size_t *cap)
{
    if (!buf || !len || !cap || (layer != GM_LAYER_INCIDENTS && layer != GM_LAYER_MENTIONS))
        return GM_E_ARG;
    gm_buf b = {*buf, *len, *cap, false};
    size_t n;
    const gm_fdef *defs = gm_layer_schema(layer, &n);
    gm_fields_csv_header(&b, defs, n);
    return gm_buf_finish(&b, buf, len, cap);
}
