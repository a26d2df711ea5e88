/*
 * gazetteer.c - opening the gazetteer (database + memory-mapped name index) and reading entries.
 *
 * Opening checks, in order: the database exists (else GM_E_NODB), it has our schema version,
 * the index exists, its magic/version/size are right, and its build id equals the database's
 * (else GM_E_OUTDATED).  After that no SQL runs on the hot path: names, entries and regions are
 * read straight from the mapped index.
 */
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "db.h"
#include "gazetteer.h"
#include "internal.h"

#define BUILD_HINT "run `geomention gazetteer build` to build it"

gm_status gm_default_db_path(char *buf, size_t size)
{
    const char *env = getenv(GM_DB_ENV);
    int n;
    if (env && *env) {
        n = snprintf(buf, size, "%s", env);
    } else {
        const char *xdg = getenv("XDG_DATA_HOME");
        const char *home = getenv("HOME");
        if (xdg && *xdg == '/')
            n = snprintf(buf, size, "%s/geomention/gazetteer.sqlite", xdg);
        else if (home && *home)
            n = snprintf(buf, size, "%s/.local/share/geomention/gazetteer.sqlite", home);
        else
            n = snprintf(buf, size, "geomention-gazetteer.sqlite");
    }
    return n < 0 || (size_t)n >= size ? GM_E_ARG : GM_OK;
}

