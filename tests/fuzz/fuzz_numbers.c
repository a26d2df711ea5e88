/*
 * Fuzz target: the number parser ("three", "a dozen", "12 to 15", "99999999999999999999") at every
 * token of any text.
 */
#include <stddef.h>
#include <stdint.h>

#include "internal.h"
#include "numbers.h"
#include "text.h"
#include "unicode.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *s = gm_malloc(3 * size + 1);
    if (!s)
        return 0;
    size_t len = gm_utf8_repair((const char *)data, size, s);
    gm_text t;
    if (gm_text_tokenize(&t, s, len)) {
        for (size_t i = 0; i < t.ntok; i++) {
            for (int article = 0; article < 2; article++) {
                gm_count c;
                if (gm_parse_count(&t, i, article != 0, &c) && (c.tok_end <= i || c.tok_end > t.ntok))
                    __builtin_trap(); /* a count ends after where it starts, inside the text */
            }
        }
    }
    gm_text_free(&t);
    gm__free(s);
    return 0;
}
