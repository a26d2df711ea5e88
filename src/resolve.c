/*
 * resolve.c - choosing the right entry for every span, with the document as context.
 *
 * Each candidate gets a prior: population (log scale), feature importance (country > admin-1 >
 * capital > seat of a region > town), and how authoritative the matched name is (the entry's own
 * name beats an alternate or foreign-language one).  The document then adds evidence:
 *
 *   votes      every other name in the text votes for the countries, admin-1 regions and
 *              counties its own candidates lie in, in proportion to how likely each candidate is;
 *              a candidate gains from the votes for its regions ("Cambridge" near "Vermont").
 *              Repeated mentions of one name are one voter (with a little more weight), and a
 *              name never votes for itself;
 *   nearness   a place other names pin down with confidence, within a few dozen kilometres
 *              ("Washington ... 10 miles east of Peoria");
 *   container  a region written right after the name ("Balashikha, Moscow Oblast", "Paris, Texas");
 *   wording    "X region/Oblast/province" favours regions, "X County" counties, "the city/village
 *              of X" towns;
 *   locale     conventions only American local news writes ("the 1200 block of", "the Sheriff's
 *              Office", "Police Department") vote for the United States, as a name would.
 *
 * Evidence saturates (1 - e^-x), so one strong signal matters and twenty weak ones do not add up
 * to a certainty.  Three passes: priors only, then evidence from the first choice, then again.
 * While resolving, a span's confidence is its "placeness" (recognize.c) times the softmax share of
 * the winner.  The confidence reported at the end is calibrated (see calibrate()).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"

/* feature ranks of build.c's feature_rank(): a plain town, a seat of a second-level division */
#define GM_RANK_PPL 3
#define GM_RANK_PPLA2 7
#define SMALL_SEAT_POP 10000u

float gm_prior(const gm_gazetteer *g, uint32_t place, unsigned name_type)
{
    const gm_idx_place *p = &g->places[place];
    double population = p->population;
    if ((p->flags & GM_PF_SUPPLEMENT) && population < 100000)
        population = 100000; /* curated because the news names them: as notable as a mid-sized town */
    float pop = (float)log10(population + 1.0);
    if (p->kind == GM_PK_ADMIN1 || p->kind == GM_PK_COUNTRY || p->kind == GM_PK_ADMIN2)
        pop *= 0.8f; /* summed populations of member places overstate a region against a city */
    float rank = (float)p->rank;
    /* a small seat of a county or district ranks above a plain town of its size, not above one ten
     * times as big ("Woonsocket": South Dakota's county seat of 700, not Rhode Island's city of 41,000) */
    if (p->kind == GM_PK_PLACE && p->rank > GM_RANK_PPL && p->rank <= GM_RANK_PPLA2 && p->population < SMALL_SEAT_POP)
        rank = GM_RANK_PPL + (rank - GM_RANK_PPL) * 0.5f;
    float s = 0.55f * pop + 0.28f * rank;
    const char *fcode = g->strings + p->fcode;
    if (strcmp(fcode, "PPLC") == 0)
        s += 1.0f;
    switch (name_type) {
    case GM_NT_PRIMARY:
    case GM_NT_ASCII:
    case GM_NT_ENGLISH: s += 0.6f; break;
    case GM_NT_VARIANT: /* "Delaware" is rarely the county; "St. Louis" the Senegalese region */
        s += p->kind == GM_PK_ADMIN2 ? -0.6f : p->kind == GM_PK_ADMIN1 ? -0.5f : -0.1f;
        break;
    case GM_NT_ABBREV:
    case GM_NT_CODE: s += 0.2f; break;
    case GM_NT_ALT: s -= 0.9f; break;
    case GM_NT_OTHERLANG: s -= 1.2f; break;
    default: break;
    }
    if (p->flags & GM_PF_SUPPLEMENT)
        s += 0.5f;
    /* a country's own name almost always means the country ("Mexico", not Mexico City) */
    if (p->kind == GM_PK_COUNTRY && (name_type <= GM_NT_VARIANT || name_type == GM_NT_ABBREV))
        s += 2.5f;
    return s;
}

gm_own_name gm_key_own_name(const gm_gazetteer *g, const gm_idx_key *key)
{
    /* the most populous town whose own or English name the key is: found when the index was
     * built (the first of its postings of type up to GM_NT_ENGLISH with the largest population) */
    gm_own_name own = {0, GM_NONE16};
    if (key->own != GM_NONE32 && gm_gz_place_ok(g, key->own)) {
        own.population = g->places[key->own].population;
        own.country = g->places[key->own].country;
    }
    return own;
}

#define OWN_NAME_MIN_POP 100000u

/* The letters of s (ASCII, lower-cased; other bytes and non-letters left out) into out, at most cap. */
static size_t plain_letters(const char *s, size_t n, char *out, size_t cap)
{
    size_t k = 0;
    for (size_t i = 0; i < n && k < cap; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 'A' && c <= 'Z')
            out[k++] = (char)(c - 'A' + 'a');
        else if (c >= 'a' && c <= 'z')
            out[k++] = (char)c;
    }
    return k;
}

#define SPELLING_MIN_POP 50000u
/* What such a spelling gives back of an alternate name's prior. */
#define SPELLING_BONUS 1.5f

/* The key is a spelling of a city's own name, letters apart by one or two ("Mykolaiv" for
 * Mykolayiv, "Kharkov" for Kharkiv): a transliteration, which counts as the name itself; only for
 * a city of 50,000 or more, ten times as big as any town whose own name the key is (`own`), so
 * that a misspelling kept as a village's alternate name ("Minnesota" for Minneota) stays one. */
static bool spelling_of(const gm_gazetteer *g, const gm_idx_key *key, uint32_t place, gm_own_name own)
{
    const gm_idx_place *p = &g->places[place];
    if (p->kind != GM_PK_PLACE || p->population < SPELLING_MIN_POP || (double)own.population * 10.0 > (double)p->population)
        return false;
    char a[48], b[48];
    const char *ks = g->strings + key->str, *ps = g->strings + p->name;
    size_t na = plain_letters(ks, strlen(ks), a, sizeof a), nb = plain_letters(ps, strlen(ps), b, sizeof b);
    if (na < 5 || nb < 5 || na >= sizeof a || nb >= sizeof b || (na > nb ? na - nb : nb - na) > 2 || a[0] != b[0])
        return false;
    size_t most = na >= 8 && nb >= 8 ? 2 : 1;
    /* edit distance, one row at a time, given up past `most` */
    size_t row[48], prev[48];
    for (size_t j = 0; j <= nb; j++)
        prev[j] = j;
    for (size_t i = 1; i <= na; i++) {
        row[0] = i;
        size_t low = row[0];
        for (size_t j = 1; j <= nb; j++) {
            size_t sub = prev[j - 1] + (a[i - 1] != b[j - 1]), del = prev[j] + 1, ins = row[j - 1] + 1;
            row[j] = sub < del ? (sub < ins ? sub : ins) : (del < ins ? del : ins);
            low = row[j] < low ? row[j] : low;
        }
        if (low > most)
            return false;
        memcpy(prev, row, (nb + 1) * sizeof *row);
    }
    return prev[nb] <= most;
}

float gm_prior_under(const gm_gazetteer *g, const gm_idx_key *key, uint32_t place, unsigned name_type,
                     gm_own_name own)
{
    uint32_t own_pop = own.population;
    float s = gm_prior(g, place, name_type);
    /* between two big places, a reader who writes "Philadelphia" means the city called so, not
     * Amman, once called so too (but "Canton", Ohio's own name, is still Guangzhou's, a city a
     * hundred times as big); and "Columbia", a foreign name of Colombia, is the city in South
     * Carolina.  Small places under an old name are left alone: their weight is small already. */
    if ((name_type == GM_NT_ALT || name_type == GM_NT_OTHERLANG) && own_pop >= OWN_NAME_MIN_POP &&
        g->places[place].population >= OWN_NAME_MIN_POP &&
        (name_type == GM_NT_OTHERLANG || (double)own_pop * 2.0 >= (double)g->places[place].population))
        s -= 1.5f;
    /* a country's other English name that a big city bears as its own is the city: "the Gold Coast"
     * is Queensland's, not Ghana under its colonial name (a country's population, the sum of its
     * towns, cannot be weighed against the city's as above); a city of the country itself ("Hong
     * Kong", "Macao") is no rival */
    if (name_type == GM_NT_ENGLISH && own_pop >= OWN_NAME_MIN_POP && g->places[place].kind == GM_PK_COUNTRY &&
        own.country != g->places[place].country)
        s -= 6.0f;
    /* a small region whose short name a far bigger city bears as its own is rarely what a bare
     * "Portland" means (Jamaica's Portland Parish, 22,000 people, beside Oregon's city of 650,000) */
    if ((name_type == GM_NT_ENGLISH || name_type == GM_NT_VARIANT) && own_pop >= OWN_NAME_MIN_POP &&
        g->places[place].kind == GM_PK_ADMIN1 &&
        (double)own_pop >= 5.0 * (double)g->places[place].population)
        s -= 1.5f;
    if (name_type == GM_NT_ALT && spelling_of(g, key, place, own))
        s += SPELLING_BONUS;
    return s;
}

/* ------------------------------------------------------------------ sparse masses */
/* Votes per country, admin-1 or admin-2 index: a small open-addressing map, so that a document costs
 * time in proportion to its candidates, not to the size of the gazetteer. */
typedef struct mass_map {
    uint32_t *key;  /* index + 1, 0 = empty */
    float *val;
    uint32_t *used; /* the slots taken, in the order they were taken */
    size_t nused;
    size_t mask;
} mass_map;

/* (a map's block starts with its keys: see mass_init) */
static void mass_free(mass_map *m) { gm__free(m->key); }

/* Empties the map: only the slots taken are cleared, so that a map sized for a long document costs
 * a short pass over the names no more than their number. */
