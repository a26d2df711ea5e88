/*
 * Fuzz target: the gazetteer loader.  The input is a name index image (the ".idx" file that
 * `gazetteer build` writes next to the database); the target attaches it as gm_gazetteer_open does
 * and, when it is accepted, runs extract and lookup on a text full of names, so any reference the
 * loader lets through unchecked shows up as a read outside the image.  The build id is taken from
 * the input itself (the database side of that check is tested in test_gazetteer).
 *
 * The seed is the index of the hand-written test gazetteer, built afresh at start-up; the replay
 * build also checks that this real index is accepted and finds its names.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "fuzz_features.h"
#include "gazetteer.h"
#include "geomention.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char TEXT[] =
    "KYIV, Ukraine - A drone attack on Pavlohrad in the Dnipropetrovsk region killed three people and "
    "injured 10 others overnight, officials said. Russian forces also shelled Kramatorsk and Zaporizhzhia; "
    "in Springfield, Illinois, and Paris, Texas, nobody noticed. Saint Petersburg, Balashikha, Moscow "
    "region, New York City, York, Zurich, France, Georgia and the United Kingdom were quiet.";

static size_t run(const uint8_t *data, size_t size)
{
    uint64_t *image = malloc(size / 8 + 1 ? (size / 8 + 1) * 8 : 8); /* 8-byte aligned copy */
    if (!image)
        return 0;
    memcpy(image, data, size);
    uint64_t build_id = 0;
    if (size >= offsetof(gm_idx_header, build_id) + sizeof build_id)
        memcpy(&build_id, data + offsetof(gm_idx_header, build_id), sizeof build_id);
    gm_gazetteer g;
    memset(&g, 0, sizeof g);
    g.path = "fuzz.sqlite";
    g.idx_path = "fuzz.sqlite.idx";
    gm_error err;
    size_t found = 0;
    if (gm_gz_attach(&g, image, size, build_id, &err) != GM_OK) {
        if (!memchr(err.message, 0, sizeof err.message) || !strstr(err.message, "fuzz.sqlite.idx"))
            __builtin_trap(); /* the message names the file */
        free(image);
        return 0;
    }
    gm_gazetteer_stats st;
    gm_gazetteer_get_stats(&g, &st);
    gm_options opt;
    gm_options_init(&opt);
    opt.date = "2025-04-25";
    gm_doc *d = NULL;
    if (gm_extract(&g, TEXT, sizeof TEXT - 1, &opt, &d, &err) == GM_OK) {
        write_every_feature(d);
        found = gm_doc_feature_count(d, GM_LAYER_MENTIONS);
        gm_doc_free(d);
    }
    static const char *names[] = {"Pavlohrad", "Springfield", "Paris", "Ukraine", "Russian", "St Petersburg"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        gm_candidate *c = NULL;
        size_t n = 0;
        if (gm_lookup(&g, names[i], strlen(names[i]), 5, &c, &n, &err) == GM_OK) {
            for (size_t k = 0; k < n; k++)
                if (!c[k].place.name || !memchr(c[k].reasons, 0, sizeof c[k].reasons))
                    __builtin_trap();
            gm_candidates_free(c);
        }
    }
    free(image);
    return found;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    /* The real index of the test gazetteer must be accepted and find the text's places. */
    gm_gazetteer *g = fixture_open();
    char path[400];
    snprintf(path, sizeof path, "%s.idx", fixture_db);
    FILE *f = fopen(path, "rb");
    uint8_t *buf = NULL;
    long n = -1;
    if (f && fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) > 0 && fseek(f, 0, SEEK_SET) == 0 &&
        (buf = malloc((size_t)n)) && fread(buf, 1, (size_t)n, f) == (size_t)n) {
        size_t found = run(buf, (size_t)n);
        if (found < 10) {
            fprintf(stderr, "fuzz_gazetteer: the test gazetteer's own index found %zu places, expected at least 10\n", found);
            exit(1);
        }
    } else {
        fprintf(stderr, "fuzz_gazetteer: cannot read %s\n", path);
        exit(1);
    }
    free(buf);
    if (f)
        fclose(f);
    fixture_close(g);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    run(data, size);
    return 0;
}
