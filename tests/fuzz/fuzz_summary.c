/*
 * Fuzz target: the GeoJSON reader behind `summary` (a Feature or a FeatureCollection), then the
 * summary's rows and its places layer.
 */
#include <stddef.h>
#include <stdint.h>

#include "geomention.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    for (int by = GM_BY_ADMIN1; by <= GM_BY_PLACE; by++) {
        gm_summary *s = NULL;
        if (gm_summary_new((gm_summary_by)by, &s) != GM_OK)
            return 0;
        gm_error err;
        gm_summary_add_geojson(s, (const char *)data, size, &err);
        gm_summary_add_geojson(s, (const char *)data, size, &err); /* the same features again */
        char *buf = NULL;
        size_t len = 0, cap = 0;
        for (size_t i = 0; i < gm_summary_row_count(s); i++) {
            const gm_summary_row *r = gm_summary_row_at(s, i);
            if (!r || r->killed < 0 || r->injured < 0)
                __builtin_trap();
            if (by == GM_BY_PLACE || by == GM_BY_ADMIN1) {
                len = 0;
                gm_summary_feature(s, i, NULL, (int)(i & 1), &buf, &len, &cap, &err);
            }
        }
        gm_free(buf);
        gm_summary_free(s);
    }
    return 0;
}
