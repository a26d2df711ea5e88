/*
 * record.c - one JSONL input record: {"id", "text", "date", "spans"}.
 *
 * Parsing uses cJSON.  Two details keep what the user wrote intact: a "\u0000" escape in the
 * text would end cJSON's C string early, so it is turned into a space before parsing (same
 * length, so offsets hold), and ids may be strings or numbers.
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

/* Replaces JSON "\u0000" escapes (not "\\u0000") by "\u0020" in place. */
static void defuse_nul_escapes(char *s, size_t n)
{
    for (size_t i = 0; i + 5 < n; i++) {
        if (s[i] != '\\')
            continue;
        if (s[i + 1] == 'u' && memcmp(s + i + 2, "0000", 4) == 0) {
            memcpy(s + i + 2, "0020", 4);
            i += 5;
        } else {
            i++; /* skip the escaped character, so "\\u0000" stays literal */
        }
    }
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
    defuse_nul_escapes(copy, len);
    const char *end = NULL;
    cJSON *root = cJSON_ParseWithLengthOpts(copy, len, &end, 0);
    gm_status st = GM_OK;
    if (!root) {
        size_t at = end && end >= copy ? (size_t)(end - copy) : 0;
        st = gm_fail(err, GM_E_FORMAT, "not valid JSON (near byte %zu)", at);
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
    }
    const cJSON *date = cJSON_GetObjectItemCaseSensitive(root, "date");
    long days;
    if (cJSON_IsString(date) && date->valuestring && gm_date_parse(date->valuestring, strlen(date->valuestring), &days))
        rec->date = gm_strndup(date->valuestring, 10);
    else if (date && !cJSON_IsNull(date))
        rec->date_invalid = 1;
    if (!rec->text || (id && (cJSON_IsString(id) || cJSON_IsNumber(id)) && !rec->id)) {
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
