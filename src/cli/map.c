/*
 * map.c - `geomention map`: a self-contained HTML map of the incidents.
 *
 * Inputs are read as `summary` reads them, the kind told from the content: text and JSONL
 * documents are processed with the gazetteer, GeoJSON and GeoJSONSeq written by `geomention
 * extract` are drawn as they are.  The gazetteer is opened in every case, since its outlines are
 * the base map.
 */
#define _XOPEN_SOURCE 700
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

static const char *const MAP_HELP =
    "usage: geomention map [options] [FILE...] -o map.html\n"
    "\n"
    "Writes one HTML page that shows the incidents on a map: a circle per incident, sized by the\n"
    "people killed and injured and red where someone was killed, with a popup giving the counts,\n"
    "the place, the date, the sentence it was read from and the source document.  The base map is\n"
    "the gazetteer's country and admin-1 outlines, and Leaflet is inlined: the page works offline\n"
    "and can be mailed or archived as one file.  Inputs may be text documents, JSONL documents, or\n"
    "GeoJSON written earlier by `geomention extract` (a FeatureCollection, or GeoJSONSeq); the kind\n"
    "is detected from the content.\n"
    "\n"
    "options:\n"
    "  -o, --output FILE           write the page to FILE (replaced only when the run succeeds)\n"
    "  --title TEXT                the page's title (default: geomention incidents)\n"
    "  --input auto|text|jsonl|geojson   (default: auto)\n"
    "  --date YYYY-MM-DD           publication date for text input\n"
    "  --no-demonyms               do not read \"Russian\", \"Texan\" as places\n"
    "  --max-doc-bytes N           refuse larger documents (default 64M)\n"
    "  --db PATH                   gazetteer database (its outlines are the base map)\n"
    "\n"
    "examples:\n"
    "  geomention map --date 2025-06-04 examples/drone-strikes.txt -o strikes.html\n"
    "  geomention map --title 'Reports of 4 June' news/*.txt -o news.html\n"
    "  geomention extract -o out.geojson news/*.txt && geomention map out.geojson -o map.html\n"
    "  geomention map --input jsonl < docs.jsonl > map.html\n";

typedef struct map_ctx {
    const opts *o;
    gm_gazetteer *gaz;
    gm_map *map;
} map_ctx;

static int map_doc(void *vctx, const doc_input *in)
{
    map_ctx *c = vctx;
    int rc;
    gm_doc *doc = process_input(c->o, c->gaz, in, false, &rc);
    if (!doc)
        return rc;
    gm_error err;
    if (gm_map_add_doc(c->map, doc, in->id, &err) != GM_OK) {
        msg("%s: %s", in->where, err.message);
        rc = EXIT_INTERNAL;
    }
    gm_doc_free(doc);
    return rc;
}

static gm_status map_add(void *map, const char *json, size_t len, gm_error *err)
{
    return gm_map_add_geojson(map, json, len, err);
}

