/*
 * build.c - `geomention gazetteer build`: text files -> SpatiaLite database + name index.
 *
 * Inputs (format: gazetteer/README.md): countries.tsv.gz, country_shapes.tsv.gz, admin1.tsv.gz,
 * admin1_shapes.tsv.gz, admin2.tsv.gz, places.tsv.gz, and optionally supplement.tsv and
 * demonyms.tsv.  The steps:
 *
 *   1. read countries, admin-1 regions (with their polygons, into GEOS) and admin-2 names;
 *   2. read the places; give each its country and admin-1 from the GeoNames codes, and check the
 *      code against the admin-1 polygon that contains the point (the agreement rate is stored in
 *      the database's meta table); places without a usable code take the polygon's;
 *   3. add one entry per admin-1 region and per country, so "Donetsk Oblast" and "Ukraine"
 *      resolve to the region itself, at a point inside it;
 *   4. write the database (places as POINTs, regions as MULTIPOLYGONs, both spatially indexed,
 *      a names table with every alternate name);
 *   5. write the name index (gazetteer.h) that the pipeline memory-maps.
 *
 * Both outputs are written to temporary files and renamed at the end.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "db.h"
#include "gazetteer.h"
#include "internal.h"
#include "regions.h"
#include "text.h"
#include "tsv.h"
#include "unicode.h"

/* ------------------------------------------------------------------ build-time records */
typedef struct bcountry {
    char iso2[4], iso3[4];
    uint32_t name, continent, capital, names_en, names_other; /* offsets in the scratch pool */
    int32_t shape;                                          /* index in the country gm_pip, or -1 */
    double lat, lon;
    bool has_point;
    uint64_t pop;
    uint32_t place;
} bcountry;

typedef struct badmin1 {
    uint32_t code, name, alts, type, iso; /* scratch pool */
    uint32_t geonameid;
    uint16_t country;
    int32_t shape;
    double lat, lon;
    bool has_point;
    double sum_lat, sum_lon;
    uint32_t nplaces;
    uint64_t pop;
    uint32_t place;
} badmin1;

typedef struct bplace {
    uint32_t geonameid;
    uint32_t name, ascii, alts; /* scratch pool; alts comma-separated (GeoNames) or '|' (ours) */
    double lat, lon;
    uint32_t fcode, source;     /* scratch pool */
    uint32_t admin2;
    uint32_t pop;
    uint16_t country, admin1, admin1_pip;
    uint16_t extent_km;
    uint8_t kind, flags, rank;
    char fclass;
    char alt_sep;
} bplace;

typedef struct bname {
    uint64_t hash;
    uint32_t key;   /* offset of the normalised key in the key pool */
    uint32_t written; /* offset of the name as written in the key pool */
    uint32_t place; /* GM_NONE32 for a prefix marker */
    uint8_t type;
    uint8_t nwords;
} bname;

typedef struct builder {
    const gm_build_options *opt;
    gm_error *err;
    gm_buf pool;    /* scratch strings, NUL-terminated, by offset */
    gm_buf keys;    /* normalised names */
    bcountry *countries;
    size_t ncountries, capcountries;
    badmin1 *admin1;
    size_t nadmin1, capadmin1;
    uint32_t *admin2_code, *admin2_name; /* scratch pool offsets */
    size_t nadmin2, capadmin2, capadmin2b;
    double *admin2_lat, *admin2_lon;     /* sums over member places */
    uint32_t *admin2_n;
    uint64_t *admin2_pop;
    size_t n_admin2_entries, n_abbrev;
    bplace *places;
    size_t nplaces, capplaces;
    bname *names;
    size_t nnames, capnames;
    gm_strmap country_by_iso, admin1_by_code, admin2_by_code;
    gm_strmap common_words;
    gm_pip *admin1_pip, *country_pip;
    size_t pip_checked, pip_agree, pip_filled;
    size_t n_geonames, n_supplement, n_demonyms;
    gm_buf norm;    /* scratch for normalising one name */
} builder;

static uint32_t pool_add(builder *b, const char *s, size_t n)
{
    uint32_t off = (uint32_t)b->pool.len;
    gm_buf_add(&b->pool, s, n);
    gm_buf_addc(&b->pool, 0);
    return off;
}

static uint32_t pool_adds(builder *b, const char *s) { return pool_add(b, s, strlen(s)); }

static const char *pool_str(const builder *b, uint32_t off) { return b->pool.p + off; }

/* Reports progress; false when the caller has asked the build to stop (opt->cancel). */
static bool progress(builder *b, const char *stage, size_t done, size_t total)
{
    if (b->opt->progress)
        b->opt->progress(b->opt->progress_user, stage, done, total);
    return !(b->opt->cancel && *b->opt->cancel);
}

/* A new stage: GM_E_CANCELLED when the caller has asked the build to stop. */
static gm_status stage(builder *b, const char *name, size_t done, size_t total)
{
    if (progress(b, name, done, total))
        return GM_OK;
    return gm_fail(b->err, GM_E_CANCELLED, "gazetteer build cancelled; nothing was written");
}

static gm_status oom(builder *b) { return gm_nomem(b->err); }

static bool parse_double(const char *s, double *v)
{
    if (!*s)
        return false;
    char *end;
    errno = 0;
    double d = strtod(s, &end);
    if (*end || errno || !isfinite(d))
        return false;
    *v = d;
    return true;
}

static uint32_t parse_u32(const char *s)
{
    char *end;
    unsigned long long v = strtoull(s, &end, 10);
    if (end == s)
        return 0;
    return v > 0xFFFFFFFFull ? 0xFFFFFFFFu : (uint32_t)v;
}

static gm_status bad_line(builder *b, const gm_tsv *t, const char *what)
{
    return gm_fail(b->err, GM_E_FORMAT, "%s line %zu: %s", t->path, t->lineno, what);
}

static char *source_path(builder *b, const char *file)
{
    size_t n = strlen(b->opt->source_dir) + strlen(file) + 2;
    char *p = gm_malloc(n);
    if (p)
        snprintf(p, n, "%s/%s", b->opt->source_dir, file);
    return p;
}

static bool file_exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

/* Opens a source file; optional files that do not exist give GM_E_NOTFOUND without a message. */
static gm_status open_source(builder *b, gm_tsv *t, const char *file, bool optional)
{
    char *path = source_path(b, file);
    if (!path)
        return oom(b);
    gm_status st;
    size_t n = strlen(path);
    if (!file_exists(path) && n > 3 && strcmp(path + n - 3, ".gz") == 0) {
        path[n - 3] = 0; /* an uncompressed copy will do ("places.tsv") */
        if (!file_exists(path))
            path[n - 3] = '.';
    }
    if (!file_exists(path)) {
        st = optional ? GM_E_NOTFOUND
                      : gm_fail(b->err, GM_E_IO, "gazetteer source %s is missing (is --source the gazetteer/ folder?)", path);
    } else {
        st = gm_tsv_open(t, path, b->err);
    }
    gm__free(path);
    return st;
}

/* ------------------------------------------------------------------ names */
/* Feature importance used as a resolution prior (see resolve.c). */
static uint8_t feature_rank(char fclass, const char *fcode, uint8_t kind)
{
    if (kind == GM_PK_COUNTRY)
        return 15;
    if (kind == GM_PK_ADMIN1)
        return 12;
    if (kind == GM_PK_ADMIN2)
        return 6;
    if (kind == GM_PK_REGION)
        return 9;
    if (kind == GM_PK_SITE)
        return 7;
    if (fclass != 'P')
        return 3;
    static const struct {
        const char *code;
        uint8_t rank;
    } R[] = {{"PPLC", 11}, {"PPLA", 9}, {"PPLG", 8}, {"PPLA2", 7}, {"PPLA3", 5}, {"PPLA4", 4}, {"PPLA5", 4},
             {"PPL", 3},   {"PPLS", 3}, {"STLMT", 2}, {"PPLL", 2}, {"PPLF", 2}, {"PPLR", 2},  {"PPLX", 1},
             {"PPLCH", 1}, {"PPLH", 0}, {"PPLQ", 0},  {"PPLW", 0}};
    for (size_t i = 0; i < GM_ARRAY_LEN(R); i++)
        if (strcmp(fcode, R[i].code) == 0)
            return R[i].rank;
    return 2;
}

static bool has_letter(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (gm_ascii_alpha(c) || c >= 0x80)
            return true;
    }
    return false;
}

static bool all_caps_ascii(const char *s, size_t n)
{
    size_t letters = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (gm_ascii_lower(c) || c >= 0x80)
            return false;
        letters += gm_ascii_upper(c);
    }
    return letters > 0;
}

static bool push_name(builder *b, const char *key, size_t klen, uint32_t written, uint32_t place, uint8_t type,
                      uint8_t nwords)
{
    if (!gm_grow((void **)&b->names, &b->capnames, b->nnames + 1, sizeof *b->names))
        return false;
    bname *n = &b->names[b->nnames++];
    n->hash = gm_fnv(GM_FNV_INIT, key, klen);
    n->key = (uint32_t)b->keys.len;
    n->written = written;
    n->place = place;
    n->type = type;
    n->nwords = nwords;
    gm_buf_add(&b->keys, key, klen);
    gm_buf_addc(&b->keys, 0);
    return !b->keys.oom;
}

/* Word swaps that news writes either way. */
static const char *const SWAPS[][2] = {
    {"saint", "st"}, {"sainte", "ste"}, {"mount", "mt"}, {"fort", "ft"}, {"port", "pt"},
};

/* Adds one normalised key and its prefixes. */
static bool add_key(builder *b, const char *key, size_t klen, size_t nwords, uint32_t written, uint32_t place,
                    uint8_t type)
{
    if (klen == 0 || klen > 160 || nwords > 10)
        return true;
    if (!push_name(b, key, klen, written, place, type, (uint8_t)nwords))
        return false;
    if (key[klen - 1] == '.' && klen > 1 && !push_name(b, key, klen - 1, 0, GM_NONE32, 15, (uint8_t)nwords))
        return false; /* "calif" leads on to "calif." */
    for (size_t i = 0, w = 1; i < klen; i++) {
        if (key[i] == ' ') {
            if (!push_name(b, key, i, 0, GM_NONE32, 15, (uint8_t)w))
                return false;
            w++;
        }
    }
    return true;
}

