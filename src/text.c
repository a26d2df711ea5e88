/*
 * text.c - the tokenizer and sentence splitter.
 *
 * One pass over the bytes makes tokens (see text.h); a second pass over the tokens draws sentence
 * and paragraph boundaries.  News text is the target: a line break ends a sentence (scraped
 * articles and headlines put one per line), a blank line ends a paragraph, and a full stop ends a
 * sentence unless it closes an abbreviation ("Mr.", "St.", "Jan."), an initial ("U.S.", "J. K.")
 * or a decimal number, or the next word is lower case.
 */
#include "text.h"
#include "wordset.h"

#include <string.h>

#include "unicode.h"

static bool push_token(gm_text *t, const gm_token *k)
{
    if (t->ntok >= t->captok && !gm_grow((void **)&t->tok, &t->captok, t->ntok + 1, sizeof *t->tok))
        return false;
    t->tok[t->ntok++] = *k;
    return true;
}

static bool fold_reserve(gm_text *t, size_t extra)
{
    return gm_grow((void **)&t->fold, &t->fold_cap, t->fold_len + extra + 1, 1);
}

/* Decodes the code point at s[i] with an ASCII fast path; returns its byte length. */
static inline size_t next_cp(const unsigned char *s, size_t len, size_t i, uint32_t *cp)
{
    if (s[i] < 0x80) {
        *cp = s[i];
        return 1;
    }
    return gm_utf8_decode(s + i, len - i, cp);
}

static inline int cp_class(uint32_t cp)
{
    if (cp < 0x80) {
        if (gm_ascii_alpha((int)cp))
            return gm_ascii_upper((int)cp) ? GM_UC_UPPER : GM_UC_LOWER;
        if (gm_ascii_digit((int)cp))
            return GM_UC_DIGIT;
    }
    return gm_uc_class(cp);
}

static inline bool is_newline(uint32_t cp) { return cp == '\n' || cp == 0x2028 || cp == 0x2029 || cp == 0x85; }

static unsigned char punct_code(uint32_t cp, int cls)
{
    if (cp < 0x80)
        return (unsigned char)cp;
    if (cls == GM_UC_APOS)
        return '\'';
    if (cls == GM_UC_HYPHEN)
        return '-';
    if (cls == GM_UC_STOP)
        return cp == 0x2026 || cp == 0x3002 || cp == 0xFF0E || cp == 0x06D4 || cp == 0x0964 ? '.' : (cp == 0xFF01 ? '!' : '?');
    if (cp == 0x2013 || cp == 0x2014 || cp == 0x2212 || cp == 0x2015)
        return GM_P_DASH;
    if (cp == 0x201C || cp == 0x201D || cp == 0x00AB || cp == 0x00BB || cp == 0x201E || cp == 0x201F)
        return GM_P_QUOTE;
    return GM_P_OTHER;
}

