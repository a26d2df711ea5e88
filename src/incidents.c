/*
 * incidents.c - casualty statements, grouped into incidents and linked to places.
 *
 * A statement is one casualty cue in a sentence ("killed", "were wounded", "death toll rose
 * to") with its count.  The count is looked for where English puts it: after an active verb
 * ("killed three people"), before a passive or a noun ("three people were killed", "12 dead"),
 * after "death toll ... to"; failing that, implied by the nouns of the subject ("an elderly father
 * and his son were killed" -> 2, "a woman was hurt" -> 1).  Statements are dropped when they
 * count a war or a period ("10,000 killed since 2022"), are hypothetical ("could kill"), or count
 * things rather than people ("12 drones were shot down").
 *
 * Statements of one sentence form one incident; incidents in nearby sentences that agree (same
 * or nearby place, compatible counts) are merged, so an event told twice is counted once.  The
 * place is, in order: a place named in the sentence (after in/on/near/outside, the most specific
 * first), then in the previous sentences of the paragraph, then a dateline, then the focus.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <dlfcn.h>
#include <geodesic.h>
#include <pthread.h>

#include "doc.h"
#include "numbers.h"
#include "wordset.h"

enum { CAT_KILL = 0, CAT_INJ = 1 };

typedef struct stmt {
    uint32_t sent, sent_last;
    long n[2];          /* killed, injured; -1 none */
    long low[2], high[2];
    const char *qual[2];
    bool implied[2];
    bool shot;          /* the injured count is of people shot, some of whom may have died */
    size_t count_end[2]; /* token after the count last read, per kind */
    bool update;        /* "death toll rose to": replaces earlier counts */
    bool update_cat[2];
    bool separate;      /* "in a separate attack": never merged with what came before */
    bool detail;        /* only a detail ("one was in critical condition"): joins the incident told */
    bool own_place;     /* the place is named in the statement's own sentence */
    bool uncounted;     /* an attack told without numbers */
    bool date_weak;     /* the date is the paragraph's, not the sentence's own */
    int date_prec;      /* 1 the day, 2 the week, 3 the month */
    int32_t span;       /* place mention, or -1 */
    int prec;
    const char *etype;
    bool etype_inherited; /* taken from the previous sentence */
    long date;
    bool has_date;
    float conf;
    bool dead;          /* merged away */
    long ordinal_kill;  /* "a fifth victim died": the fifth death, when four were told before */
    long ordinal_inj;   /* "police say a second man was injured": the second, when one was told */
    bool past;          /* told as an earlier event: "In December 2012", "last month", "two years ago" */
    bool surely_past;   /* and not only by a year, which may be the article's own: "in March", "last month" */
    bool year_past;     /* told with a year before the document's own ("In 2004, ..." in a 2009 article) */
    bool undated;       /* and without a month: no date, not the document's */
    bool history;       /* told with a year before 1900: no news of today */
    bool fresh_event;   /* the sentence tells an attack of its own, not "the shooting" told before */
    bool perp_dead;     /* the attacker killed himself: one dead where no other count is told */
} stmt;

static inline __attribute__((always_inline)) bool is(const gm_doc *d, size_t i, const char *w)
{
    return gm_doc_tok_is(d, i, w);
}


static const char *const PERSON_PL[] = {
    "people", "persons", "civilians", "children", "kids", "women", "men", "soldiers", "troops", "servicemen",
    "fighters", "militants", "policemen", "officers", "residents", "students", "teenagers", "teens", "boys",
    "girls", "babies", "infants", "adults", "others", "victims", "passengers", "workers", "members",
    "relatives", "pilgrims", "worshippers", "protesters", "demonstrators", "journalists", "doctors", "medics",
    "guards", "rebels", "insurgents", "attackers", "gunmen", "militiamen", "personnel", "individuals", "juveniles",
    "siblings", "brothers", "sisters", "sons", "daughters", "parents", "villagers", "migrants", "refugees",
    "prisoners", "inmates", "detainees", "hostages", "bystanders", "pedestrians", "shoppers", "customers",
    "employees", "staff", "firefighters", "rescuers", "volunteers", "patients", "minors", "elderly",
    "more", "friends", "neighbours", "neighbors", "cousins", "teachers", "pupils", "farmers", "fishermen",
    "miners", "police", "marines", "sailors", "pilots", "crew", "nationals", "citizens", "tourists",
    "guests", "spectators", "fans", "players", "mourners", "ukrainians", "russians", "palestinians",
    "israelis", "syrians", "iraqis", "afghans", "americans", "sudanese", "yemenis", "lebanese", "kurds",
    "gazans", "muslims", "christians", "jews", "hindus", "dead", "wounded", "injured", "juveniles", "males",
    "females", "troopers", "deputies", "agents", "paratroopers", "conscripts", "servicemembers", "militias",
    "nationalists", "mercenaries", "invaders", "occupiers", "congregants", "parishioners", "churchgoers",
    "worshipers", "classmates", "coworkers", "colleagues", "partygoers", "patrons", "diners", "clients",
    "grandchildren", "interpreters", "intruders", "burglars", "robbers", "assailants", "bodyguards", "extremists", "terrorists",
    "jihadists", "separatists", "bandits", "suspects", "merchants", "traders", "shepherds", "herders",
    "labourers", "laborers", "settlers", "tribesmen", "elders", "informants", "informers",
};
static const char *const PERSON_SG[] = {
    "person", "civilian", "child", "kid", "woman", "man", "soldier", "serviceman", "fighter", "militant",
    "policeman", "policewoman", "officer", "resident", "student", "teenager", "teen", "boy", "girl", "baby",
    "infant", "adult", "victim", "passenger", "worker", "member", "relative", "father", "mother", "son",
    "daughter", "husband", "wife", "brother", "sister", "grandmother", "grandfather", "grandson",
    "granddaughter", "uncle", "aunt", "nephew", "niece", "cousin", "toddler", "youth", "journalist",
    "doctor", "medic", "guard", "bodyguard", "driver", "pedestrian", "bystander", "motorist", "cyclist", "teacher",
    "pupil", "farmer", "fisherman", "pensioner", "retiree", "volunteer", "firefighter", "rescuer",
    "patient", "minor", "juvenile", "individual", "suspect", "gunman", "attacker", "shooter", "commander", "general",
    "colonel", "officer", "official", "mayor", "deputy", "priest", "imam", "nurse", "employee", "owner",
    "customer", "neighbor", "neighbour", "friend", "girlfriend", "boyfriend", "partner", "roommate",
    "newborn", "teenage", "mom", "dad", "someone", "one", "he", "she", "pilot", "sailor", "crewman",
    "juvenile", "roommate", "militiaman", "militia", "paratrooper", "marine", "conscript", "grandchild", "stepson", "stepdaughter", "fiance", "fiancee",
    "gunman", "trooper", "deputy", "agent", "clerk", "cashier", "security", "pastor", "reverend", "bishop",
    "rabbi", "lawyer", "attorney", "judge", "waiter", "waitress", "bartender", "bouncer", "manager", "landlord",
    "tenant", "vendor", "shopkeeper", "trucker", "mechanic", "contractor", "coach", "rapper", "singer",
    "musician", "sheriff", "marshal", "ranger", "inmate", "prisoner", "detainee", "hostage", "classmate",
    "coworker", "colleague", "stepfather", "stepmother", "stepbrother", "stepsister", "grandparent",
    "schoolgirl", "schoolboy", "homeowner", "shopper", "worshipper", "protester", "villager", "tourist",
    "hunter", "hiker", "climber", "miner", "engineer", "activist", "reporter", "photographer", "cameraman",
    "cleric", "preacher", "interpreter", "translator", "intruder", "burglar", "robber", "assailant",
    "carjacker", "butcher", "baker", "barber", "tailor", "grocer", "merchant", "trader", "businessman",
    "businesswoman", "shepherd", "herder", "labourer", "laborer", "electrician", "plumber", "jeweler",
    "jeweller", "watchman", "janitor", "caretaker", "surgeon", "dentist", "professor", "lecturer", "chef",
    "courier", "informant", "informer", "settler", "refugee", "migrant", "tribesman", "elder", "chieftain",
    "chief",
};
static const char *const NON_PERSON[] = {
    "drones", "drone", "missiles", "missile", "rockets", "rocket", "buildings", "building", "houses", "house",
    "homes", "home", "vehicles", "vehicle", "cars", "car", "tanks", "tank", "shells", "bombs", "weapons",
    "targets", "villages", "towns", "cities", "km", "kilometres", "kilometers", "miles", "metres", "meters",
    "years", "year", "days", "day", "hours", "hour", "minutes", "weeks", "months", "times", "percent",
    "per", "tons", "tonnes", "dollars", "euros", "pounds", "rounds", "shots", "bullets", "apartments",
    "floors", "storey", "story", "schools", "hospitals", "aircraft", "planes", "jets", "helicopters",
    "ships", "boats", "incidents", "attacks", "strikes", "cases", "points", "million", "billion", "kg",
    "counts", "charges", "cents", "acres", "feet", "inches", "degrees", "mph", "animals", "dogs", "cats",
    "cows", "sheep", "horses", "birds", "trees", "regions", "districts", "settlements", "positions",
    "howitzers", "systems", "launchers", "objects",
};
static const char *const FILLER[] = {
    "were", "was", "are", "is", "have", "has", "had", "been", "being", "be", "reportedly", "also", "later",
    "all", "both", "who", "that", "which", "allegedly", "critically", "seriously", "severely", "slightly",
    "badly", "mortally", "fatally", "apparently", "initially", "eventually", "subsequently", "were", "got",
    "lightly", "moderately", "gravely",
    "get", "left", "reported", "confirmed", "believed", "said", "thought", "feared", "now", "so", "far",
    "already", "of", "them", "whom", "among", "including", "elderly", "young", "old", "innocent", "other",
    "more", "people", "civilian", "ukrainian", "russian", "israeli", "palestinian", "local", "unarmed",
    "armed", "dead", "were", "killed", "wounded", "injured", "shot", "the", "male", "female", "fallen", "found",
    "family", "military", "its", "their",
};
#define KILL_VERB_WORDS                                                                                          \
    "killed", "kill", "kills", "killing", "slain", "murdered", "massacred", "assassinated", "executed", "perished", \
        "died", "dies", "die", "murdering", "slaying", "slew", "succumbed"
#define KILL_NOUN_WORDS "dead", "deaths", "fatalities", "bodies", "corpses", "lives", "dying", "kia", "killings", "slayings"
#define INJ_VERB_WORDS                                                                                           \
    "injured", "injuring", "injures", "injure", "wounded", "wounding", "wounds", "hurt", "hospitalized",         \
        "hospitalised", "maimed", "grazed"
#define INJ_NOUN_WORDS "injuries", "wounded", "injured", "casualties", "wia"
static const char *const KILL_VERB[] = {KILL_VERB_WORDS};
static const char *const KILL_NOUN[] = {KILL_NOUN_WORDS};
static const char *const INJ_VERB[] = {INJ_VERB_WORDS};
static const char *const INJ_NOUN[] = {INJ_NOUN_WORDS};
/* Every word a casualty cue of read_sentence() starts at: the token each branch of its chain tests
 * first (is(d, i, ...), IN(d, i, ...), self_killing_at(i), multiple_at(i)).  A token not in it
 * passes the chain untouched, so the chain is skipped; a new cue's first word goes here (its test
 * sentences fail until it does). */
static const char *const CUE_HEADS[] = {
    KILL_VERB_WORDS, KILL_NOUN_WORDS, INJ_VERB_WORDS, INJ_NOUN_WORDS, "himself", "herself", "life", "double",
    "triple", "quadruple", "quintuple", "airlifted", "condition", "deadly", "death", "deceased", "destroyed",
    "eliminated", "fatal", "fatally", "gunshot", "hit", "hitting", "homicide", "homicides", "hospital", "landed",
    "leaves", "left", "liquidated", "murder", "murders", "neutralised", "neutralized", "number", "of", "put",
    "puts", "received", "rushed", "sends", "sent", "shoot", "shooting", "shoots", "shot", "stabbed", "stabbing",
    "striking", "struck", "suffered", "suffering", "sustained", "taken", "toll", "transported", "treated", "with",
    "showed", "arrived", "walked", "hacked", "beaten", "beat", "bludgeoned", "clubbed", "burned", "burnt",
    "strangled", "stoned", "hanged", "tortured", "suicide",
    "wound"};
static const char *const MODALS[] = {"could", "would", "might", "may", "gonna", "let", "threatened", "threatens", "threaten",
                                     "risk", "risks", "plan", "plans", "planned", "plot", "plotted", "attempt",
                                     "aimed", "intended", "wanted", "vowed", "if", "unless", "trying", "tried"};
static const char *const PERIOD_WORDS[] = {"since", "war", "conflict", "total", "throughout", "past", "annually",
                                           "annual", "yearly", "every", "average", "overall", "cumulative",
                                           "tally", "estimates", "estimated", "campaign", "invasion", "decade",
                                           "decades", "century", "month", "months", "year", "years"};
static const char *const WEEKDAYS[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                                       "sunday"};
static const char *const MONTHS[] = {"january", "february", "march", "april", "may", "june", "july",
                                     "august", "september", "october", "november", "december"};

/* Who speaks for an attack elsewhere: "officials in Kyiv said" */
static const char *const SOURCES[] = {"officials", "authorities", "police", "sources", "prosecutors", "spokesman",
                                      "spokeswoman", "spokesperson", "ministry", "officers", "investigators",
                                      "reporters", "correspondents", "journalists", "analysts", "diplomats"};
static const char *const SAY[] = {"said", "say", "says", "told", "reported", "reports", "announced", "confirmed",
                                  "stated", "added", "claimed"};
/* Buildings named after places: "the Bermuda Sands motel" */
static const char *const BUILDINGS[] = {"motel", "hotel", "inn", "apartments", "apartment", "complex", "condominiums",
                                        "mall", "lounge", "nightclub", "club", "bar", "restaurant", "tavern"};
/* Deaths that are no violent incident: illness, natural disasters (see mishap()) */
static const char *const ILLNESS[] = {
    "flu", "influenza", "virus", "viruses", "viral", "disease", "diseases", "outbreak", "outbreaks", "epidemic",
    "pandemic", "cholera", "ebola", "malaria", "measles", "infection", "infections", "infected", "illness",
    "illnesses", "cancer", "pneumonia", "complications", "bacteria", "bacterial", "plague", "fever", "meningitis",
    "tuberculosis", "hiv", "aids", "sickened", "symptoms", "h5n1", "h1n1", "h7n9", "encephalitis", "leukemia",
    "emphysema", "poisoning", "dehydration", "starvation", "hepatitis", "dengue", "typhoid", "polio", "smallpox",
    "anthrax", "covid", "coronavirus", "sars", "mers", "tsunami", "quake", "earthquakes", "cyclone", "typhoon",
    "heatwave", "stampede", "eruption", "volcano", "famine", "drought", "landslides", "mudslides", "blizzard",
    "snowstorm", "storms", "tornadoes", "hurricanes", "floodwaters", "tainted", "contaminated"};
static const char *const VEHICLES[] = {"car", "vehicle", "truck", "train", "bus", "motorcycle", "pickup", "suv",
                                       "van", "tractor", "trailer", "semi", "minivan", "sedan", "lorry", "jeep",
                                       "boat", "ferry", "canoe", "raft", "tanker"};
/* Animals: a sentence that counts them and names no person is about no incident */
static const char *const ANIMALS[] = {"birds", "bird", "chickens", "poultry", "ducks", "swans", "geese", "pigs",
                                      "hogs", "cattle", "cows", "cow", "sheep", "goats", "animals", "fish", "dogs",
                                      "horses", "owls", "livestock", "turkeys", "deer", "whales", "dolphins",
                                      "seals", "bats", "camels", "monkeys", "flocks", "herds"};
static gm_wordset WS_SOURCES = GM_WORDSET(SOURCES), WS_SAY = GM_WORDSET(SAY), WS_BUILDINGS = GM_WORDSET(BUILDINGS),
                  WS_ILLNESS = GM_WORDSET(ILLNESS), WS_ANIMALS = GM_WORDSET(ANIMALS), WS_VEHICLES = GM_WORDSET(VEHICLES);
static gm_wordset WS_PERSON_PL = GM_WORDSET(PERSON_PL), WS_PERSON_SG = GM_WORDSET(PERSON_SG),
                  WS_NON_PERSON = GM_WORDSET(NON_PERSON), WS_FILLER = GM_WORDSET(FILLER),
                  WS_KILL_VERB = GM_WORDSET(KILL_VERB), WS_KILL_NOUN = GM_WORDSET(KILL_NOUN),
                  WS_INJ_VERB = GM_WORDSET(INJ_VERB), WS_INJ_NOUN = GM_WORDSET(INJ_NOUN),
                  WS_MODALS = GM_WORDSET(MODALS), WS_PERIOD_WORDS = GM_WORDSET(PERIOD_WORDS),
                  WS_MONTHS = GM_WORDSET(MONTHS), WS_WEEKDAYS = GM_WORDSET(WEEKDAYS),
                  WS_CUE_HEADS = GM_WORDSET(CUE_HEADS);
static pthread_once_t sets_once = PTHREAD_ONCE_INIT;

static void build_sets(void)
{
    gm_wordset *all[] = {&WS_PERSON_PL, &WS_PERSON_SG, &WS_NON_PERSON, &WS_FILLER, &WS_KILL_VERB,
                         &WS_KILL_NOUN, &WS_INJ_VERB, &WS_INJ_NOUN, &WS_MODALS, &WS_PERIOD_WORDS, &WS_MONTHS,
                         &WS_WEEKDAYS, &WS_SOURCES, &WS_SAY, &WS_BUILDINGS, &WS_ILLNESS, &WS_ANIMALS,
                         &WS_VEHICLES, &WS_CUE_HEADS};
    for (size_t i = 0; i < GM_ARRAY_LEN(all); i++)
        gm_wordset_build(all[i]);
}

static bool in_set(const gm_doc *d, size_t i, const gm_wordset *ws)
{
    if (i >= d->t.ntok || d->t.tok[i].type != GM_TOK_WORD)
        return false;
    return gm_wordset_has_hashed(ws, gm_tok_fold(&d->t, &d->t.tok[i]), d->t.tok[i].fold_len, d->t.tok[i].hash);
}
#define IN(d, i, set) in_set(d, i, &WS_##set)

/* ------------------------------------------------------------------ counts */
/* Token k is the full stop of an abbreviation's letter: "U.S.", "U.K." */
static bool initial_stop(const gm_doc *d, size_t k)
{
    return k > 0 && k < d->t.ntok && gm_tok_is(&d->t.tok[k], '.') && d->t.tok[k - 1].type == GM_TOK_WORD &&
           d->t.tok[k - 1].end - d->t.tok[k - 1].start == 1 && d->t.tok[k].start == d->t.tok[k - 1].end;
}

static bool person_after(const gm_doc *d, size_t e, size_t s1, bool *nonperson)
{
    *nonperson = false;
    /* four words (the letters and stops of "two U.S. soldiers" as one) */
    for (size_t k = e, words = 0; k < s1 && words < 4; k++) {
        const gm_token *t = &d->t.tok[k];
        if (initial_stop(d, k + 1))
            continue;
        words++;
        if (t->type == GM_TOK_PUNCT) {
            if (t->punct == '-' || initial_stop(d, k))
                continue;
            return false;
        }
        if (t->type == GM_TOK_NUM)
            return false;
        if (IN(d, k, PERSON_PL) || IN(d, k, PERSON_SG))
            return true;
        if (IN(d, k, NON_PERSON) || is(d, k, "year") || is(d, k, "old")) {
            *nonperson = true;
            return false;
        }
        if (IN(d, k, KILL_VERB) || IN(d, k, INJ_VERB) || IN(d, k, KILL_NOUN) || is(d, k, "were") || is(d, k, "was"))
            return false;
        /* a capitalised plural ("Palestinians") names people often enough */
        if ((t->flags & GM_TF_CAP) && t->fold_len > 3 && gm_tok_fold(&d->t, t)[t->fold_len - 1] == 's')
            return true;
    }
    return false;
}

/* An abbreviation a number follows without counting anything: "No.", "Sept.", "Aug." */
static bool number_label(const gm_doc *d, size_t k)
{
    static const char *const W[] = {"no", "jan", "feb", "apr", "aug", "sept", "oct", "nov", "dec"};
    for (size_t i = 0; i < GM_ARRAY_LEN(W); i++)
        if (is(d, k, W[i]))
            return true;
    return false;
}

/* Numbers that are times, dates, addresses or scores: "8:30 p.m.", "March 18", "1500 block",
 * "No. 3". */
static bool not_a_count(const gm_doc *d, size_t p, size_t e)
{
    const gm_token *a = &d->t.tok[p], *z = &d->t.tok[e - 1];
    if (a->type != GM_TOK_NUM && z->type != GM_TOK_NUM)
        return false;
    const char *x = d->text;
    if (z->end + 1 < d->len && (x[z->end] == ':' || x[z->end] == '/') && x[z->end + 1] >= '0' && x[z->end + 1] <= '9')
        return true;
    if (a->start >= 2 && (x[a->start - 1] == ':' || x[a->start - 1] == '/') && x[a->start - 2] >= '0' &&
        x[a->start - 2] <= '9')
        return true;
    if (a->start >= 1 && x[a->start - 1] == '#')
        return true;
    /* "K-9" is a police dog, "AK-47" a rifle */
    if (a->start >= 2 && x[a->start - 1] == '-' && ((x[a->start - 2] | 32) >= 'a' && (x[a->start - 2] | 32) <= 'z'))
        return true;
    /* "8 p.m.", "6am", "10 o'clock" */
    size_t k = z->end;
    while (k < d->len && x[k] == ' ')
        k++;
    if (k + 1 < d->len && (x[k] == 'a' || x[k] == 'p' || x[k] == 'A' || x[k] == 'P') &&
        (x[k + 1] == '.' || x[k + 1] == 'm' || x[k + 1] == 'M') &&
        (k + 2 >= d->len || x[k + 1] == '.' || !((x[k + 2] | 32) >= 'a' && (x[k + 2] | 32) <= 'z')))
        return true;
    if (is(d, e, "block") || is(d, e, "o'clock"))
        return true;
    /* "March 18", "Sept. 20", "No. 3", "Route 9" */
    if (p > 0 && (IN(d, p - 1, MONTHS) || number_label(d, p - 1) || is(d, p - 1, "number") || is(d, p - 1, "route") ||
                  is(d, p - 1, "highway") || is(d, p - 1, "interstate") || is(d, p - 1, "channel")))
        return true;
    if (p > 1 && gm_tok_is(&d->t.tok[p - 1], '.') && number_label(d, p - 2))
        return true;
    /* "(born 1898 - died 1970)": years of a life */
    if (p > 0 && (is(d, p - 1, "born") || is(d, p - 1, "died") || is(d, p - 1, "b")) && a->type == GM_TOK_NUM &&
        a->end - a->start == 4)
        return true;
    return false;
}

/* Tokens from p say "a large number of", "a group of", "a handful of": people, but no count. */
static bool group_of_at(const gm_doc *d, size_t p, size_t limit)
{
    if (!(is(d, p, "a") || is(d, p, "an")))
        return false;
    for (size_t k = p + 1; k < p + 4 && k + 1 < limit; k++)
        if ((is(d, k, "number") || is(d, k, "group") || is(d, k, "handful") || is(d, k, "lot") || is(d, k, "host") ||
             is(d, k, "crowd") || is(d, k, "series") || is(d, k, "couple")) &&
            is(d, k + 1, "of"))
            return true;
    return false;
}

/* A usable count at token p that ends before limit; fills c.  Rejects ages, years, things. */
static bool count_at(const gm_doc *d, size_t p, size_t limit, bool need_person, gm_count *c)
{
    /* "both victims", "both of the men", "both of them": two people */
    if (is(d, p, "both") && p + 1 < limit &&
        (IN(d, p + 1, PERSON_PL) ||
         (is(d, p + 1, "of") && p + 2 < limit &&
          (is(d, p + 2, "them") || (is(d, p + 2, "the") && p + 3 < limit && IN(d, p + 3, PERSON_PL)))))) {
        memset(c, 0, sizeof *c);
        c->value = c->low = c->high = 2;
        c->tok_start = p;
        c->tok_end = p + 1;
        return true;
    }
    if (!gm_parse_count(&d->t, p, true, c) || c->tok_end > limit)
        return false;
    if (c->overflow)
        return false;
    size_t e = c->tok_end;
    if (not_a_count(d, p, e))
        return false;
    /* "12-year-old", "aged 12" */
    if (e + 1 < d->t.ntok && gm_tok_is(&d->t.tok[e], '-') && (is(d, e + 1, "year") || is(d, e + 1, "month")))
        return c->article ? (c->value = 1, true) : false;
    /* "a 20-year-old man", "a 17 year old male": one person */
    if (c->article && e + 1 < d->t.ntok && d->t.tok[e].type == GM_TOK_NUM &&
        ((gm_tok_is(&d->t.tok[e + 1], '-') && is(d, e + 2, "year")) || is(d, e + 1, "year"))) {
        c->value = c->low = c->high = 1;
        return true;
    }
    /* "aged 12", "between the ages of 16-18", "ages 16 and 18" */
    size_t b = p;
    while (b > 0 && b + 4 > p && (d->t.tok[b - 1].type == GM_TOK_NUM || gm_tok_is(&d->t.tok[b - 1], '-') ||
                                  is(d, b - 1, "and") || is(d, b - 1, "to")))
        b--;
    if (b > 0 && is(d, b - 1, "of") && b > 1)
        b--;
    if (is(d, e, "year") || is(d, e, "years") ||
        (b > 0 && (is(d, b - 1, "aged") || is(d, b - 1, "age") || is(d, b - 1, "ages"))))
        return false;
    if (!c->vague && c->value >= 1900 && c->value <= 2100 && !c->qualifier)
        return false; /* a year */
    /* "a 50 shot", "a .45": digits after an article name a thing */
    if (p > 0 && (is(d, p - 1, "a") || is(d, p - 1, "an")) && d->t.tok[p].type == GM_TOK_NUM && !c->article)
        return false;
    /* "Demario Burnett, 21; and Jerry Coleman, 31 all died": a name's age */
    if (p >= 2 && e == p + 1 && d->t.tok[p].type == GM_TOK_NUM && gm_tok_is(&d->t.tok[p - 1], ',') &&
        (d->t.tok[p - 2].flags & GM_TF_CAP) && d->t.tok[p - 2].type == GM_TOK_WORD &&
        (gm_tok_is(&d->t.tok[e], ',') || gm_tok_is(&d->t.tok[e], ';') ||
         gm_tok_is(&d->t.tok[e], ')') || is(d, e, "and") || is(d, e, "all") || is(d, e, "both") || is(d, e, "of") ||
         is(d, e, "who")))
        return false;
    /* "Dale Okoro, 26 was shot": many people do not take a singular verb; an age missing its comma */
    if (d->t.tok[p].type == GM_TOK_NUM && e == p + 1 && c->value > 1 && (is(d, e, "was") || is(d, e, "is")))
        return false;
    /* "one family", "a household": a group, not a count of its people */
    if ((is(d, e, "family") || is(d, e, "household")) && !IN(d, e + 1, PERSON_PL) && !IN(d, e + 1, PERSON_SG))
        return false;
    if (c->article && group_of_at(d, p, limit))
        return false;
    bool nonperson;
    bool person = person_after(d, e, limit, &nonperson);
    if (nonperson)
        return false;
    if (c->article && !person)
        return false;
    if (need_person && !person)
        return false;
    return true;
}

/* The place an ordinal at token k gives ("second" 2 ... "tenth" 10), or 0. */
static long ordinal_word(const gm_doc *d, size_t k)
{
    static const char *const ORDINALS[] = {"second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
                                           "ninth", "tenth"};
    for (size_t o = 0; o < sizeof ORDINALS / sizeof *ORDINALS; o++)
        if (is(d, k, ORDINALS[o]))
            return (long)o + 2;
    return 0;
}

/* Token k is a number: digits, or a number word ("four"). */
static bool number_at(const gm_doc *d, size_t k)
{
    const gm_token *t = &d->t.tok[k];
    return t->type == GM_TOK_NUM || (t->type == GM_TOK_WORD && gm_number_word(gm_tok_fold(&d->t, t), t->fold_len) > 0);
}

/* The value of token k as digits or a number word ("41", "three"); 0 (or less) when it is neither. */
static double number_value(const gm_doc *d, size_t k)
{
    const gm_token *t = &d->t.tok[k];
    double v = 0;
    if (!gm_tok_number(&d->t, t, &v))
        v = (double)gm_number_word(gm_tok_fold(&d->t, t), t->fold_len);
    return v;
}

/* The ages listed from token *j up to end ("19 and 21", "6, 9 and 11"): how many, with *j left on
 * the first token that is no number, "and" or comma. */
static long ages_listed(const gm_doc *d, size_t *j, size_t end)
{
    long ages = 0;
    for (; *j < end && (number_at(d, *j) || is(d, *j, "and") || gm_tok_is(&d->t.tok[*j], ',')); ++*j)
        ages += number_at(d, *j);
    return ages;
}

/* Token k ends ages set between commas (", ages 3 and 5,"): walking back over the numbers and their
 * joins, at most `reach` tokens, the ", ages" that opens them; returns the index of that comma,
 * SIZE_MAX when there is none. */
static size_t age_aside_before(const gm_doc *d, size_t s0, size_t k, size_t reach)
{
    size_t q = k;
    while (q > s0 + 1 && k < q + reach &&
           (d->t.tok[q - 1].type == GM_TOK_NUM || is(d, q - 1, "and") || is(d, q - 1, "to") ||
            gm_tok_is(&d->t.tok[q - 1], ',') || gm_tok_is(&d->t.tok[q - 1], '-')))
        q--;
    if (q > s0 + 1 && (is(d, q - 1, "ages") || is(d, q - 1, "aged") || is(d, q - 1, "age")) &&
        gm_tok_is(&d->t.tok[q - 2], ','))
        return q - 2;
    return SIZE_MAX;
}

