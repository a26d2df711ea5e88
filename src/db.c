/*
 * db.c - SQLite + SpatiaLite connections.
 *
 * SpatiaLite is loaded as the run-time extension mod_spatialite (Debian's
 * libsqlite3-mod-spatialite), so the library links only against libsqlite3.
 */
#include "db.h"
#include "fields.h"

#include <stdio.h>
#include <string.h>

gm_status gm_db_open(const char *path, int readonly, sqlite3 **db, gm_error *err)
{
    *db = NULL;
    int flags = readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    sqlite3 *h = NULL;
    int rc = sqlite3_open_v2(path, &h, flags | SQLITE_OPEN_NOMUTEX, NULL);
    if (rc != SQLITE_OK) {
        gm_status st = gm_fail(err, GM_E_DB, "cannot open database %s: %s", path,
                               h ? sqlite3_errmsg(h) : sqlite3_errstr(rc));
        sqlite3_close(h);
        return st;
    }
    sqlite3_busy_timeout(h, 10000);
    sqlite3_db_config(h, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 1, NULL);
    char *msg = NULL;
    rc = sqlite3_load_extension(h, "mod_spatialite", "sqlite3_modspatialite_init", &msg);
    if (rc != SQLITE_OK) {
        gm_status st = gm_fail(err, GM_E_DB,
                               "cannot load the SpatiaLite extension (mod_spatialite): %s; install "
                               "libsqlite3-mod-spatialite",
                               msg ? msg : sqlite3_errmsg(h));
        sqlite3_free(msg);
        sqlite3_close(h);
        return st;
    }
    sqlite3_db_config(h, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, NULL);
    *db = h;
    return GM_OK;
}

gm_status gm_db_exec(sqlite3 *db, const char *sql, gm_error *err)
{
    char *msg = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
        gm_status st = gm_fail(err, GM_E_DB, "SQL failed (%.60s...): %s", sql, msg ? msg : sqlite3_errmsg(db));
        sqlite3_free(msg);
        return st;
    }
    return GM_OK;
}

gm_status gm_db_prepare(sqlite3 *db, const char *sql, sqlite3_stmt **st, gm_error *err)
{
    if (sqlite3_prepare_v2(db, sql, -1, st, NULL) != SQLITE_OK)
        return gm_fail(err, GM_E_DB, "cannot prepare SQL (%.60s...): %s", sql, sqlite3_errmsg(db));
    return GM_OK;
}

int gm_db_meta(sqlite3 *db, const char *key, char *buf, size_t size)
{
    sqlite3_stmt *st = NULL;
    int ok = 0;
    if (sqlite3_prepare_v2(db, "SELECT value FROM meta WHERE key = ?", -1, &st, NULL) != SQLITE_OK)
        return 0;
    sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
    if (sqlite3_step(st) == SQLITE_ROW) {
        const unsigned char *v = sqlite3_column_text(st, 0);
        if (v) {
            snprintf(buf, size, "%s", (const char *)v);
            ok = 1;
        }
    }
    sqlite3_finalize(st);
    return ok;
}

void gm_db_bind_fields(sqlite3_stmt *q, const gm_fdef *defs, const gm_fval *v, size_t n)
{
    gm_db_bind_fields_at(q, 1, defs, v, n);
}

void gm_db_bind_fields_at(sqlite3_stmt *q, int first, const gm_fdef *defs, const gm_fval *v, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        int col = first + (int)k;
        if (v[k].null)
            sqlite3_bind_null(q, col);
        else if (defs[k].type == GM_F_TEXT)
            sqlite3_bind_text(q, col, v[k].s, (int)v[k].n, SQLITE_STATIC);
        else if (defs[k].type == GM_F_INT)
            sqlite3_bind_int64(q, col, v[k].i);
        else
            sqlite3_bind_double(q, col, gm_round_decimals(v[k].r, defs[k].decimals));
    }
}

void gm_db_column_defs(gm_buf *b, const gm_fdef *defs, size_t n, const char *int_type)
{
    for (size_t k = 0; k < n; k++)
        gm_buf_printf(b, ", \"%s\" %s", defs[k].name,
                      defs[k].type == GM_F_TEXT ? "TEXT" : defs[k].type == GM_F_INT ? int_type : "REAL");
}

void gm_db_insert_sql(gm_buf *b, const char *verb, const char *table, const gm_fdef *defs, size_t n,
                      const char *geom_expr, int rows)
{
    gm_buf_printf(b, "%s INTO \"%s\"(", verb, table);
    for (size_t k = 0; k < n; k++)
        gm_buf_printf(b, "\"%s\", ", defs[k].name);
    gm_buf_adds(b, "geom) VALUES");
    for (int r = 0; r < rows; r++) {
        gm_buf_adds(b, r ? ", (" : "(");
        for (size_t k = 0; k < n; k++)
            gm_buf_adds(b, "?, ");
        gm_buf_printf(b, "%s)", geom_expr);
    }
}
