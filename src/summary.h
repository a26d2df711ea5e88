/*
 * summary.h - what other modules (the store reader, the GeoPackage writer) feed a summary with.
 */
#ifndef GM_SUMMARY_H
#define GM_SUMMARY_H

#include "fields.h"

/* One incident or mention, by the fields a summary groups and sums. */
typedef struct gm_sfeature {
    bool incident;
    const char *doc_id;
    long long start, end; /* span in the document; start -1 when unknown */
    const char *cc, *country, *admin1, *admin1_code, *admin2, *place, *feature_code;
    uint32_t geonameid;
    double lat, lon;
    bool has_point;
    long killed, injured; /* -1 when none */
    const char *date;     /* incidents: "YYYY-MM-DD" or NULL */
} gm_sfeature;

gm_status gm_summary_add_feature(gm_summary *s, const gm_sfeature *f);
gm_summary_by gm_summary_grouping(const gm_summary *s);

/* The columns of the places layer (place true: a summary by place) or the regions layer (by
 * admin-1), and a row's values in that order. */
const gm_fdef *gm_summary_schema(bool place, size_t *n);
size_t gm_summary_row_values(const gm_summary_row *r, bool place, gm_fval *v);

#endif
