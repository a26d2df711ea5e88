/*
 * svg.c - an SVG choropleth of killed per admin-1 region (gm_summary_svg).
 *
 * The regions of the summary are drawn from the gazetteer's admin-1 polygons (SpatiaLite's AsSVG
 * gives path data in longitude and negated latitude), inside the outlines of their countries, in an
 * equirectangular projection scaled by the cosine of the middle latitude so that shapes keep their
 * proportions near the map's centre.  Colours are classes of killed; a legend names them.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "db.h"
#include "summary.h"
#include "tsv.h"

/* Classes of killed: the upper bounds (inclusive) and a sequential palette (light to dark). */
static const long CLASS_MAX[] = {0, 4, 19, 99, 499, -1};
static const char *const CLASS_FILL[] = {"#e4dcee", "#facba6", "#f59e72", "#e8604c", "#c2253f", "#7a0f2e"};
#define NCLASSES 6

static int class_of(long killed)
{
    for (int c = 0; c < NCLASSES - 1; c++)
        if (killed <= CLASS_MAX[c])
            return c;
    return NCLASSES - 1;
}

static void xml_text(gm_buf *b, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '&': gm_buf_adds(b, "&amp;"); break;
        case '<': gm_buf_adds(b, "&lt;"); break;
        case '>': gm_buf_adds(b, "&gt;"); break;
        case '"': gm_buf_adds(b, "&quot;"); break;
        default: gm_buf_addc(b, *s);
        }
    }
}

typedef struct bbox {
    double x0, y0, x1, y1; /* lon/lat */
    bool set;
} bbox;

static void bbox_add(bbox *b, double x0, double y0, double x1, double y1)
{
    if (!b->set) {
        *b = (bbox){x0, y0, x1, y1, true};
        return;
    }
    b->x0 = fmin(b->x0, x0);
    b->y0 = fmin(b->y0, y0);
    b->x1 = fmax(b->x1, x1);
    b->y1 = fmax(b->y1, y1);
}