/* The ages of a group run from token p (its first number, "16 to 22", "18 and 23"): "ranging in age
 * from 16 to 22", "between the ages of 18 and 23", "aged 16 to 22", "ages 3 to 9".  Returns the
 * token the phrase starts at, SIZE_MAX when p starts no such phrase. */
static size_t age_range_start(const gm_doc *d, size_t s0, size_t p)
{
    if (p >= s0 + 3 && is(d, p - 1, "of") && is(d, p - 2, "ages") && is(d, p - 3, "the"))
        return p >= s0 + 4 && is(d, p - 4, "between") ? p - 4 : p - 3;
    size_t q = p;
    if (q > s0 && is(d, q - 1, "from"))
        q--;
    if (q > s0 && (is(d, q - 1, "age") || is(d, q - 1, "ages") || is(d, q - 1, "aged"))) {
        q--;
        if (q >= s0 + 2 && is(d, q - 1, "in") && (is(d, q - 2, "ranging") || is(d, q - 2, "ranged")))
            q -= 2;
        return q;
    }
    return SIZE_MAX;
}

/* Token k is "dead", "injured" or "wounded" after a form of "be": "one teenager is dead" tells a
 * clause of its own, not a noun of a list ("the dead and the injured"). */
static bool state_after_be(const gm_doc *d, size_t s0, size_t k)
{
    return (is(d, k, "dead") || is(d, k, "injured") || is(d, k, "wounded")) && k > s0 &&
           (is(d, k - 1, "is") || is(d, k - 1, "was") || is(d, k - 1, "are") || is(d, k - 1, "were"));
}

/* "double" 2, "triple" 3, "quadruple" 4, "quintuple" 5 at token k ("a quadruple shooting", "the
 * triple murder"); 0 for any other word. */
static long multiple_at(const gm_doc *d, size_t k)
{
    return is(d, k, "double") ? 2 : is(d, k, "triple") ? 3 : is(d, k, "quadruple") ? 4 : is(d, k, "quintuple") ? 5 : 0;
}

/* Token k is a capitalised word the gazetteer knows as a demonym ("Iraqi", "Syrian"): an adjective
 * of the noun after it ("three Iraqi soldiers"), not a name. */
static bool demonym_at(const gm_doc *d, size_t k)
{
    const gm_token *t = &d->t.tok[k];
    if (!d->gaz || t->type != GM_TOK_WORD || !(t->flags & GM_TF_CAP))
        return false;
    const char *f = gm_tok_fold(&d->t, t);
    const gm_idx_key *key = gm_gz_find(d->gaz, f, t->fold_len, gm_fnv(GM_FNV_INIT, f, t->fold_len));
    return key && gm_key_is_demonym(d->gaz, key);
}

/* A person noun phrase of a list ending before token e: "three soldiers", "two young children",
 * "a 15-year-old girl", "an adult".  Returns its count (0: none) and sets *start to its first
 * token. */
static long list_item_before(const gm_doc *d, size_t s0, size_t e, size_t *start)
{
    if (e <= s0)
        return 0;
    /* "two children, ages 3 and 5, and their mother": step over the ages between commas */
    if (gm_tok_is(&d->t.tok[e - 1], ',') && e - 1 > s0 + 1 && d->t.tok[e - 2].type == GM_TOK_NUM) {
        size_t open = age_aside_before(d, s0, e - 1, 7);
        if (open == SIZE_MAX)
            return 0;
        e = open;
        if (e <= s0 + 1)
            return 0;
    } else if (gm_tok_is(&d->t.tok[e - 1], ',') && e - 1 > s0 + 1 &&
               (IN(d, e - 2, PERSON_SG) || IN(d, e - 2, PERSON_PL))) {
        /* "a man, a woman, and a child": the comma before "and" (but not after an aside: "four
         * dead, including the shooter, and one injured") */
        for (size_t k = e - 2; k > s0 && k + 5 > e; k--)
            if (is(d, k - 1, "including") || is(d, k - 1, "among"))
                return 0;
        e = e - 1;
    }
    size_t nb = e - 1; /* the noun */
    /* "a six-year-old" is a person */
    if (nb >= s0 + 5 && is(d, nb, "old") && gm_tok_is(&d->t.tok[nb - 1], '-') &&
        (is(d, nb - 2, "year") || is(d, nb - 2, "month")) && gm_tok_is(&d->t.tok[nb - 3], '-') && number_at(d, nb - 4) &&
        (is(d, nb - 5, "a") || is(d, nb - 5, "an") || is(d, nb - 5, "the"))) {
        *start = nb - 5;
        return 1;
    }
    if (!(IN(d, nb, PERSON_PL) || IN(d, nb, PERSON_SG)) || IN(d, nb, KILL_NOUN) || IN(d, nb, INJ_NOUN))
        return 0;
    /* "one teenager is dead and his cousin is in the hospital": a clause of its own, not a list item */
    if (state_after_be(d, s0, nb))
        return 0;
    bool plural = IN(d, nb, PERSON_PL);
    /* modifiers before the noun: "young", "elderly", "15-year-old" */
    size_t k = nb;
    for (int m = 0; k > s0 && m < 6; m++) {
        const gm_token *t = &d->t.tok[k - 1];
        if (initial_stop(d, k - 1) || initial_stop(d, k)) {
            k--; /* "two U.S. soldiers" */
            continue;
        }
        bool age = gm_tok_is(t, '-') || is(d, k - 1, "year") || is(d, k - 1, "old") || is(d, k - 1, "month") ||
                   (number_at(d, k - 1) && k < nb &&
                    (gm_tok_is(&d->t.tok[k], '-') || is(d, k, "year") || is(d, k, "month")));
        bool adj = t->type == GM_TOK_WORD && (!(t->flags & GM_TF_CAP) || demonym_at(d, k - 1)) &&
                   !(IN(d, k - 1, FILLER) && !is(d, k - 1, "young") && !is(d, k - 1, "elderly") &&
                     !is(d, k - 1, "old") && !is(d, k - 1, "innocent") && !is(d, k - 1, "other") &&
                     !is(d, k - 1, "local") && !is(d, k - 1, "unarmed") && !is(d, k - 1, "civilian")) &&
                   !IN(d, k - 1, KILL_VERB) && !IN(d, k - 1, INJ_VERB) && !IN(d, k - 1, KILL_NOUN) &&
                   !IN(d, k - 1, INJ_NOUN) && !is(d, k - 1, "deceased") && !is(d, k - 1, "and") && !is(d, k - 1, "a") &&
                   !is(d, k - 1, "an") && !is(d, k - 1, "of") && !is(d, k - 1, "in") && !is(d, k - 1, "with") &&
                   !is(d, k - 1, "his") && !is(d, k - 1, "her") && !is(d, k - 1, "their") && !is(d, k - 1, "its") &&
                   gm_number_word(gm_tok_fold(&d->t, t), t->fold_len) <= 0;
        if (!age && !adj)
            break;
        k--;
    }
    if (k <= s0) {
        /* a headline's "Teen, 3 adults shot": a bare noun opening the list is one person */
        if (!plural && k == s0 && (d->t.tok[k].flags & GM_TF_CAP)) {
            *start = k;
            return 1;
        }
        return 0;
    }
    size_t j = k - 1;
    if (!plural && (is(d, j, "a") || is(d, j, "an") || is(d, j, "the"))) {
        *start = j;
        return 1;
    }
    /* "his mother", "the baby's grandmother"; and a bare noun inside a list: "mother, grandmother
     * and a family friend" */
    if (!plural && (is(d, j, "his") || is(d, j, "her") || is(d, j, "their") ||
                    (d->t.tok[j].type == GM_TOK_WORD && (d->t.tok[j].flags & GM_TF_POSSESSIVE)))) {
        *start = j > s0 && is(d, j - 1, "the") ? j - 1 : j;
        return 1;
    }
    if (!plural && k == nb && (gm_tok_is(&d->t.tok[j], ',') || is(d, j, "and"))) {
        *start = k;
        return 1;
    }
    gm_count prev;
    if (!(gm_parse_count(&d->t, j, false, &prev) && prev.tok_end == k && !prev.vague && !prev.overflow &&
          prev.value > 0 && prev.value < 1000 && !not_a_count(d, j, prev.tok_end)))
        return 0;
    /* "a 15-year-old girl" was read above as the article; a bare "15" before "-year" is an age */
    if (k < nb && (((gm_tok_is(&d->t.tok[k], '-') && (is(d, k + 1, "year") || is(d, k + 1, "month")))) ||
                   is(d, k, "year") || is(d, k, "month")))
        return 0;
    *start = j;
    return prev.value;
}

/* "six others were shot", "6 other people wounded": those shot are told apart from the dead, so
 * the dead are not taken out of them (but "a boy and six other people were shot" lists them all). */
static bool others_counted(const gm_doc *d, const gm_count *c)
{
    if (!(is(d, c->tok_end, "others") || (is(d, c->tok_end, "other") && IN(d, c->tok_end + 1, PERSON_PL))) &&
        !(c->tok_start > 0 && is(d, c->tok_start - 1, "other")))
        return false;
    /* "the other three people shot" */
    if (c->tok_start > 0 && is(d, c->tok_start - 1, "other"))
        return true;
    if (c->tok_start > 1 && is(d, c->tok_start - 1, "and") &&
        (is(d, c->tok_start - 2, "he") || is(d, c->tok_start - 2, "she") || IN(d, c->tok_start - 2, PERSON_SG)))
        return false; /* "he and four others were shot": all five (but "two dead and three others") */
    for (size_t k = c->tok_start; k < c->tok_end; k++)
        if (is(d, k, "and") || gm_tok_is(&d->t.tok[k], ','))
            return false;
    return true;
}

/* Token k is an adverb that may stand between a subject and its verb of harm: "Two Critically
 * Injured", "Woman Fatally Shot", "was reportedly killed". */
static bool harm_adverb(const gm_doc *d, size_t k)
{
    return is(d, k, "critically") || is(d, k, "seriously") || is(d, k, "severely") || is(d, k, "slightly") ||
           is(d, k, "badly") || is(d, k, "mortally") || is(d, k, "fatally") || is(d, k, "accidentally") ||
           is(d, k, "allegedly") || is(d, k, "reportedly") || is(d, k, "lightly") || is(d, k, "moderately") ||
           is(d, k, "gravely");
}

/* Token k is a capitalised preposition, as a headline writes it: "Killed By Police In Dayton" (its
 * capital makes it no one's name). */
static bool cap_preposition(const gm_doc *d, size_t k)
{
    return k < d->t.ntok && (d->t.tok[k].flags & GM_TF_CAP) && !is(d, k + 1, "least") &&
           (is(d, k, "by") || is(d, k, "in") || is(d, k, "at") || is(d, k, "on") || is(d, k, "after") ||
            is(d, k, "during") || is(d, k, "near") || is(d, k, "outside") || is(d, k, "inside") || is(d, k, "while") ||
            is(d, k, "from") || is(d, k, "over") || is(d, k, "following"));
}

/* The number at token k counts someone's children: "a father of three", "Mother Of 2". */
static bool children_count(const gm_doc *d, size_t s0, size_t k)
{
    return k >= s0 + 2 && number_at(d, k) && is(d, k - 1, "of") &&
           (is(d, k - 2, "father") || is(d, k - 2, "mother") || is(d, k - 2, "dad") || is(d, k - 2, "mom") ||
            is(d, k - 2, "parent") || is(d, k - 2, "grandfather") || is(d, k - 2, "grandmother"));
}

/* Token k is the "reported" or "confirmed" right before the cue: "soldier reported killed". */
static bool reported_at(const gm_doc *d, size_t k, size_t cue)
{
    return k + 1 == cue && (is(d, k, "reported") || is(d, k, "confirmed"));
}

/* Token k is a verb that harms, right after "who" or "that": "a man who shot", "the gunman that
 * killed". */
static bool who_verb_at(const gm_doc *d, size_t k)
{
    return k > 0 && (is(d, k, "shot") || is(d, k, "stabbed") || IN(d, k, KILL_VERB) || IN(d, k, INJ_VERB)) &&
           (is(d, k - 1, "who") || is(d, k - 1, "that"));
}

/* Number of people an implied subject names: "an elderly father and his son" -> 2. */
static long implied_people(const gm_doc *d, size_t s0, size_t cue)
{
    /* "One of two girls shot Wednesday has died", "police say one of the victims ... has died" */
    for (size_t k = s0; k + 1 < cue && k < s0 + 12; k++)
        if (is(d, k, "one") && is(d, k + 1, "of") &&
            (k == s0 || gm_tok_is(&d->t.tok[k - 1], ',') || gm_tok_is(&d->t.tok[k - 1], ':') ||
             is(d, k - 1, "said") || is(d, k - 1, "says") || is(d, k - 1, "that")))
            return 1;
    long n = 0;
    size_t k = cue;
    size_t steps = 0;
    bool closed = false;
    size_t named = SIZE_MAX; /* the first word of the name last counted */
    while (k > s0 && steps < 14) {
        k--;
        steps++;
        const gm_token *t = &d->t.tok[k];
        /* "two children, ages 3 and 5, and their mother": step over the ages between commas */
        if (n > 0 && t->type == GM_TOK_NUM) {
            size_t open = age_aside_before(d, s0, k, 8);
            if (open != SIZE_MAX) {
                k = open;
                continue;
            }
        }
        if (t->type == GM_TOK_PUNCT) {
            /* "a man, woman and child were rushed to a hospital": bare nouns of one list */
            if (t->punct == ',' && n > 0 && k > s0 && k + 1 < cue && IN(d, k - 1, PERSON_SG) && IN(d, k + 1, PERSON_SG))
                continue;
            if (t->punct == ',' && n > 0 &&
                !(k + 1 < cue && is(d, k + 1, "and") && k > s0 && d->t.tok[k - 1].type == GM_TOK_NUM)) {
                /* "two of those men, Juan Saenz and Daniel Chumacero, died": the count the names
                 * stand beside */
                if (closed && k > s0 + 1 && IN(d, k - 1, PERSON_PL)) {
                    gm_count c;
                    for (size_t back = 2; back <= 4 && k >= s0 + back; back++)
                        if (gm_parse_count(&d->t, k - back, false, &c) && c.tok_end <= k - 1 && c.value >= n &&
                            c.value < 50 && (c.tok_end == k - 1 || is(d, c.tok_end, "of"))) {
                            n = c.value;
                            break;
                        }
                }
                break;
            }
            if (t->punct == ',' && n == 0)
                closed = true; /* "..., Juan Saenz and Daniel Chumacero, died": names between commas */
            if (t->punct == ',' || (t->punct == '-' && n == 0 && k > s0 && t->start == d->t.tok[k - 1].end))
                continue; /* "a driver for the ride-sharing service was shot" */
            if (gm_tok_is(t, ')')) {
                /* "The victim (Timothy Echols Jr.) died": step over the brackets */
                size_t q = k;
                while (q > s0 && !gm_tok_is(&d->t.tok[q - 1], '(') && k - q < 12)
                    q--;
                if (q > s0 && gm_tok_is(&d->t.tok[q - 1], '(')) {
                    k = q - 1;
                    continue;
                }
            }
            break;
        }
        if (children_count(d, s0, k)) {
            k--; /* "Father Of Three Shot To Death": the father */
            continue;
        }
        /* (and adverbs, which a headline capitalises: "Woman Fatally Shot In Dayton") */
        if (is(d, k, "were") || is(d, k, "was") || is(d, k, "been") || is(d, k, "being") || is(d, k, "had") ||
            is(d, k, "have") || is(d, k, "has") || is(d, k, "also") || reported_at(d, k, cue) || harm_adverb(d, k))
            continue;
        /* "two were killed and another was wounded": one more, of another clause */
        if (n == 0 && is(d, k, "another"))
            return 1;
        /* "a 16-year-old (boy)": the age stands for a person when no noun follows it */
        if (is(d, k, "old") && k >= s0 + 4 && gm_tok_is(&d->t.tok[k - 1], '-') && is(d, k - 2, "year") &&
            gm_tok_is(&d->t.tok[k - 3], '-') && d->t.tok[k - 4].type == GM_TOK_NUM) {
            if (n == 0)
                n = 1;
            k -= 4;
            continue;
        }
        /* ... written without hyphens: "24 year old Daniel" */
        if (is(d, k, "old") && k >= s0 + 2 && is(d, k - 1, "year") && d->t.tok[k - 2].type == GM_TOK_NUM) {
            if (n == 0)
                n = 1;
            k -= 2;
            continue;
        }
        /* "a teenager wounded in a shooting on Friday has died": a participle after its person */
        bool participle = (is(d, k, "injured") || is(d, k, "wounded") || is(d, k, "shot")) && k > s0 &&
                          (((IN(d, k - 1, PERSON_SG) || IN(d, k - 1, PERSON_PL)) && !is(d, k - 1, "one")) ||
                           children_count(d, s0, k - 1));
        if (participle)
            continue;
        /* "five other adults and an unborn baby were killed": counts of the dead leave the unborn out */
        if (IN(d, k, PERSON_SG) && k > s0 + 3 && is(d, k - 1, "unborn") && (is(d, k - 2, "an") || is(d, k - 2, "a")) &&
            is(d, k - 3, "and")) {
            k -= 3;
            continue;
        }
        if (IN(d, k, PERSON_SG)) {
            /* "a teenage boy", "a security guard", "a police officer": one person */
            /* (but "police officer John Smith", "the security chief Safi Rajab": a title before
             * the name already counted) */
            if (!(k + 1 < cue && (IN(d, k + 1, PERSON_SG) || IN(d, k + 1, PERSON_PL)) && !is(d, k + 1, "injured") &&
                  !is(d, k + 1, "wounded")) &&
                !(n > 0 && k + 1 == named && !(d->t.tok[k].flags & GM_TF_CAP) &&
                  !(k > s0 && (is(d, k - 1, "and") || is(d, k - 1, "his") || is(d, k - 1, "her") ||
                               is(d, k - 1, "their")))))
                n += 1;
            continue;
        }
        if (is(d, k, "twins") || (is(d, k, "couple") && !is(d, k + 1, "of"))) {
            n += 2; /* "twins were shot", "an elderly couple was found dead" */
            continue;
        }
        if (n == 0 && is(d, k, "both")) {
            n = 2; /* "Both were pronounced dead" */
            continue;
        }
        if (n == 0 && t->type == GM_TOK_WORD && k > s0 && (is(d, k - 1, "all") || is(d, k - 1, "the"))) {
            /* "All three were found dead" */
            gm_count c;
            if (gm_parse_count(&d->t, k, false, &c) && c.tok_end == k + 1 && c.value > 1 && c.value < 50) {
                n = c.value;
                break;
            }
        }
        /* "one teenager is dead and his cousin is in the hospital": the clause before is its own */
        if (n > 0 && state_after_be(d, s0, k))
            break;
        if (IN(d, k, PERSON_PL)) {
            /* "two children": the count before */
            gm_count c;
            size_t j = k;
            bool counted = false;
            for (size_t back = 1; back <= 3 && j >= back + s0; back++) {
                if (gm_parse_count(&d->t, k - back, false, &c) && c.tok_end <= k && c.value > 0) {
                    size_t cs = k - back;
                    /* "a man who shot three people was killed": the people after "who shot" are its
                     * object; the subject comes before "who" */
                    if (cs >= s0 + 3 && who_verb_at(d, cs - 1)) {
                        k = cs - 2;
                        counted = true;
                        break;
                    }
                    /* ("who shot 4, including 2 agents, is killed": the aside is of the object) */
                    if (cs >= s0 + 4 && is(d, cs - 1, "including") && gm_tok_is(&d->t.tok[cs - 2], ',') &&
                        d->t.tok[cs - 3].type == GM_TOK_NUM && who_verb_at(d, cs - 4)) {
                        k = cs - 5;
                        counted = true;
                        break;
                    }
                    n += c.value;
                    counted = true;
                    break;
                }
            }
            if (!counted && k > s0 && is(d, k - 1, "twin")) {
                n += 2; /* "twin brothers" */
                continue;
            }
            if (!counted)
                return n; /* "people were killed": a number we do not know */
            continue;
        }
        if (is(d, k, "male") || is(d, k, "female")) {
            if (n == 0)
                n = 1; /* "the male was shot" */
            continue;
        }
        if (is(d, k, "and") || is(d, k, "his") || is(d, k, "her") || is(d, k, "their") || is(d, k, "a") ||
            is(d, k, "an") || is(d, k, "the") || is(d, k, "elderly") || is(d, k, "young") || is(d, k, "old") ||
            is(d, k, "two") || is(d, k, "three") || is(d, k, "local") || is(d, k, "teenage") || is(d, k, "little") ||
            is(d, k, "younger") || is(d, k, "older") || is(d, k, "youngest") || is(d, k, "oldest") ||
            is(d, k, "eldest") || is(d, k, "twin"))
            continue;
        if ((t->flags & GM_TF_CAP) && (IN(d, k, WEEKDAYS) || IN(d, k, MONTHS)))
            continue; /* "were hospitalized Thursday after being shot": a day, not a person */
        /* "Man Dies After Being Shot", "20-Year-Old Critical After Being Shot": the subject is
         * before the preposition and the word that tells how he is */
        if (cap_preposition(d, k) && is(d, k, "after") && is(d, k + 1, "being") && k > s0 + 1) {
            k--;
            continue;
        }
        if (cap_preposition(d, k) || ((t->flags & GM_TF_CAP) && is(d, k, "before")))
            break;
        if (t->flags & GM_TF_CAP) {
            /* "a K-9 was killed": a police dog */
            if (k + 2 < cue && gm_tok_is(&d->t.tok[k + 1], '-') && d->t.tok[k + 2].type == GM_TOK_NUM)
                return 0;
            /* a named person: "Yaroslav Moskalik, the deputy head of ..., was killed"; and one more
             * before "and": "Ortega and Blaine were pronounced dead" */
            if (named == k + 1 && d->t.tok[k].type == GM_TOK_WORD) {
                named = k; /* the given name of the name counted: "John [Smith]" */
            } else if (n == 0) {
                n = 1;
                named = k;
            } else if (k + 1 < cue && is(d, k + 1, "and")) {
                /* (the name after "and" may have its age before it: "Clayton and 44-year-old Murphy") */
                size_t nx = k + 2;
                if (nx + 4 < cue && d->t.tok[nx].type == GM_TOK_NUM && gm_tok_is(&d->t.tok[nx + 1], '-') &&
                    is(d, nx + 2, "year") && gm_tok_is(&d->t.tok[nx + 3], '-') && is(d, nx + 4, "old"))
                    nx += 5;
                if (nx < cue && (d->t.tok[nx].flags & GM_TF_CAP) && !IN(d, nx, WEEKDAYS) && !IN(d, nx, MONTHS))
                    n += 1;
            }
            continue;
        }
        if (n > 0)
            break;
    }
    return n;
}

/*
 * The cue counts its subject: "three people were killed", "a boy was shot and killed", "the man
 * died", "was found dead", and headlines without the auxiliary ("Teenager shot and killed by his
 * brother", "Boy, 6, fatally shot").
 */
static bool subject_cue(const gm_doc *d, size_t s0, size_t s1, size_t cue)
{
    if (is(d, cue, "died") || is(d, cue, "dies") || is(d, cue, "perished") || is(d, cue, "succumbed"))
        return true;
    if (is(d, cue, "dead") && cue > s0 &&
        (is(d, cue - 1, "found") || is(d, cue - 1, "pronounced") || is(d, cue - 1, "declared") || is(d, cue - 1, "lay")))
        return true;
    size_t k = cue;
    while (k > s0) {
        k--;
        if (is(d, k, "shot") || is(d, k, "and") || is(d, k, "fatally") || is(d, k, "critically") ||
            is(d, k, "seriously") || is(d, k, "later") || is(d, k, "reportedly") || is(d, k, "both") ||
            is(d, k, "also") || is(d, k, "allegedly") || is(d, k, "mortally") || is(d, k, "stabbed") ||
            is(d, k, "accidentally") || is(d, k, "still") || is(d, k, "found") || reported_at(d, k, cue))
            continue;
        if (is(d, k, "was") || is(d, k, "were") || is(d, k, "been") || is(d, k, "is") || is(d, k, "are") ||
            is(d, k, "got") || is(d, k, "being"))
            return true;
        break;
    }
    /* a headline's reduced passive: a person, then the participle, then a preposition or the end
     * ("Father Of Three Shot Dead": the father) */
    if (k < cue && children_count(d, s0, k))
        k -= 2;
    const gm_token *pv = &d->t.tok[k];
    bool person = k < cue && (IN(d, k, PERSON_SG) || IN(d, k, PERSON_PL) || is(d, k, "old") || is(d, k, "couple") ||
                              is(d, k, "twins") ||
                              (pv->type == GM_TOK_PUNCT && pv->punct == ',' && k > s0 &&
                               d->t.tok[k - 1].type == GM_TOK_NUM));
    /* "police found Marcus Hale shot to death": a named person the police found */
    if (!person && k < cue && (pv->flags & GM_TF_CAP) && pv->type == GM_TOK_WORD) {
        size_t b = k;
        while (b > s0 && (d->t.tok[b - 1].flags & GM_TF_CAP) && d->t.tok[b - 1].type == GM_TOK_WORD && k - b < 3)
            b--;
        person = b > s0 && (is(d, b - 1, "found") || is(d, b - 1, "discovered") || is(d, b - 1, "located"));
    }
    if (!person)
        return false;
    size_t nx = cue + 1;
    if (is(d, nx, "dead"))
        nx++;
    else if (is(d, nx, "to") && is(d, nx + 1, "death"))
        nx += 2;
    return nx >= s1 || d->t.tok[nx].type == GM_TOK_PUNCT || is(d, nx, "in") || is(d, nx, "at") || is(d, nx, "on") ||
           is(d, nx, "near") || is(d, nx, "after") || is(d, nx, "during") || is(d, nx, "by") || is(d, nx, "while") ||
           is(d, nx, "outside") || is(d, nx, "inside") || is(d, nx, "overnight") || is(d, nx, "following") ||
           is(d, nx, "when") || is(d, nx, "early") || is(d, nx, "late") ||
           /* "Juvenile dead from gunshot wound", "Man dead of stab wounds" */
           (is(d, cue, "dead") && (is(d, nx, "from") || is(d, nx, "of")));
}

/* The death at k is one to avenge: "vowed to avenge the slaying of its leader", an earlier death. */
static bool avenged(const gm_doc *d, size_t s0, size_t k)
{
    return (k >= s0 + 2 && (is(d, k - 2, "avenge") || is(d, k - 2, "avenging") || is(d, k - 2, "avenged"))) ||
           (k >= s0 + 1 && is(d, k - 1, "avenge"));
}

/* "the fatal shooting of", "the deaths of", "the killing of", "the wounding of": sets *cat; *shot
 * when the words tell those shot, the dead among them ("the shooting of four people"). */
static bool of_cue(const gm_doc *d, size_t s0, size_t of, int *cat, bool *shot)
{
    size_t h = of - 1;
    *shot = false;
    if (avenged(d, s0, h))
        return false;
    if (is(d, h, "death") || is(d, h, "deaths") || is(d, h, "killing") || is(d, h, "killings") ||
        is(d, h, "bodies") || is(d, h, "murder") || is(d, h, "murders") || is(d, h, "slaying") || is(d, h, "slayings")) {
        /* "the death of", not "the death toll of" or "cause of death of" */
        *cat = CAT_KILL;
        return true;
    }
    if (is(d, h, "shooting") && h > s0 && (is(d, h - 1, "fatal") || is(d, h - 1, "deadly"))) {
        *cat = CAT_KILL;
        return true;
    }
    if (is(d, h, "wounding") || is(d, h, "injuring") || ((is(d, h, "shooting") || is(d, h, "shootings")) && h > s0 &&
                                                          (is(d, h - 1, "nonfatal") || is(d, h - 1, "non-fatal")))) {
        *cat = CAT_INJ;
        return true;
    }
    if (is(d, h, "shooting") || is(d, h, "shootings")) {
        /* "the shooting of four people": all who were hit, as "four people were shot" */
        *cat = CAT_INJ;
        *shot = true;
        return true;
    }
    return false;
}

/* "two children", "2 young children" at token k: a count of people (not an age: "his wife, 45,") */
static bool counted_people_at(const gm_doc *d, size_t k, size_t s1)
{
    if (!number_at(d, k))
        return false;
    for (size_t j = k + 1; j < s1 && j <= k + 2; j++) {
        /* but "killed Johnson, two others were wounded": a clause of its own */
        if (IN(d, j, PERSON_PL) || IN(d, j, PERSON_SG))
            return !(j + 1 < s1 && (is(d, j + 1, "were") || is(d, j + 1, "was") || is(d, j + 1, "are") ||
                                    is(d, j + 1, "had") || is(d, j + 1, "have") || IN(d, j + 1, KILL_VERB) ||
                                    IN(d, j + 1, INJ_VERB)));
        if (d->t.tok[j].type != GM_TOK_WORD || (d->t.tok[j].flags & GM_TF_CAP))
            return false;
    }
    return false;
}

/* A comma at k - 1 continues a list that ends with "and": "his wife, son and daughter" (not an
 * apposition: "Elijah Walker, his girlfriend's son"). */
static bool list_goes_on(const gm_doc *d, size_t k, size_t s1)
{
    for (size_t j = k; j < s1 && j < k + 10; j++) {
        if (is(d, j, "and"))
            return true;
        /* (a hyphen inside a word goes on: "19-year-old") */
        if (d->t.tok[j].type == GM_TOK_PUNCT && !gm_tok_is(&d->t.tok[j], ',') &&
            !(gm_tok_is(&d->t.tok[j], '-') && j > k && d->t.tok[j].start == d->t.tok[j - 1].end))
            return false;
    }
    return false;
}

/* How many people the words from k name: "three men" 3, "a woman" 1, "a 6-year-old" 1, "Samuel
 * Walker" 1, "two teenagers and their mother" 3; 0 when they name no one. */
