/*
 * geomention.h - find places in news text, resolve them, and extract violent incidents.
 *
 * The library reads UTF-8 text, finds the place names in it ("mentions"), resolves each through a
 * gazetteer (GeoNames places, admin-1 regions, countries) to coordinates and regions, and extracts
 * incidents: a violent event with its casualty counts, linked to the place it happened in.
 *
 * Conventions
 * - Every public symbol starts with gm_ / GM_.
 * - Fallible functions return a gm_status (GM_OK is 0) and put results in out-parameters.  Where a
 *   function takes a gm_error *, a failure also leaves a message there that a user can act on
 *   (the error may be NULL when the caller does not want the text).  The library never prints and
 *   never aborts; out of memory is reported as GM_E_NOMEM.
 * - Text is UTF-8 passed as (pointer, length); it need not be NUL-terminated.  All offsets are
 *   byte offsets into that text, end exclusive.
 * - Ownership: an object returned through an out-parameter belongs to the caller, who frees it
 *   with the matching gm_*_free (each accepts NULL).  Strings inside a gm_place or gm_mention
 *   point into the gazetteer and stay valid until gm_gazetteer_free; everything reachable from a
 *   gm_doc stays valid until gm_doc_free.
 * - Threads: a gm_gazetteer is read-only after gm_gazetteer_open and may be shared by any number
 *   of threads, each processing its own documents.  Other objects belong to one thread at a time.
 */
#ifndef GEOMENTION_H
#define GEOMENTION_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__) && defined(GM_BUILDING_LIBRARY)
#define GM_API __attribute__((visibility("default")))
#else
#define GM_API
#endif

#define GM_VERSION_MAJOR 0
#define GM_VERSION_MINOR 1
#define GM_VERSION_PATCH 0
#define GM_VERSION_STRING "0.1.0"

/* ------------------------------------------------------------------ errors */

/* Status codes; values are stable and double as the CLI's exit-status families. */
typedef enum gm_status {
    GM_OK = 0,
    GM_E_NOMEM,    /* out of memory */
    GM_E_IO,       /* a file could not be opened, read or written */
    GM_E_FORMAT,   /* malformed input (JSON, TSV, WKT, ...) */
    GM_E_ARG,      /* invalid argument */
    GM_E_NODB,     /* the gazetteer database does not exist */
    GM_E_OUTDATED, /* the gazetteer database was built by another version, or is damaged */
    GM_E_DB,       /* SQLite / SpatiaLite failure */
    GM_E_GEOS,     /* GEOS failure */
    GM_E_LIMIT,    /* input larger than a configured limit */
    GM_E_NOTFOUND, /* nothing matched */
    GM_E_CANCELLED /* stopped by the caller (gm_build_options.cancel) */
} gm_status;

/* A status with a message.  message is always NUL-terminated. */
typedef struct gm_error {
    gm_status status;
    char message[512];
} gm_error;

/* Short, static description of a status code. */
GM_API const char *gm_strerror(gm_status status);

/* The library version, "MAJOR.MINOR.PATCH". */
GM_API const char *gm_version(void);

/* ------------------------------------------------------------------ gazetteer */

typedef struct gm_gazetteer gm_gazetteer;

/* Name of the environment variable that overrides the default database path. */
#define GM_DB_ENV "GEOMENTION_DB"

/*
 * Writes the default gazetteer database path into buf: $GEOMENTION_DB if set, else
 * $XDG_DATA_HOME/geomention/gazetteer.sqlite, else ~/.local/share/geomention/gazetteer.sqlite.
 * Returns GM_E_ARG if buf is too small.
 */
GM_API gm_status gm_default_db_path(char *buf, size_t size);

/*
 * Opens the gazetteer database at path (NULL: the default path) together with its name index
 * (path + ".idx").  A missing database gives GM_E_NODB; one built by another version of the
 * library, or whose index does not belong to it, gives GM_E_OUTDATED.  Both messages name the
 * command that builds the database.  The caller frees *out with gm_gazetteer_free.
 */