gm_status gm_summary_svg(gm_summary *s, const gm_gazetteer *gaz, const char *title, char **svg, size_t *len,
                         gm_error *err)
{
    if (!s || !gaz || !svg || !len)
        return gm_fail(err, GM_E_ARG, "a summary, a gazetteer and an output buffer are needed");
    if (gm_summary_grouping(s) != GM_BY_ADMIN1)
        return gm_fail(err, GM_E_ARG, "the SVG map shows admin-1 regions: summarise --by admin1");
    *svg = NULL;
    *len = 0;
    sqlite3 *db = NULL;
    sqlite3_stmt *reg = NULL, *ctry = NULL;
    gm_status st = gm_db_open(gm_gazetteer_path(gaz), 1, &db, err);
    if (!st)
        st = gm_db_prepare(db,
                           "SELECT AsSVG(SimplifyPreserveTopology(geom, ?), 0, 4), MbrMinX(geom), MbrMinY(geom),"
                           " MbrMaxX(geom), MbrMaxY(geom) FROM admin1 WHERE code = ?",
                           &reg, err);
    if (!st)
        st = gm_db_prepare(db, "SELECT AsSVG(SimplifyPreserveTopology(geom, ?), 0, 4) FROM countries WHERE iso2 = ?",
                           &ctry, err);
    /* the extent: the regions with incidents (all regions when none has one) */
    bbox box = {0};
    size_t nrows = st ? 0 : gm_summary_row_count(s);
    for (int pass = 0; pass < 2 && !box.set && !st; pass++) {
        for (size_t i = 0; i < nrows; i++) {
            const gm_summary_row *r = gm_summary_row_at(s, i);
            if (!*r->admin1_code || (pass == 0 && !r->incidents))
                continue;
            sqlite3_reset(reg);
            sqlite3_bind_double(reg, 1, 0.1);
            sqlite3_bind_text(reg, 2, r->admin1_code, -1, SQLITE_TRANSIENT);
            if (sqlite3_step(reg) == SQLITE_ROW && sqlite3_column_type(reg, 1) != SQLITE_NULL)
                bbox_add(&box, sqlite3_column_double(reg, 1), sqlite3_column_double(reg, 2),
                         sqlite3_column_double(reg, 3), sqlite3_column_double(reg, 4));
        }
    }
    if (!box.set) {
        box = (bbox){-180, -60, 180, 80, true};
    }
    /* a margin, and the drawing's size: 900 px wide, the height from the aspect ratio */
    double mx = fmax(0.5, (box.x1 - box.x0) * 0.08), my = fmax(0.5, (box.y1 - box.y0) * 0.08);
    box.x0 -= mx, box.x1 += mx, box.y0 -= my, box.y1 += my;
    double k = cos((box.y0 + box.y1) / 2 * M_PI / 180.0);
    if (k < 0.2)
        k = 0.2;
    const double W = 900, legend_h = 150;
    double sx = W / ((box.x1 - box.x0) * k);
    double H = fmin(1400, fmax(300, (box.y1 - box.y0) * sx));
    double scale = fmin(sx, H / (box.y1 - box.y0));
    double tol = 0.5 / scale; /* half a pixel, in degrees */
    gm_buf b;
    gm_buf_init(&b);
    gm_buf_printf(&b,
                  "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\" "
                  "font-family=\"DejaVu Sans, Arial, sans-serif\">\n"
                  "<rect width=\"100%%\" height=\"100%%\" fill=\"#eef3f7\"/>\n",
                  W, H + legend_h, W, H + legend_h);
    gm_buf_adds(&b, "<title>");
    xml_text(&b, title ? title : "Killed per admin-1 region");
    gm_buf_adds(&b, "</title>\n");
    /* lon/-lat to pixels: x = (lon - x0) * k * scale, y = (-lat + y1) * scale */
    gm_buf_printf(&b,
                  "<g transform=\"matrix(%.6f 0 0 %.6f %.3f %.3f)\" stroke-linejoin=\"round\">\n",
                  k * scale, scale, -box.x0 * k * scale, box.y1 * scale);
    /* the countries of the regions, as the ground */
    gm_strmap done;
    gm_strmap_init(&done);
    for (size_t i = 0; i < nrows && !st; i++) {
        const gm_summary_row *r = gm_summary_row_at(s, i);
        uint32_t v;
        if (!*r->country_code || gm_strmap_get(&done, r->country_code, &v))
            continue;
        if (!gm_strmap_put(&done, r->country_code, 1)) {
            st = gm_nomem(err);
            break;
        }
        sqlite3_reset(ctry);
        sqlite3_bind_double(ctry, 1, tol);
        sqlite3_bind_text(ctry, 2, r->country_code, -1, SQLITE_TRANSIENT);
        if (sqlite3_step(ctry) == SQLITE_ROW && sqlite3_column_type(ctry, 0) != SQLITE_NULL) {
            gm_buf_adds(&b, "<path fill=\"#ffffff\" stroke=\"#8a8a8a\" stroke-width=\"1.2\" "
                            "vector-effect=\"non-scaling-stroke\" d=\"");
            gm_buf_adds(&b, (const char *)sqlite3_column_text(ctry, 0));
            gm_buf_adds(&b, "\"/>\n");
        }
    }
    gm_strmap_free(&done);
    /* the regions, coloured by killed; a tooltip with the sums */
    size_t drawn = 0;
    for (size_t i = 0; i < nrows && !st; i++) {
        const gm_summary_row *r = gm_summary_row_at(s, i);
        if (!*r->admin1_code || !r->incidents)
            continue;
        sqlite3_reset(reg);
        sqlite3_bind_double(reg, 1, tol);
        sqlite3_bind_text(reg, 2, r->admin1_code, -1, SQLITE_TRANSIENT);
        if (sqlite3_step(reg) != SQLITE_ROW || sqlite3_column_type(reg, 0) == SQLITE_NULL)
            continue;
        gm_buf_printf(&b, "<path class=\"region\" fill=\"%s\" stroke=\"#555555\" stroke-width=\"0.6\" "
                          "vector-effect=\"non-scaling-stroke\" d=\"", CLASS_FILL[class_of(r->killed)]);
        gm_buf_adds(&b, (const char *)sqlite3_column_text(reg, 0));
        gm_buf_adds(&b, "\"><title>");
        xml_text(&b, r->admin1);
        gm_buf_adds(&b, ", ");
        xml_text(&b, r->country);
        gm_buf_printf(&b, ": %zu incidents, %ld killed, %ld injured</title></path>\n", r->incidents, r->killed,
                      r->injured);
        drawn++;
    }
    gm_buf_adds(&b, "</g>\n");
    /* the title and the legend */
    double ly = H + 28;
    gm_buf_printf(&b, "<text x=\"20\" y=\"%.0f\" font-size=\"18\" font-weight=\"bold\">", ly);
    xml_text(&b, title ? title : "Killed per admin-1 region");
    gm_buf_printf(&b, "</text>\n<text x=\"20\" y=\"%.0f\" font-size=\"12\" fill=\"#444444\">%zu regions with "
                      "incidents; regions without incidents are white</text>\n",
                  ly + 20, drawn);
    for (int c = 0; c < NCLASSES; c++) {
        char label[48];
        long lo = c ? CLASS_MAX[c - 1] + 1 : 0;
        if (c == 0)
            snprintf(label, sizeof label, "0 killed");
        else if (CLASS_MAX[c] < 0)
            snprintf(label, sizeof label, "%ld or more", lo);
        else
            snprintf(label, sizeof label, "%ld to %ld", lo, CLASS_MAX[c]);
        double x = 20 + c * 140;
        gm_buf_printf(&b,
                      "<rect x=\"%.0f\" y=\"%.0f\" width=\"24\" height=\"16\" fill=\"%s\" stroke=\"#555555\"/>"
                      "<text x=\"%.0f\" y=\"%.0f\" font-size=\"13\">%s</text>\n",
                      x, ly + 40, CLASS_FILL[c], x + 30, ly + 53, label);
    }
    gm_buf_printf(&b, "<text x=\"20\" y=\"%.0f\" font-size=\"11\" fill=\"#666666\">Outlines: Natural Earth; places: "
                      "GeoNames (CC BY 4.0). Made with geomention.</text>\n</svg>\n",
                  ly + 90);
    sqlite3_finalize(reg);
    sqlite3_finalize(ctry);
    sqlite3_close(db);
    if (!st && !gm_buf_cstr(&b))
        st = gm_nomem(err);
    if (st) {
        gm_buf_free(&b);
        return st;
    }
    *svg = b.p;
    *len = b.len;
    return GM_OK;
}
