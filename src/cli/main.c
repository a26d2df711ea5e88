/*
 * geomention - the command-line client of libgeomention (include/geomention.h only).
 *
 *   geomention extract   [FILE...]   places and incidents as GeoJSON
 *   geomention resolve   [FILE...]   resolve spans found by another tool
 *   geomention summary   [FILE...]   per-region table from text, JSONL or GeoJSON
 *   geomention lookup    NAME        the gazetteer's candidates for a name
 *   geomention gazetteer build|info  build or describe the gazetteer database
 *
 * Exit status: 0 success; 1 usage error; 2 gazetteer database missing or outdated; 3 some input
 * records were malformed and skipped (the rest were processed); 4 a file could not be read or
 * written; 5 out of memory or another internal failure.
 */
#define _XOPEN_SOURCE 700
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <pthread.h>
#include <stdatomic.h>
#include <time.h>
#include <unistd.h>

#include "geomention.h"
#include "cli.h"
#include "table.h"


const char *prog = "geomention";

/* A growable byte buffer (out of memory leaves it short; callers check ok). */
typedef struct sbuf {
    char *p;
    size_t len, cap;
    bool oom;
} sbuf;

static void sbuf_add(sbuf *b, const char *s, size_t n)
{
    if (b->oom)
        return;
    if (b->len + n > b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 256;
        while (cap < b->len + n)
            cap *= 2;
        char *np = realloc(b->p, cap);
        if (!np) {
            b->oom = true;
            return;
        }
        b->p = np;
        b->cap = cap;
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
}

/* Messages of a document processed on a worker thread are kept here and printed when its output
 * is written, so that they come in input order. */
static _Thread_local sbuf *msg_sink;

void msg(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    if (msg_sink) {
        char line[1024];
        int n = vsnprintf(line, sizeof line, fmt, ap);
        if (n >= 0) {
            sbuf_add(msg_sink, prog, strlen(prog));
            sbuf_add(msg_sink, ": ", 2);
            sbuf_add(msg_sink, line, (size_t)n < sizeof line ? (size_t)n : sizeof line - 1);
            sbuf_add(msg_sink, "\n", 1);
        }
    } else {
        fprintf(stderr, "%s: ", prog);
        vfprintf(stderr, fmt, ap);
        fputc('\n', stderr);
    }
    va_end(ap);
}

int exit_for(gm_status st)
{
    switch (st) {
    case GM_OK: return EXIT_OK;
    case GM_E_NODB:
    case GM_E_OUTDATED: return EXIT_NODB;
    case GM_E_IO: return EXIT_IO;
    case GM_E_FORMAT:
    case GM_E_LIMIT: return EXIT_BADINPUT;
    case GM_E_ARG: return EXIT_USAGE;
    case GM_E_CANCELLED: return EXIT_INTERRUPTED;
    default: return EXIT_INTERNAL;
    }
}


/* Matches "--name VALUE" or "--name=VALUE"; advances *i. */
bool opt_value(int argc, char **argv, int *i, const char *name, const char **out)
{
    size_t n = strlen(name);
    const char *a = argv[*i];
    if (strncmp(a, name, n) != 0)
        return false;
    if (a[n] == '=') {
        *out = a + n + 1;
        return true;
    }
    if (a[n] != 0)
        return false;
    if (*i + 1 >= argc) {
        msg("option %s needs a value", name);
        exit(EXIT_USAGE);
    }
    *out = argv[++*i];
    return true;
}

bool one_of(const char *v, const char *const *allowed, const char *what)
{
    for (size_t i = 0; allowed[i]; i++)
        if (strcmp(v, allowed[i]) == 0)
            return true;
    fprintf(stderr, "%s: unknown %s '%s' (choose from:", prog, what, v);
    for (size_t i = 0; allowed[i]; i++)
        fprintf(stderr, " %s", allowed[i]);
    fputs(")\n", stderr);
    return false;
}

size_t parse_size(const char *v, const char *what)
{
    char *end;
    errno = 0;
    unsigned long long n = strtoull(v, &end, 10);
    if (end == v || errno || n == 0) {
        msg("%s must be a positive number, not '%s'", what, v);
        exit(EXIT_USAGE);
    }
    if (*end == 'k' || *end == 'K')
        n <<= 10, end++;
    else if (*end == 'm' || *end == 'M')
        n <<= 20, end++;
    else if (*end == 'g' || *end == 'G')
        n <<= 30, end++;
    if (*end) {
        msg("%s must be a number (optionally with K, M or G), not '%s'", what, v);
        exit(EXIT_USAGE);
    }
    return (size_t)n;
}

/* ------------------------------------------------------------------ output files */
/* Output goes to a temporary file next to the target, renamed into place only on success, so a
 * failed run never leaves a half-written file. */

int out_open(outfile *o, const char *path)
{
    memset(o, 0, sizeof *o);
    if (!path || strcmp(path, "-") == 0) {
        o->f = stdout;
        return EXIT_OK;
    }
    size_t n = strlen(path) + 16;
    o->tmp = malloc(n);
    o->path = strdup(path);
    if (!o->tmp || !o->path)
        return EXIT_INTERNAL;
    snprintf(o->tmp, n, "%s.tmp-XXXXXX", path);
    int fd = mkstemp(o->tmp);
    if (fd < 0) {
        msg("cannot write %s: %s", path, strerror(errno));
        free(o->tmp);
        free(o->path);
        o->tmp = o->path = NULL;
        return EXIT_IO;
    }
    fchmod(fd, 0644 & ~(mode_t)0);
    o->f = fdopen(fd, "w");
    if (!o->f) {
        close(fd);
        unlink(o->tmp);
        return EXIT_IO;
    }
    return EXIT_OK;
}

/* Closes o; renames the temporary file into place when ok, else removes it.  Returns the exit code. */
int out_close(outfile *o, bool ok)
{
    int rc = EXIT_OK;
    if (!o->f)
        return EXIT_OK;
    if (fflush(o->f) != 0 || ferror(o->f)) {
        msg("writing %s failed: %s", o->path ? o->path : "standard output", strerror(errno));
        rc = EXIT_IO;
    }
    if (o->f != stdout) {
        if (fclose(o->f) != 0 && rc == EXIT_OK) {
            msg("writing %s failed: %s", o->path, strerror(errno));
            rc = EXIT_IO;
        }
        if (ok && rc == EXIT_OK) {
            if (rename(o->tmp, o->path) != 0) {
                msg("cannot create %s: %s", o->path, strerror(errno));
                rc = EXIT_IO;
            }
        }
        if (!ok || rc != EXIT_OK) {
            unlink(o->tmp);
            if (gm_cli_stop)
                msg("%s was not written", o->path);
        }
    }
    free(o->tmp);
    free(o->path);
    memset(o, 0, sizeof *o);
    return rc;
}

/* ------------------------------------------------------------------ feature writer */
typedef struct writer {
    outfile out;
    bool seq;
    bool csv;
    gm_layer layer;
    size_t n;
    char *buf;
    size_t len, cap;
} writer;

static int writer_begin(writer *w)
{
    if (w->csv) {
        w->len = 0;
        if (gm_csv_header(w->layer, &w->buf, &w->len, &w->cap) != GM_OK) {
            msg("out of memory writing the CSV header");
            return EXIT_INTERNAL;
        }
        fwrite(w->buf, 1, w->len, w->out.f);
        fputs("\r\n", w->out.f);
    } else if (!w->seq) {
        fputs("{\"type\":\"FeatureCollection\",\"features\":[", w->out.f);
    }
    return EXIT_OK;
}

/* The features of one document, serialized (on any thread) and written later in input order:
 * lines[i] bytes each, one after the other in text. */
typedef struct doc_lines {
    char *text;
    size_t len, cap;
    size_t *lines;
    size_t nlines, caplines;
} doc_lines;

static void doc_lines_free(doc_lines *l)
{
    gm_free(l->text);
    free(l->lines);
    memset(l, 0, sizeof *l);
}

static int serialize_doc(bool csv, const gm_doc *doc, gm_layer layer, const char *id, doc_lines *l)
{
    size_t n = gm_doc_feature_count(doc, layer);
    for (size_t i = 0; i < n; i++) {
        size_t before = l->len;
        if ((csv ? gm_feature_csv(doc, layer, i, id, &l->text, &l->len, &l->cap)
                 : gm_feature_json(doc, layer, i, id, &l->text, &l->len, &l->cap)) != GM_OK) {
            msg("out of memory writing a feature");
            return EXIT_INTERNAL;
        }
        if (l->nlines == l->caplines) {
            size_t cap = l->caplines ? l->caplines * 2 : 16;
            size_t *nl = realloc(l->lines, cap * sizeof *nl);
            if (!nl) {
                msg("out of memory writing a feature");
                return EXIT_INTERNAL;
            }
            l->lines = nl;
            l->caplines = cap;
        }
        l->lines[l->nlines++] = l->len - before;
    }
    return EXIT_OK;
}

static void emit_lines(writer *w, const doc_lines *l)
{
    const char *p = l->text;
    for (size_t i = 0; i < l->nlines; p += l->lines[i], i++) {
        if (w->seq)
            fputc(0x1E, w->out.f);
        else if (!w->csv)
            fputs(w->n ? ",\n" : "\n", w->out.f);
        fwrite(p, 1, l->lines[i], w->out.f);
        if (w->seq || w->csv)
            fputs(w->csv ? "\r\n" : "\n", w->out.f);
        w->n++;
    }
}

/* Writes the places or regions layer of a summary. */
static int write_summed(writer *w, gm_summary *s, const gm_gazetteer *gaz)
{
    gm_error err;
    if (w->csv) {
        w->len = 0;
        if (gm_summary_csv_header(s, &w->buf, &w->len, &w->cap) != GM_OK)
            return EXIT_INTERNAL;
        fwrite(w->buf, 1, w->len, w->out.f);
        fputs("\r\n", w->out.f);
    } else if (!w->seq) {
        fputs("{\"type\":\"FeatureCollection\",\"features\":[", w->out.f);
    }
    for (size_t i = 0; i < gm_summary_row_count(s); i++) {
        w->len = 0;
        if (gm_summary_feature(s, i, gaz, w->csv, &w->buf, &w->len, &w->cap, &err) != GM_OK) {
            msg("%s", err.message);
            return exit_for(err.status);
        }
        if (w->seq)
            fputc(0x1E, w->out.f);
        else if (!w->csv)
            fputs(w->n ? ",\n" : "\n", w->out.f);
        fwrite(w->buf, 1, w->len, w->out.f);
        if (w->seq || w->csv)
            fputs(w->csv ? "\r\n" : "\n", w->out.f);
        w->n++;
    }
    return EXIT_OK;
}

static void writer_end(writer *w)
{
    if (!w->seq && !w->csv)
        fputs(w->n ? "\n]}\n" : "]}\n", w->out.f);
    gm_free(w->buf);
    w->buf = NULL;
}

/* ------------------------------------------------------------------ inputs */


char *read_all(FILE *f, size_t *len) { return read_upto(f, SIZE_MAX - 1, len); }

char *read_upto(FILE *f, size_t max, size_t *len)
{
    size_t cap = 1 << 16, n = 0;
    char *b = malloc(cap + 1);
    if (!b)
        return NULL;
    for (;;) {
        if (n > max)
            break;
        if (n == cap) {
            cap = cap > max / 2 + 1 ? max + 1 : cap * 2;
            char *nb = realloc(b, cap + 1);
            if (!nb) {
                free(b);
                return NULL;
            }
            b = nb;
        }
        size_t r = fread(b + n, 1, cap - n, f);
        n += r;
        if (r == 0)
            break;
    }
    if (ferror(f)) {
        free(b);
        return NULL;
    }
    b[n] = 0;
    *len = n;
    return b;
}

bool ends_with(const char *s, const char *suf)
{
    size_t a = strlen(s), b = strlen(suf);
    return a >= b && strcmp(s + a - b, suf) == 0;
}

/* ------------------------------------------------------------------ progress */
/* A progress line on standard error for long runs (documents, MB/s and, when the input's size is
 * known, the time left), only when standard error is a terminal; at most five updates a second. */
typedef struct progress {
    bool on;
    double t0, last, delay;
    size_t docs;
    uint64_t bytes, total; /* total 0: unknown (standard input) */
} progress;

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void progress_start(progress *p, const opts *o)
{
    memset(p, 0, sizeof *p);
    p->on = isatty(fileno(stderr));
    if (!p->on)
        return;
    /* quiet for the first second, so that short runs print nothing (GEOMENTION_PROGRESS_DELAY) */
    const char *d = getenv("GEOMENTION_PROGRESS_DELAY");
    p->delay = d && *d ? atof(d) : 1.0;
    p->t0 = p->last = now_s();
    for (size_t i = 0; i < o->nfiles; i++) {
        struct stat st;
        if (strcmp(o->files[i], "-") == 0 || stat(o->files[i], &st) != 0) {
            p->total = 0;
            return;
        }
        p->total += (uint64_t)st.st_size;
    }
}

static void progress_step(progress *p, size_t bytes)
{
    if (!p->on)
        return;
    p->docs++;
    p->bytes += bytes;
    double t = now_s();
    if ((p->last > p->t0 && t - p->last < 0.2) || t - p->t0 < p->delay)
        return;
    p->last = t;
    double mbs = (double)p->bytes / 1e6 / (t - p->t0);
    fprintf(stderr, "\r%s: %zu documents, %.1f MB, %.1f MB/s", prog, p->docs, (double)p->bytes / 1e6, mbs);
    if (p->total > p->bytes && mbs > 0) {
        double left = (double)(p->total - p->bytes) / 1e6 / mbs;
        fprintf(stderr, ", %d:%02d left", (int)(left / 60), (int)left % 60);
    }
    fputs("\033[K", stderr);
    fflush(stderr);
}

static void progress_end(progress *p)
{
    if (p->on && p->last > p->t0) {
        fputs("\r\033[K", stderr);
        fflush(stderr);
    }
}

/*
 * JSONL lines, read in blocks: a line longer than `limit` is skipped without being held in memory
 * (a stray 10 GB line must not take the machine's memory), and NUL bytes inside a line are kept.
 */
typedef struct line_reader {
    FILE *f;
    char *buf; /* block */
    size_t pos, end, cap;
    char *line; /* a line that spans blocks, assembled */
    size_t lcap;
    bool eof;
} line_reader;

/* 1: a line in *out and *len (valid until the next call; *len without the newline), or, when it is
 * longer than limit, *out NULL and its length in *len; 0: the end; -1: out of memory. */
static int next_line(line_reader *r, size_t limit, const char **out, size_t *len)
{
    size_t n = 0, total = 0;
    bool got = false;
    for (;;) {
        if (r->pos == r->end) {
            if (r->eof)
                break;
            r->pos = 0;
            r->end = fread(r->buf, 1, r->cap, r->f);
            if (r->end == 0) {
                r->eof = true;
                break;
            }
        }
        char *start = r->buf + r->pos;
        size_t avail = r->end - r->pos;
        char *nl = memchr(start, '\n', avail);
        size_t take = nl ? (size_t)(nl - start) : avail;
        got = true;
        r->pos += take + (nl ? 1 : 0);
        if (nl && n == 0 && total == 0 && take <= limit) {
            *out = start; /* the common case: the whole line inside the block */
            *len = take;
            return 1;
        }
        total += take;
        if (total <= limit) {
            if (n + take + 1 > r->lcap) {
                size_t nc = r->lcap ? r->lcap : 4096;
                while (nc < n + take + 1)
                    nc *= 2;
                char *nb = realloc(r->line, nc);
                if (!nb)
                    return -1;
                r->line = nb;
                r->lcap = nc;
            }
            memcpy(r->line + n, start, take);
            n += take;
        }
        if (nl)
            break;
    }
    if (!got)
        return 0;
    *out = total <= limit ? r->line : NULL;
    *len = total <= limit ? n : total;
    return 1;
}

/* The longest JSONL line read: four times the document limit (a text written with \uXXXX escapes
 * takes up to three times its UTF-8 size) and a megabyte for the other fields. */
static size_t line_limit(const opts *o)
{
    size_t doc = o->max_doc ? o->max_doc : (size_t)64 << 20;
    return doc > (SIZE_MAX - ((size_t)1 << 20)) / 4 ? SIZE_MAX : doc * 4 + ((size_t)1 << 20);
}

/* The text's first line is a JSON object with a "text" member: JSON lines read as text by mistake. */
static bool looks_like_jsonl(const char *t, size_t len)
{
    size_t i = 0;
    while (i < len && (t[i] == ' ' || t[i] == '\t' || t[i] == '\r' || t[i] == '\n'))
        i++;
    if (i >= len || t[i] != '{')
        return false;
    const char *nl = memchr(t + i, '\n', len - i);
    size_t end = nl ? (size_t)(nl - t) : len;
    for (size_t k = i; k + 6 <= end; k++)
        if (memcmp(t + k, "\"text\"", 6) == 0) {
            size_t j = k + 6;
            while (j < end && (t[j] == ' ' || t[j] == '\t'))
                j++;
            if (j < end && t[j] == ':')
                return true;
        }
    return false;
}

/* Runs fn over every document of every input; returns the worst exit code. */
int for_each_doc(const opts *o, doc_fn fn, void *ctx, bool jsonl_default)
{
    int worst = EXIT_OK;
    bool fatal = false;
    size_t nin = o->nfiles ? o->nfiles : 1;
    progress pr;
    progress_start(&pr, o);
    for (size_t fi = 0; fi < nin && !gm_cli_stop; fi++) {
        const char *path = o->nfiles ? o->files[fi] : "-";
        bool is_stdin = strcmp(path, "-") == 0;
        FILE *f = is_stdin ? stdin : fopen(path, "rb");
        if (!f) {
            msg("cannot open %s: %s", path, strerror(errno));
            worst = worst > EXIT_IO ? worst : EXIT_IO;
            continue;
        }
        bool jsonl = o->input ? strcmp(o->input, "jsonl") == 0
                              : (jsonl_default || ends_with(path, ".jsonl") || ends_with(path, ".ndjson"));
        const char *name = is_stdin ? "stdin" : path;
        if (jsonl) {
            line_reader lr = {f, malloc(1 << 16), 0, 0, 1 << 16, NULL, 0, false};
            const char *line;
            size_t len, lineno = 0, limit = line_limit(o);
            int got = lr.buf ? 0 : -1;
            while (lr.buf && !gm_cli_stop && (got = next_line(&lr, limit, &line, &len)) > 0) {
                lineno++;
                size_t raw = len + 1;
                if (!line) {
                    msg("%s:%zu: skipped: a line of %zu bytes, longer than the limit of %zu (4 x --max-doc-bytes + 1M)",
                        name, lineno, len, limit);
                    if (worst < EXIT_BADINPUT)
                        worst = EXIT_BADINPUT;
                    continue;
                }
                while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
                    len--;
                size_t s = 0;
                while (s < len && (line[s] == ' ' || line[s] == '\t'))
                    s++;
                if (s == len)
                    continue; /* blank line */
                if (lineno == 1 && len - s >= 3 && memcmp(line + s, "\xEF\xBB\xBF", 3) == 0)
                    s += 3; /* byte order mark */
                gm_record rec;
                gm_error err;
                char where[512];
                snprintf(where, sizeof where, "%s:%zu", name, lineno);
                if (gm_record_parse(line + s, len - s, &rec, &err) != GM_OK) {
                    msg("%s: skipped: %s", where, err.message);
                    if (worst < EXIT_BADINPUT)
                        worst = EXIT_BADINPUT;
                    continue;
                }
                if (rec.date_invalid)
                    msg("%s: warning: \"date\" is not YYYY-MM-DD; relative dates stay unresolved", where);
                if (rec.id_invalid)
                    msg("%s: warning: \"id\" is neither a string nor a finite number; the document's id is %s", where,
                        where);
                if (rec.escapes_repaired)
                    msg("%s: warning: %zu lone UTF-16 surrogate escapes (\\uD800-\\uDFFF) read as U+FFFD", where,
                        rec.escapes_repaired);
                doc_input in = {rec.id ? rec.id : where, rec.text, rec.text_len, rec.date ? rec.date : o->date,
                                rec.spans, rec.nspans, rec.has_spans != 0, where};
                int rc = fn(ctx, &in);
                progress_step(&pr, raw);
                gm_record_clear(&rec);
                if (rc > worst)
                    worst = rc;
                if (rc == EXIT_INTERNAL || rc == EXIT_NODB || rc == EXIT_IO) {
                    fatal = true; /* out of memory, no gazetteer, or the output cannot be written */
                    break;
                }
            }
            free(lr.buf);
            free(lr.line);
            if (got < 0) {
                msg("%s:%zu: out of memory", name, lineno + 1);
                worst = EXIT_INTERNAL;
            }
            if (ferror(f) && !gm_cli_stop) {
                msg("reading %s failed: %s", name, strerror(errno));
                worst = worst > EXIT_IO ? worst : EXIT_IO;
            }
        } else {
            size_t len;
            size_t limit = o->max_doc ? o->max_doc : (size_t)64 << 20;
            char *text = read_upto(f, limit, &len);
            if (text && len > limit) {
                /* one document larger than the limit: not read further, not processed */
                struct stat sb;
                char size[64] = "more than the limit";
                if (!is_stdin && fstat(fileno(f), &sb) == 0 && S_ISREG(sb.st_mode))
                    snprintf(size, sizeof size, "%lld bytes", (long long)sb.st_size);
                msg("%s: skipped: the document (%s) is larger than --max-doc-bytes (%zu bytes); raise the limit "
                    "with --max-doc-bytes N",
                    name, size, limit);
                free(text);
                text = NULL;
                if (worst < EXIT_BADINPUT)
                    worst = EXIT_BADINPUT;
                progress_step(&pr, len);
            } else if (!text && gm_cli_stop) {
                /* interrupted while reading: the loop reports it */
            } else if (!text) {
                msg("reading %s failed: %s", name, strerror(errno));
                worst = worst > EXIT_IO ? worst : EXIT_IO;
            } else {
                size_t s = len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
                if (!o->input && looks_like_jsonl(text + s, len - s))
                    msg("%s: warning: this looks like JSON lines but is read as one text document; pass "
                        "--input jsonl to read one {\"text\": ...} object per line (files named *.jsonl are read "
                        "that way)",
                        name);
                doc_input in = {name, text + s, len - s, o->date, NULL, 0, false, name};
                int rc = fn(ctx, &in);
                progress_step(&pr, len);
                if (rc > worst)
                    worst = rc;
                fatal = rc == EXIT_INTERNAL || rc == EXIT_NODB || rc == EXIT_IO;
                free(text);
            }
        }
        if (!is_stdin)
            fclose(f);
        if (fatal)
            break;
    }
    progress_end(&pr);
    if (gm_cli_stop) {
        msg("interrupted by %s: stopped after the document in progress", gm_cli_stop == SIGTERM ? "SIGTERM" : "SIGINT");
        return EXIT_INTERRUPTED;
    }
    return worst;
}

gm_options doc_options(const opts *o, const doc_input *in)
{
    gm_options opt;
    gm_options_init(&opt);
    opt.date = in->date;
    opt.demonyms = !o->no_demonyms;
    opt.estimates = !o->no_estimates;
    if (o->max_doc)
        opt.max_doc_bytes = o->max_doc;
    /* only the mentions wanted: no incidents to find (a GeoPackage and the summed layers need them) */
    bool gpkg = (o->format && strcmp(o->format, "gpkg") == 0) || (!o->format && o->output && ends_with(o->output, ".gpkg"));
    if (o->layer && strcmp(o->layer, "mentions") == 0 && !gpkg)
        opt.incidents = 0;
    return opt;
}

gm_doc *process_input(const opts *o, const gm_gazetteer *gaz, const doc_input *in, bool resolve, int *rc)
{
    gm_options opt = doc_options(o, in);
    gm_doc *doc = NULL;
    gm_error err;
    gm_status st;
    *rc = EXIT_OK;
    if (resolve) {
        if (!in->has_spans)
            msg("%s: warning: no \"spans\" to resolve", in->where);
        st = gm_resolve_spans(gaz, in->text, in->len, in->spans, in->nspans, &opt, &doc, &err);
    } else {
        st = gm_extract(gaz, in->text, in->len, &opt, &doc, &err);
    }
    if (st != GM_OK) {
        msg("%s: skipped: %s", in->where, err.message);
        *rc = exit_for(st);
        return NULL;
    }
    if (gm_doc_repaired_bytes(doc))
        msg("%s: warning: %zu bytes of invalid UTF-8 or NUL replaced (offsets refer to the repaired text)",
            in->where, gm_doc_repaired_bytes(doc));
    return doc;
}

gm_gazetteer *open_gazetteer(const opts *o, int *rc)
{
    gm_gazetteer *g = NULL;
    gm_error err;
    gm_status st = gm_gazetteer_open(o->db, &g, &err);
    if (st != GM_OK) {
        msg("%s", err.message);
        *rc = exit_for(st);
        return NULL;
    }
    *rc = EXIT_OK;
    return g;
}

/* ------------------------------------------------------------------ extract / resolve */
typedef struct run_ctx {
    const opts *o;
    gm_gazetteer *gaz;
    writer w;
    gm_layer layer;
    bool resolve;
    gm_summary *summary;
    gm_gpkg *gpkg;
    size_t docs;
} run_ctx;

/* What processing one document gave, on whichever thread did it. */
typedef struct doc_result {
    int rc;
    gm_doc *doc;   /* for the consumers that take whole documents in order (summary, GeoPackage) */
    doc_lines out; /* for the feature writer */
    sbuf msgs;     /* messages, printed when the result is written */
} doc_result;

/* Extracts (or resolves) a document and serializes its features; safe on any thread. */
static void work_doc(const run_ctx *c, const doc_input *in, doc_result *r)
{
    r->doc = process_input(c->o, c->gaz, in, c->resolve, &r->rc);
    if (!r->doc)
        return;
    if (!c->summary && !c->gpkg) {
        r->rc = serialize_doc(c->w.csv, r->doc, c->resolve ? GM_LAYER_MENTIONS : c->layer, in->id, &r->out);
        gm_doc_free(r->doc);
        r->doc = NULL;
    }
}

/* Writes a result in input order: its messages, then its features or its document to the
 * summary or GeoPackage.  Frees what the result holds; returns its exit code. */
static int finish_doc(run_ctx *c, const char *id, doc_result *r)
{
    if (r->msgs.len)
        fwrite(r->msgs.p, 1, r->msgs.len, stderr);
    int rc = r->rc;
    if (r->doc) {
        gm_error err;
        if (c->summary) {
            if (gm_summary_add_doc(c->summary, r->doc, id) != GM_OK)
                rc = EXIT_INTERNAL;
        } else if (c->gpkg && gm_gpkg_add_doc(c->gpkg, r->doc, id, &err) != GM_OK) {
            msg("%s", err.message);
            rc = EXIT_IO;
        }
        gm_doc_free(r->doc);
    } else if (rc == EXIT_OK) {
        emit_lines(&c->w, &r->out);
        if (ferror(c->w.out.f))
            rc = EXIT_IO; /* a full disk or a file size limit: no use going on (out_close says why) */
    }
    doc_lines_free(&r->out);
    free(r->msgs.p);
    memset(r, 0, sizeof *r);
    if (rc == EXIT_OK)
        c->docs++;
    return rc;
}

static int process_doc(void *vctx, const doc_input *in)
{
    run_ctx *c = vctx;
    doc_result r = {0};
    work_doc(c, in, &r);
    return finish_doc(c, in->id, &r);
}

/* ------------------------------------------------------------------ threads */
/* With --threads N, N - 1 worker threads process the documents while this thread reads the next
 * ones, writes the finished ones in input order (so the output is the same as with one thread) and,
 * while the queue is full, works too: reading, parsing and writing overlap the work.  The documents wait in a ring, bounded in count and
 * in bytes; the workers take them in order, and a long document holds back only the writing. */
typedef struct queued_doc {
    doc_input in;
    char *text, *id, *date, *where;
    gm_span *spans;
    doc_result r;
    bool done; /* under pool.mu */
} queued_doc;

typedef struct pool {
    run_ctx *c;
    queued_doc *ring;
    size_t cap, max_docs, max_bytes;
    size_t head, claim, tail; /* counters: written < head <= claim <= tail; slot = counter % cap */
    size_t bytes;             /* text held by queued documents */
    bool closing;
    int worst;
    pthread_mutex_t mu;
    pthread_cond_t work, done;
    sbuf pending; /* messages of the reading (a malformed line) before the next document */
} pool;

/* Takes the next document nobody has taken and works on it, its messages kept with it; called
 * and returns with p->mu held. */
static void work_next(pool *p)
{
    queued_doc *d = &p->ring[p->claim++ % p->cap];
    pthread_mutex_unlock(&p->mu);
    sbuf *saved = msg_sink;
    msg_sink = &d->r.msgs;
    work_doc(p->c, &d->in, &d->r);
    msg_sink = saved;
    pthread_mutex_lock(&p->mu);
    d->done = true;
    pthread_cond_signal(&p->done);
}

static void *pool_worker(void *vp)
{
    pool *p = vp;
    pthread_mutex_lock(&p->mu);
    for (;;) {
        while (p->claim == p->tail && !p->closing)
            pthread_cond_wait(&p->work, &p->mu);
        if (p->claim == p->tail)
            break;
        work_next(p);
    }
    pthread_mutex_unlock(&p->mu);
    return NULL;
}

static void queued_free(queued_doc *d)
{
    free(d->text);
    free(d->id);
    free(d->date);
    free(d->where);
    free(d->spans);
    memset(d, 0, sizeof *d);
}

/* Writes the finished documents at the head of the ring, in order, until the ring has room for
 * one more (with all: until it is empty).  While it is full and its head is not done, this thread
 * works on the next document nobody has taken, and waits only when every one is taken. */
static void pool_write(pool *p, bool all)
{
    pthread_mutex_lock(&p->mu);
    while (p->head != p->tail) {
        queued_doc *d = &p->ring[p->head % p->cap];
        if (d->done) {
            pthread_mutex_unlock(&p->mu);
            int rc = finish_doc(p->c, d->in.id, &d->r);
            if (rc > p->worst)
                p->worst = rc;
            size_t len = d->in.len;
            queued_free(d);
            pthread_mutex_lock(&p->mu);
            p->bytes -= len;
            p->head++;
            continue;
        }
        bool full = p->tail - p->head >= p->max_docs || p->bytes >= p->max_bytes;
        if (!full && !all)
            break;
        if (p->claim == p->tail)
            pthread_cond_wait(&p->done, &p->mu);
        else
            work_next(p);
    }
    pthread_mutex_unlock(&p->mu);
}

static char *dup_or_null(const char *s) { return s ? strdup(s) : NULL; }

/* A doc_fn that copies the document into the ring for the workers and writes what they finished. */
static int pool_add(void *vp, const doc_input *in)
{
    pool *p = vp;
    pool_write(p, false); /* room for one more */
    queued_doc *d = &p->ring[p->tail % p->cap];
    d->text = malloc(in->len + 1);
    d->id = dup_or_null(in->id);
    d->date = dup_or_null(in->date);
    d->where = dup_or_null(in->where);
    if (in->nspans) {
        d->spans = malloc(in->nspans * sizeof *d->spans);
        if (d->spans)
            memcpy(d->spans, in->spans, in->nspans * sizeof *d->spans);
    }
    if (!d->text || (in->id && !d->id) || (in->date && !d->date) || (in->where && !d->where) ||
        (in->nspans && !d->spans)) {
        queued_free(d);
        msg("out of memory reading documents");
        return EXIT_INTERNAL;
    }
    memcpy(d->text, in->text, in->len);
    d->text[in->len] = 0;
    /* what the reading said before this document is printed before its own messages */
    d->r.msgs = p->pending;
    memset(&p->pending, 0, sizeof p->pending);
    d->in = (doc_input){d->id, d->text, in->len, d->date, d->spans, in->nspans, in->has_spans, d->where};
    pthread_mutex_lock(&p->mu);
    p->tail++;
    p->bytes += in->len;
    pthread_cond_signal(&p->work);
    pthread_mutex_unlock(&p->mu);
    return p->worst >= EXIT_INTERNAL ? p->worst : EXIT_OK;
}

/* for_each_doc with process_doc, on c->o->threads threads. */
static int run_docs(run_ctx *c, bool jsonl_default)
{
    if (c->o->threads <= 1)
        return for_each_doc(c->o, process_doc, c, jsonl_default);
    pool p = {0};
    p.c = c;
    size_t nthreads = c->o->threads < 64 ? c->o->threads : 64;
    /* enough documents for every thread to stay busy, and a bound on the memory held */
    p.max_docs = 64 * nthreads;
    p.max_bytes = ((size_t)8 << 20) * nthreads;
    p.cap = p.max_docs + 1;
    p.ring = calloc(p.cap, sizeof *p.ring);
    pthread_t th[64];
    size_t started = 0;
    bool mu = p.ring && pthread_mutex_init(&p.mu, NULL) == 0;
    bool work = mu && pthread_cond_init(&p.work, NULL) == 0;
    bool done = work && pthread_cond_init(&p.done, NULL) == 0;
    while (done && started + 1 < nthreads && pthread_create(&th[started], NULL, pool_worker, &p) == 0)
        started++;
    if (!started) { /* no threads to be had: one */
        if (done)
            pthread_cond_destroy(&p.done);
        if (work)
            pthread_cond_destroy(&p.work);
        if (mu)
            pthread_mutex_destroy(&p.mu);
        free(p.ring);
        return for_each_doc(c->o, process_doc, c, jsonl_default);
    }
    msg_sink = &p.pending;
    int rc = for_each_doc(c->o, pool_add, &p, jsonl_default);
    msg_sink = NULL;
    pool_write(&p, true);
    pthread_mutex_lock(&p.mu);
    p.closing = true;
    pthread_cond_broadcast(&p.work);
    pthread_mutex_unlock(&p.mu);
    for (size_t t = 0; t < started; t++)
        pthread_join(th[t], NULL);
    pthread_cond_destroy(&p.done);
    pthread_cond_destroy(&p.work);
    pthread_mutex_destroy(&p.mu);
    if (p.pending.len)
        fwrite(p.pending.p, 1, p.pending.len, stderr);
    free(p.pending.p);
    free(p.ring);
    return rc > p.worst ? rc : p.worst;
}

static const char *const EXTRACT_HELP =
    "usage: geomention extract [options] [FILE...]\n"
    "\n"
    "Finds the places named in each document, resolves them through the gazetteer, extracts the\n"
    "violent incidents with their casualty counts, and writes GeoJSON.  Reads the FILEs (or standard\n"
    "input): each text file is one document; with --input jsonl each line is a JSON object\n"
    "{\"id\": ..., \"text\": ..., \"date\": \"YYYY-MM-DD\"} (files ending in .jsonl are read that way).\n"
    "\n"
    "options:\n"
    "  --input text|jsonl          input format (default: text, or jsonl for *.jsonl)\n"
    "  --layer incidents|mentions|places|regions\n"
    "                              what to write (default: incidents): places is a point per place\n"
    "                              with its mention and incident counts, regions the admin-1\n"
    "                              polygons with incidents, killed and injured summed\n"
    "  --format geojson|geojsonseq|csv\n"
    "                              a FeatureCollection (RFC 7946), one feature per line (RFC 8142),\n"
    "                              or CSV with lon,lat columns (QGIS: Delimited Text, X=lon, Y=lat)\n"
    "  --format gpkg               a GeoPackage (also chosen by -o FILE.gpkg) with the layers\n"
    "                              incidents, mentions, places and regions (admin-1 polygons with\n"
    "                              incidents, killed and injured summed)\n"
    "  -o, --output FILE           write to FILE (replaced only when the run succeeds)\n"
    "  --date YYYY-MM-DD           publication date for text input (resolves \"on Friday\")\n"
    "  --no-demonyms               do not report \"Russian\", \"Texan\" as mentions\n"
    "  --max-doc-bytes N           refuse larger documents (default 64M)\n"
    "  --threads N                 process N documents at once (default 1); the output is the same,\n"
    "                              in input order\n"
    "  --db PATH                   gazetteer database (default: $GEOMENTION_DB or\n"
    "                              ~/.local/share/geomention/gazetteer.sqlite)\n"
    "\n"
    "examples:\n"
    "  geomention extract examples/article.txt --date 2025-04-25\n"
    "  geomention extract --input jsonl --layer mentions --format geojsonseq < docs.jsonl\n"
    "  geomention extract -o incidents.geojson news/*.txt\n"
    "  geomention extract -o news.gpkg news/*.txt\n"
    "  geomention extract --threads 2 --format geojsonseq -o out.geojsonseq feed.jsonl\n";

static const char *const RESOLVE_HELP =
    "usage: geomention resolve [options] [FILE...]\n"
    "\n"
    "Resolves place names that another tool found.  Each input line is a JSON object\n"
    "{\"id\": ..., \"text\": ..., \"spans\": [{\"start\": 10, \"end\": 19}, ...]} with UTF-8 byte offsets;\n"
    "the output has exactly one mention feature per span, in input order.  A span the gazetteer\n"
    "lacks is placed as an estimate: at the town or county written as its container (next to any\n"
    "mention of the name), else where the text's other towns (or counties) centre (precision\n"
    "\"near\", no name or GeoNames id, confidence 0.2); geometry is null when there is nothing to go\n"
    "by.  A span whose chosen entry is a small town in a country the text never mentions, or far\n"
    "from all its places (most likely a namesake of the place meant), is estimated too.\n"
    "\n"
    "options:\n"
    "  --input jsonl               the only input format (accepted for symmetry)\n"
    "  --no-estimates              leave a span the gazetteer lacks unresolved (geometry null)\n"
    "  --format geojson|geojsonseq (default: geojson)\n"
    "  -o, --output FILE           write to FILE\n"
    "  --db PATH                   gazetteer database\n"
    "\n"
    "example:\n"
    "  echo '{\"id\":\"a\",\"text\":\"Fire in Paris, Texas.\",\"spans\":[{\"start\":8,\"end\":13}]}' |\n"
    "    geomention resolve --format geojsonseq\n";

int parse_common(int argc, char **argv, opts *o, const char *help, bool allow_files)
{
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v;
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            fputs(help, stdout);
            exit(EXIT_OK);
        } else if (opt_value(argc, argv, &i, "--db", &v)) {
            o->db = v;
        } else if (opt_value(argc, argv, &i, "--input", &v)) {
            o->input = v;
        } else if (opt_value(argc, argv, &i, "--layer", &v)) {
            o->layer = v;
        } else if (opt_value(argc, argv, &i, "--format", &v)) {
            o->format = v;
        } else if (opt_value(argc, argv, &i, "--output", &v) || opt_value(argc, argv, &i, "-o", &v)) {
            o->output = v;
        } else if (opt_value(argc, argv, &i, "--date", &v)) {
            o->date = v;
        } else if (opt_value(argc, argv, &i, "--by", &v)) {
            o->by = v;
        } else if (opt_value(argc, argv, &i, "--source", &v)) {
            o->source = v;
        } else if (opt_value(argc, argv, &i, "--max-doc-bytes", &v)) {
            o->max_doc = parse_size(v, "--max-doc-bytes");
        } else if (opt_value(argc, argv, &i, "--limit", &v)) {
            o->limit = parse_size(v, "--limit");
        } else if (opt_value(argc, argv, &i, "--threads", &v)) {
            o->threads = parse_size(v, "--threads");
            if (o->threads > 64) {
                msg("--threads is at most 64, not %zu", o->threads);
                return EXIT_USAGE;
            }
        } else if (opt_value(argc, argv, &i, "--text", &v)) {
            o->text = v;
        } else if (opt_value(argc, argv, &i, "--context", &v)) {
            o->context = v;
        } else if (opt_value(argc, argv, &i, "--title", &v)) {
            o->title = v;
        } else if (opt_value(argc, argv, &i, "--since", &v)) {
            o->since = v;
        } else if (opt_value(argc, argv, &i, "--until", &v)) {
            o->until = v;
        } else if (opt_value(argc, argv, &i, "--gazetteer", &v)) {
            o->gazetteer = v;
        } else if (strcmp(a, "--no-demonyms") == 0) {
            o->no_demonyms = true;
        } else if (strcmp(a, "--no-estimates") == 0) {
            o->no_estimates = true;
        } else if (a[0] == '-' && a[1] != 0) {
            msg("unknown option %s (see --help)", a);
            return EXIT_USAGE;
        } else if (allow_files) {
            o->files[o->nfiles++] = argv[i];
        } else {
            msg("unexpected argument %s (see --help)", a);
            return EXIT_USAGE;
        }
    }
    return EXIT_OK;
}

