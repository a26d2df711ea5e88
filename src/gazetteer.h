/*
 * gazetteer.h - the compiled gazetteer: the name index file and its in-memory view.
 *
 * `geomention gazetteer build` writes two files: the SpatiaLite database (for people, QGIS and
 * spatial queries) and, next to it, a name index (database path + ".idx") that the pipeline
 * memory-maps at start-up, so that recognising and resolving names costs no SQL at all.
 *
 * Index file layout (little-endian, every section 8-byte aligned):
 *
 *   gm_idx_header   magic, version, build id (also stored in the database), section offsets
 *   places          gm_idx_place[n_places]: every resolvable entry (towns, regions, countries,
 *                   supplement rows); an entry's position is its id
 *   admin1          gm_idx_admin1[n_admin1]: first-level regions
 *   countries       gm_idx_country[n_countries]
 *   admin2          gm_idx_admin2[n_admin2]
 *   keys            gm_idx_key[n_keys]: distinct normalised names and name prefixes
 *   slots           uint64_t[n_slots]: open-addressing hash table, the key's hash << 32 | key index
 *                   + 1 (0 = empty): a name that is no key is mostly told so by its slots alone
 *   postings        uint32_t[n_postings]: (place id << 4) | name type, grouped by key
 *   strings         NUL-terminated UTF-8 strings, referenced by byte offset
 *
 * A key is a name normalised by gm_text_normalize_name ("st petersburg").  Multi-word names also
 * insert their word prefixes ("st", flagged GM_KEY_PREFIX) so the matcher walking the text token by
 * token knows when to keep extending a match and when to stop.
 */
#ifndef GM_GAZETTEER_H
#define GM_GAZETTEER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "internal.h"

#define GM_IDX_MAGIC "GMIDX\r\n\032"
#define GM_IDX_VERSION 7u /* 7: a country's point takes in its parts within 1,000 km of the main one; 6: slots carry the key's hash, keys their own-name place; 5: a region made of units is joined before its point is taken (England had had one county's centre); 4: keys and region points of the tenth session */
#define GM_DB_SCHEMA_VERSION "1"
#define GM_NONE16 0xFFFFu
#define GM_NONE32 0xFFFFFFFFu

typedef struct gm_idx_header {
    char magic[8];
    uint32_t version;
    uint32_t header_size;
    uint64_t build_id;
    uint64_t file_size;
    uint32_t n_places, n_admin1, n_countries, n_admin2;
    uint32_t n_keys, n_slots, n_postings, n_names;
    uint64_t off_places, off_admin1, off_countries, off_admin2;
    uint64_t off_keys, off_slots, off_postings, off_strings;
    uint64_t strings_size;
    char built_at[32];
    char lib_version[16];
} gm_idx_header;

/* Kinds of entries. */
enum gm_place_kind {
    GM_PK_PLACE = 0, /* a populated place */
    GM_PK_ADMIN1,
    GM_PK_ADMIN2,
    GM_PK_COUNTRY,
    GM_PK_REGION,    /* informal region, sea, continent */
    GM_PK_SITE       /* landmark, building, facility */
};

/* Flags of entries. */
enum {
    GM_PF_SUPPLEMENT = 1u << 0,  /* from gazetteer/supplement.tsv */
    GM_PF_PIP_DISAGREES = 1u << 1, /* the admin-1 polygon containing the point is not the coded one */
    GM_PF_COUNTRY_PART = 1u << 2   /* a part of a country as news names it: "eastern Ukraine" */
};

typedef struct gm_idx_place {
    int32_t lat_e7, lon_e7;  /* degrees * 1e7 */
    uint32_t geonameid;
    uint32_t population;
    uint32_t name;           /* string offset */
    uint32_t fcode;          /* string offset of the feature code */
    uint32_t source;         /* string offset: "geonames", "admin1", "country", "sup:..." */
    uint32_t admin2;         /* admin2 index or GM_NONE32 */
    uint16_t admin1;         /* admin1 index or GM_NONE16 */
    uint16_t country;        /* country index or GM_NONE16 */
    uint8_t kind;            /* gm_place_kind */
    uint8_t flags;
    uint8_t fclass;          /* GeoNames feature class letter */
    uint8_t rank;            /* feature importance 0..15, see build.c */
    uint16_t extent_km;      /* rough radius of the area the entry covers (0 for a point-like town) */
    uint16_t pad[3];         /* zero; keeps the record a multiple of 8 bytes */
} gm_idx_place;
_Static_assert(sizeof(gm_idx_place) % 8 == 0, "index sections must stay 8-byte aligned");

typedef struct gm_idx_admin1 {
    uint32_t code;           /* "UA.04" */
    uint32_t name;
    uint32_t place;          /* the entry representing the region itself, or GM_NONE32 */
    uint16_t country;
    uint16_t pad;
} gm_idx_admin1;

typedef struct gm_idx_country {
    char iso2[4];            /* "UA" NUL-padded */
    char iso3[4];
    uint32_t name;
    uint32_t place;          /* the entry representing the country, or GM_NONE32 */
    uint32_t continent;      /* string offset ("EU") */
    uint32_t pad;
} gm_idx_country;

typedef struct gm_idx_admin2 {
    uint32_t code;
    uint32_t name;
} gm_idx_admin2;

