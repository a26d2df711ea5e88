/*
 * numbers.c - parsing counts in English news text.
 *
 * Grammar (tokens, case-insensitive):
 *   count     := qualifier? amount (range-tail)?
 *   qualifier := "at least" | "more than" | "over" | "nearly" | "almost" | "about" | "around" |
 *                "approximately" | "roughly" | "some" | "up to" | "as many as" | "fewer than" |
 *                "less than" | "at most"
 *   amount    := digits | words | "a dozen" | "dozens" | "hundreds" | "several" | "a/an" (1)
 *   words     := e.g. "twenty-five", "one hundred and twenty", "two thousand"
 *   range-tail:= ("to" | "-" | "or" | "and") amount     ("12 to 15", "between 12 and 15")
 */
#include "numbers.h"

#include <string.h>

#define NW(w, v) {w, sizeof(w) - 1, v}
static const struct {
    const char *w;
    size_t n;
    long v;
} WORDS[] = {
    NW("zero", 0), NW("one", 1), NW("two", 2), NW("three", 3), NW("four", 4), NW("five", 5), NW("six", 6),
    NW("seven", 7), NW("eight", 8), NW("nine", 9), NW("ten", 10), NW("eleven", 11), NW("twelve", 12),
    NW("thirteen", 13), NW("fourteen", 14), NW("fifteen", 15), NW("sixteen", 16), NW("seventeen", 17),
    NW("eighteen", 18), NW("nineteen", 19), NW("twenty", 20), NW("thirty", 30), NW("forty", 40),
    NW("fourty", 40), NW("fifty", 50), NW("sixty", 60), NW("seventy", 70), NW("eighty", 80), NW("ninety", 90),
    NW("dozen", 12), NW("hundred", 100), NW("thousand", 1000), NW("million", 1000000), NW("single", 1),
    NW("both", 2), NW("pair", 2), NW("couple", 2),
};
#undef NW

long gm_number_word(const char *w, size_t len)
{
    for (size_t i = 0; i < sizeof WORDS / sizeof WORDS[0]; i++)
        if (WORDS[i].n == len && memcmp(WORDS[i].w, w, len) == 0)
            return WORDS[i].v;
    return -1;
}

static bool is_punct(const gm_text *t, size_t i, char c) { return i < t->ntok && gm_tok_is(&t->tok[i], c); }

static inline __attribute__((always_inline)) bool tok_word(const gm_text *t, size_t i, const char *w)
{
    /* (the first letters compared first: w is often a table's, whose length is not known here) */
    return i < t->ntok && t->tok[i].type == GM_TOK_WORD && t->tok[i].fold_len > 0 &&
           gm_tok_fold(t, &t->tok[i])[0] == w[0] && gm_tok_eq(t, &t->tok[i], w);
}

static long word_at(const gm_text *t, size_t i)
{
    if (i >= t->ntok || t->tok[i].type != GM_TOK_WORD)
        return -1;
    return gm_number_word(gm_tok_fold(t, &t->tok[i]), t->tok[i].fold_len);
}