static gm_status check_db(gm_gazetteer *g, uint64_t *build_id, gm_error *err)
{
    sqlite3 *db = NULL;
    /* open without SpatiaLite: the check only reads the meta table, and this keeps start-up fast */
    if (sqlite3_open_v2(g->path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
        gm_status st = gm_fail(err, GM_E_OUTDATED, "cannot open gazetteer database %s (%s); " BUILD_HINT, g->path,
                               db ? sqlite3_errmsg(db) : "?");
        sqlite3_close(db);
        return st;
    }
    char version[32], id[32];
    gm_status st = GM_OK;
    if (!gm_db_meta(db, "schema_version", version, sizeof version) || !gm_db_meta(db, "build_id", id, sizeof id))
        st = gm_fail(err, GM_E_OUTDATED, "%s is not a geomention gazetteer database or is damaged; " BUILD_HINT,
                     g->path);
    else if (strcmp(version, GM_DB_SCHEMA_VERSION) != 0)
        st = gm_fail(err, GM_E_OUTDATED,
                     "gazetteer database %s has schema version %s, this geomention needs %s; " BUILD_HINT, g->path,
                     version, GM_DB_SCHEMA_VERSION);
    else
        *build_id = strtoull(id, NULL, 16);
    sqlite3_close(db);
    return st;
}

static bool section_ok(const gm_idx_header *h, uint64_t off, uint64_t count, size_t elsize)
{
    return off % 8 == 0 && off <= h->file_size && count <= (h->file_size - off) / (elsize ? elsize : 1);
}

/*
 * The tables every document uses (countries, admin-1 and admin-2 regions, and the entries that
 * stand for a country or a region) are checked once here: their string offsets lie below
 * strings_size (the last string byte is NUL, so any such offset is a terminated string) and their
 * indices below the counts.  The large sections (entries, keys, postings: 40 MB for the default
 * gazetteer) are checked where they are read instead, one key or entry at a time (gm_gz_find,
 * gm_gz_place_ok): checking them all here would fault in every page of the map and cost 30 ms.
 */
static bool tables_ok(const gm_gazetteer *g)
{
    const gm_idx_header *h = g->h;
    uint64_t ss = h->strings_size;
    for (uint32_t i = 0; i < h->n_admin2; i++)
        if (g->admin2[i].code >= ss || g->admin2[i].name >= ss)
            return false;
    for (uint32_t i = 0; i < h->n_countries; i++) {
        const gm_idx_country *c = &g->countries[i];
        if (c->iso2[3] || c->iso3[3] || c->name >= ss || c->continent >= ss ||
            (c->place != GM_NONE32 && !gm_gz_place_ok(g, c->place)))
            return false;
    }
    for (uint32_t i = 0; i < h->n_admin1; i++) {
        const gm_idx_admin1 *a = &g->admin1[i];
        if (a->code >= ss || a->name >= ss || (a->place != GM_NONE32 && !gm_gz_place_ok(g, a->place)) ||
            (a->country != GM_NONE16 && a->country >= h->n_countries))
            return false;
    }
    return true;
}

static gm_status map_index(gm_gazetteer *g, uint64_t build_id, gm_error *err)
{
    int fd = open(g->idx_path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return gm_fail(err, GM_E_OUTDATED, "the name index %s is missing (%s); " BUILD_HINT, g->idx_path,
                       strerror(errno));
    struct stat st;
    if (fstat(fd, &st) != 0 || (size_t)st.st_size < sizeof(gm_idx_header)) {
        close(fd);
        return gm_fail(err, GM_E_OUTDATED, "the name index %s is truncated; " BUILD_HINT, g->idx_path);
    }
    void *map = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
    close(fd);
    if (map == MAP_FAILED)
        return gm_fail(err, GM_E_IO, "cannot map %s: %s", g->idx_path, strerror(errno));
    g->map = map;
    g->map_len = (size_t)st.st_size;
    return gm_gz_attach(g, map, g->map_len, build_id, err);
}

gm_status gm_gz_attach(gm_gazetteer *g, const void *map, size_t len, uint64_t build_id, gm_error *err)
{
    if (len < sizeof(gm_idx_header) || (uintptr_t)map % 8 != 0)
        return gm_fail(err, GM_E_OUTDATED, "the name index %s is truncated; " BUILD_HINT, g->idx_path);
    const gm_idx_header *h = map;
    if (memcmp(h->magic, GM_IDX_MAGIC, 8) != 0)
        return gm_fail(err, GM_E_OUTDATED, "%s is not a geomention name index; " BUILD_HINT, g->idx_path);
    if (h->version != GM_IDX_VERSION || h->header_size != sizeof *h)
        return gm_fail(err, GM_E_OUTDATED, "the name index %s has format version %u, this geomention reads %u; " BUILD_HINT,
                       g->idx_path, h->version, GM_IDX_VERSION);
    if (h->file_size != len)
        return gm_fail(err, GM_E_OUTDATED, "the name index %s is truncated or damaged; " BUILD_HINT, g->idx_path);
    if (h->build_id != build_id)
        return gm_fail(err, GM_E_OUTDATED,
                       "the name index %s does not belong to the database %s (built separately); " BUILD_HINT,
                       g->idx_path, g->path);
    if (!section_ok(h, h->off_places, h->n_places, sizeof(gm_idx_place)) ||
        !section_ok(h, h->off_admin1, h->n_admin1, sizeof(gm_idx_admin1)) ||
        !section_ok(h, h->off_countries, h->n_countries, sizeof(gm_idx_country)) ||
        !section_ok(h, h->off_admin2, h->n_admin2, sizeof(gm_idx_admin2)) ||
        !section_ok(h, h->off_keys, h->n_keys, sizeof(gm_idx_key)) ||
        !section_ok(h, h->off_slots, h->n_slots, sizeof(uint64_t)) ||
        !section_ok(h, h->off_postings, h->n_postings, sizeof(uint32_t)) ||
        !section_ok(h, h->off_strings, h->strings_size, 1) || h->strings_size == 0 ||
        (h->n_slots & (h->n_slots - 1)) != 0 || h->n_slots == 0 ||
        ((const char *)map)[h->off_strings + h->strings_size - 1] != 0)
        return gm_fail(err, GM_E_OUTDATED, "the name index %s is damaged; " BUILD_HINT, g->idx_path);
    const char *base = map;
    g->h = h;
    g->places = (const gm_idx_place *)(base + h->off_places);
    g->admin1 = (const gm_idx_admin1 *)(base + h->off_admin1);
    g->countries = (const gm_idx_country *)(base + h->off_countries);
    g->admin2 = (const gm_idx_admin2 *)(base + h->off_admin2);
    g->keys = (const gm_idx_key *)(base + h->off_keys);
    g->slots = (const uint64_t *)(base + h->off_slots);
    g->postings = (const uint32_t *)(base + h->off_postings);
    g->strings = base + h->off_strings;
    g->slot_mask = h->n_slots - 1;
    if (!tables_ok(g))
        return gm_fail(err, GM_E_OUTDATED, "the name index %s is damaged; " BUILD_HINT, g->idx_path);
    return GM_OK;
}

gm_status gm_gazetteer_open(const char *path, gm_gazetteer **out, gm_error *err)
{
    *out = NULL;
    char def[4096];
    if (!path) {
        if (gm_default_db_path(def, sizeof def) != GM_OK)
            return gm_fail(err, GM_E_ARG, "the default database path is too long; set %s", GM_DB_ENV);
        path = def;
    }
    struct stat st;
    if (stat(path, &st) != 0)
        return gm_fail(err, GM_E_NODB, "no gazetteer database at %s; " BUILD_HINT " (or pass --db PATH / set %s)",
                       path, GM_DB_ENV);
    gm_gazetteer *g = gm_calloc(1, sizeof *g);
    if (!g)
        return gm_nomem(err);
    size_t n = strlen(path);
    g->path = gm_strdup(path);
    g->idx_path = gm_malloc(n + 5);
    if (!g->path || !g->idx_path) {
        gm_gazetteer_free(g);
        return gm_nomem(err);
    }
    snprintf(g->idx_path, n + 5, "%s.idx", path);
    uint64_t build_id = 0;
    gm_status s = check_db(g, &build_id, err);
    if (!s)
        s = map_index(g, build_id, err);
    if (s) {
        gm_gazetteer_free(g);
        return s;
    }
    *out = g;
    return GM_OK;
}

void gm_gazetteer_free(gm_gazetteer *g)
{
    if (!g)
        return;
    if (g->map)
        munmap(g->map, g->map_len);
    gm__free(g->path);
    gm__free(g->idx_path);
    gm__free(g);
}

const char *gm_gazetteer_path(const gm_gazetteer *g) { return g->path; }

void gm_gazetteer_get_stats(const gm_gazetteer *g, gm_gazetteer_stats *s)
{
    memset(s, 0, sizeof *s);
    s->places = g->h->n_places;
    s->names = g->h->n_names;
    s->admin1 = g->h->n_admin1;
    s->countries = g->h->n_countries;
    snprintf(s->built_at, sizeof s->built_at, "%.*s", (int)sizeof g->h->built_at, g->h->built_at);
    snprintf(s->version, sizeof s->version, "%.*s", (int)sizeof g->h->lib_version, g->h->lib_version);
}

const gm_idx_key *gm_gz_find(const gm_gazetteer *g, const char *key, size_t len, uint64_t hash)
{
    uint32_t h32 = (uint32_t)hash;
    uint32_t s = h32 & g->slot_mask;
    for (uint32_t probes = 0; probes <= g->slot_mask; probes++) {
        uint64_t slot = g->slots[s];
        if (!slot)
            return NULL;
        uint32_t k = (uint32_t)slot;
        if ((uint32_t)(slot >> 32) == h32 && k && k <= g->h->n_keys) {
            const gm_idx_key *e = &g->keys[k - 1];
            /* the key's len + 1 bytes lie inside the string section (memcmp may read them all) */
            if (e->hash == h32 && e->str < g->h->strings_size && len < g->h->strings_size - e->str) {
                const char *ks = g->strings + e->str;
                if (memcmp(ks, key, len) == 0 && ks[len] == 0)
                    /* a damaged key (postings out of range) is as good as absent */
                    return e->post <= g->h->n_postings && e->npost <= g->h->n_postings - e->post ? e : NULL;
            }
        }
        s = (s + 1) & g->slot_mask;
    }
    return NULL;
}

gm_precision gm_gz_precision(const gm_gazetteer *g, uint32_t id)
{
    switch (g->places[id].kind) {
    case GM_PK_COUNTRY: return GM_PREC_COUNTRY;
    case GM_PK_ADMIN1: return GM_PREC_ADMIN1;
    case GM_PK_ADMIN2: return GM_PREC_ADMIN2;
    case GM_PK_REGION: return GM_PREC_REGION;
    default: return GM_PREC_PLACE;
    }
}

void gm_gz_place(const gm_gazetteer *g, uint32_t id, gm_place *out)
{
    memset(out, 0, sizeof *out);
    if (!gm_gz_place_ok(g, id))
        return;
    const gm_idx_place *p = &g->places[id];
    out->id = id;
    out->geonameid = p->geonameid;
    out->name = g->strings + p->name;
    out->lat = p->lat_e7 / 1e7;
    out->lon = p->lon_e7 / 1e7;
    out->feature_code = g->strings + p->fcode;
    out->source = g->strings + p->source;
    out->population = p->population;
    out->precision = gm_gz_precision(g, id);
    if (p->country != GM_NONE16 && p->country < g->h->n_countries) {
        out->country_code = g->countries[p->country].iso2;
        out->country = g->strings + g->countries[p->country].name;
    }
    if (p->admin1 != GM_NONE16 && p->admin1 < g->h->n_admin1) {
        out->admin1_code = g->strings + g->admin1[p->admin1].code;
        out->admin1 = g->strings + g->admin1[p->admin1].name;
    }
    if (p->admin2 != GM_NONE32 && p->admin2 < g->h->n_admin2)
        out->admin2 = g->strings + g->admin2[p->admin2].name;
}

uint16_t gm_gz_country_index(const gm_gazetteer *g, const char *iso2)
{
    for (uint32_t i = 0; i < g->h->n_countries; i++)
        if (strcmp(g->countries[i].iso2, iso2) == 0)
            return (uint16_t)i;
    return GM_NONE16;
}

uint32_t gm_gz_country_by_iso(const gm_gazetteer *g, const char *iso2)
{
    uint16_t c = gm_gz_country_index(g, iso2);
    return c == GM_NONE16 ? GM_NONE32 : g->countries[c].place;
}

double gm_haversine_km(double lat1, double lon1, double lat2, double lon2)
{
    const double r = 6371.0088, d2r = M_PI / 180.0;
    double p1 = lat1 * d2r, p2 = lat2 * d2r;
    double dp = p2 - p1, dl = (lon2 - lon1) * d2r;
    double a = sin(dp / 2) * sin(dp / 2) + cos(p1) * cos(p2) * sin(dl / 2) * sin(dl / 2);
    return 2 * r * asin(fmin(1.0, sqrt(a)));
}

double gm_gz_km(const gm_gazetteer *g, uint32_t a, uint32_t b)
{
    const gm_idx_place *x = &g->places[a], *y = &g->places[b];
    return gm_haversine_km(x->lat_e7 / 1e7, x->lon_e7 / 1e7, y->lat_e7 / 1e7, y->lon_e7 / 1e7);
}