static long people_after_of(const gm_doc *d, size_t k, size_t s1)
{
    long n = 0;
    for (int parts = 0; parts < 4 && k < s1; parts++) {
        gm_count c;
        bool det = false;
        /* "her" alone is a person ("killing her and another woman"), before a noun a determiner */
        bool her_alone = is(d, k, "her") && (k + 1 >= s1 || d->t.tok[k + 1].type != GM_TOK_WORD || is(d, k + 1, "and") ||
                                            is(d, k + 1, "before") || is(d, k + 1, "after") || is(d, k + 1, "in"));
        if (!her_alone && (is(d, k, "the") || is(d, k, "his") || is(d, k, "her") || is(d, k, "their") ||
                           is(d, k, "its") || is(d, k, "another") || is(d, k, "then")))
            k++, det = true;
        /* "a 7-year-old girl": the article, then the age, then the person */
        if (!det && (is(d, k, "a") || is(d, k, "an")) && k + 6 < s1 && number_at(d, k + 1) &&
            gm_tok_is(&d->t.tok[k + 2], '-') && (is(d, k + 3, "year") || is(d, k + 3, "month")) &&
            gm_tok_is(&d->t.tok[k + 4], '-') && is(d, k + 5, "old") && IN(d, k + 6, PERSON_SG)) {
            n += 1;
            k += 7;
            if (k + 1 < s1 && (is(d, k, "and") || gm_tok_is(&d->t.tok[k], ',')))
                k++;
            else
                break;
            continue;
        }
        /* "her young daughter", "a retired police officer": words before the person noun */
        for (int adj = 0; adj < 2 && det && k + 1 < s1 && d->t.tok[k].type == GM_TOK_WORD &&
                          !(d->t.tok[k].flags & GM_TF_CAP) && !IN(d, k, PERSON_SG) && !IN(d, k, PERSON_PL) &&
                          !is(d, k, "and") && gm_number_word(gm_tok_fold(&d->t, &d->t.tok[k]), d->t.tok[k].fold_len) <= 0 && (IN(d, k + 1, PERSON_SG) || IN(d, k + 1, PERSON_PL) ||
                                               (adj == 0 && k + 2 < s1 && IN(d, k + 2, PERSON_SG)));
             adj++)
            k++;
        if (k >= s1)
            break;
        size_t e = k;
        /* "a young couple": the article is no count of one */
        if ((is(d, k, "a") || is(d, k, "an") || is(d, k, "the")) && k + 2 < s1 &&
            (is(d, k + 1, "couple") || (is(d, k + 2, "couple") && (d->t.tok[k + 1].flags & GM_TF_LOWER))))
            k += is(d, k + 1, "couple") ? 1 : 2;
        double fam = 0;
        if (her_alone || is(d, k, "him") || is(d, k, "himself") || is(d, k, "herself")) {
            n += 1;
            e = k + 1;
        } else if ((is(d, k, "a") || is(d, k, "an")) && is(d, k + 1, "family") && is(d, k + 2, "of") && k + 3 < s1 &&
                   ((gm_tok_number(&d->t, &d->t.tok[k + 3], &fam) && fam >= 2 && fam < 30) ||
                    (fam = (double)gm_number_word(gm_tok_fold(&d->t, &d->t.tok[k + 3]), d->t.tok[k + 3].fold_len)) >= 2)) {
            n += (long)fam; /* "killed a family of four" */
            e = k + 4;
        } else if (is(d, k, "parents") || is(d, k, "twins") ||
                   (is(d, k, "couple") && !is(d, k + 1, "of"))) { /* "a young couple", not "a couple of men" */
            n += 2;
            e = k + 1;
        } else if (IN(d, k, PERSON_PL) && k + 3 < s1 && gm_tok_is(&d->t.tok[k + 1], ',') && is(d, k + 2, "ages")) {
            /* "his daughters, ages 6 and 9": as many as the ages */
            size_t j = k + 3;
            long ages = ages_listed(d, &j, s1);
            if (ages < 2)
                break;
            n += ages;
            e = j;
        } else if (number_at(d, k) && k + 4 < s1 && gm_tok_is(&d->t.tok[k + 1], '-') &&
                   (is(d, k + 2, "year") || is(d, k + 2, "month") || is(d, k + 2, "week") || is(d, k + 2, "day")) &&
                   gm_tok_is(&d->t.tok[k + 3], '-') && is(d, k + 4, "old")) {
            n += 1; /* "of 6-year-old Hank" */
            e = k + 5;
        } else if (gm_parse_count(&d->t, k, true, &c) && !c.vague && !c.overflow && c.value > 0 && c.value < 1000 &&
                   !not_a_count(d, k, c.tok_end)) {
            bool nonperson;
            if (!person_after(d, c.tok_end, s1, &nonperson) && !(c.tok_end + 4 < s1 && is(d, c.tok_end + 4, "old")) &&
                !(c.tok_end + 2 < s1 && is(d, c.tok_end + 1, "year") && is(d, c.tok_end + 2, "old")))
                break;
            if (!is(d, c.tok_end, "unborn"))
                n += c.value;
            e = c.tok_end;
        } else if ((d->t.tok[k].flags & GM_TF_CAP) && !IN(d, k, WEEKDAYS) && !IN(d, k, MONTHS)) {
            n += 1; /* a named person (not "killed Thursday") */
            e = k + 1;
            while (e < s1 && (d->t.tok[e].flags & GM_TF_CAP) && d->t.tok[e].type == GM_TOK_WORD)
                e++;
        } else if (IN(d, k, PERSON_SG)) {
            n += 1;
            e = k + 1;
        } else if (is(d, k, "unborn")) {
            e = k + 2; /* "five adults and an unborn child": counts of the dead leave the unborn out */
        } else {
            break;
        }
        /* skip the rest of the noun phrase up to "and" (an age's digits and hyphens too: "an
         * 18-year-old and a 19-year-old") */
        size_t np = e;
        while (e < s1 &&
               (d->t.tok[e].type == GM_TOK_WORD || initial_stop(d, e) ||
                (e < np + 4 && (d->t.tok[e].type == GM_TOK_NUM || gm_tok_is(&d->t.tok[e], '-')))) &&
               !is(d, e, "and") && e < np + 5 &&
               !IN(d, e, KILL_VERB) && !IN(d, e, INJ_VERB) && !is(d, e, "in") && !is(d, e, "at") && !is(d, e, "on") &&
               !is(d, e, "who") && !is(d, e, "that") && !is(d, e, "which") && !is(d, e, "when") &&
               !is(d, e, "after") && !is(d, e, "before") && !is(d, e, "while") && !is(d, e, "as"))
            e++;
        if (e < s1 && is(d, e, "and"))
            k = e + 1;
        else if (e + 3 < s1 && gm_tok_is(&d->t.tok[e], ',') && number_at(d, e + 1) &&
                 gm_tok_is(&d->t.tok[e + 2], ',') && is(d, e + 3, "and") && e + 4 < s1 &&
                 (d->t.tok[e + 4].flags & GM_TF_CAP))
            k = e + 4; /* "Ana Lopez, 21, and Dario Fuller, 22": a named person's age, then the next */
        else if (e + 5 < s1 && gm_tok_is(&d->t.tok[e], ',') && is(d, e + 1, "both") && number_at(d, e + 2) &&
                 gm_tok_is(&d->t.tok[e + 3], ',') && is(d, e + 4, "and"))
            k = e + 5; /* "a man and a woman, both 40, and their two sons" */
        else if (e + 5 < s1 && gm_tok_is(&d->t.tok[e], ',') && number_at(d, e + 1) && gm_tok_is(&d->t.tok[e + 2], '-') &&
                 is(d, e + 3, "year") && list_goes_on(d, e + 1, s1))
            k = e + 1; /* "an 18-year-old, 19-year-old and a 20-year-old" */
        else if (e + 1 < s1 && gm_tok_is(&d->t.tok[e], ',') &&
                 ((list_goes_on(d, e + 1, s1) &&
                   (IN(d, e + 1, PERSON_SG) || is(d, e + 1, "his") || is(d, e + 1, "her") || is(d, e + 1, "their") ||
                    is(d, e + 1, "a") || is(d, e + 1, "an") ||
                    (is(d, e + 1, "and") && e + 2 < s1))) ||
                  counted_people_at(d, e + 1, s1) ||
                  /* a headline's list without "and": "shooting that killed man, toddler" */
                  (IN(d, e + 1, PERSON_SG) && !(d->t.tok[e + 1].flags & GM_TF_CAP) &&
                   (e + 2 == s1 || d->t.tok[e + 2].type == GM_TOK_PUNCT || is(d, e + 2, "in") || is(d, e + 2, "at")))))
            k = is(d, e + 1, "and") ? e + 2 : e + 1; /* "his wife, son and daughter", "his wife, two children" */
        else
            break;
    }
    return n;
}

/* The sentence speaks of gunfire: "struck"/"hit" then mean a wound. */
static bool gunfire_in(const gm_doc *d, size_t s0, size_t s1)
{
    for (size_t k = s0; k < s1; k++)
        if (is(d, k, "gunfire") || is(d, k, "gunman") || is(d, k, "gunmen") || is(d, k, "firing") || is(d, k, "bullet") || is(d, k, "bullets") || is(d, k, "shooting") ||
            is(d, k, "shot") || is(d, k, "shots") || is(d, k, "shrapnel") || is(d, k, "gunshot") || is(d, k, "stray") ||
            is(d, k, "arm") || is(d, k, "leg") || is(d, k, "chest") || is(d, k, "head") || is(d, k, "shoulder"))
            return true;
    return false;
}

/* ------------------------------------------------------------------ dates */
static bool find_date(const gm_doc *d, const gm_sentence *se, long *date, int *prec)
{
    if (!d->has_date)
        return false;
    long base = d->date_days;
    *prec = 1;
    for (size_t i = se->tok_start; i < se->tok_end; i++) {
        if (is(d, i, "yesterday")) {
            *date = base - 1;
            return true;
        }
        if (is(d, i, "today") || is(d, i, "overnight") || is(d, i, "tonight")) {
            *date = base;
            return true;
        }
        if (is(d, i, "last") && (is(d, i + 1, "night"))) {
            *date = base - 1;
            return true;
        }
        /* "last week", "earlier this week": within a week; "last month": within a month */
        if ((is(d, i, "last") || is(d, i, "this") || is(d, i, "past")) && is(d, i + 1, "week")) {
            *date = is(d, i, "last") ? base - 7 : base;
            *prec = 2;
            return true;
        }
        if (is(d, i, "last") && is(d, i + 1, "month")) {
            *date = base - 30;
            *prec = 3;
            return true;
        }
        for (int w = 0; w < 7; w++) {
            if (!is(d, i, WEEKDAYS[w]))
                continue;
            int today = gm_date_weekday(base);
            int back = (today - w + 7) % 7;
            if (is(d, i - 1, "last") || (i > 0 && is(d, i - 1, "next")))
                back = back ? back : 7;
            *date = base - back;
            return true;
        }
        for (int m = 0; m < 12; m++) {
            if (!is(d, i, MONTHS[m]) || (m == 4 && !(d->t.tok[i].flags & GM_TF_CAP)))
                continue;
            /* "April 24" or "24 April" */
            double day = 0;
            bool ok = (i + 1 < se->tok_end && gm_tok_number(&d->t, &d->t.tok[i + 1], &day)) ||
                      (i > se->tok_start && gm_tok_number(&d->t, &d->t.tok[i - 1], &day));
            if (!ok || day < 1 || day > 31)
                continue;
            char buf[11];
            gm_date_format(base, buf);
            for (int yoff = 0; yoff <= 1; yoff++) {
                char tmp[16];
                int y = (buf[0] - '0') * 1000 + (buf[1] - '0') * 100 + (buf[2] - '0') * 10 + (buf[3] - '0') - yoff;
                snprintf(tmp, sizeof tmp, "%04d-%02d-%02d", y, m + 1, (int)day);
                long z;
                if (gm_date_parse(tmp, 10, &z) && z <= base + 1) {
                    *date = z;
                    return true;
                }
            }
        }
    }
    return false;
}

/* ------------------------------------------------------------------ event types */
/* The kind of attack a word at token i names (NULL for none), with its rank: the lower, the more
 * specific ("car bomb" before "explosion"). */
static const char *event_at(const gm_doc *d, size_t i, int *rank)
{
    const char *t = NULL;
    int r = 99;
    if (is(d, i, "car") && (is(d, i + 1, "bomb") || is(d, i + 1, "bombing")))
        t = "car bombing", r = 1;
    else if (is(d, i, "suicide") && (is(d, i + 1, "bomber") || is(d, i + 1, "bombing") || is(d, i + 1, "attack")))
        t = "suicide bombing", r = 1;
    else if ((is(d, i, "glide") || is(d, i, "guided") || is(d, i, "aerial")) &&
             (is(d, i + 1, "bomb") || is(d, i + 1, "bombs") || is(d, i + 1, "aerial")))
        t = "glide bomb", r = 2;
    else if (is(d, i, "drone") || is(d, i, "drones") || is(d, i, "uav") || is(d, i, "shahed"))
        t = "drone strike", r = 3;
    else if (is(d, i, "missile") || is(d, i, "missiles") || is(d, i, "rocket") || is(d, i, "rockets"))
        t = "missile strike", r = 3;
    else if (is(d, i, "airstrike") || is(d, i, "airstrikes") || (is(d, i, "air") && (is(d, i + 1, "strike") ||
             is(d, i + 1, "strikes") || is(d, i + 1, "raid") || is(d, i + 1, "attack"))) ||
             is(d, i, "bombardment") || is(d, i, "warplanes"))
        t = "air strike", r = 4;
    else if (is(d, i, "shelling") || is(d, i, "shelled") || is(d, i, "artillery") || is(d, i, "mortar"))
        t = "shelling", r = 4;
    else if (is(d, i, "stabbed") || is(d, i, "stabbing") || is(d, i, "knife"))
        t = "stabbing", r = 5;
    else if (is(d, i, "shot") && ((i > 0 && (IN(d, i - 1, ILLNESS) || is(d, i - 1, "vaccine") ||
                                              is(d, i - 1, "booster"))) || is(d, i + 1, "against")))
        t = NULL; /* "a flu shot", "a shot against tetanus" */
    else if (is(d, i, "shooting") || is(d, i, "shot") || is(d, i, "gunman") || is(d, i, "gunmen") ||
             is(d, i, "gunfire") || (is(d, i, "opened") && is(d, i + 1, "fire")) || is(d, i, "gunshot"))
        t = "shooting", r = 6;
    else if (is(d, i, "explosion") || is(d, i, "blast") || is(d, i, "exploded") || is(d, i, "bomb") ||
             is(d, i, "bombing") || is(d, i, "ied"))
        t = "explosion", r = 7;
    else if ((is(d, i, "battle") || is(d, i, "massacre") || is(d, i, "siege")) && (d->t.tok[i].flags & GM_TF_CAP) &&
             is(d, i + 1, "of"))
        t = NULL; /* "the Battle of Bunker Hill": a name from history */
    else if ((is(d, i, "fighting") || is(d, i, "battle") || is(d, i, "battling")) &&
             (IN(d, i + 1, ILLNESS) || (is(d, i + 1, "the") && IN(d, i + 2, ILLNESS)) ||
              (is(d, i + 1, "against") && (IN(d, i + 2, ILLNESS) || IN(d, i + 3, ILLNESS))) ||
              (i > 0 && (is(d, i - 1, "legal") || is(d, i - 1, "court") || is(d, i - 1, "custody") ||
                         is(d, i - 1, "political") || is(d, i - 1, "uphill")))))
        t = NULL; /* "fighting AIDS", "a legal battle" */
    else if (is(d, i, "clashes") || is(d, i, "clash") || is(d, i, "fighting") || is(d, i, "battle"))
        t = "clash", r = 8;
    *rank = r;
    return t;
}

static const char *event_type(const gm_doc *d, const gm_sentence *se)
{
    const char *found = NULL;
    int rank = 99;
    for (size_t i = se->tok_start; i < se->tok_end; i++) {
        int r;
        const char *t = event_at(d, i, &r);
        if (t && r < rank) {
            found = t;
            rank = r;
        }
    }
    return found;
}

/*
 * Does the sentence tell an attack of its own?  Weapons of war and an indefinite "a shooting" do;
 * "the shooting", "Sunday's attack" point back to one told before, and "was shot", "a gunshot
 * wound", "stabbed" describe what happened to a victim.
 */
static bool fresh_event(const gm_doc *d, const gm_sentence *se)
{
    for (size_t i = se->tok_start; i < se->tok_end; i++) {
        if (is(d, i, "shooting") || is(d, i, "shootings") || is(d, i, "attack") || is(d, i, "stabbing") ||
            is(d, i, "explosion") || is(d, i, "blast") || is(d, i, "rampage") || is(d, i, "shootout")) {
            size_t k = i;
            /* "the deadly shooting", "Sunday's fatal shooting" */
            while (k > se->tok_start && k + 3 > i && !(d->t.tok[k - 1].flags & GM_TF_CAP) &&
                   d->t.tok[k - 1].type == GM_TOK_WORD && !is(d, k - 1, "the") && !is(d, k - 1, "this") &&
                   !is(d, k - 1, "that") && !is(d, k - 1, "a") && !is(d, k - 1, "an") &&
                   d->t.tok[k - 1].base_len == d->t.tok[k - 1].fold_len)
                k--;
            if (!(k > se->tok_start && (is(d, k - 1, "the") || is(d, k - 1, "this") || is(d, k - 1, "that") ||
                                        d->t.tok[k - 1].base_len < d->t.tok[k - 1].fold_len)))
                return true;
            continue;
        }
        if (is(d, i, "shot") || is(d, i, "gunshot") || is(d, i, "gunfire") || is(d, i, "stabbed") ||
            is(d, i, "knife"))
            continue;
        int rank;
        if (event_at(d, i, &rank))
            return true;
    }
    return false;
}

/* ------------------------------------------------------------------ places */
static int kind_specificity(uint8_t kind)
{
    switch (kind) {
    case GM_PK_PLACE:
    case GM_PK_SITE: return 3;
    case GM_PK_ADMIN2: return 2;
    case GM_PK_ADMIN1:
    case GM_PK_REGION: return 1;
    default: return 0;
    }
}

/* The mention is part of a news site's name in a headline: "Richmond, VA News On Your Side",
 * "WRCBtv.com | Chattanooga News, Weather & Sports". */
static bool masthead(const gm_doc *d, const gm_mspan *s)
{
    size_t b = s->tok_end;
    while (b < d->t.ntok && (gm_tok_is(&d->t.tok[b], ',') || (d->t.tok[b].flags & GM_TF_CAP)) && b < s->tok_end + 3 &&
           !is(d, b, "news"))
        b++;
    if (b < d->t.ntok && is(d, b, "news") && (d->t.tok[b].flags & GM_TF_CAP) && d->t.tok[b].sent == d->t.tok[s->tok_start].sent &&
        !(b + 1 < d->t.ntok && gm_tok_is(&d->t.tok[b + 1], ':')))
        return true;
    const gm_sentence *se = &d->t.sent[d->t.tok[s->tok_start].sent];
    bool weather = false, sports = false;
    for (size_t k = s->tok_end; k < se->tok_end && k < s->tok_end + 12; k++) {
        weather |= is(d, k, "weather");
        sports |= is(d, k, "sports");
    }
    return weather && sports;
}

/* The sentence a span starts in (a given span past the last token: the last sentence). */
static uint32_t span_sent(const gm_doc *d, const gm_mspan *s)
{
    if (s->tok_start < d->t.ntok)
        return d->t.tok[s->tok_start].sent;
    return d->t.ntok ? d->t.tok[d->t.ntok - 1].sent : 0;
}

/* The article's own place: its dateline's or the town it names most (GM_NONE32: none), and whether
 * it is sure enough to stand for an incident that names no place; and, made when first needed,
 * which first-level regions and countries the text names (so that asking costs no scan of every
 * mention for every statement). */
typedef struct anchor_t {
    uint32_t place;
    bool sure;
    bool far_dateline; /* the dateline is a doubtful name far from the article's sure town */
    bool local_dateline; /* a sure dateline with no agency after it: a local paper's own city */
    bool told_made, told_failed;
    uint32_t *a1_place; /* per admin-1: a place of the text in it (GM_NONE32: none) */
    uint8_t *a1_more;   /* per admin-1: two or more places */
    uint8_t *cc_named;  /* per country: the text names the country itself */
    uint32_t *nbh;      /* places the text writes as parts of a city, sorted (see neighbourhoods()) */
    size_t nnbh;
} anchor_t;

static void anchor_free(anchor_t *an)
{
    gm__free(an->a1_place);
    gm__free(an->a1_more);
    gm__free(an->cc_named);
    gm__free(an->nbh);
}

static bool make_told(const gm_doc *d, anchor_t *an)
{
    if (an->told_made)
        return !an->told_failed;
    an->told_made = true;
    const gm_gazetteer *g = d->gaz;
    size_t na1 = g->h->n_admin1, ncc = g->h->n_countries;
    an->a1_place = gm_malloc((na1 + 1) * sizeof *an->a1_place);
    an->a1_more = gm_calloc(na1 + 1, 1);
    an->cc_named = gm_calloc(ncc + 1, 1);
    if (!an->a1_place || !an->a1_more || !an->cc_named) {
        an->told_failed = true;
        return false;
    }
    for (size_t i = 0; i < na1; i++)
        an->a1_place[i] = GM_NONE32;
    for (size_t i = 0; i < d->nspans; i++) {
        const gm_mspan *s = &d->spans[i];
        if (s->dropped || s->best < 0)
            continue;
        uint32_t q = d->cands[s->best].place;
        const gm_idx_place *Q = &g->places[q];
        if (Q->kind == GM_PK_COUNTRY && Q->country != GM_NONE16)
            an->cc_named[Q->country] = 1;
        if (s->kind != GM_MENTION_NAME || Q->admin1 == GM_NONE16)
            continue;
        if (an->a1_place[Q->admin1] == GM_NONE32)
            an->a1_place[Q->admin1] = q;
        else if (an->a1_place[Q->admin1] != q)
            an->a1_more[Q->admin1] = 1;
    }
    return true;
}

/* Does the text name town p's first-level region, or another place in it ("Germantown, Maryland",
 * "Pavlohrad ... in Dnipropetrovsk region", "Dnipro ... Pavlohrad")?  (Yes when unsure.) */
static bool region_told(const gm_doc *d, anchor_t *an, uint32_t p)
{
    const gm_idx_place *P = &d->gaz->places[p];
    if (!make_told(d, an))
        return true;
    if (P->admin1 == GM_NONE16)
        return false;
    return an->a1_more[P->admin1] || (an->a1_place[P->admin1] != GM_NONE32 && an->a1_place[P->admin1] != p);
}

/* Does the text name country c?  (Yes when unsure.) */
static bool country_told(const gm_doc *d, anchor_t *an, uint16_t c)
{
    return !make_told(d, an) || (c != GM_NONE16 && an->cc_named[c]);
}

/* One or two capitalised words from k, then a building: "Sands motel", "Arms apartments". */
static bool building_name_after(const gm_doc *d, size_t k)
{
    size_t j = k;
    while (j < d->t.ntok && j < k + 2 && d->t.tok[j].type == GM_TOK_WORD && (d->t.tok[j].flags & GM_TF_CAP))
        j++;
    return j > k && j < d->t.ntok && (d->t.tok[j].flags & GM_TF_LOWER) && IN(d, j, BUILDINGS);
}

/* Mention s is written as a part of a city: "the Austin neighborhood", "the city's Westside". */
static bool written_as_neighbourhood(const gm_doc *d, const gm_mspan *s)
{
    return is(d, s->tok_end, "neighborhood") || is(d, s->tok_end, "neighbourhood") ||
           (s->tok_start > 0 && (gm_doc_tok_possessive_is(d, s->tok_start - 1, "city") ||
                                 gm_doc_tok_possessive_is(d, s->tok_start - 1, "town")));
}

static int cmp_u32(const void *x, const void *y)
{
    uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
    return a < b ? -1 : a > b;
}

/* The places some mention writes as a part of a city, sorted (NULL when none, or out of memory:
 * then no place counts as a neighbourhood). */
static uint32_t *neighbourhoods(const gm_doc *d, size_t *n)
{
    *n = 0;
    uint32_t *v = NULL;
    size_t cap = 0;
    for (size_t i = 0; i < d->nspans; i++) {
        const gm_mspan *s = &d->spans[i];
        if (s->dropped || s->best < 0 || !written_as_neighbourhood(d, s))
            continue;
        if (!gm_grow((void **)&v, &cap, *n + 1, sizeof *v)) {
            gm__free(v);
            *n = 0;
            return NULL;
        }
        v[(*n)++] = gm_span_place(d, s);
    }
    if (*n > 1)
        qsort(v, *n, sizeof *v, cmp_u32);
    return v;
}

static bool is_neighbourhood(const uint32_t *v, size_t n, uint32_t p)
{
    return n && bsearch(&p, v, n, sizeof *v, cmp_u32) != NULL;
}

/* Token k is a street's last word: "Street", "St", "Avenue", "Road", "Drive", "Highway" ... */
static bool street_word(const gm_doc *d, size_t k)
{
    return is(d, k, "street") || is(d, k, "st") || is(d, k, "avenue") || is(d, k, "ave") || is(d, k, "road") ||
           is(d, k, "rd") || is(d, k, "boulevard") || is(d, k, "blvd") || is(d, k, "drive") || is(d, k, "lane") ||
           is(d, k, "parkway") || is(d, k, "highway");
}

/* The name at token a follows a street and a word that joins it to a cross street: "Roxbury
 * Street near Britain", "Hipp Street near Annapolis", "Main St. and Laguna"; *sure when the word
 * is "and", "&" or "at" (a corner), not "near" (which may name a town: "Main Street near Dayton"). */
static bool cross_street_before(const gm_doc *d, size_t a, bool *sure)
{
    if (a < 2)
        return false;
    size_t j = a - 1, st = a - 2;
    bool amp = gm_tok_is(&d->t.tok[j], '&');
    if (!(is(d, j, "near") || is(d, j, "and") || is(d, j, "at") || amp))
        return false;
    if (gm_tok_is(&d->t.tok[st], '.') && st > 0)
        st--; /* "St." */
    if (!(d->t.tok[st].flags & GM_TF_CAP) || !street_word(d, st))
        return false;
    *sure = !is(d, j, "near");
    return true;
}

/* An agency in brackets after a dateline, before its dash: "MIAMI (AP) -", "KYIV, Ukraine (Reuters) -". */
static bool agency_after(const gm_doc *d, size_t k)
{
    for (size_t j = k; j < d->t.ntok && j < k + 6; j++) {
        const gm_token *t = &d->t.tok[j];
        if (gm_tok_is(t, '('))
            return true;
        if ((t->type == GM_TOK_PUNCT && (t->punct == GM_P_DASH || t->punct == '-')) || (t->flags & GM_TF_NL_BEFORE))
            return false;
    }
    return false;
}

#define FAR_TOWN_CONF 0.5f
#define LOCAL_FAR_KM 1000.0
#define FAR_TOWN_KM 150.0
#define FAR_TOWN_POP 1000000

/* Town pl is far from the article's place `from` and nothing else ties the text to it: a town
 * under a million people, more than FAR_TOWN_KM away, in a region the text does not otherwise
 * name - a neighbourhood or building the gazetteer lacks, resolved to a namesake far away. */
static bool far_untold_town(const gm_doc *d, anchor_t *an, uint32_t from, uint32_t pl)
{
    const gm_idx_place *P = &d->gaz->places[pl];
    return pl != from && kind_specificity(P->kind) == 3 && P->population < FAR_TOWN_POP &&
           gm_gz_km(d->gaz, from, pl) > FAR_TOWN_KM && !region_told(d, an, pl);
}

/* The best place mention among spans in sentences [s_from, s_to], for a cue at token cue;
 * `an`: the article's own place (dateline or main town), and whether it is sure enough to fall back on. */
