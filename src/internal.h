/*
 * internal.h - helpers shared by the library's modules: allocation, errors, growable buffers.
 *
 * All allocation goes through gm_malloc/gm_calloc/gm_realloc/gm__free so that a test can make the
 * N-th allocation fail (gm__alloc_fail_after) and check that every error path unwinds without
 * leaking.  Nothing here is exported.
 */
#ifndef GM_INTERNAL_H
#define GM_INTERNAL_H

#include "geomention.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#if defined(__GNUC__)
#define GM_PRINTF(a, b) __attribute__((format(printf, a, b)))
#define GM_UNUSED __attribute__((unused))
#else
#define GM_PRINTF(a, b)
#define GM_UNUSED
#endif

#define GM_ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* ------------------------------------------------------------------ allocation */
void *gm_malloc(size_t n);
void *gm_calloc(size_t n, size_t size);
void *gm_realloc(void *p, size_t n);
void gm__free(void *p);
char *gm_strdup(const char *s);
char *gm_strndup(const char *s, size_t n);

/*
 * Test hook: after n more successful allocations, every allocation fails (n < 0: never).
 * Returns the number of allocations made since the last call.  Not thread-safe; tests only.
 */
GM_API long gm__alloc_fail_after(long n);

/* Grows an array of elements of size elsize so that it holds at least need elements. */
bool gm_grow(void **arr, size_t *cap, size_t need, size_t elsize);

/* ------------------------------------------------------------------ errors */
/* Sets err (may be NULL) and returns status, so callers can write `return gm_fail(...)`. */
gm_status gm_fail(gm_error *err, gm_status status, const char *fmt, ...) GM_PRINTF(3, 4);
gm_status gm_nomem(gm_error *err);
/* GM_E_FORMAT for JSON cJSON could not parse (`end`: where it stopped, from cJSON_ParseWithLengthOpts):
 * "not valid JSON (near byte N)", or "JSON nested deeper than 1000 levels". */
gm_status gm_json_fail(gm_error *err, const char *json, size_t len, const char *end);
/* gm_record_parse through cJSON alone, without the fast path for flat objects (tests compare the
 * two). */
gm_status gm_record_parse_json(const char *line, size_t len, gm_record *rec, gm_error *err);

/* ------------------------------------------------------------------ growable byte buffer */
/*
 * Appends never report failure one by one: the first failed allocation sets oom and later appends
 * do nothing, so a writer checks once at the end (the sds/jq style without the abort).
 */
typedef struct gm_buf {
    char *p;
    size_t len, cap;
    bool oom;
} gm_buf;

void gm_buf_init(gm_buf *b);
void gm_buf_free(gm_buf *b);
bool gm_buf_reserve(gm_buf *b, size_t extra);
/* (appends are inline: the writers call them for every few bytes) */
static inline void gm_buf_add(gm_buf *b, const void *s, size_t n)
{
    if ((b->len + n + 1 > b->cap || b->oom) && !gm_buf_reserve(b, n))
        return;
    if (n)
        memcpy(b->p + b->len, s, n);
    b->len += n;
}
static inline void gm_buf_addc(gm_buf *b, char c)
{
    if ((b->len + 2 > b->cap || b->oom) && !gm_buf_reserve(b, 1))
        return;
    b->p[b->len++] = c;
}
void gm_buf_adds(gm_buf *b, const char *s);
void gm_buf_printf(gm_buf *b, const char *fmt, ...) GM_PRINTF(2, 3);
/* JSON string literal with quotes; invalid UTF-8 becomes U+FFFD, control characters escaped. */
void gm_buf_json_str(gm_buf *b, const char *s, size_t n);
/* A finite number with up to `decimals` decimals, trailing zeros trimmed; NaN/inf become null. */
void gm_buf_json_num(gm_buf *b, double v, int decimals);
/* Exactly what printf's "%.*f" writes (decimals 0..9), without printf's cost for ordinary values. */
void gm_buf_fixed(gm_buf *b, double v, int decimals);
/* The same into out (size bytes, NUL-terminated, cut to fit); returns the length written. */
size_t gm_fmt_fixed(char *out, size_t size, double v, int decimals);
/* The number gm_buf_json_num writes for v with that many decimals, as a double (the value a reader
 * of the JSON gets): what a database column stores, so it shows what the GeoJSON shows.  NaN where
 * the JSON has null (NaN, infinities, numbers too long to write), which SQLite stores as NULL. */
double gm_round_decimals(double v, int decimals);
/* printf's "%lld". */
void gm_buf_int(gm_buf *b, long long v);
/* printf's "%llu" into out (room for 20 bytes, no NUL written); returns the length. */
size_t gm_fmt_uint(char *out, unsigned long long v);
/* NUL-terminates (without counting the NUL in len); returns p or NULL after oom. */
const char *gm_buf_cstr(gm_buf *b);

/* ------------------------------------------------------------------ small string helpers */
bool gm_streq_nocase(const char *a, const char *b);
/* 64-bit FNV-1a, incremental: start with GM_FNV_INIT. */
#define GM_FNV_INIT 0xcbf29ce484222325ULL
static inline uint64_t gm_fnv(uint64_t h, const void *p, size_t n)
{
    const unsigned char *s = (const unsigned char *)p;
    for (size_t i = 0; i < n; i++) {
        h ^= s[i];
        h *= 0x100000001b3ULL;
    }
    return h;
}

/* Days since 1970-01-01 of a civil date, and back (proleptic Gregorian). */
long gm_date_days(long y, unsigned m, unsigned d);
void gm_date_civil(long days, long *y, unsigned *m, unsigned *d);
/* Parses "YYYY-MM-DD"; returns days since 1970-01-01 in *days, or false. */
bool gm_date_parse(const char *s, size_t n, long *days);
/* Formats days since 1970-01-01 as "YYYY-MM-DD" into out[11]. */
void gm_date_format(long days, char out[11]);
/* Day of week of days since 1970-01-01: 0 = Monday ... 6 = Sunday. */
int gm_date_weekday(long days);

#endif
