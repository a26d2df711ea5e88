/* Tokens, folds, flags and sentences. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>

#include "check.h"
#include "text.h"

static gm_text t;

static void tok(const char *s)
{
    gm_text_free(&t);
    if (!gm_text_tokenize(&t, s, strlen(s))) {
        fprintf(stderr, "tokenize failed\n");
        exit(1);
    }
}

static const char *fold(size_t i)
{
    static char buf[256];
    snprintf(buf, sizeof buf, "%.*s", (int)t.tok[i].fold_len, gm_tok_fold(&t, &t.tok[i]));
    return buf;
}

static const char *norm(const char *name)
{
    static gm_buf b;
    b.len = 0;
    gm_text_normalize_name(name, strlen(name), &b);
    gm_buf_cstr(&b);
    return b.p;
}

/* gm_buf_fixed writes what printf's "%.*f" writes, gm_buf_int what "%lld" writes: coordinates,
 * confidences and counts in the output must not change with the faster writers */
static void check_numbers(void)
{
    static const double edge[] = {0.0, -0.0, 0.5, 1.5, 2.5, -2.5, 0.125, 1e-7, -1e-7, 0.0000005, -0.0000005,
                                  35.8712345, -122.4194155, 179.9999995, -180.0, 90.0, 123456789.1234565,
                                  4503599627.370496, 1e15, -1e20, 1e300, 0.1, 0.7, 2.675, 1.005};
    static const long long ints[] = {0, 1, -1, 9, 10, 12345, -9876543210LL, 9223372036854775807LL,
                                     -9223372036854775807LL - 1};
    gm_buf b;
    gm_buf_init(&b);
    char want[512];
    int bad = 0;
    uint64_t r = 88172645463325252ULL; /* xorshift: lon/lat-like values at every scale */
    for (int i = 0; i < 200000 && bad < 5; i++) {
        double v;
        if (i < (int)(sizeof edge / sizeof edge[0])) {
            v = edge[i];
        } else {
            r ^= r << 13;
            r ^= r >> 7;
            r ^= r << 17;
            v = ((double)(r >> 11) / 9007199254740992.0 - 0.5) * 360.0;
            if (i % 3 == 0)
                v = floor(v * 1e6 + 0.5) / 1e6 + 5e-7; /* near a tie of the 6th decimal */
            else if (i % 3 == 1)
                v *= pow(10.0, (double)(int)(r % 15) - 7);
        }
        for (int dec = 0; dec <= 9; dec++) {
            b.len = 0;
            gm_buf_fixed(&b, v, dec);
            snprintf(want, sizeof want, "%.*f", dec, v);
            if (b.len != strlen(want) || memcmp(b.p, want, b.len) != 0) {
                fprintf(stderr, "gm_buf_fixed(%.17g, %d) is %.*s, printf writes %s\n", v, dec, (int)b.len, b.p, want);
                bad++;
            }
            char small[12], cut[12];
            gm_fmt_fixed(small, sizeof small, v, dec); /* cut to fit, as snprintf cuts */
            snprintf(cut, sizeof cut, "%.*f", dec, v);
            if (strcmp(small, cut) != 0) {
                fprintf(stderr, "gm_fmt_fixed(%.17g, %d) is %s, snprintf writes %s\n", v, dec, small, cut);
                bad++;
            }
            /* a database column gets the number the JSON holds, not v itself */
            b.len = 0;
            gm_buf_json_num(&b, v, dec);
            double json = strcmp(gm_buf_cstr(&b), "null") == 0 ? NAN : strtod(b.p, NULL),
                   rounded = gm_round_decimals(v, dec);
            if (isnan(json) ? !isnan(rounded) : memcmp(&json, &rounded, sizeof json) != 0 && !(json == 0 && rounded == 0)) {
                fprintf(stderr, "gm_round_decimals(%.17g, %d) is %.17g, the JSON holds %s\n", v, dec, rounded, b.p);
                bad++;
            }
        }
    }
    CHECK_INT(bad, 0);
    for (size_t i = 0; i < sizeof ints / sizeof ints[0]; i++) {
        b.len = 0;
        gm_buf_int(&b, ints[i]);
        snprintf(want, sizeof want, "%lld", ints[i]);
        CHECK_STR(gm_buf_cstr(&b), want);
    }
    gm_buf_free(&b);
}

/* JSON string escaping: each character that needs a look, at every place in and around an 8-byte
 * word of plain letters (the writer skips plain words 8 bytes at a time), against the escape
 * written out by hand. */
static void check_json_str(void)
{
    static const struct {
        const char *in, *out;
    } SPECIAL[] = {{"\"", "\\\""}, {"\\", "\\\\"}, {"\n", "\\n"},   {"\t", "\\t"},
                   {"\x01", "\\u0001"}, {"\x1f", "\\u001f"}, {"\x7f", "\\u007f"}, {"\xC3\xA9", "\xC3\xA9"},
                   {"\xFF", "\xEF\xBF\xBD"}, {"\xE2\x80\xA8", "\\u2028"}, {" ", " "}, {"~", "~"}};
    for (size_t k = 0; k < sizeof SPECIAL / sizeof SPECIAL[0]; k++)
        for (size_t at = 0; at <= 20; at++) {
            char in[64], want[64];
            snprintf(in, sizeof in, "%.*s%s%.*s", (int)at, "abcdefghijklmnopqrstu", SPECIAL[k].in,
                     (int)(20 - at), "ABCDEFGHIJKLMNOPQRSTU");
            snprintf(want, sizeof want, "\"%.*s%s%.*s\"", (int)at, "abcdefghijklmnopqrstu", SPECIAL[k].out,
                     (int)(20 - at), "ABCDEFGHIJKLMNOPQRSTU");
            gm_buf b;
            gm_buf_init(&b);
            gm_buf_json_str(&b, in, strlen(in));
            CHECK_STR(gm_buf_cstr(&b), want);
            gm_buf_free(&b);
        }
}

