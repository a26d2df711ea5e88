/*
 * Fuzz target: `extract` end to end on the hand-written test gazetteer: recognition, resolution,
 * incidents, and every feature written as GeoJSON and CSV (fuzz_features.h).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "fixture.h"
#include "fuzz_features.h"
#include "geomention.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static gm_gazetteer *gaz;

static void close_fixture(void) { fixture_close(gaz); }

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    gaz = fixture_open();
    atexit(close_fixture);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    gm_options opt;
    gm_options_init(&opt);
    opt.date = size & 1 ? "2025-04-25" : NULL;
    opt.demonyms = (size & 2) == 0;
    gm_doc *d = NULL;
    gm_error err;
    if (gm_extract(gaz, (const char *)data, size, &opt, &d, &err) != GM_OK)
        return 0;
    size_t tlen;
    gm_doc_text(d, &tlen);
    write_every_feature(d);
    for (size_t i = 0; i < gm_doc_incident_count(d); i++) {
        const gm_incident *n = gm_doc_incident(d, i);
        if (n->start > n->end || n->end > tlen || (n->killed < 0 && n->killed != GM_COUNT_NONE))
            __builtin_trap();
    }
    gm_doc_free(d);
    return 0;
}
