/*
 * doc.h - a document being processed, shared by the pipeline stages.
 *
 *   text.c       tokens and sentences
 *   recognize.c  spans of text that name places (gm_recognize)
 *   resolve.c    candidates per span, ranked with the document as context (gm_resolve)
 *   incidents.c  casualty statements linked to places (gm_incidents)
 *   output.c     GeoJSON features
 *
 * Each stage reads what the previous ones left in gm_doc and adds its own part.
 */
#ifndef GM_DOC_H
#define GM_DOC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "gazetteer.h"
#include "internal.h"
#include "text.h"

/* A candidate entry for a span. */
/* The parts of a candidate's score, kept for `geomention lookup --text` to explain. */
enum {
    GM_PART_PRIOR,   /* population, feature type, name type (and a dateline's preference for size) */
    GM_PART_COUNTRY, /* the other names' votes for its country */
    GM_PART_ADMIN1,  /* ... for its admin-1 region (or a neighbouring region) */
    GM_PART_LIST,    /* names in the same list are of its kind */
    GM_PART_ADMIN2,  /* ... for its county or district */
    GM_PART_NEAR,    /* close to a place the other names pin down */
    GM_PART_WORDING, /* "the X region", "X County", "the city of X", a region written next to it */
    GM_NPARTS
};

typedef struct gm_cand {
    uint32_t place;
    uint8_t name_type;
    uint8_t seat; /* resolve.c's seat_facts(), once worked out (0x80 set), else 0 */
    float prior;  /* context-free score */
    float score;  /* with context */
    float parts[GM_NPARTS];
} gm_cand;

/* Recognition details of a span. */
enum {
    GM_SF_POSSESSIVE = 1u << 0,   /* "Kyiv's" */
    GM_SF_REGION_WORD = 1u << 1,  /* followed or preceded by region/oblast/province/state/county */
    GM_SF_DATELINE = 1u << 2,     /* "KYIV, Ukraine (AP) —" */
    GM_SF_IN_ORG = 1u << 3,       /* part of an organisation name: "Kyiv City Council" */
    GM_SF_GIVEN = 1u << 4,        /* span given by the caller (resolve) */
    GM_SF_CITY_WORD = 1u << 5,    /* "the city of X", "X city", "village of X" */
    GM_SF_COUNTY_WORD = 1u << 6,  /* "X County", "X Parish", "X raion" */
    GM_SF_HIDDEN = 1u << 7,       /* context only (a container next to a given span): not reported */
    GM_SF_STREET = 1u << 8,       /* part of a street name or an address: "Tuscarawas Street" */
    GM_SF_AT_REGION = 1u << 9,    /* a town the gazetteer lacks, put at the region written with it */
    GM_SF_CALLED_TOWN = 1u << 10  /* "X is a small town in ...", "X, a village" */
};

typedef struct gm_mspan {
    uint32_t tok_start, tok_end; /* tokens [tok_start, tok_end); equal when the span is not on tokens */
    uint32_t start, end;         /* bytes */
    uint32_t cand, ncand;        /* candidates in gm_doc.cands */
    int32_t best;                /* index into gm_doc.cands, or -1 */
    uint32_t container;          /* place named next to it ("Paris, Texas"): its span index + 1, or 0 */
    float placeness;             /* 0..1: how likely the span names a place at all */
    float conf;
    uint8_t kind;                /* gm_mention_kind */
    uint16_t flags;
    bool dropped;                /* judged not to be a place */
    bool common_word;            /* the name is also an ordinary English word */
    uint32_t given;              /* resolve mode: position in the caller's list + 1, else 0 */
    uint8_t unified;             /* UNIFIED_SET: its entry was set by another mention of the same name;
                                  * UNIFIED_FIXED: it has the entry of one with a region written next
                                  * to it, which no later mention changes */
} gm_mspan;

enum { UNIFIED_SET = 1, UNIFIED_FIXED = 2 };

#define GM_CAND_MEMO 64

struct gm_doc {
    const gm_gazetteer *gaz;
    char *text;
    size_t len;
    size_t repaired;
    gm_text t;
    gm_options opt;
    long date_days;
    bool has_date;
    gm_mspan *spans;
    size_t nspans, capspans;
    gm_cand *cands;
    size_t ncands, capcands;
    /* candidate lists already made, by key (gm_span_add_candidates): a name said again copies them */
    struct {
        const void *key;
        uint32_t cand, ncand;
        uint8_t how; /* allcaps_text << 2 | which; 0xff: empty */
    } cand_memo[GM_CAND_MEMO];
    gm_mention *mentions; /* public view, filled by gm_doc_finish */
    size_t nmentions;
    gm_incident *incidents;
    size_t nincidents, capinc;
    uint16_t focus_country;  /* country index or GM_NONE16 */
    uint16_t focus_admin1;
    bool resolve_only;       /* spans given by the caller: keep every span, in order */
};

/* Stages. */
gm_status gm_recognize(gm_doc *d);
gm_status gm_resolve(gm_doc *d);
gm_status gm_find_incidents(gm_doc *d);