/* The table format --format names (checked by the caller); text when none. */
gm_table_format table_format(const char *format)
{
    if (format && strcmp(format, "csv") == 0)
        return GM_TABLE_CSV;
    if (format && strcmp(format, "json") == 0)
        return GM_TABLE_JSON;
    if (format && strcmp(format, "markdown") == 0)
        return GM_TABLE_MARKDOWN;
    return GM_TABLE_TEXT;
}

static int cmd_extract(int argc, char **argv, bool resolve)
{
    opts o = {0};
    o.files = calloc((size_t)argc, sizeof *o.files);
    if (!o.files)
        return EXIT_INTERNAL;
    int rc = parse_common(argc, argv, &o, resolve ? RESOLVE_HELP : EXTRACT_HELP, true);
    static const char *const inputs[] = {"text", "jsonl", NULL},
                             *const layers[] = {"incidents", "mentions", "places", "regions", NULL},
                             *const formats[] = {"geojson", "geojsonseq", "csv", "gpkg", NULL};
    if (!rc && o.input && !one_of(o.input, inputs, "--input"))
        rc = EXIT_USAGE;
    if (!rc && o.layer && !one_of(o.layer, layers, "--layer"))
        rc = EXIT_USAGE;
    if (!rc && o.format && !one_of(o.format, formats, "--format"))
        rc = EXIT_USAGE;
    if (!rc && resolve && o.input && strcmp(o.input, "jsonl") != 0) {
        msg("resolve reads JSONL only (--input jsonl)");
        rc = EXIT_USAGE;
    }
    if (!rc && o.date) {
        struct tm tmv;
        memset(&tmv, 0, sizeof tmv);
        if (strlen(o.date) != 10 || !strptime(o.date, "%Y-%m-%d", &tmv)) {
            msg("--date must be YYYY-MM-DD, not '%s'", o.date);
            rc = EXIT_USAGE;
        }
    }
    if (rc) {
        free(o.files);
        return rc;
    }
    run_ctx c = {0};
    c.o = &o;
    c.resolve = resolve;
    c.layer = o.layer && strcmp(o.layer, "mentions") == 0 ? GM_LAYER_MENTIONS : GM_LAYER_INCIDENTS;
    bool gpkg = !resolve && ((o.format && strcmp(o.format, "gpkg") == 0) ||
                             (!o.format && o.output && ends_with(o.output, ".gpkg")));
    if (gpkg && (!o.output || strcmp(o.output, "-") == 0)) {
        msg("a GeoPackage is written to a file: give -o FILE.gpkg");
        free(o.files);
        return EXIT_USAGE;
    }
    c.w.seq = o.format && strcmp(o.format, "geojsonseq") == 0;
    c.w.csv = o.format && strcmp(o.format, "csv") == 0;
    c.w.layer = resolve ? GM_LAYER_MENTIONS : c.layer;
    c.gaz = open_gazetteer(&o, &rc);
    if (!c.gaz) {
        free(o.files);
        return rc;
    }
    if (gpkg) {
        gm_error err;
        if (gm_gpkg_create(o.output, c.gaz, &c.gpkg, &err) != GM_OK) {
            msg("%s", err.message);
            rc = EXIT_IO;
        } else {
            rc = run_docs(&c, false);
            /* kept when documents were processed, even if some records were skipped */
            if ((rc == EXIT_OK || rc == EXIT_BADINPUT) && gm_gpkg_finish(c.gpkg, &err) != GM_OK) {
                msg("%s", err.message);
                rc = EXIT_IO;
            }
            gm_gpkg_free(c.gpkg);
        }
        gm_gazetteer_free(c.gaz);
        free(o.files);
        return rc;
    }
    /* places and regions are sums over all documents, written at the end */
    bool summed = !resolve && o.layer && (strcmp(o.layer, "places") == 0 || strcmp(o.layer, "regions") == 0);
    if (summed && gm_summary_new(strcmp(o.layer, "places") == 0 ? GM_BY_PLACE : GM_BY_ADMIN1, &c.summary) != GM_OK)
        rc = EXIT_INTERNAL;
    if (rc == EXIT_OK)
        rc = out_open(&c.w.out, o.output);
    if (rc == EXIT_OK) {
        if (summed) {
            rc = run_docs(&c, resolve);
            if (rc == EXIT_OK || rc == EXIT_BADINPUT) {
                int wrc = write_summed(&c.w, c.summary, c.gaz);
                if (wrc)
                    rc = wrc;
            }
        } else {
            rc = writer_begin(&c.w);
            if (rc == EXIT_OK)
                rc = run_docs(&c, resolve);
        }
        writer_end(&c.w);
        /* the output is kept when documents were processed, even if some records were skipped */
        int rc2 = out_close(&c.w.out, rc == EXIT_OK || rc == EXIT_BADINPUT);
        if (rc2 > rc)
            rc = rc2;
    }
    gm_summary_free(c.summary);
    gm_gazetteer_free(c.gaz);
    free(o.files);
    return rc;
}