static int32_t place_in(const gm_doc *d, uint32_t s_from, uint32_t s_to, size_t cue, anchor_t *an, int *prec)
{
    bool anchored = an->sure;
    uint32_t anchor = an->place;
    int32_t best = -1;
    float best_score = -1e9f;
    /* spans are in text order: find the first in sentence s_from by bisection, stop after s_to
     * (a scan of every span for every cue made long documents quadratic) */
    size_t lo = 0, hi = d->nspans;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (span_sent(d, &d->spans[mid]) < s_from)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t i = lo; i < d->nspans && span_sent(d, &d->spans[i]) <= s_to; i++) {
        const gm_mspan *s = &d->spans[i];
        /* a doubtful name ("Lafayette High School", "Clark") is no place for an incident: the
         * dateline or the article's town serve better */
        if (s->dropped || s->best < 0 || s->kind != GM_MENTION_NAME || (s->flags & GM_SF_STREET) ||
            (s->conf < 0.35f && anchored))
            continue;
        uint32_t sent = span_sent(d, s);
        uint32_t pl = d->cands[s->best].place;
        const gm_idx_place *p = &d->gaz->places[pl];
        float sc = 10.0f * (float)kind_specificity(p->kind);
        size_t a = s->tok_start;
        bool prep = a > 0 && (is(d, a - 1, "in") || is(d, a - 1, "on") || is(d, a - 1, "near") ||
                              is(d, a - 1, "outside") || is(d, a - 1, "at") || is(d, a - 1, "of") ||
                              is(d, a - 1, "into") || is(d, a - 1, "across") || is(d, a - 1, "around"));
        if (prep)
            sc += 4.0f;
        /* "in the town of X" names the place; "a suburb of X", "the outskirts of X" name a reference */
        bool reference = a >= 2 && is(d, a - 1, "of") &&
                         (is(d, a - 2, "suburb") || is(d, a - 2, "outskirts") || is(d, a - 2, "north") ||
                          is(d, a - 2, "south") || is(d, a - 2, "east") || is(d, a - 2, "west") ||
                          is(d, a - 2, "northeast") || is(d, a - 2, "northwest") || is(d, a - 2, "southeast") ||
                          is(d, a - 2, "southwest") || is(d, a - 2, "kilometres") || is(d, a - 2, "miles"));
        /* places that are never where it happened: "Johnson City Medical Center" (an institution
         * victims were taken to, or that spoke), "a Charleston man" and "Jasmine Morris, 20, of
         * Penn Hills" (where someone is from), "taken to a hospital in Peoria" */
        bool elsewhere = (s->flags & GM_SF_IN_ORG) || (a >= 2 && is(d, a - 1, "of") &&
                                                       (is(d, a - 2, "hospital") || is(d, a - 2, "hospitals")));
        if (s->tok_end < d->t.ntok && (IN(d, s->tok_end, PERSON_SG) || IN(d, s->tok_end, PERSON_PL) ||
                                        is(d, s->tok_end, "native") || is(d, s->tok_end, "residents")) &&
            !IN(d, s->tok_end, KILL_NOUN) && !IN(d, s->tok_end, INJ_NOUN) && !is(d, s->tok_end, "police"))
            elsewhere = true;
        if (a >= 3 && is(d, a - 1, "of") && gm_tok_is(&d->t.tok[a - 2], ',') && d->t.tok[a - 3].type == GM_TOK_NUM)
            elsewhere = true;
        /* "the Bermuda Sands motel", "near Cleveland Arms apartments": a building named after a place,
         * in a story whose own place is elsewhere */
        if (anchored && anchor != GM_NONE32 && anchor != pl && building_name_after(d, s->tok_end))
            elsewhere = true;
        /* "KRAMATORSK - ... officials in Kyiv said": where the source speaks, when the article has a
         * place of its own ("police in Sanford said" alone still places it in Sanford) */
        if (a >= 2 && is(d, a - 1, "in") && IN(d, a - 2, SOURCES) && s->tok_end < d->t.ntok &&
            (IN(d, s->tok_end, SAY) || (s->tok_end + 1 < d->t.ntok && IN(d, s->tok_end + 1, SAY))) &&
            anchor != GM_NONE32 && anchor != pl)
            elsewhere = true;
        /* "Kiev's forces", "Kiev military", "Moscow-backed": a side of the war, not where it happened */
        if (s->tok_end < d->t.ntok &&
            (is(d, s->tok_end, "forces") || is(d, s->tok_end, "troops") || is(d, s->tok_end, "military") ||
             is(d, s->tok_end, "army") || is(d, s->tok_end, "regime") || is(d, s->tok_end, "government") ||
             is(d, s->tok_end, "authorities") ||
             (gm_tok_is(&d->t.tok[s->tok_end], '-') && (is(d, s->tok_end + 1, "backed") || is(d, s->tok_end + 1, "led")))))
            elsewhere = true;
        for (size_t k = a > 6 ? a - 6 : 0; k < a && !elsewhere; k++)
            if ((is(d, k, "taken") || is(d, k, "transported") || is(d, k, "airlifted") || is(d, k, "flown") ||
                 is(d, k, "rushed") || is(d, k, "treated")) && d->t.tok[k].sent == d->t.tok[a].sent)
                elsewhere = true;
        /* "on Roxbury Street near Britain": a cross street named like a country or a far town */
        bool corner_sure;
        if (cross_street_before(d, a, &corner_sure) &&
            (corner_sure || kind_specificity(p->kind) < 3 ||
             (anchor != GM_NONE32 && far_untold_town(d, an, anchor, pl))))
            elsewhere = true;
        if (elsewhere)
            continue;
        /* "East Germantown" in a story datelined PHILADELPHIA, "the Bellagio" in one from LAS VEGAS: a
         * neighbourhood or a building the gazetteer lacks, resolved to a town of that name far away */
        if (anchor != GM_NONE32 && !(s->flags & GM_SF_CITY_WORD) &&
            (!(s->flags & GM_SF_DATELINE) || an->far_dateline) && far_untold_town(d, an, anchor, pl) &&
            (s->conf < FAR_TOWN_CONF || (p->country != d->gaz->places[anchor].country && !country_told(d, an, p->country)) ||
             is_neighbourhood(an->nbh, an->nnbh, pl) ||
             /* "CHICAGO - A shooting in Austin": a local paper's dateline and a town over 1,000 km away
              * whose state the text never names is one of the city's neighbourhoods (a wire's
              * "WASHINGTON (AP) -" reports from anywhere) */
             (an->local_dateline && gm_gz_km(d->gaz, anchor, pl) > LOCAL_FAR_KM)))
            continue;
        /* "a Houston-area home": near the city, not in it */
        if (s->tok_end + 1 < d->t.ntok && gm_tok_is(&d->t.tok[s->tok_end], '-') && is(d, s->tok_end + 1, "area")) {
            if (anchored)
                continue;
            reference = true;
        }
        /* a station's masthead: "FOX 8 New Orleans News, Weather, Sports" names where it broadcasts */
        if (masthead(d, s))
            sc -= 12.0f;
        if (reference)
            sc -= 3.0f;
        else if (s->flags & GM_SF_CITY_WORD)
            sc += 4.0f;
        /* a container written after a comma describes the place before it, not the event */
        if (i > 0 && d->spans[i - 1].container == i + 1)
            sc -= 8.0f;
        if (sent == d->t.tok[cue].sent) {
            size_t dist = a > cue ? a - cue : cue - a;
            sc += 3.0f - (float)dist * 0.1f;
        } else {
            sc -= 2.0f * (float)(d->t.tok[cue].sent - sent);
        }
        sc += s->conf;
        if (sc > best_score) {
            best_score = sc;
            best = (int32_t)i;
            /* "near X", "outside X", "on the outskirts of X", "20 km north of X" - but not "outside a
             * bar in X" */
            bool near = false;
            for (size_t k = a; k-- > (a > 5 ? a - 5 : 0);) {
                if (is(d, k, "in") || is(d, k, "at") || is(d, k, "on") || d->t.tok[k].sent != d->t.tok[a].sent)
                    break;
                if (is(d, k, "near") || is(d, k, "outside") || is(d, k, "outskirts") || is(d, k, "nearby") ||
                    is(d, k, "km") || is(d, k, "kilometres") || is(d, k, "kilometers") || is(d, k, "miles") ||
                    is(d, k, "north") || is(d, k, "south") || is(d, k, "east") || is(d, k, "west"))
                    near = true;
            }
            *prec = kind_specificity(p->kind) == 3 ? (near ? 2 : 1) : 3;
        }
    }
    return best;
}

/* ------------------------------------------------------------------ statements */
/* The sentence dates its event in the past, relative to the article: "In December 2012, ...",
 * "Last month, a gunman killed ...", "two years ago", "in a previous shooting". */
static bool told_as_past(const gm_doc *d, const gm_sentence *se, bool *surely)
{
    *surely = false;
    for (size_t k = se->tok_start; k < se->tok_end; k++) {
        const gm_token *t = &d->t.tok[k];
        if (t->type == GM_TOK_NUM && t->end - t->start == 4 && k > se->tok_start &&
            (is(d, k - 1, "in") || IN(d, k - 1, MONTHS))) {
            const char *f = gm_tok_fold(&d->t, t);
            if (t->fold_len == 4 && (f[0] == '1' && f[1] == '9' ? 1 : f[0] == '2' && f[1] == '0'))
                return true;
        }
        if (is(d, k, "last") && (is(d, k + 1, "month") || is(d, k + 1, "year") || is(d, k + 1, "summer") ||
                                 is(d, k + 1, "spring") || is(d, k + 1, "fall") || is(d, k + 1, "winter") ||
                                 is(d, k + 1, "autumn") || IN(d, k + 1, MONTHS)))
            return *surely = true;
        /* "a drive-by shooting that injured a dozen in March": a month, not a day */
        if (is(d, k, "in") && IN(d, k + 1, MONTHS) && k + 1 < se->tok_end && (d->t.tok[k + 1].flags & GM_TF_CAP) &&
            !(k + 2 < se->tok_end && d->t.tok[k + 2].type == GM_TOK_NUM))
            return *surely = true;
        if (is(d, k, "ago") && k > se->tok_start &&
            (is(d, k - 1, "years") || is(d, k - 1, "months") || is(d, k - 1, "year") || is(d, k - 1, "month")))
            return *surely = true;
        if (is(d, k, "previous") || is(d, k, "previously") ||
            (is(d, k, "earlier") && is(d, k + 1, "this") && is(d, k + 2, "year")))
            return true;
    }
    return false;
}

/* Years before this are history, whether or not the document has a date. */
#define OLD_YEAR 1900

/* A street's name begins at token k: capitalised words, then "Street", "Ave", "Court", "Way" ... */
static bool street_after(const gm_doc *d, size_t k, size_t end)
{
    for (size_t j = k; j < end && j < k + 4 && (d->t.tok[j].flags & GM_TF_CAP); j++)
        if (street_word(d, j) || is(d, j, "dr") || is(d, j, "ln") || is(d, j, "court") || is(d, j, "place") ||
            is(d, j, "way") || is(d, j, "terrace") || is(d, j, "circle"))
            return true;
    return false;
}

/* "to death" follows at k, or after the person the verb befalls ("beat a man to death", "hacked
 * two villagers to death"). */
static bool to_death_after(const gm_doc *d, size_t k, size_t s1)
{
    for (size_t j = k; j + 1 < s1 && j < k + 6; j++) {
        if (is(d, j, "to") && is(d, j + 1, "death"))
            return true;
        if (d->t.tok[j].type == GM_TOK_PUNCT)
            return false;
    }
    return false;
}

/* The sentence s0..s1 tells a death by another word than the one at k ("one fatally", "killed"). */
static bool other_kill_cue(const gm_doc *d, size_t s0, size_t s1, size_t k)
{
    for (size_t j = s0; j < s1; j++)
        if (j != k && (IN(d, j, KILL_VERB) || is(d, j, "dead") || is(d, j, "fatally") || is(d, j, "killing")))
            return true;
    return false;
}

/* The sentence names a year ("in 2004", "In March 2008,") before the document's own: more than
 * a year before it, or the year before when the document is dated after February; for a document
 * without a date, a year before OLD_YEAR ("killed in 1775").  *month is the month written before
 * the year (1-12), or 0. */
static int year_before_doc(const gm_doc *d, const gm_sentence *se, int *month)
{
    *month = 0;
    long doc_year = OLD_YEAR + 1;
    unsigned doc_month = 1, doc_day;
    if (d->has_date)
        gm_date_civil(d->date_days, &doc_year, &doc_month, &doc_day);
    for (size_t k = se->tok_start + 1; k < se->tok_end; k++) {
        const gm_token *t = &d->t.tok[k];
        if (t->type != GM_TOK_NUM || t->end - t->start != 4 || !(is(d, k - 1, "in") || IN(d, k - 1, MONTHS)))
            continue;
        double y;
        if (!gm_tok_number(&d->t, t, &y) || y < 1000)
            continue;
        /* "in 1500 block of", "in 1800 blk of Topping", "in 1200 Grand Avenue": an address, not a year */
        if (is(d, k + 1, "block") || is(d, k + 1, "blocks") || is(d, k + 1, "blk") || is(d, k + 1, "of") ||
            IN(d, k + 1, NON_PERSON) || street_after(d, k + 1, se->tok_end))
            continue;
        if (y < doc_year - 1 || (y == doc_year - 1 && doc_month > 2)) {
            for (int m = 0; m < 12 && IN(d, k - 1, MONTHS); m++)
                if (is(d, k - 1, MONTHS[m]))
                    *month = m + 1;
            return (int)y;
        }
    }
    return 0;
}

static bool hypothetical(const gm_doc *d, size_t s0, size_t cue)
{
    size_t from = cue > s0 + 4 ? cue - 4 : s0;
    bool to = cue > s0 && is(d, cue - 1, "to"); /* "to kill" */
    for (size_t k = from; k < cue; k++)
        if (IN(d, k, MODALS) || is(d, k, "capable") ||
            (to && (is(d, k, "potential") || is(d, k, "enough") || is(d, k, "designed") || is(d, k, "intended") ||
                    is(d, k, "plotted") || is(d, k, "planned") || is(d, k, "plan") || is(d, k, "plot") ||
                    is(d, k, "threatened") || is(d, k, "threatening") || is(d, k, "vowed") || is(d, k, "effort") ||
                    is(d, k, "bid"))))
            return true; /* "a dose with the potential to kill 1,400", "enough explosives to kill" */
    /* "it could have hit her in the heart and killed her": what did not happen */
    for (size_t k = cue > s0 + 10 ? cue - 10 : s0; k + 1 < cue; k++)
        if ((is(d, k, "could") || is(d, k, "would") || is(d, k, "might")) && is(d, k + 1, "have"))
            return true;
    return false;
}

/* "suicide" at k tells a death: "a suicide", "an apparent suicide", "died by suicide", "committed
 * suicide" (not a suicide bomber or attack, "attempted suicide", a murder-suicide, a suicide
 * hotline). */
static bool suicide_death(const gm_doc *d, size_t s0, size_t s1, size_t k)
{
    if (k == s0 || !(is(d, k - 1, "a") || is(d, k - 1, "apparent") || is(d, k - 1, "possible") ||
                     is(d, k - 1, "probable") || is(d, k - 1, "by") || is(d, k - 1, "committed") ||
                     is(d, k - 1, "commits") || is(d, k - 1, "ruled")))
        return false;
    for (size_t j = k >= s0 + 3 ? k - 3 : s0; j < k; j++)
        if (is(d, j, "attempted") || is(d, j, "attempt") || is(d, j, "tried") || is(d, j, "not") ||
            is(d, j, "prevent") || is(d, j, "risk"))
            return false;
    if (k + 1 < s1 && d->t.tok[k + 1].type == GM_TOK_WORD &&
        (is(d, k + 1, "bomber") || is(d, k + 1, "bombers") || is(d, k + 1, "bombing") || is(d, k + 1, "bombings") ||
         is(d, k + 1, "attack") || is(d, k + 1, "attacks") || is(d, k + 1, "attacker") || is(d, k + 1, "vest") ||
         is(d, k + 1, "car") || is(d, k + 1, "truck") || is(d, k + 1, "mission") || is(d, k + 1, "prevention") ||
         is(d, k + 1, "hotline") || is(d, k + 1, "rate") || is(d, k + 1, "rates") || is(d, k + 1, "attempt") ||
         is(d, k + 1, "attempts") || is(d, k + 1, "watch") || is(d, k + 1, "note") || is(d, k + 1, "squad") ||
         is(d, k + 1, "belt") || is(d, k + 1, "drone") || is(d, k + 1, "drones") || is(d, k + 1, "pact") ||
         is(d, k + 1, "risk") || is(d, k + 1, "bomb") || is(d, k + 1, "bombs") || is(d, k + 1, "crisis")))
        return false;
    return !hypothetical(d, s0, k);
}

/* "in two-and-a-half years", "over the past 18 months": the words before the number at k name a
 * span of time (not "for two years, the family has waited") */
static bool span_of_time(const gm_doc *d, size_t s0, size_t k)
{
    for (size_t j = k, steps = 0; j-- > s0 && steps < 6; steps++) {
        if (is(d, j, "in") || is(d, j, "over") || is(d, j, "during") || is(d, j, "within") || is(d, j, "past") ||
            is(d, j, "last"))
            return true;
        if (d->t.tok[j].type != GM_TOK_NUM && !gm_tok_is(&d->t.tok[j], '-') && !is(d, j, "and") && !is(d, j, "a") &&
            !is(d, j, "the") && !is(d, j, "half"))
            return false;
    }
    return false;
}

/* The plural event noun at k counts unconnected incidents: "three overnight shootings", "17
 * shootings", "weekend shootings", "a series of shootings", "shootings across the city" (not "the
 * shootings", "two Daytona Beach shootings" of one feud, which a story tells as one). */
static bool several_events(const gm_doc *d, const gm_sentence *se, size_t k)
{
    for (size_t j = k; j-- > se->tok_start && j + 3 > k;) {
        const gm_token *t = &d->t.tok[j];
        double v = number_value(d, j);
        if (v >= 3 || is(d, j, "weekend") || is(d, j, "separate") || is(d, j, "unrelated") ||
            (is(d, j, "of") && j > se->tok_start && is(d, j - 1, "series")))
            return true;
        if (t->flags & GM_TF_CAP)
            break;
    }
    return k + 1 < se->tok_end && (is(d, k + 1, "across") || is(d, k + 1, "throughout"));
}

/* "10 dead, 23 wounded in Chicago shootings": a count this large over shootings is a city's roundup
 * (two connected shootings with a few victims are told as one) */
#define ROUNDUP_MIN 8

/* The dead or hurt near cue are someone's own: "killing his three siblings", "her two sons were
 * shot" - people of one event, not a tally of the year's dead. */
static bool own_people(const gm_doc *d, const gm_sentence *se, size_t cue)
{
    size_t a = cue >= se->tok_start + 4 ? cue - 4 : se->tok_start, b = cue + 4 < se->tok_end ? cue + 4 : se->tok_end;
    for (size_t k = a; k < b; k++)
        if (is(d, k, "his") || is(d, k, "her") || is(d, k, "their"))
            return true;
    return false;
}

/* The sentence ties its numbers to one attack ("in the attack", "the death toll from Monday's
 * missile strike") and names no period ("since", "this year", "the war"): its "so far", "to date"
 * or "in total" is a toll still counted, not a tally over time. */
static bool one_attack_told(const gm_doc *d, const gm_sentence *se)
{
    bool one = false;
    for (size_t k = se->tok_start; k < se->tok_end; k++) {
        if (IN(d, k, PERIOD_WORDS) && !is(d, k, "total"))
            return false;
        if (!(is(d, k, "attack") || is(d, k, "strike") || is(d, k, "shooting") || is(d, k, "blast") ||
              is(d, k, "bombing") || is(d, k, "explosion") || is(d, k, "raid") || is(d, k, "ambush") ||
              is(d, k, "massacre") || is(d, k, "stabbing")))
            continue;
        for (size_t j = k; j > se->tok_start && j + 3 > k; j--)
            if (is(d, j - 1, "the") || is(d, j - 1, "this") || is(d, j - 1, "that") || is(d, j - 1, "a") ||
                is(d, j - 1, "an") || (d->t.tok[j - 1].flags & GM_TF_POSSESSIVE))
                one = true;
    }
    return one;
}

static bool period_total(const gm_doc *d, const gm_sentence *se, size_t cue, long n)
{
    if (n >= 5000)
        return true;
    /* "since 2022", "this year", "so far", "to date": a tally over a period, whatever its size */
    size_t clause_end = se->tok_end; /* "four were hurt, and so far three have been released": another clause */
    for (size_t k = cue + 1; k < se->tok_end && clause_end == se->tok_end; k++)
        if (is(d, k, "and") || is(d, k, "but"))
            clause_end = k;
    for (size_t k = se->tok_start; k < se->tok_end; k++) {
        if (((is(d, k, "so") && is(d, k + 1, "far")) || (is(d, k, "to") && is(d, k + 1, "date")) ||
             (is(d, k, "in") && is(d, k + 1, "total"))) &&
            k < clause_end)
            return n >= 2 && !one_attack_told(d, se);
        /* "20 people shot over a span of 80 hours" (the span right after the cue) */
        if (k > cue && k <= cue + 6 && is(d, k, "span") && is(d, k + 1, "of") && k + 2 < se->tok_end &&
            number_at(d, k + 2))
            return n >= 2;
        /* "in two-and-a-half years", "over the past 18 months", "since January 2014": a span of time */
        if ((is(d, k, "years") || is(d, k, "months") || is(d, k, "decades")) && k > se->tok_start &&
            (d->t.tok[k - 1].type == GM_TOK_NUM || is(d, k - 1, "half") ||
             gm_number_word(gm_tok_fold(&d->t, &d->t.tok[k - 1]), d->t.tok[k - 1].fold_len) > 1) &&
            span_of_time(d, se->tok_start, k - 1) &&
            !is(d, k + 1, "old") && !(k + 1 < se->tok_end && gm_tok_is(&d->t.tok[k + 1], '-')))
            return n >= 2;
        /* "in the first 41 days of 2017", "over the past three weeks": a week and more (not "in
         * seven days", a weekly report's toll) */
        if ((is(d, k, "days") || is(d, k, "weeks")) && k > se->tok_start + 1 && n >= 2 &&
            (is(d, k - 2, "first") || is(d, k - 2, "past") || is(d, k - 2, "last")) && !is(d, k + 1, "old")) {
            double v = number_value(d, k - 1);
            if ((is(d, k, "days") && v >= 7) || (is(d, k, "weeks") && v >= 2))
                return true;
        }
        if (is(d, k, "since") && k + 1 < se->tok_end &&
            ((d->t.tok[k + 1].type == GM_TOK_NUM && d->t.tok[k + 1].end - d->t.tok[k + 1].start == 4) ||
             IN(d, k + 1, MONTHS)))
            return n >= 2;
        /* "the worst loss of life since a plane crashed into a school in 1978, killing 40": the
         * event compared with, told with its year before the cue */
        if (is(d, k, "since") && k < cue)
            for (size_t j = k + 1; j + 1 < cue && j < k + 20; j++)
                if (is(d, j, "in") && d->t.tok[j + 1].type == GM_TOK_NUM &&
                    d->t.tok[j + 1].end - d->t.tok[j + 1].start == 4)
                    return true;
        /* "45 such shootings", "in separate incidents across the city": several events summed */
        if ((is(d, k, "shootings") || is(d, k, "incidents") || is(d, k, "attacks") || is(d, k, "homicides")) &&
            k > se->tok_start &&
            (is(d, k - 1, "separate") ||
             (is(d, k - 1, "such") && k - 1 > se->tok_start && d->t.tok[k - 2].type == GM_TOK_NUM)))
            return n >= 2;
        /* "among 70 people wounded in gun violence over the holiday weekend": a city's roundup */
        if (is(d, k, "gun") && is(d, k + 1, "violence") && n >= ROUNDUP_MIN)
            return true;
        /* "six people wounded in three shootings", "7 dead in weekend shootings across the city": a
         * sum over several incidents, none of them told by it */
        if ((is(d, k, "shootings") || is(d, k, "stabbings") || is(d, k, "homicides")) &&
            (several_events(d, se, k) || n >= ROUNDUP_MIN))
            return n >= 2;
        /* "18 people were shot Monday night in what police call family disputes" */
        if ((is(d, k, "disputes") || is(d, k, "fights") || is(d, k, "crimes") || is(d, k, "incidents")) &&
            n >= ROUNDUP_MIN)
            return true;
        /* after the cue: "72 soldiers killed this year", not "the deadliest strike this year killed 12" */
        /* but "since the beginning of the day", "since this morning", "since midnight" is a day's count */
        bool today = is(d, k, "since") && !IN(d, k + 1, WEEKDAYS) &&
                     (is(d, k + 1, "midnight") || is(d, k + 1, "morning") || is(d, k + 2, "morning") ||
                                           is(d, k + 1, "dawn") || is(d, k + 1, "yesterday") ||
                                           (is(d, k + 2, "beginning") && is(d, k + 5, "day")) || is(d, k + 2, "start"));
        if (k > cue && k <= cue + 8 && !today && !own_people(d, se, cue) &&
            (is(d, k, "since") || ((is(d, k, "this") || is(d, k, "last") || is(d, k, "past")) &&
                                   (is(d, k + 1, "year") || is(d, k + 1, "month") || is(d, k + 1, "decade")))))
            return n >= 2;
    }
    if (n < 100)
        return false;
    for (size_t k = se->tok_start; k < se->tok_end; k++)
        if (IN(d, k, PERIOD_WORDS))
            return true;
    return false;
}

/* Token k names those who fire, not those fired on. */
static bool attackers(const gm_doc *d, size_t k)
{
    return is(d, k, "gunmen") || is(d, k, "attackers") || is(d, k, "suspects") || is(d, k, "assailants") ||
           is(d, k, "shooters") || is(d, k, "militants") || is(d, k, "insurgents") || is(d, k, "rebels") ||
           is(d, k, "extremists") || is(d, k, "terrorists") || is(d, k, "jihadists") || is(d, k, "bandits");
}

/* Tokens a..b-1 say who the people of a count are, between commas: "three people, two men and a
 * woman, were found": numbers, articles, people and "and", with one person at least (after a
 * word for anyone: "Five troops, 19 civilians, killed" is a list). */
static bool who_they_are(const gm_doc *d, size_t a, size_t b)
{
    bool person = false;
    if (a >= b || !(number_at(d, a) || is(d, a, "a") || is(d, a, "an")))
        return false;
    for (size_t k = a; k < b; k++) {
        bool p = IN(d, k, PERSON_PL) || IN(d, k, PERSON_SG);
        if (!(p || number_at(d, k) || is(d, k, "a") || is(d, k, "an") || is(d, k, "and")))
            return false;
        person |= p;
    }
    return person;
}

/* Token k opens an aside closed by punctuation `punct`: the same comma or dash (a hyphen only with
 * a space before it, not the one in "16-year-old"). */
static bool aside_mark(const gm_token *k, unsigned char punct)
{
    return k->type == GM_TOK_PUNCT && k->punct == punct && (punct != '-' || (k->flags & GM_TF_SPACE_BEFORE));
}

/* Token k is the plural noun that heads a count, though no list of people has it: "two climbers
 * died", "three hikers were shot" - a lower-case plural that is no thing, animal, month or cue,
 * with nothing but fillers between it and the cue. */
static bool plural_head(const gm_doc *d, size_t k, size_t cue)
{
    const gm_token *t = &d->t.tok[k];
    if (t->type != GM_TOK_WORD || (t->flags & GM_TF_CAP) || t->fold_len < 4)
        return false;
    const char *f = gm_tok_fold(&d->t, t);
    if (f[t->fold_len - 1] != 's' || f[t->fold_len - 2] == 's' || IN(d, k, NON_PERSON) || IN(d, k, ANIMALS) ||
        IN(d, k, KILL_VERB) || IN(d, k, INJ_VERB) || IN(d, k, KILL_NOUN) || IN(d, k, INJ_NOUN) ||
        IN(d, k, ILLNESS) || IN(d, k, PERIOD_WORDS) || IN(d, k, FILLER) || is(d, k, "was") || is(d, k, "has") ||
        is(d, k, "is") || is(d, k, "this") || is(d, k, "its") || is(d, k, "his") || is(d, k, "hers") ||
        is(d, k, "ours") || is(d, k, "yours") || is(d, k, "theirs") || is(d, k, "as") || is(d, k, "us"))
        return false;
    /* "five reports of people shot": what the noun holds is counted, not the noun */
    for (size_t j = k + 1; j < cue; j++)
        if (!IN(d, j, FILLER) || is(d, j, "of"))
            return false;
    return true;
}

/* The items of a list that end before token *q, joined to it by "and" or a comma ("a 15-year-old
 * girl, two women and" ...): the sum of their people; *q moves to the first item's first token. */
static long list_before(const gm_doc *d, size_t s0, size_t *q)
{
    long sum = 0, head;
    while (*q >= s0 + 2 && (is(d, *q - 1, "and") || gm_tok_is(&d->t.tok[*q - 1], ',')) &&
           (head = list_item_before(d, s0, *q - 1, q)) > 0)
        sum += head;
    return sum;
}

/* Token k is a verb that takes lives ("claimed", "took", "cost", "lost"), said of one attack: not
 * of "clashes", "incidents" or "days of" fighting told just before it, whose toll is a tally. */
static bool lives_taken(const gm_doc *d, size_t k)
{
    if (!(is(d, k, "claimed") || is(d, k, "claiming") || is(d, k, "claims") || is(d, k, "took") ||
          is(d, k, "taking") || is(d, k, "takes") || is(d, k, "cost") || is(d, k, "costing") || is(d, k, "costs") ||
          is(d, k, "lost")))
        return false;
    for (size_t j = k; j-- > 0 && j + 9 > k;)
        if (is(d, j, "clashes") || is(d, j, "incidents") || is(d, j, "attacks") || is(d, j, "shootings") ||
            is(d, j, "strikes") || is(d, j, "bombings") || is(d, j, "days") || is(d, j, "weeks") ||
            is(d, j, "months") || is(d, j, "years") || is(d, j, "war") || is(d, j, "violence") ||
            is(d, j, "fighting") || is(d, j, "conflict"))
            return false;
    return true;
}

/* Token k makes the participle after it passive: "were", "was", "been", "is", "got" ... */
static bool auxiliary(const gm_doc *d, size_t k)
{
    return is(d, k, "were") || is(d, k, "was") || is(d, k, "been") || is(d, k, "are") || is(d, k, "is") ||
           is(d, k, "be") || is(d, k, "being") || is(d, k, "got");
}

