/*
 * util.c - allocation hooks, error values, the growable buffer and date arithmetic.
 */
#include "internal.h"

#include <math.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "unicode.h"

/* ------------------------------------------------------------------ allocation */
/* Atomic, so that documents processed on several threads at once count without a data race. */
static _Atomic long fail_after = -1; /* allocations left before failing; -1 = never fail */
static _Atomic long alloc_count;

long gm__alloc_fail_after(long n)
{
    long c = atomic_exchange_explicit(&alloc_count, 0, memory_order_relaxed);
    atomic_store_explicit(&fail_after, n, memory_order_relaxed);
    return c;
}

static bool alloc_allowed(void)
{
    atomic_fetch_add_explicit(&alloc_count, 1, memory_order_relaxed);
    long f = atomic_load_explicit(&fail_after, memory_order_relaxed);
    if (f < 0)
        return true;
    if (f == 0)
        return false;
    atomic_fetch_sub_explicit(&fail_after, 1, memory_order_relaxed);
    return true;
}

void *gm_malloc(size_t n)
{
    if (!alloc_allowed())
        return NULL;
    return malloc(n ? n : 1);
}

void *gm_calloc(size_t n, size_t size)
{
    if (!alloc_allowed())
        return NULL;
    return calloc(n ? n : 1, size ? size : 1);
}

void *gm_realloc(void *p, size_t n)
{
    if (!alloc_allowed())
        return NULL;
    return realloc(p, n ? n : 1);
}

void gm__free(void *p) { free(p); }

void gm_free(void *p) { free(p); }

char *gm_strndup(const char *s, size_t n)
{
    char *d = gm_malloc(n + 1);
    if (!d)
        return NULL;
    memcpy(d, s, n);
    d[n] = 0;
    return d;
}

char *gm_strdup(const char *s) { return gm_strndup(s, strlen(s)); }

bool gm_grow(void **arr, size_t *cap, size_t need, size_t elsize)
{
    if (need <= *cap)
        return true;
    size_t nc = *cap ? *cap : 8;
    while (nc < need) {
        if (nc > SIZE_MAX / 2 / elsize)
            return false;
        nc *= 2;
    }
    void *p = gm_realloc(*arr, nc * elsize);
    if (!p)
        return false;
    *arr = p;
    *cap = nc;
    return true;
}

/* ------------------------------------------------------------------ errors */
const char *gm_strerror(gm_status status)
{
    switch (status) {
    case GM_OK: return "success";
    case GM_E_NOMEM: return "out of memory";
    case GM_E_IO: return "input/output error";
    case GM_E_FORMAT: return "malformed input";
    case GM_E_ARG: return "invalid argument";
    case GM_E_NODB: return "gazetteer database not found";
    case GM_E_OUTDATED: return "gazetteer database outdated or damaged";
    case GM_E_DB: return "database error";
    case GM_E_GEOS: return "geometry error";
    case GM_E_LIMIT: return "input exceeds a limit";
    case GM_E_NOTFOUND: return "not found";
    case GM_E_CANCELLED: return "cancelled";
    }
    return "unknown error";
}

const char *gm_version(void) { return GM_VERSION_STRING; }

gm_status gm_fail(gm_error *err, gm_status status, const char *fmt, ...)
{
    if (err) {
        err->status = status;
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err->message, sizeof err->message, fmt, ap);
        va_end(ap);
    }
    return status;
}

gm_status gm_nomem(gm_error *err) { return gm_fail(err, GM_E_NOMEM, "out of memory"); }

/* ------------------------------------------------------------------ buffer */
void gm_buf_init(gm_buf *b) { memset(b, 0, sizeof *b); }

void gm_buf_free(gm_buf *b)
{
    gm__free(b->p);
    gm_buf_init(b);
}

bool gm_buf_reserve(gm_buf *b, size_t extra)
{
    if (b->oom)
        return false;
    if (b->len + extra + 1 <= b->cap)
        return true;
    if (!gm_grow((void **)&b->p, &b->cap, b->len + extra + 1, 1)) {
        b->oom = true;
        return false;
    }
    return true;
}

void gm_buf_adds(gm_buf *b, const char *s) { gm_buf_add(b, s, strlen(s)); }

