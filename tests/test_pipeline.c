/*
 * The pipeline on sentences written for these tests: recognition, resolution, incidents,
 * resolve-by-span, GeoJSON output and summaries, on the hand-written fixture gazetteer.
 */
#include <math.h>
#include <cjson/cJSON.h>

#include "check.h"
#include "fixture.h"
#include "mentions.h"

static gm_gazetteer *g;

static gm_doc *extract(const char *text, const char *date)
{
    gm_options opt;
    gm_options_init(&opt);
    opt.date = date;
    gm_doc *d = NULL;
    gm_error err;
    if (gm_extract(g, text, strlen(text), &opt, &d, &err) != GM_OK) {
        fprintf(stderr, "extract failed: %s\n", err.message);
        exit(98);
    }
    return d;
}

static void test_recognition(void)
{
    gm_doc *d = extract("Shelling hit Kyiv's outskirts and Zaporozhye on Monday, officials in Ivano-Frankivsk said.", NULL);
    const gm_mention *m = test_mention(d, "Kyiv", 0);
    CHECK(m && m->resolved && strcmp(m->place.name, "Kyiv") == 0); /* possessive trimmed */
    m = test_mention(d, "Zaporozhye", 0);
    CHECK(m && m->resolved && strcmp(m->place.name, "Zaporizhzhia") == 0); /* transliteration */
    m = test_mention(d, "Ivano-Frankivsk", 0);
    CHECK(m && m->resolved && strcmp(m->place.admin1_code, "UA.06") == 0);
    CHECK(test_mention(d, "Monday", 0) == NULL);
    gm_doc_free(d);

    /* people named like places are not places */
    d = extract("Vladimir Putin met envoys in Moscow. Later Putin spoke to Vladimir, his aide.", NULL);
    CHECK(test_mention(d, "Vladimir", 0) == NULL);
    CHECK(test_mention(d, "Vladimir", 1) == NULL);
    CHECK(test_mention(d, "Moscow", 0) != NULL);
    gm_doc_free(d);
    d = extract("President Austin spoke. The meeting was in Austin, Texas.", NULL);
    m = test_mention(d, "Austin", 0);
    CHECK(m && m->start == 43); /* the person is dropped, the city kept */
    CHECK(test_mention(d, "Austin", 1) == NULL);
    CHECK(test_mention(d, "Texas", 0) && strcmp(test_mention(d, "Texas", 0)->place.feature_code, "ADM1") == 0);
    gm_doc_free(d);

    /* a tiny place named like an organisation, with nothing pointing at its country */
    d = extract("Ukraine wants to join Nato, Kyiv said.", NULL);
    CHECK(test_mention(d, "Nato", 0) == NULL);
    CHECK(test_mention(d, "Kyiv", 0) != NULL);
    gm_doc_free(d);

    /* a place inside an organisation's name still counts */
    d = extract("The Kyiv City Council met on Friday.", NULL);
    m = test_mention(d, "Kyiv", 0);
    CHECK(m == NULL || strcmp(m->place.country_code, "UA") == 0);
    CHECK(test_mention(d, "Kyiv City", 0) != NULL || test_mention(d, "Kyiv", 0) != NULL);
    gm_doc_free(d);

    /* all-capitals dateline */
    d = extract("KYIV, Ukraine - Air raid sirens sounded overnight.", NULL);
    m = test_mention(d, "KYIV", 0);
    CHECK(m && m->resolved && strcmp(m->place.name, "Kyiv") == 0);
    gm_doc_free(d);

    /* demonyms, and the flag that turns them off */
    d = extract("Russian troops shelled Ukrainian towns.", NULL);
    m = test_mention(d, "Russian", 0);
    CHECK(m && m->kind == GM_MENTION_DEMONYM && strcmp(m->place.country_code, "RU") == 0);
    gm_doc_free(d);
    gm_options opt;
    gm_options_init(&opt);
    opt.demonyms = 0;
    gm_error err;
    const char *s = "Russian troops shelled Ukrainian towns.";
    CHECK_INT(gm_extract(g, s, strlen(s), &opt, &d, &err), GM_OK);
    CHECK_INT(gm_doc_mention_count(d), 0);
    gm_doc_free(d);
}