/* Finds the count for a cue; returns true with *c set, or false. */
static bool count_for_cue(const gm_doc *d, size_t s0, size_t s1, size_t cue, bool verb, gm_count *c)
{
    bool passive = cue > s0 && auxiliary(d, cue - 1);
    /* after an active verb: "killed three people", "wounding 90 more" */
    bool intransitive = is(d, cue, "died") || is(d, cue, "dies") || is(d, cue, "die") || is(d, cue, "perished") ||
                        is(d, cue, "succumbed");
    /* "2 Injured After Shooting", "Two Critically Injured After Shooting": a number right before
     * the verb (or its adverb) is its subject (a headline's capitalised words after it are no
     * one's name) */
    size_t sc = cue;
    if (sc > s0 + 1 && harm_adverb(d, sc - 1))
        sc--;
    bool subject_count = sc > s0 && number_at(d, sc - 1) && !not_a_count(d, sc - 1, sc);
    /* a headline's capitalised preposition right after the verb: it has no object ("Two Men
     * Killed By Police In Dayton", whose "By Police" is no one's name) */
    bool no_object = cue + 1 < s1 && cap_preposition(d, cue + 1);
    if (verb && !passive && !intransitive && !subject_count && !no_object) {
        size_t p = cue + 1;
        /* a verb that harms the people it names ("shot dead" counts its own too) */
        bool harms = IN(d, cue, KILL_VERB) || IN(d, cue, INJ_VERB) || is(d, cue, "dead");
        /* "wounding another 14", "and injured a further 30", "an additional 12": the number after */
        if (p + 1 < s1 && is(d, p, "another") && number_at(d, p + 1))
            p++;
        else if (p + 2 < s1 && (is(d, p, "a") || is(d, p, "an")) && (is(d, p + 1, "further") || is(d, p + 1, "additional")) &&
                 number_at(d, p + 2))
            p += 2;
        /* "killing three people", and "shot his two daughters" */
        if ((p < s1 && count_at(d, p, s1, false, c)) ||
            (p + 1 < s1 && (is(d, p, "his") || is(d, p, "her") || is(d, p, "their")) &&
             count_at(d, p + 1, s1, true, c))) {
            /* "killing a woman and her son": the list goes on after the first count */
            long listed;
            if (!c->vague && !c->overflow && harms &&
                (listed = people_after_of(d, p, s1)) > c->value && listed < 100) {
                c->value = c->low = c->high = listed;
                c->qualifier = NULL;
            }
            return true;
        }
        /* "fatally shot his teenage brother and his girlfriend", "killing her and another woman",
         * "shooting his parents and three younger siblings" */
        if (p < s1 && harms && !group_of_at(d, p, s1)) {
            long n = people_after_of(d, p, s1);
            if (n > 0 && n < 100) {
                memset(c, 0, sizeof *c);
                c->value = c->low = c->high = n;
                c->tok_start = p;
                c->tok_end = p + 1;
                return true;
            }
        }
        /* "killed two people and wounded a third before fleeing": one more person */
        if (p + 1 < s1 && is(d, p, "a") && harms && ordinal_word(d, p + 1) &&
            (p + 2 == s1 || d->t.tok[p + 2].type == GM_TOK_PUNCT || is(d, p + 2, "before") || is(d, p + 2, "in") ||
             is(d, p + 2, "as") || is(d, p + 2, "and") || is(d, p + 2, "during"))) {
            memset(c, 0, sizeof *c);
            c->value = c->low = c->high = 1;
            c->tok_start = p;
            c->tok_end = p + 2;
            return true;
        }
        /* "killed three and wounded another in ...": one more person */
        if (p < s1 && is(d, p, "another") && harms &&
            (p + 1 == s1 || d->t.tok[p + 1].type == GM_TOK_PUNCT || is(d, p + 1, "in") || is(d, p + 1, "at") ||
             is(d, p + 1, "on") || is(d, p + 1, "near") || is(d, p + 1, "outside") || is(d, p + 1, "inside") ||
             is(d, p + 1, "before") || is(d, p + 1, "as") || is(d, p + 1, "who") || is(d, p + 1, "and") ||
             is(d, p + 1, "during"))) {
            memset(c, 0, sizeof *c);
            c->value = c->low = c->high = 1;
            c->tok_start = p;
            c->tok_end = p + 1;
            return true;
        }
        /* "shot himself", "killing herself" */
        if (p < s1 && (is(d, p, "himself") || is(d, p, "herself"))) {
            memset(c, 0, sizeof *c);
            c->value = c->low = c->high = 1;
            c->tok_start = p;
            c->tok_end = p + 1;
            return true;
        }
    }
    /* "left one man dead and another critically injured", "two were shot dead and a third was
     * wounded": one more person */
    size_t om = sc;
    if (om > s0 + 1 && (is(d, om - 1, "was") || is(d, om - 1, "is")))
        om--;
    if (om > s0 && (is(d, om - 1, "another") ||
                   (om > s0 + 1 && is(d, om - 2, "a") && ordinal_word(d, om - 1))) &&
        (om - 1 == s0 || is(d, om - 2, "and") || (om >= s0 + 3 && is(d, om - 3, "and")) ||
         gm_tok_is(&d->t.tok[om - 2], ','))) {
        memset(c, 0, sizeof *c);
        c->value = c->low = c->high = 1;
        c->tok_start = is(d, om - 1, "another") ? om - 1 : om - 2;
        c->tok_end = om;
        return true;
    }
    /* before: "three people were killed", "12 dead", "two children and their mother were killed" */
    size_t lo = cue > s0 + 8 ? cue - 8 : s0, aside_lo = SIZE_MAX, aside_hi = SIZE_MAX;
    for (size_t p = cue; p-- > lo;) {
        const gm_token *t = &d->t.tok[p];
        if (t->type == GM_TOK_PUNCT &&
            (t->punct == ',' || t->punct == GM_P_DASH || (t->punct == '-' && (t->flags & GM_TF_SPACE_BEFORE))) &&
            p > s0) {
            /* "another two, including a baby, were hospitalized", "2 people - including a girl -
             * were shot dead": step over the aside */
            size_t q = p;
            while (q-- > s0 && q + 12 > p && !aside_mark(&d->t.tok[q], t->punct))
                ;
            /* (", most of them women,", ", among them two children,") */
            bool part_of = ((is(d, q + 1, "most") || is(d, q + 1, "all") || is(d, q + 1, "many") ||
                             is(d, q + 1, "some") || is(d, q + 1, "half")) &&
                            is(d, q + 2, "of") && is(d, q + 3, "them")) ||
                           /* ("- three of them teenagers -") */
                           (number_at(d, q + 1) && is(d, q + 2, "of") && is(d, q + 3, "them")) ||
                           (is(d, q + 1, "among") && is(d, q + 2, "them")) ||
                           (q > s0 && (is(d, q - 1, "people") || is(d, q - 1, "persons") || is(d, q - 1, "victims")) &&
                            who_they_are(d, q + 1, p));
            /* "the victims, ages 19 and 21, were pronounced dead": as many as the ages */
            if (q > s0 && q < p && t->punct == ',' && gm_tok_is(&d->t.tok[q], ',') && is(d, q + 1, "ages") &&
                IN(d, q - 1, PERSON_PL)) {
                size_t j = q + 2;
                long ages = ages_listed(d, &j, p);
                if (j == p && ages >= 2) {
                    memset(c, 0, sizeof *c);
                    c->value = c->low = c->high = ages;
                    c->tok_start = q - 1;
                    c->tok_end = q;
                    return true;
                }
            }
            if (q > s0 && q < p && aside_mark(&d->t.tok[q], t->punct) && (is(d, q + 1, "including") || part_of)) {
                aside_lo = q;
                aside_hi = p + 1;
                p = q;
                lo = lo > 6 && q > lo ? lo : (q > s0 + 6 ? q - 6 : s0);
                continue;
            }
        }
        /* a headline's list closed by a comma: "Five troops, 19 civilians, killed in blast" */
        if (p + 1 == cue && t->type == GM_TOK_PUNCT && t->punct == ',' && p >= s0 + 2 && IN(d, p - 1, PERSON_PL) &&
            number_at(d, p - 2))
            continue;
        if (t->type == GM_TOK_PUNCT && t->punct != '-')
            break;
        /* "three other people ranging in age from 16 to 22 were treated", "three men between the
         * ages of 18 and 23 received": the count before the ages */
        if (number_at(d, p)) {
            size_t first = p;
            if (first >= s0 + 2 && (is(d, first - 1, "and") || is(d, first - 1, "to")) && number_at(d, first - 2))
                first -= 2;
            size_t ages = age_range_start(d, s0, first);
            if (ages != SIZE_MAX && ages > s0) {
                aside_lo = ages;
                aside_hi = p + 1;
                lo = ages > s0 + 6 ? (ages - 6 < lo ? ages - 6 : lo) : s0;
                p = ages;
                continue;
            }
        }
        if (p + 1 < cue && (is(d, p, "and") || is(d, p, "but") || is(d, p, "while") || is(d, p, "after") ||
                            is(d, p, "when") || IN(d, p, KILL_VERB) || IN(d, p, INJ_VERB)))
            break;
        gm_count cc;
        if (children_count(d, s0, p) || !count_at(d, p, cue, false, &cc))
            continue;
        /* "at least 12", "30 to 40": a parse starting a little earlier that ends at the same place */
        for (size_t back = 1; back <= 3 && p >= lo + back; back++) {
            gm_count wider;
            if (gm_parse_count(&d->t, p - back, false, &wider) && wider.tok_end == cc.tok_end && !wider.overflow) {
                cc = wider;
                p -= back;
                back = 0;
            }
        }
        /* "Teen who shot 4 is killed by police": a count right after "who shot" is its object, not
         * the subject of the cue */
        if (p >= s0 + 2 && who_verb_at(d, p - 1))
            continue;
        /* "five civilians including two children die": the count before "including" */
        if (p >= lo + 1 && is(d, p - 1, "including")) {
            aside_lo = p - 1;
            aside_hi = cc.tok_end + (cc.tok_end < cue && (IN(d, cc.tok_end, PERSON_PL) || IN(d, cc.tok_end, PERSON_SG)));
            continue;
        }
        /* tokens between the count and the cue must be fillers or people */
        bool ok = true;
        for (size_t k = cc.tok_end; k < cue; k++) {
            if (k >= aside_lo && k < aside_hi)
                continue;
            const gm_token *tk = &d->t.tok[k];
            if (tk->type == GM_TOK_PUNCT && (tk->punct == '-' || (tk->punct == ',' && k + 1 == cue)))
                continue; /* (and the comma that closes a headline's list, above) */
            /* "50 self-defense fighters": the parts of a hyphenated word */
            if (k + 1 < cue && gm_tok_is(&d->t.tok[k + 1], '-') && d->t.tok[k + 1].start == tk->end)
                continue;
            if (k > cc.tok_end && gm_tok_is(&d->t.tok[k - 1], '-') && d->t.tok[k - 1].end == tk->start)
                continue;
            /* "six members of one family", "of the same family" */
            if (is(d, k, "of")) {
                size_t f = k + 1 + (is(d, k + 1, "one") || is(d, k + 1, "a") || is(d, k + 1, "the") ||
                                    is(d, k + 1, "his") || is(d, k + 1, "her") || is(d, k + 1, "their"));
                f += is(d, f, "same");
                if (f < cue && (is(d, f, "family") || is(d, f, "household"))) {
                    k = f;
                    continue;
                }
            }
            /* "the five people shot and killed Friday": the "and" of the pair, in a reduced relative
             * ("were shot and killed" is the cue "shot"'s) */
            if (k + 1 == cue && k > cc.tok_end + 1 && is(d, k, "and") && is(d, k - 1, "shot") && !auxiliary(d, k - 2))
                continue;
            if (!(IN(d, k, FILLER) || IN(d, k, PERSON_PL) || IN(d, k, PERSON_SG) || (tk->flags & GM_TF_CAP) ||
                  plural_head(d, k, cue))) {
                ok = false;
                break;
            }
        }
        if (!ok)
            continue;
        *c = cc;
        /* "he and three others were shot": the one before "and" counts too */
        if (cc.tok_end < d->t.ntok && is(d, cc.tok_end, "others") && p >= 2 && is(d, p - 1, "and") &&
            (is(d, p - 2, "he") || is(d, p - 2, "she") || IN(d, p - 2, PERSON_SG)) && c->value > 0) {
            c->value += 1;
            c->low = c->low >= 0 ? c->low + 1 : -1;
            c->high = c->high >= 0 ? c->high + 1 : -1;
        }
        /* "twelve civilians and three soldiers were killed", "two young children and an adult", "a
         * 15-year-old girl, two women and a man were shot": the counts of a list add up */
        size_t q = p;
        /* "a man, his wife and their three children" */
        if (q > s0 + 2 && (is(d, q - 1, "their") || is(d, q - 1, "his") || is(d, q - 1, "her")))
            q--;
        long more = list_before(d, s0, &q);
        if (more > 0) {
            c->value += more;
            c->low = c->high = c->value;
            c->tok_start = q;
        }
        /* "one of five victims ... died": the one (but "a teenager, one of two people injured in
         * the shooting": the participle right after tells the two) */
        bool participle = (c->tok_end == cue || (c->tok_end + 1 == cue && (IN(d, c->tok_end, PERSON_PL) ||
                                                                            IN(d, c->tok_end, PERSON_SG)))) &&
                          !is(d, cue, "died") && !is(d, cue, "dies") && !is(d, cue, "die");
        if (p >= s0 + 2 && is(d, p - 1, "of") && !c->vague && !participle) {
            gm_count part;
            if (gm_parse_count(&d->t, p - 2, false, &part) && part.tok_end == p - 1 && part.value > 0 &&
                part.value < c->value) {
                c->value = c->low = c->high = part.value;
                c->qualifier = NULL;
            }
        }
        return true;
    }
    /* after a noun cue: "the death toll rose to 14" handled by the caller; "killed were 3" rare */
    (void)verb;
    return false;
}

static void set_count(stmt *st, int cat, const gm_count *c, bool implied, bool may_add)
{
    if (c->vague) {
        if (st->n[cat] < 0) {
            st->low[cat] = c->low;
            st->qual[cat] = "at least";
        }
        return;
    }
    if (st->n[cat] >= 0 && implied && !st->implied[cat])
        return; /* "two teenagers were hospitalized after being shot": the number told wins */
    if (st->n[cat] >= 0 && !implied && !st->implied[cat]) {
        /* two counts of a kind in one sentence add up when they are a list ("12 civilians and 3
         * soldiers were killed"); told twice ("killing four ... four dead") they are one */
        if (may_add && c->tok_start > st->count_end[cat] && c->tok_start <= st->count_end[cat] + 3)
            st->n[cat] += c->value;
        else if (c->value > st->n[cat])
            st->n[cat] = c->value;
        st->count_end[cat] = c->tok_end;
        return;
    }
    st->count_end[cat] = c->tok_end;
    st->n[cat] = c->value;
    st->low[cat] = c->low;
    st->high[cat] = c->high;
    st->qual[cat] = c->qualifier;
    st->implied[cat] = implied;
}

static gm_count exact_count(long n)
{
    gm_count c = {.value = n, .low = n, .high = n};
    return c;
}

/* Records count c of kind cat read at cue i: the statement's number, and that the sentence reports
 * casualties from its first cue on. */
static void record(stmt *st, int cat, gm_count c, bool implied, size_t i, bool *any, size_t *first_cue)
{
    set_count(st, cat, &c, implied, true);
    *any = true;
    if (*first_cue == SIZE_MAX)
        *first_cue = i;
}

/* Records an implied count n of kind cat read at cue i ("a fatal shooting": one dead; "a 2-year-old
 * in critical condition": one hurt), unless the sentence already counts that kind; told first in
 * its sentence, it only details an incident counted elsewhere. */
static void record_detail(stmt *st, int cat, long n, size_t i, bool *any, size_t *first_cue)
{
    if (st->n[cat] >= 0)
        return;
    st->detail = !*any;
    record(st, cat, exact_count(n), true, i, any, first_cue);
}

/* The sentence says it tells another event: "In a separate attack", "Elsewhere", "Separately". */
static bool says_separate(const gm_doc *d, uint32_t si)
{
    const gm_sentence *se = &d->t.sent[si];
    size_t s0 = se->tok_start, s1 = se->tok_end;
    for (size_t k = s0; k < s1 && k < s0 + 12; k++)
        if (is(d, k, "separately") || is(d, k, "elsewhere"))
            return true;
    for (size_t k = s0; k + 1 < s1; k++)
        if ((is(d, k, "separate") || is(d, k, "unrelated") || is(d, k, "another") || is(d, k, "other") || is(d, k, "second") ||
             is(d, k, "earlier") || is(d, k, "previous")) &&
            (is(d, k + 1, "attack") || is(d, k + 1, "strike") || is(d, k + 1, "shooting") || is(d, k + 1, "incident") ||
             is(d, k + 1, "bombing") || is(d, k + 1, "stabbing") || is(d, k + 1, "explosion") || is(d, k + 1, "raid") ||
             is(d, k + 1, "case")) &&
            !(k + 2 < s1 && (IN(d, k + 2, PERSON_SG) || IN(d, k + 2, PERSON_PL))))
            return true; /* but "the second shooting victim" is a person */
    return false;
}

/* "a fatal shooting", "Sunday's deadly west Houston shooting", "a fatal gunshot wound" (not "the
 * fatal shooting of X", read elsewhere). */
static bool fatal_event(const gm_doc *d, size_t i, size_t s1)
{
    if (is(d, i + 1, "victim"))
        return true; /* "Fatal victim identified" */
    for (size_t k = i + 1; k < s1 && k <= i + 4; k++) {
        if (is(d, k, "shooting") || is(d, k, "stabbing") || is(d, k, "attack") || is(d, k, "gunshot") ||
            is(d, k, "shootout") || is(d, k, "ambush") || is(d, k, "rampage"))
            return !(k + 1 < s1 && is(d, k + 1, "of"));
        if (d->t.tok[k].type == GM_TOK_PUNCT || IN(d, k, KILL_VERB) || IN(d, k, INJ_VERB))
            return false;
    }
    return false;
}

/* A number (digits or a number word above one) among the three words before token i, with only
 * capitalised words or lower-case modifiers between: "four Platte County (killings)". */
static bool count_shortly_before(const gm_doc *d, size_t s0, size_t i)
{
    for (size_t k = i; k-- > s0 && k + 4 > i;) {
        const gm_token *t = &d->t.tok[k];
        if (t->type == GM_TOK_NUM)
            return true;
        if (t->type != GM_TOK_WORD)
            return false;
        if (gm_number_word(gm_tok_fold(&d->t, t), t->fold_len) > 1)
            return true;
    }
    return false;
}

/* A person noun within three words from k: "(a deceased) white male", "(the deceased) man". */
static bool deceased_person(const gm_doc *d, size_t k, size_t s1)
{
    for (size_t j = k; j < s1 && j < k + 3; j++) {
        if (IN(d, j, PERSON_SG) || is(d, j, "male") || is(d, j, "female"))
            return true;
        if (d->t.tok[j].type != GM_TOK_WORD)
            return false;
    }
    return false;
}

/* Between two cues, "and his son was": the later one has a subject of its own. */
static bool new_subject(const gm_doc *d, size_t x, size_t y)
{
    size_t lo = x < y ? x : y, hi = x < y ? y : x;
    for (size_t k = lo + 1; k + 1 < hi; k++)
        if ((is(d, k, "and") || is(d, k, "while") || gm_tok_is(&d->t.tok[k], ',')) &&
            (is(d, k + 1, "his") || is(d, k + 1, "her") || is(d, k + 1, "their") || is(d, k + 1, "a") ||
             is(d, k + 1, "an") || is(d, k + 1, "the") || is(d, k + 1, "another")))
            return true;
    /* a headline's "Man shot, teen killed", "Father shot, toddler killed" (not "..., one
     * of them was killed", "..., leaving one dead": a part of those shot) */
    for (size_t k = lo + 1; k + 1 < hi; k++) {
        if (!gm_tok_is(&d->t.tok[k], ','))
            continue;
        size_t n = k + 1;
        if (n + 1 < hi && (d->t.tok[n].flags & GM_TF_LOWER) && !IN(d, n, PERSON_SG) && !IN(d, n, PERSON_PL))
            n++; /* "unborn baby" */
        /* the person right before the later cue: "teen killed", "a teen was killed" */
        bool right_before = n + 1 == hi || (n + 2 == hi && (is(d, n + 1, "was") || is(d, n + 1, "were") ||
                                                          is(d, n + 1, "is") || is(d, n + 1, "are")));
        if (right_before && (IN(d, n, PERSON_SG) || IN(d, n, PERSON_PL)) && !is(d, n, "one") && !is(d, n, "he") &&
            !is(d, n, "she") && !is(d, n, "someone") && !is(d, n, "others"))
            return true;
    }
    return false;
}

/* The attacker's death by his own hand at token k: "killed himself", "turned the gun on himself",
 * "took his own life" (not "tried to kill himself", "shot himself in the leg").  "shot himself"
 * sets *shot: a death only after he has killed others ("killed his wife before shooting himself"). */
static bool self_killing_at(const gm_doc *d, size_t s0, size_t s1, size_t k, bool *shot)
{
    *shot = false;
    if (!is(d, k, "himself") && !is(d, k, "herself") && !is(d, k, "life"))
        return false; /* the common case, cheaply */
    *shot = (is(d, k, "himself") || is(d, k, "herself")) && k > s0 &&
            (is(d, k - 1, "shot") || is(d, k - 1, "shooting") || is(d, k - 1, "shoots"));
    bool reflexive = (is(d, k, "himself") || is(d, k, "herself")) && k > s0 &&
                     (is(d, k - 1, "killed") || is(d, k - 1, "killing") || is(d, k - 1, "kills") || *shot ||
                      (k > s0 + 1 && is(d, k - 1, "on") && (is(d, k - 2, "gun") || is(d, k - 2, "weapon") ||
                                                             is(d, k - 2, "rifle") || is(d, k - 2, "pistol"))));
    /* (a headline drops the possessive: "Student Takes Own Life") */
    size_t tv = k >= s0 + 3 && (is(d, k - 2, "his") || is(d, k - 2, "her")) ? k - 3 : k - 2;
    bool own_life = is(d, k, "life") && k > s0 + 1 && is(d, k - 1, "own") &&
                    (is(d, tv, "took") || is(d, tv, "taking") || is(d, tv, "take") || is(d, tv, "takes") ||
                     is(d, tv, "ended") || is(d, tv, "ending"));
    if (!reflexive && !own_life)
        return false;
    if (k + 2 < s1 && is(d, k + 1, "in") && (is(d, k + 2, "the") || is(d, k + 2, "his") || is(d, k + 2, "her")))
        return false; /* "shot himself in the leg" */
    for (size_t j = k > s0 + 5 ? k - 5 : s0; j < k; j++)
        if (is(d, j, "tried") || is(d, j, "attempted") || is(d, j, "threatened") || is(d, j, "threatening") ||
            is(d, j, "accidentally") || is(d, j, "not"))
            return false;
    return !hypothetical(d, s0, k);
}

/* "rose", "has risen", "climbed", "increased" (to a number) */
static bool rise_verb(const gm_doc *d, size_t k)
{
    return is(d, k, "rose") || is(d, k, "risen") || is(d, k, "rises") || is(d, k, "rise") || is(d, k, "climbed") ||
           is(d, k, "climbs") || is(d, k, "increased") || is(d, k, "increases") || is(d, k, "grew") ||
           is(d, k, "grown") || is(d, k, "jumped") || is(d, k, "reached") || is(d, k, "reaches");
}

/* "... has died", "later died", "has since died" in tokens [k, s1): the one hurt died after */
static bool later_died(const gm_doc *d, size_t k, size_t s1)
{
    for (; k < s1; k++) {
        if (IN(d, k, KILL_VERB) && !is(d, k, "died") && !is(d, k, "dies"))
            return false;
        if ((is(d, k, "died") || is(d, k, "dies")) &&
            (is(d, k - 1, "has") || is(d, k - 1, "have") || is(d, k - 1, "later") || is(d, k - 1, "since") ||
             is(d, k - 1, "subsequently") || is(d, k - 1, "now")))
            return true;
    }
    return false;
}

/* The count of the dead includes the attacker: "three people, including the gunman, died". */
static bool attacker_counted(const gm_doc *d, size_t s0, size_t s1)
{
    for (size_t k = s0; k + 2 < s1; k++)
        if ((is(d, k, "including") || is(d, k, "among")) && is(d, k + 1, "the") &&
            (is(d, k + 2, "gunman") || is(d, k + 2, "shooter") || is(d, k + 2, "suspect") || is(d, k + 2, "attacker")))
            return true;
    return false;
}

/* "gunshot wounds", "a gunshot wound", "stab wounds", "multiple gunshot wounds" at k */
static bool wound_phrase(const gm_doc *d, size_t k)
{
    if (is(d, k, "a") || is(d, k, "multiple") || is(d, k, "several"))
        k++;
    return (is(d, k, "gunshot") || is(d, k, "stab")) && (is(d, k + 1, "wounds") || is(d, k + 1, "wound"));
}

/* Injuries or wounds, or a hospital, within four words from k: "suffered gunshot wounds", "received
 * life-threatening injuries", "treated at a hospital", "taken to area hospitals". */
static bool wounds_after(const gm_doc *d, size_t k, size_t s1)
{
    /* four words, the hyphens of "non-life-threatening" not counted */
    for (size_t j = k, words = 0; j < s1 && words < 4; j++) {
        words += !gm_tok_is(&d->t.tok[j], '-');
        if (is(d, j, "injuries") || is(d, j, "injury") || is(d, j, "wounds") || is(d, j, "wound") ||
            is(d, j, "hospital") || is(d, j, "hospitals"))
            return true;
        if (d->t.tok[j].type == GM_TOK_PUNCT && !gm_tok_is(&d->t.tok[j], '-'))
            return false;
    }
    return false;
}

/* Tokens [s0, s1) tell a death: "died", "dead", "killed", "fatal"... */
static bool death_in(const gm_doc *d, size_t s0, size_t s1)
{
    for (size_t k = s0; k < s1; k++)
        if (IN(d, k, KILL_VERB) || IN(d, k, KILL_NOUN) || is(d, k, "died") || is(d, k, "dies") ||
            is(d, k, "death") || is(d, k, "fatal") || is(d, k, "fatally") || is(d, k, "pronounced"))
            return true;
    return false;
}

/* Sentence si ends with a full stop, a question or an exclamation mark (maybe inside quotes or
 * brackets): prose, not a headline. */
static bool ends_as_prose(const gm_doc *d, uint32_t si)
{
    const gm_sentence *se = &d->t.sent[si];
    for (size_t k = se->tok_end; k > se->tok_start; k--) {
        const gm_token *t = &d->t.tok[k - 1];
        if (gm_tok_is(t, '.') || gm_tok_is(t, '!') || gm_tok_is(t, '?'))
            return true;
        if (!(gm_tok_is(t, '"') || gm_tok_is(t, '\'') || gm_tok_is(t, ')') ||
              (t->type == GM_TOK_PUNCT && t->punct == GM_P_QUOTE)))
            return false;
    }
    return false;
}

/* Sentence si is a short heading over links to other stories: "Related Stories:", "More Local
 * News", "Other top stories" (not "Other shooting victims include"), or begins with one
 * ("Related coverage Two shot in ..."). */
static bool links_header(const gm_doc *d, uint32_t si)
{
    const gm_sentence *se = &d->t.sent[si];
    size_t s0 = se->tok_start, s1 = se->tok_end, words = 0;
    bool listing = false;
    /* "Related stories 2 killed, 22 injured in ...": the heading run into the first link */
    if (is(d, s0, "related") && (is(d, s0 + 1, "stories") || is(d, s0 + 1, "story") || is(d, s0 + 1, "coverage") ||
                                 is(d, s0 + 1, "articles") || is(d, s0 + 1, "article") || is(d, s0 + 1, "links") ||
                                 is(d, s0 + 1, "link") || is(d, s0 + 1, "content") || is(d, s0 + 1, "headlines")))
        return true;
    for (size_t k = s0; k < s1; k++) {
        if (d->t.tok[k].type == GM_TOK_WORD) {
            words++;
            listing |= is(d, k, "stories") || is(d, k, "news") || is(d, k, "headlines") || is(d, k, "coverage") ||
                       is(d, k, "reports") || is(d, k, "articles");
        } else if (!(k + 1 == s1 && gm_tok_is(&d->t.tok[k], ':'))) {
            return false;
        }
    }
    if (words == 0 || words > 6 || ends_as_prose(d, si))
        return false;
    return is(d, s0, "related") || is(d, s0, "recommended") || is(d, s0, "trending") ||
           (listing && (is(d, s0, "more") || is(d, s0, "other") || is(d, s0, "top") || is(d, s0, "latest") ||
                        is(d, s0, "popular")));
}

/* A word of violence at token i: an attack, a weapon, a killing. */
static bool violent_at(const gm_doc *d, size_t i)
{
    int rank;
    return event_at(d, i, &rank) || is(d, i, "gun") || is(d, i, "guns") || is(d, i, "handgun") ||
           is(d, i, "rifle") || is(d, i, "pistol") || is(d, i, "firearm") || is(d, i, "weapon") ||
           is(d, i, "murder") || is(d, i, "murdered") || is(d, i, "homicide") || is(d, i, "stabbed") ||
           is(d, i, "attack") || is(d, i, "attacked") || is(d, i, "shots") || is(d, i, "bullet") ||
           is(d, i, "hunting") || is(d, i, "ammunition") || is(d, i, "ammo");
}

/* A document about an illness: two sentences or more name one, and no word of violence occurs
 * in it ("The outbreak has killed 31 ... 45 people dead in Nyanza Province"): its deaths are of
 * no incident, whether or not their own sentence names the illness. */
static bool illness_story(const gm_doc *d)
{
    /* the illness first: one look-up a word, where the test for violence is some twenty */
    size_t sentences = 0;
    uint32_t last = UINT32_MAX;
    for (size_t i = 0; i < d->t.ntok && sentences < 2; i++)
        if (IN(d, i, ILLNESS) && d->t.tok[i].sent != last) {
            last = d->t.tok[i].sent;
            sentences++;
        }
    if (sentences < 2)
        return false;
    for (size_t i = 0; i < d->t.ntok; i++)
        if (d->t.tok[i].type == GM_TOK_WORD && violent_at(d, i))
            return false;
    return true;
}

/* The sentence names a vehicle ("the truck overturned"). */
static bool vehicle_in(const gm_doc *d, const gm_sentence *se)
{
    for (size_t i = se->tok_start; i < se->tok_end; i++)
        if (IN(d, i, VEHICLES))
            return true;
    return false;
}

/* "died at the age of 88": of old age, at this age or more */
#define OLD_AGE 60

/* The sentence tells a mishap and no violence: "a child was hurt in a rollover", "three died in a
 * house fire", "killed in a crash", an illness, old age, dead animals - no incident (but "shot,
 * then crashed into a home" is one). */
