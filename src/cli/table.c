/*
 * table.c - printing summary and lookup tables.
 */
#include "table.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static char *dup(const char *s)
{
    size_t n = strlen(s ? s : "");
    char *d = malloc(n + 1);
    if (d)
        memcpy(d, s ? s : "", n + 1);
    return d;
}

bool gm_table_init(gm_table *t, size_t ncols, const char *const *headers)
{
    memset(t, 0, sizeof *t);
    t->ncols = ncols;
    t->head = calloc(ncols, sizeof *t->head);
    t->numeric = calloc(ncols, sizeof *t->numeric);
    if (!t->head || !t->numeric)
        return false;
    for (size_t i = 0; i < ncols; i++) {
        t->numeric[i] = headers[i][0] == '#';
        t->head[i] = dup(headers[i] + t->numeric[i]);
        if (!t->head[i])
            return false;
    }
    return true;
}

bool gm_table_add(gm_table *t, const char *const *cells)
{
    if ((t->nrows + 1) * t->ncols > t->cap) {
        size_t nc = t->cap ? t->cap * 2 : t->ncols * 16;
        char **p = realloc(t->cells, nc * sizeof *p);
        if (!p)
            return false;
        t->cells = p;
        t->cap = nc;
    }
    for (size_t i = 0; i < t->ncols; i++) {
        t->cells[t->nrows * t->ncols + i] = dup(cells[i]);
        if (!t->cells[t->nrows * t->ncols + i])
            return false;
    }
    t->nrows++;
    return true;
}

void gm_table_free(gm_table *t)
{
    for (size_t i = 0; i < t->nrows * t->ncols; i++)
        free(t->cells[i]);
    for (size_t i = 0; t->head && i < t->ncols; i++)
        free(t->head[i]);
    free(t->cells);
    free(t->head);
    free(t->numeric);
    memset(t, 0, sizeof *t);
}

static uint32_t decode(const unsigned char *s, size_t *n)
{
    if (s[0] < 0x80) {
        *n = 1;
        return s[0];
    }
    int len = (s[0] & 0xE0) == 0xC0 ? 2 : (s[0] & 0xF0) == 0xE0 ? 3 : (s[0] & 0xF8) == 0xF0 ? 4 : 1;
    uint32_t cp = len == 2 ? s[0] & 0x1F : len == 3 ? s[0] & 0x0F : len == 4 ? s[0] & 0x07 : 0xFFFD;
    for (int i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80) {
            *n = 1;
            return 0xFFFD;
        }
        cp = (cp << 6) | (s[i] & 0x3F);
    }
    *n = (size_t)len;
    return cp;
}

size_t gm_display_width(const char *str)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t w = 0;
    while (*s) {
        size_t n;
        uint32_t cp = decode(s, &n);
        s += n;
        if ((cp >= 0x300 && cp <= 0x36F) || (cp >= 0x200B && cp <= 0x200F))
            continue; /* combining marks and zero-width characters */
        bool wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
                    (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
                    (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
                    (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1FAFF) || (cp >= 0x20000 && cp <= 0x3FFFD);
        w += wide ? 2 : 1;
    }
    return w;
}

static void pad(FILE *out, size_t n)
{
    while (n--)
        fputc(' ', out);
}

static void csv_cell(FILE *out, const char *s)
{
    if (!strpbrk(s, ",\"\n\r")) {
        fputs(s, out);
        return;
    }
    fputc('"', out);
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', out);
        fputc(*s, out);
    }
    fputc('"', out);
}

static void json_cell(FILE *out, const char *s)
{
    fputc('"', out);
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\')
            fprintf(out, "\\%c", c);
        else if (c < 0x20)
            fprintf(out, "\\u%04x", c);
        else
            fputc(c, out);
    }
    fputc('"', out);
}

void gm_table_print(const gm_table *t, FILE *out, gm_table_format fmt, bool color)
{
    size_t nc = t->ncols;
    if (fmt == GM_TABLE_CSV) {
        for (size_t c = 0; c < nc; c++) {
            if (c)
                fputc(',', out);
            csv_cell(out, t->head[c]);
        }
        fputc('\n', out);
        for (size_t r = 0; r < t->nrows; r++) {
            for (size_t c = 0; c < nc; c++) {
                if (c)
                    fputc(',', out);
                csv_cell(out, t->cells[r * nc + c]);
            }
            fputc('\n', out);
        }
        return;
    }
    if (fmt == GM_TABLE_JSON) {
        fputs("[", out);
        for (size_t r = 0; r < t->nrows; r++) {
            fputs(r ? ",\n {" : "\n {", out);
            for (size_t c = 0; c < nc; c++) {
                if (c)
                    fputs(", ", out);
                json_cell(out, t->head[c]);
                fputs(": ", out);
                const char *v = t->cells[r * nc + c];
                if (t->numeric[c] && *v)
                    fputs(v, out);
                else if (t->numeric[c])
                    fputs("null", out);
                else
                    json_cell(out, v);
            }
            fputs("}", out);
        }
        fputs(t->nrows ? "\n]\n" : "]\n", out);
        return;
    }
    size_t *w = calloc(nc, sizeof *w);
    if (!w)
        return;
    for (size_t c = 0; c < nc; c++) {
        w[c] = gm_display_width(t->head[c]);
        for (size_t r = 0; r < t->nrows; r++) {
            size_t x = gm_display_width(t->cells[r * nc + c]);
            if (x > w[c])
                w[c] = x;
        }
    }
    bool md = fmt == GM_TABLE_MARKDOWN;
    const char *bold = color && !md ? "\033[1m" : "", *reset = color && !md ? "\033[0m" : "";
    for (int pass = 0; pass < 1; pass++) {
        if (md)
            fputs("| ", out);
        for (size_t c = 0; c < nc; c++) {
            size_t x = gm_display_width(t->head[c]);
            if (c)
                fputs(md ? " | " : "  ", out);
            fputs(bold, out);
            if (t->numeric[c])
                pad(out, w[c] - x);
            fputs(t->head[c], out);
            fputs(reset, out);
            if (!t->numeric[c] && (c + 1 < nc || md))
                pad(out, w[c] - x);
        }
        fputs(md ? " |\n" : "\n", out);
    }
    if (md) {
        fputs("|", out);
        for (size_t c = 0; c < nc; c++) {
            fputc(' ', out);
            for (size_t i = 0; i < w[c]; i++)
                fputc(i + 1 == w[c] && t->numeric[c] ? ':' : '-', out);
            fputs(" |", out);
        }
        fputc('\n', out);
    }
    for (size_t r = 0; r < t->nrows; r++) {
        if (md)
            fputs("| ", out);
        for (size_t c = 0; c < nc; c++) {
            const char *v = t->cells[r * nc + c];
            size_t x = gm_display_width(v);
            if (c)
                fputs(md ? " | " : "  ", out);
            if (t->numeric[c])
                pad(out, w[c] - x);
            if (md) {
                for (const char *p = v; *p; p++)
                    fputs(*p == '|' ? "\\|" : (char[2]){*p, 0}, out);
            } else {
                fputs(v, out);
            }
            if (!t->numeric[c] && (c + 1 < nc || md))
                pad(out, w[c] - x);
        }
        fputs(md ? " |\n" : "\n", out);
    }
    free(w);
}