GM_API gm_status gm_gazetteer_open(const char *path, gm_gazetteer **out, gm_error *err);
GM_API void gm_gazetteer_free(gm_gazetteer *gaz);

/* Path of the open database (owned by gaz). */
GM_API const char *gm_gazetteer_path(const gm_gazetteer *gaz);

/* Counts of what the gazetteer holds. */
typedef struct gm_gazetteer_stats {
    size_t places;    /* every resolvable place, regions and countries included */
    size_t names;     /* distinct normalised names in the index */
    size_t admin1;    /* first-level regions */
    size_t countries; /* countries and territories */
    char built_at[32];
    char version[16]; /* library version that built it */
} gm_gazetteer_stats;
GM_API void gm_gazetteer_get_stats(const gm_gazetteer *gaz, gm_gazetteer_stats *stats);

/* Progress callback for long operations: stage is a short label, done/total in units of the stage
 * (total 0 when unknown). */
typedef void (*gm_progress_fn)(void *user, const char *stage, size_t done, size_t total);

typedef struct gm_build_options {
    const char *source_dir; /* folder holding places.tsv.gz, admin1.tsv.gz, ... (required) */
    const char *db_path;    /* database to write (NULL: the default path) */
    gm_progress_fn progress;
    void *progress_user;
    const volatile int *cancel; /* optional: once *cancel is non-zero the build stops within a
                                   second or so with GM_E_CANCELLED, leaving nothing behind (a
                                   signal handler may set it) */
} gm_build_options;

/*
 * Builds the SpatiaLite gazetteer database and its name index from the text files in
 * opt->source_dir (format: gazetteer/README.md).  Both files are written under temporary names and
 * renamed into place at the end, so a failed build leaves any previous database untouched.
 */
GM_API gm_status gm_gazetteer_build(const gm_build_options *opt, gm_error *err);

/* ------------------------------------------------------------------ places */

/* How precisely a resolved place pins down a location. */
typedef enum gm_precision {
    GM_PREC_NONE = 0,
    GM_PREC_PLACE,   /* a town, village or landmark */
    GM_PREC_ADMIN2,  /* a county, raion, district */
    GM_PREC_ADMIN1,  /* an oblast, state, province */
    GM_PREC_COUNTRY, /* a country */
    GM_PREC_REGION,  /* a larger or informal region, sea, continent */
    GM_PREC_NEAR     /* a given span the gazetteer lacks, placed where the document's other places
                        centre (an estimate: no name, GeoNames id or feature code; gm_resolve_spans
                        only, unless gm_options.estimates is 0) */
} gm_precision;

/* The name the GeoJSON output uses for a precision ("place", "admin2", "admin1", "country",
 * "region", "near"), or NULL for GM_PREC_NONE. */
GM_API const char *gm_precision_name(gm_precision p);

/* A gazetteer entry.  Strings point into the gazetteer; NULL where unknown. */
typedef struct gm_place {
    uint32_t id;           /* the entry's index in this gazetteer (not stable across builds) */
    uint32_t geonameid;    /* GeoNames id, 0 when the entry does not come from GeoNames */
    const char *name;      /* the gazetteer's name */
    double lat, lon;       /* WGS 84 degrees */
    const char *feature_code; /* GeoNames feature code: PPL, PPLA, ADM1, PCLI, RGN, ... */
    const char *country_code; /* ISO 3166-1 alpha-2 */
    const char *country;      /* country name */
    const char *admin1_code;  /* "UA.04" */
    const char *admin1;       /* first-level region name */
    const char *admin2;       /* second-level region name */
    const char *source;       /* "geonames", "admin1", "country", or the supplement's id */
    uint64_t population;
    gm_precision precision;
} gm_place;

/* One candidate of a lookup, with the score that ranked it and the reasons, in words. */
typedef struct gm_candidate {
    gm_place place;
    double score;
    double prior;          /* the context-free part of the score */
    char reasons[320];
} gm_candidate;