/* Parses digits or number words at i; returns the value and sets *end, or -1. */
static long amount(const gm_text *t, size_t i, size_t *end, bool *overflow)
{
    if (i >= t->ntok)
        return -1;
    const gm_token *k = &t->tok[i];
    if (k->type == GM_TOK_NUM) {
        double v;
        if (!gm_tok_number(t, k, &v))
            return -1;
        if (v > (double)GM_COUNT_MAX) {
            *overflow = true;
            *end = i + 1;
            return -1;
        }
        if (v != (double)(long)v)
            return -1; /* 3.5 is not a count of people */
        long n = (long)v;
        *end = i + 1;
        /* "1.2 million" is handled by the caller seeing a decimal; "2 million" here */
        if (tok_word(t, i + 1, "million")) {
            *end = i + 2;
            n = n * 1000000 > GM_COUNT_MAX ? (*overflow = true, -1) : n * 1000000;
        } else if (tok_word(t, i + 1, "thousand")) {
            *end = i + 2;
            n *= 1000;
        }
        return n;
    }
    long total = 0, cur = 0;
    size_t j = i;
    bool any = false;
    while (j < t->ntok) {
        long w = word_at(t, j);
        bool dozen = tok_word(t, j, "dozen");
        if (w < 0 || tok_word(t, j, "single") || tok_word(t, j, "both") || tok_word(t, j, "pair") ||
            tok_word(t, j, "couple"))
            break;
        if (dozen) { /* "dozen" alone: "a dozen", "two dozen" */
            cur = (cur ? cur : 1) * 12;
        } else if (w == 100) {
            cur = (cur ? cur : 1) * 100;
        } else if (w >= 1000) {
            total += (cur ? cur : 1) * w;
            cur = 0;
        } else {
            if (any && cur % 10 != 0 && cur < 100 && cur != 0)
                break; /* "three four" */
            cur += w;
        }
        any = true;
        j++;
        /* "twenty thirty hundred ten twenty ...": stop before a product can overflow */
        if (cur > GM_COUNT_MAX || total > GM_COUNT_MAX) {
            *overflow = true;
            *end = j;
            return -1;
        }
        /* "twenty-five", "one hundred and twenty" */
        if (j + 1 < t->ntok && t->tok[j].type == GM_TOK_PUNCT && t->tok[j].punct == '-' && word_at(t, j + 1) > 0 &&
            word_at(t, j + 1) < 10)
            j++;
        else if (tok_word(t, j, "and") && word_at(t, j + 1) > 0 && word_at(t, j + 1) < 100 && cur >= 100)
            j++;
    }
    if (!any)
        return -1;
    *end = j;
    return total + cur;
}

static const struct {
    const char *a, *b, *c;
    const char *q;
    int kind; /* 0 lower bound, 1 upper bound, 2 approximate */
} QUALS[] = {
    {"at", "least", NULL, "at least", 0},      {"more", "than", NULL, "more than", 0},
    {"over", NULL, NULL, "more than", 0},      {"upwards", "of", NULL, "more than", 0},
    {"as", "many", "as", "up to", 1},          {"up", "to", NULL, "up to", 1},
    {"nearly", NULL, NULL, "about", 2},        {"almost", NULL, NULL, "about", 2},
    {"about", NULL, NULL, "about", 2},         {"around", NULL, NULL, "about", 2},
    {"approximately", NULL, NULL, "about", 2}, {"roughly", NULL, NULL, "about", 2},
    {"some", NULL, NULL, "about", 2},          {"an", "estimated", NULL, "about", 2},
    {"fewer", "than", NULL, "fewer than", 1},  {"less", "than", NULL, "fewer than", 1},
    {"at", "most", NULL, "up to", 1},          {"between", NULL, NULL, NULL, 3},
};

/* Words other than the number words (WORDS) a count can start with: the qualifiers' first words,
 * the vague amounts, the article and "half" ("half a dozen"). */
static const gm_word COUNT_HEADS[] = {
    GM_WORD("at"), GM_WORD("more"), GM_WORD("over"), GM_WORD("upwards"), GM_WORD("as"), GM_WORD("up"),
    GM_WORD("nearly"), GM_WORD("almost"), GM_WORD("about"), GM_WORD("around"), GM_WORD("approximately"),
    GM_WORD("roughly"), GM_WORD("some"), GM_WORD("an"), GM_WORD("fewer"), GM_WORD("less"), GM_WORD("between"),
    GM_WORD("dozens"), GM_WORD("hundreds"), GM_WORD("thousands"), GM_WORD("scores"), GM_WORD("several"),
    GM_WORD("numerous"), GM_WORD("a"), GM_WORD("half"),
};

/* Token i can start a count: digits, a number word or one of COUNT_HEADS (anything else makes
 * gm_parse_count fail at its first token, so it is turned away before the grammar is tried). */
static bool count_head(const gm_text *t, size_t i)
{
    if (i >= t->ntok)
        return false;
    const gm_token *k = &t->tok[i];
    if (k->type == GM_TOK_NUM)
        return true;
    if (k->type != GM_TOK_WORD)
        return false;
    return gm_number_word(gm_tok_fold(t, k), k->fold_len) >= 0 ||
           gm_tok_one_of(t, k, COUNT_HEADS, sizeof COUNT_HEADS / sizeof COUNT_HEADS[0]);
}