/* ------------------------------------------------------------------ summary */
static const char *const SUMMARY_HELP =
    "usage: geomention summary [options] [FILE...]\n"
    "\n"
    "Sums incidents, killed, injured and place mentions per region and prints a table sorted by\n"
    "killed.  Inputs may be text documents, JSONL documents, GeoJSON written earlier by\n"
    "`geomention extract` (a FeatureCollection, or GeoJSONSeq), or a store written by\n"
    "`geomention store`; the kind is detected from the content.\n"
    "Summaries of several files are merged.\n"
    "\n"
    "options:\n"
    "  --by admin1|admin2|country|place  grouping (default: admin1)\n"
    "  --since YYYY-MM-DD          only incidents dated on or after this day (undated ones are left out)\n"
    "  --until YYYY-MM-DD          only incidents dated on or before this day\n"
    "  --format table|csv|json|markdown|svg  (default: table); svg draws a choropleth of killed\n"
    "                              per admin-1 region with a legend (needs the gazetteer)\n"
    "  --title TEXT                the SVG map's title\n"
    "  --input auto|text|jsonl|geojson   (default: auto)\n"
    "  --date YYYY-MM-DD           publication date for text input\n"
    "  -o, --output FILE           write to FILE\n"
    "  --db PATH                   gazetteer database (needed for text and JSONL input)\n"
    "\n"
    "examples:\n"
    "  geomention summary examples/article.txt\n"
    "  geomention extract -o out.geojson news/*.txt && geomention summary --by country out.geojson\n"
    "  geomention summary --since 2025-04-01 --format svg -o killed.svg incidents.sqlite\n";

