/*
 * text.h - tokens and sentences of a UTF-8 document.
 *
 * A token is a word (letters, digits, marks, with apostrophes between letters: "Kyiv's",
 * "L'viv"), a number ("10,000", "3.5"), or one punctuation character.  Every token carries its
 * byte offsets, a few shape flags, its sentence, and its "fold": the lower-cased,
 * diacritic-free form the name index is keyed on ("Zaporíz'hzhya" -> "zaporizhzhya").  Folds of
 * all tokens are stored back to back in one buffer, so matching a multi-word name needs no
 * allocation: the matcher concatenates folds with single spaces, exactly as the index builder
 * does with gm_text_normalize_name().
 */
#ifndef GM_TEXT_H
#define GM_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "internal.h"
#include "wordset.h"

enum gm_tok_type {
    GM_TOK_WORD = 0, /* contains a letter */
    GM_TOK_NUM,      /* digits, maybe with , or . between digits */
    GM_TOK_PUNCT     /* one punctuation character (or a run of the same dash/dot) */
};

enum gm_tok_flags {
    GM_TF_CAP = 1u << 0,        /* first letter upper case */
    GM_TF_ALLCAPS = 1u << 1,    /* at least two letters, all upper case */
    GM_TF_LOWER = 1u << 2,      /* first letter lower case */
    GM_TF_SENT_START = 1u << 3, /* first word or number of its sentence */
    GM_TF_SPACE_BEFORE = 1u << 4,
    GM_TF_NL_BEFORE = 1u << 5,   /* a line break between this token and the previous one */
    GM_TF_POSSESSIVE = 1u << 6,  /* ends in 's / ’s: fold_base is the word without it */
    GM_TF_HAS_DIGIT = 1u << 7,
    GM_TF_PARA_START = 1u << 8,  /* first token after a blank line, or of the text */
    GM_TF_ABBREV = 1u << 9       /* a word followed by '.' that does not end the sentence */
};

typedef struct gm_token {
    uint32_t start, end;   /* byte offsets in the text */
    uint32_t fold_off;     /* offset of the fold in gm_text.fold */
    uint16_t fold_len;     /* length of the fold */
    uint16_t base_len;     /* length of the fold without a possessive 's (== fold_len otherwise) */
    uint16_t flags;
    uint8_t type;
    uint8_t punct;         /* for GM_TOK_PUNCT: the ASCII character, or a class code (see text.c) */
    uint32_t sent;         /* sentence index */
    uint32_t hash;         /* gm_wordset_hash of the fold, so word lists need not hash it again */
} gm_token;

typedef struct gm_sentence {
    uint32_t tok_start, tok_end; /* tokens [tok_start, tok_end) */
    uint32_t start, end;         /* byte span, from the first to the last token */
    uint32_t para;               /* paragraph index */
} gm_sentence;

typedef struct gm_text {
    const char *s;
    size_t len;
    gm_token *tok;
    size_t ntok, captok;
    gm_sentence *sent;
    size_t nsent, capsent;
    char *fold;
    size_t fold_len, fold_cap;
} gm_text;

/* Punctuation codes for characters outside ASCII. */
enum {
    GM_P_DASH = 1,    /* – — (en/em dash, minus sign) */
    GM_P_QUOTE = 2,   /* “ ” « » „ */
    GM_P_OTHER = 3
};

/*
 * Tokenizes s[0..len) (valid UTF-8 expected; invalid bytes become punctuation) into t.  t keeps a
 * pointer to s, which must outlive it.  Returns false on out of memory (t is then freed).
 */
bool gm_text_tokenize(gm_text *t, const char *s, size_t len);
void gm_text_free(gm_text *t);

static inline const char *gm_tok_fold(const gm_text *t, const gm_token *k) { return t->fold + k->fold_off; }

/* True for a punctuation token that is the given ASCII character. */
static inline bool gm_tok_is(const gm_token *k, char c) { return k->type == GM_TOK_PUNCT && k->punct == (unsigned char)c; }

/* True when the token's fold equals the NUL-terminated lower-case ASCII word w (inline, so that
 * the length of a literal word is known at compile time). */
static inline __attribute__((always_inline)) bool gm_tok_eq(const gm_text *t, const gm_token *k, const char *w)
{
    size_t n = __builtin_strlen(w);
    return k->fold_len == n && __builtin_memcmp(t->fold + k->fold_off, w, n) == 0;
}

/* True when the token's fold is the n bytes at f (another token's fold, say). */
static inline bool gm_tok_fold_is(const gm_text *t, const gm_token *k, const char *f, size_t n)
{
    return k->fold_len == n && __builtin_memcmp(t->fold + k->fold_off, f, n) == 0;
}

/* A word of a short constant list, with its length (GM_WORD("st")), so that testing a token against
 * the list costs no strlen.  (Long lists that the rules ask of nearly every token are gm_wordsets.) */
typedef struct gm_word {
    const char *w;
    size_t n;
} gm_word;
#define GM_WORD(w) {w, sizeof(w) - 1}

/* True when the token's fold is one of words[0..n). */
static inline bool gm_tok_one_of(const gm_text *t, const gm_token *k, const gm_word *words, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (gm_tok_fold_is(t, k, words[i].w, words[i].n))
            return true;
    return false;
}

/* The hash of the token's word without a possessive 's ("mexico" for "Mexico's"): its own hash
 * when it has none. */
static inline uint32_t gm_tok_base_hash(const gm_text *t, const gm_token *k)
{
    return k->base_len == k->fold_len ? k->hash : gm_wordset_hash(t->fold + k->fold_off, k->base_len);
}

/*
 * Normalises a name the way the matcher sees text: tokens' folds joined by single spaces,
 * punctuation dropped ("St. Petersburg" -> "st petersburg", "Ivano-Frankivs'k" ->
 * "ivano frankivsk").  Appends to out; returns the number of words.
 */
size_t gm_text_normalize_name(const char *name, size_t len, gm_buf *out);

/* Parses the token as a digit number ("12", "10,000", "1.5"); false when it is not one. */
bool gm_tok_number(const gm_text *t, const gm_token *k, double *value);

#endif
