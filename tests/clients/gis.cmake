# GeoJSON, GeoJSONSeq, CSV, GeoPackage and the store opened by GDAL (ogr2ogr, ogrinfo) and by QGIS
# (headless), with feature counts and attribute types checked.  Debian's /usr/bin/python3 has
# QGIS's bindings (python3-qgis); a python3 of one's own may not.
foreach(part ogr qgis)
  add_test(NAME gis_${part}
           COMMAND /usr/bin/python3 ${CMAKE_CURRENT_SOURCE_DIR}/check_gis.py $<TARGET_FILE:geomention_cli> ${GM_TEST_DB} ${part})
  set_tests_properties(gis_${part} PROPERTIES FIXTURES_REQUIRED full_gazetteer LABELS clients TIMEOUT 300)
endforeach()
