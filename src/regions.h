/*
 * regions.h - which polygon contains a point: admin-1 regions and countries, with GEOS.
 *
 * A gm_pip holds polygons (each with a caller-chosen integer id) in a GEOS STRtree with prepared
 * geometries, so a lookup costs a few bounding-box tests and one or two exact point-in-polygon
 * tests.  Natural Earth outlines are simplified to about 0.01 degree, so a coastal town can fall a
 * few hundred metres outside every polygon; gm_pip_find then takes the nearest polygon within
 * `tolerance` degrees.  All GEOS calls are the reentrant _r ones on a context the gm_pip owns,
 * whose error handler writes into the gm_pip instead of printing.
 */
#ifndef GM_REGIONS_H
#define GM_REGIONS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "internal.h"

typedef struct gm_pip gm_pip;

gm_status gm_pip_new(gm_pip **out, gm_error *err);
void gm_pip_free(gm_pip *p);

/*
 * Adds polygon(s) given as WKT with an id.  Returns GM_E_FORMAT (with GEOS's message) when the
 * WKT does not parse or is not polygonal.  Call gm_pip_finish after the last add.
 */
gm_status gm_pip_add_wkt(gm_pip *p, const char *wkt, int32_t id, gm_error *err);
gm_status gm_pip_finish(gm_pip *p, gm_error *err);

/*
 * The id of the polygon containing (lon, lat), else of the nearest one within tolerance degrees,
 * else -1.  *exact (may be NULL) tells which.
 */
int32_t gm_pip_find(gm_pip *p, double lon, double lat, double tolerance, bool *exact);

/* Number of polygons added. */
size_t gm_pip_count(const gm_pip *p);

/*
 * A point inside polygon i (in order of addition) that represents it on a map: the centroid of its
 * largest part when that lies inside, else a point on that part's surface.  With units, the polygon
 * is a region made of smaller units (counties, departments) whose parts are first grouped where
 * they touch, and the group with the most land stands for the largest part.  False on GEOS errors.
 */
bool gm_pip_label_point(gm_pip *p, size_t i, bool units, double *lon, double *lat);

/*
 * A point representing a part of polygon i's largest part, as news names one: dx, dy in -1..1 pick
 * the western/eastern and southern/northern third of its bounding box ("northern": dy = 1, dx = 0,
 * the whole width; "northeastern": the top right ninth; "central": dx = dy = 0, the middle ninth).
 * The centroid of the polygon cut to that box, or a point on its surface.  False when the box
 * holds none of the polygon, or on GEOS errors.
 */
bool gm_pip_part_point(gm_pip *p, size_t i, int dx, int dy, double *lon, double *lat);

/* Area of polygon i in square degrees (for choosing among parts). */
double gm_pip_area(gm_pip *p, size_t i);

/* WKB (ISO, 2D) of polygon i, as a MULTIPOLYGON; *wkb freed with gm__free.  False on failure. */
bool gm_pip_wkb(gm_pip *p, size_t i, unsigned char **wkb, size_t *len);

#endif