enum {
    GM_KEY_NAME = 1u,
    GM_KEY_PREFIX = 2u,
    GM_KEY_COMMON = 4u,  /* also an ordinary English word */
    GM_KEY_DEMONYM = 8u  /* one of its postings is a demonym ("Spanish") */
};

typedef struct gm_idx_key {
    uint32_t str;            /* string offset of the normalised key */
    uint32_t hash;           /* low 32 bits of FNV-1a 64 over the key */
    uint32_t post;           /* first posting */
    uint32_t npost;
    uint16_t flags;
    uint16_t nwords;
    uint32_t own; /* the most populous town whose own or English name the key is, or GM_NONE32
                   * (gm_key_own_name; worked out when the index is built) */
} gm_idx_key;

/* Name types, in posting low bits; lower is more authoritative. */
enum gm_name_type {
    GM_NT_PRIMARY = 0,  /* the entry's own name */
    GM_NT_ASCII,        /* GeoNames asciiname */
    GM_NT_ENGLISH,      /* an English name or alias of a country or region */
    GM_NT_VARIANT,      /* generated: "St"/"Saint", "X Oblast", ... */
    GM_NT_ALT,          /* a GeoNames alternate name */
    GM_NT_ABBREV,       /* an all-capitals abbreviation ("UK", "NYC"): matches all-capitals text only */
    GM_NT_OTHERLANG,    /* a name in another language */
    GM_NT_DEMONYM,      /* "Ukrainian" for Ukraine */
    GM_NT_CODE          /* a postal code ("TX"): a place only right after "Town, " */
};

static inline uint32_t gm_post_place(uint32_t p) { return p >> 4; }
static inline unsigned gm_post_type(uint32_t p) { return p & 15u; }

struct gm_gazetteer {
    char *path, *idx_path;
    void *map;
    size_t map_len;
    const gm_idx_header *h;
    const gm_idx_place *places;
    const gm_idx_admin1 *admin1;
    const gm_idx_country *countries;
    const gm_idx_admin2 *admin2;
    const gm_idx_key *keys;
    const uint64_t *slots;
    const uint32_t *postings;
    const char *strings;
    uint32_t slot_mask;
};

static inline const char *gm_gz_str(const gm_gazetteer *g, uint32_t off) { return g->strings + off; }

/*
 * Is entry id whole: inside the index, its strings inside the string section, its region and country
 * indices inside their tables?  Every entry id the pipeline uses passes here first (postings are
 * checked where they are read, the entries of regions and countries when the index is opened), so a
 * damaged index can drop a name but never make the reader stray outside the map.
 */
static inline bool gm_gz_place_ok(const gm_gazetteer *g, uint32_t id)
{
    const gm_idx_header *h = g->h;
    if (id >= h->n_places)
        return false;
    const gm_idx_place *p = &g->places[id];
    return p->name < h->strings_size && p->fcode < h->strings_size && p->source < h->strings_size &&
           (p->admin1 == GM_NONE16 || p->admin1 < h->n_admin1) &&
           (p->country == GM_NONE16 || p->country < h->n_countries) &&
           (p->admin2 == GM_NONE32 || p->admin2 < h->n_admin2) && p->kind <= GM_PK_SITE;
}

/*
 * Checks an index image (header, section bounds, the region and country tables) and points g's
 * section pointers into it.  `map` must be 8-byte aligned and outlive g; g->map is left alone (the
 * caller owns the memory).  gm_gazetteer_open calls it on the mapped file; the loader's fuzz target
 * on its input.  GM_E_OUTDATED with a message naming g->idx_path when the image is unusable.
 */
gm_status gm_gz_attach(gm_gazetteer *g, const void *map, size_t len, uint64_t build_id, gm_error *err);

/* Finds the key of a normalised name; NULL when the index has none (or the key is damaged). */
const gm_idx_key *gm_gz_find(const gm_gazetteer *g, const char *key, size_t len, uint64_t hash);

/* Fills a public gm_place from entry id. */
void gm_gz_place(const gm_gazetteer *g, uint32_t id, gm_place *out);

/* Precision of an entry. */
gm_precision gm_gz_precision(const gm_gazetteer *g, uint32_t id);

/* The entry representing a country (by ISO alpha-2) or an admin-1 code; GM_NONE32 if none. */
uint32_t gm_gz_country_by_iso(const gm_gazetteer *g, const char *iso2);
uint16_t gm_gz_country_index(const gm_gazetteer *g, const char *iso2);

/* Great-circle distance in km between two entries, and between an entry and a point. */
double gm_gz_km(const gm_gazetteer *g, uint32_t a, uint32_t b);
double gm_haversine_km(double lat1, double lon1, double lat2, double lon2);

/* Does entry r (a country, admin-1 or admin-2 region) contain entry p? */
static inline bool gm_gz_contains(const gm_gazetteer *g, uint32_t r, uint32_t p)
{
    const gm_idx_place *R = &g->places[r], *P = &g->places[p];
    if (r == p)
        return false;
    if (R->kind == GM_PK_COUNTRY)
        return P->country == R->country && R->country != GM_NONE16;
    if (R->kind == GM_PK_ADMIN1)
        return P->admin1 == R->admin1 && R->admin1 != GM_NONE16 && P->kind != GM_PK_ADMIN1;
    if (R->kind == GM_PK_ADMIN2)
        return P->admin2 == R->admin2 && R->admin2 != GM_NONE32 && P->kind == GM_PK_PLACE;
    return false;
}

#endif
