/*
 * regions.c - point-in-polygon over admin-1 regions and countries (GEOS reentrant API).
 */
#include "regions.h"

#include "gazetteer.h"

#include <dlfcn.h>
#include <geos_c.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

/* GEOS is loaded when a gazetteer is built, the only time it is needed, not whenever the library
 * is: it pulls in the C++ runtime and about 10 ms of start-up. */
#define GM_GEOS_FUNCS(X) \
    X(GEOSArea_r) \
    X(GEOSBuffer_r) \
    X(GEOSContext_setErrorMessageHandler_r) \
    X(GEOSContext_setNoticeMessageHandler_r) \
    X(GEOSFree_r) \
    X(GEOSGeomGetX_r) \
    X(GEOSGeomGetY_r) \
    X(GEOSGeomTypeId_r) \
    X(GEOSGeom_clone_r) \
    X(GEOSGeom_createCollection_r) \
    X(GEOSGeom_createPointFromXY_r) \
    X(GEOSGeom_createRectangle_r) \
    X(GEOSGeom_destroy_r) \
    X(GEOSGeom_getXMax_r) \
    X(GEOSGeom_getXMin_r) \
    X(GEOSGeom_getYMax_r) \
    X(GEOSGeom_getYMin_r) \
    X(GEOSGeom_transformXY_r) \
    X(GEOSGetCentroid_r) \
    X(GEOSGetGeometryN_r) \
    X(GEOSGetNumGeometries_r) \
    X(GEOSIntersection_r) \
    X(GEOSIntersects_r) \
    X(GEOSPointOnSurface_r) \
    X(GEOSPrepare_r) \
    X(GEOSPreparedDistance_r) \
    X(GEOSPreparedGeom_destroy_r) \
    X(GEOSPreparedIntersects_r) \
    X(GEOSSTRtree_create_r) \
    X(GEOSSTRtree_destroy_r) \
    X(GEOSSTRtree_insert_r) \
    X(GEOSSTRtree_query_r) \
    X(GEOSWKBWriter_create_r) \
    X(GEOSWKBWriter_destroy_r) \
    X(GEOSWKBWriter_setOutputDimension_r) \
    X(GEOSWKBWriter_write_r) \
    X(GEOSWKTReader_create_r) \
    X(GEOSWKTReader_destroy_r) \
    X(GEOSWKTReader_read_r) \
    X(GEOS_finish_r) \
    X(GEOS_init_r)
#define GM_DECLARE(f) static __typeof__(f) *geos_##f;
GM_GEOS_FUNCS(GM_DECLARE)
#undef GM_DECLARE
#define G(f) geos_##f

static pthread_once_t geos_once = PTHREAD_ONCE_INIT;
static bool geos_ok;

