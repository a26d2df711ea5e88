/*
 * gpkg.c - a GeoPackage with one layer per kind (gm_gpkg_*), and the places and regions layers of
 * a summary as GeoJSON or CSV (gm_summary_layer).
 *
 * Layers: "incidents" and "mentions" (points, the columns of the GeoJSON properties), "places"
 * (one point per distinct place with its mention and incident counts) and "regions" (admin-1
 * polygons from the gazetteer with incidents, killed and injured summed: ready for a choropleth).
 * Points are written as GeoPackage binary blobs made here (gpb_point: the bytes SpatiaLite's
 * AsGPB(MakePoint(x, y, 4326)) gives, without two SQL function calls and three conversions a row);
 * region polygons with SpatiaLite's AsGPB.  The file is written under a temporary name and renamed
 * into place by gm_gpkg_finish, so a failed run leaves no half-written GeoPackage.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "db.h"
#include "fields.h"
#include "summary.h"

/* Rows of the incidents and mentions layers are inserted BATCH_ROWS at a time by one multi-row
 * INSERT: a statement's fixed cost (opening the table, AUTOINCREMENT's sqlite_sequence row, the
 * halt) was most of a row's.  The rows wait in a batch with their text and point blobs copied
 * (the document they come from is gone by the time the batch is full); the last, partial batch
 * goes in row by row. */
#define BATCH_ROWS 32

typedef struct batch {
    sqlite3_stmt *one, *many; /* INSERTs of one row and of BATCH_ROWS rows */
    const gm_fdef *defs;
    size_t nf;                /* fields a row (the point is parameter nf + 1) */
    int rows;                 /* rows waiting */
    gm_fval v[BATCH_ROWS][GM_MAX_FIELDS]; /* text: .s is NULL, .n its length, text_at[][] its offset */
    size_t text_at[BATCH_ROWS][GM_MAX_FIELDS];
    size_t point_at[BATCH_ROWS];           /* SIZE_MAX: no point */
    gm_buf arena;                          /* the rows' text and point blobs */
} batch;

struct gm_gpkg {
    sqlite3 *db;
    batch layer[2];       /* incidents, mentions */
    gm_summary *places, *regions;
    char *path, *tmp;
    bool attached;        /* the gazetteer, for region outlines */
};

/* GeoPackage binary geometry of a point in WGS 84 (GeoPackage 1.2, clause 2.1.3): "GP", version 0,
 * flags 0x03 (little-endian, envelope [minx, maxx, miny, maxy]), srs_id 4326, the envelope, then
 * the point as little-endian WKB. */
#define GPB_POINT_LEN 61

static void put_u32le(unsigned char *p, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        p[i] = (unsigned char)(v >> (8 * i));
}

static void put_f64le(unsigned char *p, double v)
{
    uint64_t u;
    memcpy(&u, &v, sizeof u);
    for (int i = 0; i < 8; i++)
        p[i] = (unsigned char)(u >> (8 * i));
}

static void gpb_point(unsigned char out[GPB_POINT_LEN], double x, double y)
{
    out[0] = 'G';
    out[1] = 'P';
    out[2] = 0;    /* version 1 */
    out[3] = 0x03; /* little-endian, envelope of 4 doubles */
    put_u32le(out + 4, 4326);
    put_f64le(out + 8, x);
    put_f64le(out + 16, x);
    put_f64le(out + 24, y);
    put_f64le(out + 32, y);
    out[40] = 1;                /* WKB: little-endian */
    put_u32le(out + 41, 1);     /* Point */
    put_f64le(out + 45, x);
    put_f64le(out + 53, y);
}

static void bind_point(sqlite3_stmt *q, int at, double lon, double lat)
{
    unsigned char blob[GPB_POINT_LEN];
    gpb_point(blob, lon, lat);
    sqlite3_bind_blob(q, at, blob, GPB_POINT_LEN, SQLITE_TRANSIENT);
}

static gm_status run(sqlite3 *db, sqlite3_stmt *q, gm_error *err)
{
    int rc = sqlite3_step(q);
    sqlite3_reset(q);
    if (rc == SQLITE_DONE || rc == SQLITE_ROW)
        return GM_OK;
    return gm_fail(err, rc == SQLITE_FULL || rc == SQLITE_IOERR ? GM_E_IO : GM_E_DB, "writing the GeoPackage failed: %s",
                   sqlite3_errmsg(db));
}