/*
 * Looks name up in the gazetteer and ranks its candidates as the resolver would without
 * context.  *out (freed with gm_candidates_free) holds *count candidates, best first; at most
 * max candidates (0: all).  A name with no candidate gives GM_OK and *count 0.
 */
GM_API gm_status gm_lookup(const gm_gazetteer *gaz, const char *name, size_t len, size_t max,
                           gm_candidate **out, size_t *count, gm_error *err);
GM_API void gm_candidates_free(gm_candidate *cands);

/* ------------------------------------------------------------------ documents */

/* Options for processing one document.  Initialise with gm_options_init. */
typedef struct gm_options {
    const char *date;      /* publication date "YYYY-MM-DD" for relative dates, or NULL */
    int demonyms;          /* report "Russian", "Texan" as mentions of their country/region (default 1) */
    size_t max_doc_bytes;  /* larger documents are refused with GM_E_LIMIT (default 64 MiB) */
    int incidents;         /* find incidents (default 1); 0 when only mentions are wanted: faster */
    int estimates;         /* gm_resolve_spans: a given span the gazetteer lacks gets an estimated
                              point (precision GM_PREC_NEAR) instead of none (default 1) */
} gm_options;
GM_API void gm_options_init(gm_options *opt);

typedef struct gm_doc gm_doc;

typedef enum gm_mention_kind {
    GM_MENTION_NAME = 0, /* a place name */
    GM_MENTION_DEMONYM   /* an adjective or demonym standing for a place ("Ukrainian") */
} gm_mention_kind;

typedef struct gm_mention {
    size_t start, end;     /* the name as written, byte offsets */
    int resolved;          /* 1 when place is set */
    gm_place place;
    double confidence;     /* 0..1 that the span is a place and the place is right */
    gm_mention_kind kind;
} gm_mention;

/* Casualty count not given by the text. */
#define GM_COUNT_NONE (-1L)

typedef struct gm_incident {
    size_t start, end;             /* evidence: the sentence(s) the incident is told in (a short
                                    * passage, or the first sentence when told far apart) */
    size_t place_start, place_end; /* the place name as written (0,0 when from the focus) */
    int resolved;                  /* 1 when place is set */
    gm_place place;
    int geo_precision;             /* 1 the named town, 2 near it, 3 only the region */
    const char *event_type;        /* "drone strike", "shooting", ... (static string) */
    long killed, injured;          /* GM_COUNT_NONE where the text gives no number */
    long killed_low, killed_high;  /* ranges and "at least": GM_COUNT_NONE when open */
    const char *qualifier;         /* "at least", "more than", "about", or NULL */
    char date[11];                 /* "YYYY-MM-DD", or "" when unknown */
    int date_precision;            /* 1 the day, 2 within the week before, 3 within the month (as ACLED's
                                    * time_precision); 0 when there is no date */
    double confidence;
} gm_incident;

/* A span found by someone else, for gm_resolve_spans. */
typedef struct gm_span {
    size_t start, end;
} gm_span;

/*
 * Processes one document: finds and resolves place mentions, then extracts incidents.  Invalid
 * UTF-8 and NUL bytes are replaced by U+FFFD / space (same length rules as gm_doc_text says);
 * gm_doc_repaired_bytes tells how many.  The caller frees *out with gm_doc_free.
 */
GM_API gm_status gm_extract(const gm_gazetteer *gaz, const char *text, size_t len,
                            const gm_options *opt, gm_doc **out, gm_error *err);

/*
 * Resolves exactly the given spans (no recognition, no incidents): the document gets one mention
 * per span, in the given order, resolved with the other spans as context.  Spans outside the
 * text, reversed, or splitting a UTF-8 character are clamped; an empty span stays unresolved.
 */
GM_API gm_status gm_resolve_spans(const gm_gazetteer *gaz, const char *text, size_t len,
                                  const gm_span *spans, size_t nspans, const gm_options *opt,
                                  gm_doc **out, gm_error *err);