static void test_resolution(void)
{
    /* containers written next to the name */
    gm_doc *d = extract("A tornado hit Paris, Texas on Sunday.", NULL);
    const gm_mention *m = test_mention(d, "Paris", 0);
    CHECK(m && strcmp(m->place.country_code, "US") == 0 && strcmp(m->place.admin1, "Texas") == 0);
    gm_doc_free(d);
    d = extract("Tourists crowded Paris as France celebrated.", NULL);
    m = test_mention(d, "Paris", 0);
    CHECK(m && strcmp(m->place.country_code, "FR") == 0);
    gm_doc_free(d);
    /* the document's other places: Springfield near Boston-area places vs Illinois */
    d = extract("Police in Springfield, Massachusetts said the fire was out.", NULL);
    m = test_mention(d, "Springfield", 0);
    CHECK(m && strcmp(m->place.admin1_code, "US.MA") == 0);
    gm_doc_free(d);
    /* "X Oblast" and "the X region" resolve to the region, a city-region to its city */
    d = extract("Strikes hit the Donetsk region and Dnipropetrovsk Oblast, and Moscow.", NULL);
    m = test_mention(d, "Donetsk region", 0);
    if (!m)
        m = test_mention(d, "Donetsk", 0);
    CHECK(m && strcmp(m->place.feature_code, "ADM1") == 0 && m->place.precision == GM_PREC_ADMIN1);
    m = test_mention(d, "Dnipropetrovsk Oblast", 0);
    CHECK(m && strcmp(m->place.feature_code, "ADM1") == 0);
    m = test_mention(d, "Moscow", 0);
    CHECK(m && strcmp(m->place.feature_code, "PPLC") == 0);
    gm_doc_free(d);
    /* confidence is a probability-like number */
    d = extract("Kyiv and Moscow traded accusations.", NULL);
    for (size_t i = 0; i < gm_doc_mention_count(d); i++) {
        CHECK(gm_doc_mention(d, i)->confidence > 0.5);
        CHECK(gm_doc_mention(d, i)->confidence <= 1.0);
    }
    const char *cc = NULL;
    CHECK(gm_doc_focus(d, &cc, NULL));
    gm_doc_free(d);
}

static const gm_incident *only_incident(const gm_doc *d)
{
    CHECK_INT(gm_doc_incident_count(d), 1);
    return gm_doc_incident_count(d) ? gm_doc_incident(d, 0) : NULL;
}

static void test_incidents(void)
{
    gm_doc *d = extract("A drone attack on the city of Pavlohrad overnight killed three people and injured 10 others.",
                        "2025-04-25");
    const gm_incident *n = only_incident(d);
    if (n) {
        CHECK_INT(n->killed, 3);
        CHECK_INT(n->injured, 10);
        CHECK_STR(n->place.name, "Pavlohrad");
        CHECK_STR(n->event_type, "drone strike");
        CHECK_STR(n->date, "2025-04-25");
        CHECK_INT(n->geo_precision, 1);
    }
    gm_doc_free(d);
    /* counts implied by nouns; the day of the week resolved against the publication date */
    d = extract("In Kramatorsk, an elderly father and his son were killed on Thursday when a glide bomb hit.",
                "2025-04-25");
    n = only_incident(d);
    if (n) {
        CHECK_INT(n->killed, 2);
        CHECK_INT(n->injured, GM_COUNT_NONE);
        CHECK_STR(n->date, "2025-04-24");
        CHECK_STR(n->place.name, "Kramatorsk");
    }
    gm_doc_free(d);
    /* a passive with a number before the cue, ranges and qualifiers */
    d = extract("At least 12 civilians were killed and 30 to 40 wounded in a missile strike on Dnipro.", NULL);
    n = only_incident(d);
    if (n) {
        CHECK_INT(n->killed, 12);
        CHECK_INT(n->killed_low, 12);
        CHECK_STR(n->qualifier, "at least");
        CHECK_INT(n->injured, 30);
        CHECK_STR(n->event_type, "missile strike");
    }
    gm_doc_free(d);
    /* nobody hurt is a count of zero */
    d = extract("A shell landed in Donetsk on Friday but no one was hurt.", NULL);
    n = only_incident(d);
    if (n)
        CHECK_INT(n->injured, 0);
    gm_doc_free(d);
    /* not incidents: war-wide totals, hypotheticals, counts of things */
    d = extract("More than 10,000 civilians have been killed in Ukraine since 2022. "
                "Air defences shot down 12 drones over Kyiv. Officials warned a strike could kill dozens. "
                "Ninety buildings were damaged in Dnipro.",
                NULL);
    CHECK_INT(gm_doc_incident_count(d), 0);
    gm_doc_free(d);
    /* an incident told twice is one incident; a later toll replaces the first count */
    d = extract("A missile hit Dnipro on Monday, killing four people. Rescuers worked through the night. "
                "The death toll in Dnipro rose to six.",
                NULL);
    n = only_incident(d);
    if (n)
        CHECK_INT(n->killed, 6);
    gm_doc_free(d);
    /* two places, two incidents */
    d = extract("Shelling killed two people in Donetsk. Separately, a drone strike on Kyiv wounded five.", NULL);
    CHECK_INT(gm_doc_incident_count(d), 2);
    gm_doc_free(d);
    /* a mention of a place with no casualties is no incident */
    d = extract("Talks in Moscow and Kyiv continued on Friday.", NULL);
    CHECK_INT(gm_doc_incident_count(d), 0);
    gm_doc_free(d);
}

