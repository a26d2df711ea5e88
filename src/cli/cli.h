/*
 * cli.h - what the commands of the geomention tool share: exit codes, messages, options, output
 * files written through a temporary name, and the loop over input documents.
 */
#ifndef GM_CLI_H
#define GM_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "geomention.h"
#include "table.h"

enum { EXIT_OK = 0, EXIT_USAGE = 1, EXIT_NODB = 2, EXIT_BADINPUT = 3, EXIT_IO = 4, EXIT_INTERNAL = 5,
       EXIT_INTERRUPTED = 130 /* SIGINT or SIGTERM: stopped between documents, no output file written */ };

/* Set (to the signal number) by the first SIGINT or SIGTERM; the loop over documents stops at the
 * next document.  A second signal ends the process at once. */
extern volatile int gm_cli_stop;

extern const char *prog;

/* "geomention: ..." and a newline on standard error. */
void msg(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int exit_for(gm_status st);

typedef struct opts {
    const char *db;        /* the gazetteer database (store: the store database) */
    const char *gazetteer; /* store: the gazetteer database */
    const char *input;     /* "text", "jsonl", "geojson", "auto" */
    const char *layer;     /* "incidents", "mentions", "places", "regions" */
    const char *format;
    const char *output;
    const char *date;
    const char *by;
    const char *source;
    const char *text;      /* lookup: explain the names of this text */
    const char *context;   /* lookup: ... of this file */
    const char *title;     /* map: the page title */
    const char *since;     /* summary: first incident date kept, YYYY-MM-DD */
    const char *until;     /* summary: last incident date kept */
    bool no_demonyms;
    bool no_estimates;
    size_t max_doc;
    size_t limit;
    size_t threads;        /* --threads: documents processed at once (0/1: one) */
    char **files;
    size_t nfiles;
} opts;

/* Matches "--name VALUE" or "--name=VALUE"; advances *i. */
bool opt_value(int argc, char **argv, int *i, const char *name, const char **out);
bool one_of(const char *v, const char *const *allowed, const char *what);
size_t parse_size(const char *v, const char *what);
/* Parses the options every command shares into *o (files too when allow_files); prints help and
 * exits on --help.  Returns an exit code. */
int parse_common(int argc, char **argv, opts *o, const char *help, bool allow_files);
gm_table_format table_format(const char *format);

/* Output goes to a temporary file next to the target, renamed into place only on success, so a
 * failed run never leaves a half-written file.  path NULL or "-" is standard output. */
typedef struct outfile {
    FILE *f;
    char *path, *tmp;
} outfile;
int out_open(outfile *o, const char *path);
/* Closes o; renames the temporary file into place when ok, else removes it.  Returns the exit code. */
int out_close(outfile *o, bool ok);

char *read_all(FILE *f, size_t *len);
/* Reads at most max + 1 bytes (so *len > max tells the input is larger); NUL-terminated. */
char *read_upto(FILE *f, size_t max, size_t *len);
bool ends_with(const char *s, const char *suf);

/* One input document. */
typedef struct doc_input {
    const char *id;
    const char *text;
    size_t len;
    const char *date;
    const gm_span *spans;
    size_t nspans;
    bool has_spans;
    const char *where; /* "file.jsonl:12" for messages */
} doc_input;
typedef int (*doc_fn)(void *ctx, const doc_input *in);

/* Runs fn over every document of every input (text files, or JSONL lines); a malformed line is
 * reported with its line number and skipped.  Returns the worst exit code. */
int for_each_doc(const opts *o, doc_fn fn, void *ctx, bool jsonl_default);
/* The options for processing one document: its date, and the command's --no-demonyms and
 * --max-doc-bytes. */
gm_options doc_options(const opts *o, const doc_input *in);
/* Extracts (or, resolve, resolves the spans of) one document with those options; NULL with *rc
 * set and the reason printed ("skipped: ...") on failure; warns of repaired bytes. */
gm_doc *process_input(const opts *o, const gm_gazetteer *gaz, const doc_input *in, bool resolve, int *rc);
/* Opens the gazetteer o->db names (or the default); prints the message and sets *rc on failure. */
gm_gazetteer *open_gazetteer(const opts *o, int *rc);

/* What an input holds, told from its content (summary and map read all of these). */
typedef enum { IN_TEXT, IN_JSONL, IN_GEOJSON, IN_GEOJSONSEQ } input_kind;
input_kind detect_kind(const char *buf, size_t len);

/* Feeds GeoJSON written by extract to add(ctx, ...): a FeatureCollection or Feature (seq false),
 * or one feature per line of a GeoJSONSeq, a bad line reported with its number and skipped.
 * Returns the exit code (EXIT_INTERNAL on out of memory). */
typedef gm_status (*geojson_add_fn)(void *ctx, const char *json, size_t len, gm_error *err);
int add_geojson_input(const char *name, const char *buf, size_t len, bool seq, geojson_add_fn add, void *ctx);

/* Commands in their own files. */
int cmd_map(int argc, char **argv);
int cmd_store(int argc, char **argv);

#endif