/* Adds one input (a path, or "-" for standard input) to the map; returns its exit code. */
static int map_input(map_ctx *c, const char *path)
{
    const opts *o = c->o;
    bool is_stdin = strcmp(path, "-") == 0;
    FILE *f = is_stdin ? stdin : fopen(path, "rb");
    if (!f) {
        msg("cannot open %s: %s", path, strerror(errno));
        return EXIT_IO;
    }
    size_t len;
    char *buf = read_all(f, &len);
    if (!is_stdin)
        fclose(f);
    const char *name = is_stdin ? "stdin" : path;
    if (!buf) {
        msg("reading %s failed", name);
        return EXIT_IO;
    }
    input_kind k = detect_kind(buf, len);
    if (o->input && strcmp(o->input, "text") == 0)
        k = IN_TEXT;
    else if (o->input && strcmp(o->input, "jsonl") == 0)
        k = IN_JSONL;
    else if (o->input && strcmp(o->input, "geojson") == 0 && k != IN_GEOJSONSEQ)
        k = IN_GEOJSON;
    int rc;
    if (k == IN_GEOJSON || k == IN_GEOJSONSEQ) {
        rc = add_geojson_input(name, buf, len, k == IN_GEOJSONSEQ, map_add, c->map);
    } else if (k == IN_TEXT) {
        size_t s = len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
        doc_input in = {name, buf + s, len - s, o->date, NULL, 0, false, name};
        rc = map_doc(c, &in);
    } else {
        /* the shared JSONL loop reads files by name (so that records are named file:line) and
         * standard input as stdin, which was read already: it gets the bytes back */
        opts one = *o;
        char *files[1] = {is_stdin ? NULL : (char *)path};
        one.files = files;
        one.nfiles = is_stdin ? 0 : 1;
        one.input = "jsonl";
        FILE *mem = is_stdin ? fmemopen(buf, len ? len : 1, "rb") : NULL;
        if (is_stdin && !mem) {
            free(buf);
            return EXIT_INTERNAL;
        }
        FILE *saved = stdin;
        if (mem)
            stdin = mem;
        rc = for_each_doc(&one, map_doc, c, true);
        if (mem) {
            stdin = saved;
            fclose(mem);
        }
    }
    free(buf);
    return rc;
}

int cmd_map(int argc, char **argv)
{
    opts o = {0};
    o.files = calloc((size_t)argc, sizeof *o.files);
    if (!o.files)
        return EXIT_INTERNAL;
    int rc = parse_common(argc, argv, &o, MAP_HELP, true);
    static const char *const inputs[] = {"auto", "text", "jsonl", "geojson", NULL};
    if (!rc && o.input && !one_of(o.input, inputs, "--input"))
        rc = EXIT_USAGE;
    if (!rc && o.date) {
        struct tm tmv;
        memset(&tmv, 0, sizeof tmv);
        if (strlen(o.date) != 10 || !strptime(o.date, "%Y-%m-%d", &tmv)) {
            msg("--date must be YYYY-MM-DD, not '%s'", o.date);
            rc = EXIT_USAGE;
        }
    }
    if (!rc && (!o.output || strcmp(o.output, "-") == 0) && isatty(fileno(stdout))) {
        msg("map writes an HTML page: give -o FILE (or redirect standard output)");
        rc = EXIT_USAGE;
    }
    map_ctx c = {&o, NULL, NULL};
    if (!rc)
        c.gaz = open_gazetteer(&o, &rc);
    gm_error err;
    gm_status st;
    if (c.gaz && (st = gm_map_new(c.gaz, o.title, &c.map, &err)) != GM_OK) {
        msg("%s", err.message);
        rc = exit_for(st);
    }
    if (!c.map) {
        gm_gazetteer_free(c.gaz);
        free(o.files);
        return rc;
    }
    size_t nin = o.nfiles ? o.nfiles : 1;
    for (size_t i = 0; i < nin && rc != EXIT_NODB && rc != EXIT_INTERNAL; i++) {
        int r = map_input(&c, o.nfiles ? o.files[i] : "-");
        if (r > rc)
            rc = r;
    }
    /* the page is written when the documents were read, even if some records were skipped */
    if (rc == EXIT_OK || rc == EXIT_BADINPUT) {
        char *html = NULL;
        size_t len = 0;
        if ((st = gm_map_html(c.map, &html, &len, &err)) != GM_OK) {
            msg("%s", err.message);
            rc = exit_for(st);
        } else {
            if (gm_map_marker_count(c.map) == 0)
                msg("warning: no incident with a known place: the map shows the world without circles");
            outfile out;
            int orc = out_open(&out, o.output);
            if (orc == EXIT_OK) {
                fwrite(html, 1, len, out.f);
                orc = out_close(&out, true);
            }
            if (orc > rc)
                rc = orc;
        }
        gm_free(html);
    }
    gm_map_free(c.map);
    gm_gazetteer_free(c.gaz);
    free(o.files);
    return rc;
}