/* Scans one word or number token starting at i; fills k and appends its fold. */
static bool scan_word(gm_text *t, size_t i, gm_token *k, size_t *next)
{
    const unsigned char *s = (const unsigned char *)t->s;
    size_t len = t->len;
    size_t j = i;
    int letters = 0, upper = 0, lower = 0, digits = 0;
    int first_letter_cls = -1;
    size_t fold_start = t->fold_len;
    size_t last_apos_fold = SIZE_MAX; /* fold length right after an apostrophe inside the word */
    int prev_cls = -1;
    while (j < len) {
        /* the common case first: an ASCII letter or digit (what the general path below does with
         * it, without decoding, classifying and folding through tables) */
        unsigned char b = s[j];
        if ((unsigned)(b - 'a') < 26u) {
            /* a run of lower-case ASCII letters, most of every word: copied as it is */
            size_t end = j + 1;
            while (end < len && (unsigned)(s[end] - 'a') < 26u)
                end++;
            size_t n = end - j;
            if (t->fold_len + n + 1 > t->fold_cap && !fold_reserve(t, n + 8))
                return false;
            memcpy(t->fold + t->fold_len, s + j, n);
            t->fold_len += n;
            letters += (int)n;
            lower += (int)n;
            if (first_letter_cls < 0)
                first_letter_cls = GM_UC_LOWER;
            prev_cls = GM_UC_LOWER;
            j = end;
            continue;
        }
        if (b < 0x80 && (gm_ascii_alpha(b) || gm_ascii_digit(b))) {
            if (t->fold_len + 2 > t->fold_cap && !fold_reserve(t, 8))
                return false;
            int cls = gm_ascii_upper(b) ? GM_UC_UPPER : gm_ascii_lower(b) ? GM_UC_LOWER : GM_UC_DIGIT;
            if (cls == GM_UC_DIGIT) {
                digits++;
            } else {
                letters++;
                if (first_letter_cls < 0)
                    first_letter_cls = cls;
                upper += cls == GM_UC_UPPER;
                lower += cls == GM_UC_LOWER;
            }
            t->fold[t->fold_len++] = (char)gm_ascii_tolower(b);
            prev_cls = cls;
            j++;
            continue;
        }
        uint32_t cp;
        size_t n = next_cp(s, len, j, &cp);
        int cls = cp_class(cp);
        bool take = false;
        if (gm_uc_is_letter(cls) || cls == GM_UC_DIGIT || (cls == GM_UC_MARK && j > i)) {
            take = true;
        } else if (cls == GM_UC_APOS && gm_uc_is_letter(prev_cls) && j + n < len) {
            uint32_t c2;
            next_cp(s, len, j + n, &c2);
            take = gm_uc_is_letter(cp_class(c2)); /* L'viv, Kyiv's; not a closing quote */
        } else if ((cp == ',' || cp == '.') && prev_cls == GM_UC_DIGIT && letters == 0 && j + n < len) {
            take = gm_ascii_digit(s[j + n]); /* 10,000 and 3.5 */
            if (take && cp == ',') {
                /* a thousands separator has exactly three digits after it */
                int nd = 0;
                while (j + n + (size_t)nd < len && gm_ascii_digit(s[j + n + (size_t)nd]))
                    nd++;
                take = nd == 3;
            }
        }
        if (!take)
            break;
        if (t->fold_len + 9 > t->fold_cap && !fold_reserve(t, 8))
            return false;
        if (gm_uc_is_letter(cls)) {
            letters++;
            if (first_letter_cls < 0)
                first_letter_cls = cls;
            if (cls == GM_UC_UPPER)
                upper++;
            else if (cls == GM_UC_LOWER)
                lower++;
        } else if (cls == GM_UC_DIGIT) {
            digits++;
        }
        if (cls == GM_UC_APOS) {
            last_apos_fold = t->fold_len;
        } else if (cp == ',' || cp == '.') {
            t->fold[t->fold_len++] = (char)cp;
        } else {
            t->fold_len += gm_uc_fold(cp, t->fold + t->fold_len);
        }
        prev_cls = cls;
        j += n;
    }
    memset(k, 0, sizeof *k);
    k->start = (uint32_t)i;
    k->end = (uint32_t)j;
    k->fold_off = (uint32_t)fold_start;
    size_t fl = t->fold_len - fold_start;
    if (fl > UINT16_MAX) { /* an absurdly long "word": keep the offsets, cut the fold */
        t->fold_len = fold_start + UINT16_MAX;
        fl = UINT16_MAX;
        last_apos_fold = SIZE_MAX;
    }
    k->fold_len = (uint16_t)fl;
    k->base_len = k->fold_len;
    k->hash = gm_wordset_hash(t->fold + fold_start, fl);
    k->type = letters ? GM_TOK_WORD : GM_TOK_NUM;
    if (digits)
        k->flags |= GM_TF_HAS_DIGIT;
    if (first_letter_cls == GM_UC_UPPER)
        k->flags |= GM_TF_CAP;
    else if (first_letter_cls == GM_UC_LOWER)
        k->flags |= GM_TF_LOWER;
    if (letters >= 2 && upper >= 2 && lower == 0)
        k->flags |= GM_TF_ALLCAPS;
    if (last_apos_fold != SIZE_MAX && t->fold_len == last_apos_fold + 1 && t->fold[last_apos_fold] == 's' &&
        last_apos_fold > fold_start) {
        k->flags |= GM_TF_POSSESSIVE;
        k->base_len = (uint16_t)(last_apos_fold - fold_start);
        /* "US's", "NATO's": capitals before the possessive 's */
        if (letters >= 3 && upper == letters - 1 && lower == 1 && (j > 0 && (s[j - 1] == 's')))
            k->flags |= GM_TF_ALLCAPS;
    }
    *next = j;
    return true;
}