int main(void)
{
    check_json_str();
    tok("Kyiv's mayor met officials in St. Petersburg.");
    CHECK_INT(t.ntok, 9);
    CHECK_STR(fold(0), "kyivs");
    CHECK(t.tok[0].flags & GM_TF_POSSESSIVE);
    CHECK_INT(t.tok[0].base_len, 4);
    CHECK(t.tok[0].flags & GM_TF_CAP);
    CHECK(t.tok[0].flags & GM_TF_SENT_START);
    CHECK(t.tok[1].flags & GM_TF_LOWER);
    CHECK(t.tok[5].flags & GM_TF_ABBREV); /* "St." does not end the sentence */
    CHECK_INT(t.nsent, 1);
    CHECK_INT(t.tok[0].start, 0);
    CHECK_INT(t.tok[0].end, 6);
    CHECK(!(t.tok[0].flags & GM_TF_ALLCAPS));

    /* capitals before a possessive 's are an acronym: "US's", "NATO's" (not "Us's" or "Kyiv's") */
    tok("The US's allies and NATO's summit met Us's fans.");
    CHECK(t.tok[1].flags & GM_TF_ALLCAPS);
    CHECK(t.tok[1].flags & GM_TF_POSSESSIVE);
    CHECK(t.tok[4].flags & GM_TF_ALLCAPS);
    CHECK(!(t.tok[7].flags & GM_TF_ALLCAPS));

    /* typographic apostrophe, hyphenated names, numbers with separators */
    tok("Ivano-Frankivs\xE2\x80\x99k lost 10,000 jobs; 3.5 percent.");
    CHECK_STR(fold(0), "ivano");
    CHECK(gm_tok_is(&t.tok[1], '-'));
    CHECK_STR(fold(2), "frankivsk");
    CHECK_INT(t.tok[4].type, GM_TOK_NUM);
    CHECK_STR(fold(4), "10,000");
    double v = 0;
    CHECK(gm_tok_number(&t, &t.tok[4], &v));
    CHECK_NEAR(v, 10000, 0);
    CHECK(gm_tok_number(&t, &t.tok[7], &v));
    CHECK_NEAR(v, 3.5, 1e-9);

    /* sentences: full stops, line breaks, abbreviations, initials, lower-case continuation */
    tok("The U.S. envoy arrived. He met Mr. Smith in Kyiv.\nKHARKIV, Ukraine - Shelling continued.\n\nNew paragraph.");
    CHECK_INT(t.nsent, 4);
    CHECK_INT(t.sent[0].para, 0);
    CHECK_INT(t.sent[2].para, 0);
    CHECK_INT(t.sent[3].para, 1);
    size_t k = t.sent[2].tok_start;
    CHECK(t.tok[k].flags & GM_TF_ALLCAPS);
    CHECK(t.tok[k].flags & GM_TF_NL_BEFORE);

    tok("It was e.g. a test. Then more.");
    CHECK_INT(t.nsent, 2);
    /* the longest abbreviation of the list, and a word one letter longer that ends a sentence */
    tok("It lasted approx. Two hours. They walked. Then left.");
    CHECK_INT(t.nsent, 3);

    /* scraped text that lost the space after a full stop, but not "U.S.Army" or "p.m." */
    tok("Two men were shot on Friday afternoon.It happened near the park.Police said so.");
    CHECK_INT(t.nsent, 3);
    tok("The U.S.Army said at 5 p.m.Monday it was over.");
    CHECK_INT(t.nsent, 1);

    /* a closing quote stays with its sentence */
    tok("He said \xE2\x80\x9CStop.\xE2\x80\x9D Then he left.");
    CHECK_INT(t.nsent, 2);

    /* names normalise like text */
    CHECK_STR(norm("St. Petersburg"), "st petersburg");
    CHECK_STR(norm("Ivano-Frankivs'k"), "ivano frankivsk");
    CHECK_STR(norm("  Zürich  "), "zurich");
    CHECK_STR(norm("Washington, D.C."), "washington d c");

    /* invalid bytes and NUL do not stop the tokenizer */
    const char bad[] = "Paris\xFF\x00London";
    gm_text_free(&t);
    CHECK(gm_text_tokenize(&t, bad, sizeof bad - 1));
    CHECK(t.ntok >= 2);
    CHECK_STR(fold(0), "paris");

    /* empty text */
    tok("");
    CHECK_INT(t.ntok, 0);
    CHECK_INT(t.nsent, 0);

    gm_text_free(&t);
    check_numbers();
    return check_done("test_text");
}
