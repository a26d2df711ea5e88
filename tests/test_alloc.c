/*
 * Every allocation of a document's processing fails in turn: each call must return GM_E_NOMEM
 * (or succeed) without crashing, and nothing may leak (run under ASan/LeakSanitizer or valgrind).
 */
#include "check.h"
#include "fixture.h"

long gm__alloc_fail_after(long n);

int main(void)
{
    gm_gazetteer *g = fixture_open();
    const char *text = "KYIV, Ukraine - A drone attack on Pavlohrad killed three people and injured 10 others. "
                       "Vladimir Putin was in Moscow. Russian troops shelled Donetsk, where two civilians died.";
    gm_options opt;
    gm_options_init(&opt);
    opt.date = "2025-04-25";
    /* count the allocations of one successful run */
    gm__alloc_fail_after(-1);
    gm_doc *d = NULL;
    gm_error err;
    CHECK_INT(gm_extract(g, text, strlen(text), &opt, &d, &err), GM_OK);
    long total = gm__alloc_fail_after(-1);
    CHECK(total > 5);
    size_t want = gm_doc_incident_count(d);
    gm_doc_free(d);
    int nomem = 0;
    for (long n = 0; n <= total; n++) {
        gm__alloc_fail_after(n);
        d = NULL;
        gm_status st = gm_extract(g, text, strlen(text), &opt, &d, &err);
        gm__alloc_fail_after(-1);
        CHECK(st == GM_OK || st == GM_E_NOMEM);
        if (st == GM_E_NOMEM) {
            CHECK(d == NULL);
            CHECK(strstr(err.message, "memory") != NULL);
            nomem++;
        } else {
            CHECK_INT(gm_doc_incident_count(d), want);
        }
        gm_doc_free(d);
    }
    CHECK(nomem > 0);
    /* the same for resolving given spans and for lookups */
    gm_span spans[] = {{0, 4}, {35, 44}};
    for (long n = 0; n < 40; n++) {
        gm__alloc_fail_after(n);
        d = NULL;
        gm_status st = gm_resolve_spans(g, text, strlen(text), spans, 2, &opt, &d, &err);
        gm__alloc_fail_after(-1);
        CHECK(st == GM_OK || st == GM_E_NOMEM);
        gm_doc_free(d);
        gm_candidate *c = NULL;
        size_t nc = 0;
        gm__alloc_fail_after(n);
        st = gm_lookup(g, "Paris", 5, 0, &c, &nc, &err);
        gm__alloc_fail_after(-1);
        CHECK(st == GM_OK || st == GM_E_NOMEM);
        gm_candidates_free(c);
    }
    fixture_close(g);
    return check_done("test_alloc");
}
