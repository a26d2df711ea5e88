/* JSONL records: what is accepted, what is refused, and with which message. */
#include "check.h"
#include "geomention.h"

static gm_status parse(const char *line, gm_record *r, gm_error *e) { return gm_record_parse(line, strlen(line), r, e); }

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
    return check_done("test_record");
}