static void load_geos(void)
{
    void *h = dlopen(GM_GEOS_SONAME, RTLD_NOW | RTLD_LOCAL);
    if (!h)
        return;
    /* POSIX allows the conversion of dlsym's object pointer to a function pointer */
#define GM_LOAD(f)                            \
    *(void **)&geos_##f = dlsym(h, #f);       \
    if (!geos_##f)                            \
        return;
    GM_GEOS_FUNCS(GM_LOAD)
#undef GM_LOAD
    geos_ok = true;
}

typedef struct pip_poly {
    GEOSGeometry *geom;
    const GEOSPreparedGeometry *prep;
    int32_t id;
    double area;
} pip_poly;

struct gm_pip {
    GEOSContextHandle_t ctx;
    GEOSWKTReader *reader;
    GEOSSTRtree *tree;
    pip_poly *poly;
    size_t n, cap;
    bool finished;
    char msg[256];
};

static void on_geos_message(const char *message, void *user)
{
    gm_pip *p = user;
    snprintf(p->msg, sizeof p->msg, "%s", message);
}

gm_status gm_pip_new(gm_pip **out, gm_error *err)
{
    *out = NULL;
    pthread_once(&geos_once, load_geos);
    if (!geos_ok)
        return gm_fail(err, GM_E_GEOS, "cannot load GEOS (%s): install libgeos-c1v5", GM_GEOS_SONAME);
    gm_pip *p = gm_calloc(1, sizeof *p);
    if (!p)
        return gm_nomem(err);
    p->ctx = G(GEOS_init_r)();
    if (!p->ctx) {
        gm__free(p);
        return gm_fail(err, GM_E_GEOS, "cannot start GEOS");
    }
    G(GEOSContext_setErrorMessageHandler_r)(p->ctx, on_geos_message, p);
    G(GEOSContext_setNoticeMessageHandler_r)(p->ctx, NULL, NULL);
    p->reader = G(GEOSWKTReader_create_r)(p->ctx);
    p->tree = G(GEOSSTRtree_create_r)(p->ctx, 10);
    if (!p->reader || !p->tree) {
        gm_pip_free(p);
        return gm_fail(err, GM_E_GEOS, "cannot create GEOS objects");
    }
    *out = p;
    return GM_OK;
}

void gm_pip_free(gm_pip *p)
{
    if (!p)
        return;
    if (p->tree)
        G(GEOSSTRtree_destroy_r)(p->ctx, p->tree);
    for (size_t i = 0; i < p->n; i++) {
        if (p->poly[i].prep)
            G(GEOSPreparedGeom_destroy_r)(p->ctx, p->poly[i].prep);
        G(GEOSGeom_destroy_r)(p->ctx, p->poly[i].geom);
    }
    gm__free(p->poly);
    if (p->reader)
        G(GEOSWKTReader_destroy_r)(p->ctx, p->reader);
    if (p->ctx)
        G(GEOS_finish_r)(p->ctx);
    gm__free(p);
}

gm_status gm_pip_add_wkt(gm_pip *p, const char *wkt, int32_t id, gm_error *err)
{
    if (p->finished)
        return gm_fail(err, GM_E_ARG, "gm_pip_add_wkt after gm_pip_finish");
    p->msg[0] = 0;
    GEOSGeometry *g = G(GEOSWKTReader_read_r)(p->ctx, p->reader, wkt);
    if (!g)
        return gm_fail(err, GM_E_FORMAT, "bad WKT: %s", p->msg[0] ? p->msg : "unreadable");
    int type = G(GEOSGeomTypeId_r)(p->ctx, g);
    if (type != GEOS_POLYGON && type != GEOS_MULTIPOLYGON) {
        G(GEOSGeom_destroy_r)(p->ctx, g);
        return gm_fail(err, GM_E_FORMAT, "expected a POLYGON or MULTIPOLYGON");
    }
    if (!gm_grow((void **)&p->poly, &p->cap, p->n + 1, sizeof *p->poly)) {
        G(GEOSGeom_destroy_r)(p->ctx, g);
        return gm_nomem(err);
    }
    p->poly[p->n].geom = g;
    p->poly[p->n].prep = NULL;
    p->poly[p->n].id = id;
    p->n++;
    return GM_OK;
}

gm_status gm_pip_finish(gm_pip *p, gm_error *err)
{
    if (p->finished)
        return GM_OK;
    for (size_t i = 0; i < p->n; i++) {
        p->poly[i].prep = G(GEOSPrepare_r)(p->ctx, p->poly[i].geom);
        if (G(GEOSArea_r)(p->ctx, p->poly[i].geom, &p->poly[i].area) != 1)
            p->poly[i].area = 0;
        if (!p->poly[i].prep)
            return gm_fail(err, GM_E_GEOS, "cannot prepare polygon %d: %s", p->poly[i].id, p->msg);
        /* the tree stores the 1-based position so that 0 never looks like NULL */
        G(GEOSSTRtree_insert_r)(p->ctx, p->tree, p->poly[i].geom, (void *)(uintptr_t)(i + 1));
    }
    p->finished = true;
    return GM_OK;
}

size_t gm_pip_count(const gm_pip *p) { return p->n; }

typedef struct pip_query {
    size_t hits[64];
    size_t n;
} pip_query;

static void collect(void *item, void *user)
{
    pip_query *q = user;
    if (q->n < GM_ARRAY_LEN(q->hits))
        q->hits[q->n++] = (size_t)(uintptr_t)item - 1;
}

int32_t gm_pip_find(gm_pip *p, double lon, double lat, double tolerance, bool *exact)
{
    if (exact)
        *exact = false;
    if (!p->finished || !isfinite(lon) || !isfinite(lat))
        return -1;
    GEOSGeometry *pt = G(GEOSGeom_createPointFromXY_r)(p->ctx, lon, lat);
    if (!pt)
        return -1;
    pip_query q = {.n = 0};
    G(GEOSSTRtree_query_r)(p->ctx, p->tree, pt, collect, &q);
    /* several polygons may contain the point (an enclave and its surroundings, overlaps left by
     * simplification): the smallest is the most specific */
    int32_t found = -1;
    double found_area = 0;
    for (size_t i = 0; i < q.n; i++) {
        pip_poly *pp = &p->poly[q.hits[i]];
        if ((found < 0 || pp->area < found_area) && G(GEOSPreparedIntersects_r)(p->ctx, pp->prep, pt) == 1) {
            found = pp->id;
            found_area = pp->area;
        }
    }
    if (found >= 0) {
        if (exact)
            *exact = true;
    } else if (tolerance > 0) {
        GEOSGeometry *box = G(GEOSGeom_createRectangle_r)(p->ctx, lon - tolerance, lat - tolerance, lon + tolerance,
                                                       lat + tolerance);
        if (box) {
            q.n = 0;
            G(GEOSSTRtree_query_r)(p->ctx, p->tree, box, collect, &q);
            double best = tolerance;
            for (size_t i = 0; i < q.n; i++) {
                double d;
                if (G(GEOSPreparedDistance_r)(p->ctx, p->poly[q.hits[i]].prep, pt, &d) == 1 && d <= best) {
                    best = d;
                    found = p->poly[q.hits[i]].id;
                }
            }
            G(GEOSGeom_destroy_r)(p->ctx, box);
        }
    }
    G(GEOSGeom_destroy_r)(p->ctx, pt);
    return found;
}

/* The largest polygon of a (multi)polygon, borrowed from g. */
static const GEOSGeometry *largest_part(GEOSContextHandle_t ctx, const GEOSGeometry *g)
{
    int n = G(GEOSGetNumGeometries_r)(ctx, g);
    const GEOSGeometry *best = g;
    double best_area = -1;
    for (int i = 0; i < n; i++) {
        const GEOSGeometry *part = G(GEOSGetGeometryN_r)(ctx, g, i);
        double a;
        if (part && G(GEOSArea_r)(ctx, part, &a) == 1 && a > best_area) {
            best_area = a;
            best = part;
        }
    }
    return best;
}

/* Longitude and latitude to Lambert's cylindrical equal-area plane (x stays the longitude, y is the
 * sine of the latitude): a centroid there is the centre of the area on the ground. */
static int to_equal_area(double *x, double *y, void *user)
{
    (void)x;
    (void)user;
    *y = sin(*y * (M_PI / 180.0));
    return 1;
}

/* A part's area and centroid on the equal-area plane. */
static bool ea_centroid(GEOSContextHandle_t ctx, const GEOSGeometry *part, double *x, double *y, double *area)
{
    GEOSGeometry *ea = G(GEOSGeom_transformXY_r)(ctx, part, to_equal_area, NULL);
    GEOSGeometry *ce = ea ? G(GEOSGetCentroid_r)(ctx, ea) : NULL;
    bool ok = ce && G(GEOSArea_r)(ctx, ea, area) == 1 && G(GEOSGeomGetX_r)(ctx, ce, x) == 1 &&
              G(GEOSGeomGetY_r)(ctx, ce, y) == 1 && *y >= -1.0 && *y <= 1.0;
    if (ce)
        G(GEOSGeom_destroy_r)(ctx, ce);
    if (ea)
        G(GEOSGeom_destroy_r)(ctx, ea);
    return ok;
}

/* The centroid of a polygonal geometry's largest part, taken on an equal-area plane (a centroid of
 * degrees leans to the pole: China's fell 1 degree north of its middle), or a point on its surface
 * when the centroid falls outside. */
static bool group_point(GEOSContextHandle_t ctx, const GEOSGeometry *part, double *lon, double *lat);

static bool part_point(GEOSContextHandle_t ctx, const GEOSGeometry *g, double *lon, double *lat)
{
    return group_point(ctx, largest_part(ctx, g), lon, lat);
}

/* The same for the whole of a geometry (all its parts). */
static bool group_point(GEOSContextHandle_t ctx, const GEOSGeometry *part, double *lon, double *lat)
{
    GEOSGeometry *c = NULL;
    double x, y, area;
    if (ea_centroid(ctx, part, &x, &y, &area))
        c = G(GEOSGeom_createPointFromXY_r)(ctx, x, asin(y) * (180.0 / M_PI));
    if (c && G(GEOSIntersects_r)(ctx, part, c) != 1) {
        G(GEOSGeom_destroy_r)(ctx, c);
        c = NULL;
    }
    if (!c)
        c = G(GEOSPointOnSurface_r)(ctx, part);
    if (!c)
        return false;
    bool ok = G(GEOSGeomGetX_r)(ctx, c, lon) == 1 && G(GEOSGeomGetY_r)(ctx, c, lat) == 1;
    G(GEOSGeom_destroy_r)(ctx, c);
    return ok;
}

bool gm_pip_part_point(gm_pip *p, size_t i, int dx, int dy, double *lon, double *lat)
{
    if (i >= p->n)
        return false;
    GEOSContextHandle_t ctx = p->ctx;
    const GEOSGeometry *part = largest_part(ctx, p->poly[i].geom);
    double x0, x1, y0, y1;
    if (G(GEOSGeom_getXMin_r)(ctx, part, &x0) != 1 || G(GEOSGeom_getXMax_r)(ctx, part, &x1) != 1 ||
        G(GEOSGeom_getYMin_r)(ctx, part, &y0) != 1 || G(GEOSGeom_getYMax_r)(ctx, part, &y1) != 1)
        return false;
    double w = (x1 - x0) / 3.0, h = (y1 - y0) / 3.0;
    /* "northern": the top third, all the width; "northeastern": the top right ninth; "central":
     * the middle ninth */
    double bx0 = x0, bx1 = x1, by0 = y0, by1 = y1;
    if (dx != 0 || dy == 0) {
        bx0 = dx < 0 ? x0 : dx > 0 ? x1 - w : x0 + w;
        bx1 = bx0 + w;
    }
    if (dy != 0 || dx == 0) {
        by0 = dy < 0 ? y0 : dy > 0 ? y1 - h : y0 + h;
        by1 = by0 + h;
    }
    GEOSGeometry *box = G(GEOSGeom_createRectangle_r)(ctx, bx0, by0, bx1, by1);
    if (!box)
        return false;
    GEOSGeometry *cut = G(GEOSIntersection_r)(ctx, part, box);
    G(GEOSGeom_destroy_r)(ctx, box);
    if (!cut)
        return false;
    double area = 0;
    bool ok = G(GEOSArea_r)(ctx, cut, &area) == 1 && area > 0 && part_point(ctx, cut, lon, lat);
    G(GEOSGeom_destroy_r)(ctx, cut);
    return ok;
}

/* How far parts are widened to find which touch: more than the cracks that simplifying each part on
 * its own (0.01 degrees) opens between neighbours, less than most sea straits. */
#define JOIN_DEGREES 0.03

/* A region made of units (England's 156 counties, a French region's departments) keeps them as
 * parts.  The parts that touch one another are grouped (by the components of the region widened a
 * little; no overlay of the parts, which simplifying may have left overlapping), and the group with
 * the most land stands for the region: its centroid (parts weighted by area, on the equal-area
 * plane) when it falls on one of them, else a point on the group's largest part. */
static bool units_point(GEOSContextHandle_t ctx, const GEOSGeometry *g, double *lon, double *lat)
{
    int n = G(GEOSGetNumGeometries_r)(ctx, g);
    GEOSGeometry *joined = G(GEOSBuffer_r)(ctx, g, JOIN_DEGREES, 2);
    int ncomp = joined ? G(GEOSGetNumGeometries_r)(ctx, joined) : 0;
    int *comp = gm_calloc((size_t)n + 1, sizeof *comp);
    double *area = gm_calloc((size_t)n + 1, sizeof *area), *cx = gm_calloc((size_t)n + 1, sizeof *cx),
           *cy = gm_calloc((size_t)n + 1, sizeof *cy), *carea = gm_calloc((size_t)ncomp + 1, sizeof *carea);
    bool ok = false;
    if (!joined || ncomp < 1 || !comp || !area || !cx || !cy || !carea)
        goto done;
    for (int i = 0; i < n; i++) {
        const GEOSGeometry *part = G(GEOSGetGeometryN_r)(ctx, g, i);
        GEOSGeometry *on = part ? G(GEOSPointOnSurface_r)(ctx, part) : NULL;
        comp[i] = -1;
        if (on && ea_centroid(ctx, part, &cx[i], &cy[i], &area[i]))
            for (int k = 0; k < ncomp && comp[i] < 0; k++)
                if (G(GEOSIntersects_r)(ctx, G(GEOSGetGeometryN_r)(ctx, joined, k), on) == 1)
                    comp[i] = k;
        if (comp[i] >= 0)
            carea[comp[i]] += area[i];
        if (on)
            G(GEOSGeom_destroy_r)(ctx, on);
    }
    int best = 0;
    for (int k = 1; k < ncomp; k++)
        best = carea[k] > carea[best] ? k : best;
    if (!(carea[best] > 0))
        goto done;
    double x = 0, y = 0;
    int biggest = -1;
    for (int i = 0; i < n; i++)
        if (comp[i] == best) {
            x += area[i] * cx[i];
            y += area[i] * cy[i];
            if (biggest < 0 || area[i] > area[biggest])
                biggest = i;
        }
    x /= carea[best];
    y /= carea[best];
    if (y < -1.0 || y > 1.0)
        goto done;
    *lon = x;
    *lat = asin(y) * (180.0 / M_PI);
    GEOSGeometry *pt = G(GEOSGeom_createPointFromXY_r)(ctx, *lon, *lat);
    bool inside = false;
    for (int i = 0; pt && i < n && !inside; i++)
        inside = comp[i] == best && G(GEOSIntersects_r)(ctx, G(GEOSGetGeometryN_r)(ctx, g, i), pt) == 1;
    if (pt)
        G(GEOSGeom_destroy_r)(ctx, pt);
    ok = inside || group_point(ctx, G(GEOSGetGeometryN_r)(ctx, g, biggest), lon, lat);
done:
    if (joined)
        G(GEOSGeom_destroy_r)(ctx, joined);
    gm__free(comp);
    gm__free(area);
    gm__free(cx);
    gm__free(cy);
    gm__free(carea);
    return ok;
}

/* How far from its main part a country's islands and pieces still count as its territory. */
#define NEAR_PARTS_KM 1000.0

/* A country's point: the area-weighted centroid (equal-area plane) of its main part and the parts
 * whose centres lie within NEAR_PARTS_KM of it - the islands of an archipelago, not Alaska or
 * overseas territories - when that falls on one of them; false otherwise (or with no such part). */
static bool near_parts_point(GEOSContextHandle_t ctx, const GEOSGeometry *g, double *lon, double *lat)
{
    int n = G(GEOSGetNumGeometries_r)(ctx, g);
    if (n < 2)
        return false;
    double mx, my, ma;
    if (!ea_centroid(ctx, largest_part(ctx, g), &mx, &my, &ma))
        return false;
    double mlat = asin(my) * (180.0 / M_PI), sx = 0, sy = 0, sa = 0;
    int used = 0;
    for (int i = 0; i < n; i++) {
        double x, y, a;
        const GEOSGeometry *part = G(GEOSGetGeometryN_r)(ctx, g, i);
        if (!part || !ea_centroid(ctx, part, &x, &y, &a) ||
            gm_haversine_km(mlat, mx, asin(y) * (180.0 / M_PI), x) > NEAR_PARTS_KM)
            continue;
        sx += a * x;
        sy += a * y;
        sa += a;
        used++;
    }
    if (used < 2 || !(sa > 0) || sy / sa < -1.0 || sy / sa > 1.0)
        return false;
    double x = sx / sa, y = asin(sy / sa) * (180.0 / M_PI);
    GEOSGeometry *pt = G(GEOSGeom_createPointFromXY_r)(ctx, x, y);
    bool inside = false;
    for (int i = 0; pt && i < n && !inside; i++) {
        const GEOSGeometry *part = G(GEOSGetGeometryN_r)(ctx, g, i);
        inside = part && G(GEOSIntersects_r)(ctx, part, pt) == 1;
    }
    if (pt)
        G(GEOSGeom_destroy_r)(ctx, pt);
    if (!inside)
        return false;
    *lon = x;
    *lat = y;
    return true;
}

bool gm_pip_label_point(gm_pip *p, size_t i, bool units, double *lon, double *lat)
{
    if (i >= p->n)
        return false;
    GEOSContextHandle_t ctx = p->ctx;
    const GEOSGeometry *g = p->poly[i].geom;
    if (units && G(GEOSGetNumGeometries_r)(ctx, g) > 1 && units_point(ctx, g, lon, lat))
        return true;
    if (!units && near_parts_point(ctx, g, lon, lat))
        return true;
    return part_point(ctx, g, lon, lat);
}

double gm_pip_area(gm_pip *p, size_t i)
{
    double a = 0;
    if (i < p->n && G(GEOSArea_r)(p->ctx, p->poly[i].geom, &a) != 1)
        a = 0;
    return a;
}

bool gm_pip_wkb(gm_pip *p, size_t i, unsigned char **wkb, size_t *len)
{
    if (i >= p->n)
        return false;
    GEOSWKBWriter *w = G(GEOSWKBWriter_create_r)(p->ctx);
    if (!w)
        return false;
    G(GEOSWKBWriter_setOutputDimension_r)(p->ctx, w, 2);
    const GEOSGeometry *g = p->poly[i].geom;
    GEOSGeometry *multi = NULL;
    if (G(GEOSGeomTypeId_r)(p->ctx, g) == GEOS_POLYGON) {
        GEOSGeometry *copy = G(GEOSGeom_clone_r)(p->ctx, g);
        GEOSGeometry *parts[1] = {copy};
        multi = copy ? G(GEOSGeom_createCollection_r)(p->ctx, GEOS_MULTIPOLYGON, parts, 1) : NULL;
        if (!multi && copy)
            G(GEOSGeom_destroy_r)(p->ctx, copy);
        if (!multi) {
            G(GEOSWKBWriter_destroy_r)(p->ctx, w);
            return false;
        }
        g = multi;
    }
    size_t n = 0;
    unsigned char *buf = G(GEOSWKBWriter_write_r)(p->ctx, w, g, &n);
    G(GEOSWKBWriter_destroy_r)(p->ctx, w);
    if (multi)
        G(GEOSGeom_destroy_r)(p->ctx, multi);
    if (!buf)
        return false;
    *wkb = gm_malloc(n);
    if (*wkb)
        memcpy(*wkb, buf, n);
    G(GEOSFree_r)(p->ctx, buf);
    *len = n;
    return *wkb != NULL;
}