/* Normalises a written name and adds it, with St/Saint-style variants. */
static bool add_name(builder *b, const char *name, size_t len, uint32_t place, uint8_t type)
{
    while (len && (*name == ' ' || *name == '\t'))
        name++, len--;
    while (len && (name[len - 1] == ' ' || name[len - 1] == '\t'))
        len--;
    if (len < 2 || len > 200 || !has_letter(name, len))
        return true;
    if (type == GM_NT_ALT || type == GM_NT_ENGLISH) {
        if (memchr(name, '(', len))
            return true; /* "Kiev (city)" style qualifiers are not how text writes names */
        if (len <= 4 && all_caps_ascii(name, len))
            type = GM_NT_ABBREV;
    }
    b->norm.len = 0;
    size_t words = gm_text_normalize_name(name, len, &b->norm);
    if (b->norm.oom)
        return false;
    if (!words)
        return true;
    uint32_t written = (uint32_t)b->keys.len;
    gm_buf_add(&b->keys, name, len);
    gm_buf_addc(&b->keys, 0);
    if (!add_key(b, b->norm.p, b->norm.len, words, written, place, type))
        return false;
    /* "U.K." and "U.A.E." for "UK" and "UAE": the letters as separate words - for countries only.
     * A state's or province's code is not written so ("M.D.", "O.K.", "P.A." are a doctor, a word and
     * an assistant); the dotted forms news does use ("N.Y.", "B.C.") are in abbreviations.tsv. */
    if (type == GM_NT_ABBREV && words == 1 && b->norm.len >= 2 && b->norm.len <= 4 && place < b->nplaces &&
        b->places[place].kind == GM_PK_COUNTRY) {
        char tmp[16];
        size_t k = 0;
        for (size_t i = 0; i < b->norm.len; i++) {
            if (i)
                tmp[k++] = ' ';
            tmp[k++] = b->norm.p[i];
        }
        if (!add_key(b, tmp, k, b->norm.len, written, place, GM_NT_ABBREV))
            return false;
    }
    /* variants: swap the first word if it is one of the pairs */
    for (size_t s = 0; s < GM_ARRAY_LEN(SWAPS); s++) {
        for (int dir = 0; dir < 2; dir++) {
            const char *from = SWAPS[s][dir], *to = SWAPS[s][!dir];
            size_t fl = strlen(from);
            if (b->norm.len > fl && memcmp(b->norm.p, from, fl) == 0 && b->norm.p[fl] == ' ') {
                char tmp[192];
                int n = snprintf(tmp, sizeof tmp, "%s%.*s", to, (int)(b->norm.len - fl), b->norm.p + fl);
                if (n > 0 && (size_t)n < sizeof tmp &&
                    !add_key(b, tmp, (size_t)n, words, written, place, type < GM_NT_VARIANT ? GM_NT_VARIANT : type))
                    return false;
            }
        }
    }
    /* "Democratic Republic of Congo" for "Democratic Republic of the Congo": a country's long name
     * is written with and without its "the" */
    const char *of_the = NULL;
    for (size_t i = 0; i + 8 <= b->norm.len && !of_the; i++)
        if (memcmp(b->norm.p + i, " of the ", 8) == 0)
            of_the = b->norm.p + i;
    if (of_the && place < b->nplaces && b->places[place].kind == GM_PK_COUNTRY && words >= 4) {
        char tmp[192];
        size_t head = (size_t)(of_the - b->norm.p) + 4, tail = b->norm.len - head - 4;
        if (head + tail < sizeof tmp) {
            memcpy(tmp, b->norm.p, head);
            memcpy(tmp + head, of_the + 8, tail);
            if (!add_key(b, tmp, head + tail, words - 1, written, place, type < GM_NT_VARIANT ? GM_NT_VARIANT : type))
                return false;
        }
    }
    return true;
}

/* Adds every name of a separated list. */
static bool add_name_list(builder *b, const char *list, char sep, uint32_t place, uint8_t type)
{
    const char *p = list;
    while (*p) {
        const char *e = strchr(p, sep);
        size_t n = e ? (size_t)(e - p) : strlen(p);
        if (n && !add_name(b, p, n, place, type))
            return false;
        if (!e)
            break;
        p = e + 1;
    }
    return true;
}

/* ------------------------------------------------------------------ reading the sources */
static gm_status read_countries(builder *b)
{
    gm_tsv t;
    gm_status st = open_source(b, &t, "countries.tsv.gz", false);
    if (st)
        return st;
    int r;
    while ((r = gm_tsv_next(&t, b->err)) == 1) {
        const char *iso2 = gm_tsv_get(&t, 0);
        if (strlen(iso2) != 2 || t.nfields < 3) {
            st = bad_line(b, &t, "expected iso2, iso3, name, ...");
            break;
        }
        if (!gm_grow((void **)&b->countries, &b->capcountries, b->ncountries + 1, sizeof *b->countries)) {
            st = oom(b);
            break;
        }
        bcountry *c = &b->countries[b->ncountries];
        memset(c, 0, sizeof *c);
        snprintf(c->iso2, sizeof c->iso2, "%s", iso2);
        snprintf(c->iso3, sizeof c->iso3, "%.3s", gm_tsv_get(&t, 1));
        c->name = pool_adds(b, gm_tsv_get(&t, 2));
        c->continent = pool_adds(b, gm_tsv_get(&t, 3));
        c->capital = pool_adds(b, gm_tsv_get(&t, 4));
        c->names_en = pool_adds(b, gm_tsv_get(&t, 5));
        c->names_other = pool_adds(b, gm_tsv_get(&t, 6));
        c->shape = -1;
        c->place = GM_NONE32;
        if (!gm_strmap_put(&b->country_by_iso, iso2, (uint32_t)b->ncountries)) {
            st = oom(b);
            break;
        }
        b->ncountries++;
    }
    if (r < 0)
        st = b->err ? b->err->status : GM_E_IO;
    gm_tsv_close(&t);
    if (!st && b->ncountries >= GM_NONE16)
        st = gm_fail(b->err, GM_E_LIMIT, "too many countries");
    return st ? st : (b->pool.oom ? oom(b) : GM_OK);
}

static gm_status read_shapes(builder *b, const char *file, bool countries)
{
    gm_tsv t;
    gm_status st = open_source(b, &t, file, true);
    if (st == GM_E_NOTFOUND)
        return GM_OK;
    if (st)
        return st;
    gm_pip *pip = countries ? b->country_pip : b->admin1_pip;
    int r;
    while ((r = gm_tsv_next(&t, b->err)) == 1) {
        uint32_t idx;
        const char *code = gm_tsv_get(&t, 0);
        if (!gm_strmap_get(countries ? &b->country_by_iso : &b->admin1_by_code, code, &idx))
            continue; /* a shape for an unknown code: nothing to attach it to */
        int32_t pos = (int32_t)gm_pip_count(pip);
        gm_error e2;
        if (gm_pip_add_wkt(pip, gm_tsv_get(&t, 1), (int32_t)idx, &e2) != GM_OK) {
            st = gm_fail(b->err, GM_E_FORMAT, "%s line %zu: %s", t.path, t.lineno, e2.message);
            break;
        }
        if (countries)
            b->countries[idx].shape = pos;
        else
            b->admin1[idx].shape = pos;
    }
    if (r < 0)
        st = b->err ? b->err->status : GM_E_IO;
    gm_tsv_close(&t);
    if (!st)
        st = gm_pip_finish(pip, b->err);
    return st;
}

static gm_status read_admin1(builder *b)
{
    gm_tsv t;
    gm_status st = open_source(b, &t, "admin1.tsv.gz", false);
    if (st)
        return st;
    int r;
    while ((r = gm_tsv_next(&t, b->err)) == 1) {
        if (t.nfields < 3 || !*gm_tsv_get(&t, 0) || !*gm_tsv_get(&t, 2)) {
            st = bad_line(b, &t, "expected code, country_code, name, ...");
            break;
        }
        if (!gm_grow((void **)&b->admin1, &b->capadmin1, b->nadmin1 + 1, sizeof *b->admin1)) {
            st = oom(b);
            break;
        }
        badmin1 *a = &b->admin1[b->nadmin1];
        memset(a, 0, sizeof *a);
        a->code = pool_adds(b, gm_tsv_get(&t, 0));
        uint32_t ci;
        a->country = gm_strmap_get(&b->country_by_iso, gm_tsv_get(&t, 1), &ci) ? (uint16_t)ci : GM_NONE16;
        a->name = pool_adds(b, gm_tsv_get(&t, 2));
        a->geonameid = parse_u32(gm_tsv_get(&t, 3));
        a->alts = pool_adds(b, gm_tsv_get(&t, 4));
        a->type = pool_adds(b, gm_tsv_get(&t, 5));
        a->has_point = parse_double(gm_tsv_get(&t, 6), &a->lat) && parse_double(gm_tsv_get(&t, 7), &a->lon) &&
                       fabs(a->lat) <= 90 && fabs(a->lon) <= 180;
        a->iso = pool_adds(b, gm_tsv_get(&t, 8));
        a->shape = -1;
        a->place = GM_NONE32;
        if (!gm_strmap_put(&b->admin1_by_code, gm_tsv_get(&t, 0), (uint32_t)b->nadmin1)) {
            st = oom(b);
            break;
        }
        b->nadmin1++;
    }
    if (r < 0)
        st = b->err ? b->err->status : GM_E_IO;
    gm_tsv_close(&t);
    if (!st && b->nadmin1 >= GM_NONE16)
        st = gm_fail(b->err, GM_E_LIMIT, "too many admin-1 regions (%zu)", b->nadmin1);
    return st ? st : (b->pool.oom ? oom(b) : GM_OK);
}

static gm_status read_admin2(builder *b)
{
    gm_tsv t;
    gm_status st = open_source(b, &t, "admin2.tsv.gz", true);
    if (st == GM_E_NOTFOUND)
        return GM_OK;
    if (st)
        return st;
    int r;
    while ((r = gm_tsv_next(&t, b->err)) == 1) {
        if (!gm_grow((void **)&b->admin2_code, &b->capadmin2, b->nadmin2 + 1, sizeof *b->admin2_code) ||
            !gm_grow((void **)&b->admin2_name, &b->capadmin2b, b->nadmin2 + 1, sizeof *b->admin2_name)) {
            st = oom(b);
            break;
        }
        b->admin2_code[b->nadmin2] = pool_adds(b, gm_tsv_get(&t, 0));
        b->admin2_name[b->nadmin2] = pool_adds(b, gm_tsv_get(&t, 1));
        if (!gm_strmap_put(&b->admin2_by_code, gm_tsv_get(&t, 0), (uint32_t)b->nadmin2)) {
            st = oom(b);
            break;
        }
        b->nadmin2++;
    }
    if (r < 0)
        st = b->err ? b->err->status : GM_E_IO;
    gm_tsv_close(&t);
    return st ? st : (b->pool.oom ? oom(b) : GM_OK);
}