static bool mishap(const gm_doc *d, const gm_sentence *se)
{
    bool accident = false, animals = false, people = false;
    for (size_t i = se->tok_start; i < se->tok_end; i++) {
        if (violent_at(d, i))
            return false; /* "a hunting accident" is a shooting */
        accident |= is(d, i, "crash") || is(d, i, "crashes") || is(d, i, "crashed") || is(d, i, "collision") ||
                    is(d, i, "collided") || is(d, i, "rollover") || is(d, i, "wreck") || is(d, i, "accident") ||
                    is(d, i, "drowned") || is(d, i, "drowning") || is(d, i, "overdose") || is(d, i, "blaze") ||
                    is(d, i, "wildfire") || is(d, i, "flood") || is(d, i, "floods") || is(d, i, "flooding") ||
                    is(d, i, "storm") || is(d, i, "tornado") || is(d, i, "hurricane") || is(d, i, "earthquake") ||
                    is(d, i, "avalanche") || is(d, i, "landslide") || is(d, i, "mudslide") ||
                    is(d, i, "lightning") || is(d, i, "electrocuted") ||
                    (is(d, i, "overturned") && vehicle_in(d, se)) || /* (not a conviction) */
                    (is(d, i, "fire") && i > se->tok_start &&
                     (is(d, i - 1, "house") || is(d, i - 1, "apartment") || is(d, i - 1, "structure") ||
                      is(d, i - 1, "brush") || is(d, i - 1, "forest") || is(d, i - 1, "factory"))) ||
                    IN(d, i, ILLNESS) || (is(d, i, "natural") && is(d, i + 1, "causes")) ||
                    (is(d, i, "heart") && (is(d, i + 1, "attack") || is(d, i + 1, "failure")));
        /* "struck by a car", "run over", "ejected from the vehicle": a road accident */
        accident |= ((is(d, i, "struck") || is(d, i, "hit")) && is(d, i + 1, "by") &&
                     (is(d, i + 2, "a") || is(d, i + 2, "an") || is(d, i + 2, "the")) && IN(d, i + 3, VEHICLES)) ||
                    (is(d, i, "run") && is(d, i + 1, "over")) || (is(d, i, "ejected") && is(d, i + 1, "from")) ||
                    (IN(d, i, VEHICLES) && (is(d, i + 1, "struck") || is(d, i + 1, "strikes") || is(d, i + 1, "hit") ||
                                            is(d, i + 1, "hits")) &&
                     (is(d, i + 2, "a") || is(d, i + 2, "the")) && (is(d, i + 3, "tree") || is(d, i + 3, "pole")));
        /* "3,546 cases reported", "205 suspected cases": counts of the sick */
        accident |= is(d, i, "cases") && i > se->tok_start &&
                    (d->t.tok[i - 1].type == GM_TOK_NUM || is(d, i - 1, "suspected") || is(d, i - 1, "confirmed") ||
                     is(d, i - 1, "new") || is(d, i - 1, "reported"));
        /* "died ... at the age of 86", "his death at age 73": of old age, as far as the sentence
         * says (not "at the age of 17 months") */
        if (is(d, i, "age") && i > se->tok_start &&
            (is(d, i - 1, "at") || (is(d, i - 1, "the") && i - 1 > se->tok_start && is(d, i - 2, "at")))) {
            size_t k = is(d, i + 1, "of") ? i + 2 : i + 1;
            double years;
            accident |= k < se->tok_end && gm_tok_number(&d->t, &d->t.tok[k], &years) && years >= OLD_AGE &&
                        !is(d, k + 1, "months") && !is(d, k + 1, "weeks") && !is(d, k + 1, "days");
        }
        animals |= IN(d, i, ANIMALS);
        /* those who report are not the dead: "officials found 4,000 dead birds" */
        people |= (IN(d, i, PERSON_PL) || IN(d, i, PERSON_SG)) && !IN(d, i, SOURCES) && !is(d, i, "dead") &&
                  !is(d, i, "wounded") && !is(d, i, "injured") && !is(d, i, "more") && !is(d, i, "others");
    }
    /* "roughly 4,000 dead wild birds", "two ducks have died" (but "a man and his dog were killed") */
    return accident || (animals && !people);
}

/* Reads one sentence; fills st and returns true when it reports casualties. */
static bool read_sentence(const gm_doc *d, uint32_t si, anchor_t *an, stmt *st)
{
    const gm_sentence *se = &d->t.sent[si];
    size_t s0 = se->tok_start, s1 = se->tok_end;
    /* "RELATED: Two shot on the East Side", "READ MORE: ...": links to other stories */
    /* "0:47 Driver shot to death on Blackstone" (a video playlist), "(READ: ...)", "WATCH: ..." */
    if ((d->t.tok[s0].type == GM_TOK_NUM && s0 + 2 < s1 && gm_tok_is(&d->t.tok[s0 + 1], ':') &&
         d->t.tok[s0 + 1].start == d->t.tok[s0].end && d->t.tok[s0 + 2].type == GM_TOK_NUM) ||
        (gm_tok_is(&d->t.tok[s0], '(') && (is(d, s0 + 1, "read") || is(d, s0 + 1, "see") || is(d, s0 + 1, "watch"))) ||
        ((is(d, s0, "watch") || is(d, s0, "video") || is(d, s0, "photos")) && s0 + 1 < s1 &&
         gm_tok_is(&d->t.tok[s0 + 1], ':')))
        return false;
    if (gm_tok_is(&d->t.tok[s0], '+') || gm_tok_is(&d->t.tok[s0], '>') ||
        (d->t.tok[s0].type == GM_TOK_PUNCT && d->t.tok[s0].punct == GM_P_OTHER &&
         d->t.tok[s0].end - d->t.tok[s0].start > 1) || /* "+ KY man killed in ...", "• ...": a list of links */
        (is(d, s0, "related") && s0 + 1 < s1 && gm_tok_is(&d->t.tok[s0 + 1], ':')) ||
        (is(d, s0, "read") && is(d, s0 + 1, "more")) || (is(d, s0, "see") && is(d, s0 + 1, "also")))
        return false;
    memset(st, 0, sizeof *st);
    st->n[0] = st->n[1] = -1;
    st->low[0] = st->low[1] = st->high[0] = st->high[1] = -1;
    st->span = -1;
    bool any = false;
    size_t first_cue = SIZE_MAX, kill_cue = SIZE_MAX, shot_at = SIZE_MAX, self_kill = SIZE_MAX;
    bool self_kill_shot = false;
    size_t skip_cue = SIZE_MAX; /* a cue another has counted */
    for (size_t i = s0; i < s1; i++) {
        if (d->t.tok[i].type != GM_TOK_WORD)
            continue;
        if (i == skip_cue || !IN(d, i, CUE_HEADS))
            continue;
        bool self_shot;
        if (self_killing_at(d, s0, s1, i, &self_shot)) {
            self_kill = i;
            self_kill_shot = self_shot;
            continue;
        }
        /* "killed himself": counted as the attacker's death below, not as a count of its own */
        if (i + 1 < s1 && self_killing_at(d, s0, s1, i + 1, &self_shot) && !self_shot)
            continue;
        int cat = -1;
        bool verb = false, shot_cue = false, of_shot;
        size_t cue = i;
        if (IN(d, i, KILL_VERB)) {
            if ((is(d, i, "died") || is(d, i, "dies") || is(d, i, "die")) && (is(d, i + 1, "down") || is(d, i + 1, "out")))
                continue; /* "after the lumber industry died down" */
            /* "coming from a repast to honor a slain friend were shot, one fatally": "slain" before
             * a noun names someone of another event where the sentence counts its own dead */
            if (avenged(d, s0, i))
                continue;
            if (is(d, i, "slain") && i > s0 && (is(d, i - 1, "a") || is(d, i - 1, "the")) && i + 1 < s1 &&
                d->t.tok[i + 1].type == GM_TOK_WORD && !IN(d, i + 1, FILLER) && other_kill_cue(d, s0, s1, i))
                continue;
            cat = CAT_KILL;
            verb = true;
        } else if (is(d, i, "death") && i > s0 && (is(d, i - 1, "his") || is(d, i - 1, "her")) &&
                   !(i + 1 < s1 && is(d, i + 1, "toll")) && !hypothetical(d, s0, i)) {
            /* "a shot struck his wife, resulting in her death" */
            if (st->n[CAT_KILL] < 0)
                record(st, CAT_KILL, exact_count(1), true, i, &any, &first_cue);
            continue;
        } else if (is(d, i, "lives") && i >= s0 + 2 && is(d, i - 1, "the") && is(d, i + 1, "of") && i + 2 < s1 &&
                   lives_taken(d, i - 2)) {
            /* "claimed the lives of two teenagers", "took the lives of 12 civilians" (not "saved the
             * lives of") */
            gm_count c;
            if (!count_at(d, i + 2, s1, true, &c) || c.vague || hypothetical(d, s0, i) ||
                period_total(d, se, i, c.value))
                continue;
            record(st, CAT_KILL, c, false, i, &any, &first_cue);
            continue;
        } else if (IN(d, i, KILL_NOUN)) {
            cat = CAT_KILL;
            if (is(d, i, "lives")) {
                if (i > s0 && number_at(d, i - 1)) {
                    /* "claimed two lives", "12 lives were lost" (not "saved two lives", "a lease of
                     * three lives"); the count's first token: "claimed at least 15 lives" */
                    size_t q = i - 1;
                    gm_count lc;
                    for (size_t back = 1; back <= 3 && i - 1 >= s0 + back; back++)
                        if (gm_parse_count(&d->t, i - 1 - back, false, &lc) && lc.tok_end == i)
                            q = i - 1 - back;
                    if (!((q > s0 && lives_taken(d, q - 1)) || (is(d, i + 1, "were") && is(d, i + 2, "lost")) ||
                          is(d, i + 1, "lost")))
                        continue;
                } else if (!(i > s0 && (is(d, i - 1, "their") || is(d, i - 1, "his") || is(d, i - 1, "her")))) {
                    continue;
                } else if (i >= s0 + 2 && is(d, i - 2, "lost")) {
                    cue = i - 2; /* "two people lost their lives": the count before the verb */
                }
            }
            if (is(d, i, "dead") && i >= s0 + 2 && (is(d, i - 1, "him") || is(d, i - 1, "her")) &&
                is(d, i - 2, "shot") && !hypothetical(d, s0, i)) {
                /* "before police shot him dead": one */
                record(st, CAT_KILL, exact_count(1), true, i, &any, &first_cue);
                continue;
            }
            if (is(d, i, "dead") && i > s0 && (is(d, i - 1, "shot") || is(d, i - 1, "found"))) {
                cue = i; /* "shot dead" */
                /* "gunmen shot dead two policemen": active, its count after (but "were shot dead",
                 * "Two Policemen Shot Dead") */
                /* ("Police shot dead four suspected extremists": a count right after makes the
                 * people before the shooters) */
                bool count_after = i + 1 < s1 && (number_at(d, i + 1) || is(d, i + 1, "a") || is(d, i + 1, "an"));
                verb = is(d, i - 1, "shot") && i >= s0 + 2 && !auxiliary(d, i - 2) &&
                       !((IN(d, i - 2, PERSON_PL) || IN(d, i - 2, PERSON_SG)) && !attackers(d, i - 2) && !count_after) &&
                       !number_at(d, i - 2);
            }
            /* "four Platte County killings", "4 gunfire slayings" - but "the killings", "several
             * slayings" are no statement */
            if ((is(d, i, "killings") || is(d, i, "slayings")) && !count_shortly_before(d, s0, i))
                continue;
        } else if ((is(d, i, "shoots") || is(d, i, "shooting") ||
                    (is(d, i, "shot") && i > s0 && !subject_cue(d, s0, s1, i) &&
                     (is(d, i - 1, "who") || is(d, i - 1, "gunman") || is(d, i - 1, "he") || is(d, i - 1, "she") ||
                      is(d, i - 1, "man") || is(d, i - 1, "accidentally")))) &&
                   i + 1 < s1 && !(i > s0 && (is(d, i - 1, "the") || is(d, i - 1, "a") || is(d, i - 1, "fatal"))) &&
                   (d->t.tok[i + 1].type == GM_TOK_NUM ||
                    gm_number_word(gm_tok_fold(&d->t, &d->t.tok[i + 1]), d->t.tok[i + 1].fold_len) > 1)) {
            /* "an employee shoots 4 colleagues, killing 1", "a man who shot four people",
             * "suspected of shooting 4 at a bar" */
            gm_count c;
            if (!count_at(d, i + 1, s1, false, &c) || c.vague || hypothetical(d, s0, i) || not_a_count(d, i + 1, c.tok_end))
                continue;
            cat = CAT_INJ;
            verb = true;
            shot_cue = true;
            /* "shooting three relatives to death" */
            for (size_t k = c.tok_end; k + 1 < s1 && k < c.tok_end + 3; k++)
                if (is(d, k, "to") && is(d, k + 1, "death")) {
                    cat = CAT_KILL;
                    shot_cue = false;
                }
        } else if ((is(d, i, "shoots") || is(d, i, "shot")) && i > s0 && is(d, i - 1, "accidentally") &&
                   i + 1 < s1 && !subject_cue(d, s0, s1, i) &&
                   (is(d, i + 1, "himself") || is(d, i + 1, "herself") || is(d, i + 1, "self") ||
                    IN(d, i + 1, PERSON_SG) || is(d, i + 1, "his") || is(d, i + 1, "her"))) {
            /* "a teen accidentally shoots himself", "woman accidentally shoots friend" */
            long n = is(d, i + 1, "self") ? 1 : people_after_of(d, i + 1, s1);
            if (n <= 0 || n >= 10)
                continue;
            record(st, CAT_INJ, exact_count(n), n == 1, i, &any, &first_cue);
            st->shot = true;
            continue;
        } else if ((is(d, i, "shoots") || is(d, i, "shot") || is(d, i, "shooting")) && i + 2 < s1 &&
                   (is(d, i + 1, "himself") || is(d, i + 1, "herself")) && is(d, i + 2, "in") &&
                   !hypothetical(d, s0, i)) {
            /* "a teen shoots himself in the leg": one hurt */
            if (st->n[CAT_INJ] < 0)
                record(st, CAT_INJ, exact_count(1), true, i, &any, &first_cue);
            continue;
        } else if (multiple_at(d, i) && is(d, i + 1, "shooting") && !hypothetical(d, s0, i)) {
            /* "a quadruple shooting": four people shot, the dead among them */
            long n = multiple_at(d, i);
            if (st->n[CAT_INJ] < 0) {
                record(st, CAT_INJ, exact_count(n), true, i, &any, &first_cue);
                st->shot = true;
            }
            continue;
        } else if ((is(d, i, "sent") || is(d, i, "sends") || is(d, i, "put") || is(d, i, "puts") ||
                    is(d, i, "landed") || is(d, i, "left") || is(d, i, "leaves") ||
                    (is(d, i, "with") && i > s0 && (is(d, i - 1, "ended") || is(d, i - 1, "ends")))) &&
                   i + 1 < s1 && !hypothetical(d, s0, i)) {
            /* "the shooting sent five people to the hospital", "put three women into the hospital",
             * "ended with five people in the hospital", "sends seven to hospital" */
            gm_count c;
            if (!count_at(d, i + 1, s1, false, &c) || c.vague)
                continue;
            size_t k = c.tok_end;
            while (k < s1 && k < c.tok_end + 3 && (IN(d, k, PERSON_PL) || IN(d, k, PERSON_SG)))
                k++;
            bool to = is(d, k, "to") || is(d, k, "into") || (is(d, k, "in") && !is(d, i, "sent") && !is(d, i, "sends"));
            size_t h = k + 1;
            if (is(d, h, "the") || is(d, h, "a") || is(d, h, "area") || is(d, h, "local"))
                h++;
            if (!(to && (is(d, h, "hospital") || is(d, h, "hospitals"))))
                continue;
            record(st, CAT_INJ, c, false, i, &any, &first_cue);
            continue;
        } else if ((is(d, i, "shot") || is(d, i, "shoot") || is(d, i, "shoots") || is(d, i, "shooting") ||
                    is(d, i, "stabbed") || is(d, i, "stabbing")) && i > s0 &&
                   is(d, i - 1, "fatally") && i + 1 < s1 && !subject_cue(d, s0, s1, i) &&
                   (is(d, i + 1, "a") || is(d, i + 1, "an") || is(d, i + 1, "another") || is(d, i + 1, "his") ||
                    is(d, i + 1, "her") || is(d, i + 1, "their") || IN(d, i + 1, PERSON_SG) ||
                    number_at(d, i + 1) ||
                    (d->t.tok[i + 1].type == GM_TOK_WORD && (d->t.tok[i + 1].flags & GM_TF_CAP) &&
                     !cap_preposition(d, i + 1)))) {
            /* "he fatally shot his roommate", "fatally shoot another teen", "fatally shot Earnest
             * Sneed and Seth Easley" */
            long n = 1, listed;
            gm_count c;
            if (count_at(d, i + 1, s1, false, &c) && !c.vague)
                n = c.value;
            else if ((listed = people_after_of(d, i + 1, s1)) > 1)
                n = listed;
            record(st, CAT_KILL, exact_count(n), n == 1, i, &any, &first_cue);
            continue;
        } else if ((is(d, i, "destroyed") || is(d, i, "eliminated") || is(d, i, "liquidated") ||
                    is(d, i, "neutralized") || is(d, i, "neutralised")) && i + 1 < s1) {
            /* military reports: "destroyed more than 40 soldiers", "eliminated 200 nationalists" */
            gm_count c;
            size_t p = i + 1; /* "up to 200" is read as a count with its qualifier */
            if (!count_at(d, p, s1, true, &c) || c.vague || hypothetical(d, s0, i) || period_total(d, se, i, c.value))
                continue;
            record(st, CAT_KILL, c, false, i, &any, &first_cue);
            continue;
        } else if (is(d, i, "homicide") && i >= s0 + 1 &&
                   (is(d, i - 1, "ruled") || (i >= s0 + 2 && is(d, i - 1, "a") && is(d, i - 2, "ruled")))) {
            /* "death ruled homicide by gunshot wound", "was ruled a homicide": one dead */
            if (!hypothetical(d, s0, i))
                record_detail(st, CAT_KILL, 1, i, &any, &first_cue);
            continue;
        } else if (is(d, i, "suicide") && suicide_death(d, s0, s1, i)) {
            /* "turned out to be a suicide", "an apparent suicide", "died by suicide": one dead;
             * "both committed suicide" two (but "young men who committed suicide" are no count) */
            long n = 1;
            if (i >= s0 + 2 && is(d, i - 1, "committed")) {
                if (is(d, i - 2, "both") || (i >= s0 + 3 && is(d, i - 3, "both")))
                    n = 2; /* "both committed suicide", "both men committed suicide" */
                else if (IN(d, i - 2, PERSON_PL) || (is(d, i - 2, "who") && i >= s0 + 3 && IN(d, i - 3, PERSON_PL)))
                    continue;
            }
            record_detail(st, CAT_KILL, n, i, &any, &first_cue);
            continue;
        } else if ((is(d, i, "hacked") || is(d, i, "beaten") || is(d, i, "beat") || is(d, i, "bludgeoned") ||
                    is(d, i, "clubbed") || is(d, i, "burned") || is(d, i, "burnt") || is(d, i, "strangled") ||
                    is(d, i, "stoned") || is(d, i, "hanged") || is(d, i, "tortured")) &&
                   to_death_after(d, i + 1, s1)) {
            /* "a woman was hacked to death", "a mob beat a man to death": the dead */
            cat = CAT_KILL;
            verb = true;
        } else if (is(d, i, "shot") || is(d, i, "stabbed")) {
            bool dead = is(d, i + 1, "dead") || (is(d, i + 1, "to") && is(d, i + 2, "death")) ||
                        (i > s0 && is(d, i - 1, "fatally")) || (is(d, i + 1, "and") && is(d, i + 2, "killed")) ||
                        (is(d, i + 1, "and") && (is(d, i + 2, "fatally") || is(d, i + 2, "mortally")) &&
                         IN(d, i + 3, INJ_VERB));
            /* "Man shot, killed in Tulsa", "girl shot in the head, killed": the "killed" has no
             * subject of its own; this cue counts the dead */
            for (size_t k = i + 1; k + 1 < s1 && k <= i + 6 && !dead; k++) {
                if (IN(d, k, KILL_VERB) || IN(d, k, INJ_VERB) || is(d, k, "and"))
                    break;
                if (gm_tok_is(&d->t.tok[k], ',') && is(d, k + 1, "killed") &&
                    (k + 2 >= s1 || d->t.tok[k + 2].type == GM_TOK_PUNCT || is(d, k + 2, "in") ||
                     is(d, k + 2, "at") || is(d, k + 2, "on") || is(d, k + 2, "near") || is(d, k + 2, "outside") ||
                     is(d, k + 2, "during") || is(d, k + 2, "after") || is(d, k + 2, "while") ||
                     is(d, k + 2, "inside"))) {
                    dead = true;
                    skip_cue = k + 1;
                }
            }
            /* "shot down", "was shot at" (fired on) - but "four people were shot at a nightclub",
             * "were shot at about 2 a.m." */
            /* and a headline's "Four shot at Haw River sports bar", "4 federal officers shot at
             * Country Club motel" (but "two gunmen shot at the house" fired on it) */
            bool counted_before = i > s0 && (d->t.tok[i + 2 < s1 ? i + 2 : i].flags & GM_TF_CAP) &&
                                  (number_at(d, i - 1) ||
                                   (IN(d, i - 1, PERSON_PL) && !attackers(d, i - 1) &&
                                    ((i >= s0 + 2 && number_at(d, i - 2)) || (i >= s0 + 3 && number_at(d, i - 3)))));
            bool at_place = is(d, i + 1, "at") && i > s0 && (is(d, i - 1, "were") || is(d, i - 1, "was") || counted_before) &&
                            i + 2 < s1 && (is(d, i + 2, "a") || is(d, i + 2, "an") || is(d, i + 2, "the") ||
                                           is(d, i + 2, "about") || is(d, i + 2, "around") ||
                                           d->t.tok[i + 2].type == GM_TOK_NUM ||
                                           ((d->t.tok[i + 2].flags & GM_TF_CAP) && !is(d, i + 2, "police")));
            /* ("shot at least four people": a count, not a target) */
            if (is(d, i + 1, "down") || (is(d, i + 1, "at") && !at_place && !is(d, i + 2, "least")))
                continue;
            cat = dead ? CAT_KILL : CAT_INJ;
            verb = true;
            if (dead && is(d, i + 1, "and"))
                continue; /* "shot and killed": the "killed" cue will count */
            /* "his friend was also shot": one more, not those shot with the dead among them */
            shot_cue = !dead && is(d, i, "shot") && !(i > s0 && is(d, i - 1, "also"));
        } else if (IN(d, i, INJ_VERB)) {
            /* "a 14-year-old injured in a shooting on Monday has died": the injured is the dead */
            if (i > s0 && !is(d, i - 1, "was") && !is(d, i - 1, "were") && !is(d, i - 1, "been") &&
                !is(d, i - 1, "and") && later_died(d, i + 1, s1))
                continue;
            /* "shot and fatally wounded four friends": the dead */
            cat = i > s0 && (is(d, i - 1, "fatally") || is(d, i - 1, "mortally")) ? CAT_KILL : CAT_INJ;
            verb = true;
        } else if ((is(d, i, "taken") || is(d, i, "rushed") || is(d, i, "transported") || is(d, i, "airlifted")) &&
                   i > s0 && (is(d, i - 1, "were") || is(d, i - 1, "was")) && is(d, i + 1, "to") &&
                   ((wounds_after(d, i + 1, s1) && !death_in(d, s0, s1)) ||
                    (i >= s0 + 3 && is(d, i - 2, "others") && gunfire_in(d, s0, s1) && !death_in(d, i, s1)))) {
            /* "two men were taken to the hospital with gunshot wounds" (not "..., where he died");
             * "one person died and two others were taken to the hospital after a shooting" */
            cat = CAT_INJ;
        } else if (((is(d, i, "showed") && is(d, i + 1, "up")) || is(d, i, "arrived") || is(d, i, "walked")) &&
                   i > s0 && !is(d, i - 1, "police") && !is(d, i - 1, "officers") && wounds_after(d, i + 1, s1) &&
                   !death_in(d, s0, s1)) {
            /* "two other people showed up at the hospital with gunshot wounds", "a man arrived at a
             * hospital with a gunshot wound": the subject */
            cat = CAT_INJ;
            verb = true;
        } else if ((is(d, i, "suffered") || is(d, i, "sustained") || is(d, i, "received") ||
                    (is(d, i, "treated") && i > s0 &&
                     (is(d, i - 1, "were") || is(d, i - 1, "was") || is(d, i - 1, "being")))) &&
                   wounds_after(d, i + 1, s1)) {
            /* "three men suffered gunshot wounds", "two received life-threatening injuries", "three
             * other people were treated at a hospital": the count before; "sustained injuries
             * incompatible with life": the dead */
            cat = CAT_INJ;
            for (size_t k = i + 1; k < s1 && k < i + 5; k++)
                if (is(d, k, "incompatible") && is(d, k + 1, "with") && is(d, k + 2, "life"))
                    cat = CAT_KILL;
        } else if ((is(d, i, "with") || (is(d, i, "suffering") && is(d, i + 1, "from"))) && i > s0 &&
                   (IN(d, i - 1, PERSON_PL) || IN(d, i - 1, PERSON_SG) || is(d, i - 1, "others") ||
                    (is(d, i - 1, "found") && is(d, i, "with"))) &&
                   wound_phrase(d, is(d, i, "with") ? i + 1 : i + 2)) {
            /* "officers found four victims with gunshot wounds" (all who were hit, the dead among
             * them), "two men dead and three others with gunshot wounds", "deputies found a man
             * suffering from a gunshot wound" */
            cat = CAT_INJ;
            shot_cue = true;
            if (i >= s0 + 2 && is(d, i - 2, "another") && IN(d, i - 1, PERSON_SG) && !hypothetical(d, s0, i)) {
                /* "officers later found another man suffering from gunshot wounds": one more */
                record(st, CAT_INJ, exact_count(1), false, i, &any, &first_cue);
                if (shot_at == SIZE_MAX)
                    shot_at = i;
                continue;
            }
        } else if (is(d, i, "gunshot") && (is(d, i + 1, "victims") || is(d, i + 1, "victim"))) {
            /* "two other gunshot victims arrived at the hospital"; "4 gunshot victims were located"
             * (all who were hit, the dead among them) */
            cat = CAT_INJ;
            shot_cue = true;
        } else if (IN(d, i, INJ_NOUN)) {
            cat = CAT_INJ;
            /* ("12 casualties", "no casualties": none dead or hurt, below) */
            if (is(d, i, "casualties") && !(i > s0 && (d->t.tok[i - 1].type == GM_TOK_NUM || is(d, i - 1, "no"))))
                continue;
        } else if (is(d, i, "of") && i > s0 && i + 1 < s1 && of_cue(d, s0, i, &cat, &of_shot)) {
            /* "the fatal shooting of a woman", "the deaths of three men", "the wounding of two" */
            long n = people_after_of(d, i + 1, s1);
            if (n <= 0 || hypothetical(d, s0, i))
                continue;
            if (of_shot && st->n[CAT_INJ] < 0) {
                st->shot = true;
                if (shot_at == SIZE_MAX)
                    shot_at = i;
            }
            record(st, cat, exact_count(n), false, i, &any, &first_cue);
            continue;
        } else if (is(d, i, "fatally") && i > s0 && d->t.tok[i - 1].type != GM_TOK_PUNCT &&
                   !(i + 1 < s1 && (is(d, i + 1, "shot") || is(d, i + 1, "wounded") || is(d, i + 1, "injured") ||
                                    is(d, i + 1, "stabbed") || is(d, i + 1, "hurt")))) {
            /* "4 shot, one fatally", "three were hit, two of them fatally" */
            size_t p = i - 1;
            if (p > s0 && is(d, p, "them") && is(d, p - 1, "of"))
                p -= 2;
            gm_count c;
            if (!(p >= s0 && gm_parse_count(&d->t, p, false, &c) && c.tok_end == p + 1 && c.value > 0 && !c.vague) ||
                period_total(d, se, i, c.value))
                continue;
            record(st, CAT_KILL, c, false, i, &any, &first_cue);
            continue;
        } else if (is(d, i, "murder") && i + 2 < s1 && gm_tok_is(&d->t.tok[i + 1], '-') && is(d, i + 2, "suicide") &&
                   !(i > s0 && is(d, i - 1, "attempted")) && !hypothetical(d, s0, i)) {
            /* "a murder-suicide involving two adults and two children": those; a bare
             * "murder-suicide": two dead at least, the killer among them */
            long n = is(d, i + 3, "involving") ? people_after_of(d, i + 4, s1) : 0;
            if (n >= 2 && n < 100) {
                record(st, CAT_KILL, exact_count(n), false, i, &any, &first_cue);
            } else {
                record_detail(st, CAT_KILL, 2, i, &any, &first_cue);
            }
            continue;
        } else if ((is(d, i, "homicide") || is(d, i, "murder") || is(d, i, "killing") || is(d, i, "slaying") ||
                    is(d, i, "homicides") || is(d, i, "murders") || is(d, i, "killings") || is(d, i, "slayings")) &&
                   i > s0 && multiple_at(d, i - 1) && !gm_tok_is(&d->t.tok[i + 1 < s1 ? i + 1 : i], '-') &&
                   !hypothetical(d, s0, i)) {
            /* "a double homicide", "the triple murder", "quintuple murders": two, three, five dead */
            long n = multiple_at(d, i - 1);
            if (st->n[CAT_KILL] < n)
                record(st, CAT_KILL, exact_count(n), false, i, &any, &first_cue);
            continue;
        } else if (is(d, i, "deceased") && i > s0 + 1 && is(d, i - 1, "a") &&
                   (is(d, i - 2, "found") || is(d, i - 2, "located") || is(d, i - 2, "discovered")) &&
                   deceased_person(d, i + 1, s1) && !hypothetical(d, s0, i)) {
            /* "deputies located a deceased white male": one dead (not "the deceased man's will") */
            record_detail(st, CAT_KILL, 1, i, &any, &first_cue);
            continue;
        } else if (is(d, i, "death") && i > s0 && (is(d, i - 1, "shooting") || is(d, i - 1, "stabbing")) &&
                   !(i - 1 > s0 && d->t.tok[i - 2].type == GM_TOK_NUM) && !hypothetical(d, s0, i)) {
            /* "an accidental shooting death", "the stabbing death of a teenager": one dead */
            record_detail(st, CAT_KILL, 1, i, &any, &first_cue);
            continue;
        } else if ((is(d, i, "fatal") || is(d, i, "deadly")) && fatal_event(d, i, s1) && !hypothetical(d, s0, i)) {
            /* "a fatal shooting": somebody died; the number, if the text gives it, comes elsewhere */
            record_detail(st, CAT_KILL, 1, i, &any, &first_cue);
            continue;
        } else if (is(d, i, "hospital") && i >= s0 + 3 && is(d, i - 1, "the") && is(d, i - 2, "in") &&
                   (is(d, i - 3, "remains") || is(d, i - 3, "remained") || is(d, i - 3, "is") || is(d, i - 3, "was") ||
                    is(d, i - 3, "were") || is(d, i - 3, "are") || is(d, i - 3, "remain"))) {
            /* "her mother remains in the hospital" */
            long n = implied_people(d, s0, i - 3);
            if (n > 0 && n < 50 && !hypothetical(d, s0, i))
                record_detail(st, CAT_INJ, n, i, &any, &first_cue);
            continue;
        } else if (is(d, i, "condition") && i >= s0 + 2 && is(d, i - 2, "in") &&
                   (is(d, i - 1, "critical") || is(d, i - 1, "serious") || is(d, i - 1, "stable") ||
                    is(d, i - 1, "grave") || is(d, i - 1, "fair"))) {
            /* "a 2-year-old in critical condition" */
            long n = implied_people(d, s0, i - 2);
            if (n > 0 && n < 50 && !hypothetical(d, s0, i))
                record_detail(st, CAT_INJ, n, i, &any, &first_cue);
            continue;
        } else if (is(d, i, "life") && i >= s0 + 4 && (is(d, i - 1, "his") || is(d, i - 1, "her")) &&
                   is(d, i - 2, "for") && (is(d, i - 3, "fighting") || is(d, i - 3, "battling"))) {
            /* "a man is dead and another is fighting for his life": one hurt */
            size_t v = i - 3;
            if (v > s0 && (is(d, v - 1, "is") || is(d, v - 1, "was")))
                v--;
            long n = v > s0 && is(d, v - 1, "another") ? 1 : implied_people(d, s0, v);
            if (n == 1 && !hypothetical(d, s0, i))
                record_detail(st, CAT_INJ, 1, i, &any, &first_cue);
            continue;
        } else if ((is(d, i, "struck") || is(d, i, "hit")) && subject_cue(d, s0, s1, i) && gunfire_in(d, s0, s1)) {
            cat = CAT_INJ; /* "a bystander was struck in the arm": shot, like "all four were hit by gunfire" */
            verb = true;
            shot_cue = true;
        } else if (is(d, i, "wound") && i > s0 && (is(d, i - 1, "and") || is(d, i - 1, "to")) &&
                   counted_people_at(d, i + 1, s1)) {
            cat = CAT_INJ; /* "to shoot and kill one person and wound five others" (not "a wound to her toe") */
            verb = true;
        } else if ((is(d, i, "hitting") || is(d, i, "striking")) && i > s0 && d->t.tok[i - 1].type == GM_TOK_PUNCT &&
                   counted_people_at(d, i + 1, s1) && gunfire_in(d, s0, i)) {
            cat = CAT_INJ; /* "firing into a crowd, hitting five people": shot, like "struck" */
            verb = true;
            shot_cue = true;
        } else if (is(d, i, "number") && is(d, i + 1, "of") && !hypothetical(d, s0, i)) {
            /* "the number of people killed in the shelling has risen to seven" */
            int ncat = -1;
            size_t k = i + 2, kc = 0;
            for (; k < s1 && k < i + 8 && ncat < 0; k++) {
                if (IN(d, k, KILL_VERB) || IN(d, k, KILL_NOUN))
                    ncat = CAT_KILL, kc = k;
                else if (IN(d, k, INJ_VERB) || IN(d, k, INJ_NOUN))
                    ncat = CAT_INJ, kc = k;
            }
            if (ncat < 0)
                continue;
            for (; k + 1 < s1 && k < i + 18; k++) {
                gm_count c;
                if (rise_verb(d, k) && is(d, k + 1, "to") && count_at(d, k + 2, s1, false, &c) && !c.vague &&
                    !period_total(d, se, i, c.value)) {
                    record(st, ncat, c, false, i, &any, &first_cue);
                    st->update = true;
                    st->update_cat[ncat] = true;
                    skip_cue = kc;
                    break;
                }
            }
            continue;
        } else if (is(d, i, "toll") && i > s0 && is(d, i - 1, "death")) {
            /* "the death toll rose to 14", "the death toll from the shelling of Horlivka rose to five"
             * (further on, a count after "to" or "at": "... of the Nikitovsky district of Horlivka
             * rises to five") */
            for (size_t k = i + 1; k < s1 && k < i + 24; k++) {
                gm_count c;
                if ((k < i + 14 || is(d, k - 1, "to") || is(d, k - 1, "at")) && count_at(d, k, s1, false, &c) &&
                    !c.vague && !period_total(d, se, i, c.value)) {
                    record(st, CAT_KILL, c, false, i, &any, &first_cue);
                    st->update = true;
                    st->update_cat[CAT_KILL] = true;
                    break;
                }
            }
            continue;
        }
        if (cat < 0)
            continue;
        if (hypothetical(d, s0, i))
            continue;
        /* "a boy died after he was stabbed": the one who died, not one more hurt (one shot is taken
         * from those shot at the end: "died after he was shot" keeps its none hurt) */
        if (cat == CAT_INJ && !shot_cue && i >= s0 + 3 && st->n[CAT_KILL] > 0 && auxiliary(d, i - 1) &&
            (is(d, i - 2, "he") || is(d, i - 2, "she")) &&
            (is(d, i - 3, "after") || is(d, i - 3, "when") || is(d, i - 3, "because")))
            continue;
        /* "no one was hurt", "nobody was killed", "no casualties/injuries were reported" */
        /* "They killed me!", "he shot us": a victim's own words, not a count */
        if (verb && i + 1 < s1 && (is(d, i + 1, "me") || is(d, i + 1, "us") || is(d, i + 1, "you")))
            continue;
        /* "they are not being killed", "was never hurt" (but "was not seriously hurt" was hurt) */
        {
            size_t k = i;
            while (k > s0 && k + 3 > i && (is(d, k - 1, "being") || is(d, k - 1, "been") || is(d, k - 1, "be")))
                k--;
            if (k > s0 && (is(d, k - 1, "not") || is(d, k - 1, "never") || is(d, k - 1, "wasn't") ||
                           is(d, k - 1, "weren't") || is(d, k - 1, "isn't") || is(d, k - 1, "aren't")))
                continue;
        }
        /* "no one else was hurt": nobody more, which says nothing of the total */
        bool else_ = false;
        for (size_t k = i > s0 + 4 ? i - 4 : s0; k < i; k++)
            else_ |= (is(d, k, "one") || is(d, k, "nobody") || is(d, k, "none") || is(d, k, "no")) &&
                     is(d, k + 1, "else");
        if (else_)
            continue;
        bool zero = false;
        for (size_t k = i > s0 + 4 ? i - 4 : s0; k < i; k++)
            if (is(d, k, "nobody") || (is(d, k, "no") && (is(d, k + 1, "one") || is(d, k + 1, "injuries") ||
                                                        is(d, k + 1, "casualties") || is(d, k + 1, "deaths") ||
                                                        is(d, k + 1, "fatalities") || is(d, k + 1, "reports") ||
                                                        /* "no officers were hurt" (not "no others") */
                                                        (IN(d, k + 1, PERSON_PL) && !is(d, k + 1, "others") &&
                                                         !is(d, k + 1, "more")))) ||
                (is(d, k, "none") && !is(d, k + 1, "of")))
                zero = true;
        if (is(d, i, "casualties") && i > s0 && is(d, i - 1, "no"))
            zero = true;
        /* "no other injuries were reported": none hurt, unless the sentence counts some */
        if (i >= s0 + 2 && is(d, i - 2, "no") && is(d, i - 1, "other") && !IN(d, i, PERSON_PL)) {
            if (st->n[cat] < 0)
                record(st, cat, exact_count(0), false, i, &any, &first_cue);
            continue;
        }
        if (zero) {
            record(st, cat, exact_count(0), false, i, &any, &first_cue);
            if (is(d, i, "casualties"))
                record(st, CAT_KILL, exact_count(0), false, i, &any, &first_cue);
            continue;
        }
        if (cat == CAT_KILL && kill_cue == SIZE_MAX)
            kill_cue = cue;
        if (cat == CAT_INJ && shot_cue && shot_at == SIZE_MAX)
            shot_at = cue;
        gm_count c;
        if (count_for_cue(d, s0, s1, cue, verb, &c)) {
            if (period_total(d, se, cue, c.value))
                continue;
            /* "two children were among the injured": a part of a number told elsewhere */
            bool part = false;
            for (size_t k = c.tok_end; k < cue; k++)
                part |= is(d, k, "among");
            /* "killed his wife and two children before killing himself": the gunman is one more */
            if (cat == CAT_KILL && c.value == 1 && c.tok_end == c.tok_start + 1 && c.tok_start > cue &&
                (is(d, c.tok_start, "himself") || is(d, c.tok_start, "herself")) && st->n[CAT_KILL] > 0 &&
                !st->implied[CAT_KILL] && c.tok_start > st->count_end[CAT_KILL]) {
                st->n[CAT_KILL] += 1;
                st->low[CAT_KILL] = st->low[CAT_KILL] >= 0 ? st->low[CAT_KILL] + 1 : -1;
                st->high[CAT_KILL] = st->high[CAT_KILL] >= 0 ? st->high[CAT_KILL] + 1 : -1;
                st->count_end[CAT_KILL] = c.tok_end;
                any = true;
                continue;
            }
            /* "two victims died at the scene and two died on the way to the hospital" (but "five
             * were shot, and two of them have serious injuries" tells a part of the five, and so
             * does "five were shot; four died and one is in hospital", where the "and" joins the
             * dead, counted in between) */
            size_t other_end = st->count_end[1 - cat];
            if (cat == CAT_INJ && st->shot && st->n[CAT_INJ] > 0 && c.value < st->n[CAT_INJ] && other_end < c.tok_start &&
                other_end > st->count_end[CAT_INJ] && c.tok_start > s0 && is(d, c.tok_start - 1, "and")) {
                /* the survivors of those shot: the dead are taken from the shot at the end */
                any = true;
                continue;
            }
            /* "four people were shot and two are being treated at a hospital": some of those shot */
            if (cat == CAT_INJ && st->shot && st->n[CAT_INJ] > 0 && c.value < st->n[CAT_INJ] && is(d, i, "treated") &&
                c.tok_start > st->count_end[CAT_INJ]) {
                any = true;
                continue;
            }
            /* more people: "10-Year-Old Girl Hurt, 2 Men Also Wounded", as "also" says (after an
             * implied count too), or a second count after "and" */
            bool also = false;
            for (size_t k = c.tok_end; k < cue && !also; k++)
                also = is(d, k, "also");
            bool adds = (also && st->n[cat] > 0 && !c.vague && c.tok_start >= st->count_end[cat] &&
                         first_cue < c.tok_start && c.tok_end <= cue) ||
                        (c.tok_start > s0 && is(d, c.tok_start - 1, "and") && st->n[cat] > 0 && !st->implied[cat] &&
                         !is(d, c.tok_end, "of") && !(other_end > st->count_end[cat] && other_end < c.tok_start) &&
                         !c.vague && c.tok_start > st->count_end[cat] && st->count_end[cat] > 0 && c.tok_end <= cue);
            if (adds) {
                st->n[cat] += c.value;
                st->low[cat] = st->high[cat] = st->n[cat];
                st->implied[cat] = false;
                st->count_end[cat] = c.tok_end;
                any = true;
                continue;
            }
            /* a list joins its counts ("12 civilians and 3 soldiers"); "the toll has risen to 52
             * after three more died" tells the three among the 52 */
            bool joined = false;
            for (size_t k = st->count_end[cat]; st->n[cat] >= 0 && k < c.tok_start && k < st->count_end[cat] + 3; k++)
                joined |= is(d, k, "and") || gm_tok_is(&d->t.tok[k], ',') || is(d, k, "plus") ||
                          gm_tok_is(&d->t.tok[k], '&');
            set_count(st, cat, &c, false, joined);
            if (cat == CAT_INJ)
                st->shot = shot_cue && !others_counted(d, &c);
            if (part && !any)
                st->detail = true, st->implied[cat] = true;
            any = true;
        } else if (cue > s0 && subject_cue(d, s0, s1, cue)) {
            long n = implied_people(d, s0, cue);
            bool listed = false;
            if (n == 1 && cue >= s0 + 3 && IN(d, cue - 1, PERSON_SG) && !(d->t.tok[cue - 1].flags & GM_TF_CAP) &&
                (gm_tok_is(&d->t.tok[cue - 2], ',') || is(d, cue - 2, "and"))) {
                /* a headline's "Three militants, civilian killed": the list's counts add up */
                size_t q = cue - 1;
                long more = list_before(d, s0, &q);
                n += more;
                listed = more > 0;
            }
            if (n > 0 && n < 50) {
                gm_count ic = exact_count(n);
                set_count(st, cat, &ic, !listed, true);
                if (cat == CAT_INJ)
                    st->shot = shot_cue;
                any = true;
            } else {
                continue;
            }
        } else {
            continue;
        }
        if (first_cue == SIZE_MAX)
            first_cue = i;
    }
    if (self_kill != SIZE_MAX && !attacker_counted(d, s0, s1)) {
        if (st->n[CAT_KILL] > 0 && !st->implied[CAT_KILL] && self_kill > st->count_end[CAT_KILL]) {
            /* "killed his wife and son before shooting himself": three dead */
            st->n[CAT_KILL]++;
            if (st->low[CAT_KILL] >= 0)
                st->low[CAT_KILL]++;
            if (st->high[CAT_KILL] >= 0)
                st->high[CAT_KILL]++;
        } else if (!self_kill_shot) {
            /* "He then turned the gun on himself.": the attacker is dead, whoever else is */
            st->perp_dead = true;
            if (!any) {
                st->detail = any = true;
                if (first_cue == SIZE_MAX)
                    first_cue = self_kill;
            }
        }
    }
    /* "three of her children were killed, along with her niece and a family friend": those too
     * (when the statement counts one kind only, so that "along with" can belong to no other) */
    if ((st->n[CAT_KILL] > 0) != (st->n[CAT_INJ] > 0)) {
        int cat = st->n[CAT_KILL] > 0 ? CAT_KILL : CAT_INJ;
        for (size_t k = s0 + 1; k + 2 < s1; k++) {
            if (!(is(d, k, "along") && is(d, k + 1, "with")))
                continue;
            const gm_token *prev = &d->t.tok[k - 1];
            if (!((prev->type == GM_TOK_PUNCT && prev->punct == ',') || is(d, k - 1, "killed") || is(d, k - 1, "dead") ||
                  is(d, k - 1, "wounded") || is(d, k - 1, "injured") || is(d, k - 1, "hurt")))
                break;
            bool told = false; /* after the casualties ("Police, along with deputies, said ..." adds none) */
            for (size_t j = s0; j < k && !told; j++)
                told = is(d, j, "killed") || is(d, j, "dead") || is(d, j, "died") || is(d, j, "wounded") ||
                       is(d, j, "injured") || is(d, j, "hurt") || is(d, j, "shot");
            if (!told)
                break;
            long more = people_after_of(d, k + 2, s1);
            if (more > 0 && more < 10) {
                st->n[cat] += more;
                if (st->low[cat] >= 0)
                    st->low[cat] += more;
                if (st->high[cat] >= 0)
                    st->high[cat] += more;
            }
            break;
        }
    }
    /* (a death by accident or illness is no incident: asked only of the sentences that count
     * someone, the scan of every word being the dearer test) */
    if (!any || mishap(d, se))
        return false;
    /* "Grantham was damaged in a flash flood. Twelve people lost their lives.": a sentence with no
     * violence of its own after one that tells a mishap is of the mishap */
    if (si > 0 && mishap(d, &d->t.sent[si - 1])) {
        bool violent = false;
        for (size_t i = s0; i < s1 && !violent; i++)
            violent = violent_at(d, i);
        if (!violent)
            return false;
    }
    /* "a father was killed and his son was shot", "another teen was shot in the foot": those shot
     * are other people than those killed */
    /* "a teen who shot four people was killed by police": the dead is the one who shot */
    bool by_police = false;
    if (kill_cue != SIZE_MAX && is(d, kill_cue + 1, "by")) {
        size_t k = kill_cue + 2 + (is(d, kill_cue + 2, "a") || is(d, kill_cue + 2, "an") || is(d, kill_cue + 2, "the"));
        by_police = is(d, k, "police") || is(d, k, "officers") || is(d, k, "officer") || is(d, k, "deputies") ||
                    is(d, k, "deputy") || is(d, k, "troopers") || is(d, k, "trooper") || is(d, k, "agents");
    }
    if (st->shot && (by_police || (kill_cue != SIZE_MAX && shot_at != SIZE_MAX && new_subject(d, kill_cue, shot_at)) ||
                     is(d, s0, "another") || (is(d, s0, "a") && (is(d, s0 + 1, "second") || is(d, s0 + 1, "third"))) ||
                     (is(d, s0, "the") && is(d, s0 + 1, "other"))))
        st->shot = false;
    if (st->n[CAT_KILL] == 1 && st->implied[CAT_KILL]) {
        size_t o0 = is(d, s0, "a") || is(d, s0, "the") ? s0 + 1 : s0;
        if (ordinal_word(d, o0) && (IN(d, o0 + 1, PERSON_SG) || (IN(d, o0 + 2, PERSON_SG) && !is(d, o0 + 1, "and"))))
            st->ordinal_kill = ordinal_word(d, o0);
    }
    /* "police say a second man was injured in the shooting": "a ORDINAL person" right before the
     * cue's verb */
    if (st->n[CAT_INJ] == 1 && st->implied[CAT_INJ] && shot_at == SIZE_MAX && first_cue != SIZE_MAX &&
        first_cue >= s0 + 4 && (is(d, first_cue - 1, "was") || is(d, first_cue - 1, "been"))) {
        size_t p = is(d, first_cue - 1, "been") && is(d, first_cue - 2, "had") ? first_cue - 2 : first_cue - 1;
        if (p >= s0 + 3 && is(d, p - 3, "a") && ordinal_word(d, p - 2) && IN(d, p - 1, PERSON_SG))
            st->ordinal_inj = ordinal_word(d, p - 2);
    }
    if (st->detail && ((st->n[CAT_KILL] >= 0 && !st->implied[CAT_KILL]) ||
                       (st->n[CAT_INJ] >= 0 && !st->implied[CAT_INJ])))
        st->detail = false;
    int prec = 3;
    st->span = place_in(d, si, si, first_cue, an, &prec);
    st->own_place = st->span >= 0 && d->spans[st->span].conf >= 0.5f;
    if (st->span < 0 && si > 0) {
        /* the previous sentences of the paragraph */
        uint32_t from = si >= 2 ? si - 2 : 0;
        while (from < si && d->t.sent[from].para != se->para)
            from++;
        if (from < si)
            st->span = place_in(d, from, si - 1, first_cue, an, &prec);
        if (st->span >= 0 && prec < 3)
            prec = prec == 1 ? 1 : 2;
    }
    st->prec = prec;
    st->sent = st->sent_last = si;
    st->etype = event_type(d, se);
    if (!st->etype && si > 0 && d->t.sent[si - 1].para == se->para) {
        st->etype = event_type(d, &d->t.sent[si - 1]);
        st->etype_inherited = st->etype != NULL;
    }
    st->has_date = find_date(d, se, &st->date, &st->date_prec);
    if (!st->has_date && si > 0 && d->t.sent[si - 1].para == se->para) {
        st->has_date = find_date(d, &d->t.sent[si - 1], &st->date, &st->date_prec);
        st->date_weak = st->has_date;
    }
    st->separate = says_separate(d, si);
    st->past = told_as_past(d, se, &st->surely_past);
    /* "in October 2014" in a 2025 article: an earlier event, dated by its month, or undated */
    int old_month, old_year = year_before_doc(d, se, &old_month);
    st->year_past = old_year != 0;
    st->history = old_year != 0 && old_year < OLD_YEAR;
    if (st->year_past) {
        st->has_date = old_month != 0;
        st->date = st->has_date ? gm_date_days(old_year, (unsigned)old_month, 1) : 0;
        st->date_prec = 3;
        st->date_weak = false;
        st->undated = !st->has_date;
    }
    st->fresh_event = fresh_event(d, se);
    st->conf = 0.55f + (st->span >= 0 ? 0.2f : 0) + (st->etype ? 0.1f : 0) +
               ((st->n[0] >= 0 && !st->implied[0]) || (st->n[1] >= 0 && !st->implied[1]) ? 0.1f : 0);
    return true;
}

