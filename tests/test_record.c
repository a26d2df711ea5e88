/* JSONL records: what is accepted, what is refused, and with which message. */
#include <stdint.h>
#include <stdlib.h>

#include "check.h"
#include "geomention.h"
#include "internal.h"

static gm_status parse(const char *line, gm_record *r, gm_error *e) { return gm_record_parse(line, strlen(line), r, e); }

static bool same_str(const char *a, const char *b) { return (!a && !b) || (a && b && strcmp(a, b) == 0); }

/* gm_record_parse (a fast path for flat objects, cJSON for the rest) gives what cJSON alone gives:
 * the same status and message, or the same record. */
static int differs(const char *text, size_t len)
{
    char *line = malloc(len ? len : 1); /* exactly len bytes, no NUL: a read past the end shows under ASan */
    if (!line)
        return 1;
    memcpy(line, text, len);
    gm_record a, b;
    gm_error ea, eb;
    memset(&ea, 0, sizeof ea);
    memset(&eb, 0, sizeof eb);
    gm_status sa = gm_record_parse(line, len, &a, &ea), sb = gm_record_parse_json(line, len, &b, &eb);
    bool same = sa == sb;
    if (same && sa != GM_OK)
        same = strcmp(ea.message, eb.message) == 0;
    if (same && sa == GM_OK)
        same = same_str(a.id, b.id) && a.text_len == b.text_len && memcmp(a.text, b.text, a.text_len) == 0 &&
               same_str(a.date, b.date) && a.date_invalid == b.date_invalid && a.id_invalid == b.id_invalid &&
               a.escapes_repaired == b.escapes_repaired && a.has_spans == b.has_spans && a.nspans == b.nspans &&
               (!a.nspans || memcmp(a.spans, b.spans, a.nspans * sizeof *a.spans) == 0);
    if (!same)
        fprintf(stderr, "fast path and cJSON differ on: %.*s\n", (int)len, line);
    if (sa == GM_OK)
        gm_record_clear(&a);
    if (sb == GM_OK)
        gm_record_clear(&b);
    free(line);
    return !same;
}

/* Lines written for the fast path's edges, then many made by splicing pieces of them (keys,
 * values, escapes, whitespace, cuts): each must read the same both ways. */
static void check_fast_path(void)
{
    static const char *const lines[] = {
        "{\"id\": \"d1\", \"text\": \"Kyiv\", \"date\": \"2025-04-25\"}",
        "{\"text\":\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\"}",
        "{\"text\": \"caf\\u00e9 \\u20ac \\u0041 \\u00E9\", \"id\": \"\\u0078\"}",
        "{\"text\": \"\xC3\xA9t\xC3\xA9 \xE2\x80\xA8 raw\"}",
        "{\"text\": \"a\\u0000b\"}",
        "{\"text\": \"a\\ud83d\\ude00b \\ud800\"}",
        "{\"text\": \"tab\there\"}",
        "{\"text\": \"first\", \"text\": \"second\", \"id\": null, \"id\": \"late\"}",
        "{\"id\": 12, \"text\": \"n\"}",
        "{\"id\": true, \"text\": \"b\"}",
        "{\"text\": null}",
        "{\"text\": \"x\", \"date\": null, \"date\": \"2025-01-01\"}",
        "{\"text\": \"x\", \"date\": \"2025-01-01T10:00:00Z\"}",
        "{\"text\": \"x\", \"date\": \"2025-1-1\"}",
        "{\"text\": \"x\", \"date\": \"\\u0032025-01-01\"}",
        "{\"text\": \"x\", \"n\": -0.5e+3, \"m\": 0, \"k\": 12.25, \"t\": true, \"f\": false, \"z\": null}",
        "{\"text\": \"x\", \"n\": 01}",
        "{\"text\": \"x\", \"n\": 1.}",
        "{\"text\": \"x\", \"spans\": [{\"start\": 0, \"end\": 1}]}",
        "{\"text\": \"x\", \"meta\": {\"a\": [1, 2]}}",
        "  {  \"text\"  :  \"spaced\"  ,  \"id\"  :  \"s\"  }  \r\n",
        "{\"te\\u0078t\": \"escaped key\"}",
        "{\"text\": \"x\",}",
        "{\"text\": \"x\"} {}",
        "{\"text\": \"x\" \"id\": \"y\"}",
        "{}",
        "\xEF\xBB\xBF{\"text\": \"bom\"}",
    };
    size_t nl = sizeof lines / sizeof lines[0];
    int bad = 0;
    for (size_t i = 0; i < nl; i++) {
        size_t len = strlen(lines[i]);
        bad += differs(lines[i], len);
        for (size_t cut = 0; cut < len; cut++) /* every prefix */
            bad += differs(lines[i], cut);
    }
    char buf[512];
    uint64_t r = 0x9E3779B97F4A7C15ULL;
    for (int k = 0; k < 20000 && bad < 10; k++) {
        /* the head of one line, the tail of another, and a byte or two changed */
        r ^= r << 13, r ^= r >> 7, r ^= r << 17;
        const char *a = lines[r % nl], *b = lines[(r >> 16) % nl];
        size_t la = strlen(a), lb = strlen(b), ca = (r >> 24) % (la + 1), cb = (r >> 34) % (lb + 1);
        size_t n = 0;
        memcpy(buf + n, a, ca), n += ca;
        memcpy(buf + n, b + cb, lb - cb), n += lb - cb;
        static const char bytes[] = "\"\\{}[],: u0aeftnr\t\x01\x7f\xc3\xa9-.9";
        if (n && (r >> 44) % 2)
            buf[(r >> 45) % n] = bytes[(r >> 52) % (sizeof bytes - 1)];
        bad += differs(buf, n);
    }
    CHECK_INT(bad, 0);
}