GM_API void gm_doc_free(gm_doc *doc);

/*
 * The text the offsets refer to.  It equals the input except where invalid bytes were replaced
 * (each by the 3 bytes of U+FFFD), so offsets differ from the input's only after a repair.
 */
GM_API const char *gm_doc_text(const gm_doc *doc, size_t *len);
GM_API size_t gm_doc_repaired_bytes(const gm_doc *doc);

GM_API size_t gm_doc_mention_count(const gm_doc *doc);
GM_API const gm_mention *gm_doc_mention(const gm_doc *doc, size_t i);

/*
 * Why mention i of doc resolved as it did: its candidates ranked by their score in this document,
 * each with the parts of the score in words ("prior 6.51: PPLA, population 1433886, its own
 * name; country votes +2.50; a region written next to it +8.00").  The reported entry comes
 * first even when another mention of the same name decided it.  *out (freed with
 * gm_candidates_free) holds *count candidates; at most max (0: all).  Not for resolve-mode
 * documents' hidden context spans; a mention with no candidates gives *count 0.
 */
GM_API gm_status gm_doc_explain(const gm_doc *doc, size_t i, size_t max, gm_candidate **out, size_t *count,
                                gm_error *err);
GM_API size_t gm_doc_incident_count(const gm_doc *doc);
GM_API const gm_incident *gm_doc_incident(const gm_doc *doc, size_t i);

/* The document's focus: the country (and admin-1) most of its places are in.  Returns 0 and
 * leaves the pointers NULL when the document has no resolved place. */
GM_API int gm_doc_focus(const gm_doc *doc, const char **country_code, const char **admin1_code);

/* ------------------------------------------------------------------ output */

typedef enum gm_layer {
    GM_LAYER_INCIDENTS = 0,
    GM_LAYER_MENTIONS
} gm_layer;

/* Number of features a document contributes to a layer. */
GM_API size_t gm_doc_feature_count(const gm_doc *doc, gm_layer layer);

/*
 * Appends feature i of the layer as one line of GeoJSON (an RFC 7946 Feature, no newline) to the
 * growable buffer *buf of *len bytes and capacity *cap (realloc'd as needed; start with NULL/0/0,
 * free with gm_free).  doc_id (may be NULL) becomes the "doc_id" property.
 */
GM_API gm_status gm_feature_json(const gm_doc *doc, gm_layer layer, size_t i, const char *doc_id,
                                 char **buf, size_t *len, size_t *cap);

/*
 * CSV (RFC 4180) with the same columns as the GeoJSON properties, after "lon" and "lat" (empty
 * when unresolved), as QGIS's delimited-text loader reads it (X field lon, Y field lat, EPSG:4326).
 * gm_csv_header appends the header line of a layer, gm_feature_csv one feature's line; neither
 * appends the line break.  Buffers as for gm_feature_json.
 */
GM_API gm_status gm_csv_header(gm_layer layer, char **buf, size_t *len, size_t *cap);
GM_API gm_status gm_feature_csv(const gm_doc *doc, gm_layer layer, size_t i, const char *doc_id,
                                char **buf, size_t *len, size_t *cap);

/* Frees memory the library allocated for the caller (buffers from gm_feature_json, ...). */
GM_API void gm_free(void *p);

/* ------------------------------------------------------------------ input records */

/* One JSONL input record: {"id": "...", "text": "...", "date": "YYYY-MM-DD", "spans": [...]} */
typedef struct gm_record {
    char *id;        /* NULL when absent */
    char *text;      /* never NULL after a successful parse */
    size_t text_len;
    char *date;      /* NULL when absent or not a valid date */
    int date_invalid; /* a "date" was given but is not YYYY-MM-DD */
    int id_invalid;   /* an "id" was given but is neither a string nor a finite number (id stays NULL) */
    size_t escapes_repaired; /* lone UTF-16 surrogate escapes ("\ud800") read as U+FFFD */
    gm_span *spans;  /* NULL when absent */
    size_t nspans;
    int has_spans;
} gm_record;

