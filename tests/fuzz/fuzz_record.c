/*
 * Fuzz target: the JSONL record reader (one line: {"id", "text", "date", "spans"}).
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "geomention.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    gm_record rec;
    gm_error err;
    gm_status st = gm_record_parse((const char *)data, size, &rec, &err);
    if (st == GM_OK) {
        if (!rec.text)
            __builtin_trap(); /* a parsed record always has its text */
        for (size_t i = 0; i < rec.nspans; i++)
            (void)rec.spans[i];
    } else if (!memchr(err.message, 0, sizeof err.message)) {
        __builtin_trap(); /* the message is a C string */
    }
    gm_record_clear(&rec);
    return 0;
}
