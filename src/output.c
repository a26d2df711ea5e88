/*
 * output.c - GeoJSON features (RFC 7946) for mentions and incidents.
 *
 * Every feature of a layer has the same properties, in the same order and with the same types
 * (null where a value is missing), so that GIS clients infer one stable schema.  Coordinates are
 * [lon, lat] in WGS 84 with 6 decimals (about 0.1 m); there is no "crs" member.
 */
#include <string.h>

#include "doc.h"

const char *gm_precision_name(gm_precision p)
{
    switch (p) {
    case GM_PREC_PLACE: return "place";
    case GM_PREC_ADMIN2: return "admin2";
    case GM_PREC_ADMIN1: return "admin1";
    case GM_PREC_COUNTRY: return "country";
    case GM_PREC_REGION: return "region";
    default: return NULL;
    }
}

static void str_or_null(gm_buf *b, const char *s)
{
    if (s)
        gm_buf_json_str(b, s, strlen(s));
    else
        gm_buf_adds(b, "null");
}

static void key(gm_buf *b, const char *k)
{
    gm_buf_addc(b, ',');
    gm_buf_addc(b, '"');
    gm_buf_adds(b, k);
    gm_buf_adds(b, "\":");
}

static void geometry(gm_buf *b, int resolved, const gm_place *p)
{
    gm_buf_adds(b, "{\"type\":\"Feature\",\"geometry\":");
    if (resolved) {
        gm_buf_adds(b, "{\"type\":\"Point\",\"coordinates\":[");
        gm_buf_json_num(b, p->lon, 6);
        gm_buf_addc(b, ',');
        gm_buf_json_num(b, p->lat, 6);
        gm_buf_adds(b, "]}");
    } else {
        gm_buf_adds(b, "null");
    }
}

/* The place properties shared by both layers. */
static void place_props(gm_buf *b, int resolved, const gm_place *p)
{
    const gm_place none = {0};
    if (!resolved)
        p = &none;
    key(b, "name");
    str_or_null(b, p->name);
    key(b, "geonameid");
    if (p->geonameid)
        gm_buf_printf(b, "%u", (unsigned)p->geonameid);
    else
        gm_buf_adds(b, "null");
    key(b, "country_code");
    str_or_null(b, p->country_code);
    key(b, "country");
    str_or_null(b, p->country);
    key(b, "admin1");
    str_or_null(b, p->admin1);
    key(b, "admin1_code");
    str_or_null(b, p->admin1_code);
    key(b, "admin2");
    str_or_null(b, p->admin2);
    key(b, "feature_code");
    str_or_null(b, p->feature_code);
    key(b, "precision");
    str_or_null(b, gm_precision_name(p->precision));
    key(b, "population");
    if (resolved)
        gm_buf_printf(b, "%llu", (unsigned long long)p->population);
    else
        gm_buf_adds(b, "null");
}

/* The document's focus (the country and admin-1 region most of its places lie in), on every
 * feature so that a layer can be filtered or grouped by it. */
static void focus_props(gm_buf *b, const gm_doc *d)
{
    const char *cc = NULL, *a1 = NULL;
    gm_doc_focus(d, &cc, &a1);
    key(b, "focus_country");
    str_or_null(b, cc);
    key(b, "focus_admin1_code");
    str_or_null(b, a1);
}

static void count(gm_buf *b, const char *k, long v)
{
    key(b, k);
    if (v >= 0)
        gm_buf_printf(b, "%ld", v);
    else
        gm_buf_adds(b, "null");
}

gm_status gm_feature_json(const gm_doc *d, gm_layer layer, size_t i, const char *doc_id, char **buf, size_t *len,
                          size_t *cap)
{
    if (!d || !buf || !len || !cap)
        return GM_E_ARG;
    if (i >= gm_doc_feature_count(d, layer))
        return GM_E_ARG;
    gm_buf b = {*buf, *len, *cap, false};
    if (layer == GM_LAYER_MENTIONS) {
        const gm_mention *m = &d->mentions[i];
        geometry(&b, m->resolved, &m->place);
        gm_buf_adds(&b, ",\"properties\":{\"doc_id\":");
        str_or_null(&b, doc_id);
        gm_buf_printf(&b, ",\"start\":%zu,\"end\":%zu", m->start, m->end);
        key(&b, "text");
        if (m->end <= d->len && m->start <= m->end)
            gm_buf_json_str(&b, d->text + m->start, m->end - m->start);
        else
            gm_buf_adds(&b, "null");
        place_props(&b, m->resolved, &m->place);
        key(&b, "kind");
        gm_buf_adds(&b, m->kind == GM_MENTION_DEMONYM ? "\"demonym\"" : "\"name\"");
        key(&b, "confidence");
        gm_buf_json_num(&b, m->resolved ? m->confidence : 0.0, 3);
        focus_props(&b, d);
        gm_buf_adds(&b, "}}");
    } else {
        const gm_incident *n = &d->incidents[i];
        geometry(&b, n->resolved, &n->place);
        gm_buf_adds(&b, ",\"properties\":{\"doc_id\":");
        str_or_null(&b, doc_id);
        gm_buf_printf(&b, ",\"start\":%zu,\"end\":%zu", n->start, n->end);
        key(&b, "place");
        if (n->place_end > n->place_start && n->place_end <= d->len)
            gm_buf_json_str(&b, d->text + n->place_start, n->place_end - n->place_start);
        else
            gm_buf_adds(&b, "null");
        place_props(&b, n->resolved, &n->place);
        key(&b, "geo_precision");
        if (n->resolved)
            gm_buf_printf(&b, "%d", n->geo_precision);
        else
            gm_buf_adds(&b, "null");
        key(&b, "event_type");
        str_or_null(&b, n->event_type);
        count(&b, "killed", n->killed);
        count(&b, "injured", n->injured);
        count(&b, "killed_low", n->killed_low);
        count(&b, "killed_high", n->killed_high);
        key(&b, "qualifier");
        str_or_null(&b, n->qualifier);
        key(&b, "date");
        str_or_null(&b, n->date[0] ? n->date : NULL);
        key(&b, "date_precision");
        if (n->date_precision > 0)
            gm_buf_printf(&b, "%d", n->date_precision);
        else
            gm_buf_adds(&b, "null");
        key(&b, "confidence");
        gm_buf_json_num(&b, n->confidence, 3);
        key(&b, "evidence");
        if (n->end <= d->len && n->start <= n->end)
            gm_buf_json_str(&b, d->text + n->start, n->end - n->start);
        else
            gm_buf_adds(&b, "null");
        focus_props(&b, d);
        gm_buf_adds(&b, "}}");
    }
    *buf = b.p;
    *len = b.len;
    *cap = b.cap;
    if (b.oom)
        return GM_E_NOMEM;
    gm_buf_cstr(&b);
    *buf = b.p;
    *cap = b.cap;
    return b.oom ? GM_E_NOMEM : GM_OK;
}