static void mass_clear(mass_map *m)
{
    for (size_t u = 0; u < m->nused; u++)
        m->key[m->used[u]] = 0;
    m->nused = 0;
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

/* The slots taken, in slot order (the order a scan of the whole table would meet them in). */
static const uint32_t *mass_slots(mass_map *m)
{
    qsort(m->used, m->nused, sizeof *m->used, cmp_u32);
    return m->used;
}

/* The slot of the map's largest vote above 0 (between equal votes, the first in slot order), among
 * the admin-1 regions of `country` when g is given; SIZE_MAX when there is none. */
static size_t top_slot(const mass_map *m, const gm_gazetteer *g, uint16_t country)
{
    size_t at = SIZE_MAX;
    float best = 0;
    for (size_t u = 0; u < m->nused; u++) {
        size_t i = m->used[u];
        float v = m->val[i];
        if ((v > best || (v == best && at != SIZE_MAX && i < at)) && (!g || g->admin1[m->key[i] - 1].country == country)) {
            best = v;
            at = i;
        }
    }
    return at;
}

static float *mass_slot(mass_map *m, uint32_t k, bool create)
{
    size_t i = (k * 2654435761u) & m->mask;
    for (size_t probes = 0; probes <= m->mask; probes++) {
        if (m->key[i] == k + 1)
            return &m->val[i];
        if (!m->key[i]) {
            if (!create)
                return NULL;
            m->key[i] = k + 1;
            m->val[i] = 0;
            m->used[m->nused++] = (uint32_t)i;
            return &m->val[i];
        }
        i = (i + 1) & m->mask;
    }
    return NULL;
}

static void mass_add(mass_map *m, uint32_t k, float v)
{
    float *p = mass_slot(m, k, true);
    if (p)
        *p += v;
}

static float mass_get(mass_map *m, uint32_t k)
{
    float *p = mass_slot(m, k, false);
    return p ? *p : 0.0f;
}

/* ------------------------------------------------------------------ groups */
/* Spans with the same candidate list are one name said several times: one voter. */
typedef struct group {
    uint32_t span;     /* a representative span */
    uint32_t count;
    float weight;
    float *p;          /* distribution over the representative's candidates */
    float *own;        /* per candidate: the group's own vote for its country, admin-1, admin-2 (3 each) */
    uint64_t *bykey;   /* a long list's candidates by region key, per kind (own_mass); else NULL */
    int32_t top;       /* index into cands of the most likely candidate */
    float top_p;
    float *ctx;        /* per candidate: the context parts of its score (CTX_N each), this pass */
    int ctx_pass;      /* the pass ctx was computed in, or -1 */
} group;

/* The parts of a candidate's score that depend only on its group and the votes of the pass, not
 * on the mention: computed once per group and pass, so that a name said 40 times costs one look
 * at the other names, not 40. */
enum { CTX_COUNTRY, CTX_ADMIN1, CTX_NEIGHBOUR, CTX_ADMIN2, CTX_NEAR, CTX_N };

#define MAX_NEAR_CC 8
#define MAX_NAMED_CC 8 /* the first countries the text names as countries (named_countries) */

typedef struct resolver {
    gm_doc *d;
    void *block;        /* holds the arrays below, but longer (make_groups) */
    group *groups;
    size_t ngroups;
    uint32_t *group_of; /* per span */
    float *dist;        /* storage for the group distributions */
    float *owns;        /* storage for the groups' own votes */
    uint64_t *bykeys;   /* storage for the groups' candidates by region key */
    uint8_t *key_sorted; /* per group: bit `which` says its bykey row of that kind is sorted */
    float *ctxs;        /* storage for the groups' context parts */
    int pass;
    mass_map scratch;   /* for computing them */
    mass_map country, admin1, admin2;
    int64_t *vkeys;     /* per candidate of the document: its vote_key() of each kind (CAND_KEY) */
    float *ex;          /* per candidate: e^(score - the span's top score), from choose() */
    float *ex_sum;      /* per span: their sum */
    uint32_t *next_same; /* per span: the next span of its group (the same ambiguous name), or UINT32_MAX */
    uint64_t *a1_used;  /* the admin-1 map's occupied slots after a tally: country << 32 | slot, sorted */
    size_t n_a1_used;
    bool a1_sorted;
    uint16_t named_cc[MAX_NAMED_CC]; /* countries the text names as countries ("France") ... */
    uint32_t named_by[MAX_NAMED_CC]; /* ... and the group that names each */
    size_t n_named_cc;
    uint16_t near_cc[MAX_NEAR_CC]; /* countries the text names, small enough to have neighbours' towns */
    size_t n_near_cc;              /* near their borders (see neighbour_country) */
    uint32_t *longer;   /* per span: a span whose name is this one's and more ("Mexico City" for
                         * "Mexico"), or UINT32_MAX */
    uint16_t locale;    /* a country whose writing conventions the text follows (GM_NONE16: none) */
    float locale_mass;  /* and how strongly: a vote for it, as if from a name */
} resolver;

static bool same_name(const gm_doc *d, const gm_mspan *a, const gm_mspan *b)
{
    return a->ncand == b->ncand && a->ncand > 0 && d->cands[a->cand].place == d->cands[b->cand].place &&
           a->kind == b->kind;
}

/* The region key of kind `which` (0 country, 1 admin-1, 2 admin-2) a candidate votes for, or -1. */
static int64_t vote_key(const gm_idx_place *p, int which)
{
    if (which == 0)
        return p->country != GM_NONE16 ? (int64_t)p->country : -1;
    if (which == 1)
        return p->admin1 != GM_NONE16 && p->kind != GM_PK_COUNTRY ? (int64_t)p->admin1 : -1;
    return p->admin2 != GM_NONE32 && p->kind != GM_PK_COUNTRY && p->kind != GM_PK_ADMIN1 ? (int64_t)p->admin2 : -1;
}

/* The resolver's arrays are cut from one block, so that a document costs one allocation: a first
 * round with no block adds the sizes up, a second hands out the parts, zeroing those that need it. */
typedef struct carver {
    char *base;
    size_t off;
    bool overflow; /* the sizes do not fit a size_t (only a 32-bit build could get there) */
} carver;

static void *carve(carver *c, size_t n, size_t size, bool zero)
{
    if (c->overflow || (size && n > (SIZE_MAX - 15) / size) || ((n * size + 15) & ~(size_t)15) > SIZE_MAX - c->off) {
        c->overflow = true;
        return NULL;
    }
    void *p = c->base ? c->base + c->off : NULL;
    if (p && zero)
        memset(p, 0, n * size);
    c->off += (n * size + 15) & ~(size_t)15;
    return p;
}

/* A map for n keys: its keys, values and list of slots taken; only the keys need zeroing (a value
 * is set when its slot is taken). */
static void mass_carve(mass_map *m, size_t n, carver *c)
{
    size_t cap = 64;
    while (cap < n * 2 && cap <= SIZE_MAX / 2)
        cap *= 2;
    if (cap < n * 2)
        c->overflow = true;
    m->key = carve(c, cap, sizeof *m->key, true);
    m->val = carve(c, cap, sizeof *m->val, false);
    m->used = carve(c, cap, sizeof *m->used, false);
    m->nused = 0;
    m->mask = cap - 1;
}

/* A map in a block of its own (freed by mass_free). */
static bool mass_init(mass_map *m, size_t n)
{
    carver c = {NULL, 0, false};
    mass_carve(m, n, &c);
    void *block = c.overflow ? NULL : gm_malloc(c.off);
    c = (carver){block, 0, false};
    mass_carve(m, n, &c);
    return block != NULL;
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

/* In a sorted array of (high << 32 | low) values, the index of the first whose high half is at
 * least `high` (n when none). */
static size_t first_high(const uint64_t *a, size_t n, uint64_t high)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (a[mid] >> 32 < high)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* A group of more candidates than this works out its own votes through a map, and finds one
 * through its candidates sorted by key (own_mass); a shorter one compares them pairwise. */
#define OWN_DIRECT_MAX 8

/* vote_key() of candidate c (an index into d->cands), worked out once per document (make_groups) */
#define CAND_KEY(r, c, which) ((r)->vkeys[3 * (size_t)(c) + (size_t)(which)])

/* A long group's candidates sorted by their key of each kind: (key + 1) << 32 | candidate, so that
 * own_mass() finds a key's candidate by bisection where it had scanned them all (a name of 300
 * namesakes, asked about every region the text votes for).  Done once per document, when first
 * asked: the keys do not change from pass to pass, and most groups are never asked. */
static const uint64_t *sort_by_key(resolver *r, const group *gr, int which)
{
    const gm_mspan *rep = &r->d->spans[gr->span];
    uint64_t *row = gr->bykey + (size_t)which * rep->ncand;
    uint8_t *done = &r->key_sorted[gr - r->groups];
    if (!(*done & 1u << which)) {
        *done |= (uint8_t)(1u << which);
        for (uint32_t c = 0; c < rep->ncand; c++)
            row[c] = (uint64_t)(CAND_KEY(r, rep->cand + c, which) + 1) << 32 | c;
        qsort(row, rep->ncand, sizeof *row, cmp_u64);
    }
    return row;
}

static bool make_groups(resolver *r)
{
    gm_doc *d = r->d;
    size_t total = 0, maxc = 0;
    for (size_t i = 0; i < d->nspans; i++) {
        total += d->spans[i].ncand;
        maxc = d->spans[i].ncand > maxc ? d->spans[i].ncand : maxc;
    }
    /* spans with the same name found through a hash of (first candidate, count, kind): a scan of
     * the groups for each span made long documents quadratic */
    size_t hmask = 1;
    while (hmask < 2 * d->nspans + 1)
        hmask = hmask * 2 + 1;
    uint32_t *table = NULL, *last = NULL; /* group index + 1; per group: its last span */
    carver c = {NULL, 0, false};
    for (int round = 0; round < 2; round++) {
        if (round == 1) {
            r->block = c.overflow ? NULL : gm_malloc(c.off);
            if (!r->block)
                return false;
            c = (carver){r->block, 0, false};
        }
        r->groups = carve(&c, d->nspans + 1, sizeof *r->groups, true);
        r->group_of = carve(&c, d->nspans + 1, sizeof *r->group_of, false);
        r->dist = carve(&c, total + 1, sizeof *r->dist, false);
        r->owns = carve(&c, 3 * total + 1, sizeof *r->owns, false);
        r->bykeys = carve(&c, 3 * total + 1, sizeof *r->bykeys, false);
        r->key_sorted = carve(&c, d->nspans + 1, sizeof *r->key_sorted, true);
        r->ctxs = carve(&c, CTX_N * total + 1, sizeof *r->ctxs, false);
        mass_carve(&r->country, total + 8, &c);
        mass_carve(&r->admin1, total + 8, &c);
        mass_carve(&r->admin2, total + 8, &c);
        mass_carve(&r->scratch, maxc + 8, &c);
        r->a1_used = carve(&c, r->admin1.mask + 1, sizeof *r->a1_used, false);
        table = carve(&c, hmask + 1, sizeof *table, true);
        r->next_same = carve(&c, d->nspans + 1, sizeof *r->next_same, false);
        last = carve(&c, d->nspans + 1, sizeof *last, false);
        r->vkeys = carve(&c, 3 * d->ncands + 1, sizeof *r->vkeys, false);
        r->ex = carve(&c, d->ncands + 1, sizeof *r->ex, false);
        r->ex_sum = carve(&c, d->nspans + 1, sizeof *r->ex_sum, false);
    }
    for (size_t k = 0; k < d->ncands; k++)
        for (int which = 0; which < 3; which++)
            r->vkeys[3 * k + (size_t)which] = vote_key(&d->gaz->places[d->cands[k].place], which);
    size_t off = 0;
    for (size_t i = 0; i < d->nspans; i++) {
        gm_mspan *s = &d->spans[i];
        r->next_same[i] = UINT32_MAX;
        size_t g = r->ngroups, slot = 0;
        if (s->ncand > 1) { /* unambiguous names need no grouping: they cannot disagree */
            uint64_t h = ((uint64_t)d->cands[s->cand].place * 0x9E3779B97F4A7C15ull) ^
                         ((uint64_t)s->ncand << 32) ^ ((uint64_t)s->kind << 56);
            h ^= h >> 29;
            for (slot = (size_t)h & hmask; table[slot]; slot = (slot + 1) & hmask)
                if (same_name(d, &d->spans[r->groups[table[slot] - 1].span], s)) {
                    g = table[slot] - 1;
                    break;
                }
        }
        if (g == r->ngroups) {
            r->groups[g].span = (uint32_t)i;
            r->groups[g].p = r->dist + off;
            r->groups[g].own = r->owns + 3 * off;
            r->groups[g].bykey = s->ncand > OWN_DIRECT_MAX ? r->bykeys + 3 * off : NULL;
            r->groups[g].ctx = r->ctxs + CTX_N * off;
            r->groups[g].ctx_pass = -1;
            off += s->ncand;
            r->ngroups++;
            if (s->ncand > 1)
                table[slot] = (uint32_t)g + 1;
        } else {
            r->next_same[last[g]] = (uint32_t)i;
        }
        last[g] = (uint32_t)i;
        r->groups[g].count++;
        r->group_of[i] = (uint32_t)g;
    }
    return true;
}

typedef struct hashed_span {
    uint32_t hash, span;
} hashed_span;

static int cmp_hashed_span(const void *a, const void *b)
{
    const hashed_span *x = a, *y = b;
    return x->hash != y->hash ? (x->hash < y->hash ? -1 : 1) : (x->span > y->span) - (x->span < y->span);
}

/*
 * For each span, another span of the document that is its name and "City" ("Mexico City" for
 * "Mexico", "Kansas City" for "Kansas", "Quebec City" for "Quebec").  A writer who gives the city's
 * full name in one place and the shorter name in another means two places: the shorter does not
 * borrow the city's entry.  ("Boone County" and "Boone" are often one place: only "City" counts.)
 * Only the "... City" spans are indexed (most texts have none), by the hash of their first word,
 * so a long text stays linear.
 */
static bool find_longer(resolver *r)
{
    const gm_doc *d = r->d;
    const gm_text *t = &d->t;
    r->longer = gm_malloc((d->nspans + 1) * sizeof *r->longer);
    hashed_span *v = gm_malloc((d->nspans + 1) * sizeof *v);
    if (!r->longer || !v) {
        gm__free(v);
        return false;
    }
    size_t m = 0;
    for (size_t i = 0; i < d->nspans; i++) {
        const gm_mspan *s = &d->spans[i];
        r->longer[i] = UINT32_MAX;
        if (s->tok_end - s->tok_start >= 2 && (t->tok[s->tok_end - 1].flags & GM_TF_CAP) &&
            gm_doc_tok_is(d, s->tok_end - 1, "city"))
            v[m++] = (hashed_span){t->tok[s->tok_start].hash, (uint32_t)i};
    }
    if (m) {
        qsort(v, m, sizeof *v, cmp_hashed_span);
        for (size_t i = 0; i < d->nspans; i++) {
            const gm_mspan *s = &d->spans[i];
            /* (a possessive is its word: "Mexico's president" is "Mexico") */
            uint32_t h = gm_tok_base_hash(t, &t->tok[s->tok_start]), n = s->tok_end - s->tok_start;
            size_t lo = 0, hi = m;
            while (lo < hi) {
                size_t mid = (lo + hi) / 2;
                if (v[mid].hash < h)
                    lo = mid + 1;
                else
                    hi = mid;
            }
            for (size_t k = lo, seen = 0; k < m && v[k].hash == h && seen < 16; k++, seen++) {
                const gm_mspan *l = &d->spans[v[k].span];
                if (l->tok_end - l->tok_start != n + 1)
                    continue;
                uint32_t w = 0;
                /* (word by word; the last may be a possessive: "Mexico's" for "Mexico City") */
                for (; w < n; w++) {
                    const gm_token *b = &t->tok[s->tok_start + w];
                    if (!gm_tok_fold_is(t, &t->tok[l->tok_start + w], gm_tok_fold(t, b), b->base_len))
                        break;
                }
                if (w == n) {
                    r->longer[i] = v[k].span;
                    break;
                }
            }
        }
    }
    gm__free(v);
    return true;
}

static void resolver_free(resolver *r)
{
    gm__free(r->block);
    gm__free(r->longer);
}

/* Softmax of the span's priors into out (of its scores: choose() and tally()). */
static void prior_distribution(const gm_doc *d, const gm_mspan *s, float *out)
{
    float top = -1e9f, sum = 0;
    for (uint32_t c = 0; c < s->ncand; c++) {
        float v = d->cands[s->cand + c].prior;
        top = v > top ? v : top;
    }
    for (uint32_t c = 0; c < s->ncand; c++) {
        out[c] = expf(d->cands[s->cand + c].prior - top);
        sum += out[c];
    }
    for (uint32_t c = 0; c < s->ncand; c++)
        out[c] = sum > 0 ? out[c] / sum : 0;
}

/* For each candidate of the group, the group's own vote for the candidate's country, admin-1 and
 * admin-2 (so that a name never votes for itself), in time linear in its candidates. */
static void own_masses(resolver *r, group *gr)
{
    const gm_doc *d = r->d;
    const gm_mspan *rep = &d->spans[gr->span];
    if (rep->ncand <= OWN_DIRECT_MAX) {
        /* a short list: compared pairwise, adding in the same order as the map below does */
        int64_t keys[3 * OWN_DIRECT_MAX];
        float w[OWN_DIRECT_MAX];
        for (uint32_t c = 0; c < rep->ncand; c++) {
            for (int which = 0; which < 3; which++)
                keys[3 * c + (uint32_t)which] = CAND_KEY(r, rep->cand + c, which);
            w[c] = gr->p[c] * gr->weight;
        }
        for (uint32_t c = 0; c < 3 * rep->ncand; c++) {
            float v = 0.0f;
            if (keys[c] >= 0)
                for (uint32_t o = c % 3; o < 3 * rep->ncand; o += 3)
                    if (keys[o] == keys[c] && w[o / 3] >= 0.005f)
                        v += w[o / 3];
            gr->own[c] = v;
        }
        return;
    }
    for (int which = 0; which < 3; which++) {
        for (uint32_t c = 0; c < rep->ncand; c++) {
            int64_t key = CAND_KEY(r, rep->cand + c, which);
            float w = gr->p[c] * gr->weight;
            if (key >= 0 && w >= 0.005f)
                mass_add(&r->scratch, (uint32_t)key, w);
        }
        for (uint32_t c = 0; c < rep->ncand; c++) {
            int64_t key = CAND_KEY(r, rep->cand + c, which);
            gr->own[3 * c + (uint32_t)which] = key >= 0 ? mass_get(&r->scratch, (uint32_t)key) : 0.0f;
        }
        mass_clear(&r->scratch);
    }
}

/* Each group's distribution and weight, and the votes of all groups. */
static void tally(resolver *r, bool use_score)
{
    gm_doc *d = r->d;
    const gm_gazetteer *g = d->gaz;
    mass_map *maps[3] = {&r->country, &r->admin1, &r->admin2};
    for (int which = 0; which < 3; which++)
        mass_clear(maps[which]);
    /* the weight: how surely the name is a place (its surest mention), a little more for repeats */
    for (size_t k = 0; k < r->ngroups; k++)
        r->groups[k].weight = 0;
    for (size_t i = 0; i < d->nspans; i++) {
        group *gr = &r->groups[r->group_of[i]];
        /* a street ("Hamilton Avenue") says nothing about which Hamilton the text means */
        if (!d->spans[i].dropped && !(d->spans[i].flags & GM_SF_STREET) && d->spans[i].placeness > gr->weight)
            gr->weight = d->spans[i].placeness;
    }
    for (size_t k = 0; k < r->ngroups; k++) {
        group *gr = &r->groups[k];
        gm_mspan *rep = &d->spans[gr->span];
        if (use_score) {
            /* the softmax of the scores, whose terms choose() has kept (the scores have not
             * changed since: the same softmax, to the bit) */
            float sum = r->ex_sum[gr->span];
            for (uint32_t c = 0; c < rep->ncand; c++)
                gr->p[c] = sum > 0 ? r->ex[rep->cand + c] / sum : 0;
        } else {
            prior_distribution(d, rep, gr->p);
        }
        gr->weight *= 1.0f + 0.3f * logf((float)gr->count);
        if (rep->kind == GM_MENTION_DEMONYM)
            gr->weight *= 0.5f;
        gr->top = -1;
        gr->top_p = 0;
        for (uint32_t c = 0; c < rep->ncand; c++) {
            float p = gr->p[c];
            if (p > gr->top_p) {
                gr->top_p = p;
                gr->top = (int32_t)(rep->cand + c);
            }
            float v = p * gr->weight;
            if (v < 0.005f)
                continue;
            for (int which = 0; which < 3; which++) {
                int64_t key = CAND_KEY(r, rep->cand + c, which);
                if (key >= 0)
                    mass_add(maps[which], (uint32_t)key, v);
            }
        }
        own_masses(r, gr);
    }
    if (r->locale != GM_NONE16)
        mass_add(&r->country, r->locale, r->locale_mass);
    /* the regions voted for, by country, so that a look at the other regions of a country need
     * scan neither the whole map nor the other countries' regions */
    r->n_a1_used = 0;
    for (size_t u = 0; u < r->admin1.nused; u++) {
        uint32_t i = r->admin1.used[u];
        r->a1_used[r->n_a1_used++] = (uint64_t)g->admin1[r->admin1.key[i] - 1].country << 32 | i;
    }
    r->a1_sorted = false; /* sorted when first needed */
}

/* ------------------------------------------------------------------ context */
/*
 * The span also names a populated place inside admin-1 region r that is the region's seat or holds
 * half its people: a bare "Odesa" or "Moscow" means the city, "the Odesa region" the region.
 * Returns 2 for a city-region (Moscow, Kyiv City), 1 for a region named after its seat, else 0.
 */
static int city_of_region(const gm_doc *d, const gm_mspan *s, const gm_idx_place *r)
{
    const gm_gazetteer *g = d->gaz;
    int best = 0;
    for (uint32_t c = s->cand; c < s->cand + s->ncand; c++) {
        const gm_idx_place *p = &g->places[d->cands[c].place];
        if (p->kind != GM_PK_PLACE)
            continue;
        if (r->kind == GM_PK_ADMIN2 ? p->admin2 != r->admin2 : p->admin1 != r->admin1)
            continue;
        if ((double)p->population >= 0.5 * (double)r->population)
            return 2;
        const char *fc = g->strings + p->fcode;
        if (r->kind == GM_PK_ADMIN2 ? strcmp(fc, "PPLA2") == 0
                                    : strcmp(fc, "PPLA") == 0 || strcmp(fc, "PPLC") == 0)
            best = 1;
    }
    return best;
}

/* The span also names a capital, or a regional seat of over 100,000 people, of region p's country. */
static bool big_seat_named(const gm_doc *d, const gm_mspan *s, const gm_idx_place *r)
{
    const gm_gazetteer *g = d->gaz;
    for (uint32_t c = s->cand; c < s->cand + s->ncand; c++) {
        const gm_idx_place *p = &g->places[d->cands[c].place];
        if (p->kind != GM_PK_PLACE || p->country != r->country || p->population < 100000)
            continue;
        const char *fc = g->strings + p->fcode;
        if (strcmp(fc, "PPLA") == 0 || strcmp(fc, "PPLC") == 0)
            return true;
    }
    return false;
}

/* What city_of_region() and big_seat_named() say of region candidate cd of span s (the first in
 * bits 0-1, the second in bit 2), worked out once: they depend on the span's candidates, not on
 * the votes of a pass. */
static unsigned seat_facts(const gm_doc *d, const gm_mspan *s, gm_cand *cd)
{
    if (!(cd->seat & 0x80)) {
        const gm_idx_place *p = &d->gaz->places[cd->place];
        cd->seat = (uint8_t)(0x80 | city_of_region(d, s, p) | (big_seat_named(d, s, p) ? 4 : 0));
    }
    return cd->seat & 0x7F;
}

/* A group sure enough of its place for the others to be near it, with the place's position. */
typedef struct anchor {
    const group *group;
    uint32_t place;
    float lat, lon, coslat;
} anchor;

/* Beyond this distance a place is no nearer than any other. */
#define NEAR_MAX_KM 1500.0f

/* Approximate distance in km (equirectangular): good to a few per cent at the scales nearness cares
 * about, and much cheaper than the haversine formula in this inner loop (whose caller has already
 * left out the places more than NEAR_MAX_KM apart north to south). */
static float approx_km(const gm_idx_place *a, const gm_idx_place *b)
{
    float lat1 = (float)a->lat_e7 * 1e-7f, lat2 = (float)b->lat_e7 * 1e-7f;
    float dlat = lat2 - lat1;
    float dlon = (float)b->lon_e7 * 1e-7f - (float)a->lon_e7 * 1e-7f;
    if (dlon > 180.0f)
        dlon -= 360.0f;
    else if (dlon < -180.0f)
        dlon += 360.0f;
    float x = dlon * cosf((lat1 + lat2) * 0.5f * 0.01745329f);
    return 111.195f * sqrtf(x * x + dlat * dlat);
}

/* This group's own share of the votes for a region key (so that a name does not vote for itself). */
static float own_mass(resolver *r, const group *gr, int which, uint32_t key)
{
    const gm_doc *d = r->d;
    const gm_mspan *rep = &d->spans[gr->span];
    if (gr->bykey) { /* the first candidate of the key, whose own vote own_masses() has summed */
        const uint64_t *row = sort_by_key(r, gr, which);
        uint64_t want = (uint64_t)key + 1;
        size_t at = first_high(row, rep->ncand, want);
        return at < rep->ncand && row[at] >> 32 == want ? gr->own[3 * (uint32_t)row[at] + (uint32_t)which] : 0.0f;
    }
    float v = 0;
    for (uint32_t c = 0; c < rep->ncand; c++) {
        float w = gr->p[c] * gr->weight;
        if (w >= 0.005f && CAND_KEY(r, rep->cand + c, which) == (int64_t)key)
            v += w;
    }
    return v;
}

/* The countries the text names most (a vote of at least 0.5) whose territory is no wider than
 * NEAR_CC_EXTENT_KM: a town close to one of them may be across its border ("Gaza" beside "Israel"
 * and "Egypt" is not the province of Mozambique).  Made once a pass, after tally(). */
#define NEAR_CC_EXTENT_KM 800
#define NEAR_CC_KM 120.0f

/* The country in slot i of the country map is one of those (see near_countries). */
static bool near_country_at(const resolver *r, uint32_t i)
{
    const gm_gazetteer *g = r->d->gaz;
    uint32_t k = r->country.key[i];
    if (!k || r->country.val[i] < 0.5f || k - 1 >= g->h->n_countries)
        return false;
    uint32_t cp = g->countries[k - 1].place;
    return cp != GM_NONE32 && g->places[cp].extent_km <= NEAR_CC_EXTENT_KM;
}

/* The countries the text names as countries, each by its group (a mention most likely the country
 * itself).  Made once a pass, after tally(). */
static void named_countries(resolver *r)
{
    const gm_doc *d = r->d;
    const gm_gazetteer *g = d->gaz;
    r->n_named_cc = 0;
    for (size_t k = 0; k < r->ngroups && r->n_named_cc < MAX_NAMED_CC; k++) {
        const group *gr = &r->groups[k];
        if (gr->top < 0 || gr->top_p < 0.5f)
            continue;
        const gm_idx_place *p = &g->places[d->cands[gr->top].place];
        if (p->kind == GM_PK_COUNTRY && p->country != GM_NONE16) {
            r->named_cc[r->n_named_cc] = p->country;
            r->named_by[r->n_named_cc++] = (uint32_t)k;
        }
    }
}

/* The capital of a country another name of the text names: "Paris" in a story that says "France"
 * (worth CAPITAL_OF_NAMED in its score). */
#define CAPITAL_OF_NAMED 5.0f
static bool capital_of_named(const resolver *r, const group *gr, const gm_mspan *s, const gm_idx_place *p)
{
    const gm_doc *d = r->d;
    const gm_gazetteer *g = d->gaz;
    if (p->kind != GM_PK_PLACE || p->country == GM_NONE16)
        return false;
    bool named = false;
    for (size_t i = 0; i < r->n_named_cc && !named; i++)
        named = r->named_cc[i] == p->country && &r->groups[r->named_by[i]] != gr;
    if (!named || strcmp(g->strings + p->fcode, "PPLC") != 0)
        return false;
    /* not when the name may be the country itself ("Mexico", "Kuwait", "Panama") */
    for (uint32_t k = s->cand; k < s->cand + s->ncand; k++) {
        const gm_idx_place *q = &g->places[d->cands[k].place];
        if (q->kind == GM_PK_COUNTRY && q->country == p->country)
            return false;
    }
    return true;
}

static void near_countries(resolver *r)
{
    /* the first MAX_NEAR_CC in slot order; when there are no more than that, all of them, in any
     * order (neighbour_country takes the largest vote), and the slots need no sorting */
    size_t n = 0;
    for (size_t u = 0; u < r->country.nused; u++)
        n += near_country_at(r, r->country.used[u]);
    const uint32_t *slots = n > MAX_NEAR_CC ? mass_slots(&r->country) : r->country.used;
    r->n_near_cc = 0;
    for (size_t u = 0; u < r->country.nused && r->n_near_cc < MAX_NEAR_CC; u++)
        if (near_country_at(r, slots[u]))
            r->near_cc[r->n_near_cc++] = (uint16_t)(r->country.key[slots[u]] - 1);
}

/* The vote of a named country whose border the candidate lies near (its point within the
 * country's extent and NEAR_CC_KM more), less the span's own votes for it; 0 if none. */
static float neighbour_country(resolver *r, const group *gr, const gm_idx_place *p)
{
    const gm_gazetteer *g = r->d->gaz;
    float best = 0;
    for (size_t i = 0; i < r->n_near_cc; i++) {
        uint16_t c = r->near_cc[i];
        if (c == p->country)
            continue;
        const gm_idx_place *cp = &g->places[g->countries[c].place];
        if (approx_km(p, cp) > (float)cp->extent_km + NEAR_CC_KM)
            continue;
        float v = mass_get(&r->country, c) - own_mass(r, gr, 0, c);
        best = v > best ? v : best;
    }
    return best;
}

/* The group's own vote for the region of kind `which` of candidate c of span s (a mention of the
 * group): from the cache when s lists its candidates as the group's representative does. */
static float own_of(resolver *r, const group *gr, const gm_mspan *s, uint32_t c, int which)
{
    const gm_doc *d = r->d;
    const gm_mspan *rep = &d->spans[gr->span];
    uint32_t ci = c - s->cand;
    if (ci < rep->ncand && d->cands[rep->cand + ci].place == d->cands[c].place)
        return gr->own[3 * ci + (uint32_t)which];
    int64_t key = CAND_KEY(r, c, which);
    return key >= 0 ? own_mass(r, gr, which, (uint32_t)key) : 0.0f;
}

static float saturate(float x) { return x > 0 ? 1.0f - expf(-x) : 0.0f; }

/* The largest vote for another admin-1 region of the same country as region p. */
static float neighbour_mass(resolver *r, const group *gr, const gm_idx_place *p)
{
    float best = 0;
    if (!r->a1_sorted) {
        qsort(r->a1_used, r->n_a1_used, sizeof *r->a1_used, cmp_u64);
        r->a1_sorted = true;
    }
    /* from the first region of p's country */
    for (size_t u = first_high(r->a1_used, r->n_a1_used, p->country);
         u < r->n_a1_used && r->a1_used[u] >> 32 == p->country; u++) {
        size_t i = (uint32_t)r->a1_used[u];
        uint32_t k = r->admin1.key[i];
        if (!k || k - 1 == p->admin1)
            continue;
        float v = r->admin1.val[i] - own_mass(r, gr, 1, k - 1);
        best = v > best ? v : best;
    }
    return best;
}

/* Is the span in a list ("A, B and C") whose other members most likely are of this kind? Returns the
 * probability mass of the neighbours' candidates of that kind (0 when not in a list). */
static float sibling_kind(const resolver *r, size_t si, uint8_t kind)
{
    const gm_doc *d = r->d;
    const gm_gazetteer *g = d->gaz;
    if (kind != GM_PK_ADMIN1 && kind != GM_PK_COUNTRY && kind != GM_PK_ADMIN2)
        return 0;
    float best = 0;
    for (int dir = -1; dir <= 1; dir += 2) {
        if ((dir < 0 && si == 0) || (dir > 0 && si + 1 >= d->nspans))
            continue;
        const gm_mspan *s = &d->spans[si], *o = &d->spans[dir < 0 ? si - 1 : si + 1];
        const gm_mspan *a = dir < 0 ? o : s, *b = dir < 0 ? s : o;
        if (o->dropped || a->tok_end >= b->tok_start || b->tok_start - a->tok_end > 2 || o->ncand == 0)
            continue;
        bool glue = true;
        for (size_t k = a->tok_end; k < b->tok_start; k++)
            if (!(gm_tok_is(&d->t.tok[k], ',') || gm_tok_is(&d->t.tok[k], '&') || gm_doc_tok_is(d, k, "and") ||
                  gm_doc_tok_is(d, k, "or")))
                glue = false;
        if (!glue)
            continue;
        const group *og = &r->groups[r->group_of[dir < 0 ? si - 1 : si + 1]];
        const gm_mspan *rep = &d->spans[og->span];
        float m = 0;
        for (uint32_t c = 0; c < rep->ncand; c++)
            if (g->places[d->cands[rep->cand + c].place].kind == kind)
                m += og->p[c];
        best = m > best ? m : best;
    }
    return best;
}

/* sibling_kind() of span si, kept in cache[kind] for the other candidates of the span (the votes it
 * reads do not change while a pass scores the spans) */
static float span_sibling_kind(const resolver *r, size_t si, uint8_t kind, float *cache)
{
    if (kind > GM_PK_SITE)
        return sibling_kind(r, si, kind);
    if (cache[kind] < 0)
        cache[kind] = sibling_kind(r, si, kind);
    return cache[kind];
}

#define MAX_ANCHORS 64

/* Development aid: when set (by a test program), called with each candidate's score components. */
void (*gm__resolve_trace)(const gm_doc *d, size_t span, uint32_t cand, const float *parts, int nparts);

/* The context parts (CTX_*) of candidate c of span s, a mention of group gr. */
static void context_parts(resolver *r, const group *gr, const gm_mspan *s, uint32_t c, const anchor *anchors,
                          size_t nanchors, float *out)
{
    const gm_doc *d = r->d;
    const gm_gazetteer *g = d->gaz;
    const gm_cand *cd = &d->cands[c];
    const gm_idx_place *p = &g->places[cd->place];
    memset(out, 0, CTX_N * sizeof *out);
    /* votes of the other names for this candidate's regions */
    if (p->country != GM_NONE16)
        out[CTX_COUNTRY] = 3.0f * saturate(mass_get(&r->country, p->country) - own_of(r, gr, s, c, 0));
    /* a town or region just across the border of a country the text names: half as much */
    if (r->n_near_cc && out[CTX_COUNTRY] < 1.5f && p->kind != GM_PK_COUNTRY && p->kind != GM_PK_REGION) {
        float nb = 1.5f * saturate(neighbour_country(r, gr, p));
        out[CTX_COUNTRY] = nb > out[CTX_COUNTRY] ? nb : out[CTX_COUNTRY];
    }
    if (p->admin1 != GM_NONE16 && p->kind != GM_PK_COUNTRY) {
        out[CTX_ADMIN1] = saturate(mass_get(&r->admin1, p->admin1) - own_of(r, gr, s, c, 1));
        if (p->kind == GM_PK_ADMIN1 && cd->name_type <= GM_NT_ENGLISH)
            out[CTX_NEIGHBOUR] = saturate(neighbour_mass(r, gr, p));
    }
    if (p->admin2 != GM_NONE32 && p->kind == GM_PK_PLACE)
        out[CTX_ADMIN2] = 3.0f * saturate(mass_get(&r->admin2, p->admin2) - own_of(r, gr, s, c, 2));
    /* nearness to places the other names pin down */
    if (p->kind == GM_PK_PLACE || p->kind == GM_PK_SITE || p->kind == GM_PK_ADMIN2) {
        float best = 0;
        float lat = (float)p->lat_e7 * 1e-7f, lon = (float)p->lon_e7 * 1e-7f;
        float coslat = cosf(lat * 0.01745329f);
        for (size_t a = 0; a < nanchors; a++) {
            const anchor *an = &anchors[a];
            if (an->group == gr)
                continue;
            /* a bound first: the distance is at least the north-south one, and at least the
             * east-west one at the higher latitude of the two */
            float dlat = fabsf(an->lat - lat), dlon = fabsf(an->lon - lon);
            if (dlon > 180.0f)
                dlon = 360.0f - dlon;
            if (111.195f * dlat > NEAR_MAX_KM || 111.195f * dlon * (coslat < an->coslat ? coslat : an->coslat) > NEAR_MAX_KM)
                continue;
            uint32_t op = an->place;
            float km = op == cd->place ? 0.0f : approx_km(p, &g->places[op]);
            if (km > NEAR_MAX_KM)
                continue;
            float v = an->group->top_p * (3.5f * expf(-km / 40.0f) + 1.0f * expf(-km / 300.0f));
            best = v > best ? v : best;
        }
        out[CTX_NEAR] = best;
    }
}

/* Spans a and b list the same candidates, by the same kinds of name. */
static bool same_list(const gm_doc *d, const gm_mspan *a, const gm_mspan *b)
{
    if (a == b)
        return true;
    if (a->ncand != b->ncand)
        return false;
    for (uint32_t c = 0; c < a->ncand; c++) {
        const gm_cand *x = &d->cands[a->cand + c], *y = &d->cands[b->cand + c];
        if (x->place != y->place || x->name_type != y->name_type)
            return false;
    }
    return true;
}

/* A county the name matches only without its "County" ("Livingston" for Livingston County). */
static bool bare_county(const gm_doc *d, const gm_cand *c)
{
    return c->name_type >= GM_NT_VARIANT && d->gaz->places[c->place].kind == GM_PK_ADMIN2;
}

/* No town: a county the name matches only without "County", and where the text says the name is
 * a town ("X is a small town"), a country or region (a state may share its name with its seat). */
static bool not_town(const gm_doc *d, const gm_cand *c, bool called)
{
    unsigned kind = d->gaz->places[c->place].kind;
    return bare_county(d, c) || (called && (kind == GM_PK_COUNTRY || kind == GM_PK_REGION));
}

/* Drops span s's not_town candidates. */
static void drop_not_towns(gm_doc *d, gm_mspan *s, bool called)
{
    uint32_t n = 0;
    for (uint32_t c = s->cand; c < s->cand + s->ncand; c++)
        if (!not_town(d, &d->cands[c], called))
            d->cands[s->cand + n++] = d->cands[c];
    s->ncand = n;
}

/* A name the text calls a town ("Livingston is a city in Overton County", "the town of Kent") is
 * no county that the name matches only without "County"; one it says is a town ("China is an
 * unincorporated community in Jefferson County") is no country or region either; and
 * neither are its other mentions (one sense per document).  With no other entry, the town is one
 * the gazetteer lacks. */
static void towns_not_counties(gm_doc *d)
{
    for (size_t i = 0; i < d->nspans; i++) {
        gm_mspan *s = &d->spans[i];
        if (!(s->flags & (GM_SF_CITY_WORD | GM_SF_CALLED_TOWN)) || s->dropped)
            continue;
        bool called = (s->flags & GM_SF_CALLED_TOWN) != 0, any = false;
        for (uint32_t c = s->cand; c < s->cand + s->ncand && !any; c++)
            any = not_town(d, &d->cands[c], called);
        if (!any)
            continue;
        for (size_t j = 0; j < d->nspans; j++)
            if (j != i && !(d->spans[j].flags & GM_SF_COUNTY_WORD) && gm_doc_same_words(d, &d->spans[j], s))
                drop_not_towns(d, &d->spans[j], called);
        drop_not_towns(d, s, called);
    }
}

/* "the Pacific", "the Atlantic flyway", "the Balkans": a name written with its article that may be
 * a sea or a region is that, not a town of the same name (a Missouri "Pacific"). */
static bool the_region(const gm_doc *d, const gm_mspan *s)
{
    if (s->tok_start == 0 || !gm_doc_tok_is(d, s->tok_start - 1, "the"))
        return false;
    for (uint32_t c = s->cand; c < s->cand + s->ncand; c++)
        if (d->gaz->places[d->cands[c].place].kind == GM_PK_REGION)
            return true;
    return false;
}

/* Candidate k of container span cs may be the region meant: its own written region, if it has one,
 * holds it ("China, a community in Jefferson County, Indiana" is in no Texas county). */
static bool container_entry(const gm_doc *d, const gm_mspan *cs, uint32_t k)
{
    if (!cs->container)
        return true;
    const gm_mspan *up = &d->spans[cs->container - 1];
    if (up->dropped || up->ncand == 0)
        return true;
    for (uint32_t u = up->cand; u < up->cand + up->ncand; u++) {
        unsigned kind = d->gaz->places[d->cands[u].place].kind;
        if ((kind == GM_PK_ADMIN1 || kind == GM_PK_COUNTRY) && gm_gz_contains(d->gaz, d->cands[u].place, d->cands[k].place))
            return true;
    }
    return false;
}

static void score_span(resolver *r, size_t si, const anchor *anchors, size_t nanchors)
{
    gm_doc *d = r->d;
    const gm_gazetteer *g = d->gaz;
    gm_mspan *s = &d->spans[si];
    group *gr = &r->groups[r->group_of[si]];
    /* the group's context parts: computed by its first mention in this pass, reused by the others */
    bool shared = same_list(d, s, &d->spans[gr->span]), have = shared && gr->ctx_pass == r->pass;
    bool region_with_the = the_region(d, s);
    float sib[GM_PK_SITE + 1]; /* sibling_kind() of this span, by kind, once asked (< 0: not yet) */
    for (size_t k = 0; k < GM_ARRAY_LEN(sib); k++)
        sib[k] = -1.0f;
    for (uint32_t c = s->cand; c < s->cand + s->ncand; c++) {
        gm_cand *cd = &d->cands[c];
        const gm_idx_place *p = &g->places[cd->place];
        float own_ctx[CTX_N];
        float *ctx = shared ? gr->ctx + CTX_N * (c - s->cand) : own_ctx;
        if (!have)
            context_parts(r, gr, s, c, anchors, nanchors, ctx);
        float sc = cd->prior;
        float *parts = cd->parts; /* see GM_PART_* */
        memset(cd->parts, 0, sizeof cd->parts);
        parts[GM_PART_PRIOR] = cd->prior;
        /* an all-capitals dateline names a city a wire service writes from: size matters more, enough
         * that one village named in the story cannot pull "MIAMI (AP)" to a Texas hamlet */
        if ((s->flags & GM_SF_DATELINE) && p->kind == GM_PK_PLACE) {
            float size = (float)log10((double)p->population + 1.0);
            parts[GM_PART_PRIOR] += size;
            sc += size;
        }
        /* votes of the other names for this candidate's regions */
        if (p->country != GM_NONE16) {
            parts[GM_PART_COUNTRY] = ctx[CTX_COUNTRY];
            sc += parts[GM_PART_COUNTRY];
        }
        if (p->admin1 != GM_NONE16 && p->kind != GM_PK_COUNTRY) {
            float own = ctx[CTX_ADMIN1];
            if (p->kind == GM_PK_ADMIN1 && cd->name_type <= GM_NT_ENGLISH &&
                ((s->flags & GM_SF_REGION_WORD) || seat_facts(d, s, cd) == 0)) {
                /* a region is as likely next to its neighbours as inside them: "England and Wales" */
                float nb = ctx[CTX_NEIGHBOUR];
                own = own > 0.5f * nb ? own : 0.5f * nb;
            }
            sc += 5.0f * own;
            parts[GM_PART_ADMIN1] = 5.0f * own;
        }
        /* names in a list are alike: "Utah, Virginia, Washington" are all states */
        parts[GM_PART_LIST] = 2.0f * span_sibling_kind(r, si, p->kind, sib);
        sc += parts[GM_PART_LIST];
        if (p->admin2 != GM_NONE32 && p->kind == GM_PK_PLACE) {
            parts[GM_PART_ADMIN2] = ctx[CTX_ADMIN2];
            sc += parts[GM_PART_ADMIN2];
        }
        /* the capital of a country the text names: "Washington" beside "the U.S." is no English town
         * however many English names the text has (but in a list of states, the state) */
        if (capital_of_named(r, gr, s, p) && span_sibling_kind(r, si, GM_PK_ADMIN1, sib) < 0.5f) {
            sc += CAPITAL_OF_NAMED;
            parts[GM_PART_COUNTRY] += CAPITAL_OF_NAMED;
        }
        /* nearness to places the other names pin down */
        if (p->kind == GM_PK_PLACE || p->kind == GM_PK_SITE || p->kind == GM_PK_ADMIN2) {
            sc += ctx[CTX_NEAR];
            parts[GM_PART_NEAR] = ctx[CTX_NEAR];
        }
        float before_wording = sc;
        /* wording */
        if (s->flags & GM_SF_REGION_WORD) {
            if (p->kind == GM_PK_ADMIN1 || p->kind == GM_PK_REGION)
                sc += 4.0f;
        } else if (p->kind == GM_PK_ADMIN1 || p->kind == GM_PK_ADMIN2) {
            unsigned facts = seat_facts(d, s, cd);
            int cr = (int)(facts & 3);
            sc -= cr == 2 ? 3.0f : cr == 1 ? 2.5f : 0.0f;
            /* a name shared with a capital or a large regional seat means the city: "Kyiv" is not
             * Kyiv Oblast, "Donetsk" not the oblast, unless the text says "region" */
            if (cr == 0 && (facts & 4) && !(p->kind == GM_PK_ADMIN1 && span_sibling_kind(r, si, GM_PK_ADMIN1, sib) >= 0.5f))
                sc -= 2.5f; /* (but in a list of states, "Utah, Washington, Pennsylvania", the state) */
        }
        if ((s->flags & GM_SF_COUNTY_WORD) && p->kind == GM_PK_ADMIN2)
            sc += 5.0f;
        /* "the Pacific": the sea, not the town (the_region) */
        if (region_with_the && (p->kind == GM_PK_REGION || p->kind == GM_PK_PLACE))
            sc += p->kind == GM_PK_REGION ? 2.5f : -2.5f;
        /* "Mexico" in a text that writes "Mexico City" elsewhere is not the city */
        if (r->longer[si] != UINT32_MAX) {
            const gm_mspan *l = &d->spans[r->longer[si]];
            if (l->best >= 0 && d->cands[l->best].place == cd->place)
                sc -= 6.0f;
        }
        if (s->flags & GM_SF_CITY_WORD) {
            if (p->kind == GM_PK_PLACE)
                sc += 2.0f;
            else if (p->kind == GM_PK_ADMIN1 || p->kind == GM_PK_COUNTRY || p->kind == GM_PK_REGION ||
                     p->kind == GM_PK_ADMIN2)
                sc -= 4.0f;
        }
        /* a region written right after the name */
        if (s->container) {
            const gm_mspan *cs = &d->spans[s->container - 1];
            for (uint32_t k = cs->cand; k < cs->cand + cs->ncand; k++)
                if (gm_gz_contains(g, d->cands[k].place, cd->place)) {
                    sc += 8.0f;
                    break;
                }
        }
        /* being the container of the previous name */
        if (si > 0 && d->spans[si - 1].container == si + 1) {
            const gm_mspan *ps = &d->spans[si - 1];
            for (uint32_t k = ps->cand; k < ps->cand + ps->ncand; k++)
                if (gm_gz_contains(g, cd->place, d->cands[k].place)) {
                    sc += 3.0f;
                    break;
                }
        }
        cd->score = sc;
        parts[GM_PART_WORDING] = sc - before_wording;
        if (gm__resolve_trace)
            gm__resolve_trace(d, si, c, parts, GM_NPARTS);
    }
    if (shared)
        gr->ctx_pass = r->pass;
}

/* The span's best candidate and its share, from the scores; the share's terms are kept (r->ex,
 * r->ex_sum) for the next tally, whose distributions they are. */
static void choose(resolver *r, size_t si)
{
    gm_doc *d = r->d;
    gm_mspan *s = &d->spans[si];
    r->ex_sum[si] = 0;
    if (s->ncand == 0) {
        s->best = -1;
        s->conf = 0;
        return;
    }
    int32_t best = (int32_t)s->cand;
    float top = d->cands[best].score, sum = 0;
    for (uint32_t c = s->cand + 1; c < s->cand + s->ncand; c++) {
        float a = d->cands[c].score;
        if (a > top) {
            top = a;
            best = (int32_t)c;
        }
    }
    for (uint32_t c = s->cand; c < s->cand + s->ncand; c++) {
        r->ex[c] = expf(d->cands[c].score - top);
        sum += r->ex[c];
    }
    r->ex_sum[si] = sum;
    s->best = best;
    s->conf = s->placeness / sum;
}

/* How many later mentions of the same name each mention is compared with: more than any article
 * repeats a name, few enough that a book-sized document stays linear. */
#define UNIFY_WINDOW 256

/* One sense per document: spans with the same candidates agree on the best-supported one. */
static void unify_same_names(resolver *r)
{
    gm_doc *d = r->d;
    for (size_t i = 0; i < d->nspans; i++) {
        gm_mspan *a = &d->spans[i];
        if (a->dropped || a->best < 0)
            continue;
        size_t seen = 0;
        for (uint32_t j = r->next_same[i]; j != UINT32_MAX && seen < UNIFY_WINDOW; j = r->next_same[j], seen++) {
            gm_mspan *b = &d->spans[j];
            if (b->dropped || b->best < 0 || !same_name(d, a, b) || b->ncand < 2)
                continue;
            if ((a->flags ^ b->flags) & (GM_SF_REGION_WORD | GM_SF_COUNTY_WORD | GM_SF_CITY_WORD))
                continue;
            if (d->cands[a->best].place == d->cands[b->best].place) {
                if (a->container && !b->container)
                    b->unified |= UNIFIED_FIXED;
                continue;
            }
            /* the mention with a region written next to it ("Washington, Illinois") decides; else the
             * more confident one */
            gm_mspan *lo, *hi;
            if (!!a->container != !!b->container) {
                hi = a->container ? a : b;
                lo = hi == a ? b : a;
            } else if (a->container) {
                continue; /* two mentions, each with its own region: both stand */
            } else {
                lo = a->conf < b->conf ? a : b;
                hi = lo == a ? b : a;
            }
            /* "Arlington is a city in Gilliam County, Oregon ... named after Arlington, Virginia ...
             * Arlington was moved": the first mention with a region decides */
            if (lo->unified & UNIFIED_FIXED)
                continue;
            uint32_t want = d->cands[hi->best].place;
            for (uint32_t c = lo->cand; c < lo->cand + lo->ncand; c++)
                if (d->cands[c].place == want) {
                    lo->best = (int32_t)c;
                    lo->unified |= UNIFIED_SET | (hi->container ? UNIFIED_FIXED : 0);
                    lo->conf = hi->conf * 0.9f;
                    break;
                }
        }
    }
}

/* The word before token a is a preposition of place: "in X", "near X", "from X". */
static bool place_prep_before(const gm_doc *d, size_t a)
{
    return a > 0 && (gm_doc_tok_is(d, a - 1, "in") || gm_doc_tok_is(d, a - 1, "at") || gm_doc_tok_is(d, a - 1, "near") ||
                     gm_doc_tok_is(d, a - 1, "from") || gm_doc_tok_is(d, a - 1, "outside") ||
                     gm_doc_tok_is(d, a - 1, "to"));
}

/* The mention reads like a place by its preposition; a headline's capitalised "In" ("Acting In
 * Batman Costume") is no evidence. */
static bool locative_before(const gm_doc *d, const gm_mspan *s)
{
    size_t a = s->tok_start;
    if (a > 0 && (d->t.tok[a - 1].flags & (GM_TF_CAP | GM_TF_SENT_START)) == GM_TF_CAP)
        return false;
    return place_prep_before(d, a);
}

/* What drop_weak knows of the document's places, per country and per place (the chosen entries). */
typedef struct place_sums {
    mass_map by_country; /* placeness of the spans resolved into each country */
    mass_map by_place;   /* ... and onto each entry */
    mass_map placelike;  /* per entry: 1 if some mention of it reads like a place ("in X", "X, Texas") */
    mass_map verdict;    /* per entry: 1 a lone namesake, 2 not (decided once per entry) */
    float total;
} place_sums;

static bool sums_init(place_sums *ps, const resolver *r)
{
    const gm_doc *d = r->d;
    const gm_gazetteer *g = d->gaz;
    memset(ps, 0, sizeof *ps);
    size_t n = d->nspans + 8;
    if (!mass_init(&ps->by_country, n) || !mass_init(&ps->by_place, n) || !mass_init(&ps->placelike, n) ||
        !mass_init(&ps->verdict, n))
        return false;
    for (size_t i = 0; i < d->nspans; i++) {
        const gm_mspan *s = &d->spans[i];
        if (s->dropped || s->best < 0)
            continue;
        uint32_t place = d->cands[s->best].place;
        const gm_idx_place *p = &g->places[place];
        if (p->country != GM_NONE16)
            mass_add(&ps->by_country, p->country, s->placeness);
        mass_add(&ps->by_place, place, s->placeness);
        ps->total += s->placeness;
        /* ("at Hampstead Theatre": the preposition is the theatre's) */
        if (s->container || (s->flags & (GM_SF_CITY_WORD | GM_SF_DATELINE | GM_SF_REGION_WORD | GM_SF_GIVEN)) ||
            (locative_before(d, s) && !(s->flags & GM_SF_IN_ORG)))
            *mass_slot(&ps->placelike, place, true) = 1;
    }
    return true;
}

static void sums_free(place_sums *ps)
{
    mass_free(&ps->by_country);
    mass_free(&ps->by_place);
    mass_free(&ps->placelike);
    mass_free(&ps->verdict);
}

/* A town in a country nothing else in the document speaks of, far from every other place it names,
 * while the rest of the document speaks of some other, and no mention of it reads like a place: a
 * namesake ("When Batman has to turn his head" in a Los Angeles story). */
#define LONE_NEAR_KM 400.0

static bool lone_foreign(const resolver *r, uint32_t place, place_sums *ps)
{
    const gm_doc *d = r->d;
    const gm_gazetteer *g = d->gaz;
    const gm_idx_place *p = &g->places[place];
    float own = mass_get(&ps->by_place, place), others = mass_get(&ps->by_country, p->country) - own;
    if (p->kind != GM_PK_PLACE || others > 0.05f || ps->total - own < 3.0f || p->population >= 1000000 ||
        strcmp(g->strings + p->fcode, "PPLC") == 0 || mass_get(&ps->placelike, place) > 0)
        return false;
    float *verdict = mass_slot(&ps->verdict, place, true);
    if (verdict && *verdict > 0)
        return *verdict == 1;
    bool lone = true;
    /* near another place the document names ("Gaza City" beside "Israel"): a neighbour, not a namesake */
    for (size_t j = 0; j < d->nspans && lone; j++) {
        const gm_mspan *o = &d->spans[j];
        if (o->dropped || o->best < 0 || d->cands[o->best].place == place)
            continue;
        const gm_idx_place *q = &g->places[d->cands[o->best].place];
        double km = gm_haversine_km(p->lat_e7 / 1e7, p->lon_e7 / 1e7, q->lat_e7 / 1e7, q->lon_e7 / 1e7);
        lone = km - q->extent_km >= LONE_NEAR_KM;
    }
    if (verdict)
        *verdict = lone ? 1 : 2;
    return lone;
}

/*
 * Spans that are probably not places after all: weak evidence (low placeness) that resolution
 * could not back up, a tiny place matched only through an alternate name with nothing in the
 * document pointing at its country, or a lone namesake far from everything else (lone_foreign).
 */
static bool drop_weak(resolver *r)
{
    gm_doc *d = r->d;
    const gm_gazetteer *g = d->gaz;
    float ctotal = 0;
    for (size_t k = 0; k < r->ngroups; k++)
        ctotal += r->groups[k].weight;
    place_sums ps;
    if (!sums_init(&ps, r)) {
        sums_free(&ps);
        return false;
    }
    for (size_t i = 0; i < d->nspans; i++) {
        gm_mspan *s = &d->spans[i];
        if (s->dropped || s->best < 0 || s->given)
            continue;
        const gm_cand *c = &d->cands[s->best];
        const gm_idx_place *p = &g->places[c->place];
        const group *gr = &r->groups[r->group_of[i]];
        float others = p->country != GM_NONE16 ? mass_get(&r->country, p->country) - own_mass(r, gr, 0, p->country) : 0;
        float cshare = ctotal > gr->weight ? others / (ctotal - gr->weight) : 0;
        if (s->placeness < 0.2f) {
            s->dropped = true;
            continue;
        }
        bool minor = p->population < 20000 && p->rank <= 4 && !(p->flags & GM_PF_SUPPLEMENT);
        bool weak_name = c->name_type >= GM_NT_ALT;
        /* a small place found only under one of its alternate names ("Commissioner", "Kishwaukee")
         * needs the text to say it is a place */
        if (minor && weak_name && !s->container && !(s->flags & (GM_SF_CITY_WORD | GM_SF_DATELINE)))
            s->dropped = true;
        else if (s->placeness < 0.5f && cshare < 0.3f && p->kind != GM_PK_COUNTRY)
            s->dropped = true;
        else if (lone_foreign(r, c->place, &ps))
            s->dropped = true;
        /* an ambiguous name ("Arlington") is still a place: which one is resolution's problem */
    }
    sums_free(&ps);
    return true;
}

/*
 * The reported confidence: the probability that the span names a place at all times the
 * probability that the chosen entry is the one meant.  Both are logistic models over what the
 * resolver already knows; their weights were fitted to the public development corpora (LGL,
 * TR-News, GeoVirus) and rounded, and checked by fitting on two corpora and measuring the third.
 * A span the caller gave (resolve mode) is a place by the caller's word: only the second factor.
 */
static float logistic(float z) { return 1.0f / (1.0f + expf(-z)); }

static bool all_capitals(const gm_doc *d, const gm_mspan *s)
{
    bool upper = false;
    for (uint32_t k = s->start; k < s->end; k++) {
        char c = d->text[k];
        if (c >= 'a' && c <= 'z')
            return false;
        upper |= c >= 'A' && c <= 'Z';
    }
    return upper;
}

#define CONTAINER_CONF 0.5f

/* A town's mention is followed by a state or a country that does not hold the town chosen ("Stroud,
 * Ontario" when the gazetteer knows only England's Stroud; "Taji, Iraq" read as a town in China).
 * (The name after a comma may as well be the next of a list, "Tampa, Orlando": only a region
 * counts; nor one the resolver is less sure of than CONTAINER_CONF, which neither places nor
 * penalises a town.) */
static bool container_disagrees(const gm_doc *d, const gm_mspan *s)
{
    if (!s->container || s->best < 0)
        return false;
    const gm_gazetteer *g = d->gaz;
    const gm_mspan *cs = &d->spans[s->container - 1];
    unsigned kind = g->places[d->cands[s->best].place].kind;
    /* (and a county written as one, "Fairfield County, Connecticut", when the gazetteer has no
     * Connecticut county of the name) */
    bool county = kind == GM_PK_ADMIN2 && ((s->flags & GM_SF_COUNTY_WORD) || !bare_county(d, &d->cands[s->best]));
    if (cs->best < 0 || cs->dropped || (kind != GM_PK_PLACE && kind != GM_PK_SITE && !county) || cs->conf < CONTAINER_CONF)
        return false;
    unsigned ckind = g->places[d->cands[cs->best].place].kind;
    if (county && ckind != GM_PK_ADMIN1 && ckind != GM_PK_COUNTRY)
        return false; /* (a county before a county is a list: "Clay, Douglas and Grant counties") */
    /* a county that its own written region does not hold is no guide: "Stamford is a city in
     * Fairfield County, Connecticut" read as Ohio's county */
    if (ckind == GM_PK_ADMIN2 && container_disagrees(d, cs))
        return false;
    /* (a county too when written as one, "Springfield, Sangamon County", or when the text says the
     * town lies in it) */
    if (ckind != GM_PK_ADMIN1 && ckind != GM_PK_COUNTRY &&
        !(ckind == GM_PK_ADMIN2 && ((cs->flags & GM_SF_COUNTY_WORD) ||
                                    gm_doc_said_in(d, (size_t)(s - d->spans)) == s->container)))
        return false;
    for (uint32_t k = cs->cand; k < cs->cand + cs->ncand; k++)
        if (container_entry(d, cs, k) && gm_gz_contains(g, d->cands[k].place, d->cands[s->best].place))
            return false;
    return true;
}

/* The region written next to a town's mention holds the entry chosen for it ("Norwood, a town in
 * Norfolk County"). */
static bool container_holds(const gm_doc *d, const gm_mspan *s)
{
    if (!s->container || s->best < 0)
        return false;
    const gm_gazetteer *g = d->gaz;
    const gm_mspan *cs = &d->spans[s->container - 1];
    if (cs->best < 0 || cs->dropped)
        return false;
    unsigned ckind = g->places[d->cands[cs->best].place].kind;
    return (ckind == GM_PK_ADMIN1 || ckind == GM_PK_ADMIN2 || ckind == GM_PK_COUNTRY) &&
           gm_gz_contains(g, d->cands[cs->best].place, d->cands[s->best].place);
}

/* Below this population a town abroad needs the text's support (see gm_resolve). */
#define SMALL_TOWN_POP 20000u

static void calibrate(gm_doc *d)
{
    const gm_gazetteer *g = d->gaz;
    for (size_t i = 0; i < d->nspans; i++) {
        gm_mspan *s = &d->spans[i];
        if (s->best < 0 || s->dropped) {
            s->conf = 0;
            continue;
        }
        const gm_cand *c = &d->cands[s->best];
        const gm_idx_place *p = &g->places[c->place];
        float top = c->score, second = -INFINITY, sum = 0;
        for (uint32_t k = s->cand; k < s->cand + s->ncand; k++)
            top = d->cands[k].score > top ? d->cands[k].score : top;
        for (uint32_t k = s->cand; k < s->cand + s->ncand; k++) {
            sum += expf(d->cands[k].score - top);
            if ((int32_t)k != s->best && d->cands[k].score > second)
                second = d->cands[k].score;
        }
        float share = expf(c->score - top) / sum;
        float margin = s->ncand > 1 ? c->score - second : 99.0f;
        bool demonym = s->kind == GM_MENTION_DEMONYM;
        bool context = s->flags & (GM_SF_REGION_WORD | GM_SF_DATELINE | GM_SF_CITY_WORD | GM_SF_COUNTY_WORD);
        bool weak_name = c->name_type == GM_NT_ENGLISH || c->name_type == GM_NT_VARIANT || c->name_type == GM_NT_ALT;
        float lpop = p->kind == GM_PK_PLACE ? (float)log10(p->population + 1.0) / 7.0f : 0.0f;
        /* is it the entry meant? */
        float zb = 0.5f + 2.1f * share - 1.0f * weak_name + 0.3f * context + 0.3f * (s->container != 0) +
                   0.1f * lpop + 0.4f * demonym;
        switch (p->kind) {
        case GM_PK_ADMIN1: zb += 1.25f; break;
        case GM_PK_ADMIN2: zb += 0.4f; break;
        case GM_PK_COUNTRY: zb += 1.5f; break;
        case GM_PK_REGION: zb -= 1.8f; break;
        default: break;
        }
        zb -= margin < 1.0f ? 1.5f : margin < 2.0f ? 0.75f : margin < 4.0f ? 0.75f : 0.0f;
        if (p->extent_km >= 800)
            zb -= 0.8f; /* a point stands for a sub-continent only loosely */
        float resolved = logistic(zb);
        if (s->given) {
            s->conf = resolved;
            continue;
        }
        /* is it a place at all? */
        size_t a = s->tok_start;
        bool prep = s->tok_end > a && place_prep_before(d, a);
        float za = -0.1f - 2.15f * demonym + 0.5f * (s->tok_end - s->tok_start >= 2) + 1.25f * context +
                   0.9f * (s->container != 0) + 0.9f * prep - 0.85f * s->common_word - 1.2f * weak_name -
                   0.6f * ((s->flags & GM_SF_IN_ORG) != 0) - 1.05f * (s->placeness < 0.8f) + 0.3f * lpop +
                   1.5f * share - 0.2f * all_capitals(d, s);
        switch (p->kind) {
        case GM_PK_ADMIN1:
        case GM_PK_COUNTRY: za += 1.0f; break;
        case GM_PK_REGION: za += 0.3f; break;
        case GM_PK_SITE: za -= 0.6f; break;
        default: break;
        }
        s->conf = logistic(za) * resolved;
        /* "Falcon Street", "Wichita Drive": a street named after a place is not that place (the
         * mention stays, for what it names; its entry is a guess) */
        if (s->flags & GM_SF_STREET)
            s->conf *= 0.4f;
        /* "Stroud, Ontario" when no Stroud of ours is in Ontario: the entry is another town */
        if (container_disagrees(d, s))
            s->conf *= 0.3f;
    }
}

/* How many of American local news' conventions the text follows: an address as "the 1200 block of",
 * a "Sheriff's Office" or "Sheriff's Department", a "Police Department".  (Written nowhere else:
 * British, Canadian and Australian police are "Police", "Police Service", "Police Force".) */
static int us_conventions(const gm_doc *d)
{
    bool block = false, sheriff = false, pd = false;
    const gm_text *t = &d->t;
    for (size_t i = 0; i + 2 < t->ntok && !(block && sheriff && pd); i++) {
        const gm_token *k = &t->tok[i];
        if (k->type == GM_TOK_NUM && gm_doc_tok_is(d, i + 1, "block") && gm_doc_tok_is(d, i + 2, "of"))
            block = true;
        else if ((k->flags & GM_TF_CAP) && gm_doc_tok_possessive_is(d, i, "sheriff") &&
                 (gm_doc_tok_is(d, i + 1, "office") || gm_doc_tok_is(d, i + 1, "department")))
            sheriff = true;
        else if ((k->flags & GM_TF_CAP) && gm_doc_tok_is(d, i, "police") && gm_doc_tok_is(d, i + 1, "department") &&
                 (t->tok[i + 1].flags & GM_TF_CAP))
            pd = true;
    }
    return block + sheriff + pd;
}

gm_status gm_resolve(gm_doc *d)
{
    const gm_gazetteer *g = d->gaz;
    resolver r;
    memset(&r, 0, sizeof r);
    r.d = d;
    int us = us_conventions(d);
    r.locale = us ? gm_gz_country_index(g, "US") : GM_NONE16;
    r.locale_mass = 0.6f * (float)us;
    towns_not_counties(d);
    if (!make_groups(&r) || !find_longer(&r)) {
        resolver_free(&r);
        return GM_E_NOMEM;
    }
    anchor anchors[MAX_ANCHORS];
    for (int pass = 0; pass <= 2; pass++) {
        r.pass = pass;
        tally(&r, pass > 0);
        near_countries(&r);
        named_countries(&r);
        size_t nanchors = 0;
        for (size_t k = 0; k < r.ngroups && nanchors < MAX_ANCHORS; k++) {
            const group *gr = &r.groups[k];
            if (gr->top < 0 || gr->top_p < 0.5f || gr->weight < 0.3f)
                continue;
            uint8_t kind = g->places[d->cands[gr->top].place].kind;
            if (kind == GM_PK_PLACE || kind == GM_PK_SITE) {
                anchor *an = &anchors[nanchors++];
                an->group = gr;
                an->place = d->cands[gr->top].place;
                an->lat = (float)g->places[an->place].lat_e7 * 1e-7f;
                an->lon = (float)g->places[an->place].lon_e7 * 1e-7f;
                an->coslat = cosf(an->lat * 0.01745329f);
            }
        }
        /* a name with one candidate has a share of 1 whatever its score: scored in the last pass
         * only, for the parts lookup shows (the passes before feed on the shares alone) */
        for (size_t i = 0; i < d->nspans; i++)
            if (pass == 2 || d->spans[i].ncand != 1)
                score_span(&r, i, anchors, nanchors);
        for (size_t i = 0; i < d->nspans; i++)
            choose(&r, i);
    }
    unify_same_names(&r);
    tally(&r, true);
    if (!drop_weak(&r)) {
        resolver_free(&r);
        return GM_E_NOMEM;
    }
    for (size_t i = 0; i < d->nspans; i++)
        if (d->spans[i].dropped)
            d->spans[i].placeness = 0;
    calibrate(d);
    /* the focus: the country, and the admin-1 region within it, with the most confidence among
     * the places reported (a dubious "Samsung" counts for less than a sure "Tokyo") */
    mass_clear(&r.country);
    mass_clear(&r.admin1);
    for (size_t i = 0; i < d->nspans; i++) {
        const gm_mspan *s = &d->spans[i];
        if (s->dropped || s->best < 0 || (s->flags & GM_SF_HIDDEN))
            continue;
        const gm_idx_place *p = &g->places[d->cands[s->best].place];
        int64_t country = vote_key(p, 0), admin1 = vote_key(p, 1);
        if (country >= 0)
            mass_add(&r.country, (uint32_t)country, s->conf);
        if (admin1 >= 0)
            mass_add(&r.admin1, (uint32_t)admin1, s->conf);
    }
    d->focus_country = GM_NONE16;
    d->focus_admin1 = GM_NONE16;
    size_t at = top_slot(&r.country, NULL, 0);
    if (at != SIZE_MAX)
        d->focus_country = (uint16_t)(r.country.key[at] - 1);
    at = top_slot(&r.admin1, g, d->focus_country);
    if (at != SIZE_MAX)
        d->focus_admin1 = (uint16_t)(r.admin1.key[at] - 1);
    /* "Lowell is an unincorporated community in Summers County", "Stroud, Ontario": a town the
     * gazetteer does not hold in the region written next to it is placed at that region (with the
     * region's precision), and so are the other mentions of the name that had taken the same
     * namesake */
    for (size_t i = 0; i < d->nspans; i++) {
        gm_mspan *s = &d->spans[i];
        if (s->dropped || !container_disagrees(d, s))
            continue;
        const gm_mspan *cs = &d->spans[s->container - 1];
        unsigned ckind = g->places[d->cands[cs->best].place].kind;
        if (ckind != GM_PK_ADMIN2 && ckind != GM_PK_ADMIN1)
            continue;
        uint32_t namesake = d->cands[s->best].place;
        int32_t region = cs->best;
        /* an earlier mention's region holds the namesake ("Norwood is a town in Norfolk County,
         * Massachusetts ... named after Norwood, England ... Norwood"): the first mention with a
         * region decides, and the plain mentions keep it */
        bool held = false;
        for (size_t j = 0; j < i && !held; j++) {
            const gm_mspan *o = &d->spans[j];
            held = o->container && !o->dropped && o->best >= 0 && same_name(d, o, s) &&
                   d->cands[o->best].place == namesake && container_holds(d, o);
        }
        float conf = 0.7f * cs->conf;
        for (size_t j = 0; j < d->nspans; j++) {
            gm_mspan *o = &d->spans[j];
            if (j == i || (!o->dropped && o->best >= 0 && same_name(d, o, s) && d->cands[o->best].place == namesake &&
                           !o->container && !held)) {
                o->best = region;
                o->conf = conf;
                o->flags |= GM_SF_AT_REGION;
            }
        }
    }
    /* a small town in a country no other name of the text is surely in, with no region written
     * next to it, is mostly a namesake ("Heathrow" in a story on London fog is the Florida town
     * the gazetteer holds): measured on LGL, TR-News and GeoVirus, few such mentions at >= 0.7
     * were right (a Ukrainian village in a story told from Moscow is in a country the text names) */
    if (d->focus_country != GM_NONE16) {
        mass_clear(&r.country);
        mass_clear(&r.admin2); /* here: per entry */
        for (size_t i = 0; i < d->nspans; i++) {
            const gm_mspan *s = &d->spans[i];
            if (s->dropped || s->best < 0 || s->conf < 0.5f)
                continue;
            const gm_idx_place *p = &g->places[d->cands[s->best].place];
            if (p->country != GM_NONE16) {
                mass_add(&r.country, p->country, 1.0f);
                mass_add(&r.admin2, d->cands[s->best].place, 1.0f);
            }
        }
        for (size_t i = 0; i < d->nspans; i++) {
            gm_mspan *s = &d->spans[i];
            if (s->dropped || s->best < 0 || (s->container && !container_disagrees(d, s)))
                continue;
            uint32_t place = d->cands[s->best].place;
            const gm_idx_place *p = &g->places[place];
            if (p->kind == GM_PK_PLACE && p->population < SMALL_TOWN_POP && p->country != d->focus_country &&
                mass_get(&r.country, p->country) - mass_get(&r.admin2, place) < 0.5f)
                s->conf *= 0.5f;
        }
    }
    resolver_free(&r);
    return GM_OK;
}
