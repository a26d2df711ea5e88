#!/usr/bin/python3
"""Our output files in GDAL and QGIS, the programs analysts open them with.

    check_gis.py GEOMENTION GAZETTEER.sqlite [ogr|qgis]

Writes a few news-like sentences of its own, runs `geomention extract` (GeoJSON, GeoJSONSeq, CSV,
GeoPackage) and `geomention store`, then checks each file:
  ogr   ogr2ogr -f GeoJSON -lco RFC7946=YES accepts the GeoJSON; ogrinfo reports the right feature
        counts and field types for every format.
  qgis  QGIS (headless, QT_QPA_PLATFORM=offscreen) loads each as a valid layer with the expected
        feature count and attribute types: GeoJSON and GeoPackage through the OGR provider, the CSV
        through the delimited-text provider (X lon, Y lat), the store through the SpatiaLite provider.
Runs under Debian's /usr/bin/python3, which has QGIS's bindings (python3-qgis).
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

GM, DB = sys.argv[1], sys.argv[2]
PARTS = sys.argv[3:] or ["ogr", "qgis"]

# Written for this test: five incidents in three countries, one without a death count.
ARTICLES = {
    "a.txt": "A Russian drone strike on Sumy killed two people and injured nine others on Tuesday.\n"
             "Shelling of Kherson wounded five civilians on Wednesday.\n",
    "b.txt": "A gunman killed three people at a bar in Dayton, Ohio, on Saturday, police said.\n",
    "c.txt": "A car bomb in Kabul killed seven people and injured 20 on Sunday.\n"
             "A missile strike on Kharkiv killed four people on Monday.\n",
}
INCIDENTS = 5

fails = 0
checks = 0


def check(ok, what, detail=""):
    global fails, checks
    checks += 1
    if not ok:
        fails += 1
        print(f"FAIL: {what}" + (f": {detail}" if detail else ""))


def run(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, text=True, **kw)


def ogr_fields(path, layer=None, open_opts=()):
    """Feature count and {field: type} as ogrinfo reports them."""
    cmd = ["ogrinfo", "-ro", "-so"]
    for o in open_opts:
        cmd += ["-oo", o]
    cmd += [path] + ([layer] if layer else ["-al"])
    r = run(cmd)
    if r.returncode != 0:
        return None, {}, r.stderr
    m = re.search(r"Feature Count: (\d+)", r.stdout)
    fields = dict(re.findall(r"^(\w+): (\w+) \(", r.stdout, re.M))
    return (int(m.group(1)) if m else None), fields, r.stdout


def main():
    tmp = tempfile.mkdtemp(prefix="gm-gis-")
    try:
        files = []
        for name, text in ARTICLES.items():
            p = os.path.join(tmp, name)
            with open(p, "w") as f:
                f.write(text)
            files.append(p)
        out = {k: os.path.join(tmp, "out." + k) for k in ("geojson", "geojsonseq", "csv", "gpkg")}
        for fmt, path in out.items():
            r = run([GM, "extract", "--db", DB, "--date", "2025-04-27", "--format", fmt, "-o", path] + files)
            check(r.returncode == 0, f"extract --format {fmt}", r.stderr.strip())
        for layer in ("places", "regions", "mentions"):
            out[layer] = os.path.join(tmp, layer + ".geojson")
            r = run([GM, "extract", "--db", DB, "--date", "2025-04-27", "--layer", layer, "-o", out[layer]] + files)
            check(r.returncode == 0, f"extract --layer {layer}", r.stderr.strip())
        store = os.path.join(tmp, "store.sqlite")
        r = run([GM, "store", "--db", store, "--gazetteer", DB, "--date", "2025-04-27"] + files)
        check(r.returncode == 0, "store", r.stderr.strip())
        with open(out["geojson"]) as f:
            fc = json.load(f)
        check(len(fc["features"]) == INCIDENTS, "incidents in the GeoJSON", str(len(fc["features"])))
        check("crs" not in fc, "no crs member (RFC 7946)")
        if "ogr" in PARTS:
            check_ogr(tmp, out, store)
        if "qgis" in PARTS:
            check_qgis(out, store)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"{checks - fails} passed, {fails} failed")
    return 1 if fails else 0


INT_TYPES = ("Integer", "Integer64")


def check_ogr(tmp, out, store):
    if not shutil.which("ogr2ogr"):
        check(False, "ogr2ogr is installed", "run scripts/deps --clients")
        return
    rfc = os.path.join(tmp, "rfc7946.geojson")
    r = run(["ogr2ogr", "-f", "GeoJSON", "-lco", "RFC7946=YES", rfc, out["geojson"]])
    check(r.returncode == 0, "ogr2ogr -lco RFC7946=YES accepts the GeoJSON", r.stderr.strip())
    for label, path, opts in (("GeoJSON", out["geojson"], ()), ("RFC 7946 copy", rfc, ()),
                              ("GeoJSONSeq", out["geojsonseq"], ()),
                              ("CSV", out["csv"], ("X_POSSIBLE_NAMES=lon", "Y_POSSIBLE_NAMES=lat",
                                                   "AUTODETECT_TYPE=YES"))):
        n, fields, info = ogr_fields(path, open_opts=opts)
        check(n == INCIDENTS, f"ogrinfo: {label} feature count", f"{n}")
        for f in ("killed", "injured", "killed_low", "geonameid", "start"):
            check(fields.get(f) in INT_TYPES, f"ogrinfo: {label} {f} is an integer", fields.get(f, "missing"))
        check(fields.get("confidence") == "Real", f"ogrinfo: {label} confidence is a real", fields.get("confidence"))
        for f in ("evidence", "place", "country_code"):
            check(fields.get(f) == "String", f"ogrinfo: {label} {f} is a string", fields.get(f))
        if label == "CSV":
            check("POINT" in info.upper() or "Point" in info, "ogrinfo: the CSV has point geometry from lon/lat")
    layers = {"incidents": INCIDENTS, "mentions": None, "places": None, "regions": None}
    for layer in layers:
        n, fields, _ = ogr_fields(out["gpkg"], layer)
        check(n is not None and n > 0, f"ogrinfo: GeoPackage layer {layer} has features", f"{n}")
        if layer == "incidents":
            check(n == INCIDENTS, "ogrinfo: GeoPackage incidents count", f"{n}")
        if layer in ("incidents", "places", "regions"):
            check(fields.get("killed") in INT_TYPES, f"ogrinfo: GeoPackage {layer}.killed is an integer",
                  fields.get("killed"))
    for layer, geom in (("places", "Point"), ("regions", "Multi Polygon")):
        n, fields, info = ogr_fields(out[layer])
        check(n is not None and n >= (5 if layer == "places" else 4), f"ogrinfo: GeoJSON {layer} count", f"{n}")
        check(f"Geometry: {geom}" in info, f"ogrinfo: GeoJSON {layer} geometry", info[:200])
        check(fields.get("killed") in INT_TYPES, f"ogrinfo: GeoJSON {layer} killed is an integer", fields.get("killed"))
    r = run(["ogrinfo", "-ro", "-so", out["gpkg"], "regions"])
    check("Multi Polygon" in r.stdout, "ogrinfo: GeoPackage regions are polygons", r.stdout[-300:])
    n, fields, _ = ogr_fields(store, "incidents")
    check(n == INCIDENTS, "ogrinfo: store incidents count", f"{n}")
    check(fields.get("killed") in INT_TYPES, "ogrinfo: store killed is an integer", fields.get("killed"))


def check_qgis(out, store):
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    os.environ.setdefault("XDG_RUNTIME_DIR", tempfile.mkdtemp(prefix="gm-xdg-"))
    try:
        from qgis.core import QgsApplication, QgsDataSourceUri, QgsVectorLayer, QgsWkbTypes
        from qgis.PyQt.QtCore import QVariant
    except ImportError as e:
        check(False, "QGIS's Python bindings import", f"{e}; run scripts/deps --clients")
        return
    app = QgsApplication([], False)
    app.initQgis()
    ints = (QVariant.Int, QVariant.LongLong)

    def layer_ok(what, layer, count, geom, int_fields=("killed",), real_fields=(), str_fields=()):
        check(layer.isValid(), f"QGIS loads the {what}", layer.error().summary() if not layer.isValid() else "")
        if not layer.isValid():
            return
        n = layer.featureCount()
        check(count is None and n > 0 or n == count, f"QGIS: {what} feature count", f"{n}")
        check(QgsWkbTypes.geometryType(layer.wkbType()) == geom, f"QGIS: {what} geometry type",
              QgsWkbTypes.displayString(layer.wkbType()))
        fields = layer.fields()
        for f in int_fields:
            i = fields.indexOf(f)
            check(i >= 0 and fields.at(i).type() in ints, f"QGIS: {what} {f} is an integer",
                  fields.at(i).typeName() if i >= 0 else "missing")
        for f in real_fields:
            i = fields.indexOf(f)
            check(i >= 0 and fields.at(i).type() == QVariant.Double, f"QGIS: {what} {f} is a real",
                  fields.at(i).typeName() if i >= 0 else "missing")
        for f in str_fields:
            i = fields.indexOf(f)
            check(i >= 0 and fields.at(i).type() == QVariant.String, f"QGIS: {what} {f} is a string",
                  fields.at(i).typeName() if i >= 0 else "missing")
        # every feature with a geometry lies on Earth
        bad = 0
        for feat in layer.getFeatures():
            g = feat.geometry()
            if not g.isNull():
                b = g.boundingBox()
                bad += not (-180 <= b.xMinimum() <= b.xMaximum() <= 180 and -90 <= b.yMinimum() <= b.yMaximum() <= 90)
        check(bad == 0, f"QGIS: {what} coordinates are longitude/latitude", f"{bad} outside")

    point, poly = QgsWkbTypes.PointGeometry, QgsWkbTypes.PolygonGeometry
    layer_ok("GeoJSON", QgsVectorLayer(out["geojson"], "incidents", "ogr"), INCIDENTS, point,
             ("killed", "injured", "geonameid"), ("confidence",), ("evidence", "place"))
    layer_ok("GeoJSONSeq", QgsVectorLayer(out["geojsonseq"], "incidents", "ogr"), INCIDENTS, point,
             ("killed", "injured"), ("confidence",))
    csv = ("file://" + out["csv"] + "?type=csv&xField=lon&yField=lat&crs=EPSG:4326&detectTypes=yes"
           "&geomType=point&spatialIndex=no&subsetIndex=no&watchFile=no")
    layer_ok("CSV (delimited text)", QgsVectorLayer(csv, "incidents", "delimitedtext"), INCIDENTS, point,
             ("killed", "injured"), ("confidence",), ("evidence",))
    for name, count, geom in (("incidents", INCIDENTS, point), ("mentions", None, point),
                              ("places", None, point), ("regions", None, poly)):
        layer_ok(f"GeoPackage layer {name}", QgsVectorLayer(f"{out['gpkg']}|layername={name}", name, "ogr"),
                 count, geom, ("killed",) if name != "mentions" else ("start",))
    # the GeoPackage's point blobs (made by geomention, not by SpatiaLite) hold the GeoJSON's points
    def points(layer):
        return [None if f.geometry().isNull() else (f.geometry().asPoint().x(), f.geometry().asPoint().y())
                for f in layer.getFeatures()]
    for name in ("incidents", "mentions"):
        gj = points(QgsVectorLayer(out["geojson"] if name == "incidents" else out["mentions"], name, "ogr"))
        gp = points(QgsVectorLayer(f"{out['gpkg']}|layername={name}", name, "ogr"))
        same = len(gj) == len(gp) and len(gj) > 0 and all(
            (a is None) == (b is None) and (a is None or (abs(a[0] - b[0]) < 1e-6 and abs(a[1] - b[1]) < 1e-6))
            for a, b in zip(gj, gp))
        check(same, f"QGIS: GeoPackage {name} points are the GeoJSON's", f"{gj[:3]} / {gp[:3]}")
    layer_ok("regions GeoJSON", QgsVectorLayer(out["regions"], "regions", "ogr"), None, poly,
             ("killed", "injured", "incidents"))
    layer_ok("places GeoJSON", QgsVectorLayer(out["places"], "places", "ogr"), None, point,
             ("killed", "mentions"))
    uri = QgsDataSourceUri()
    uri.setDatabase(store)
    uri.setDataSource("", "incidents", "geom")
    layer_ok("store (SpatiaLite)", QgsVectorLayer(uri.uri(), "incidents", "spatialite"), INCIDENTS, point,
             ("killed", "injured"), ("confidence",), ("evidence",))
    app.exitQgis()


if __name__ == "__main__":
    sys.exit(main())