static bplace *new_place(builder *b)
{
    if (!gm_grow((void **)&b->places, &b->capplaces, b->nplaces + 1, sizeof *b->places))
        return NULL;
    bplace *p = &b->places[b->nplaces++];
    memset(p, 0, sizeof *p);
    p->country = GM_NONE16;
    p->admin1 = GM_NONE16;
    p->admin1_pip = GM_NONE16;
    p->admin2 = GM_NONE32;
    p->alt_sep = ',';
    return p;
}

/* Country, admin-1 and admin-2 indexes from GeoNames-style codes. */
static void assign_codes(builder *b, bplace *p, const char *cc, const char *a1, const char *a2)
{
    uint32_t idx;
    if (*cc && gm_strmap_get(&b->country_by_iso, cc, &idx))
        p->country = (uint16_t)idx;
    if (*cc && *a1) {
        char code[64];
        snprintf(code, sizeof code, "%s.%s", cc, a1);
        if (gm_strmap_get(&b->admin1_by_code, code, &idx))
            p->admin1 = (uint16_t)idx;
        if (*a2) {
            char code2[96];
            snprintf(code2, sizeof code2, "%s.%s", code, a2);
            if (gm_strmap_get(&b->admin2_by_code, code2, &idx))
                p->admin2 = idx;
        }
    }
}

static gm_status read_places(builder *b)
{
    gm_tsv t;
    gm_status st = open_source(b, &t, "places.tsv.gz", false);
    if (st)
        return st;
    int r;
    uint32_t src = pool_adds(b, "geonames");
    while ((r = gm_tsv_next(&t, b->err)) == 1) {
        if (t.nfields < 12) {
            st = bad_line(b, &t, "expected 12 columns (geonameid ... population)");
            break;
        }
        double lat, lon;
        if (!parse_double(gm_tsv_get(&t, 4), &lat) || !parse_double(gm_tsv_get(&t, 5), &lon) || fabs(lat) > 90 ||
            fabs(lon) > 180) {
            st = bad_line(b, &t, "latitude/longitude missing or out of range");
            break;
        }
        bplace *p = new_place(b);
        if (!p) {
            st = oom(b);
            break;
        }
        p->geonameid = parse_u32(gm_tsv_get(&t, 0));
        p->name = pool_adds(b, gm_tsv_get(&t, 1));
        p->ascii = pool_adds(b, gm_tsv_get(&t, 2));
        p->alts = pool_adds(b, gm_tsv_get(&t, 3));
        p->lat = lat;
        p->lon = lon;
        p->fclass = gm_tsv_get(&t, 6)[0] ? gm_tsv_get(&t, 6)[0] : 'P';
        const char *fcode = gm_tsv_get(&t, 7);
        p->fcode = pool_adds(b, *fcode ? fcode : "PPL");
        assign_codes(b, p, gm_tsv_get(&t, 8), gm_tsv_get(&t, 9), gm_tsv_get(&t, 10));
        p->pop = parse_u32(gm_tsv_get(&t, 11));
        p->source = src;
        p->kind = p->fclass == 'P' ? GM_PK_PLACE : p->fclass == 'A' ? GM_PK_ADMIN2 : GM_PK_SITE;
        p->rank = feature_rank(p->fclass, fcode, p->kind);
        b->n_geonames++;
        if ((b->n_geonames & 0x3FFF) == 0 && !progress(b, "places", b->n_geonames, 0))
            break; /* cancelled: the caller's next check stops the build */
    }
    if (r < 0)
        st = b->err ? b->err->status : GM_E_IO;
    gm_tsv_close(&t);
    return st ? st : (b->pool.oom ? oom(b) : GM_OK);
}

/* How far a curated entry reaches from its point, by kind: a continent thousands of km, a strait
 * a few dozen, a village none. */
static uint16_t supplement_extent(char fclass, const char *fcode)
{
    static const struct {
        const char *code;
        uint16_t km;
    } E[] = {{"CONT", 3000}, {"OCN", 3000}, {"SEA", 800}, {"GULF", 500}, {"BAY", 150}, {"STRT", 60},
             {"CHN", 100},   {"CNL", 40},   {"RGN", 600}, {"RGNE", 600}, {"AREA", 150}, {"ISLS", 300},
             {"PEN", 300},   {"STM", 800},  {"LKS", 400}, {"LK", 60},    {"MTS", 400},  {"PRK", 30},
             {"ADMD", 100},  {"ZN", 30},    {"TERR", 150}};
    for (size_t i = 0; i < GM_ARRAY_LEN(E); i++)
        if (strcmp(fcode, E[i].code) == 0)
            return E[i].km;
    return fclass == 'P' || fclass == 'S' ? 0 : 50;
}

static gm_status read_supplement(builder *b)
{
    gm_tsv t;
    gm_status st = open_source(b, &t, "supplement.tsv", true);
    if (st == GM_E_NOTFOUND)
        return GM_OK;
    if (st)
        return st;
    int r;
    while ((r = gm_tsv_next(&t, b->err)) == 1) {
        double lat, lon;
        if (t.nfields < 11 || !parse_double(gm_tsv_get(&t, 4), &lat) || !parse_double(gm_tsv_get(&t, 5), &lon) ||
            fabs(lat) > 90 || fabs(lon) > 180 || !*gm_tsv_get(&t, 2)) {
            st = bad_line(b, &t, "expected id, geonameid, name, alternatenames, latitude, longitude, ...");
            break;
        }
        bplace *p = new_place(b);
        if (!p) {
            st = oom(b);
            break;
        }
        p->geonameid = parse_u32(gm_tsv_get(&t, 1));
        p->name = pool_adds(b, gm_tsv_get(&t, 2));
        p->ascii = pool_adds(b, "");
        p->alts = pool_adds(b, gm_tsv_get(&t, 3));
        p->alt_sep = '|';
        p->lat = lat;
        p->lon = lon;
        p->fclass = gm_tsv_get(&t, 6)[0] ? gm_tsv_get(&t, 6)[0] : 'P';
        const char *fcode = gm_tsv_get(&t, 7);
        p->fcode = pool_adds(b, *fcode ? fcode : "PPL");
        assign_codes(b, p, gm_tsv_get(&t, 8), gm_tsv_get(&t, 9), "");
        p->pop = parse_u32(gm_tsv_get(&t, 10));
        p->source = pool_adds(b, gm_tsv_get(&t, 0));
        p->flags |= GM_PF_SUPPLEMENT;
        switch (p->fclass) {
        case 'P': p->kind = GM_PK_PLACE; break;
        case 'S': p->kind = GM_PK_SITE; break;
        case 'A': p->kind = strncmp(fcode, "ADM1", 4) == 0 ? GM_PK_ADMIN1 : GM_PK_ADMIN2; break;
        default: p->kind = GM_PK_REGION; break;
        }
        p->rank = feature_rank(p->fclass, fcode, p->kind);
        p->extent_km = supplement_extent(p->fclass, fcode);
        b->n_supplement++;
    }
    if (r < 0)
        st = b->err ? b->err->status : GM_E_IO;
    gm_tsv_close(&t);
    return st ? st : (b->pool.oom ? oom(b) : GM_OK);
}

/* ------------------------------------------------------------------ regions */
/* Point-in-polygon for every place: fills missing codes and measures agreement; sums the member
 * places of every admin-2 unit, which have no point of their own in cities500. */
static void assign_regions(builder *b)
{
    if (b->nadmin2) {
        b->admin2_lat = gm_calloc(b->nadmin2, sizeof *b->admin2_lat);
        b->admin2_lon = gm_calloc(b->nadmin2, sizeof *b->admin2_lon);
        b->admin2_n = gm_calloc(b->nadmin2, sizeof *b->admin2_n);
        b->admin2_pop = gm_calloc(b->nadmin2, sizeof *b->admin2_pop);
        if (!b->admin2_lat || !b->admin2_lon || !b->admin2_n || !b->admin2_pop) {
            gm__free(b->admin2_n);
            b->admin2_n = NULL; /* admin-2 entries are then skipped, the build goes on */
        }
    }
    for (size_t i = 0; i < b->nplaces; i++) {
        bplace *p = &b->places[i];
        bool exact;
        int32_t a = gm_pip_find(b->admin1_pip, p->lon, p->lat, 0.05, &exact);
        if (a >= 0) {
            p->admin1_pip = (uint16_t)a;
            if (p->admin1 != GM_NONE16) {
                b->pip_checked++;
                if (p->admin1 == (uint16_t)a)
                    b->pip_agree++;
                else
                    p->flags |= GM_PF_PIP_DISAGREES;
            }
        }
        bool point_like = p->kind == GM_PK_PLACE || p->kind == GM_PK_SITE;
        if (p->admin1 == GM_NONE16 && a >= 0 && point_like &&
            (p->country == GM_NONE16 || b->admin1[a].country == p->country)) {
            p->admin1 = (uint16_t)a;
            b->pip_filled++;
        }
        if (p->country == GM_NONE16 && point_like) {
            int32_t c = gm_pip_find(b->country_pip, p->lon, p->lat, 0.05, NULL);
            if (c >= 0)
                p->country = (uint16_t)c;
            else if (a >= 0)
                p->country = b->admin1[a].country;
        }
        if (p->admin1 != GM_NONE16) {
            badmin1 *ad = &b->admin1[p->admin1];
            ad->pop += p->pop;
            ad->sum_lat += p->lat;
            ad->sum_lon += p->lon;
            ad->nplaces++;
        }
        if (p->country != GM_NONE16)
            b->countries[p->country].pop += p->pop;
        if (p->admin2 != GM_NONE32 && p->kind == GM_PK_PLACE && b->admin2_n) {
            b->admin2_lat[p->admin2] += p->lat;
            b->admin2_lon[p->admin2] += p->lon;
            b->admin2_n[p->admin2]++;
            b->admin2_pop[p->admin2] += p->pop;
        }
        if ((i & 0x3FFF) == 0 && !progress(b, "regions", i, b->nplaces))
            break;
    }
}

