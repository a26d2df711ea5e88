/* Counts written in words and digits. */
#include <stdlib.h>

#include "check.h"
#include "numbers.h"

static gm_text t;

/* Parses the count at the first token of s. */
static gm_count parse(const char *s, bool article, bool *ok)
{
    gm_text_free(&t);
    if (!gm_text_tokenize(&t, s, strlen(s)))
        exit(1);
    gm_count c;
    *ok = gm_parse_count(&t, 0, article, &c);
    return c;
}

int main(void)
{
    bool ok;
    gm_count c;
    c = parse("three people", false, &ok);
    CHECK(ok);
    CHECK_INT(c.value, 3);
    CHECK_INT(c.tok_end, 1);
    c = parse("twenty-five civilians", false, &ok);
    CHECK(ok);
    CHECK_INT(c.value, 25);
    CHECK_INT(c.tok_end, 3);
    c = parse("one hundred and twenty wounded", false, &ok);
    CHECK(ok);
    CHECK_INT(c.value, 120);
    c = parse("two thousand", false, &ok);
    CHECK_INT(c.value, 2000);
    c = parse("1,200 people", false, &ok);
    CHECK(ok);
    CHECK_INT(c.value, 1200);
    c = parse("a dozen soldiers", false, &ok);
    CHECK(ok);
    CHECK_INT(c.value, 12);
    c = parse("a half-dozen people", false, &ok);
    CHECK(ok);
    CHECK_INT(c.value, 6);
    CHECK_INT((long)c.tok_end, 4);
    c = parse("half a dozen people", false, &ok);
    CHECK(ok);
    CHECK_INT(c.value, 6);
    c = parse("a half dozen people", false, &ok);
    CHECK(ok);
    CHECK_INT(c.value, 6);
    c = parse("at least 12 people", false, &ok);
    CHECK(ok);
    CHECK_INT(c.value, 12);
    CHECK_INT(c.low, 12);
    CHECK_INT(c.high, -1);
    CHECK_STR(c.qualifier, "at least");
    c = parse("more than 20", false, &ok);
    CHECK_STR(c.qualifier, "more than");
    CHECK_INT(c.value, 20);
    c = parse("12 to 15 people", false, &ok);
    CHECK(ok);
    CHECK_INT(c.low, 12);
    CHECK_INT(c.high, 15);
    CHECK_INT(c.tok_end, 3);
    c = parse("between 5 and 7", false, &ok);
    CHECK_INT(c.low, 5);
    CHECK_INT(c.high, 7);
    c = parse("up to 40", false, &ok);
    CHECK_STR(c.qualifier, "up to");
    CHECK_INT(c.high, 40);
    CHECK_INT(c.low, -1);
    c = parse("dozens of people", false, &ok);
    CHECK(ok);
    CHECK(c.vague);
    CHECK_INT(c.value, -1);
    c = parse("hundreds", false, &ok);
    CHECK(c.vague);
    c = parse("a woman", true, &ok);
    CHECK(ok);
    CHECK_INT(c.value, 1);
    CHECK(c.article);
    c = parse("a woman", false, &ok);
    CHECK(!ok);
    c = parse("killed 99999999999999999999", false, &ok);
    CHECK(!ok);
    c = parse("99999999999999999999 people", false, &ok);
    CHECK(ok);
    CHECK(c.overflow);
    c = parse("3.5", false, &ok);
    CHECK(!ok);
    c = parse("people", false, &ok);
    CHECK(!ok);
    CHECK_INT(gm_number_word("seven", 5), 7);
    CHECK_INT(gm_number_word("seventy", 7), 70);
    CHECK_INT(gm_number_word("sevens", 6), -1);
    gm_text_free(&t);
    return check_done("test_numbers");
}