static uint32_t stmt_place(const gm_doc *d, const stmt *s)
{
    return s->span >= 0 ? gm_span_place(d, &d->spans[s->span]) : GM_NONE32;
}

/* Where both give a number of a kind, it is the same. */
static bool counts_compatible(const stmt *a, const stmt *b)
{
    for (int c = 0; c < 2; c++)
        if (a->n[c] >= 0 && b->n[c] >= 0 && a->n[c] != b->n[c])
            return false;
    return true;
}

/* Some kind of count is given by both, and equal. */
static bool shares_count(const stmt *a, const stmt *b)
{
    for (int c = 0; c < 2; c++)
        if (a->n[c] >= 0 && a->n[c] == b->n[c])
            return true;
    return false;
}

/*
 * Statement b tells again victims of incident a: no attack of its own (no event word in its
 * sentence), no more dead or hurt than a, a place near a's ("Mary Jo Nye of Battle Creek and ...
 * were killed", "he died later at a hospital in Bridgeport").  Not when the dates differ.
 */
#define VICTIM_NEAR_KM 50.0

static bool victim_told_again(const gm_doc *d, const stmt *a, const stmt *b, uint32_t pa, uint32_t pb)
{
    if (b->fresh_event || !(a->n[CAT_KILL] > 0 || a->n[CAT_INJ] > 0) || a->past != b->past)
        return false;
    if (a->has_date && b->has_date && a->date != b->date)
        return false;
    bool any = false;
    for (int c = 0; c < 2; c++) {
        if (b->n[c] < 0)
            continue;
        if (a->n[c] < 0 || b->n[c] > a->n[c] || b->update_cat[c])
            return false;
        any = true;
    }
    return any && pa != GM_NONE32 && pb != GM_NONE32 && gm_gz_km(d->gaz, pa, pb) < VICTIM_NEAR_KM;
}

#define BACKGROUND_SENTENCES 6

/* The evidence of an incident told in several sentences spans them all when they are at most
 * EVIDENCE_SENTENCES sentences and EVIDENCE_BYTES bytes; otherwise it is its first sentence. */
#define EVIDENCE_SENTENCES 4
#define EVIDENCE_BYTES 1200

/* b, placeless, comes BACKGROUND_SENTENCES or more after incident a with a bigger count that is no
 * update: a number of the story's background, not of its incident ("Authorities ... executed 35" in
 * a church's history, "the decade's highest total came in 2011, with 73 officers shot dead"). */
static bool background(const stmt *a, const stmt *b)
{
    if (b->sent < a->sent_last + BACKGROUND_SENTENCES || b->update)
        return false;
    for (int c = 0; c < 2; c++)
        if (a->n[c] > 0 && b->n[c] > a->n[c] && !b->update_cat[c] && !b->implied[c])
            return true;
    return false;
}

/*
 * Do statements a and b (a earlier) tell the same incident?  An article tells one event many
 * times - headline, lead, details, quotes - so they do, unless the text says otherwise: two
 * different towns or regions, two different dates, or "in a separate attack".
 */
static bool same_incident(const gm_doc *d, const stmt *a, const stmt *b, bool *victim)
{
    *victim = false;
    /* "near where a drive-by shooting injured a dozen in March": an earlier event, not this one */
    if (b->separate || (b->surely_past && !a->surely_past && !(counts_compatible(a, b) && shares_count(a, b))))
        return false;
    /* "In 2005 a man was shot in the same street": of another year than the article's incident */
    if (a->year_past != b->year_past && !(counts_compatible(a, b) && shares_count(a, b)))
        return false;
    if (a->detail || b->detail)
        return true;
    /* the headline and the lead tell the same numbers, wherever each puts the event */
    if (a->sent == 0 && counts_compatible(a, b) && shares_count(a, b) && (a->n[0] > 0 || a->n[1] > 0))
        return true;
    /* a statement that names no place of its own goes on telling the incident before it (unless it
     * is background: merge drops that first) */
    if (!b->own_place)
        return true;
    uint32_t pa = stmt_place(d, a), pb = stmt_place(d, b);
    if (victim_told_again(d, a, b, pa, pb)) {
        *victim = true;
        return true;
    }
    if (pa != GM_NONE32 && pb != GM_NONE32 && pa != pb && !gm_gz_contains(d->gaz, pa, pb) && !gm_gz_contains(d->gaz, pb, pa)) {
        const gm_idx_place *A = &d->gaz->places[pa], *B = &d->gaz->places[pb];
        bool towns = kind_specificity(A->kind) == 3 && kind_specificity(B->kind) == 3;
        double km = gm_gz_km(d->gaz, pa, pb);
        /* two nearby places are one incident when the counts agree: "an officer was assassinated
         * in Moscow" ... "was killed in Balashikha, a suburb"; "a Phoenix-area shooting killed 1" ...
         * "in Mesa, a gunman killed one person and wounded five" */
        bool same_counts = counts_compatible(a, b) && shares_count(a, b);
        if (km >= (same_counts ? 60.0 : 30.0) || (towns && !same_counts))
            return false;
    }
    if (a->has_date && b->has_date && a->date != b->date && !(a->date_weak || b->date_weak))
        return false;
    return true;
}


/* How much the article speaks of place p: the confidence of its mentions of p and of the places
 * within 30 km of it, in p's country. */
static float support_raw(const gm_doc *d, uint32_t p)
{
    float sum = 0;
    for (size_t i = 0; i < d->nspans; i++) {
        const gm_mspan *s = &d->spans[i];
        if (s->dropped || s->best < 0 || s->kind != GM_MENTION_NAME)
            continue;
        uint32_t q = d->cands[s->best].place;
        if (q == p || gm_gz_contains(d->gaz, q, p) ||
            (kind_specificity(d->gaz->places[q].kind) == 3 && gm_gz_km(d->gaz, p, q) < 30.0))
            sum += s->conf;
    }
    return sum;
}

/* support() by place, made as asked (folding many statements would otherwise rescan every mention
 * for each fold).  A table of GM_NONE32 keys; cap a power of two, or 0 when memory ran out. */
typedef struct support_cache {
    uint32_t *keys;
    float *vals;
    size_t cap;
} support_cache;

static float support(const gm_doc *d, support_cache *sc, uint32_t p)
{
    if (!sc->cap)
        return support_raw(d, p);
    size_t i = (p * 2654435761u) & (sc->cap - 1);
    while (sc->keys[i] != GM_NONE32 && sc->keys[i] != p)
        i = (i + 1) & (sc->cap - 1);
    if (sc->keys[i] != p) {
        sc->keys[i] = p;
        sc->vals[i] = support_raw(d, p);
    }
    return sc->vals[i];
}

/* Is a's place a better place for the incident than b's?  The more specific kind; between two
 * towns close together the smaller ("Balashikha, a suburb of Moscow"); else the more exact, then
 * the earlier. */
static bool better_place(const gm_doc *d, support_cache *sc, const stmt *a, const stmt *b)
{
    uint32_t pa = stmt_place(d, a), pb = stmt_place(d, b);
    const gm_idx_place *A = &d->gaz->places[pa], *B = &d->gaz->places[pb];
    bool ma = masthead(d, &d->spans[a->span]), mb = masthead(d, &d->spans[b->span]);
    if (ma != mb)
        return mb;
    int ka = kind_specificity(A->kind), kb = kind_specificity(B->kind);
    if (ka != kb)
        return ka > kb;
    if (a->own_place != b->own_place)
        return a->own_place;
    if (ka == 3 && pa != pb && gm_gz_km(d->gaz, pa, pb) < 30.0 && A->population != B->population)
        return A->population < B->population;
    /* two towns far apart told as one incident: the one the article names more, and more surely
     * ("3 Dead in Shooting Spree by Surprise" ... "near Bristol, Tennessee") */
    if (ka == 3 && pa != pb) {
        float sa = support(d, sc, pa), sb = support(d, sc, pb);
        if (fabsf(sa - sb) > 0.2f)
            return sa > sb;
    }
    return a->prec <= b->prec;
}

/* Statement s's injured, less the dead (killed, if s has no count of its own) when its count is of
 * those shot. */
static long survivors(const stmt *s, long killed)
{
    long k = s->n[CAT_KILL] >= 0 ? s->n[CAT_KILL] : killed;
    return s->shot && k > 0 && s->n[CAT_INJ] >= k ? s->n[CAT_INJ] - k : s->n[CAT_INJ];
}

/* Folds statement a into b (b is later): the most specific place, the larger explicit count (a
 * later "death toll rose to" replaces), the first sentence as the start of the evidence. */