/*
 * Parses one JSONL line into *rec (cleared first; free with gm_record_clear).  A line that is not
 * a JSON object with a string "text" gives GM_E_FORMAT and a message saying what is wrong.
 */
GM_API gm_status gm_record_parse(const char *line, size_t len, gm_record *rec, gm_error *err);
GM_API void gm_record_clear(gm_record *rec);

/* ------------------------------------------------------------------ summaries */

typedef struct gm_summary gm_summary;

typedef enum gm_summary_by {
    GM_BY_ADMIN1 = 0, /* country + admin-1 region */
    GM_BY_COUNTRY,
    GM_BY_ADMIN2,     /* country + admin-1 + admin-2 (county, raion) */
    GM_BY_PLACE       /* the place itself (a town, or a region named as such) */
} gm_summary_by;

typedef struct gm_summary_row {
    const char *country_code; /* "" when unknown */
    const char *country;
    const char *admin1;       /* "" when unknown or grouping by country */
    size_t incidents;
    long killed, injured;
    size_t mentions;          /* place mentions in the region */
    size_t places;            /* distinct places mentioned */
    const char *admin1_code;  /* "UA.04"; "" when unknown or grouping by country */
    const char *admin2;       /* grouping by admin2 or place; else "" */
    const char *place;        /* grouping by place: its name; else "" */
    const char *feature_code; /* grouping by place */
    uint32_t geonameid;       /* grouping by place; 0 when none */
    double lat, lon;          /* grouping by place: its point when has_point */
    int has_point;
} gm_summary_row;

GM_API gm_status gm_summary_new(gm_summary_by by, gm_summary **out);
GM_API void gm_summary_free(gm_summary *s);
/*
 * Keeps only incidents dated within [since, until] ("YYYY-MM-DD", either may be NULL); undated
 * incidents are then left out, since they cannot be placed in the period.  Mentions carry no
 * date and are not filtered.  GM_E_ARG for a malformed date or since after until.
 */
GM_API gm_status gm_summary_set_dates(gm_summary *s, const char *since, const char *until, gm_error *err);
/*
 * Adds a processed document's incidents and mentions.  doc_id (may be NULL) identifies the
 * document: an incident or mention of the same document and span added again (the same article
 * in two inputs) is counted once.
 */
GM_API gm_status gm_summary_add_doc(gm_summary *s, const gm_doc *doc, const char *doc_id);
/*
 * Adds one GeoJSON Feature, as written by gm_feature_json (a feature with "killed" or "injured"
 * properties counts as an incident, one with "text" as a mention), or a whole FeatureCollection.
 * Features with the same "doc_id", "start" and "end" as one added before are counted once.
 */
GM_API gm_status gm_summary_add_geojson(gm_summary *s, const char *json, size_t len, gm_error *err);
/* Rows sorted by killed, then injured, then incidents, then mentions (descending), then name. */
GM_API size_t gm_summary_row_count(gm_summary *s);
GM_API const gm_summary_row *gm_summary_row_at(gm_summary *s, size_t i);
/*
 * Row i of a summary by place or by admin-1 as a feature of the "places" or "regions" layer: a
 * GeoJSON Feature (csv 0) or a CSV line (csv 1: "lon,lat" first, for a region a point inside it;
 * no line break).  Places are points; regions take their admin-1 polygon from gaz (NULL: no
 * geometry).  Buffers as for gm_feature_json.  GM_E_ARG for other groupings.
 */
GM_API gm_status gm_summary_feature(gm_summary *s, size_t i, const gm_gazetteer *gaz, int csv, char **buf,
                                    size_t *len, size_t *cap, gm_error *err);
/* The CSV header line of the places or regions layer of a summary (no line break). */
GM_API gm_status gm_summary_csv_header(const gm_summary *s, char **buf, size_t *len, size_t *cap);
/*
 * An SVG choropleth of killed per admin-1 region of a summary by admin-1: the regions with
 * incidents drawn from gaz's polygons within their countries' outlines, coloured by classes of
 * killed, with a legend.  title may be NULL.  *svg is freed with gm_free.
 */