/* Words after which a full stop does not end a sentence. */
static const gm_word ABBREVIATIONS[] = {
    GM_WORD("mr"), GM_WORD("mrs"), GM_WORD("ms"), GM_WORD("dr"), GM_WORD("st"), GM_WORD("ste"), GM_WORD("gen"),
    GM_WORD("col"), GM_WORD("lt"), GM_WORD("sgt"), GM_WORD("capt"), GM_WORD("cpl"), GM_WORD("pvt"),
    GM_WORD("maj"), GM_WORD("adm"), GM_WORD("gov"), GM_WORD("sen"), GM_WORD("rep"), GM_WORD("rev"),
    GM_WORD("hon"), GM_WORD("pres"), GM_WORD("jr"), GM_WORD("sr"), GM_WORD("inc"), GM_WORD("co"),
    GM_WORD("corp"), GM_WORD("ltd"), GM_WORD("no"), GM_WORD("nos"), GM_WORD("vs"), GM_WORD("jan"),
    GM_WORD("feb"), GM_WORD("mar"), GM_WORD("apr"), GM_WORD("jun"), GM_WORD("jul"), GM_WORD("aug"),
    GM_WORD("sep"), GM_WORD("sept"), GM_WORD("oct"), GM_WORD("nov"), GM_WORD("dec"), GM_WORD("mt"),
    GM_WORD("ft"), GM_WORD("ave"), GM_WORD("blvd"), GM_WORD("rd"), GM_WORD("prof"), GM_WORD("approx"),
    GM_WORD("dept"), GM_WORD("univ"), GM_WORD("est"), GM_WORD("fig"), GM_WORD("al"), GM_WORD("cf"),
    GM_WORD("etc"), GM_WORD("ie"), GM_WORD("eg"), GM_WORD("supt"), GM_WORD("insp"), GM_WORD("det"),
    GM_WORD("atty"), GM_WORD("assn"), GM_WORD("bros"), GM_WORD("mass"), GM_WORD("calif"), GM_WORD("fla"),
    GM_WORD("ariz"), GM_WORD("tenn"), GM_WORD("penn"), GM_WORD("wash"), GM_WORD("okla"), GM_WORD("mich"),
    GM_WORD("minn"), GM_WORD("wis"), GM_WORD("conn"), GM_WORD("colo"), GM_WORD("ky"), GM_WORD("va"),
    GM_WORD("ga"), GM_WORD("pa"), GM_WORD("la"), GM_WORD("md"), GM_WORD("mo"), GM_WORD("nev"),
};
#define ABBREVIATION_MAX 6 /* the longest above */

static bool is_abbreviation(const gm_text *t, const gm_token *k)
{
    if (k->type != GM_TOK_WORD)
        return false;
    if (k->end - k->start == 1 && (k->flags & GM_TF_CAP))
        return true; /* an initial: J. K. Rowling, U.S. */
    if (k->fold_len > ABBREVIATION_MAX)
        return false;
    return gm_tok_one_of(t, k, ABBREVIATIONS, GM_ARRAY_LEN(ABBREVIATIONS));
}

static bool push_sentence(gm_text *t, size_t tok_start, size_t tok_end, uint32_t para)
{
    if (tok_end <= tok_start)
        return true;
    if (!gm_grow((void **)&t->sent, &t->capsent, t->nsent + 1, sizeof *t->sent))
        return false;
    gm_sentence *se = &t->sent[t->nsent];
    se->tok_start = (uint32_t)tok_start;
    se->tok_end = (uint32_t)tok_end;
    se->start = t->tok[tok_start].start;
    se->end = t->tok[tok_end - 1].end;
    se->para = para;
    for (size_t i = tok_start; i < tok_end; i++)
        t->tok[i].sent = (uint32_t)t->nsent;
    for (size_t i = tok_start; i < tok_end; i++) {
        if (t->tok[i].type != GM_TOK_PUNCT) {
            t->tok[i].flags |= GM_TF_SENT_START;
            break;
        }
    }
    t->nsent++;
    return true;
}

static bool is_closing(const gm_token *k)
{
    return k->type == GM_TOK_PUNCT &&
           (k->punct == '"' || k->punct == '\'' || k->punct == ')' || k->punct == ']' || k->punct == GM_P_QUOTE);
}

static bool split_sentences(gm_text *t)
{
    size_t start = 0;
    uint32_t para = 0, start_para = 0;
    bool pending = false; /* a sentence-ending stop was seen; the boundary comes before the next word */
    for (size_t i = 0; i < t->ntok; i++) {
        gm_token *k = &t->tok[i];
        if ((k->flags & GM_TF_PARA_START) && i > 0)
            para++;
        bool brk = false;
        if (i > start && (k->flags & GM_TF_NL_BEFORE))
            brk = true;
        else if (pending && !is_closing(k) && (k->flags & GM_TF_SPACE_BEFORE)) {
            /* "e.g. something": a lower-case word after a stop continues the sentence */
            brk = !(k->type == GM_TOK_WORD && (k->flags & GM_TF_LOWER));
            pending = false;
        } else if (pending && k->type == GM_TOK_WORD && (k->flags & GM_TF_CAP) && !(k->flags & GM_TF_ALLCAPS) &&
                   i >= 2 && t->tok[i - 2].type == GM_TOK_WORD && (t->tok[i - 2].flags & GM_TF_LOWER) &&
                   t->tok[i - 2].end - t->tok[i - 2].start >= 2) {
            /* scraped text without the space: "on Friday afternoon.It happened" */
            brk = true;
            pending = false;
        }
        if (brk) {
            if (!push_sentence(t, start, i, start_para))
                return false;
            start = i;
            start_para = para;
            pending = false;
        }
        if (k->type == GM_TOK_PUNCT && (k->punct == '.' || k->punct == '!' || k->punct == '?')) {
            bool stop = true;
            if (k->punct == '.' && i > 0 && k->end - k->start == 1) {
                gm_token *p = &t->tok[i - 1];
                if (p->end == k->start && is_abbreviation(t, p)) {
                    p->flags |= GM_TF_ABBREV;
                    stop = false;
                }
            }
            if (stop)
                pending = true;
        }
    }
    return push_sentence(t, start, t->ntok, start_para);
}

