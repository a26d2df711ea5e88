/*
 * record.c - one JSONL input record: {"id", "text", "date", "spans"}.
 *
 * Parsing uses cJSON.  Some details keep what the user wrote intact: a "\u0000" escape in the
 * text would end cJSON's C string early, so it is turned into a space before parsing, and a lone
 * surrogate escape, which cJSON refuses, into U+FFFD (same length, so offsets hold); ids may be
 * strings or numbers, and an id of another type is reported, not silently replaced.
 */
#include <cjson/cJSON.h>
#include <math.h>
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

gm_status gm_record_parse(const char *line, size_t len, gm_record *rec, gm_error *err)
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