static uint32_t capped_pop(uint64_t pop) { return pop > 0xFFFFFFFFull ? 0xFFFFFFFFu : (uint32_t)pop; }

/* The radius in km of a disc with the area of a polygon given in square degrees near latitude lat. */
static uint16_t area_radius_km(double sq_deg, double lat)
{
    double km2 = sq_deg * 111.32 * 111.32 * cos(lat * M_PI / 180.0);
    double r = sqrt(fabs(km2) / M_PI);
    return r > 60000 ? 60000 : (uint16_t)lround(r);
}

/* The parts of a country news names by direction: "eastern Ukraine", "northern Syria", "south
 * Lebanon", "central Mali".  The adjective forms and, for the four cardinal points, the bare ones
 * ("east Ukraine"), with each English name of the country. */
static const struct {
    const char *adj, *bare;
    int dx, dy;
} COUNTRY_PARTS[] = {
    {"Northern", "North", 0, 1},        {"Southern", "South", 0, -1},       {"Eastern", "East", 1, 0},
    {"Western", "West", -1, 0},         {"Northeastern", "Northeast", 1, 1}, {"Northwestern", "Northwest", -1, 1},
    {"Southeastern", "Southeast", 1, -1}, {"Southwestern", "Southwest", -1, -1}, {"Central", NULL, 0, 0},
};

/* Appends "<word> <name>" for the name and for each of the '|'-separated English names, '|' between
 * them (the first form becomes the entry's name, the rest its alternates). */
static void part_names(gm_buf *out, const char *word, const char *name, const char *names_en)
{
    for (const char *n = name; n;) {
        const char *e = n == name ? NULL : strchr(n, '|');
        size_t len = e ? (size_t)(e - n) : strlen(n);
        if (len && out->len + strlen(word) + len + 3 < 4096) {
            if (out->len)
                gm_buf_addc(out, '|');
            gm_buf_adds(out, word);
            gm_buf_addc(out, ' ');
            gm_buf_add(out, n, len);
        }
        n = n == name ? names_en : e ? e + 1 : NULL;
    }
}

static gm_status add_country_parts(builder *b)
{
    uint32_t src = pool_adds(b, "country-part"), fc = pool_adds(b, "RGN");
    gm_buf names;
    gm_buf_init(&names);
    for (size_t i = 0; i < b->ncountries; i++) {
        bcountry *c = &b->countries[i];
        if (c->shape < 0 || c->place == GM_NONE32 || gm_pip_area(b->country_pip, (size_t)c->shape) < 0.05)
            continue; /* no outline, or too small to have parts: Monaco, Singapore */
        for (size_t k = 0; k < GM_ARRAY_LEN(COUNTRY_PARTS); k++) {
            double lon, lat;
            if (!gm_pip_part_point(b->country_pip, (size_t)c->shape, COUNTRY_PARTS[k].dx, COUNTRY_PARTS[k].dy, &lon,
                                   &lat))
                continue;
            names.len = 0;
            part_names(&names, COUNTRY_PARTS[k].adj, pool_str(b, c->name), pool_str(b, c->names_en));
            if (COUNTRY_PARTS[k].bare)
                part_names(&names, COUNTRY_PARTS[k].bare, pool_str(b, c->name), pool_str(b, c->names_en));
            const char *all = gm_buf_cstr(&names);
            if (!all) {
                gm_buf_free(&names);
                return oom(b);
            }
            const char *bar = strchr(all, '|');
            size_t first = bar ? (size_t)(bar - all) : names.len;
            bplace *p = new_place(b);
            if (!p) {
                gm_buf_free(&names);
                return oom(b);
            }
            p->name = pool_add(b, all, first);
            p->ascii = pool_adds(b, "");
            p->alts = bar ? pool_add(b, bar + 1, names.len - first - 1) : pool_adds(b, "");
            p->alt_sep = '|';
            p->lat = lat;
            p->lon = lon;
            p->fclass = 'L';
            p->fcode = fc;
            p->country = (uint16_t)i;
            p->pop = capped_pop(c->pop / 4); /* "eastern Congo": the larger Congo */
            p->source = src;
            p->kind = GM_PK_REGION;
            p->flags |= GM_PF_COUNTRY_PART;
            p->rank = feature_rank('L', "RGN", GM_PK_REGION);
            p->extent_km = (uint16_t)(b->places[c->place].extent_km / 2 + 1);
        }
    }
    gm_buf_free(&names);
    return b->pool.oom ? oom(b) : GM_OK;
}

/* One entry for every admin-1 region and every country (and the countries' parts). */
static gm_status add_region_entries(builder *b)
{
    uint32_t src_a1 = pool_adds(b, "admin1"), src_c = pool_adds(b, "country");
    uint32_t fc_a1 = pool_adds(b, "ADM1"), fc_c = pool_adds(b, "PCLI"), fc_d = pool_adds(b, "PCLD");
    uint32_t src_a2 = pool_adds(b, "admin2"), fc_a2 = pool_adds(b, "ADM2");
    /* counties, raions, districts: a point at the mean of their member places, reaching as far as
     * the farthest of them */
    float *spread = b->admin2_n ? gm_calloc(b->nadmin2 + 1, sizeof *spread) : NULL;
    if (spread) {
        for (size_t j = 0; j < b->nplaces; j++) {
            bplace *q = &b->places[j];
            if (q->kind != GM_PK_PLACE || q->admin2 == GM_NONE32 || !b->admin2_n[q->admin2])
                continue;
            double n = b->admin2_n[q->admin2];
            float km = (float)gm_haversine_km(q->lat, q->lon, b->admin2_lat[q->admin2] / n, b->admin2_lon[q->admin2] / n);
            if (km > spread[q->admin2])
                spread[q->admin2] = km;
        }
    }
    for (size_t i = 0; b->admin2_n && i < b->nadmin2; i++) {
        if (!b->admin2_n[i])
            continue;
        const char *code = pool_str(b, b->admin2_code[i]);
        char cc[4] = {0}, a1code[64];
        const char *dot1 = strchr(code, '.'), *dot2 = dot1 ? strchr(dot1 + 1, '.') : NULL;
        if (!dot1 || !dot2 || dot1 - code != 2)
            continue;
        memcpy(cc, code, 2);
        snprintf(a1code, sizeof a1code, "%.*s", (int)(dot2 - code), code);
        bplace *p = new_place(b);
        if (!p) {
            gm__free(spread);
            return oom(b);
        }
        uint32_t idx;
        p->country = gm_strmap_get(&b->country_by_iso, cc, &idx) ? (uint16_t)idx : GM_NONE16;
        p->admin1 = gm_strmap_get(&b->admin1_by_code, a1code, &idx) ? (uint16_t)idx : GM_NONE16;
        p->admin2 = (uint32_t)i;
        p->name = b->admin2_name[i];
        p->ascii = pool_adds(b, "");
        p->alts = pool_adds(b, "");
        p->lat = b->admin2_lat[i] / b->admin2_n[i];
        p->lon = b->admin2_lon[i] / b->admin2_n[i];
        p->fclass = 'A';
        p->fcode = fc_a2;
        p->pop = capped_pop(b->admin2_pop[i]);
        p->source = src_a2;
        p->kind = GM_PK_ADMIN2;
        p->rank = feature_rank('A', "ADM2", GM_PK_ADMIN2);
        p->extent_km = spread ? (uint16_t)(spread[i] < 10 ? 10 : spread[i] > 2000 ? 2000 : spread[i]) : 30;
        b->n_admin2_entries++;
    }
    gm__free(spread);
    for (size_t i = 0; i < b->nadmin1; i++) {
        badmin1 *a = &b->admin1[i];
        /* the centroid of the main part (when inside it) represents a region better than a label
         * point placed for a map */
        if (a->shape >= 0) {
            double lon, lat;
            if (gm_pip_label_point(b->admin1_pip, (size_t)a->shape, true, &lon, &lat)) {
                a->lon = lon;
                a->lat = lat;
                a->has_point = true;
            }
        }
        if (!a->has_point && a->nplaces) {
            a->lat = a->sum_lat / a->nplaces;
            a->lon = a->sum_lon / a->nplaces;
            a->has_point = true;
        }
        if (!a->has_point)
            continue;
        bplace *p = new_place(b);
        if (!p)
            return oom(b);
        p->geonameid = a->geonameid;
        p->name = a->name;
        p->ascii = pool_adds(b, "");
        p->alts = a->alts;
        p->alt_sep = '|';
        p->lat = a->lat;
        p->lon = a->lon;
        p->fclass = 'A';
        p->fcode = fc_a1;
        p->country = a->country;
        p->admin1 = (uint16_t)i;
        p->pop = capped_pop(a->pop);
        p->source = src_a1;
        p->kind = GM_PK_ADMIN1;
        p->rank = feature_rank('A', "ADM1", GM_PK_ADMIN1);
        p->extent_km = a->shape >= 0 ? area_radius_km(gm_pip_area(b->admin1_pip, (size_t)a->shape), a->lat) : 150;
        a->place = (uint32_t)(b->nplaces - 1);
    }
    /* a country's point is the centroid of its largest part (never dragged off by Alaska or overseas
     * islands), or where that fails its capital */
    size_t *capital = gm_malloc((b->ncountries + 1) * sizeof *capital);
    if (!capital)
        return oom(b);
    for (size_t i = 0; i < b->ncountries; i++)
        capital[i] = SIZE_MAX;
    for (size_t j = 0; j < b->nplaces; j++) {
        bplace *p = &b->places[j];
        if (p->kind != GM_PK_PLACE || p->country == GM_NONE16 || strcmp(pool_str(b, p->fcode), "PPLC") != 0)
            continue;
        size_t *cur = &capital[p->country];
        const char *want = pool_str(b, b->countries[p->country].capital);
        bool named = *want && strcmp(pool_str(b, p->name), want) == 0;
        if (*cur == SIZE_MAX || (named && strcmp(pool_str(b, b->places[*cur].name), want) != 0) ||
            (!named && p->pop > b->places[*cur].pop && strcmp(pool_str(b, b->places[*cur].name), want) != 0))
            *cur = j;
    }
    for (size_t i = 0; i < b->ncountries; i++) {
        bcountry *c = &b->countries[i];
        if (c->shape >= 0)
            c->has_point = gm_pip_label_point(b->country_pip, (size_t)c->shape, false, &c->lon, &c->lat);
        if (!c->has_point && capital[i] != SIZE_MAX) {
            c->lat = b->places[capital[i]].lat;
            c->lon = b->places[capital[i]].lon;
            c->has_point = true;
        }
        if (!c->has_point) {
            /* no outline: use the capital, or else the most populous place */
            const char *cap = pool_str(b, c->capital);
            size_t best = SIZE_MAX;
            for (size_t j = 0; j < b->nplaces; j++) {
                bplace *p = &b->places[j];
                if (p->country != i || p->kind != GM_PK_PLACE)
                    continue;
                if (*cap && strcmp(pool_str(b, p->name), cap) == 0) {
                    best = j;
                    break;
                }
                if (best == SIZE_MAX || p->pop > b->places[best].pop)
                    best = j;
            }
            if (best != SIZE_MAX) {
                c->lat = b->places[best].lat;
                c->lon = b->places[best].lon;
                c->has_point = true;
            }
        }
        if (!c->has_point)
            continue;
        bplace *p = new_place(b);
        if (!p) {
            gm__free(capital);
            return oom(b);
        }
        p->name = c->name;
        p->ascii = pool_adds(b, "");
        p->alts = pool_adds(b, "");
        p->lat = c->lat;
        p->lon = c->lon;
        p->fclass = 'A';
        /* countries-list marks dependent territories by the continent of their sovereign only; the
         * feature code is PCLI unless the country has no outline of its own */
        p->fcode = c->shape >= 0 ? fc_c : fc_d;
        p->country = (uint16_t)i;
        p->pop = capped_pop(c->pop);
        p->source = src_c;
        p->kind = GM_PK_COUNTRY;
        p->rank = feature_rank('A', "PCLI", GM_PK_COUNTRY);
        p->extent_km = c->shape >= 0 ? area_radius_km(gm_pip_area(b->country_pip, (size_t)c->shape), c->lat) : 100;
        c->place = (uint32_t)(b->nplaces - 1);
    }
    gm__free(capital);
    return b->pool.oom ? oom(b) : add_country_parts(b);
}