static void test_resolve_spans(void)
{
    const char *text = "Fire in Paris, Texas and in Lutece. Then Atlantis.";
    gm_span spans[] = {{8, 13}, {28, 34}, {41, 49}, {100, 120}, {5, 3}};
    gm_doc *d = NULL;
    gm_error err;
    gm_options no_estimates;
    gm_options_init(&no_estimates);
    no_estimates.estimates = 0;
    CHECK_INT(gm_resolve_spans(g, text, strlen(text), spans, 5, &no_estimates, &d, &err), GM_OK);
    CHECK_INT(gm_doc_mention_count(d), 5);
    const gm_mention *m = gm_doc_mention(d, 0);
    CHECK_INT(m->start, 8);
    CHECK_INT(m->end, 13);
    CHECK(m->resolved);
    CHECK_STR(m->place.country_code, "US"); /* "Texas" after the comma, though not given as a span */
    m = gm_doc_mention(d, 1);
    CHECK(m->resolved && strcmp(m->place.country_code, "FR") == 0); /* alternate name */
    CHECK(!gm_doc_mention(d, 2)->resolved);                          /* Atlantis: no entry */
    CHECK(!gm_doc_mention(d, 3)->resolved);                          /* beyond the text */
    CHECK(!gm_doc_mention(d, 4)->resolved);                          /* reversed */
    gm_doc_free(d);

    /* by default a name the gazetteer lacks is placed where the text's towns centre, as an
     * estimate that names nothing; spans that are no name in the text get none */
    const char *text2 = "Smoke rose over Atlantis, a hamlet between Springfield, Illinois and Decatur. "
                        "Crews came from Decatur and Springfield.";
    gm_span spans2[] = {{16, 24}, {43, 54}, {200, 210}, {24, 25}};
    CHECK_INT(gm_resolve_spans(g, text2, strlen(text2), spans2, 4, NULL, &d, &err), GM_OK);
    const gm_mention *est = gm_doc_mention(d, 0), *spr = gm_doc_mention(d, 1);
    CHECK(spr->resolved && spr->place.precision == GM_PREC_PLACE);
    CHECK(est->resolved);
    CHECK_INT(est->place.precision, GM_PREC_NEAR);
    CHECK(est->place.name == NULL && est->place.geonameid == 0 && est->place.feature_code == NULL);
    CHECK(est->confidence < 0.5);
    CHECK_STR(est->place.country_code, "US");
    CHECK(fabs(est->place.lat - 39.8) < 1.0 && fabs(est->place.lon + 89.3) < 1.5); /* central Illinois */
    CHECK(!gm_doc_mention(d, 2)->resolved); /* beyond the text */
    CHECK(!gm_doc_mention(d, 3)->resolved); /* a comma */
    CHECK_STR(gm_precision_name(GM_PREC_NEAR), "near");
    gm_doc_free(d);
    /* a town written as the name's container wins over where the others centre */
    const char *text4 = "Crews from Springfield, then more from Springfield, reached Oakmere, Paris, at dawn.";
    const char *oak = strstr(text4, "Oakmere");
    gm_span spans4[] = {{(size_t)(oak - text4), (size_t)(oak - text4) + 7}};
    CHECK_INT(gm_resolve_spans(g, text4, strlen(text4), spans4, 1, NULL, &d, &err), GM_OK);
    est = gm_doc_mention(d, 0);
    CHECK(est->resolved && est->place.precision == GM_PREC_NEAR);
    CHECK_STR(est->place.country_code, "FR");
    gm_doc_free(d);
    /* with no town in the text there is nothing to go by */
    const char *text3 = "Smoke rose over Atlantis on Monday.";
    gm_span spans3[] = {{16, 24}};
    CHECK_INT(gm_resolve_spans(g, text3, strlen(text3), spans3, 1, NULL, &d, &err), GM_OK);
    CHECK(!gm_doc_mention(d, 0)->resolved);
    gm_doc_free(d);
}

