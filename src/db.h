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

/* Reads a text value from the meta table into buf; false when absent or unreadable. */
int gm_db_meta(sqlite3 *db, const char *key, char *buf, size_t size);

#endif
