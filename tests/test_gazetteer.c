/* Building, opening, checking and querying the gazetteer (on the hand-written fixture). */
#include <fcntl.h>
#include <math.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include "check.h"
#include "fixture.h"
#include "regions.h"

static const gm_candidate *find(const gm_candidate *c, size_t n, const char *cc, const char *fcode)
{
    for (size_t i = 0; i < n; i++)
        if (c[i].place.country_code && strcmp(c[i].place.country_code, cc) == 0 &&
            strcmp(c[i].place.feature_code, fcode) == 0)
            return &c[i];
    return NULL;
}

static void test_lookup(gm_gazetteer *g)
{
    gm_candidate *c = NULL;
    size_t n = 0;
    gm_error err;
    CHECK_INT(gm_lookup(g, "Paris", 5, 0, &c, &n, &err), GM_OK);
    CHECK_INT(n, 2);
    CHECK_STR(c[0].place.country_code, "FR"); /* the capital outranks the Texas town */
    CHECK_STR(c[1].place.admin1, "Texas");
    CHECK_STR(c[1].place.admin1_code, "US.TX");
    CHECK(c[0].score > c[1].score);
    CHECK(strstr(c[0].reasons, "PPLC") != NULL);
    gm_candidates_free(c);

    /* alternate names, transliterations, diacritics, St/Saint */
    CHECK_INT(gm_lookup(g, "Kiev", 4, 0, &c, &n, &err), GM_OK);
    CHECK_INT(n, 2); /* the city, and the city-region through its variant "Kiev City" -> "Kiev" */
    CHECK_STR(c[0].place.name, "Kyiv");
    CHECK_STR(c[0].place.feature_code, "PPLC");
    CHECK_NEAR(c[0].place.lat, 50.45, 1e-6);
    gm_candidates_free(c);
    CHECK_INT(gm_lookup(g, "ZAPOROZHYE", 10, 0, &c, &n, &err), GM_OK);
    CHECK_INT(n, 1);
    gm_candidates_free(c);
    CHECK_INT(gm_lookup(g, "Zürich", strlen("Zürich"), 0, &c, &n, &err), GM_OK);
    CHECK(n >= 1);
    gm_candidates_free(c);
    CHECK_INT(gm_lookup(g, "St. Petersburg", 14, 0, &c, &n, &err), GM_OK);
    CHECK(find(c, n, "RU", "PPLA") != NULL);
    gm_candidates_free(c);
    CHECK_INT(gm_lookup(g, "Saint Petersburg", 16, 0, &c, &n, &err), GM_OK);
    CHECK(find(c, n, "RU", "PPLA") != NULL);
    gm_candidates_free(c);

    /* regions and countries are places of their own, with generated variants */
    CHECK_INT(gm_lookup(g, "Dnipropetrovsk Oblast", 21, 0, &c, &n, &err), GM_OK);
    CHECK(find(c, n, "UA", "ADM1") != NULL);
    gm_candidates_free(c);
    CHECK_INT(gm_lookup(g, "Donetsk region", 14, 0, &c, &n, &err), GM_OK);
    CHECK(find(c, n, "UA", "ADM1") != NULL);
    gm_candidates_free(c);
    CHECK_INT(gm_lookup(g, "Russian Federation", 18, 0, &c, &n, &err), GM_OK);
    CHECK_INT(n, 1);
    CHECK_STR(c[0].place.feature_code, "PCLI");
    CHECK_STR(c[0].place.country_code, "RU");
    CHECK_INT(c[0].place.precision, GM_PREC_COUNTRY);
    gm_candidates_free(c);

    /* the supplement */
    CHECK_INT(gm_lookup(g, "Kremlin", 7, 0, &c, &n, &err), GM_OK);
    CHECK_INT(n, 1);
    CHECK_STR(c[0].place.source, "sup:kremlin");
    CHECK_STR(c[0].place.admin1, "Moscow");
    gm_candidates_free(c);

    /* nothing */
    CHECK_INT(gm_lookup(g, "Atlantis", 8, 0, &c, &n, &err), GM_OK);
    CHECK_INT(n, 0);
    gm_candidates_free(c);
}