bool gm_text_tokenize(gm_text *t, const char *str, size_t len)
{
    memset(t, 0, sizeof *t);
    t->s = str;
    t->len = len;
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0;
    bool space = false;
    int newlines = 0;
    bool first = true;
    /* a rough guess that avoids most regrowth: one token per 5 bytes */
    if (!gm_grow((void **)&t->tok, &t->captok, len / 5 + 16, sizeof *t->tok) || !fold_reserve(t, len + 16))
        goto oom;
    while (i < len) {
        uint32_t cp;
        size_t n = next_cp(s, len, i, &cp);
        int cls = cp_class(cp);
        if (cls == GM_UC_SPACE || cls == GM_UC_CONTROL || cp == 0xFEFF) {
            space = true;
            if (is_newline(cp))
                newlines++;
            i += n;
            continue;
        }
        gm_token k;
        if (gm_uc_is_letter(cls) || cls == GM_UC_DIGIT) {
            if (!scan_word(t, i, &k, &i))
                goto oom;
        } else {
            memset(&k, 0, sizeof k);
            k.start = (uint32_t)i;
            k.type = GM_TOK_PUNCT;
            k.punct = punct_code(cp, cls);
            k.fold_off = (uint32_t)t->fold_len;
            i += n;
            /* runs of the same dot or dash are one token: "...", "--" */
            while (i < len && (k.punct == '.' || k.punct == '-' || k.punct == GM_P_DASH)) {
                uint32_t c2;
                size_t n2 = next_cp(s, len, i, &c2);
                if (punct_code(c2, cp_class(c2)) != k.punct || cp_class(c2) == GM_UC_LOWER)
                    break;
                i += n2;
            }
            k.end = (uint32_t)i;
        }
        if (space || first)
            k.flags |= GM_TF_SPACE_BEFORE;
        if (newlines > 0)
            k.flags |= GM_TF_NL_BEFORE;
        if (newlines > 1 || first)
            k.flags |= GM_TF_PARA_START;
        if (!push_token(t, &k))
            goto oom;
        space = false;
        newlines = 0;
        first = false;
    }
    if (!fold_reserve(t, 1))
        goto oom;
    t->fold[t->fold_len] = 0;
    if (!split_sentences(t))
        goto oom;
    return true;
oom:
    gm_text_free(t);
    return false;
}

void gm_text_free(gm_text *t)
{
    gm__free(t->tok);
    gm__free(t->sent);
    gm__free(t->fold);
    memset(t, 0, sizeof *t);
}

size_t gm_text_normalize_name(const char *name, size_t len, gm_buf *out)
{
    gm_text t;
    if (!gm_text_tokenize(&t, name, len)) {
        out->oom = true;
        return 0;
    }
    size_t words = 0;
    for (size_t i = 0; i < t.ntok; i++) {
        const gm_token *k = &t.tok[i];
        if (k->type == GM_TOK_PUNCT || k->fold_len == 0)
            continue;
        if (words)
            gm_buf_addc(out, ' ');
        gm_buf_add(out, gm_tok_fold(&t, k), k->fold_len);
        words++;
    }
    gm_text_free(&t);
    return words;
}

bool gm_tok_number(const gm_text *t, const gm_token *k, double *value)
{
    if (k->type != GM_TOK_NUM)
        return false;
    const char *f = gm_tok_fold(t, k);
    double v = 0, scale = 0;
    for (size_t i = 0; i < k->fold_len; i++) {
        char c = f[i];
        if (c == ',')
            continue;
        if (c == '.') {
            scale = 1;
            continue;
        }
        if (!gm_ascii_digit((unsigned char)c))
            return false; /* digits of other scripts: not parsed */
        if (scale > 0) {
            scale /= 10;
            v += (c - '0') * scale;
        } else {
            v = v * 10 + (c - '0');
        }
    }
    *value = v;
    return true;
}