static bool has(const char *s, size_t n, const char *word)
{
    size_t w = strlen(word);
    for (size_t i = 0; i + w <= n; i++)
        if (memcmp(s + i, word, w) == 0)
            return true;
    return false;
}

/* The kind of an input, by the same rules as `summary`: a record separator starts GeoJSONSeq; a
 * first line that is a JSON object is a FeatureCollection, one Feature (alone, or one per line),
 * or a JSONL document (it has "text"); anything else is text. */
input_kind detect_kind(const char *buf, size_t len)
{
    size_t i = 0;
    if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    while (i < len && (buf[i] == ' ' || buf[i] == '\t' || buf[i] == '\r' || buf[i] == '\n'))
        i++;
    if (i < len && buf[i] == 0x1E)
        return IN_GEOJSONSEQ;
    if (i >= len || buf[i] != '{')
        return IN_TEXT;
    const char *nl = memchr(buf + i, '\n', len - i);
    size_t flen = (nl ? (size_t)(nl - buf) : len) - i;
    bool collection = has(buf + i, flen, "\"FeatureCollection\""), feature = has(buf + i, flen, "\"Feature\"");
    if (collection || (!nl && feature))
        return IN_GEOJSON;
    if (feature)
        return IN_GEOJSONSEQ;
    if (has(buf + i, flen, "\"text\""))
        return IN_JSONL;
    return IN_GEOJSON; /* a multi-line JSON document */
}

