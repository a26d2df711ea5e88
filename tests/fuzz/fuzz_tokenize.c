/*
 * Fuzz target: the tokenizer and sentence splitter, and name normalisation, on any bytes.
 */
#include <stddef.h>
#include <stdint.h>

#include "internal.h"
#include "text.h"
#include "unicode.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* the tokenizer takes valid UTF-8 (documents are repaired first), as the library gives it */
    char *s = gm_malloc(3 * size + 1);
    if (!s)
        return 0;
    size_t len = gm_utf8_repair((const char *)data, size, s);
    gm_text t;
    if (gm_text_tokenize(&t, s, len)) {
        for (size_t i = 0; i < t.ntok; i++) {
            const gm_token *k = &t.tok[i];
            if (k->start > k->end || k->end > len || k->sent >= t.nsent)
                __builtin_trap();
        }
    }
    gm_text_free(&t);
    gm_buf out;
    gm_buf_init(&out);
    gm_text_normalize_name(s, len, &out);
    gm_buf_free(&out);
    gm__free(s);
    return 0;
}
