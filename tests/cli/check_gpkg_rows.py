#!/usr/bin/env python3
"""The GeoPackage's incidents and mentions rows are the GeoJSON's features: same number, same order
(fid 1, 2, ...), the same value in every column and the same point.  The rows go into the file in
batches of several rows per INSERT, so the runs below have feature counts around the batch size
(none, a batch less one, a batch, three batches and one) to cover full and partial
batches.

    check_gpkg_rows.py GEOMENTION DB
"""
import json, os, shutil, sqlite3, struct, subprocess, sys, tempfile

CITIES = ["Kharkiv", "Odesa", "Dnipro", "Lviv", "Kherson", "Sumy", "Poltava", "Mykolaiv", "Chernihiv",
          "Zaporizhzhia"]
# each document names one town and tells of one incident there (one mention, one incident)
TEMPLATE = "A drone attack on {city} on Monday killed {k} people and injured {i} others, officials said."
SIZES = (0, 31, 32, 97)


def docs(n):
    return [{"id": f"d{j}", "date": "2025-03-10",
             "text": TEMPLATE.format(city=CITIES[j % len(CITIES)], k=j % 7 + 1, i=j % 5 + 2)} for j in range(n)]


def gpb_point(blob):
    """(lon, lat) of a GeoPackage point blob, or None."""
    if blob is None:
        return None
    flags = blob[3]
    env = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}[(flags >> 1) & 7]
    wkb = blob[8 + env:]
    order = "<" if wkb[0] == 1 else ">"
    (kind,) = struct.unpack(order + "I", wkb[1:5])
    assert kind == 1, kind
    return struct.unpack(order + "dd", wkb[5:21])


def main():
    gm, db = sys.argv[1], sys.argv[2]
    fails = []
    tmp = tempfile.mkdtemp(prefix="gm-gpkg-")
    try:
        for n in SIZES:
            src = os.path.join(tmp, f"in{n}.jsonl")
            with open(src, "w") as f:
                for d in docs(n):
                    f.write(json.dumps(d) + "\n")
            gpkg = os.path.join(tmp, f"out{n}.gpkg")
            r = subprocess.run([gm, "extract", "--db", db, "--input", "jsonl", "-o", gpkg, src],
                               capture_output=True, text=True)
            if r.returncode != 0:
                fails.append(f"{n} documents: extract -o .gpkg exited {r.returncode}: {r.stderr.strip()}")
                continue
            con = sqlite3.connect(gpkg)
            for layer in ("incidents", "mentions"):
                out = subprocess.run([gm, "extract", "--db", db, "--input", "jsonl", "--layer", layer,
                                      "--format", "geojsonseq", src], capture_output=True, text=True, check=True)
                feats = [json.loads(line.lstrip("\x1e")) for line in out.stdout.splitlines() if line.strip()]
                if n and len(feats) < n:
                    fails.append(f"{n} documents: only {len(feats)} {layer} in the GeoJSON")
                cols = [c[1] for c in con.execute(f'PRAGMA table_info("{layer}")')]
                rows = con.execute(f'SELECT * FROM "{layer}" ORDER BY fid').fetchall()
                if len(rows) != len(feats):
                    fails.append(f"{n} documents: {len(rows)} {layer} rows in the GeoPackage, {len(feats)} features")
                    continue
                for k, (row, feat) in enumerate(zip(rows, feats)):
                    rec = dict(zip(cols, row))
                    if rec["fid"] != k + 1:
                        fails.append(f"{n} documents: {layer} row {k + 1} has fid {rec['fid']}")
                    props = feat["properties"]
                    for key, want in props.items():
                        got = rec.get(key)
                        same = abs(got - want) < 1e-9 if isinstance(want, float) and got is not None else got == want
                        if not same:
                            fails.append(f"{n} documents: {layer} row {k + 1} {key} = {got!r}, GeoJSON {want!r}")
                    want_pt = tuple(feat["geometry"]["coordinates"]) if feat["geometry"] else None
                    got_pt = gpb_point(rec["geom"])
                    if (want_pt is None) != (got_pt is None) or (
                            want_pt and max(abs(a - b) for a, b in zip(want_pt, got_pt)) > 1e-6):
                        fails.append(f"{n} documents: {layer} row {k + 1} point {got_pt}, GeoJSON {want_pt}")
            con.close()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    for f in fails[:20]:
        print("FAIL", f)
    print(f"{len(SIZES)} runs, {len(fails)} failures")
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
