/*
 * fields.h - the properties of a feature as typed fields: one list per layer, written out as
 * GeoJSON, CSV or SQLite rows (GeoPackage, the store), so every format has the same columns.
 */
#ifndef GM_FIELDS_H
#define GM_FIELDS_H

#include "doc.h"

typedef enum gm_ftype { GM_F_TEXT, GM_F_INT, GM_F_REAL } gm_ftype;

typedef struct gm_fdef {
    const char *name;
    gm_ftype type;
    int decimals; /* GM_F_REAL: decimals written */
} gm_fdef;

typedef struct gm_fval {
    bool null;
    long long i;
    double r;
    const char *s; /* GM_F_TEXT: s[0..n), not NUL-terminated */
    size_t n;
} gm_fval;

/* Largest number of fields of any layer. */
#define GM_MAX_FIELDS 40

/* The fields of a layer, in order; *n set to their count. */
const gm_fdef *gm_layer_schema(gm_layer layer, size_t *n);

/* The values of feature i of a document's layer (incidents or mentions), in schema order, and its
 * point (*has_point false when unresolved). */
void gm_feature_values(const gm_doc *d, gm_layer layer, size_t i, const char *doc_id, gm_fval *v,
                       bool *has_point, double *lon, double *lat);

/* Appends a GeoJSON "properties" object / one CSV line (no newline) for the values. */
void gm_fields_json(gm_buf *b, const gm_fdef *defs, const gm_fval *v, size_t n);
void gm_fields_csv(gm_buf *b, const gm_fdef *defs, const gm_fval *v, size_t n);
void gm_csv_str(gm_buf *b, const char *s, size_t n);
/* A GeoJSON Feature (geometry: shape, a GeoJSON geometry, else the point when pt, else null) or a
 * CSV line (lon, lat, then the fields). */
void gm_feature_write(gm_buf *b, bool csv, const char *shape, bool pt, double lon, double lat, const gm_fdef *defs,
                      const gm_fval *v, size_t n);
/* "lon,lat," and the field names. */
void gm_fields_csv_header(gm_buf *b, const gm_fdef *defs, size_t n);
/* Hands a buffer back to a caller's (buf, len, cap), NUL-terminated; GM_E_NOMEM after a failed append. */
gm_status gm_buf_finish(gm_buf *b, char **buf, size_t *len, size_t *cap);

#endif