static void test_output(void)
{
    gm_doc *d = extract("A drone attack on Pavlohrad killed three people. Officials in Kyiv said so.", "2025-04-25");
    char *buf = NULL;
    size_t len = 0, cap = 0;
    for (int layer = 0; layer < 2; layer++) {
        for (size_t i = 0; i < gm_doc_feature_count(d, (gm_layer)layer); i++) {
            len = 0;
            CHECK_INT(gm_feature_json(d, (gm_layer)layer, i, "doc-1", &buf, &len, &cap), GM_OK);
            cJSON *f = cJSON_ParseWithLength(buf, len);
            CHECK(f != NULL);
            if (!f)
                continue;
            CHECK_STR(cJSON_GetObjectItem(f, "type")->valuestring, "Feature");
            cJSON *props = cJSON_GetObjectItem(f, "properties");
            CHECK_STR(cJSON_GetObjectItem(props, "doc_id")->valuestring, "doc-1");
            CHECK(cJSON_IsNumber(cJSON_GetObjectItem(props, "start")));
            CHECK(cJSON_IsNumber(cJSON_GetObjectItem(props, "confidence")));
            CHECK(cJSON_GetObjectItem(f, "crs") == NULL);
            cJSON *geom = cJSON_GetObjectItem(f, "geometry");
            if (cJSON_IsObject(geom)) {
                cJSON *c = cJSON_GetObjectItem(geom, "coordinates");
                CHECK_INT(cJSON_GetArraySize(c), 2);
                double lon = cJSON_GetArrayItem(c, 0)->valuedouble, lat = cJSON_GetArrayItem(c, 1)->valuedouble;
                CHECK(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90);
            }
            if (layer == GM_LAYER_INCIDENTS) {
                CHECK(cJSON_IsNumber(cJSON_GetObjectItem(props, "killed")));
                CHECK(cJSON_IsNull(cJSON_GetObjectItem(props, "injured")));
                CHECK(cJSON_GetObjectItem(props, "text") == NULL);
                CHECK_STR(cJSON_GetObjectItem(props, "place")->valuestring, "Pavlohrad");
            } else {
                CHECK(cJSON_IsString(cJSON_GetObjectItem(props, "text")));
                CHECK(cJSON_IsString(cJSON_GetObjectItem(props, "feature_code")));
            }
            cJSON_Delete(f);
        }
    }
    CHECK_INT(gm_feature_json(d, GM_LAYER_INCIDENTS, 99, NULL, &buf, &len, &cap), GM_E_ARG);
    gm_free(buf);
    /* summaries sum incidents once per incident, and merge documents */
    gm_summary *s;
    CHECK_INT(gm_summary_new(GM_BY_ADMIN1, &s), GM_OK);
    CHECK_INT(gm_summary_add_doc(s, d, "a"), GM_OK);
    CHECK_INT(gm_summary_add_doc(s, d, "a"), GM_OK); /* the same document again counts once */
    CHECK_INT(gm_summary_add_doc(s, d, "b"), GM_OK);
    const char *fc = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"geometry\":null,"
                     "\"properties\":{\"country_code\":\"UA\",\"country\":\"Ukraine\",\"admin1\":\"Dnipropetrovsk\","
                     "\"killed\":4,\"injured\":null}}]}";
    gm_error err;
    CHECK_INT(gm_summary_add_geojson(s, fc, strlen(fc), &err), GM_OK);
    CHECK_INT(gm_summary_add_geojson(s, "{\"type\":", 8, &err), GM_E_FORMAT);
    CHECK(gm_summary_row_count(s) >= 2);
    const gm_summary_row *r = gm_summary_row_at(s, 0);
    CHECK_STR(r->admin1, "Dnipropetrovsk");
    CHECK_INT(r->killed, 10);
    CHECK_INT(r->incidents, 3);
    CHECK_INT(r->places, 1); /* Pavlohrad twice is one place */
    gm_summary_free(s);
    /* a document added whole and its features added one by one count once, in either order */
    CHECK_INT(gm_summary_new(GM_BY_ADMIN1, &s), GM_OK);
    buf = NULL;
    len = cap = 0;
    CHECK_INT(gm_feature_json(d, GM_LAYER_INCIDENTS, 0, "c", &buf, &len, &cap), GM_OK);
    CHECK_INT(gm_summary_add_geojson(s, buf, len, &err), GM_OK); /* "c": one by one first */
    CHECK_INT(gm_summary_add_doc(s, d, "c"), GM_OK);              /* ... then whole */
    CHECK_INT(gm_summary_add_doc(s, d, "e"), GM_OK);              /* "e": whole first */
    len = 0;
    CHECK_INT(gm_feature_json(d, GM_LAYER_INCIDENTS, 0, "e", &buf, &len, &cap), GM_OK);
    CHECK_INT(gm_summary_add_geojson(s, buf, len, &err), GM_OK); /* ... then one by one */
    r = gm_summary_row_at(s, 0);
    CHECK_INT(r->incidents, 2);
    CHECK_INT(r->killed, 6);
    gm_summary_free(s);
    /* two incidents of one document with one evidence span but other places or counts are two */
    CHECK_INT(gm_summary_new(GM_BY_ADMIN1, &s), GM_OK);
    const char *two = "{\"type\":\"FeatureCollection\",\"features\":["
                      "{\"type\":\"Feature\",\"geometry\":null,\"properties\":{\"doc_id\":\"x\",\"start\":0,"
                      "\"end\":40,\"country_code\":\"US\",\"country\":\"United States\",\"admin1\":\"Oklahoma\","
                      "\"place\":\"Tulsa\",\"killed\":2,\"injured\":null}},"
                      "{\"type\":\"Feature\",\"geometry\":null,\"properties\":{\"doc_id\":\"x\",\"start\":0,"
                      "\"end\":40,\"country_code\":\"US\",\"country\":\"United States\",\"admin1\":\"Oklahoma\","
                      "\"place\":\"Enid\",\"killed\":1,\"injured\":null}}]}";
    CHECK_INT(gm_summary_add_geojson(s, two, strlen(two), &err), GM_OK);
    CHECK_INT(gm_summary_add_geojson(s, two, strlen(two), &err), GM_OK); /* the same file again */
    r = gm_summary_row_at(s, 0);
    CHECK_INT(r->incidents, 2);
    CHECK_INT(r->killed, 3);
    gm_summary_free(s);
    gm_free(buf);
    gm_doc_free(d);
}