void gm_buf_printf(gm_buf *b, const char *fmt, ...)
{
    char small[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if ((size_t)n < sizeof small) {
        gm_buf_add(b, small, (size_t)n);
        return;
    }
    if (!gm_buf_reserve(b, (size_t)n))
        return;
    va_start(ap, fmt);
    vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

/* None of the 8 bytes of x needs a second look in a JSON string: no control character, quote,
 * backslash, DEL or non-ASCII byte (the word tests "has a byte below n" and "has a zero byte",
 * the latter on x xor the value sought). */
static inline bool json_plain8(uint64_t x)
{
    const uint64_t ones = 0x0101010101010101ULL, high = 0x8080808080808080ULL;
    uint64_t q = x ^ (ones * '"'), bs = x ^ (ones * '\\'), del = x ^ (ones * 0x7F);
    uint64_t bad = (x & high) | ((x - ones * 0x20) & ~x & high) | ((q - ones) & ~q & high) |
                   ((bs - ones) & ~bs & high) | ((del - ones) & ~del & high);
    return bad == 0;
}

void gm_buf_json_str(gm_buf *b, const char *str, size_t n)
{
    const unsigned char *s = (const unsigned char *)str;
    gm_buf_addc(b, '"');
    size_t i = 0;
    while (i < n) {
        /* a run of plain ASCII goes in one copy (looked at 8 bytes at a time while it lasts) */
        size_t j = i;
        uint64_t x;
        while (j + 8 <= n && (memcpy(&x, s + j, 8), json_plain8(x)))
            j += 8;
        while (j < n && s[j] >= 0x20 && s[j] < 0x7F && s[j] != '"' && s[j] != '\\')
            j++;
        if (j > i) {
            gm_buf_add(b, s + i, j - i);
            i = j;
            continue;
        }
        unsigned char c = s[i];
        if (c >= 0x80) {
            uint32_t cp;
            size_t k = gm_utf8_decode(s + i, n - i, &cp);
            if (cp == 0xFFFD && k == 1)
                gm_buf_add(b, "\xEF\xBF\xBD", 3);
            else if (cp == 0x2028 || cp == 0x2029)
                gm_buf_printf(b, "\\u%04X", (unsigned)cp); /* valid JSON, but breaks JS and lines */
            else
                gm_buf_add(b, s + i, k);
            i += k;
            continue;
        }
        switch (c) {
        case '"': gm_buf_add(b, "\\\"", 2); break;
        case '\\': gm_buf_add(b, "\\\\", 2); break;
        case '\n': gm_buf_add(b, "\\n", 2); break;
        case '\r': gm_buf_add(b, "\\r", 2); break;
        case '\t': gm_buf_add(b, "\\t", 2); break;
        default:
            if (c < 0x20 || c == 0x7F)
                gm_buf_printf(b, "\\u%04x", c);
            else
                gm_buf_addc(b, (char)c);
        }
        i++;
    }
    gm_buf_addc(b, '"');
}

/* The decimal digits of u into d, last digit first; returns how many (at most 20). */
static int digits_reversed(char *d, unsigned long long u)
{
    int n = 0;
    do {
        d[n++] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    return n;
}

static const double P10[] = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};

/* |v| * 10^decimals rounded to an integer, as printf's "%.*f" rounds it: false for the values left
 * to printf.  A value whose scaled magnitude is below 2^52 and not within 0.001 of a rounding tie
 * is rounded here: the error of v * 10^decimals is far below that margin, so the result is printf's
 * (which rounds the exact binary value); ties, huge numbers and NaN are left over. */
static bool scaled_round(double v, int decimals, unsigned long long *units)
{
    if (!(decimals >= 0 && decimals <= 9 && isfinite(v)))
        return false;
    double x = fabs(v) * P10[decimals];
    if (!(x < 4503599627370496.0))
        return false;
    double fl = floor(x), frac = x - fl;
    if (!(fabs(frac - 0.5) > 1e-3))
        return false;
    *units = (unsigned long long)fl + (frac > 0.5);
    return true;
}

/* Writes "%.*f" of v into out (at least 64 bytes) and returns the length, or -1 for the values it
 * leaves to printf (see scaled_round). */
static int fixed(char *out, double v, int decimals)
{
    unsigned long long units;
    if (!scaled_round(v, decimals, &units))
        return -1;
    char digits[32];
    int nd = digits_reversed(digits, units);
    while (nd <= decimals)
        digits[nd++] = '0'; /* at least one digit before the point */
    int n = 0;
    if (signbit(v))
        out[n++] = '-'; /* printf writes "-0.000000" for -0.0000001 too */
    for (int i = nd - 1; i >= 0; i--) {
        out[n++] = digits[i];
        if (i == decimals && decimals > 0)
            out[n++] = '.';
    }
    return n;
}

double gm_round_decimals(double v, int decimals)
{
    if (!isfinite(v))
        return NAN;
    unsigned long long units;
    if (scaled_round(v, decimals, &units)) {
        /* fixed()'s digits; an integer over a power of ten is the double nearest the decimal */
        double r = (double)units / P10[decimals];
        return signbit(v) && r != 0 ? -r : r;
    }
    char tmp[64];
    int n = snprintf(tmp, sizeof tmp, "%.*f", decimals, v);
    return n > 0 && (size_t)n < sizeof tmp ? strtod(tmp, NULL) : NAN; /* the JSON's null */
}

void gm_buf_fixed(gm_buf *b, double v, int decimals)
{
    char tmp[64];
    int n = fixed(tmp, v, decimals);
    if (n > 0)
        gm_buf_add(b, tmp, (size_t)n);
    else
        gm_buf_printf(b, "%.*f", decimals, v);
}

size_t gm_fmt_fixed(char *out, size_t size, double v, int decimals)
{
    char tmp[64];
    int n = fixed(tmp, v, decimals);
    if (n > 0 && (size_t)n < size) {
        memcpy(out, tmp, (size_t)n);
        out[n] = 0;
        return (size_t)n;
    }
    n = size ? snprintf(out, size, "%.*f", decimals, v) : 0;
    return n < 0 ? 0 : (size_t)n < size ? (size_t)n : size - 1;
}

size_t gm_fmt_uint(char *out, unsigned long long v)
{
    char digits[24];
    int nd = digits_reversed(digits, v);
    for (int i = 0; i < nd; i++)
        out[i] = digits[nd - 1 - i];
    return (size_t)nd;
}

void gm_buf_int(gm_buf *b, long long v)
{
    char out[24];
    size_t n = 0;
    if (v < 0)
        out[n++] = '-';
    n += gm_fmt_uint(out + n, v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v);
    gm_buf_add(b, out, n);
}

void gm_buf_json_num(gm_buf *b, double v, int decimals)
{
    if (!isfinite(v)) {
        gm_buf_adds(b, "null");
        return;
    }
    char tmp[64];
    int n = fixed(tmp, v, decimals);
    if (n < 0)
        n = snprintf(tmp, sizeof tmp, "%.*f", decimals, v);
    if (n <= 0 || (size_t)n >= sizeof tmp) {
        gm_buf_adds(b, "null");
        return;
    }
    if (memchr(tmp, '.', (size_t)n)) {
        while (n > 0 && tmp[n - 1] == '0')
            n--;
        if (n > 0 && tmp[n - 1] == '.')
            n--;
    }
    const char *p = tmp;
    if (n == 2 && tmp[0] == '-' && tmp[1] == '0') { /* -0.0000001 rounds to "-0" */
        p = tmp + 1;
        n = 1;
    }
    gm_buf_add(b, p, (size_t)n);
}

const char *gm_buf_cstr(gm_buf *b)
{
    if (!gm_buf_reserve(b, 0))
        return NULL;
    b->p[b->len] = 0;
    return b->p;
}

/* ------------------------------------------------------------------ strings */
bool gm_streq_nocase(const char *a, const char *b)
{
    while (*a && *b) {
        if (gm_ascii_tolower((unsigned char)*a) != gm_ascii_tolower((unsigned char)*b))
            return false;
        a++, b++;
    }
    return *a == *b;
}

/* ------------------------------------------------------------------ dates */
/* Days from civil date (proleptic Gregorian), after H. Hinnant's public-domain algorithm. */
long gm_date_days(long y, unsigned m, unsigned d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    unsigned yoe = (unsigned)(y - era * 400);
    unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (long)doe - 719468;
}

void gm_date_civil(long z, long *y, unsigned *m, unsigned *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    unsigned doe = (unsigned)(z - era * 146097);
    unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long yy = (long)yoe + era * 400;
    unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    unsigned mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp < 10 ? mp + 3 : mp - 9;
    *y = yy + (*m <= 2);
}

bool gm_date_parse(const char *s, size_t n, long *days)
{
    if (n < 10)
        return false;
    for (int i = 0; i < 10; i++) {
        if (i == 4 || i == 7) {
            if (s[i] != '-')
                return false;
        } else if (!gm_ascii_digit((unsigned char)s[i])) {
            return false;
        }
    }
    if (n > 10 && gm_ascii_digit((unsigned char)s[10]))
        return false;
    long y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    unsigned m = (unsigned)((s[5] - '0') * 10 + (s[6] - '0'));
    unsigned d = (unsigned)((s[8] - '0') * 10 + (s[9] - '0'));
    if (m < 1 || m > 12 || d < 1 || d > 31)
        return false;
    long z = gm_date_days(y, m, d);
    long y2;
    unsigned m2, d2;
    gm_date_civil(z, &y2, &m2, &d2);
    if (y2 != y || m2 != m || d2 != d)
        return false; /* 2025-02-30 */
    *days = z;
    return true;
}

void gm_date_format(long days, char out[11])
{
    long y;
    unsigned m, d;
    gm_date_civil(days, &y, &m, &d);
    if (y < 0 || y > 9999) {
        out[0] = 0;
        return;
    }
    snprintf(out, 11, "%04ld-%02u-%02u", y, m % 100, d % 100);
}

int gm_date_weekday(long days)
{
    /* 1970-01-01 was a Thursday (3 with Monday = 0) */
    long w = (days + 3) % 7;
    return (int)(w < 0 ? w + 7 : w);
}