static void test_database(void)
{
    /* the SpatiaLite side: tables, geometries, spatial index, meta */
    sqlite3 *db;
    CHECK_INT(sqlite3_open_v2(fixture_db, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    sqlite3_stmt *st;
    const char *q = "SELECT (SELECT count(*) FROM places), (SELECT count(*) FROM admin1 WHERE geom IS NOT NULL),"
                    " (SELECT count(*) FROM names), (SELECT value FROM meta WHERE key='schema_version'),"
                    " (SELECT count(*) FROM geometry_columns), (SELECT count(*) FROM idx_places_geom)";
    CHECK_INT(sqlite3_prepare_v2(db, q, -1, &st, NULL), SQLITE_OK);
    CHECK_INT(sqlite3_step(st), SQLITE_ROW);
    /* 20 towns + 2 supplement rows + 17 admin-1 + 8 countries, and 9 parts of each country
     * ("Northern X" ... "Central X") */
    CHECK_INT(sqlite3_column_int(st, 0), 47 + 72);
    CHECK_INT(sqlite3_column_int(st, 1), 17);
    CHECK(sqlite3_column_int(st, 2) > 60);
    CHECK_STR((const char *)sqlite3_column_text(st, 3), "1");
    CHECK_INT(sqlite3_column_int(st, 4), 3);
    CHECK_INT(sqlite3_column_int(st, 5), 47 + 72);
    sqlite3_finalize(st);
    /* every coded town lies in the polygon of its admin-1 code (the fixture rectangles contain them) */
    CHECK_INT(sqlite3_prepare_v2(db, "SELECT count(*) FROM places WHERE kind='place' AND admin1_code != admin1_pip", -1,
                                 &st, NULL),
              SQLITE_OK);
    CHECK_INT(sqlite3_step(st), SQLITE_ROW);
    CHECK_INT(sqlite3_column_int(st, 0), 0);
    sqlite3_finalize(st);
    /* the invented village got its admin-1 from the code, and the Kremlin's from its row */
    CHECK_INT(sqlite3_prepare_v2(db, "SELECT admin1_code FROM places WHERE source='sup:testville'", -1, &st, NULL),
              SQLITE_OK);
    CHECK_INT(sqlite3_step(st), SQLITE_ROW);
    CHECK_STR((const char *)sqlite3_column_text(st, 0), "UA.05");
    sqlite3_finalize(st);
    sqlite3_close(db);
}

static void test_errors(void)
{
    gm_gazetteer *g = NULL;
    gm_error err;
    char path[512];
    /* missing database: GM_E_NODB, and the message names the command */
    snprintf(path, sizeof path, "%s/none.sqlite", fixture_dir);
    CHECK_INT(gm_gazetteer_open(path, &g, &err), GM_E_NODB);
    CHECK(g == NULL);
    CHECK(strstr(err.message, "geomention gazetteer build") != NULL);
    /* a file that is not a gazetteer */
    snprintf(path, sizeof path, "%s/junk.sqlite", fixture_dir);
    FILE *f = fopen(path, "w");
    fputs("not a database", f);
    fclose(f);
    CHECK_INT(gm_gazetteer_open(path, &g, &err), GM_E_OUTDATED);
    CHECK(strstr(err.message, "gazetteer build") != NULL);
    unlink(path);
    /* a damaged index: truncate a copy of it */
    char idx[512], bak[600];
    snprintf(idx, sizeof idx, "%s.idx", fixture_db);
    snprintf(bak, sizeof bak, "%s.bak", idx);
    CHECK_INT(rename(idx, bak), 0);
    CHECK_INT(gm_gazetteer_open(fixture_db, &g, &err), GM_E_OUTDATED);
    CHECK(strstr(err.message, "missing") != NULL);
    FILE *in = fopen(bak, "rb"), *out = fopen(idx, "wb");
    char buf[4096];
    size_t n = fread(buf, 1, sizeof buf, in);
    fwrite(buf, 1, n / 2, out);
    fclose(in);
    fclose(out);
    CHECK_INT(gm_gazetteer_open(fixture_db, &g, &err), GM_E_OUTDATED);
    CHECK_INT(rename(bak, idx), 0);
    CHECK_INT(gm_gazetteer_open(fixture_db, &g, &err), GM_OK);
    gm_gazetteer_free(g);
    /* a build from a folder without sources fails cleanly and leaves nothing behind */
    snprintf(path, sizeof path, "%s/other.sqlite", fixture_dir);
    gm_build_options bo = {fixture_dir, path, NULL, NULL};
    CHECK_INT(gm_gazetteer_build(&bo, &err), GM_E_IO);
    CHECK(strstr(err.message, "countries.tsv") != NULL);
    struct stat stt;
    CHECK(stat(path, &stt) != 0);
    /* NULL-safe frees */
    gm_gazetteer_free(NULL);
}

/* The latitude halfway between two parallels by area: the centre of a band of latitudes on the
 * ground, where a centroid of degrees would take their mean. */
static double area_mid(double lat0, double lat1)
{
    const double d2r = 3.14159265358979323846 / 180.0;
    return asin((sin(lat0 * d2r) + sin(lat1 * d2r)) / 2.0) / d2r;
}

/* The part of a polygon news names by direction: on a 3 x 3 square, the middle of each third (by
 * area: its latitude is the one that halves its area). */
static void test_country_parts(void)
{
    gm_pip *p = NULL;
    gm_error err;
    CHECK_INT(gm_pip_new(&p, &err), GM_OK);
    CHECK_INT(gm_pip_add_wkt(p, "POLYGON((0 0,3 0,3 3,0 3,0 0))", 7, &err), GM_OK);
    CHECK_INT(gm_pip_finish(p, &err), GM_OK);
    const struct {
        int dx, dy;
        double lon, lat;
    } want[] = {{0, 1, 1.5, area_mid(2, 3)},  {0, -1, 1.5, area_mid(0, 1)},  {1, 0, 2.5, area_mid(0, 3)},
                {-1, 0, 0.5, area_mid(0, 3)}, {1, 1, 2.5, area_mid(2, 3)},   {-1, -1, 0.5, area_mid(0, 1)},
                {0, 0, 1.5, area_mid(1, 2)}};
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        double lon = -99, lat = -99;
        CHECK(gm_pip_part_point(p, 0, want[i].dx, want[i].dy, &lon, &lat));
        CHECK_MSG(fabs(lon - want[i].lon) < 1e-7 && fabs(lat - want[i].lat) < 1e-7, "part %d,%d: %.10f %.10f, wanted %.10f %.10f",
                  want[i].dx, want[i].dy, lon, lat, want[i].lon, want[i].lat);
    }
    /* an L-shaped polygon whose top right ninth is empty has no such part */
    gm_pip *q = NULL;
    CHECK_INT(gm_pip_new(&q, &err), GM_OK);
    CHECK_INT(gm_pip_add_wkt(q, "POLYGON((0 0,3 0,3 1,1 1,1 3,0 3,0 0))", 1, &err), GM_OK);
    CHECK_INT(gm_pip_finish(q, &err), GM_OK);
    double lon, lat;
    CHECK(!gm_pip_part_point(q, 0, 1, 1, &lon, &lat));
    CHECK(gm_pip_part_point(q, 0, 0, 1, &lon, &lat) && lon < 1.0 && lat > 2.0);
    gm_pip_free(q);
    gm_pip_free(p);
}

/* The label point (gm_pip_label_point) of one outline given as WKT; false when it fails. */
static bool label_point(const char *wkt, bool units, double *lon, double *lat)
{
    gm_pip *p = NULL;
    gm_error err;
    CHECK_INT(gm_pip_new(&p, &err), GM_OK);
    CHECK_INT(gm_pip_add_wkt(p, wkt, 3, &err), GM_OK);
    CHECK_INT(gm_pip_finish(p, &err), GM_OK);
    *lon = *lat = -99;
    bool ok = gm_pip_label_point(p, 0, units, lon, lat);
    gm_pip_free(p);
    return ok;
}

/* A region made of units that are parts of its outline (counties, each simplified on its own, so a
 * crack between them): its point is the middle of all of them, not of the largest unit; an island
 * off its coast stays apart. */
static void test_region_point(void)
{
    double lon, lat;
    CHECK(label_point("MULTIPOLYGON(((0 0,2.1 0,2.1 2,0 2,0 0)),((2.105 0,4 0,4 2,2.105 2,2.105 0)),"
                      "((10 0,10.5 0,10.5 0.5,10 0.5,10 0)))",
                      true, &lon, &lat));
    CHECK_MSG(fabs(lon - 2.0) < 0.02 && fabs(lat - 1.0) < 0.02, "region point %.4f %.4f, wanted about 2.0 1.0", lon,
              lat);
}

/* A country's point: its main part with the islands near it (within 1,000 km of the main part's
 * centre), not a territory 40 degrees away; and where that middle falls in the sea between them,
 * the main part's own centre. */
static void test_country_point(void)
{
    double lon, lat;
    CHECK(label_point("MULTIPOLYGON(((0 -1,4 -1,4 1,0 1,0 -1)),((5 -1,9.5 -1,9.5 1,5 1,5 -1)),"
                      "((50 -1,54 -1,54 1,50 1,50 -1)))",
                      false, &lon, &lat));
    /* main part: the 4.5-degree island (9 square degrees against 8), centre 7.25; with the near
     * part (2 * 8 + 7.25 * 9) / 17 = 4.78, in the sea between them: the main part's centre */
    CHECK_MSG(fabs(lon - 7.25) < 0.05 && fabs(lat) < 0.05, "country point %.4f %.4f, wanted about 7.25 0", lon, lat);
    CHECK(label_point("MULTIPOLYGON(((0 -1,4 -1,4 1,0 1,0 -1)),((4.02 -1,9 -1,9 1,4.02 1,4.02 -1)),"
                      "((50 -1,54 -1,54 1,50 1,50 -1)))",
                      false, &lon, &lat));
    /* main part: the 4.98-degree island (9.96 square degrees against 8): (2 * 8 + 6.51 * 9.96) /
     * 17.96 = 4.50, on the larger island, not 6.51 (its own centre) nor 16 (all three parts) */
    CHECK_MSG(fabs(lon - 4.50) < 0.05 && fabs(lat) < 0.05, "country point %.4f %.4f, wanted about 4.50 0", lon, lat);
}

int main(void)
{
    gm_gazetteer *g = fixture_open();
    gm_gazetteer_stats s;
    gm_gazetteer_get_stats(g, &s);
    CHECK_INT(s.places, 47 + 72); /* with the countries' parts */
    CHECK_INT(s.countries, 8);
    CHECK_INT(s.admin1, 17);
    CHECK_STR(s.version, GM_VERSION_STRING);
    test_lookup(g);
    test_database();
    test_errors();
    test_region_point();
    test_country_point();
    test_country_parts();
    fixture_close(g);
    return check_done("test_gazetteer");
}
