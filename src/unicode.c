/*
 * unicode.c - UTF-8 decoding and repair, and the fold used for name matching.
 *
 * The decoder is strict (RFC 3629): no overlong forms, no surrogates, nothing above U+10FFFF.
 * Anything else becomes U+FFFD one byte at a time, which keeps byte offsets predictable: the
 * repaired text is the input with each bad byte replaced by the three bytes of U+FFFD.
 */
#include "unicode.h"

#include <string.h>

size_t gm_utf8_decode(const unsigned char *s, size_t len, uint32_t *cp)
{
    unsigned char c = s[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    size_t need;
    uint32_t v, min;
    if (c >= 0xC2 && c <= 0xDF) {
        need = 1;
        v = c & 0x1F;
        min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        need = 2;
        v = c & 0x0F;
        min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 3;
        v = c & 0x07;
        min = 0x10000;
    } else {
        *cp = 0xFFFD;
        return 1;
    }
    if (len < need + 1) {
        *cp = 0xFFFD;
        return 1;
    }
    for (size_t i = 1; i <= need; i++) {
        if ((s[i] & 0xC0) != 0x80) {
            *cp = 0xFFFD;
            return 1;
        }
        v = (v << 6) | (s[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) {
        *cp = 0xFFFD;
        return 1;
    }
    *cp = v;
    return need + 1;
}

size_t gm_utf8_encode(uint32_t cp, char *out)
{
    unsigned char *o = (unsigned char *)out;
    if (cp < 0x80) {
        o[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (unsigned char)(0xC0 | (cp >> 6));
        o[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (unsigned char)(0xE0 | (cp >> 12));
        o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | (cp >> 18));
    o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

/* A real U+FFFD in the input is three valid bytes; only decoder failures are "invalid". */
static int is_replacement(const unsigned char *s, size_t len)
{
    return len >= 3 && s[0] == 0xEF && s[1] == 0xBF && s[2] == 0xBD;
}

size_t gm_utf8_invalid_count(const char *str, size_t len)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t bad = 0;
    size_t i = 0;
    while (i < len) {
        /* 8 bytes of ASCII without a NUL at a time (a word test for a high bit or a zero byte) */
        uint64_t x;
        while (i + 8 <= len && (memcpy(&x, s + i, 8),
                                ((x | ((x - 0x0101010101010101ULL) & ~x)) & 0x8080808080808080ULL) == 0))
            i += 8;
        if (i >= len)
            break;
        if (s[i] < 0x80) {
            bad += s[i] == 0;
            i++;
            continue;
        }
        uint32_t cp;
        size_t n = gm_utf8_decode(s + i, len - i, &cp);
        if (cp == 0xFFFD && !is_replacement(s + i, len - i))
            bad++;
        i += n;
    }
    return bad;
}

size_t gm_utf8_repair(const char *str, size_t len, char *out)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t o = 0;
    size_t i = 0;
    while (i < len) {
        if (s[i] < 0x80) {
            out[o++] = s[i] == 0 ? ' ' : (char)s[i];
            i++;
            continue;
        }
        uint32_t cp;
        size_t n = gm_utf8_decode(s + i, len - i, &cp);
        if (cp == 0xFFFD && !is_replacement(s + i, len - i)) {
            out[o++] = (char)0xEF;
            out[o++] = (char)0xBF;
            out[o++] = (char)0xBD;
        } else {
            memcpy(out + o, s + i, n);
            o += n;
        }
        i += n;
    }
    return o;
}

size_t gm_uc_fold(uint32_t cp, char *out)
{
    if (cp < 0x80) {
        out[0] = (char)gm_ascii_tolower((int)cp);
        return 1;
    }
    int cls = gm_uc_class(cp);
    if (cls == GM_UC_MARK || cls == GM_UC_APOS)
        return 0;
    size_t lo = 0, hi = gm_uc_fold_count;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (gm_uc_folds[mid].cp < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < gm_uc_fold_count && gm_uc_folds[lo].cp == cp) {
        memcpy(out, gm_uc_folds[lo].s, gm_uc_folds[lo].len);
        return gm_uc_folds[lo].len;
    }
    return gm_utf8_encode(cp, out);
}