GM_API gm_status gm_summary_svg(gm_summary *s, const gm_gazetteer *gaz, const char *title, char **svg, size_t *len,
                                gm_error *err);

/* ------------------------------------------------------------------ GeoPackage */

/*
 * A GeoPackage with a layer per kind: "incidents" and "mentions" (points, the columns of the
 * GeoJSON properties), "places" (a point per distinct place with its mention and incident counts)
 * and "regions" (admin-1 polygons from gaz with incidents, killed and injured summed, for a
 * choropleth; without gaz the layer has no geometry).  The file is written under a temporary name
 * and appears at path only when gm_gpkg_finish succeeds; gm_gpkg_free without it removes it.
 */
typedef struct gm_gpkg gm_gpkg;
GM_API gm_status gm_gpkg_create(const char *path, const gm_gazetteer *gaz, gm_gpkg **out, gm_error *err);
GM_API gm_status gm_gpkg_add_doc(gm_gpkg *g, const gm_doc *doc, const char *doc_id, gm_error *err);
GM_API gm_status gm_gpkg_finish(gm_gpkg *g, gm_error *err);
GM_API void gm_gpkg_free(gm_gpkg *g);

/* ------------------------------------------------------------------ the store */

/*
 * A SpatiaLite database of incidents that grows across runs; QGIS opens it directly (layer
 * "incidents", the same columns as the GeoJSON properties).  Incidents are keyed by document id
 * and span, so adding a document again adds nothing; each document is written in one transaction,
 * so an interrupted run leaves whole documents only, and running it again completes it.  Several
 * processes may write to one store at once (WAL, busy timeout).
 */
typedef struct gm_store gm_store;

/* Opens the store at path, creating it when missing.  GM_E_OUTDATED when the file is a database
 * but not a store of this version. */
GM_API gm_status gm_store_open(const char *path, gm_store **out, gm_error *err);
GM_API void gm_store_close(gm_store *st);
/* Adds a document's incidents in one transaction; *added (may be NULL) counts the new ones. */
GM_API gm_status gm_store_add_doc(gm_store *st, const gm_doc *doc, const char *doc_id, size_t *added,
                                  gm_error *err);
/* Adds the incidents of a store to a summary (duplicates with other inputs count once). */
GM_API gm_status gm_summary_add_store(gm_summary *s, const char *path, gm_error *err);

/* ------------------------------------------------------------------ maps */

/*
 * A self-contained HTML map (Leaflet, inlined): country and admin-1 outlines from the gazetteer as
 * the base layer, incidents as circles sized by their casualties, each with a popup giving the
 * counts, the place, the date, the evidence sentence and the source document.  The page loads
 * nothing from the network.
 */
typedef struct gm_map gm_map;

/* title may be NULL ("geomention incidents").  gaz must outlive the map. */
GM_API gm_status gm_map_new(const gm_gazetteer *gaz, const char *title, gm_map **out, gm_error *err);
GM_API void gm_map_free(gm_map *m);
/* Adds a processed document's incidents; doc_id (may be NULL) is shown as the source. */
GM_API gm_status gm_map_add_doc(gm_map *m, const gm_doc *doc, const char *doc_id, gm_error *err);
/* Adds the incidents of GeoJSON written by geomention (one Feature or a FeatureCollection). */
GM_API gm_status gm_map_add_geojson(gm_map *m, const char *json, size_t len, gm_error *err);
/* Incidents added so far that have a point (the circles the page will draw). */
GM_API size_t gm_map_marker_count(const gm_map *m);
/* Writes the page into a new buffer (*html, *len; free with gm_free). */
GM_API gm_status gm_map_html(gm_map *m, char **html, size_t *len, gm_error *err);

#ifdef __cplusplus
}
#endif

#endif
