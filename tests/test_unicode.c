/* UTF-8 decoding, repair and the name fold. */
#include <stdlib.h>

#include "check.h"
#include "unicode.h"

static void fold_str(const char *in, char *out)
{
    size_t o = 0, i = 0, n = strlen(in);
    while (i < n) {
        uint32_t cp;
        i += gm_utf8_decode((const unsigned char *)in + i, n - i, &cp);
        o += gm_uc_fold(cp, out + o);
    }
    out[o] = 0;
}

int main(void)
{
    uint32_t cp;
    CHECK_INT(gm_utf8_decode((const unsigned char *)"A", 1, &cp), 1);
    CHECK_INT(cp, 'A');
    CHECK_INT(gm_utf8_decode((const unsigned char *)"\xC3\xA9", 2, &cp), 2);
    CHECK_INT(cp, 0xE9);
    CHECK_INT(gm_utf8_decode((const unsigned char *)"\xE2\x80\x99", 3, &cp), 3);
    CHECK_INT(cp, 0x2019);
    /* truncated, overlong, surrogate, too large: one byte, U+FFFD */
    CHECK_INT(gm_utf8_decode((const unsigned char *)"\xE2\x80", 2, &cp), 1);
    CHECK_INT(cp, 0xFFFD);
    CHECK_INT(gm_utf8_decode((const unsigned char *)"\xC0\xAF", 2, &cp), 1);
    CHECK_INT(gm_utf8_decode((const unsigned char *)"\xED\xA0\x80", 3, &cp), 1);
    CHECK_INT(cp, 0xFFFD);
    CHECK_INT(gm_utf8_decode((const unsigned char *)"\xF4\x90\x80\x80", 4, &cp), 1);

    CHECK_INT(gm_utf8_invalid_count("Kyiv", 4), 0);
    CHECK_INT(gm_utf8_invalid_count("K\xFFyiv", 5), 1);
    CHECK_INT(gm_utf8_invalid_count("a\0b", 3), 1);
    CHECK_INT(gm_utf8_invalid_count("\xEF\xBF\xBD", 3), 0); /* a real U+FFFD is valid */
    /* a NUL, a stray byte or a letter of two bytes at every place around 8-byte words of ASCII
     * (the count skips such words whole) */
    for (size_t at = 0; at < 20; at++) {
        char buf[32];
        memset(buf, 'a', sizeof buf);
        buf[at] = 0;
        CHECK_INT(gm_utf8_invalid_count(buf, 24), 1);
        buf[at] = (char)0xFF;
        CHECK_INT(gm_utf8_invalid_count(buf, 24), 1);
        buf[at] = (char)0xC3;
        buf[at + 1] = (char)0xA9;
        CHECK_INT(gm_utf8_invalid_count(buf, 24), 0);
        CHECK_INT(gm_utf8_invalid_count(buf, at + 1), 1); /* cut after its first byte */
    }

    char out[64];
    size_t n = gm_utf8_repair("a\xFF" "b\0c", 5, out);
    CHECK_INT(n, 7);
    CHECK(memcmp(out, "a\xEF\xBF\xBD" "b c", 7) == 0);

    char f[64];
    fold_str("Zaporízhzhya", f);
    CHECK_STR(f, "zaporizhzhya");
    fold_str("ZÜRICH", f);
    CHECK_STR(f, "zurich");
    fold_str("Straße", f);
    CHECK_STR(f, "strasse");
    fold_str("Łódź", f);
    CHECK_STR(f, "lodz");
    fold_str("КИЇВ", f);
    CHECK_STR(f, "ки\xd1\x96в"); /* Ukrainian yi loses its diaeresis: Cyrillic i remains */
    fold_str("Київ", f);
    CHECK_STR(f, "ки\xd1\x96в");
    fold_str("Αθήνα", f);
    CHECK_STR(f, "αθηνα");
    fold_str("L’viv", f);
    CHECK_STR(f, "lviv"); /* apostrophes drop out */

    CHECK_INT(gm_uc_class('A'), GM_UC_UPPER);
    CHECK_INT(gm_uc_class(0x0416), GM_UC_UPPER); /* Ж */
    CHECK_INT(gm_uc_class(0x4E2D), GM_UC_LETTER);
    CHECK_INT(gm_uc_class(0x2019), GM_UC_APOS);
    CHECK_INT(gm_uc_class(0x0301), GM_UC_MARK);
    CHECK_INT(gm_uc_class(0x00A0), GM_UC_SPACE);
    return check_done("test_unicode");
}