/* Which postings gm_span_add_candidates takes. */
enum { GM_CANDS_NAMES = 0, GM_CANDS_DEMONYMS = 1, GM_CANDS_WITH_CODES = 2 };

/* Adds the candidates of the entry key to span s (names, or demonyms only); false on out of memory. */
bool gm_span_add_candidates(gm_doc *d, gm_mspan *s, const gm_idx_key *key, bool allcaps_text, int which);

/* The span's chosen entry, or GM_NONE32. */
static inline uint32_t gm_span_place(const gm_doc *d, const gm_mspan *s)
{
    return s->best >= 0 && !s->dropped ? d->cands[s->best].place : GM_NONE32;
}

/* Looks up the normalised text of tokens [a, b) (joiners skipped) in the index; NULL if absent. */
const gm_idx_key *gm_lookup_tokens(const gm_doc *d, size_t a, size_t b, bool possessive_base);
/* The index key of a name as written ("eastern Ukraine"), normalised like the index; NULL when the
 * name is not indexed or normalises to nothing (*oom set when memory ran out). */
const gm_idx_key *gm_lookup_name(const gm_gazetteer *gaz, const char *name, size_t len, bool *oom);

/* Case-insensitive test of token i against a lower-case ASCII word; false when i is out of range. */
static inline __attribute__((always_inline)) bool gm_doc_tok_is(const gm_doc *d, size_t i, const char *word)
{
    return i < d->t.ntok && d->t.tok[i].type == GM_TOK_WORD && gm_tok_eq(&d->t, &d->t.tok[i], word);
}

/* Token i is `word` with a possessive 's: "city's", "city’s", "Sheriff's" (folded, so any case). */
static inline bool gm_doc_tok_possessive_is(const gm_doc *d, size_t i, const char *word)
{
    if (i >= d->t.ntok)
        return false;
    const gm_token *k = &d->t.tok[i];
    size_t n = __builtin_strlen(word);
    return k->type == GM_TOK_WORD && (k->flags & GM_TF_POSSESSIVE) && k->base_len == n &&
           __builtin_memcmp(d->t.fold + k->fold_off, word, n) == 0;
}

/* Spans a and b are the same words, case and accents folded, a possessive 's aside (doc.c). */
bool gm_doc_same_words(const gm_doc *d, const gm_mspan *a, const gm_mspan *b);

/* The words after the name in tokens [a, b) call it a town: "X is a small town", "X, an
 * unincorporated community", "X was a census-designated place"; not when the name follows a comma,
 * as the region of "San Gabriel, Texas is a town" does (doc.c). */
bool gm_doc_called_town(const gm_doc *d, size_t a, size_t b);

/* The region span x is said to lie in ("Lowell is an unincorporated community in Summers County",
 * "Thornton, a hamlet in Essa"): its index + 1, or 0 (doc.c). */
size_t gm_doc_said_in(const gm_doc *d, size_t x);

/* The region span x is written in right after its name: a unit's ("Fairfield County in
 * southwestern Connecticut", "Sumy Oblast in Ukraine"), or any place's after a comma ("Tripoli,
 * in northern Lebanon"): the next span's index + 1, or 0 (doc.c). */
size_t gm_doc_in_next(const gm_doc *d, size_t x);

/* The region span x is said to lie in (gm_doc_said_in), else written in right after it
 * (gm_doc_in_next): its index + 1, or 0. */
static inline size_t gm_doc_written_in(const gm_doc *d, size_t x)
{
    size_t in = gm_doc_said_in(d, x);
    return in ? in : gm_doc_in_next(d, x);
}

/* Span x + 1 follows span x right after a comma: "Paris, Texas" (or a list's next item). */
static inline bool gm_doc_comma_next(const gm_doc *d, size_t x)
{
    if (x + 1 >= d->nspans)
        return false;
    const gm_mspan *a = &d->spans[x], *b = &d->spans[x + 1];
    return a->tok_end < d->t.ntok && b->tok_start == a->tok_end + 1 && gm_tok_is(&d->t.tok[a->tok_end], ',');
}

/* Does the key stand for a demonym rather than for the places named like it? (recognize.c) */
bool gm_key_is_demonym(const gm_gazetteer *g, const gm_idx_key *key);

/* Prior score of an entry found under a name of the given type (resolve.c). */
float gm_prior(const gm_gazetteer *g, uint32_t place, unsigned name_type);
/* The most populous town that bears a key as its own name: its population and country index. */
typedef struct gm_own_name {
    uint32_t population; /* 0 when no town does */
    uint16_t country;
} gm_own_name;
/* The most populous town that bears the key as its own name (resolve.c). */
gm_own_name gm_key_own_name(const gm_gazetteer *g, const gm_idx_key *key);
/* gm_prior of an entry found under key, where own is gm_key_own_name(key): an alternate name that
 * is another, as big place's own name counts less ("Philadelphia", an old name of Amman), one that
 * is a transliteration of a big city's own name as much as that name ("Mykolaiv"). */
float gm_prior_under(const gm_gazetteer *g, const gm_idx_key *key, uint32_t place, unsigned name_type,
                     gm_own_name own);

#endif