/* Creates a feature table and registers it; prepares its INSERT (geometry as the last parameter,
 * given as an SQL expression of the placeholders). */
static gm_status create_layer(sqlite3 *db, const char *name, const char *gtype, const char *what,
                              const gm_fdef *defs, size_t n, const char *geom_expr, sqlite3_stmt **ins,
                              sqlite3_stmt **ins_many, gm_error *err)
{
    gm_buf b;
    gm_buf_init(&b);
    gm_buf_printf(&b, "CREATE TABLE \"%s\"(fid INTEGER PRIMARY KEY AUTOINCREMENT, geom %s", name, gtype);
    /* MEDIUMINT: a 32-bit integer in GeoPackage, which GIS clients show as a plain Integer */
    gm_db_column_defs(&b, defs, n, "MEDIUMINT");
    gm_buf_printf(&b,
                  ");INSERT INTO gpkg_contents(table_name, data_type, identifier, description, srs_id)"
                  " VALUES('%s', 'features', '%s', '%s', 4326);"
                  "INSERT INTO gpkg_geometry_columns VALUES('%s', 'geom', '%s', 4326, 0, 0);",
                  name, name, what, name, gtype);
    gm_status st = gm_buf_cstr(&b) ? gm_db_exec(db, b.p, err) : gm_nomem(err);
    b.len = 0;
    gm_db_insert_sql(&b, "INSERT", name, defs, n, geom_expr, 1);
    if (!st)
        st = gm_buf_cstr(&b) ? gm_db_prepare(db, b.p, ins, err) : gm_nomem(err);
    b.len = 0;
    if (!st && ins_many) {
        gm_db_insert_sql(&b, "INSERT", name, defs, n, geom_expr, BATCH_ROWS);
        st = gm_buf_cstr(&b) ? gm_db_prepare(db, b.p, ins_many, err) : gm_nomem(err);
    }
    gm_buf_free(&b);
    return st;
}

gm_status gm_gpkg_create(const char *path, const gm_gazetteer *gaz, gm_gpkg **out, gm_error *err)
{
    if (!path || !out)
        return gm_fail(err, GM_E_ARG, "no GeoPackage path given");
    *out = NULL;
    gm_gpkg *g = gm_calloc(1, sizeof *g);
    if (!g)
        return gm_nomem(err);
    size_t n = strlen(path) + 16;
    g->path = gm_strdup(path);
    g->tmp = gm_malloc(n);
    gm_status st = g->path && g->tmp ? GM_OK : gm_nomem(err);
    if (!st) {
        snprintf(g->tmp, n, "%s.tmp-XXXXXX", path);
        int fd = mkstemp(g->tmp);
        if (fd < 0) {
            st = gm_fail(err, GM_E_IO, "cannot write %s: %s", path, strerror(errno));
            gm__free(g->tmp);
            g->tmp = NULL;
        } else {
            fchmod(fd, 0644);
            close(fd);
        }
    }
    if (!st)
        st = gm_db_open(g->tmp, 0, &g->db, err);
    if (!st)
        st = gm_db_exec(g->db,
                        "PRAGMA application_id = 1196444487; PRAGMA user_version = 10200;"
                        "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; BEGIN;"
                        "SELECT gpkgCreateBaseTables();",
                        err);
    size_t ni, nm;
    const gm_fdef *di = gm_layer_schema(GM_LAYER_INCIDENTS, &ni), *dm = gm_layer_schema(GM_LAYER_MENTIONS, &nm);
    g->layer[0].defs = di;
    g->layer[0].nf = ni;
    g->layer[1].defs = dm;
    g->layer[1].nf = nm;
    for (int i = 0; i < 2; i++)
        gm_buf_init(&g->layer[i].arena);
    if (!st)
        st = create_layer(g->db, "incidents", "POINT", "violent incidents and their casualties", di, ni,
                          "?", &g->layer[0].one, &g->layer[0].many, err);
    if (!st)
        st = create_layer(g->db, "mentions", "POINT", "place names in the documents, resolved", dm, nm,
                          "?", &g->layer[1].one, &g->layer[1].many, err);
    if (!st && (gm_summary_new(GM_BY_PLACE, &g->places) || gm_summary_new(GM_BY_ADMIN1, &g->regions)))
        st = gm_nomem(err);
    if (!st && gaz) {
        /* region outlines come from the gazetteer's admin-1 polygons */
        sqlite3_stmt *q = NULL;
        st = gm_db_prepare(g->db, "ATTACH DATABASE ? AS gz", &q, err);
        if (!st) {
            sqlite3_bind_text(q, 1, gm_gazetteer_path(gaz), -1, SQLITE_TRANSIENT);
            st = run(g->db, q, err);
            g->attached = !st;
        }
        sqlite3_finalize(q);
    }
    if (st) {
        gm_gpkg_free(g);
        return st;
    }
    *out = g;
    return GM_OK;
}