int add_geojson_input(const char *name, const char *buf, size_t len, bool seq, geojson_add_fn add, void *ctx)
{
    gm_error err;
    gm_status st;
    if (!seq) {
        if ((st = add(ctx, buf, len, &err)) != GM_OK) {
            msg("%s: %s", name, err.message);
            return st == GM_E_NOMEM ? EXIT_INTERNAL : EXIT_BADINPUT;
        }
        return EXIT_OK;
    }
    int rc = EXIT_OK;
    size_t lineno = 0, i = 0;
    while (i < len) {
        const char *nl = memchr(buf + i, '\n', len - i);
        size_t end = nl ? (size_t)(nl - buf) : len;
        lineno++;
        size_t a = i;
        while (a < end && (buf[a] == 0x1E || buf[a] == ' ' || buf[a] == '\t' || buf[a] == '\r'))
            a++;
        if (a < end && (st = add(ctx, buf + a, end - a, &err)) != GM_OK) {
            msg("%s:%zu: skipped: %s", name, lineno, err.message);
            if (st == GM_E_NOMEM)
                return EXIT_INTERNAL;
            rc = EXIT_BADINPUT;
        }
        i = end + 1;
    }
    return rc;
}

static gm_status summary_add(void *s, const char *json, size_t len, gm_error *err)
{
    return gm_summary_add_geojson(s, json, len, err);
}