static void test_bad_input(void)
{
    gm_doc *d = NULL;
    gm_error err;
    /* empty text */
    CHECK_INT(gm_extract(g, "", 0, NULL, &d, &err), GM_OK);
    CHECK_INT(gm_doc_mention_count(d), 0);
    CHECK_INT(gm_doc_incident_count(d), 0);
    gm_doc_free(d);
    /* invalid UTF-8 and NUL bytes are repaired, places after them still found */
    const char bad[] = "Shelling \xFF\xFE in \0Kyiv killed two people.";
    CHECK_INT(gm_extract(g, bad, sizeof bad - 1, NULL, &d, &err), GM_OK);
    CHECK_INT(gm_doc_repaired_bytes(d), 3);
    CHECK(test_mention(d, "Kyiv", 0) != NULL);
    gm_doc_free(d);
    /* a limit on document size */
    gm_options opt;
    gm_options_init(&opt);
    opt.max_doc_bytes = 10;
    CHECK_INT(gm_extract(g, "Kyiv and Moscow", 15, &opt, &d, &err), GM_E_LIMIT);
    CHECK(strstr(err.message, "limit") != NULL);
    CHECK(d == NULL);
    /* an overflowing number is no count */
    d = extract("Shelling in Donetsk killed 99999999999999999999 people.", NULL);
    for (size_t i = 0; i < gm_doc_incident_count(d); i++)
        CHECK(gm_doc_incident(d, i)->killed < 100000000L);
    gm_doc_free(d);
    gm_doc_free(NULL);
}

/* incidents = 0: the same mentions, no incidents */
static void test_mentions_only(void)
{
    const char *text = "A drone attack on the city of Pavlohrad overnight killed three people and injured 10 others.";
    gm_options opt;
    gm_options_init(&opt);
    CHECK_INT(opt.incidents, 1);
    opt.incidents = 0;
    gm_doc *all = extract(text, NULL), *only = NULL;
    gm_error err;
    CHECK(gm_extract(g, text, strlen(text), &opt, &only, &err) == GM_OK);
    if (only) {
        CHECK_INT(gm_doc_incident_count(only), 0);
        CHECK(gm_doc_incident_count(all) == 1);
        CHECK(gm_doc_mention_count(only) == gm_doc_mention_count(all));
        for (size_t i = 0; i < gm_doc_mention_count(all) && i < gm_doc_mention_count(only); i++) {
            const gm_mention *a = gm_doc_mention(all, i), *b = gm_doc_mention(only, i);
            CHECK(a->start == b->start && a->end == b->end && a->resolved == b->resolved);
            CHECK(a->place.geonameid == b->place.geonameid && a->confidence == b->confidence);
        }
    }
    gm_doc_free(only);
    gm_doc_free(all);
}

int main(void)
{
    g = fixture_open();
    test_recognition();
    test_resolution();
    test_incidents();
    test_resolve_spans();
    test_output();
    test_bad_input();
    test_mentions_only();
    fixture_close(g);
    return check_done("test_pipeline");
}