/* Binds row r of a batch to q from parameter first on (its fields, then its point). */
static void bind_row(batch *bt, sqlite3_stmt *q, int r, int first)
{
    gm_fval *v = bt->v[r];
    for (size_t k = 0; k < bt->nf; k++)
        if (bt->defs[k].type == GM_F_TEXT && !v[k].null)
            v[k].s = bt->arena.p + bt->text_at[r][k];
    gm_db_bind_fields_at(q, first, bt->defs, v, bt->nf);
    if (bt->point_at[r] != SIZE_MAX)
        sqlite3_bind_blob(q, first + (int)bt->nf, bt->arena.p + bt->point_at[r], GPB_POINT_LEN, SQLITE_STATIC);
}

/* Inserts the rows waiting: all at once when the batch is full, else one by one. */
static gm_status flush(sqlite3 *db, batch *bt, gm_error *err)
{
    gm_status st = GM_OK;
    if (bt->rows == BATCH_ROWS) {
        for (int r = 0; r < bt->rows; r++)
            bind_row(bt, bt->many, r, 1 + r * ((int)bt->nf + 1));
        st = run(db, bt->many, err);
        sqlite3_clear_bindings(bt->many); /* (bound without a copy) */
    } else {
        for (int r = 0; r < bt->rows && !st; r++) {
            bind_row(bt, bt->one, r, 1);
            st = run(db, bt->one, err);
            sqlite3_clear_bindings(bt->one);
        }
    }
    bt->rows = 0;
    bt->arena.len = 0;
    return st;
}

/* Copies a row into the batch (text and point into its arena); inserts the batch when full. */
static gm_status add_row(sqlite3 *db, batch *bt, const gm_fval *v, bool pt, double lon, double lat, gm_error *err)
{
    int r = bt->rows;
    for (size_t k = 0; k < bt->nf; k++) {
        bt->v[r][k] = v[k];
        if (bt->defs[k].type == GM_F_TEXT && !v[k].null) {
            bt->text_at[r][k] = bt->arena.len;
            gm_buf_add(&bt->arena, v[k].s, v[k].n);
            bt->v[r][k].s = NULL;
        }
    }
    bt->point_at[r] = SIZE_MAX;
    if (pt && gm_buf_reserve(&bt->arena, GPB_POINT_LEN)) {
        bt->point_at[r] = bt->arena.len;
        gpb_point((unsigned char *)bt->arena.p + bt->arena.len, lon, lat);
        bt->arena.len += GPB_POINT_LEN;
    }
    if (bt->arena.oom) {
        bt->rows = 0;
        bt->arena.len = 0;
        bt->arena.oom = false;
        return gm_nomem(err);
    }
    bt->rows++;
    return bt->rows == BATCH_ROWS ? flush(db, bt, err) : GM_OK;
}