static int cmd_summary(int argc, char **argv)
{
    opts o = {0};
    o.files = calloc((size_t)argc, sizeof *o.files);
    if (!o.files)
        return EXIT_INTERNAL;
    int rc = parse_common(argc, argv, &o, SUMMARY_HELP, true);
    static const char *const bys[] = {"admin1", "admin2", "country", "place", NULL},
                             *const formats[] = {"table", "csv", "json", "markdown", "svg", NULL},
                             *const inputs[] = {"auto", "text", "jsonl", "geojson", NULL};
    if (!rc && o.by && !one_of(o.by, bys, "--by"))
        rc = EXIT_USAGE;
    if (!rc && o.format && !one_of(o.format, formats, "--format"))
        rc = EXIT_USAGE;
    if (!rc && o.input && !one_of(o.input, inputs, "--input"))
        rc = EXIT_USAGE;
    if (rc) {
        free(o.files);
        return rc;
    }
    gm_summary_by by = !o.by                           ? GM_BY_ADMIN1
                       : strcmp(o.by, "country") == 0 ? GM_BY_COUNTRY
                       : strcmp(o.by, "admin2") == 0  ? GM_BY_ADMIN2
                       : strcmp(o.by, "place") == 0   ? GM_BY_PLACE
                                                      : GM_BY_ADMIN1;
    gm_summary *s = NULL;
    if (gm_summary_new(by, &s) != GM_OK) {
        free(o.files);
        return EXIT_INTERNAL;
    }
    gm_error derr;
    if (gm_summary_set_dates(s, o.since, o.until, &derr) != GM_OK) {
        msg("%s", derr.message);
        gm_summary_free(s);
        free(o.files);
        return EXIT_USAGE;
    }
    run_ctx c = {0};
    c.o = &o;
    c.summary = s;
    int worst = EXIT_OK;
    size_t nin = o.nfiles ? o.nfiles : 1;
    for (size_t fi = 0; fi < nin && worst != EXIT_NODB && worst != EXIT_INTERNAL; fi++) {
        const char *path = o.nfiles ? o.files[fi] : "-";
        bool is_stdin = strcmp(path, "-") == 0;
        FILE *f = is_stdin ? stdin : fopen(path, "rb");
        if (!f) {
            msg("cannot open %s: %s", path, strerror(errno));
            worst = worst > EXIT_IO ? worst : EXIT_IO;
            continue;
        }
        /* a store written by `geomention store` (an SQLite database) */
        char magic[16];
        if (!is_stdin && fread(magic, 1, sizeof magic, f) == sizeof magic &&
            memcmp(magic, "SQLite format 3", 16) == 0) {
            fclose(f);
            gm_error serr;
            if (gm_summary_add_store(s, path, &serr) != GM_OK) {
                msg("%s: %s", path, serr.message);
                worst = worst > EXIT_BADINPUT ? worst : EXIT_BADINPUT;
            }
            continue;
        }
        if (!is_stdin)
            rewind(f);
        size_t len;
        char *buf = read_all(f, &len);
        if (!is_stdin)
            fclose(f);
        if (!buf) {
            msg("reading %s failed", path);
            worst = worst > EXIT_IO ? worst : EXIT_IO;
            continue;
        }
        input_kind k = detect_kind(buf, len);
        if (o.input && strcmp(o.input, "text") == 0)
            k = IN_TEXT;
        else if (o.input && strcmp(o.input, "jsonl") == 0)
            k = IN_JSONL;
        else if (o.input && strcmp(o.input, "geojson") == 0 && k != IN_GEOJSONSEQ)
            k = IN_GEOJSON;
        const char *name = is_stdin ? "stdin" : path;
        int r;
        if (k == IN_GEOJSON || k == IN_GEOJSONSEQ) {
            r = add_geojson_input(name, buf, len, k == IN_GEOJSONSEQ, summary_add, s);
        } else {
            if (!c.gaz) {
                c.gaz = open_gazetteer(&o, &r);
                if (!c.gaz) {
                    free(buf);
                    worst = r;
                    break;
                }
            }
            /* feed this one buffer through the document loop */
            FILE *mem = fmemopen(buf, len ? len : 1, "rb");
            if (!mem) {
                free(buf);
                worst = EXIT_INTERNAL;
                break;
            }
            opts one = o;
            char *files[1] = {NULL};
            one.files = files;
            one.nfiles = 0;
            one.input = k == IN_JSONL ? "jsonl" : "text";
            FILE *saved = stdin;
            stdin = mem;
            r = for_each_doc(&one, process_doc, &c, false);
            stdin = saved;
            fclose(mem);
        }
        free(buf);
        if (r > worst)
            worst = r;
    }
    bool svg = o.format && strcmp(o.format, "svg") == 0;
    if (svg && by != GM_BY_ADMIN1) {
        msg("--format svg maps admin-1 regions: use it with --by admin1");
        worst = EXIT_USAGE;
    }
    /* a summary of half the input would mislead */
    bool stopped = worst == EXIT_INTERRUPTED || gm_cli_stop;
    if (stopped && worst != EXIT_INTERRUPTED) {
        msg("interrupted by %s: no summary written", gm_cli_stop == SIGTERM ? "SIGTERM" : "SIGINT");
        worst = EXIT_INTERRUPTED;
    }
    if (svg && !stopped && worst != EXIT_NODB && worst != EXIT_INTERNAL && worst != EXIT_USAGE) {
        int grc = EXIT_OK;
        if (!c.gaz)
            c.gaz = open_gazetteer(&o, &grc); /* the map's outlines */
        char *doc = NULL;
        size_t dlen = 0;
        gm_error serr;
        if (!c.gaz) {
            worst = grc;
        } else if (gm_summary_svg(s, c.gaz, o.title, &doc, &dlen, &serr) != GM_OK) {
            msg("%s", serr.message);
            worst = exit_for(serr.status);
        } else {
            outfile out;
            int orc = out_open(&out, o.output);
            if (orc == EXIT_OK) {
                fwrite(doc, 1, dlen, out.f);
                orc = out_close(&out, true);
            }
            if (orc > worst)
                worst = orc;
        }
        gm_free(doc);
    } else if (!stopped && worst != EXIT_NODB && worst != EXIT_INTERNAL && worst != EXIT_USAGE) {
        outfile out;
        int orc = out_open(&out, o.output);
        if (orc == EXIT_OK) {
            gm_table t;
            /* the columns: the grouping's names, then the sums */
            const char *heads[10];
            size_t nc = 0;
            if (by == GM_BY_PLACE)
                heads[nc++] = "place";
            heads[nc++] = "country";
            if (by != GM_BY_COUNTRY)
                heads[nc++] = "admin1";
            if (by == GM_BY_ADMIN2)
                heads[nc++] = "admin2";
            heads[nc++] = "#incidents";
            heads[nc++] = "#killed";
            heads[nc++] = "#injured";
            heads[nc++] = "#mentions";
            if (by != GM_BY_PLACE)
                heads[nc++] = "#places";
            if (gm_table_init(&t, nc, heads)) {
                for (size_t i = 0; i < gm_summary_row_count(s); i++) {
                    const gm_summary_row *r = gm_summary_row_at(s, i);
                    char inc[32], k[32], inj[32], men[32], pl[32];
                    snprintf(inc, sizeof inc, "%zu", r->incidents);
                    snprintf(k, sizeof k, "%ld", r->killed);
                    snprintf(inj, sizeof inj, "%ld", r->injured);
                    snprintf(men, sizeof men, "%zu", r->mentions);
                    snprintf(pl, sizeof pl, "%zu", r->places);
                    const char *cells[10];
                    size_t nc2 = 0;
                    if (by == GM_BY_PLACE)
                        cells[nc2++] = *r->place ? r->place : "(unknown)";
                    cells[nc2++] = *r->country ? r->country : (*r->country_code ? r->country_code : "(unknown)");
                    if (by != GM_BY_COUNTRY)
                        cells[nc2++] = *r->admin1 ? r->admin1 : "-";
                    if (by == GM_BY_ADMIN2)
                        cells[nc2++] = *r->admin2 ? r->admin2 : "-";
                    cells[nc2++] = inc;
                    cells[nc2++] = k;
                    cells[nc2++] = inj;
                    cells[nc2++] = men;
                    if (by != GM_BY_PLACE)
                        cells[nc2++] = pl;
                    gm_table_add(&t, cells);
                }
                gm_table_format fmt = table_format(o.format);
                bool color = out.f == stdout && isatty(fileno(stdout)) && !getenv("NO_COLOR");
                gm_table_print(&t, out.f, fmt, color);
                gm_table_free(&t);
            }
            orc = out_close(&out, true);
        }
        if (orc > worst)
            worst = orc;
    }
    gm_summary_free(s);
    gm_gazetteer_free(c.gaz);
    free(o.files);
    return worst;
}

