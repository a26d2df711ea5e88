/*
 * fuzz_features.h - what the extract and gazetteer fuzz targets do with a document: write every
 * feature of both layers as GeoJSON and as CSV, and trap if any write fails.
 */
#ifndef GM_FUZZ_FEATURES_H
#define GM_FUZZ_FEATURES_H

#include "geomention.h"

static void write_every_feature(const gm_doc *d)
{
    char *buf = NULL;
    size_t len = 0, cap = 0;
    for (int layer = 0; layer < 2; layer++)
        for (size_t i = 0; i < gm_doc_feature_count(d, (gm_layer)layer); i++) {
            len = 0;
            if (gm_feature_json(d, (gm_layer)layer, i, "doc", &buf, &len, &cap) != GM_OK)
                __builtin_trap();
            len = 0;
            if (gm_feature_csv(d, (gm_layer)layer, i, "doc", &buf, &len, &cap) != GM_OK)
                __builtin_trap();
        }
    gm_free(buf);
}

#endif
