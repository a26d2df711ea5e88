/*
 * record.c - one JSONL input record: {"id", "text", "date", "spans"}.
 *
 * Parsing uses cJSON.  Some details keep what the user wrote intact: a "\u0000" escape in the
 * text would end cJSON's C string early, so it is turned into a space before parsing, and a lone
 * surrogate escape, which cJSON refuses, into U+FFFD (same length, so offsets hold); ids may be
 * strings or numbers, and an id of another type is reported, not silently replaced.
 *
 * Most lines are a flat object of strings ({"id": "...", "text": "...", "date": "..."}).  Those
 * are read by a fast path (parse_flat) that copies the text once, without building cJSON's tree;
 * anything it is not sure of (a nested value, a numeric id, a control byte, a surrogate or
 * "\u0000" escape, a syntax error) it leaves to cJSON, whose record or message is the answer.
 */
#include <cjson/cJSON.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "internal.h"

void gm_record_clear(gm_record *rec)
{
    if (!rec)
        return;
    gm__free(rec->id);
    gm__free(rec->text);
    gm__free(rec->date);
    gm__free(rec->spans);
    memset(rec, 0, sizeof *rec);
}

static int hexval(char c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* The code unit of the "\uXXXX" escape at s (s[0] == '\\'), or -1. */
static long unit_at(const char *s, size_t avail)
{
    if (avail < 6 || s[0] != '\\' || s[1] != 'u')
        return -1;
    long v = 0;
    for (int i = 2; i < 6; i++) {
        int h = hexval(s[i]);
        if (h < 0)
            return -1;
        v = v * 16 + h;
    }
    return v;
}

/*
 * Rewrites, in place and at the same length (so offsets hold), the escapes cJSON would stop at or
 * cut the text short with: "\u0000" becomes "\u0020", and a lone UTF-16 surrogate ("\ud800" without
 * its pair, as JavaScript scrapers write when they cut an emoji in two) becomes "\ufffd".  Escaped
 * backslashes ("\\u0000") stay literal.  Returns the number of lone surrogates replaced.
 */
static size_t defuse_escapes(char *s, size_t n)
{
    size_t repaired = 0;
    for (size_t i = 0; i + 1 < n; i++) {
        if (s[i] != '\\')
            continue;
        long u = unit_at(s + i, n - i);
        if (u < 0) {
            i++; /* skip the escaped character, so "\\u0000" stays literal */
            continue;
        }
        if (u == 0) {
            memcpy(s + i + 2, "0020", 4);
        } else if (u >= 0xD800 && u <= 0xDBFF) {
            long lo = unit_at(s + i + 6, n - i - 6);
            if (lo >= 0xDC00 && lo <= 0xDFFF) {
                i += 6; /* a proper pair: skip its high half here, its low half below */
            } else {
                memcpy(s + i + 2, "fffd", 4);
                repaired++;
            }
        } else if (u >= 0xDC00 && u <= 0xDFFF) {
            memcpy(s + i + 2, "fffd", 4);
            repaired++;
        }
        i += 5;
    }
    return repaired;
}

/* How deep the brackets are open at byte `at` (strings skipped): tells a nesting limit from a typo. */
static size_t depth_at(const char *s, size_t at)
{
    size_t depth = 0;
    bool str = false;
    for (size_t i = 0; i < at; i++) {
        char c = s[i];
        if (str) {
            if (c == '\\')
                i++;
            else if (c == '"')
                str = false;
        } else if (c == '"') {
            str = true;
        } else if (c == '[' || c == '{') {
            depth++;
        } else if ((c == ']' || c == '}') && depth) {
            depth--;
        }
    }
    return depth;
}

gm_status gm_json_fail(gm_error *err, const char *json, size_t len, const char *end)
{
    size_t at = end && end >= json && end <= json + len ? (size_t)(end - json) : 0;
    if (depth_at(json, at) >= CJSON_NESTING_LIMIT)
        return gm_fail(err, GM_E_FORMAT, "JSON nested deeper than %d levels (at byte %zu)", CJSON_NESTING_LIMIT, at);
    return gm_fail(err, GM_E_FORMAT, "not valid JSON (near byte %zu)", at);
}

static bool json_count(const cJSON *v, size_t *out)
{
    if (!cJSON_IsNumber(v))
        return false;
    double d = v->valuedouble;
    if (!isfinite(d) || d < 0 || d > 4e9 || d != floor(d))
        return false;
    *out = (size_t)d;
    return true;
}

/* ------------------------------------------------------------------ the fast path */

typedef struct flat {
    const char *p, *end;
} flat;

static void flat_ws(flat *f)
{
    while (f->p < f->end && (*f->p == ' ' || *f->p == '\t' || *f->p == '\r' || *f->p == '\n'))
        f->p++;
}

/* None of the 8 bytes of x ends or escapes a JSON string or is a control byte (bytes from 0x80 on
 * are text like any other). */
static inline bool str_plain8(uint64_t x)
{
    const uint64_t ones = 0x0101010101010101ULL, high = 0x8080808080808080ULL;
    uint64_t q = x ^ (ones * '"'), bs = x ^ (ones * '\\');
    return ((((x - ones * 0x20) & ~x) | ((q - ones) & ~q) | ((bs - ones) & ~bs)) & high) == 0;
}

/* The string at f->p (a '"'): its body [*a, *b), f->p past its closing quote, and whether it has
 * escapes.  False, to leave the line to cJSON, on a control byte, an escape cJSON reads another
 * way or not at all ("\u0000", surrogates, "\x"), or no closing quote. */
static bool flat_string(flat *f, const char **a, const char **b, bool *escaped)
{
    const char *p = f->p + 1, *end = f->end;
    *a = p;
    *escaped = false;
    for (;;) {
        uint64_t x;
        while (end - p >= 8 && (memcpy(&x, p, 8), str_plain8(x)))
            p += 8;
        if (p >= end)
            return false;
        unsigned char c = (unsigned char)*p;
        if (c == '"')
            break;
        if (c < 0x20)
            return false;
        if (c == '\\') {
            if (end - p < 2)
                return false;
            char e = p[1];
            if (e == 'u') {
                long u = unit_at(p, (size_t)(end - p));
                if (u <= 0 || (u >= 0xD800 && u <= 0xDFFF))
                    return false;
                p += 6;
            } else if (e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' || e == 'n' || e == 'r' || e == 't') {
                p += 2;
            } else {
                return false;
            }
            *escaped = true;
            continue;
        }
        p++;
    }
    *b = p;
    f->p = p + 1;
    return true;
}

/* A copy of a string body [a, b) with its escapes read (flat_string has vetted them). */
static char *flat_unescape(const char *a, const char *b, bool escaped, size_t *len)
{
    char *out = gm_malloc((size_t)(b - a) + 1), *o = out;
    if (!out)
        return NULL;
    if (!escaped) {
        memcpy(out, a, (size_t)(b - a));
        o += b - a;
    } else {
        while (a < b) {
            const char *bs = memchr(a, '\\', (size_t)(b - a));
            size_t run = (size_t)((bs ? bs : b) - a);
            memcpy(o, a, run);
            o += run;
            a += run;
            if (!bs)
                break;
            char e = a[1];
            if (e == 'u') {
                unsigned long u = (unsigned long)unit_at(a, (size_t)(b - a));
                if (u < 0x80) {
                    *o++ = (char)u;
                } else if (u < 0x800) {
                    *o++ = (char)(0xC0 | (u >> 6));
                    *o++ = (char)(0x80 | (u & 0x3F));
                } else {
                    *o++ = (char)(0xE0 | (u >> 12));
                    *o++ = (char)(0x80 | ((u >> 6) & 0x3F));
                    *o++ = (char)(0x80 | (u & 0x3F));
                }
                a += 6;
            } else {
                *o++ = e == 'b' ? '\b' : e == 'f' ? '\f' : e == 'n' ? '\n' : e == 'r' ? '\r' : e == 't' ? '\t' : e;
                a += 2;
            }
        }
    }
    *o = 0;
    if (len)
        *len = (size_t)(o - out);
    return out;
}

/* A number as JSON writes one: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? */
static bool flat_number(flat *f)
{
    const char *p = f->p, *end = f->end;
    if (p < end && *p == '-')
        p++;
    if (p >= end || *p < '0' || *p > '9')
        return false;
    if (*p == '0')
        p++;
    else
        while (p < end && *p >= '0' && *p <= '9')
            p++;
    if (p < end && *p == '.') {
        p++;
        if (p >= end || *p < '0' || *p > '9')
            return false;
        while (p < end && *p >= '0' && *p <= '9')
            p++;
    }
    if (p < end && (*p == 'e' || *p == 'E')) {
        p++;
        if (p < end && (*p == '+' || *p == '-'))
            p++;
        if (p >= end || *p < '0' || *p > '9')
            return false;
        while (p < end && *p >= '0' && *p <= '9')
            p++;
    }
    f->p = p;
    return true;
}

static bool flat_word(flat *f, const char *w, size_t n)
{
    if ((size_t)(f->end - f->p) < n || memcmp(f->p, w, n) != 0)
        return false;
    f->p += n;
    return true;
}

static bool key_is(const char *a, const char *b, const char *name)
{
    size_t n = strlen(name);
    return (size_t)(b - a) == n && memcmp(a, name, n) == 0;
}

/* 1: the line was a flat object and *rec holds it; 0: left to cJSON (*rec untouched); -1: out of
 * memory. */
static int parse_flat(const char *line, size_t len, gm_record *rec)
{
    flat f = {line, line + len};
    /* the first "text", "id" and "date" (cJSON's lookup finds the first of equal keys) */
    const char *text[2] = {NULL, NULL}, *id[2] = {NULL, NULL}, *date[2] = {NULL, NULL};
    bool text_esc = false, id_esc = false, date_esc = false, id_seen = false, date_seen = false;
    flat_ws(&f);
    if (f.p >= f.end || *f.p != '{')
        return 0;
    f.p++;
    for (;;) {
        flat_ws(&f);
        const char *ka, *kb;
        bool kesc;
        if (f.p >= f.end || *f.p != '"' || !flat_string(&f, &ka, &kb, &kesc) || kesc)
            return 0;
        flat_ws(&f);
        if (f.p >= f.end || *f.p != ':')
            return 0;
        f.p++;
        flat_ws(&f);
        if (f.p >= f.end)
            return 0;
        bool is_text = key_is(ka, kb, "text"), is_id = key_is(ka, kb, "id"), is_date = key_is(ka, kb, "date");
        if (key_is(ka, kb, "spans"))
            return 0;
        char c = *f.p;
        if (c == '"') {
            const char *va, *vb;
            bool vesc;
            if (!flat_string(&f, &va, &vb, &vesc))
                return 0;
            if (is_text && !text[0]) {
                text[0] = va, text[1] = vb, text_esc = vesc;
            } else if (is_id && !id_seen) {
                id[0] = va, id[1] = vb, id_esc = vesc, id_seen = true;
            } else if (is_date && !date_seen) {
                date[0] = va, date[1] = vb, date_esc = vesc, date_seen = true;
            }
        } else if (c == 'n' && flat_word(&f, "null", 4)) {
            if (is_text && !text[0])
                return 0; /* an error, which cJSON's path words */
            id_seen |= is_id; /* a null id or date is as good as none */
            date_seen |= is_date;
        } else if (is_text || is_id || is_date) {
            return 0; /* a number, a boolean, an array or an object where cJSON has a rule */
        } else if (c == '-' || (c >= '0' && c <= '9')) {
            if (!flat_number(&f))
                return 0;
        } else if (!flat_word(&f, "true", 4) && !flat_word(&f, "false", 5)) {
            return 0; /* arrays and objects, or not JSON */
        }
        flat_ws(&f);
        if (f.p < f.end && *f.p == ',') {
            f.p++;
            continue;
        }
        if (f.p < f.end && *f.p == '}') {
            f.p++;
            break;
        }
        return 0;
    }
    flat_ws(&f);
    if (f.p != f.end || !text[0])
        return 0;
    memset(rec, 0, sizeof *rec);
    rec->text = flat_unescape(text[0], text[1], text_esc, &rec->text_len);
    if (!rec->text)
        return -1;
    if (id[0] && !(rec->id = flat_unescape(id[0], id[1], id_esc, NULL)))
        goto oom;
    if (date[0]) {
        size_t n;
        char *d = flat_unescape(date[0], date[1], date_esc, &n);
        long days;
        if (!d)
            goto oom;
        if (gm_date_parse(d, n, &days)) {
            if (n > 10)
                d[10] = 0; /* as the cJSON path keeps it: its first 10 bytes */
            rec->date = d;
        } else {
            gm__free(d);
            rec->date_invalid = 1;
        }
    }
    return 1;
oom:
    gm_record_clear(rec);
    return -1;
}

gm_status gm_record_parse(const char *line, size_t len, gm_record *rec, gm_error *err)
{
    memset(rec, 0, sizeof *rec);
    int fast = parse_flat(line, len, rec);
    if (fast)
        return fast > 0 ? GM_OK : gm_nomem(err);
    return gm_record_parse_json(line, len, rec, err);
}

gm_status gm_record_parse_json(const char *line, size_t len, gm_record *rec, gm_error *err)
{
    memset(rec, 0, sizeof *rec);
    char *copy = gm_strndup(line, len);
    if (!copy)
        return gm_nomem(err);
    size_t repaired = defuse_escapes(copy, len);
    const char *end = NULL;
    cJSON *root = cJSON_ParseWithLengthOpts(copy, len, &end, 0);
    gm_status st = GM_OK;
    if (!root) {
        st = gm_json_fail(err, copy, len, end);
        goto done;
    }
    if (end) {
        while ((size_t)(end - copy) < len && (*end == ' ' || *end == '\t' || *end == '\r' || *end == '\n'))
            end++;
        if ((size_t)(end - copy) < len) {
            st = gm_fail(err, GM_E_FORMAT, "unexpected text after the JSON object (byte %zu)", (size_t)(end - copy));
            goto done;
        }
    }
    if (!cJSON_IsObject(root)) {
        st = gm_fail(err, GM_E_FORMAT, "expected a JSON object with a \"text\" field");
        goto done;
    }
    const cJSON *text = cJSON_GetObjectItemCaseSensitive(root, "text");
    if (!cJSON_IsString(text) || !text->valuestring) {
        st = gm_fail(err, GM_E_FORMAT, text ? "\"text\" must be a string" : "missing \"text\"");
        goto done;
    }
    rec->escapes_repaired = repaired;
    rec->text_len = strlen(text->valuestring);
    rec->text = gm_strndup(text->valuestring, rec->text_len);
    const cJSON *id = cJSON_GetObjectItemCaseSensitive(root, "id");
    if (cJSON_IsString(id) && id->valuestring) {
        rec->id = gm_strdup(id->valuestring);
    } else if (cJSON_IsNumber(id) && isfinite(id->valuedouble)) {
        char tmp[64];
        if (id->valuedouble == floor(id->valuedouble) && fabs(id->valuedouble) < 9e15)
            snprintf(tmp, sizeof tmp, "%.0f", id->valuedouble);
        else
            snprintf(tmp, sizeof tmp, "%.17g", id->valuedouble);
        rec->id = gm_strdup(tmp);
    } else if (id && !cJSON_IsNull(id)) {
        rec->id_invalid = 1;
    }
    const cJSON *date = cJSON_GetObjectItemCaseSensitive(root, "date");
    long days;
    if (cJSON_IsString(date) && date->valuestring && gm_date_parse(date->valuestring, strlen(date->valuestring), &days))
        rec->date = gm_strndup(date->valuestring, 10);
    else if (date && !cJSON_IsNull(date))
        rec->date_invalid = 1;
    if (!rec->text || (id && !rec->id_invalid && (cJSON_IsString(id) || cJSON_IsNumber(id)) && !rec->id)) {
        st = gm_nomem(err);
        goto done;
    }
    const cJSON *spans = cJSON_GetObjectItemCaseSensitive(root, "spans");
    if (spans) {
        if (!cJSON_IsArray(spans)) {
            st = gm_fail(err, GM_E_FORMAT, "\"spans\" must be an array of {\"start\", \"end\"} objects");
            goto done;
        }
        int n = cJSON_GetArraySize(spans);
        rec->has_spans = 1;
        rec->spans = gm_calloc((size_t)(n > 0 ? n : 1), sizeof *rec->spans);
        if (!rec->spans) {
            st = gm_nomem(err);
            goto done;
        }
        const cJSON *sp;
        size_t k = 0;
        cJSON_ArrayForEach(sp, spans)
        {
            size_t a, b;
            if (!cJSON_IsObject(sp) || !json_count(cJSON_GetObjectItemCaseSensitive(sp, "start"), &a) ||
                !json_count(cJSON_GetObjectItemCaseSensitive(sp, "end"), &b)) {
                st = gm_fail(err, GM_E_FORMAT, "span %zu: \"start\" and \"end\" must be non-negative integers", k);
                goto done;
            }
            rec->spans[k].start = a;
            rec->spans[k].end = b;
            k++;
        }
        rec->nspans = k;
    }
done:
    cJSON_Delete(root);
    gm__free(copy);
    if (st)
        gm_record_clear(rec);
    return st;
}