static void fold(gm_doc *d, support_cache *sc, stmt *a, stmt *b)
{
    /* the attacker's own death: whether the dead told include him the text does not say, so it
     * counts only where no count of the dead is told */
    b->perp_dead |= a->perp_dead;
    /* what goes on telling an earlier event is of that event */
    if (a->surely_past)
        b->past = b->surely_past = true;
    b->year_past |= a->year_past;
    b->history |= a->history;
    b->undated = b->year_past && !b->has_date;
    long b_inj = b->n[CAT_INJ];
    bool b_inj_implied = b->implied[CAT_INJ];
    for (int c = 0; c < 2; c++) {
        bool take_a = false;
        /* (those shot, the dead among them, weigh as the survivors: "2 dead, 3 wounded" is not
         * outnumbered by "at least four people were shot") */
        long an = c == CAT_INJ ? survivors(a, b->n[CAT_KILL]) : a->n[c];
        long bn = c == CAT_INJ ? survivors(b, b->n[CAT_KILL]) : b->n[c];
        if (b->n[c] < 0)
            take_a = a->n[c] >= 0;
        else if ((a->n[c] == 0) != (b->n[c] == 0) && a->n[c] >= 0 && !a->update_cat[c] && !b->update_cat[c])
            take_a = a->n[c] > 0; /* "No one was hit by that shot" denies no one hurt that another sentence counts */
        else if (a->n[c] >= 0 && a->update_cat[c] && b->update_cat[c])
            take_a = an > bn; /* two tolls that rose: the higher is the later news, whatever the order told */
        else if (a->n[c] >= 0 && !b->update_cat[c])
            take_a = (b->implied[c] && !a->implied[c]) || (a->implied[c] == b->implied[c] && an > bn) ||
                     a->update_cat[c];
        if (take_a) {
            b->n[c] = a->n[c];
            b->low[c] = a->low[c];
            b->high[c] = a->high[c];
            b->qual[c] = a->qual[c];
            b->implied[c] = a->implied[c];
            b->update_cat[c] = a->update_cat[c];
            if (c == CAT_INJ)
                b->shot = a->shot;
        } else if (c == CAT_INJ && a->n[c] >= 0 && a->n[c] == b->n[c]) {
            /* "3 wounded" told once as wounded: those shot who died are not among them */
            b->shot = a->shot && b->shot;
        }
    }
    if (b->ordinal_kill > 1 && b->n[CAT_KILL] == b->ordinal_kill - 1 && !b->update_cat[CAT_KILL]) {
        b->n[CAT_KILL] = b->low[CAT_KILL] = b->high[CAT_KILL] = b->ordinal_kill;
        b->implied[CAT_KILL] = false;
    }
    b->ordinal_kill = 0;
    /* "a second man was injured", told before or after a statement that counts the first one
     * injured in words ("one man suffered a gunshot wound"; not "an officer was shot", whom the
     * second may follow as the dead) */
    long oi = 0;
    if (a->ordinal_inj > 1 && b_inj == a->ordinal_inj - 1 && !b_inj_implied)
        oi = a->ordinal_inj;
    else if (b->ordinal_inj > 1 && a->n[CAT_INJ] == b->ordinal_inj - 1 && !a->implied[CAT_INJ])
        oi = b->ordinal_inj;
    if (oi > 1 && !b->update_cat[CAT_INJ]) {
        b->n[CAT_INJ] = b->low[CAT_INJ] = b->high[CAT_INJ] = oi;
        b->implied[CAT_INJ] = false;
    }
    b->ordinal_inj = oi > 1 ? 0 : (a->ordinal_inj > b->ordinal_inj ? a->ordinal_inj : b->ordinal_inj);
    uint32_t pa = stmt_place(d, a), pb = stmt_place(d, b);
    if (b->detail && !a->detail) {
        /* a detail adds a number at most: the place and the evidence stay the incident's */
        b->span = a->span;
        b->prec = a->prec;
        b->sent_last = a->sent_last;
        b->detail = false;
    } else if (pa != GM_NONE32 && (pb == GM_NONE32 || better_place(d, sc, a, b))) {
        b->span = a->span;
        b->prec = a->prec;
        b->own_place = a->own_place;
    }
    if (!b->etype || (b->etype_inherited && a->etype && !a->etype_inherited)) {
        b->etype = a->etype;
        b->etype_inherited = a->etype_inherited;
    }
    if (a->has_date && (!b->has_date || (b->date_weak && !a->date_weak))) {
        b->date = a->date;
        b->date_prec = a->date_prec;
        b->has_date = true;
        b->date_weak = a->date_weak;
    }
    b->sent = a->sent;
    b->conf = fmaxf(a->conf, b->conf);
    a->dead = true;
}

/* Merges statements that tell the same incident. */
static void merge(gm_doc *d, stmt *st, size_t n)
{
    /* one slot per distinct place at most, and half the table free */
    support_cache sc = {NULL, NULL, 0};
    size_t cap = 16;
    while (cap < 2 * (d->nspans + 1))
        cap *= 2;
    sc.keys = gm_malloc(cap * sizeof *sc.keys);
    sc.vals = gm_malloc(cap * sizeof *sc.vals);
    if (sc.keys && sc.vals) {
        sc.cap = cap;
        for (size_t i = 0; i < cap; i++)
            sc.keys[i] = GM_NONE32;
    }
    for (size_t j = 1; j < n; j++) {
        stmt *b = &st[j];
        for (size_t i = j; i-- > 0;) {
            stmt *a = &st[i];
            bool victim;
            if (a->dead)
                continue;
            if (!b->own_place && background(a, b)) {
                b->dead = true; /* neither this incident nor one of its own */
                break;
            }
            if (!same_incident(d, a, b, &victim))
                continue;
            if (victim)
                b->detail = true; /* the place and the evidence stay a's */
            fold(d, &sc, a, b);
            break;
        }
    }
    gm__free(sc.keys);
    gm__free(sc.vals);
}

typedef struct place_conf {
    uint32_t place, span;
    float conf;
} place_conf;

static int cmp_place_conf(const void *x, const void *y)
{
    const place_conf *a = x, *b = y;
    if (a->place != b->place)
        return a->place < b->place ? -1 : 1;
    return (a->span > b->span) - (a->span < b->span);
}

/* The town an article is about: the town-level place named most surely and most often (not a
 * street, an institution's name or a victim's home town). */
static int32_t main_town(const gm_doc *d, const uint32_t *nbh, size_t nnbh)
{
    /* the summed confidence of every mention of each place, summed in text order; sorted by place
     * so that a long document costs n log n, not n squared */
    place_conf *pc = gm_malloc((d->nspans + 1) * sizeof *pc);
    if (!pc)
        return -1; /* out of memory: no town; the incidents fall back on their own places */
    size_t npc = 0;
    for (size_t j = 0; j < d->nspans; j++) {
        const gm_mspan *o = &d->spans[j];
        if (!o->dropped && o->best >= 0)
            pc[npc++] = (place_conf){d->cands[o->best].place, (uint32_t)j, o->conf};
    }
    qsort(pc, npc, sizeof *pc, cmp_place_conf);
    for (size_t a = 0, b; a < npc; a = b) {
        float sum = 0;
        for (b = a; b < npc && pc[b].place == pc[a].place; b++)
            sum += pc[b].conf;
        for (size_t k = a; k < b; k++)
            pc[k].conf = sum;
    }
    int32_t best = -1;
    float best_score = 0;
    for (size_t i = 0; i < d->nspans; i++) {
        const gm_mspan *s = &d->spans[i];
        /* "Chicago Police" names the article's town; "Johnson City Medical Center" does not */
        bool police = (s->flags & GM_SF_IN_ORG) && s->tok_end < d->t.ntok &&
                      (is(d, s->tok_end, "police") || is(d, s->tok_end, "sheriff") || is(d, s->tok_end, "fire"));
        if (s->dropped || s->best < 0 || s->kind != GM_MENTION_NAME || (s->flags & GM_SF_STREET) ||
            ((s->flags & GM_SF_IN_ORG) && !police) || s->conf < 0.5f || masthead(d, s))
            continue;
        uint32_t place = d->cands[s->best].place;
        if (kind_specificity(d->gaz->places[place].kind) < 2)
            continue;
        /* "the Washington Heights neighborhood" is a part of the article's town, not the town */
        if (is_neighbourhood(nbh, nnbh, place))
            continue;
        place_conf key = {place, (uint32_t)i, 0};
        const place_conf *hit = bsearch(&key, pc, npc, sizeof *pc, cmp_place_conf);
        float score = hit ? hit->conf : 0;
        score += 0.5f * (float)kind_specificity(d->gaz->places[place].kind);
        if (score > best_score) {
            best_score = score;
            best = (int32_t)i;
        }
    }
    gm__free(pc);
    return best;
}

/* Most words of the sentence are capitalised: a headline. */
static bool title_cased(const gm_doc *d, const gm_sentence *se)
{
    size_t words = 0, caps = 0;
    for (size_t k = se->tok_start; k < se->tok_end; k++)
        if (d->t.tok[k].type == GM_TOK_WORD && d->t.tok[k].fold_len > 3) {
            words++;
            caps += (d->t.tok[k].flags & GM_TF_CAP) != 0;
        }
    return words > 0 && 2 * caps > words;
}

/* The first sentence that tells an attack ("a shooting in X", "was shot", "shelled X") without
 * numbers; fills st as an incident without counts. */
static bool uncounted_event(const gm_doc *d, anchor_t *an, stmt *st)
{
    for (uint32_t si = 0; si < d->t.nsent; si++) {
        const gm_sentence *se = &d->t.sent[si];
        size_t s0 = se->tok_start, s1 = se->tok_end;
        size_t cue = SIZE_MAX;
        bool prose = !title_cased(d, se);
        for (size_t k = s0; k < s1 && cue == SIZE_MAX; k++) {
            /* "the movie \"Slap Shot\"": a title's capitalised word in a sentence of prose */
            if (prose && (d->t.tok[k].flags & GM_TF_CAP) && !(d->t.tok[k].flags & GM_TF_SENT_START))
                continue;
            if (is(d, k, "shooting") || is(d, k, "stabbing") || is(d, k, "airstrike") || is(d, k, "airstrikes") ||
                is(d, k, "shelling") || is(d, k, "bombing") || is(d, k, "explosion") || is(d, k, "blast") ||
                is(d, k, "shelled") || is(d, k, "bombed") || is(d, k, "ambush") || is(d, k, "ambushed") ||
                is(d, k, "attack") || is(d, k, "attacks") || is(d, k, "attacked") || is(d, k, "counterattack") ||
                is(d, k, "assault") || is(d, k, "clashes") || is(d, k, "fighting") || is(d, k, "battle") ||
                is(d, k, "battles") || is(d, k, "raid") || is(d, k, "shells") || is(d, k, "shootout") ||
                is(d, k, "gunfight") || is(d, k, "firefight") ||
                (is(d, k, "air") && is(d, k + 1, "strike")) || (is(d, k, "opened") && is(d, k + 1, "fire")) ||
                ((is(d, k, "shot") || is(d, k, "shoots") || is(d, k, "stabbed")) && !is(d, k + 1, "down") &&
                 !is(d, k + 1, "at")))
                cue = k;
        }
        if (cue == SIZE_MAX || hypothetical(d, s0, cue))
            continue;
        /* "a flu shot", "fighting AIDS", "a legal battle": no attack */
        int rank;
        if ((is(d, cue, "shot") || is(d, cue, "fighting") || is(d, cue, "battle")) && !event_at(d, cue, &rank))
            continue;
        /* "last year's shooting", "the 2019 bombing": an event told as past */
        bool past = false;
        for (size_t k = cue > s0 + 3 ? cue - 3 : s0; k < cue; k++)
            past |= is(d, k, "last") || is(d, k, "year's") || is(d, k, "anniversary") || is(d, k, "previous") ||
                    (d->t.tok[k].type == GM_TOK_NUM && d->t.tok[k].end - d->t.tok[k].start == 4);
        if (past)
            continue;
        memset(st, 0, sizeof *st);
        st->n[0] = st->n[1] = -1;
        st->low[0] = st->low[1] = st->high[0] = st->high[1] = -1;
        int prec = 3;
        st->span = place_in(d, si, si, cue, an, &prec);
        if (st->span < 0 && !is(d, cue, "shooting") && !is(d, cue, "shot") && !is(d, cue, "stabbing"))
            continue; /* a battle or an attack needs a place of its own to be mapped */
        st->prec = prec;
        st->sent = st->sent_last = si;
        st->etype = event_type(d, se);
        st->has_date = find_date(d, se, &st->date, &st->date_prec);
        st->uncounted = true;
        st->conf = 0.35f;
        return true;
    }
    return false;
}

/* A compass word at token k: its bearing in degrees ("north" 0, "south-east" 135), or -1. */
static double bearing_at(const gm_doc *d, size_t k, size_t *first)
{
    static const struct {
        const char *w;
        double deg;
    } B[] = {{"north", 0},        {"northeast", 45}, {"east", 90},       {"southeast", 135}, {"south", 180},
             {"southwest", 225},  {"west", 270},     {"northwest", 315}, {"nne", 22.5},      {"ene", 67.5},
             {"ese", 112.5},      {"sse", 157.5},    {"ssw", 202.5},     {"wsw", 247.5},     {"wnw", 292.5},
             {"nnw", 337.5}};
    for (size_t i = 0; i < GM_ARRAY_LEN(B); i++)
        if (is(d, k, B[i].w)) {
            *first = k;
            /* "north-east", "south-west" */
            if (k >= 2 && gm_tok_is(&d->t.tok[k - 1], '-') && (is(d, k - 2, "north") || is(d, k - 2, "south")) &&
                (B[i].deg == 90 || B[i].deg == 270)) {
                double ns = is(d, k - 2, "north") ? 0 : 180;
                *first = k - 2;
                return ns == 0 ? (B[i].deg == 90 ? 45 : 315) : (B[i].deg == 90 ? 135 : 225);
            }
            return B[i].deg;
        }
    return -1;
}

/*
 * "20 km north of Kharkiv", "10 miles southeast of Peoria", "30km west of Donetsk": the distance in
 * km and the bearing of an offset written before the place name at token a; false when there is
 * none.
 */
static bool offset_before(const gm_doc *d, size_t a, double *km, double *bearing)
{
    if (a < 3 || !(is(d, a - 1, "of") || is(d, a - 1, "from")))
        return false;
    size_t k = a - 2, first;
    double b = bearing_at(d, k, &first);
    if (b < 0)
        return false;
    if (first == 0)
        return false;
    k = first - 1;
    double factor = 0;
    size_t unit = k;
    if (is(d, k, "km") || is(d, k, "kilometres") || is(d, k, "kilometers") || is(d, k, "kilometre") ||
        is(d, k, "kilometer"))
        factor = 1.0;
    else if (is(d, k, "miles") || is(d, k, "mile") || is(d, k, "mi"))
        factor = 1.609344;
    double v = -1;
    if (factor > 0 && unit > 0) {
        gm_count c;
        size_t p = unit - 1;
        /* "some 20 km", "about 15 miles" */
        if (gm_parse_count(&d->t, p, false, &c) && c.tok_end == unit && c.value > 0)
            v = (double)c.value;
        else if (p > 0 && gm_parse_count(&d->t, p - 1, false, &c) && c.tok_end == unit && c.value > 0)
            v = (double)c.value;
    } else {
        /* "20km" written as one word */
        const gm_token *t = &d->t.tok[k];
        const char *x = d->text + t->start;
        size_t len = t->end - t->start, i = 0;
        double n = 0;
        while (i < len && x[i] >= '0' && x[i] <= '9')
            n = n * 10 + (x[i++] - '0');
        if (i > 0 && i < len) {
            if (len - i == 2 && (x[i] | 32) == 'k' && (x[i + 1] | 32) == 'm')
                factor = 1.0, v = n;
        }
    }
    if (v <= 0 || v > 500)
        return false;
    *km = v * factor;
    *bearing = b;
    return true;
}

/* PROJ's geodesic, loaded on first use (see CMakeLists.txt: loading PROJ costs more than most
 * documents, and few need an offset). */
typedef void (*geod_init_fn)(struct geod_geodesic *, double, double);
typedef void (*geod_direct_fn)(const struct geod_geodesic *, double, double, double, double, double *, double *,
                               double *);
static geod_init_fn proj_geod_init;
static geod_direct_fn proj_geod_direct;
static pthread_once_t proj_once = PTHREAD_ONCE_INIT;

static void load_proj(void)
{
    void *h = dlopen(GM_PROJ_SONAME, RTLD_LAZY | RTLD_LOCAL);
    if (!h)
        return;
    /* POSIX allows the conversion of dlsym's object pointer to a function pointer */
    *(void **)&proj_geod_init = dlsym(h, "geod_init");
    *(void **)&proj_geod_direct = dlsym(h, "geod_direct");
    if (!proj_geod_init || !proj_geod_direct)
        proj_geod_init = NULL;
}

/* The point km kilometres from (lat, lon) on the given bearing, on the WGS 84 ellipsoid; false
 * when PROJ cannot be loaded (the incident then stays at the reference place, "near" it). */
static bool offset_point(double lat, double lon, double km, double bearing, double *olat, double *olon)
{
    pthread_once(&proj_once, load_proj);
    if (!proj_geod_init)
        return false;
    struct geod_geodesic g;
    proj_geod_init(&g, 6378137.0, 1 / 298.257223563);
    double azi2;
    proj_geod_direct(&g, lat, lon, bearing, km * 1000.0, olat, olon, &azi2);
    return true;
}

/* The part of country `place` a direction before its mention names ("eastern Ukraine", "south
 * Lebanon"): an entry of the gazetteer (build.c, COUNTRY_PARTS), or GM_NONE32. */
static uint32_t country_part(const gm_doc *d, const gm_mspan *s, uint32_t place, size_t *dir_tok)
{
    /* the directions of COUNTRY_PARTS, as nouns and as adjectives */
    static const char *const NOUNS[][2] = {{"north", "northern"}, {"south", "southern"}, {"east", "eastern"},
                                           {"west", "western"}, {"northeast", "northeastern"},
                                           {"northwest", "northwestern"}, {"southeast", "southeastern"},
                                           {"southwest", "southwestern"}};
    const gm_gazetteer *g = d->gaz;
    if (g->places[place].kind != GM_PK_COUNTRY)
        return GM_NONE32;
    size_t a = s->tok_start ? s->tok_start - 1 : 0;
    bool dir = s->tok_start && is(d, a, "central");
    for (size_t i = 0; i < GM_ARRAY_LEN(NOUNS) && !dir && s->tok_start; i++)
        dir = is(d, a, NOUNS[i][0]) || is(d, a, NOUNS[i][1]);
    const gm_idx_key *key = NULL;
    if (dir) {
        key = gm_lookup_tokens(d, a, s->tok_end, (d->t.tok[s->tok_end - 1].flags & GM_TF_POSSESSIVE) != 0);
    } else {
        /* "Ukraine's east", "the east of Ukraine": the adjective form names the same part */
        size_t k = SIZE_MAX;
        if ((d->t.tok[s->tok_end - 1].flags & GM_TF_POSSESSIVE) && s->tok_end < d->t.ntok)
            k = s->tok_end;
        else if (s->tok_start >= 3 && is(d, s->tok_start - 1, "of") && is(d, s->tok_start - 3, "the"))
            k = s->tok_start - 2;
        for (size_t i = 0; k != SIZE_MAX && i < GM_ARRAY_LEN(NOUNS) && !key; i++)
            if (is(d, k, NOUNS[i][0])) {
                char buf[256];
                const char *name = g->strings + g->places[place].name;
                int n = snprintf(buf, sizeof buf, "%s %s", NOUNS[i][1], name);
                bool oom; /* no key then: the country stays the place */
                if (n > 0 && (size_t)n < sizeof buf)
                    key = gm_lookup_name(g, buf, (size_t)n, &oom);
                a = k;
            }
    }
    for (uint32_t i = 0; key && i < key->npost; i++) {
        uint32_t q = gm_post_place(g->postings[key->post + i]);
        if (gm_gz_place_ok(g, q) && (g->places[q].flags & GM_PF_COUNTRY_PART) &&
            g->places[q].country == g->places[place].country) {
            *dir_tok = a;
            return q;
        }
    }
    return GM_NONE32;
}

/* How many mentions of the text resolve to place p. */
static size_t times_named(const gm_doc *d, uint32_t p)
{
    size_t n = 0;
    for (size_t i = 0; i < d->nspans; i++)
        n += !d->spans[i].dropped && d->spans[i].best >= 0 && gm_span_place(d, &d->spans[i]) == p;
    return n;
}

gm_status gm_find_incidents(gm_doc *d)
{
    pthread_once(&sets_once, build_sets);
    stmt *st = NULL;
    size_t n = 0, cap = 0;
    /* the dateline and the town the article is about: places for incidents that name none, and
     * how sure the article is of its own place */
    size_t nnbh;
    uint32_t *nbh = neighbourhoods(d, &nnbh);
    int32_t dateline = -1, town = main_town(d, nbh, nnbh);
    anchor_t an = {GM_NONE32, town >= 0 && d->spans[town].conf >= 0.6f, false, false, false, false, NULL, NULL, NULL,
                   nbh, nnbh};
    if (town >= 0 && d->spans[town].conf >= 0.35f)
        an.place = gm_span_place(d, &d->spans[town]);
    for (size_t i = 0; i < d->nspans; i++)
        if ((d->spans[i].flags & GM_SF_DATELINE) && !d->spans[i].dropped && d->spans[i].best >= 0) {
            if (dateline < 0) {
                dateline = (int32_t)i;
                if (d->spans[i].conf >= 0.35f)
                    an.place = gm_span_place(d, &d->spans[i]);
                an.local_dateline = d->spans[i].conf >= 0.6f && !agency_after(d, d->spans[i].tok_end);
            }
            an.sure |= d->spans[i].conf >= 0.6f;
        }
    /* "ROSELAND - An officer was grazed ..." in a story that speaks of Chicago: a dateline of a
     * neighbourhood the gazetteer lacks, resolved to a doubtful town far away (in New Jersey),
     * yields to the town the article is sure of, and is no place for an incident */
    if (dateline >= 0 && town >= 0 && d->spans[dateline].conf < FAR_TOWN_CONF &&
        d->spans[town].conf >= 0.6f) {
        uint32_t tp = gm_span_place(d, &d->spans[town]), dp = gm_span_place(d, &d->spans[dateline]);
        /* but a dateline the text repeats more often than it names that town is what the article
         * is about ("SANTA ANA - ... shot in Santa Ana ... Santa Ana police", with one "Toyota") */
        if (times_named(d, dp) <= times_named(d, tp) && far_untold_town(d, &an, tp, dp)) {
            an.place = tp;
            an.far_dateline = true;
            dateline = town;
        }
    }
    bool in_links = false, illness = illness_story(d);
    for (uint32_t si = 0; si < d->t.nsent && !illness; si++) {
        stmt s;
        /* "Related Stories:" and the headlines under it, up to the next sentence of prose */
        if (links_header(d, si)) {
            in_links = true;
            continue;
        }
        if (in_links && !ends_as_prose(d, si))
            continue;
        in_links = false;
        if (!read_sentence(d, si, &an, &s))
            continue;
        if (!gm_grow((void **)&st, &cap, n + 1, sizeof *st)) {
            gm__free(st);
            anchor_free(&an);
            return GM_E_NOMEM;
        }
        st[n++] = s;
    }
    merge(d, st, n);
    /* "A third person has died after a shooting", told alone: the third death of the attack */
    for (size_t i = 0; i < n; i++)
        if (!st[i].dead && st[i].ordinal_kill > 1 && st[i].n[CAT_KILL] == 1 && st[i].implied[CAT_KILL]) {
            st[i].n[CAT_KILL] = st[i].low[CAT_KILL] = st[i].high[CAT_KILL] = st[i].ordinal_kill;
            st[i].implied[CAT_KILL] = false;
        }
    /* an article about an attack that gives no numbers: one incident without counts, so that
     * the map still shows where it happened */
    bool counted = false;
    for (size_t i = 0; i < n; i++)
        counted |= !st[i].dead && (st[i].n[0] >= 0 || st[i].n[1] >= 0);
    stmt quiet;
    if (!counted && !illness && uncounted_event(d, &an, &quiet)) {
        if (!gm_grow((void **)&st, &cap, n + 1, sizeof *st)) {
            gm__free(st);
            anchor_free(&an);
            return GM_E_NOMEM;
        }
        st[n++] = quiet;
    }
    if (dateline < 0)
        dateline = town;
    /* earlier events the article recalls ("Last month, a gunman killed three people at Fort Hood")
     * are not incidents of this article: they were reported when they happened, and counting
     * them again would count one incident twice */
    bool first = true, current = false;
    for (size_t i = 0; i < n; i++)
        current |= !st[i].dead && (st[i].n[0] > 0 || st[i].n[1] > 0) && !st[i].year_past;
    for (size_t i = 0; i < n; i++) {
        if (st[i].dead || (st[i].n[0] <= 0 && st[i].n[1] <= 0))
            continue;
        /* one of an earlier year ("In 1837 raiders ...") gives way to the article's own, wherever
         * it comes; an article about an old event keeps it, dated by what the text says */
        if ((!first && (st[i].past || st[i].year_past)) || (st[i].year_past && current) || st[i].history)
            st[i].dead = true;
        first = false;
    }
    for (size_t i = 0; i < n; i++) {
        stmt *s = &st[i];
        if (s->dead)
            continue;
        if (s->perp_dead && s->n[CAT_KILL] < 0) {
            /* "the gunman killed himself" with no other dead told: one */
            s->n[CAT_KILL] = s->low[CAT_KILL] = s->high[CAT_KILL] = 1;
            s->implied[CAT_KILL] = true;
        }
        /* "four people were shot, one fatally": the injured are those shot who survived */
        if (s->shot && s->n[0] > 0 && s->n[1] >= s->n[0]) {
            s->n[1] -= s->n[0];
            s->low[1] = s->high[1] = s->n[1];
        }
        if (s->n[0] <= 0 && s->n[1] <= 0 && !(s->n[0] == 0 || s->n[1] == 0) && !s->uncounted)
            continue;
        if (!gm_grow((void **)&d->incidents, &d->capinc, d->nincidents + 1, sizeof *d->incidents)) {
            gm__free(st);
            anchor_free(&an);
            return GM_E_NOMEM;
        }
        gm_incident *inc = &d->incidents[d->nincidents++];
        memset(inc, 0, sizeof *inc);
        /* the evidence: the sentences from the first telling to the last one folded in, when they
         * are a short passage; an incident told again pages later shows its first telling */
        const gm_sentence *a = &d->t.sent[s->sent], *b = &d->t.sent[s->sent_last];
        if (s->sent_last - s->sent >= EVIDENCE_SENTENCES || b->end - a->start > EVIDENCE_BYTES)
            b = a;
        inc->start = a->start;
        inc->end = b->end;
        inc->killed = s->n[0] >= 0 ? s->n[0] : GM_COUNT_NONE;
        inc->injured = s->n[1] >= 0 ? s->n[1] : GM_COUNT_NONE;
        inc->killed_low = s->low[0] >= 0 ? s->low[0] : GM_COUNT_NONE;
        inc->killed_high = s->high[0] >= 0 ? s->high[0] : GM_COUNT_NONE;
        inc->qualifier = s->qual[0] ? s->qual[0] : s->qual[1];
        inc->event_type = s->etype;
        inc->confidence = s->conf;
        int32_t span = s->span >= 0 ? s->span : dateline;
        int prec = s->span >= 0 ? s->prec : 1;
        /* "four servicemen killed in eastern Ukraine ... Kurakhovo": a region, and the town the
         * article is about inside it - the town, as an approximation */
        if (span >= 0 && town >= 0 && town != span) {
            uint32_t rp = gm_span_place(d, &d->spans[span]), tp = gm_span_place(d, &d->spans[town]);
            if (kind_specificity(d->gaz->places[rp].kind) < 3 && gm_gz_contains(d->gaz, rp, tp)) {
                span = town;
                prec = 2;
            }
        }
        uint32_t place = GM_NONE32;
        if (span >= 0) {
            place = gm_span_place(d, &d->spans[span]);
            inc->place_start = d->spans[span].start;
            inc->place_end = d->spans[span].end;
            /* "killed in eastern Ukraine": that part of the country, not all of it */
            size_t dir_tok;
            uint32_t part = country_part(d, &d->spans[span], place, &dir_tok);
            if (part != GM_NONE32) {
                place = part;
                if (d->t.tok[dir_tok].start < inc->place_start)
                    inc->place_start = d->t.tok[dir_tok].start; /* "eastern Ukraine" */
                else
                    inc->place_end = d->t.tok[dir_tok].end; /* "Ukraine's east" */
            }
        } else if (d->focus_admin1 != GM_NONE16 && d->gaz->admin1[d->focus_admin1].place != GM_NONE32) {
            place = d->gaz->admin1[d->focus_admin1].place;
            prec = 3;
            inc->confidence *= 0.7f;
        } else if (d->focus_country != GM_NONE16) {
            place = d->gaz->countries[d->focus_country].place;
            prec = 3;
            inc->confidence *= 0.6f;
        }
        if (place != GM_NONE32) {
            inc->resolved = 1;
            gm_gz_place(d->gaz, place, &inc->place);
            uint8_t kind = d->gaz->places[place].kind;
            inc->geo_precision = kind_specificity(kind) == 3 ? prec : 3;
            double km, bearing;
            if (span >= 0 && kind_specificity(kind) == 3 && offset_before(d, d->spans[span].tok_start, &km, &bearing)) {
                /* the place the text measures from, moved by the distance it gives */
                (void)offset_point(inc->place.lat, inc->place.lon, km, bearing, &inc->place.lat, &inc->place.lon);
                inc->geo_precision = 2;
            }
        }
        if (s->has_date) {
            gm_date_format(s->date, inc->date);
            inc->date_precision = s->date_prec;
        } else if (d->has_date && !s->undated) {
            /* told without a day: the days before publication */
            gm_date_format(d->date_days, inc->date);
            inc->date_precision = 2;
        }
    }
    gm__free(st);
    anchor_free(&an);
    return GM_OK;
}
