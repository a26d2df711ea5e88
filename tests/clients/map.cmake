# `geomention map` opened in headless Chromium: a self-contained page, one circle per incident over
# the gazetteer's outlines, escaped text, a real screenshot (test_map.sh).
add_test(NAME map_chromium
         COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/test_map.sh $<TARGET_FILE:geomention_cli> ${GM_TEST_DB})
set_tests_properties(map_chromium PROPERTIES FIXTURES_REQUIRED full_gazetteer LABELS clients TIMEOUT 300)