gm_status gm_gpkg_add_doc(gm_gpkg *g, const gm_doc *doc, const char *doc_id, gm_error *err)
{
    if (!g || !doc)
        return gm_fail(err, GM_E_ARG, "no GeoPackage or document");
    for (int layer = 0; layer < 2; layer++) {
        gm_layer l = layer == 0 ? GM_LAYER_INCIDENTS : GM_LAYER_MENTIONS;
        for (size_t i = 0; i < gm_doc_feature_count(doc, l); i++) {
            gm_fval v[GM_MAX_FIELDS];
            bool pt;
            double lon, lat;
            gm_feature_values(doc, l, i, doc_id, v, &pt, &lon, &lat);
            gm_status st = add_row(g->db, &g->layer[layer], v, pt, lon, lat, err);
            if (st)
                return st;
        }
    }
    if (gm_summary_add_doc(g->places, doc, doc_id) || gm_summary_add_doc(g->regions, doc, doc_id))
        return gm_nomem(err);
    return GM_OK;
}

/* Writes the places or regions layer from its summary. */
static gm_status write_summary_layer(gm_gpkg *g, bool place, gm_error *err)
{
    gm_summary *s = place ? g->places : g->regions;
    size_t n;
    const gm_fdef *defs = gm_summary_schema(place, &n);
    sqlite3_stmt *ins = NULL;
    gm_status st = place ? create_layer(g->db, "places", "POINT", "one point per place, with its counts", defs, n,
                                        "?", &ins, NULL, err)
                         : create_layer(g->db, "regions", "MULTIPOLYGON",
                                        "admin-1 regions with incidents, killed and injured summed", defs, n,
                                        g->attached ? "(SELECT AsGPB(CastToMultiPolygon(geom)) FROM gz.admin1 WHERE code = ?)"
                                                    : "NULL",
                                        &ins, NULL, err);
    for (size_t i = 0; !st && i < gm_summary_row_count(s); i++) {
        const gm_summary_row *r = gm_summary_row_at(s, i);
        if (!place && !*r->admin1_code)
            continue; /* no region to draw */
        gm_fval v[GM_MAX_FIELDS];
        gm_summary_row_values(r, place, v);
        sqlite3_clear_bindings(ins);
        gm_db_bind_fields(ins, defs, v, n);
        if (place && r->has_point)
            bind_point(ins, (int)n + 1, r->lon, r->lat);
        else if (!place && g->attached) {
            sqlite3_bind_text(ins, (int)n + 1, r->admin1_code, -1, SQLITE_TRANSIENT);
        }
        st = run(g->db, ins, err);
    }
    sqlite3_finalize(ins);
    return st;
}

gm_status gm_gpkg_finish(gm_gpkg *g, gm_error *err)
{
    if (!g || !g->db)
        return gm_fail(err, GM_E_ARG, "no GeoPackage to finish");
    gm_status st = flush(g->db, &g->layer[0], err);
    if (!st)
        st = flush(g->db, &g->layer[1], err);
    if (!st)
        st = write_summary_layer(g, true, err);
    if (!st)
        st = write_summary_layer(g, false, err);
    /* the extent of each layer, as GIS clients show it before reading the rows */
    if (!st)
        st = gm_db_exec(g->db,
                        "UPDATE gpkg_contents SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now');"
                        "COMMIT;",
                        err);
    for (int i = 0; i < 2; i++) {
        sqlite3_finalize(g->layer[i].one);
        sqlite3_finalize(g->layer[i].many);
        g->layer[i].one = g->layer[i].many = NULL;
    }
    if (g->attached)
        gm_db_exec(g->db, "DETACH DATABASE gz", NULL);
    if (sqlite3_close(g->db) != SQLITE_OK && !st)
        st = gm_fail(err, GM_E_IO, "closing %s failed", g->tmp);
    g->db = NULL;
    if (!st && rename(g->tmp, g->path) != 0)
        st = gm_fail(err, GM_E_IO, "cannot create %s: %s", g->path, strerror(errno));
    if (!st) {
        gm__free(g->tmp);
        g->tmp = NULL; /* nothing left to remove */
    }
    return st;
}

void gm_gpkg_free(gm_gpkg *g)
{
    if (!g)
        return;
    for (int i = 0; i < 2; i++) {
        sqlite3_finalize(g->layer[i].one);
        sqlite3_finalize(g->layer[i].many);
        gm_buf_free(&g->layer[i].arena);
    }
    sqlite3_close(g->db);
    if (g->tmp)
        unlink(g->tmp);
    gm__free(g->tmp);
    gm__free(g->path);
    gm_summary_free(g->places);
    gm_summary_free(g->regions);
    gm__free(g);
}
