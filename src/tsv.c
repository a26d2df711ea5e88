/*
 * tsv.c - line reader for the gazetteer text files and a string hash map.
 *
 * zlib's gz* functions read gzip and plain files alike, so the hand-edited supplement and the
 * compressed GeoNames extracts go through the same code.
 */
#include "tsv.h"

#include <errno.h>
#include <string.h>
#include <zlib.h>

gm_status gm_tsv_open(gm_tsv *t, const char *path, gm_error *err)
{
    memset(t, 0, sizeof *t);
    gzFile gz = gzopen(path, "rb");
    if (!gz)
        return gm_fail(err, GM_E_IO, "cannot open %s: %s", path, errno ? strerror(errno) : "gzopen failed");
    gzbuffer(gz, 1u << 17);
    t->gz = gz;
    t->path = gm_strdup(path);
    t->cap = 4096;
    t->line = gm_malloc(t->cap);
    if (!t->path || !t->line) {
        gm_tsv_close(t);
        return gm_nomem(err);
    }
    return GM_OK;
}

void gm_tsv_close(gm_tsv *t)
{
    if (t->gz)
        gzclose((gzFile)t->gz);
    gm__free(t->path);
    gm__free(t->line);
    memset(t, 0, sizeof *t);
}

/* Reads one physical line of any length into t->line; returns its length, or -1 at EOF/error. */
static long read_line(gm_tsv *t, gm_error *err)
{
    size_t len = 0;
    for (;;) {
        if (t->cap - len < 2) {
            if (!gm_grow((void **)&t->line, &t->cap, t->cap * 2, 1)) {
                gm_nomem(err);
                return -2;
            }
        }
        if (!gzgets((gzFile)t->gz, t->line + len, (int)(t->cap - len > 1u << 30 ? 1u << 30 : t->cap - len))) {
            int zerr;
            const char *msg = gzerror((gzFile)t->gz, &zerr);
            if (zerr != Z_OK && zerr != Z_BUF_ERROR) {
                gm_fail(err, GM_E_IO, "%s: read error after line %zu: %s", t->path, t->lineno, msg);
                return -2;
            }
            if (len == 0)
                return -1;
            break;
        }
        len += strlen(t->line + len);
        if (len > 0 && t->line[len - 1] == '\n')
            break;
    }
    while (len > 0 && (t->line[len - 1] == '\n' || t->line[len - 1] == '\r'))
        t->line[--len] = 0;
    return (long)len;
}

int gm_tsv_next(gm_tsv *t, gm_error *err)
{
    for (;;) {
        long n = read_line(t, err);
        if (n == -1)
            return 0;
        if (n < -1)
            return -1;
        t->lineno++;
        if (n == 0 || t->line[0] == '#')
            continue;
        t->nfields = 0;
        char *p = t->line;
        for (;;) {
            if (t->nfields < GM_TSV_MAX_FIELDS)
                t->field[t->nfields++] = p;
            char *tab = strchr(p, '\t');
            if (!tab)
                break;
            *tab = 0;
            p = tab + 1;
        }
        return 1;
    }
}

/* ------------------------------------------------------------------ string map */
void gm_strmap_init(gm_strmap *m) { memset(m, 0, sizeof *m); }

void gm_strmap_free(gm_strmap *m)
{
    for (size_t i = 0; i < m->cap; i++)
        gm__free(m->keys[i]);
    gm__free(m->keys);
    gm__free(m->vals);
    gm_strmap_init(m);
}

static size_t strmap_slot(const gm_strmap *m, const char *key)
{
    size_t mask = m->cap - 1;
    size_t i = (size_t)gm_fnv(GM_FNV_INIT, key, strlen(key)) & mask;
    while (m->keys[i] && strcmp(m->keys[i], key) != 0)
        i = (i + 1) & mask;
    return i;
}

static bool strmap_rehash(gm_strmap *m, size_t ncap)
{
    gm_strmap n = {0};
    n.keys = gm_calloc(ncap, sizeof *n.keys);
    n.vals = gm_calloc(ncap, sizeof *n.vals);
    if (!n.keys || !n.vals) {
        gm__free(n.keys);
        gm__free(n.vals);
        return false;
    }
    n.cap = ncap;
    for (size_t i = 0; i < m->cap; i++) {
        if (!m->keys[i])
            continue;
        size_t s = strmap_slot(&n, m->keys[i]);
        n.keys[s] = m->keys[i];
        n.vals[s] = m->vals[i];
        n.count++;
    }
    gm__free(m->keys);
    gm__free(m->vals);
    *m = n;
    return true;
}

bool gm_strmap_put(gm_strmap *m, const char *key, uint32_t val)
{
    if ((m->count + 1) * 2 > m->cap && !strmap_rehash(m, m->cap ? m->cap * 2 : 64))
        return false;
    size_t s = strmap_slot(m, key);
    if (!m->keys[s]) {
        m->keys[s] = gm_strdup(key);
        if (!m->keys[s])
            return false;
        m->count++;
    }
    m->vals[s] = val;
    return true;
}

bool gm_strmap_get(const gm_strmap *m, const char *key, uint32_t *val)
{
    if (!m->cap)
        return false;
    size_t s = strmap_slot(m, key);
    if (!m->keys[s])
        return false;
    *val = m->vals[s];
    return true;
}
