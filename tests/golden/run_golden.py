#!/usr/bin/env python3
"""Golden tests: for every tests/golden/NAME.txt, run `geomention extract` (incidents and mentions) and
compare with NAME.incidents.geojson / NAME.mentions.geojson.  A first line "date: YYYY-MM-DD" in NAME.txt
is passed as --date and is not part of the document.

    run_golden.py GEOMENTION DB [--update]

--update rewrites the expected files from the current output (review the diff before committing).
Numbers are compared after rounding (coordinates 5 decimals); confidences only have to stay within 0.1
of the expected value, so that retuning a weight does not hide real differences in a wall of noise.
"""
import json, os, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def norm(v):
    """v with floats rounded to 5 decimals and confidences replaced by a marker (compared apart)."""
    if isinstance(v, float):
        return round(v, 5)
    if isinstance(v, dict):
        return {k: ("<conf>" if k == "confidence" else norm(x)) for k, x in v.items()}
    if isinstance(v, list):
        return [norm(x) for x in v]
    return v


def confidences(fc):
    return [f["properties"].get("confidence") for f in fc["features"]]


def same(got, want):
    if norm(got) != norm(want):
        return False
    return all(abs((a or 0) - (b or 0)) <= 0.1 for a, b in zip(confidences(got), confidences(want)))


def run(gm, db, path, layer):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    args = [gm, "extract", "--db", db, "--layer", layer]
    if text.startswith("date: "):
        first, text = text.split("\n", 1)
        args += ["--date", first[6:].strip()]
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as t:
        t.write(text)
    try:
        out = subprocess.run(args + [t.name], capture_output=True, check=True).stdout
    finally:
        os.unlink(t.name)
    fc = json.loads(out)
    for f in fc["features"]:
        f["properties"]["doc_id"] = os.path.basename(path)
    return fc


def main():
    gm, db = sys.argv[1], sys.argv[2]
    update = "--update" in sys.argv
    names = sorted(f[:-4] for f in os.listdir(HERE) if f.endswith(".txt"))
    failures = 0
    for name in names:
        for layer in ("incidents", "mentions"):
            got = run(gm, db, os.path.join(HERE, name + ".txt"), layer)
            exp_path = os.path.join(HERE, f"{name}.{layer}.geojson")
            if update:
                with open(exp_path, "w", encoding="utf-8") as f:
                    json.dump(got, f, ensure_ascii=False, indent=1)
                    f.write("\n")
                continue
            with open(exp_path, encoding="utf-8") as f:
                want = json.load(f)
            if not same(got, want):
                failures += 1
                print(f"FAIL {name} {layer}")
                gf, wf = got["features"], want["features"]
                if len(gf) != len(wf):
                    print(f"  {len(gf)} features, expected {len(wf)}")
                for i, (a, b) in enumerate(zip(gf, wf)):
                    ca, cb = a["properties"].get("confidence") or 0, b["properties"].get("confidence") or 0
                    if norm(a) != norm(b) or abs(ca - cb) > 0.1:
                        for k in sorted(set(a["properties"]) | set(b["properties"])):
                            x, y = a["properties"].get(k), b["properties"].get(k)
                            if k != "confidence":
                                x, y = norm(x), norm(y)
                            elif abs((x or 0) - (y or 0)) <= 0.1:
                                continue
                            if x != y:
                                print(f"  feature {i} {k}: {x!r}, expected {y!r}")
                        if norm(a["geometry"]) != norm(b["geometry"]):
                            print(f"  feature {i} geometry: {a['geometry']}, expected {b['geometry']}")
                        break
            else:
                print(f"ok   {name} {layer} ({len(got['features'])} features)")
    if update:
        print(f"updated {len(names)} golden cases")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