/* Region names as written in news: "Donetsk Oblast", "the Donetsk region", "Kherson Province". */
static bool add_admin1_variants(builder *b, const badmin1 *a, const char *name)
{
    static const char *const SUFFIXES[] = {" region", " province", " oblast", " state", " governorate",
                                           " krai", " kray", " prefecture", " county", " district",
                                           " department", " municipality", " republic", " city"};
    char buf[256];
    size_t n = strlen(name);
    /* strip a suffix the name already has: "Kyiv Oblast" -> "Kyiv" (as a variant of the region) */
    for (size_t s = 0; s < GM_ARRAY_LEN(SUFFIXES); s++) {
        size_t sl = strlen(SUFFIXES[s]);
        if (n > sl && gm_streq_nocase(name + n - sl, SUFFIXES[s]) && n - sl < sizeof buf) {
            if (!add_name(b, name, n - sl, a->place, GM_NT_VARIANT))
                return false;
            n -= sl;
            break;
        }
    }
    static const char *const ADD[] = {" Region", " Province", " Oblast", " Governorate", " State", " Krai"};
    for (size_t s = 0; s < GM_ARRAY_LEN(ADD); s++) {
        int k = snprintf(buf, sizeof buf, "%.*s%s", (int)n, name, ADD[s]);
        if (k > 0 && (size_t)k < sizeof buf && !add_name(b, buf, (size_t)k, a->place, GM_NT_VARIANT))
            return false;
    }
    const char *type = pool_str(b, a->type);
    if (*type) {
        int k = snprintf(buf, sizeof buf, "%.*s %s", (int)n, name, type);
        if (k > 0 && (size_t)k < sizeof buf && !add_name(b, buf, (size_t)k, a->place, GM_NT_VARIANT))
            return false;
    }
    return true;
}

/* "Butler County" is also written "Butler"; "Pavlohrad Raion" "Pavlohrad district"; "Province of
 * Bulacan" "Bulacan". */
static bool add_admin2_variants(builder *b, const char *name, uint32_t place)
{
    static const char *const PREFIXES[] = {"Province of ", "City of ", "County of ", "Municipality of ",
                                           "District of ", "Provincia de ", "Provincia di ", "Departamento de ",
                                           "Municipio de ", "Distrito de ", "Partido de ", "Comuna de "};
    for (size_t s = 0; s < GM_ARRAY_LEN(PREFIXES); s++) {
        size_t pl = strlen(PREFIXES[s]);
        if (strncmp(name, PREFIXES[s], pl) == 0 && name[pl])
            return add_name(b, name + pl, strlen(name + pl), place, GM_NT_VARIANT);
    }
    static const char *const SUFFIXES[] = {" county", " parish", " borough", " raion", " rayon", " district",
                                           " municipality", " census area", " city and borough", " city"};
    size_t n = strlen(name);
    for (size_t s = 0; s < GM_ARRAY_LEN(SUFFIXES); s++) {
        size_t sl = strlen(SUFFIXES[s]);
        if (n > sl && gm_streq_nocase(name + n - sl, SUFFIXES[s])) {
            if (!add_name(b, name, n - sl, place, GM_NT_VARIANT))
                return false;
            if (strcmp(SUFFIXES[s], " raion") == 0 || strcmp(SUFFIXES[s], " rayon") == 0) {
                char buf[256];
                int k = snprintf(buf, sizeof buf, "%.*s district", (int)(n - sl), name);
                if (k > 0 && (size_t)k < sizeof buf && !add_name(b, buf, (size_t)k, place, GM_NT_VARIANT))
                    return false;
            }
            break;
        }
    }
    return true;
}

static gm_status collect_names(builder *b)
{
    for (size_t i = 0; i < b->nplaces; i++) {
        bplace *p = &b->places[i];
        uint32_t id = (uint32_t)i;
        const char *name = pool_str(b, p->name);
        if (!add_name(b, name, strlen(name), id, GM_NT_PRIMARY))
            return oom(b);
        const char *ascii = pool_str(b, p->ascii);
        if (*ascii && !add_name(b, ascii, strlen(ascii), id, GM_NT_ASCII))
            return oom(b);
        if (p->kind == GM_PK_COUNTRY) {
            bcountry *c = &b->countries[p->country];
            if (!add_name_list(b, pool_str(b, c->names_en), '|', id, GM_NT_ENGLISH) ||
                !add_name_list(b, pool_str(b, c->names_other), '|', id, GM_NT_OTHERLANG))
                return oom(b);
            continue;
        }
        if (!add_name_list(b, pool_str(b, p->alts), p->alt_sep, id,
                           p->kind == GM_PK_ADMIN1 ? GM_NT_ENGLISH : GM_NT_ALT))
            return oom(b);
        if (p->kind == GM_PK_ADMIN2 && (p->source == 0 || strcmp(pool_str(b, p->source), "admin2") == 0) &&
            !add_admin2_variants(b, name, id))
            return oom(b);
        if (p->kind == GM_PK_ADMIN1) {
            badmin1 *a = &b->admin1[p->admin1];
            if (!add_admin1_variants(b, a, name))
                return oom(b);
            const char *alts = pool_str(b, a->alts);
            while (*alts) {
                const char *e = strchr(alts, '|');
                size_t n = e ? (size_t)(e - alts) : strlen(alts);
                char tmp[256];
                if (n && n < sizeof tmp) {
                    memcpy(tmp, alts, n);
                    tmp[n] = 0;
                    if (!add_admin1_variants(b, a, tmp))
                        return oom(b);
                }
                if (!e)
                    break;
                alts = e + 1;
            }
        }
        if ((i & 0x3FFF) == 0 && !progress(b, "names", i, b->nplaces))
            break;
    }
    return GM_OK;
}

/* The entry of a country (kind "country", ISO code) or an admin-1 region (kind "admin1", GeoNames
 * code), or GM_NONE32 when the code is unknown. */
static uint32_t region_place(const builder *b, const char *kind, const char *code)
{
    uint32_t idx;
    if (strcmp(kind, "country") == 0 && gm_strmap_get(&b->country_by_iso, code, &idx))
        return b->countries[idx].place;
    if (strcmp(kind, "admin1") == 0 && gm_strmap_get(&b->admin1_by_code, code, &idx))
        return b->admin1[idx].place;
    return GM_NONE32;
}

/* Adds an abbreviation exactly as written, with no St/Saint variants; with keep_stop the key keeps
 * the final full stop ("n y." for "N.Y.", "calif." for "Calif."), so that only the dotted form
 * matches. */
static bool add_abbreviation(builder *b, const char *abbr, size_t n, bool keep_stop, uint32_t place, uint8_t type)
{
    b->norm.len = 0;
    size_t words = gm_text_normalize_name(abbr, keep_stop ? n - 1 : n, &b->norm);
    if (keep_stop)
        gm_buf_addc(&b->norm, '.');
    uint32_t written = (uint32_t)b->keys.len;
    gm_buf_add(&b->keys, abbr, n);
    gm_buf_addc(&b->keys, 0);
    return !b->norm.oom && (!words || add_key(b, b->norm.p, b->norm.len, words, written, place, type));
}

static gm_status read_demonyms(builder *b)
{
    gm_tsv t;
    gm_status st = open_source(b, &t, "demonyms.tsv", true);
    if (st == GM_E_NOTFOUND)
        return GM_OK;
    if (st)
        return st;
    int r;
    while ((r = gm_tsv_next(&t, b->err)) == 1) {
        const char *word = gm_tsv_get(&t, 0);
        uint32_t place = region_place(b, gm_tsv_get(&t, 1), gm_tsv_get(&t, 2));
        if (place == GM_NONE32)
            continue; /* unknown code: the row is skipped rather than failing the build */
        if (!add_name(b, word, strlen(word), place, GM_NT_DEMONYM)) {
            st = oom(b);
            break;
        }
        b->n_demonyms++;
    }
    if (r < 0)
        st = b->err ? b->err->status : GM_E_IO;
    gm_tsv_close(&t);
    return st;
}

/*
 * abbreviations.tsv: "Calif." (AP style: indexed with its full stop, so that "Calif." matches and a
 * bare "Calif" does not) and "CA" (postal: a place only right after "Town, ").
 */
