/*
 * store.c - `geomention store`: appends the incidents of documents to a SpatiaLite store.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char *const STORE_HELP =
    "usage: geomention store --db STORE.sqlite [options] [FILE...]\n"
    "\n"
    "Extracts the incidents of each document and appends them to a SpatiaLite database that QGIS\n"
    "opens directly (layer \"incidents\", the columns of `extract`'s GeoJSON).  The store is created\n"
    "when missing.  An incident is keyed by its document id and span, so ingesting a document again\n"
    "adds nothing; each document is written in one transaction, so an interrupted run leaves whole\n"
    "documents only and running it again completes it.  Several processes may write to one store.\n"
    "Document ids are the file names for text input, and the \"id\" of each JSONL record.\n"
    "\n"
    "options:\n"
    "  --db STORE                  the store database (required)\n"
    "  --gazetteer PATH            gazetteer database (default: $GEOMENTION_DB or\n"
    "                              ~/.local/share/geomention/gazetteer.sqlite)\n"
    "  --input text|jsonl          input format (default: text, or jsonl for *.jsonl)\n"
    "  --date YYYY-MM-DD           publication date for text input\n"
    "  --max-doc-bytes N           refuse larger documents (default 64M)\n"
    "\n"
    "examples:\n"
    "  geomention store --db incidents.sqlite news/*.txt\n"
    "  geomention store --db incidents.sqlite feed.jsonl && geomention summary incidents.sqlite\n";

typedef struct store_ctx {
    const opts *o;
    gm_gazetteer *gaz;
    gm_store *store;
    size_t docs, added, incidents;
} store_ctx;

static int store_doc(void *vctx, const doc_input *in)
{
    store_ctx *c = vctx;
    int rc;
    gm_doc *doc = process_input(c->o, c->gaz, in, false, &rc);
    if (!doc)
        return rc;
    size_t added = 0;
    gm_error err;
    gm_status st = gm_store_add_doc(c->store, doc, in->id, &added, &err);
    c->incidents += gm_doc_incident_count(doc);
    gm_doc_free(doc);
    if (st != GM_OK) {
        msg("%s: not stored: %s", in->where, err.message);
        /* a full disk or a broken database fails every later document too */
        return st == GM_E_IO || st == GM_E_DB ? EXIT_IO : exit_for(st);
    }
    c->docs++;
    c->added += added;
    return EXIT_OK;
}

int cmd_store(int argc, char **argv)
{
    opts o = {0};
    o.files = calloc((size_t)argc, sizeof *o.files);
    if (!o.files)
        return EXIT_INTERNAL;
    int rc = parse_common(argc, argv, &o, STORE_HELP, true);
    static const char *const inputs[] = {"text", "jsonl", NULL};
    if (!rc && o.input && !one_of(o.input, inputs, "--input"))
        rc = EXIT_USAGE;
    if (!rc && !o.db) {
        msg("store needs --db STORE.sqlite (the database to append to)");
        rc = EXIT_USAGE;
    }
    if (rc) {
        free(o.files);
        return rc;
    }
    store_ctx c = {0};
    c.o = &o;
    opts go = o;
    go.db = o.gazetteer; /* --db names the store here; the gazetteer is --gazetteer */
    c.gaz = open_gazetteer(&go, &rc);
    if (c.gaz) {
        gm_error err;
        gm_status st = gm_store_open(o.db, &c.store, &err);
        if (st != GM_OK) {
            msg("%s", err.message);
            rc = st == GM_E_OUTDATED ? EXIT_USAGE : EXIT_IO;
        } else {
            rc = for_each_doc(&o, store_doc, &c, false);
            gm_store_close(c.store);
            fprintf(stderr, "%s: %s: %zu documents, %zu incidents, %zu new (%zu already stored)\n", prog, o.db,
                    c.docs, c.incidents, c.added, c.incidents >= c.added ? c.incidents - c.added : 0);
        }
        gm_gazetteer_free(c.gaz);
    }
    free(o.files);
    return rc;
}