/* ------------------------------------------------------------------ lookup */
static const char *const LOOKUP_HELP =
    "usage: geomention lookup [options] NAME...\n"
    "\n"
    "Shows the gazetteer's candidates for a place name, ranked as the resolver ranks them before\n"
    "it looks at the document, with the reasons.  With --text or --context, runs the document and\n"
    "shows, for every mention of NAME in it, the candidates as the document ranked them: the\n"
    "chosen entry first, and each score split into its parts (prior, votes of the other names for\n"
    "its country, admin-1 region and county, nearness, wording such as \"the X region\").\n"
    "\n"
    "options:\n"
    "  --text TEXT                 explain NAME's mentions in this text\n"
    "  --context FILE              explain NAME's mentions in this text file\n"
    "  --date YYYY-MM-DD           publication date of the text\n"
    "  --limit N                   show at most N candidates per mention (default 10)\n"
    "  --format table|csv|json|markdown\n"
    "  --db PATH                   gazetteer database\n"
    "\n"
    "examples:\n"
    "  geomention lookup Pavlohrad\n"
    "  geomention lookup --limit 3 Washington\n"
    "  geomention lookup --text 'Police in Springfield, Illinois said so.' Springfield\n"
    "  geomention lookup --context examples/drone-strikes.txt Kharkiv\n";

/* Adds the table rows of candidates (one mention's or one name's). */
static void lookup_rows(gm_table *t, const gm_candidate *cands, size_t n, const char *at)
{
    for (size_t k = 0; k < n; k++) {
        const gm_place *p = &cands[k].place;
        char rank[32], pop[32], lat[32], lon[32], gid[32], score[32];
        snprintf(rank, sizeof rank, "%zu", k + 1);
        snprintf(pop, sizeof pop, "%llu", (unsigned long long)p->population);
        snprintf(lat, sizeof lat, "%.5f", p->lat);
        snprintf(lon, sizeof lon, "%.5f", p->lon);
        snprintf(gid, sizeof gid, p->geonameid ? "%u" : "", (unsigned)p->geonameid);
        snprintf(score, sizeof score, "%.2f", cands[k].score);
        const char *row[] = {at, rank, p->name, p->country_code ? p->country_code : "", p->admin1 ? p->admin1 : "",
                             p->feature_code, pop, lat, lon, gid, score, cands[k].reasons};
        gm_table_add(t, at ? row : row + 1);
    }
}

/* Does the mention's text equal name, ignoring ASCII case? */
static bool same_text(const char *text, const gm_mention *m, const char *name)
{
    size_t n = strlen(name);
    return m->end - m->start == n && strncasecmp(text + m->start, name, n) == 0;
}

static int lookup_in_text(gm_gazetteer *g, const opts *o, gm_table *t, bool *found)
{
    char *buf = NULL;
    size_t len = 0;
    if (o->context) {
        FILE *f = fopen(o->context, "rb");
        if (!f) {
            msg("cannot read %s: %s", o->context, strerror(errno));
            return EXIT_IO;
        }
        buf = read_all(f, &len);
        fclose(f);
        if (!buf) {
            msg("cannot read %s", o->context);
            return EXIT_IO;
        }
    }
    const char *text = o->context ? buf : o->text;
    if (!o->context)
        len = strlen(text);
    gm_options opt;
    gm_options_init(&opt);
    opt.date = o->date;
    gm_doc *d = NULL;
    gm_error err;
    if (gm_extract(g, text, len, &opt, &d, &err) != GM_OK) {
        msg("%s", err.message);
        free(buf);
        return EXIT_INTERNAL;
    }
    size_t tlen;
    const char *dtext = gm_doc_text(d, &tlen);
    int rc = EXIT_OK;
    for (size_t f = 0; f < o->nfiles; f++) {
        bool any = false;
        for (size_t i = 0; i < gm_doc_mention_count(d); i++) {
            const gm_mention *m = gm_doc_mention(d, i);
            if (!same_text(dtext, m, o->files[f]))
                continue;
            gm_candidate *cands = NULL;
            size_t n = 0;
            if (gm_doc_explain(d, i, o->limit ? o->limit : 10, &cands, &n, &err) != GM_OK) {
                msg("%s", err.message);
                rc = EXIT_INTERNAL;
                break;
            }
            char at[32];
            snprintf(at, sizeof at, "%zu", m->start);
            lookup_rows(t, cands, n, at);
            gm_candidates_free(cands);
            any = *found = true;
        }
        if (!any)
            msg("the text has no place mention '%s'", o->files[f]);
    }
    gm_doc_free(d);
    free(buf);
    return rc;
}