static gm_status read_abbreviations(builder *b)
{
    gm_tsv t;
    gm_status st = open_source(b, &t, "abbreviations.tsv", true);
    if (st == GM_E_NOTFOUND)
        return GM_OK;
    if (st)
        return st;
    int r;
    while ((r = gm_tsv_next(&t, b->err)) == 1) {
        const char *abbr = gm_tsv_get(&t, 0), *style = gm_tsv_get(&t, 3);
        uint32_t place = region_place(b, gm_tsv_get(&t, 1), gm_tsv_get(&t, 2));
        if (place == GM_NONE32)
            continue;
        size_t n = strlen(abbr);
        bool ok = true;
        if (strcmp(style, "postal") == 0)
            ok = add_abbreviation(b, abbr, n, false, place, GM_NT_CODE);
        else if (strcmp(style, "bare") == 0 || strcmp(style, "ap-bare") == 0)
            ok = add_name(b, abbr, n, place, GM_NT_VARIANT); /* "NSW", "Qld": common enough to stand alone */
        else if (n > 1 && abbr[n - 1] == '.')
            ok = add_abbreviation(b, abbr, n, true, place, GM_NT_VARIANT);
        if (!ok) {
            st = oom(b);
            break;
        }
        b->n_abbrev++;
    }
    if (r < 0)
        st = b->err ? b->err->status : GM_E_IO;
    gm_tsv_close(&t);
    return st;
}

/* common_words.txt: names that are also English words (one per line, folded). */
static gm_status read_common_words(builder *b)
{
    gm_tsv t;
    gm_status st = open_source(b, &t, "common_words.txt", true);
    if (st == GM_E_NOTFOUND)
        return GM_OK;
    if (st)
        return st;
    int r;
    while ((r = gm_tsv_next(&t, b->err)) == 1) {
        b->norm.len = 0;
        const char *w = gm_tsv_get(&t, 0);
        gm_text_normalize_name(w, strlen(w), &b->norm);
        if (b->norm.oom || !gm_buf_cstr(&b->norm) || !gm_strmap_put(&b->common_words, b->norm.p, 1)) {
            st = oom(b);
            break;
        }
    }
    if (r < 0)
        st = b->err ? b->err->status : GM_E_IO;
    gm_tsv_close(&t);
    return st;
}

/* ------------------------------------------------------------------ database */
static const char *const SCHEMA =
    "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-65536;"
    "SELECT InitSpatialMetadata(1);"
    "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
    "CREATE TABLE countries(iso2 TEXT PRIMARY KEY, iso3 TEXT, name TEXT NOT NULL, continent TEXT,"
    " capital TEXT, population INTEGER, place_id INTEGER);"
    "SELECT AddGeometryColumn('countries', 'geom', 4326, 'MULTIPOLYGON', 'XY');"
    "CREATE TABLE admin1(code TEXT PRIMARY KEY, country_code TEXT, name TEXT NOT NULL, geonameid INTEGER,"
    " type TEXT, iso_3166_2 TEXT, population INTEGER, place_id INTEGER);"
    "SELECT AddGeometryColumn('admin1', 'geom', 4326, 'MULTIPOLYGON', 'XY');"
    "CREATE TABLE admin2(code TEXT PRIMARY KEY, name TEXT NOT NULL);"
    "CREATE TABLE places(id INTEGER PRIMARY KEY, geonameid INTEGER, name TEXT NOT NULL, kind TEXT NOT NULL,"
    " feature_class TEXT, feature_code TEXT, country_code TEXT, admin1_code TEXT, admin1 TEXT,"
    " admin1_pip TEXT, admin2_code TEXT, population INTEGER, source TEXT);"
    "SELECT AddGeometryColumn('places', 'geom', 4326, 'POINT', 'XY');"
    "CREATE TABLE names(place_id INTEGER NOT NULL, name TEXT NOT NULL, norm TEXT NOT NULL, type INTEGER NOT NULL);";

static const char *const KIND_NAMES[] = {"place", "admin1", "admin2", "country", "region", "site"};

