/*
 * fixture.h - builds the hand-written test gazetteer (tests/fixtures/gazetteer) into a fresh
 * temporary directory and opens it; everything is removed again by fixture_close().
 */
#ifndef GM_FIXTURE_H
#define GM_FIXTURE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "geomention.h"

static char fixture_dir[256];
static char fixture_db[320];

static gm_gazetteer *fixture_open(void)
{
    const char *tmp = getenv("TMPDIR");
    snprintf(fixture_dir, sizeof fixture_dir, "%s/gm-test-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(fixture_dir)) {
        perror("mkdtemp");
        exit(99);
    }
    snprintf(fixture_db, sizeof fixture_db, "%s/gaz.sqlite", fixture_dir);
    gm_build_options bo = {GM_TEST_FIXTURE_DIR, fixture_db, NULL, NULL};
    gm_error err;
    if (gm_gazetteer_build(&bo, &err) != GM_OK) {
        fprintf(stderr, "fixture build failed: %s\n", err.message);
        exit(99);
    }
    gm_gazetteer *g = NULL;
    if (gm_gazetteer_open(fixture_db, &g, &err) != GM_OK) {
        fprintf(stderr, "fixture open failed: %s\n", err.message);
        exit(99);
    }
    return g;
}

static void fixture_close(gm_gazetteer *g)
{
    gm_gazetteer_free(g);
    char path[400];
    snprintf(path, sizeof path, "%s.idx", fixture_db);
    unlink(path);
    unlink(fixture_db);
    rmdir(fixture_dir);
}

#endif