bool gm_parse_count(const gm_text *t, size_t i, bool allow_article, gm_count *c)
{
    memset(c, 0, sizeof *c);
    c->value = c->low = c->high = -1;
    c->tok_start = i;
    if (!count_head(t, i))
        return false;
    size_t j = i;
    int qkind = -1;
    for (size_t q = 0; q < sizeof QUALS / sizeof QUALS[0]; q++) {
        if (!tok_word(t, j, QUALS[q].a))
            continue;
        size_t k = j + 1;
        if (QUALS[q].b) {
            if (!tok_word(t, k, QUALS[q].b))
                continue;
            k++;
        }
        if (QUALS[q].c) {
            if (!tok_word(t, k, QUALS[q].c))
                continue;
            k++;
        }
        size_t e;
        bool of = false;
        if (amount(t, k, &e, &of) < 0 && !of && !tok_word(t, k, "a") && !tok_word(t, k, "dozens") &&
            !tok_word(t, k, "hundreds"))
            continue;
        c->qualifier = QUALS[q].q;
        qkind = QUALS[q].kind;
        j = k;
        break;
    }
    /* vague amounts */
    if (tok_word(t, j, "dozens") || tok_word(t, j, "hundreds") || tok_word(t, j, "thousands") ||
        tok_word(t, j, "scores") || tok_word(t, j, "several") || tok_word(t, j, "numerous")) {
        c->vague = true;
        c->low = tok_word(t, j, "dozens") ? 24 : tok_word(t, j, "hundreds") ? 200 : tok_word(t, j, "thousands") ? 2000
                 : tok_word(t, j, "scores")                                  ? 40
                                                                             : 3;
        c->tok_end = j + 1;
        if (tok_word(t, j + 1, "of"))
            c->tok_end = j + 2;
        return true;
    }
    bool overflow = false;
    size_t e = j;
    long v;
    size_t h = tok_word(t, j, "a") ? j + 1 : j; /* "a half-dozen", "a half dozen", "half a dozen": 6 */
    if (tok_word(t, h, "half") && (tok_word(t, h + 1, "dozen") || (tok_word(t, h + 2, "dozen") &&
                                                                 (tok_word(t, h + 1, "a") || is_punct(t, h + 1, '-'))))) {
        v = 6;
        e = tok_word(t, h + 1, "dozen") ? h + 2 : h + 3;
    } else if ((tok_word(t, j, "a") || tok_word(t, j, "an")) && tok_word(t, j + 1, "dozen")) {
        v = 12;
        e = j + 2;
    } else {
        v = amount(t, j, &e, &overflow);
    }
    if (overflow) {
        c->overflow = true;
        c->tok_end = e;
        return true;
    }
    if (v < 0) {
        if (allow_article && (tok_word(t, j, "a") || tok_word(t, j, "an")) && qkind < 0) {
            c->value = c->low = c->high = 1;
            c->article = true;
            c->tok_end = j + 1;
            return true;
        }
        return false;
    }
    c->value = v;
    c->low = c->high = v;
    c->tok_end = e;
    /* ranges: "12 to 15", "12-15", "12 or 13", "between 12 and 15" */
    size_t k = e;
    bool dash = k < t->ntok && t->tok[k].type == GM_TOK_PUNCT && (t->tok[k].punct == '-' || t->tok[k].punct == GM_P_DASH);
    if (tok_word(t, k, "to") || dash || tok_word(t, k, "or") || (qkind == 3 && tok_word(t, k, "and"))) {
        size_t e2;
        bool of2 = false;
        long v2 = amount(t, k + 1, &e2, &of2);
        if (v2 > v) {
            c->low = v;
            c->high = v2;
            c->value = v;
            c->tok_end = e2;
            if (!c->qualifier)
                c->qualifier = "between";
            return true;
        }
    }
    if (qkind == 0) {
        c->high = -1;
    } else if (qkind == 1) {
        c->low = -1;
    }
    return true;
}
