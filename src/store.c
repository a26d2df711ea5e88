/*
 * store.c - a SpatiaLite database of incidents that grows across runs (gm_store_*), and summaries
 * read back from it.
 *
 * Each incident is keyed by its document and span (UNIQUE(doc_id, start, "end")), so ingesting the
 * same document again adds nothing; each document goes in one transaction, so a run killed
 * midway leaves every document either wholly in or wholly out, and running it again completes the
 * rest.  WAL and a busy timeout let several processes write at once.  QGIS opens the file
 * directly (the geometry column is registered with SpatiaLite).
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "db.h"
#include "fields.h"
#include "summary.h"

struct gm_store {
    sqlite3 *db;
    sqlite3_stmt *ins, *doc, *begin, *commit, *rollback;
    char *path;
};

/* Creates the tables when the database is new; several processes may race to do it, so it runs
 * in one write transaction and checks again inside it. */
static gm_status create_schema(sqlite3 *db, gm_error *err)
{
    gm_status st = gm_db_exec(db, "BEGIN IMMEDIATE", err);
    if (st)
        return st;
    /* only an empty database becomes a store: never add tables to someone else's database */
    sqlite3_stmt *q = NULL;
    st = gm_db_prepare(db, "SELECT count(*) FROM sqlite_master", &q, err);
    bool empty = !st && sqlite3_step(q) == SQLITE_ROW && sqlite3_column_int64(q, 0) == 0;
    sqlite3_finalize(q);
    if (!st && empty) {
        gm_buf b;
        gm_buf_init(&b);
        size_t n;
        const gm_fdef *defs = gm_layer_schema(GM_LAYER_INCIDENTS, &n);
        gm_buf_adds(&b, "CREATE TABLE incidents(fid INTEGER PRIMARY KEY AUTOINCREMENT");
        gm_db_column_defs(&b, defs, n, "INTEGER");
        gm_buf_adds(&b, ", UNIQUE(doc_id, start, \"end\"));");
        if (!gm_buf_cstr(&b)) {
            gm_buf_free(&b);
            st = gm_nomem(err);
        } else {
            st = gm_db_exec(db, "SELECT InitSpatialMetadata(0)", err);
            if (!st)
                st = gm_db_exec(db, b.p, err);
            gm_buf_free(&b);
        }
        if (!st)
            st = gm_db_exec(db,
                            "SELECT AddGeometryColumn('incidents', 'geom', 4326, 'POINT', 'XY');"
                            "SELECT CreateSpatialIndex('incidents', 'geom');"
                            "CREATE INDEX incidents_date ON incidents(date);"
                            "CREATE TABLE documents(doc_id TEXT PRIMARY KEY, incidents INTEGER NOT NULL,"
                            " added_at TEXT NOT NULL);"
                            "CREATE TABLE store_meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
                            "INSERT INTO store_meta VALUES('format', 'geomention-store 1');",
                            err);
    }
    if (!st) {
        /* a store of a later format, or another database with an "incidents" table */
        char fmt[64] = "";
        q = NULL;
        if (gm_db_prepare(db, "SELECT value FROM store_meta WHERE key = 'format'", &q, NULL) == GM_OK &&
            sqlite3_step(q) == SQLITE_ROW)
            snprintf(fmt, sizeof fmt, "%s", (const char *)sqlite3_column_text(q, 0));
        sqlite3_finalize(q);
        if (strcmp(fmt, "geomention-store 1") != 0)
            st = gm_fail(err, GM_E_OUTDATED, "it is not a geomention store (or one of another version)");
    }
    if (st) {
        gm_db_exec(db, "ROLLBACK", NULL);
        return st;
    }
    return gm_db_exec(db, "COMMIT", err);
}

/* Runs sql, trying again for up to a minute while another process holds the file: switching a new
 * store to WAL can fail at once with "database is locked" when several processes create it
 * together (SQLite does not call the busy handler there). */
