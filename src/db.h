/*
 * db.h - opening SQLite databases with the SpatiaLite extension loaded.
 */
#ifndef GM_DB_H
#define GM_DB_H

#include <sqlite3.h>

#include "internal.h"

/*
 * Opens path (read-only when readonly, else read-write and created if missing), sets a busy
 * timeout, and loads mod_spatialite.  On failure *db is NULL and err says why.
 */
gm_status gm_db_open(const char *path, int readonly, sqlite3 **db, gm_error *err);

/* Runs SQL without results; GM_E_DB with SQLite's message on failure. */
gm_status gm_db_exec(sqlite3 *db, const char *sql, gm_error *err);

/* Prepares a statement; GM_E_DB with SQLite's message on failure. */
gm_status gm_db_prepare(sqlite3 *db, const char *sql, sqlite3_stmt **st, gm_error *err);

struct gm_fdef;
struct gm_fval;
/* Binds values 1..n of q to fields (NULL, text, integer or real by the field's type).  Text is bound
 * without a copy (SQLITE_STATIC): it must outlive the step, and the caller clears the bindings
 * before it goes.  gm_db_bind_fields_at binds them to first..first+n-1 (a row of a multi-row
 * INSERT). */
void gm_db_bind_fields(sqlite3_stmt *q, const struct gm_fdef *defs, const struct gm_fval *v, size_t n);
void gm_db_bind_fields_at(sqlite3_stmt *q, int first, const struct gm_fdef *defs, const struct gm_fval *v, size_t n);
/* Appends ", \"name\" TYPE" for each field (int_type names the integer type: "INTEGER", "MEDIUMINT"). */
void gm_db_column_defs(gm_buf *b, const struct gm_fdef *defs, size_t n, const char *int_type);
/* Appends "INSERT [OR IGNORE] INTO table(fields..., geom) VALUES(?, ..., geom_expr)", with rows
 * such tuples after VALUES (placeholders numbered left to right, row after row). */
void gm_db_insert_sql(gm_buf *b, const char *verb, const char *table, const struct gm_fdef *defs, size_t n,
                      const char *geom_expr, int rows);

/* Reads a text value from the meta table into buf; false when absent or unreadable. */
int gm_db_meta(sqlite3 *db, const char *key, char *buf, size_t size);

#endif