static gm_status write_db(builder *b, sqlite3 *db, uint64_t build_id, const char *built_at)
{
    gm_error *err = b->err;
    gm_status st = gm_db_exec(db, SCHEMA, err);
    if (st)
        return st;
    if ((st = gm_db_exec(db, "BEGIN", err)))
        return st;
    sqlite3_stmt *s = NULL;
    unsigned char *wkb = NULL;
    size_t wkblen;
    /* countries */
    if ((st = gm_db_prepare(db,
                            "INSERT INTO countries(iso2, iso3, name, continent, capital, population, place_id, geom)"
                            " VALUES(?,?,?,?,?,?,?, CastToMultiPolygon(GeomFromWKB(?, 4326)))",
                            &s, err)))
        return st;
    for (size_t i = 0; i < b->ncountries && !st; i++) {
        bcountry *c = &b->countries[i];
        sqlite3_bind_text(s, 1, c->iso2, -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 2, c->iso3, -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 3, pool_str(b, c->name), -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 4, pool_str(b, c->continent), -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 5, pool_str(b, c->capital), -1, SQLITE_STATIC);
        sqlite3_bind_int64(s, 6, (sqlite3_int64)c->pop);
        if (c->place != GM_NONE32)
            sqlite3_bind_int64(s, 7, c->place);
        else
            sqlite3_bind_null(s, 7);
        wkb = NULL;
        if (c->shape >= 0 && gm_pip_wkb(b->country_pip, (size_t)c->shape, &wkb, &wkblen))
            sqlite3_bind_blob(s, 8, wkb, (int)wkblen, SQLITE_STATIC);
        else
            sqlite3_bind_null(s, 8);
        if (sqlite3_step(s) != SQLITE_DONE)
            st = gm_fail(err, GM_E_DB, "inserting country %s: %s", c->iso2, sqlite3_errmsg(db));
        sqlite3_reset(s);
        sqlite3_clear_bindings(s);
        gm__free(wkb);
    }
    sqlite3_finalize(s);
    if (st)
        return st;
    /* admin-1 */
    if ((st = gm_db_prepare(db,
                            "INSERT INTO admin1(code, country_code, name, geonameid, type, iso_3166_2, population,"
                            " place_id, geom) VALUES(?,?,?,?,?,?,?,?, CastToMultiPolygon(GeomFromWKB(?, 4326)))",
                            &s, err)))
        return st;
    for (size_t i = 0; i < b->nadmin1 && !st; i++) {
        badmin1 *a = &b->admin1[i];
        sqlite3_bind_text(s, 1, pool_str(b, a->code), -1, SQLITE_STATIC);
        if (a->country != GM_NONE16)
            sqlite3_bind_text(s, 2, b->countries[a->country].iso2, -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 3, pool_str(b, a->name), -1, SQLITE_STATIC);
        if (a->geonameid)
            sqlite3_bind_int64(s, 4, a->geonameid);
        sqlite3_bind_text(s, 5, pool_str(b, a->type), -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 6, pool_str(b, a->iso), -1, SQLITE_STATIC);
        sqlite3_bind_int64(s, 7, (sqlite3_int64)a->pop);
        if (a->place != GM_NONE32)
            sqlite3_bind_int64(s, 8, a->place);
        wkb = NULL;
        if (a->shape >= 0 && gm_pip_wkb(b->admin1_pip, (size_t)a->shape, &wkb, &wkblen))
            sqlite3_bind_blob(s, 9, wkb, (int)wkblen, SQLITE_STATIC);
        else
            sqlite3_bind_null(s, 9);
        if (sqlite3_step(s) != SQLITE_DONE)
            st = gm_fail(err, GM_E_DB, "inserting admin-1 %s: %s", pool_str(b, a->code), sqlite3_errmsg(db));
        sqlite3_reset(s);
        sqlite3_clear_bindings(s);
        gm__free(wkb);
    }
    sqlite3_finalize(s);
    if (st)
        return st;
    /* admin-2 */
    if ((st = gm_db_prepare(db, "INSERT OR IGNORE INTO admin2(code, name) VALUES(?,?)", &s, err)))
        return st;
    for (size_t i = 0; i < b->nadmin2 && !st; i++) {
        sqlite3_bind_text(s, 1, pool_str(b, b->admin2_code[i]), -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 2, pool_str(b, b->admin2_name[i]), -1, SQLITE_STATIC);
        if (sqlite3_step(s) != SQLITE_DONE)
            st = gm_fail(err, GM_E_DB, "inserting admin-2: %s", sqlite3_errmsg(db));
        sqlite3_reset(s);
    }
    sqlite3_finalize(s);
    if (st)
        return st;
    /* places */
    if ((st = gm_db_prepare(db,
                            "INSERT INTO places(id, geonameid, name, kind, feature_class, feature_code, country_code,"
                            " admin1_code, admin1, admin1_pip, admin2_code, population, source, geom)"
                            " VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?, MakePoint(?, ?, 4326))",
                            &s, err)))
        return st;
    for (size_t i = 0; i < b->nplaces && !st; i++) {
        bplace *p = &b->places[i];
        char fclass[2] = {p->fclass, 0};
        sqlite3_bind_int64(s, 1, (sqlite3_int64)i);
        if (p->geonameid)
            sqlite3_bind_int64(s, 2, p->geonameid);
        sqlite3_bind_text(s, 3, pool_str(b, p->name), -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 4, KIND_NAMES[p->kind], -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 5, fclass, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(s, 6, pool_str(b, p->fcode), -1, SQLITE_STATIC);
        if (p->country != GM_NONE16)
            sqlite3_bind_text(s, 7, b->countries[p->country].iso2, -1, SQLITE_STATIC);
        if (p->admin1 != GM_NONE16) {
            sqlite3_bind_text(s, 8, pool_str(b, b->admin1[p->admin1].code), -1, SQLITE_STATIC);
            sqlite3_bind_text(s, 9, pool_str(b, b->admin1[p->admin1].name), -1, SQLITE_STATIC);
        }
        if (p->admin1_pip != GM_NONE16)
            sqlite3_bind_text(s, 10, pool_str(b, b->admin1[p->admin1_pip].code), -1, SQLITE_STATIC);
        if (p->admin2 != GM_NONE32)
            sqlite3_bind_text(s, 11, pool_str(b, b->admin2_code[p->admin2]), -1, SQLITE_STATIC);
        sqlite3_bind_int64(s, 12, p->pop);
        sqlite3_bind_text(s, 13, pool_str(b, p->source), -1, SQLITE_STATIC);
        sqlite3_bind_double(s, 14, p->lon);
        sqlite3_bind_double(s, 15, p->lat);
        if (sqlite3_step(s) != SQLITE_DONE)
            st = gm_fail(err, GM_E_DB, "inserting place %zu: %s", i, sqlite3_errmsg(db));
        sqlite3_reset(s);
        sqlite3_clear_bindings(s);
        if ((i & 0x3FFF) == 0 && !st)
            st = stage(b, "database", i, b->nplaces);
    }
    sqlite3_finalize(s);
    if (st)
        return st;
    /* names: every written form with its normalised key (generated variants keep the written source) */
    if ((st = gm_db_prepare(db, "INSERT INTO names(place_id, name, norm, type) VALUES(?,?,?,?)", &s, err)))
        return st;
    for (size_t i = 0; i < b->nnames && !st; i++) {
        bname *n = &b->names[i];
        if (n->place == GM_NONE32)
            continue;
        if (i > 0 && b->names[i - 1].place == n->place && b->names[i - 1].hash == n->hash &&
            strcmp(b->keys.p + b->names[i - 1].key, b->keys.p + n->key) == 0)
            continue; /* the same key for the same place under another type */
        sqlite3_bind_int64(s, 1, n->place);
        sqlite3_bind_text(s, 2, b->keys.p + n->written, -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 3, b->keys.p + n->key, -1, SQLITE_STATIC);
        sqlite3_bind_int(s, 4, n->type);
        if (sqlite3_step(s) != SQLITE_DONE)
            st = gm_fail(err, GM_E_DB, "inserting names: %s", sqlite3_errmsg(db));
        sqlite3_reset(s);
    }
    sqlite3_finalize(s);
    if (st)
        return st;
    /* meta */
    char buf[64];
    if ((st = gm_db_prepare(db, "INSERT INTO meta(key, value) VALUES(?,?)", &s, err)))
        return st;
    char agree[64];
    snprintf(agree, sizeof agree, "%.4f", b->pip_checked ? (double)b->pip_agree / (double)b->pip_checked : 0.0);
    char checked[32], places[32], supplement[32];
    snprintf(checked, sizeof checked, "%zu", b->pip_checked);
    snprintf(places, sizeof places, "%zu", b->nplaces);
    snprintf(supplement, sizeof supplement, "%zu", b->n_supplement);
    snprintf(buf, sizeof buf, "%016llx", (unsigned long long)build_id);
    const char *kv[][2] = {
        {"schema_version", GM_DB_SCHEMA_VERSION},
        {"build_id", buf},
        {"built_at", built_at},
        {"library_version", GM_VERSION_STRING},
        {"places", places},
        {"supplement_rows", supplement},
        {"admin1_pip_checked", checked},
        {"admin1_pip_agreement", agree},
        {"attribution", "GeoNames (CC BY 4.0, https://www.geonames.org/), Natural Earth (public domain); "
                        "see gazetteer/README.md"},
    };
    for (size_t i = 0; i < GM_ARRAY_LEN(kv) && !st; i++) {
        sqlite3_bind_text(s, 1, kv[i][0], -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 2, kv[i][1], -1, SQLITE_STATIC);
        if (sqlite3_step(s) != SQLITE_DONE)
            st = gm_fail(err, GM_E_DB, "writing meta: %s", sqlite3_errmsg(db));
        sqlite3_reset(s);
    }
    sqlite3_finalize(s);
    if (st)
        return st;
    if ((st = stage(b, "spatial index", 0, 0)))
        return st;
    if ((st = gm_db_exec(db,
                         "CREATE INDEX names_norm ON names(norm);"
                         "CREATE INDEX places_geonameid ON places(geonameid);"
                         "SELECT CreateSpatialIndex('places', 'geom');"
                         "SELECT CreateSpatialIndex('admin1', 'geom');"
                         "SELECT CreateSpatialIndex('countries', 'geom');"
                         "COMMIT;",
                         err)))
        return st;
    return gm_db_exec(db, "ANALYZE; VACUUM;", err);
}

/* ------------------------------------------------------------------ name index */
static const char *sort_keys; /* qsort has no user pointer; the build is single-threaded */

static int cmp_names(const void *x, const void *y)
{
    const bname *a = x, *b = y;
    if (a->hash != b->hash)
        return a->hash < b->hash ? -1 : 1;
    int c = strcmp(sort_keys + a->key, sort_keys + b->key);
    if (c)
        return c;
    if (a->place != b->place)
        return a->place < b->place ? -1 : 1;
    return (int)a->type - (int)b->type;
}

typedef struct interner {
    gm_buf *out;
    gm_strmap map;
} interner;

static uint32_t intern(interner *in, const char *s)
{
    uint32_t off;
    if (gm_strmap_get(&in->map, s, &off))
        return off;
    off = (uint32_t)in->out->len;
    gm_buf_adds(in->out, s);
    gm_buf_addc(in->out, 0);
    if (!gm_strmap_put(&in->map, s, off))
        in->out->oom = true;
    return off;
}

static uint32_t append_str(gm_buf *out, const char *s)
{
    uint32_t off = (uint32_t)out->len;
    gm_buf_adds(out, s);
    gm_buf_addc(out, 0);
    return off;
}

static void align8(gm_buf *b)
{
    while (b->len % 8)
        gm_buf_addc(b, 0);
}

static gm_status write_index(builder *b, const char *path, uint64_t build_id, const char *built_at)
{
    gm_error *err = b->err;
    sort_keys = b->keys.p;
    qsort(b->names, b->nnames, sizeof *b->names, cmp_names);

    gm_buf strings, keys, postings, places, admin1, countries, admin2;
    gm_buf_init(&strings);
    gm_buf_init(&keys);
    gm_buf_init(&postings);
    gm_buf_init(&places);
    gm_buf_init(&admin1);
    gm_buf_init(&countries);
    gm_buf_init(&admin2);
    interner in = {&strings, {0}};
    gm_strmap_init(&in.map);
    uint64_t *slots = NULL;
    FILE *f = NULL;
    gm_status st = GM_OK;

    gm_buf_addc(&strings, 0); /* offset 0 is the empty string */
    /* places */
    for (size_t i = 0; i < b->nplaces; i++) {
        bplace *p = &b->places[i];
        gm_idx_place r;
        memset(&r, 0, sizeof r);
        r.lat_e7 = (int32_t)lround(p->lat * 1e7);
        r.lon_e7 = (int32_t)lround(p->lon * 1e7);
        r.geonameid = p->geonameid;
        r.population = p->pop;
        r.name = append_str(&strings, pool_str(b, p->name));
        r.fcode = intern(&in, pool_str(b, p->fcode));
        r.source = intern(&in, pool_str(b, p->source));
        r.admin2 = p->admin2;
        r.admin1 = p->admin1;
        r.country = p->country;
        r.kind = p->kind;
        r.flags = p->flags;
        r.fclass = (uint8_t)p->fclass;
        r.rank = p->rank;
        r.extent_km = p->extent_km;
        gm_buf_add(&places, &r, sizeof r);
    }
    for (size_t i = 0; i < b->nadmin1; i++) {
        gm_idx_admin1 r = {0};
        r.code = intern(&in, pool_str(b, b->admin1[i].code));
        r.name = intern(&in, pool_str(b, b->admin1[i].name));
        r.place = b->admin1[i].place;
        r.country = b->admin1[i].country;
        gm_buf_add(&admin1, &r, sizeof r);
    }
    for (size_t i = 0; i < b->ncountries; i++) {
        gm_idx_country r;
        memset(&r, 0, sizeof r);
        memcpy(r.iso2, b->countries[i].iso2, 4);
        memcpy(r.iso3, b->countries[i].iso3, 4);
        r.name = intern(&in, pool_str(b, b->countries[i].name));
        r.place = b->countries[i].place;
        r.continent = intern(&in, pool_str(b, b->countries[i].continent));
        gm_buf_add(&countries, &r, sizeof r);
    }
    for (size_t i = 0; i < b->nadmin2; i++) {
        gm_idx_admin2 r;
        r.code = append_str(&strings, pool_str(b, b->admin2_code[i]));
        r.name = intern(&in, pool_str(b, b->admin2_name[i]));
        gm_buf_add(&admin2, &r, sizeof r);
    }
    /* keys and postings: runs of equal keys in the sorted names */
    size_t nkeys = 0, npost = 0, nnames = 0;
    for (size_t i = 0; i < b->nnames;) {
        size_t j = i;
        const char *k = b->keys.p + b->names[i].key;
        while (j < b->nnames && b->names[j].hash == b->names[i].hash && strcmp(b->keys.p + b->names[j].key, k) == 0)
            j++;
        gm_idx_key key;
        memset(&key, 0, sizeof key);
        key.str = append_str(&strings, k);
        key.hash = (uint32_t)b->names[i].hash;
        key.post = (uint32_t)npost;
        key.nwords = b->names[i].nwords;
        key.own = GM_NONE32;
        uint32_t own_pop = 0; /* (the first of the most populous, as gm_key_own_name took it) */
        uint32_t last = GM_NONE32;
        unsigned last_type = 15;
        for (size_t x = i; x < j; x++) {
            bname *n = &b->names[x];
            if (n->place == GM_NONE32) {
                key.flags |= GM_KEY_PREFIX;
                continue;
            }
            if (n->place == last && !(n->type == GM_NT_DEMONYM && last_type != GM_NT_DEMONYM))
                continue; /* sorted by type within a place: the first is the best (a demonym is kept apart) */
            last = n->place;
            last_type = n->type;
            uint32_t post = (n->place << 4) | n->type;
            if (n->type == GM_NT_DEMONYM)
                key.flags |= GM_KEY_DEMONYM;
            gm_buf_add(&postings, &post, sizeof post);
            npost++;
            key.npost++;
            if (n->type <= GM_NT_ENGLISH && b->places[n->place].kind == GM_PK_PLACE && b->places[n->place].pop > own_pop) {
                own_pop = b->places[n->place].pop;
                key.own = n->place;
            }
        }
        if (key.npost) {
            key.flags |= GM_KEY_NAME;
            nnames++;
        }
        uint32_t dummy;
        if (key.nwords == 1 && gm_strmap_get(&b->common_words, k, &dummy))
            key.flags |= GM_KEY_COMMON;
        gm_buf_add(&keys, &key, sizeof key);
        nkeys++;
        i = j;
    }
    size_t nslots = 1024;
    while (nslots < nkeys * 2)
        nslots *= 2;
    slots = gm_calloc(nslots, sizeof *slots);
    if (!slots || strings.oom || keys.oom || postings.oom || places.oom || admin1.oom || countries.oom ||
        admin2.oom) {
        st = oom(b);
        goto done;
    }
    const gm_idx_key *kk = (const gm_idx_key *)keys.p;
    for (size_t i = 0; i < nkeys; i++) {
        size_t s = kk[i].hash & (nslots - 1);
        while (slots[s])
            s = (s + 1) & (nslots - 1);
        slots[s] = (uint64_t)kk[i].hash << 32 | ((uint64_t)i + 1);
    }

    gm_idx_header h;
    memset(&h, 0, sizeof h);
    memcpy(h.magic, GM_IDX_MAGIC, 8);
    h.version = GM_IDX_VERSION;
    h.header_size = sizeof h;
    h.build_id = build_id;
    h.n_places = (uint32_t)b->nplaces;
    h.n_admin1 = (uint32_t)b->nadmin1;
    h.n_countries = (uint32_t)b->ncountries;
    h.n_admin2 = (uint32_t)b->nadmin2;
    h.n_keys = (uint32_t)nkeys;
    h.n_slots = (uint32_t)nslots;
    h.n_postings = (uint32_t)npost;
    h.n_names = (uint32_t)nnames;
    snprintf(h.built_at, sizeof h.built_at, "%s", built_at);
    snprintf(h.lib_version, sizeof h.lib_version, "%s", GM_VERSION_STRING);
    align8(&strings);
    uint64_t off = (sizeof h + 7) / 8 * 8;
    h.off_places = off;
    off += places.len;
    h.off_admin1 = off;
    off += (admin1.len + 7) / 8 * 8;
    h.off_countries = off;
    off += countries.len;
    h.off_admin2 = off;
    off += admin2.len;
    h.off_keys = off;
    off += keys.len;
    h.off_slots = off;
    off += nslots * sizeof *slots;
    h.off_postings = off;
    off += (postings.len + 7) / 8 * 8;
    h.off_strings = off;
    h.strings_size = strings.len;
    off += strings.len;
    h.file_size = off;

    f = fopen(path, "wb");
    if (!f) {
        st = gm_fail(err, GM_E_IO, "cannot write %s: %s", path, strerror(errno));
        goto done;
    }
    static const char zeros[8] = {0};
    fwrite(&h, sizeof h, 1, f);
    fwrite(zeros, 1, (size_t)(h.off_places - sizeof h), f);
    fwrite(places.p, 1, places.len, f);
    fwrite(admin1.p, 1, admin1.len, f);
    fwrite(zeros, 1, (size_t)(h.off_countries - h.off_admin1 - admin1.len), f);
    fwrite(countries.p, 1, countries.len, f);
    fwrite(admin2.p, 1, admin2.len, f);
    fwrite(keys.p, 1, keys.len, f);
    fwrite(slots, sizeof *slots, nslots, f);
    fwrite(postings.p, 1, postings.len, f);
    fwrite(zeros, 1, (size_t)(h.off_strings - h.off_postings - postings.len), f);
    fwrite(strings.p, 1, strings.len, f);
    if (ferror(f) | fclose(f)) {
        f = NULL;
        st = gm_fail(err, GM_E_IO, "writing %s failed: %s", path, strerror(errno));
        goto done;
    }
    f = NULL;
done:
    if (f)
        fclose(f);
    gm__free(slots);
    gm_strmap_free(&in.map);
    gm_buf_free(&strings);
    gm_buf_free(&keys);
    gm_buf_free(&postings);
    gm_buf_free(&places);
    gm_buf_free(&admin1);
    gm_buf_free(&countries);
    gm_buf_free(&admin2);
    return st;
}

/* ------------------------------------------------------------------ driver */
static gm_status make_parent_dirs(const char *path, gm_error *err)
{
    char *p = gm_strdup(path);
    if (!p)
        return gm_nomem(err);
    for (char *s = p + 1; *s; s++) {
        if (*s != '/')
            continue;
        *s = 0;
        if (mkdir(p, 0755) != 0 && errno != EEXIST) {
            gm_status st = gm_fail(err, GM_E_IO, "cannot create directory %s: %s", p, strerror(errno));
            gm__free(p);
            return st;
        }
        *s = '/';
    }
    gm__free(p);
    return GM_OK;
}

static uint64_t new_build_id(void)
{
    uint64_t id = 0;
    FILE *f = fopen("/dev/urandom", "rb");
    if (f) {
        if (fread(&id, sizeof id, 1, f) != 1)
            id = 0;
        fclose(f);
    }
    if (!id)
        id = ((uint64_t)time(NULL) << 20) ^ (uint64_t)getpid() ^ (uint64_t)clock();
    return id ? id : 1;
}

static void builder_free(builder *b)
{
    gm_buf_free(&b->pool);
    gm_buf_free(&b->keys);
    gm_buf_free(&b->norm);
    gm__free(b->countries);
    gm__free(b->admin1);
    gm__free(b->admin2_code);
    gm__free(b->admin2_name);
    gm__free(b->admin2_lat);
    gm__free(b->admin2_lon);
    gm__free(b->admin2_n);
    gm__free(b->admin2_pop);
    gm__free(b->places);
    gm__free(b->names);
    gm_strmap_free(&b->country_by_iso);
    gm_strmap_free(&b->admin1_by_code);
    gm_strmap_free(&b->admin2_by_code);
    gm_strmap_free(&b->common_words);
    gm_pip_free(b->admin1_pip);
    gm_pip_free(b->country_pip);
}

gm_status gm_gazetteer_build(const gm_build_options *opt, gm_error *err)
{
    if (!opt || !opt->source_dir)
        return gm_fail(err, GM_E_ARG, "no gazetteer source folder given");
    char defpath[4096];
    const char *db_path = opt->db_path;
    if (!db_path) {
        gm_status st = gm_default_db_path(defpath, sizeof defpath);
        if (st)
            return gm_fail(err, st, "cannot work out the default database path (set %s)", GM_DB_ENV);
        db_path = defpath;
    }
    builder b;
    memset(&b, 0, sizeof b);
    b.opt = opt;
    b.err = err;
    gm_buf_init(&b.pool);
    gm_buf_init(&b.keys);
    gm_buf_init(&b.norm);
    gm_strmap_init(&b.country_by_iso);
    gm_strmap_init(&b.admin1_by_code);
    gm_strmap_init(&b.admin2_by_code);
    gm_strmap_init(&b.common_words);
    gm_buf_addc(&b.pool, 0);

    size_t n = strlen(db_path);
    char *db_tmp = gm_malloc(n + 16), *idx_path = gm_malloc(n + 8), *idx_tmp = gm_malloc(n + 24);
    sqlite3 *db = NULL;
    gm_status st = GM_OK;
    if (!db_tmp || !idx_path || !idx_tmp) {
        st = gm_nomem(err);
        goto done;
    }
    snprintf(db_tmp, n + 16, "%s.tmp", db_path);
    snprintf(idx_path, n + 8, "%s.idx", db_path);
    snprintf(idx_tmp, n + 24, "%s.idx.tmp", db_path);
    if ((st = make_parent_dirs(db_path, err)))
        goto done;
    if ((st = gm_pip_new(&b.admin1_pip, err)) || (st = gm_pip_new(&b.country_pip, err)))
        goto done;
    if ((st = stage(&b, "countries", 0, 0)))
        goto done;
    if ((st = read_countries(&b)) || (st = read_shapes(&b, "country_shapes.tsv.gz", true)))
        goto done;
    if ((st = stage(&b, "admin-1 regions", 0, 0)))
        goto done;
    if ((st = read_admin1(&b)) || (st = read_shapes(&b, "admin1_shapes.tsv.gz", false)) || (st = read_admin2(&b)))
        goto done;
    if ((st = read_places(&b)) || (st = read_supplement(&b)))
        goto done;
    if ((st = stage(&b, "places", b.n_geonames, 0)))
        goto done;
    assign_regions(&b);
    if ((st = add_region_entries(&b)))
        goto done;
    if (b.nplaces >= (1u << 28)) {
        st = gm_fail(err, GM_E_LIMIT, "too many places (%zu; the index holds 2^28)", b.nplaces);
        goto done;
    }
    if ((st = stage(&b, "names", 0, b.nplaces)))
        goto done;
    if ((st = collect_names(&b)) || (st = read_demonyms(&b)) || (st = read_abbreviations(&b)) ||
        (st = read_common_words(&b)))
        goto done;

    uint64_t build_id = new_build_id();
    char built_at[32];
    time_t now = time(NULL);
    struct tm tmv;
    gmtime_r(&now, &tmv);
    strftime(built_at, sizeof built_at, "%Y-%m-%dT%H:%M:%SZ", &tmv);

    /* the index first (it sorts the names, which write_db relies on to skip duplicates) */
    if ((st = stage(&b, "name index", 0, 0)))
        goto done;
    if ((st = write_index(&b, idx_tmp, build_id, built_at)))
        goto done;
    unlink(db_tmp);
    if ((st = gm_db_open(db_tmp, 0, &db, err)))
        goto done;
    if ((st = write_db(&b, db, build_id, built_at)))
        goto done;
    if (sqlite3_close(db) != SQLITE_OK) {
        st = gm_fail(err, GM_E_DB, "closing %s: %s", db_tmp, sqlite3_errmsg(db));
        db = NULL;
        goto done;
    }
    db = NULL;
    if (rename(idx_tmp, idx_path) != 0 || rename(db_tmp, db_path) != 0) {
        st = gm_fail(err, GM_E_IO, "cannot move the new database into %s: %s", db_path, strerror(errno));
        goto done;
    }
    if (err) {
        err->status = GM_OK;
        snprintf(err->message, sizeof err->message,
                 "%zu entries (%zu GeoNames, %zu supplement, %zu admin-1, %zu admin-2, %zu countries), %zu names; "
                 "admin-1 polygon agrees with the GeoNames code for %.1f%% of %zu places",
                 b.nplaces, b.n_geonames, b.n_supplement, b.nadmin1, b.n_admin2_entries, b.ncountries, b.nnames,
                 b.pip_checked ? 100.0 * (double)b.pip_agree / (double)b.pip_checked : 0.0, b.pip_checked);
    }
done:
    if (db)
        sqlite3_close(db);
    if (st) {
        if (db_tmp)
            unlink(db_tmp);
        if (idx_tmp)
            unlink(idx_tmp);
    }
    gm__free(db_tmp);
    gm__free(idx_path);
    gm__free(idx_tmp);
    builder_free(&b);
    return st;
}