static int cmd_lookup(int argc, char **argv)
{
    opts o = {0};
    o.files = calloc((size_t)argc, sizeof *o.files);
    if (!o.files)
        return EXIT_INTERNAL;
    int rc = parse_common(argc, argv, &o, LOOKUP_HELP, true);
    static const char *const formats[] = {"table", "csv", "json", "markdown", NULL};
    if (!rc && o.format && !one_of(o.format, formats, "--format"))
        rc = EXIT_USAGE;
    if (!rc && o.nfiles == 0) {
        msg("lookup needs a NAME (see --help)");
        rc = EXIT_USAGE;
    }
    if (!rc && o.text && o.context) {
        msg("give --text or --context, not both");
        rc = EXIT_USAGE;
    }
    gm_gazetteer *g = rc ? NULL : open_gazetteer(&o, &rc);
    if (!g) {
        free(o.files);
        return rc;
    }
    gm_table_format fmt = table_format(o.format);
    bool in_text = o.text || o.context;
    const char *head[] = {"#at", "#rank", "name", "country", "admin1", "feature", "#population", "#lat", "#lon",
                          "#geonameid", "#score", "reasons"};
    gm_table t;
    if (!gm_table_init(&t, in_text ? 12 : 11, in_text ? head : head + 1)) {
        gm_gazetteer_free(g);
        free(o.files);
        return EXIT_INTERNAL;
    }
    bool found = false;
    if (in_text) {
        rc = lookup_in_text(g, &o, &t, &found);
    } else {
        for (size_t i = 0; i < o.nfiles; i++) {
            gm_candidate *cands = NULL;
            size_t n = 0;
            gm_error err;
            if (gm_lookup(g, o.files[i], strlen(o.files[i]), o.limit ? o.limit : 10, &cands, &n, &err) != GM_OK) {
                msg("%s", err.message);
                rc = EXIT_INTERNAL;
                break;
            }
            if (n == 0)
                msg("no gazetteer entry is called '%s'", o.files[i]);
            lookup_rows(&t, cands, n, NULL);
            found |= n > 0;
            gm_candidates_free(cands);
        }
    }
    if (found)
        gm_table_print(&t, stdout, fmt, isatty(fileno(stdout)) && !getenv("NO_COLOR"));
    gm_table_free(&t);
    gm_gazetteer_free(g);
    free(o.files);
    if (!rc && !found)
        rc = EXIT_BADINPUT;
    return rc;
}

/* ------------------------------------------------------------------ gazetteer */
static const char *const GAZETTEER_HELP =
    "usage: geomention gazetteer build [--source DIR] [--db PATH]\n"
    "       geomention gazetteer info [--db PATH]\n"
    "\n"
    "build  turns the gazetteer text files (GeoNames places, admin-1 regions with Natural Earth\n"
    "       polygons, countries, the hand-curated supplement) into the SpatiaLite database and its\n"
    "       name index.  --source defaults to the gazetteer/ folder of the source tree (or the\n"
    "       installed copy); --db to $GEOMENTION_DB or ~/.local/share/geomention/gazetteer.sqlite.\n"
    "info   prints what the database holds.\n"
    "\n"
    "examples:\n"
    "  geomention gazetteer build\n"
    "  geomention gazetteer build --db /tmp/gaz.sqlite && geomention --help\n";

static bool stderr_tty;

static void build_progress(void *user, const char *stage, size_t done, size_t total)
{
    (void)user;
    if (!stderr_tty)
        return;
    if (total)
        fprintf(stderr, "\r%s: %-16s %5.1f%%   ", prog, stage, 100.0 * (double)done / (double)total);
    else
        fprintf(stderr, "\r%s: %-16s %zu        ", prog, stage, done);
    fflush(stderr);
}

static int cmd_gazetteer(int argc, char **argv)
{
    if (argc < 2 || strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0) {
        fputs(GAZETTEER_HELP, argc < 2 ? stderr : stdout);
        return argc < 2 ? EXIT_USAGE : EXIT_OK;
    }
    opts o = {0};
    o.files = calloc((size_t)argc, sizeof *o.files);
    if (!o.files)
        return EXIT_INTERNAL;
    int rc = parse_common(argc - 1, argv + 1, &o, GAZETTEER_HELP, false);
    if (rc) {
        free(o.files);
        return rc;
    }
    if (strcmp(argv[1], "build") == 0) {
        const char *src = o.source;
        struct stat st;
        if (!src)
            src = getenv("GEOMENTION_GAZETTEER_SOURCE");
        if (!src) {
            char probe[PATH_MAX];
            snprintf(probe, sizeof probe, "%s/places.tsv.gz", GM_GAZETTEER_SOURCE_DIR);
            src = stat(probe, &st) == 0 ? GM_GAZETTEER_SOURCE_DIR : GM_GAZETTEER_INSTALL_DIR;
        }
        stderr_tty = isatty(fileno(stderr));
        gm_build_options bo = {src, o.db, build_progress, NULL, &gm_cli_stop};
        gm_error err;
        struct timespec t0, t1;
        clock_gettime(CLOCK_MONOTONIC, &t0);
        gm_status s = gm_gazetteer_build(&bo, &err);
        clock_gettime(CLOCK_MONOTONIC, &t1);
        if (stderr_tty)
            fputs("\r\033[K", stderr);
        if (s != GM_OK) {
            if (s == GM_E_CANCELLED)
                msg("interrupted by %s: the gazetteer build stopped; nothing was written",
                    gm_cli_stop == SIGTERM ? "SIGTERM" : "SIGINT");
            else
                msg("gazetteer build failed: %s", err.message);
            rc = exit_for(s);
        } else {
            char path[4096];
            if (!o.db && gm_default_db_path(path, sizeof path) == GM_OK)
                o.db = path;
            fprintf(stderr, "%s: built %s in %.1f s from %s: %s\n", prog, o.db, (double)(t1.tv_sec - t0.tv_sec) +
                    (double)(t1.tv_nsec - t0.tv_nsec) / 1e9, src, err.message);
        }
    } else if (strcmp(argv[1], "info") == 0) {
        gm_gazetteer *g = open_gazetteer(&o, &rc);
        if (g) {
            gm_gazetteer_stats s;
            gm_gazetteer_get_stats(g, &s);
            printf("database   %s\nbuilt      %s by geomention %s\nentries    %zu\nnames      %zu\n"
                   "admin-1    %zu\ncountries  %zu\n",
                   gm_gazetteer_path(g), s.built_at, s.version, s.places, s.names, s.admin1, s.countries);
            gm_gazetteer_free(g);
        }
    } else {
        msg("unknown gazetteer command '%s' (build or info)", argv[1]);
        rc = EXIT_USAGE;
    }
    free(o.files);
    return rc;
}

/* ------------------------------------------------------------------ main */
static const char *const MAIN_HELP =
    "usage: geomention [--version] [--help] COMMAND [options] [FILE...]\n"
    "\n"
    "Turns news text into maps: finds the places an article names, resolves them to coordinates\n"
    "and regions, extracts violent incidents with their casualty counts, and writes GeoJSON.\n"
    "\n"
    "commands:\n"
    "  extract     places and incidents of documents, as GeoJSON\n"
    "  resolve     resolve place-name spans found by another tool\n"
    "  summary     incidents, casualties and mentions per region\n"
    "  lookup      the gazetteer's candidates for a name, with reasons\n"
    "  map         a self-contained HTML map of the incidents (Leaflet)\n"
    "  gazetteer   build or describe the gazetteer database\n"
    "\n"
    "Run `geomention COMMAND --help` for a command's options.\n"
    "\n"
    "exit status: 0 success; 1 usage error; 2 gazetteer database missing or outdated (run\n"
    "`geomention gazetteer build`); 3 malformed input records were skipped; 4 a file could not be\n"
    "read or written; 5 internal error; 130 interrupted (SIGINT, SIGTERM), no output file written.\n"
    "\n"
    "Gazetteer data: GeoNames (CC BY 4.0, geonames.org) and Natural Earth (public domain).\n";

volatile int gm_cli_stop;

static void on_stop_signal(int sig)
{
    gm_cli_stop = sig;
    signal(sig, SIG_DFL); /* a second one ends the process at once */
}

/*
 * SIGINT/SIGTERM: stop between documents, so output files are removed rather than left
 * half-written and the store commits whole documents only (no SA_RESTART: a read waiting on a
 * terminal or pipe returns at once).  SIGXFSZ (a file size limit, `ulimit -f`) is ignored so that
 * writing fails with EFBIG and is reported like a full disk.  SIGPIPE keeps its default: output
 * into a closed pipe (`| head -1`) ends the run quietly, with status 141, like other filters.
 */
static void install_signals(void)
{
    struct sigaction sa, old;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_stop_signal;
    sigemptyset(&sa.sa_mask);
    int sigs[] = {SIGINT, SIGTERM};
    for (size_t i = 0; i < 2; i++)
        /* a signal ignored on entry stays ignored (a shell starts background jobs so, that Ctrl-C at
         * the terminal does not reach them) */
        if (sigaction(sigs[i], NULL, &old) == 0 && old.sa_handler != SIG_IGN)
            sigaction(sigs[i], &sa, NULL);
    signal(SIGXFSZ, SIG_IGN);
}

int main(int argc, char **argv)
{
    install_signals();
    if (argc < 2) {
        fputs(MAIN_HELP, stderr);
        return EXIT_USAGE;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
        fputs(MAIN_HELP, stdout);
        return EXIT_OK;
    }
    if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "-V") == 0) {
        printf("geomention %s\n", gm_version());
        return EXIT_OK;
    }
    if (strcmp(cmd, "extract") == 0)
        return cmd_extract(argc - 1, argv + 1, false);
    if (strcmp(cmd, "resolve") == 0)
        return cmd_extract(argc - 1, argv + 1, true);
    if (strcmp(cmd, "summary") == 0)
        return cmd_summary(argc - 1, argv + 1);
    if (strcmp(cmd, "lookup") == 0)
        return cmd_lookup(argc - 1, argv + 1);
    if (strcmp(cmd, "gazetteer") == 0)
        return cmd_gazetteer(argc - 1, argv + 1);
    if (strcmp(cmd, "map") == 0)
        return cmd_map(argc - 1, argv + 1);
    if (strcmp(cmd, "store") == 0)
        return cmd_store(argc - 1, argv + 1);
    msg("unknown command '%s' (see --help)", cmd);
    return EXIT_USAGE;
}