int main(void)
{
    gm_record r;
    gm_error e;
    CHECK_INT(parse("{\"id\": \"d1\", \"text\": \"Kyiv\", \"date\": \"2025-04-25\"}", &r, &e), GM_OK);
    CHECK_STR(r.id, "d1");
    CHECK_STR(r.text, "Kyiv");
    CHECK_INT(r.text_len, 4);
    CHECK_STR(r.date, "2025-04-25");
    CHECK(!r.has_spans);
    gm_record_clear(&r);

    /* numeric ids, unknown fields, spans */
    CHECK_INT(parse("{\"id\": 17, \"extra\": [1,2], \"text\": \"a b\", \"spans\": [{\"start\": 0, \"end\": 1}]}", &r, &e),
              GM_OK);
    CHECK_STR(r.id, "17");
    CHECK(r.has_spans);
    CHECK_INT(r.nspans, 1);
    CHECK_INT(r.spans[0].end, 1);
    gm_record_clear(&r);

    /* a date that is not one is dropped with a flag, not a failure */
    CHECK_INT(parse("{\"text\": \"x\", \"date\": \"25/04/2025\"}", &r, &e), GM_OK);
    CHECK(r.date == NULL);
    CHECK(r.date_invalid);
    CHECK(r.id == NULL);
    gm_record_clear(&r);

    /* \u0000 in the text keeps the rest of the text */
    CHECK_INT(parse("{\"text\": \"Kyiv\\u0000Moscow\"}", &r, &e), GM_OK);
    CHECK_INT(r.text_len, 11);
    CHECK_STR(r.text, "Kyiv Moscow");
    gm_record_clear(&r);
    CHECK_INT(parse("{\"text\": \"a\\\\u0000b\"}", &r, &e), GM_OK);
    CHECK_STR(r.text, "a\\u0000b");
    gm_record_clear(&r);

    /* refusals */
    CHECK_INT(parse("{\"id\": \"x\"}", &r, &e), GM_E_FORMAT);
    CHECK(strstr(e.message, "missing \"text\"") != NULL);
    CHECK_INT(parse("{\"text\": 42}", &r, &e), GM_E_FORMAT);
    CHECK(strstr(e.message, "must be a string") != NULL);
    CHECK_INT(parse("[\"text\"]", &r, &e), GM_E_FORMAT);
    CHECK_INT(parse("{\"text\": \"a\"", &r, &e), GM_E_FORMAT);
    CHECK(strstr(e.message, "not valid JSON") != NULL);
    CHECK_INT(parse("{\"text\": \"a\"} trailing", &r, &e), GM_E_FORMAT);
    CHECK_INT(parse("{\"text\": \"a\", \"spans\": [{\"start\": -1, \"end\": 2}]}", &r, &e), GM_E_FORMAT);
    CHECK_INT(parse("{\"text\": \"a\", \"spans\": 3}", &r, &e), GM_E_FORMAT);
    CHECK_INT(parse("", &r, &e), GM_E_FORMAT);
    /* deeply nested JSON is refused, not a crash */
    char deep[20000];
    size_t n = 0;
    n += (size_t)snprintf(deep, sizeof deep, "{\"text\": \"a\", \"x\": ");
    for (int i = 0; i < 5000; i++)
        deep[n++] = '[';
    for (int i = 0; i < 5000; i++)
        deep[n++] = ']';
    deep[n++] = '}';
    deep[n] = 0;
    CHECK_INT(parse(deep, &r, &e), GM_E_FORMAT);
    gm_record_clear(NULL);
    check_fast_path();
    return check_done("test_record");
}