static gm_status exec_retry(sqlite3 *db, const char *sql, gm_error *err)
{
    struct timespec pause = {0, 10 * 1000 * 1000};
    for (int waited_ms = 0;; waited_ms += (int)(pause.tv_nsec / 1000000)) {
        int rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
        if (rc == SQLITE_OK)
            return GM_OK;
        if ((rc != SQLITE_BUSY && rc != SQLITE_LOCKED) || waited_ms >= 60000)
            return gm_fail(err, GM_E_DB, "SQL failed (%.60s...): %s", sql, sqlite3_errmsg(db));
        nanosleep(&pause, NULL);
        if (pause.tv_nsec < 200 * 1000 * 1000)
            pause.tv_nsec *= 2;
    }
}

gm_status gm_store_open(const char *path, gm_store **out, gm_error *err)
{
    if (!out || !path)
        return gm_fail(err, GM_E_ARG, "no store path given");
    *out = NULL;
    gm_store *s = gm_calloc(1, sizeof *s);
    if (!s || !(s->path = gm_strdup(path))) {
        gm__free(s);
        return gm_nomem(err);
    }
    gm_status st = gm_db_open(path, 0, &s->db, err);
    if (!st) {
        sqlite3_busy_timeout(s->db, 60000);
        st = exec_retry(s->db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL", err);
    }
    if (!st)
        st = create_schema(s->db, err);
    if (!st) {
        gm_buf b;
        gm_buf_init(&b);
        size_t n;
        const gm_fdef *defs = gm_layer_schema(GM_LAYER_INCIDENTS, &n);
        gm_db_insert_sql(&b, "INSERT OR IGNORE", "incidents", defs, n, "MakePoint(?, ?, 4326)", 1);
        if (!gm_buf_cstr(&b))
            st = gm_nomem(err);
        else
            st = gm_db_prepare(s->db, b.p, &s->ins, err);
        gm_buf_free(&b);
    }
    if (!st)
        st = gm_db_prepare(s->db, "INSERT OR IGNORE INTO documents VALUES(?, ?, ?)", &s->doc, err);
    if (!st)
        st = gm_db_prepare(s->db, "BEGIN IMMEDIATE", &s->begin, err);
    if (!st)
        st = gm_db_prepare(s->db, "COMMIT", &s->commit, err);
    if (!st)
        st = gm_db_prepare(s->db, "ROLLBACK", &s->rollback, err);
    if (st) {
        if (err && st != GM_E_NOMEM) {
            char m[sizeof err->message];
            snprintf(m, sizeof m, "%s", err->message);
            gm_fail(err, st, "cannot use %s as an incident store: %s", path, m);
        }
        gm_store_close(s);
        return st;
    }
    *out = s;
    return GM_OK;
}

void gm_store_close(gm_store *s)
{
    if (!s)
        return;
    sqlite3_finalize(s->ins);
    sqlite3_finalize(s->doc);
    sqlite3_finalize(s->begin);
    sqlite3_finalize(s->commit);
    sqlite3_finalize(s->rollback);
    sqlite3_close(s->db);
    gm__free(s->path);
    gm__free(s);
}

static gm_status step(sqlite3 *db, sqlite3_stmt *q, gm_error *err)
{
    int rc = sqlite3_step(q);
    sqlite3_reset(q);
    if (rc == SQLITE_DONE || rc == SQLITE_ROW)
        return GM_OK;
    return gm_fail(err, rc == SQLITE_FULL || rc == SQLITE_IOERR ? GM_E_IO : GM_E_DB, "writing the store failed: %s",
                   sqlite3_errmsg(db));
}

gm_status gm_store_add_doc(gm_store *s, const gm_doc *doc, const char *doc_id, size_t *added, gm_error *err)
{
    if (added)
        *added = 0;
    if (!s || !doc || !doc_id)
        return gm_fail(err, GM_E_ARG, "a document id is needed to store a document's incidents");
    gm_status st = step(s->db, s->begin, err);
    if (st)
        return st;
    size_t n;
    const gm_fdef *defs = gm_layer_schema(GM_LAYER_INCIDENTS, &n);
    size_t count = gm_doc_incident_count(doc), fresh = 0;
    for (size_t i = 0; i < count && !st; i++) {
        gm_fval v[GM_MAX_FIELDS];
        bool pt;
        double lon, lat;
        gm_feature_values(doc, GM_LAYER_INCIDENTS, i, doc_id, v, &pt, &lon, &lat);
        sqlite3_clear_bindings(s->ins);
        gm_db_bind_fields(s->ins, defs, v, n);
        if (pt) {
            sqlite3_bind_double(s->ins, (int)n + 1, lon);
            sqlite3_bind_double(s->ins, (int)n + 2, lat);
        }
        st = step(s->db, s->ins, err);
        if (!st)
            fresh += (size_t)sqlite3_changes(s->db);
    }
    sqlite3_clear_bindings(s->ins); /* (the text was bound without a copy) */
    if (!st) {
        char now[32];
        time_t t = time(NULL);
        struct tm tmv;
        gmtime_r(&t, &tmv);
        strftime(now, sizeof now, "%Y-%m-%dT%H:%M:%SZ", &tmv);
        sqlite3_bind_text(s->doc, 1, doc_id, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(s->doc, 2, (sqlite3_int64)count);
        sqlite3_bind_text(s->doc, 3, now, -1, SQLITE_TRANSIENT);
        st = step(s->db, s->doc, err);
    }
    if (!st)
        st = step(s->db, s->commit, err);
    if (st) {
        sqlite3_step(s->rollback);
        sqlite3_reset(s->rollback);
        return st;
    }
    if (added)
        *added = fresh;
    return GM_OK;
}

gm_status gm_summary_add_store(gm_summary *s, const char *path, gm_error *err)
{
    sqlite3 *db = NULL;
    gm_status st = gm_db_open(path, 1, &db, err);
    if (st)
        return st;
    sqlite3_busy_timeout(db, 60000);
    sqlite3_stmt *q = NULL;
    st = gm_db_prepare(db,
                       "SELECT doc_id, start, \"end\", country_code, country, admin1, admin1_code, admin2, name,"
                       " feature_code, geonameid, X(geom), Y(geom), killed, injured, date FROM incidents",
                       &q, err);
    if (st) {
        sqlite3_close(db);
        return gm_fail(err, GM_E_FORMAT, "%s is not a geomention store (no incidents table)", path);
    }
    int rc;
    while (!st && (rc = sqlite3_step(q)) == SQLITE_ROW) {
        gm_sfeature f = {0};
        f.incident = true;
        f.doc_id = (const char *)sqlite3_column_text(q, 0);
        f.start = sqlite3_column_int64(q, 1);
        f.end = sqlite3_column_int64(q, 2);
        f.cc = (const char *)sqlite3_column_text(q, 3);
        f.country = (const char *)sqlite3_column_text(q, 4);
        f.admin1 = (const char *)sqlite3_column_text(q, 5);
        f.admin1_code = (const char *)sqlite3_column_text(q, 6);
        f.admin2 = (const char *)sqlite3_column_text(q, 7);
        f.place = (const char *)sqlite3_column_text(q, 8);
        f.feature_code = (const char *)sqlite3_column_text(q, 9);
        sqlite3_int64 gid = sqlite3_column_int64(q, 10);
        f.geonameid = gid > 0 && gid <= 0xFFFFFFFFLL ? (uint32_t)gid : 0;
        f.has_point = sqlite3_column_type(q, 11) != SQLITE_NULL;
        f.lon = sqlite3_column_double(q, 11);
        f.lat = sqlite3_column_double(q, 12);
        f.killed = sqlite3_column_type(q, 13) == SQLITE_NULL ? -1 : (long)sqlite3_column_int64(q, 13);
        f.injured = sqlite3_column_type(q, 14) == SQLITE_NULL ? -1 : (long)sqlite3_column_int64(q, 14);
        f.date = (const char *)sqlite3_column_text(q, 15);
        st = gm_summary_add_feature(s, &f);
        if (st)
            st = gm_nomem(err);
    }
    if (!st && rc != SQLITE_DONE)
        st = gm_fail(err, GM_E_DB, "reading %s failed: %s", path, sqlite3_errmsg(db));
    sqlite3_finalize(q);
    sqlite3_close(db);
    return st;
}
