#!/usr/bin/env python3
"""The foundation issue's acceptance checks, on the invented example article (examples/), which has
the same kinds of traps as a real one: an all-capitals dateline, counts in words and digits, "no one
was hurt", towns named with "the town of X in the Y region", "near the city of X", people whose names
are also towns, demonyms, and a war-wide total that must not become an incident.

    check_acceptance.py GEOMENTION DB
"""
import json, os, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ARTICLE = os.path.join(HERE, "..", "..", "examples", "drone-strikes.txt")

# place, country, admin1, killed, injured, geo_precision
INCIDENTS = [
    ("Kharkiv", "UA", "Kharkiv", 4, 17, 1),
    ("Odesa", "UA", "Odesa", None, 0, 1),
    ("Kostiantynivka", "UA", "Donetsk", 1, None, 1),
    ("Druzhkivka", "UA", "Donetsk", None, 1, 1),
    ("Belgorod", "RU", "Belgorod Oblast", None, 2, 2),
]
# mention text -> (country, admin1 or None, feature code prefix)
MENTIONS = {
    "KHARKIV": ("UA", "Kharkiv", "PPL"),
    "Istanbul": ("TR", "Istanbul", "PPL"),
    "Odesa": ("UA", "Odesa", "PPL"),
    "Kostiantynivka": ("UA", "Donetsk", "PPL"),
    "Donetsk": ("UA", "Donetsk", "ADM1"),
    "Russia": ("RU", None, "PCL"),
}
NOT_PLACES = ["Vladimir", "Putin", "Volodymyr", "Zelenskyy", "Oleh", "Syniehubov"]


def run(gm, db, layer):
    out = subprocess.run([gm, "extract", "--db", db, "--date", "2025-06-04", "--layer", layer, ARTICLE],
                         capture_output=True, check=True).stdout
    return [f["properties"] for f in json.loads(out)["features"]]


def main():
    gm, db = sys.argv[1], sys.argv[2]
    fails = []
    incs = run(gm, db, "incidents")
    if len(incs) != len(INCIDENTS):
        fails.append(f"{len(incs)} incidents, expected {len(INCIDENTS)}: {[i['place'] for i in incs]}")
    for place, cc, a1, k, inj, prec in INCIDENTS:
        got = [i for i in incs if i["name"] == place]
        if not got:
            fails.append(f"no incident at {place}")
            continue
        i = got[0]
        for key, want in (("country_code", cc), ("admin1", a1), ("killed", k), ("injured", inj), ("geo_precision", prec)):
            if i[key] != want:
                fails.append(f"{place}: {key} is {i[key]!r}, expected {want!r}")
        if i["date"] != "2025-06-04":
            fails.append(f"{place}: date {i['date']}")
    ments = run(gm, db, "mentions")
    for text, (cc, a1, fc) in MENTIONS.items():
        got = [m for m in ments if m["text"] == text]
        if not got:
            fails.append(f"no mention of {text}")
            continue
        m = got[0]
        if m["country_code"] != cc or (a1 and m["admin1"] != a1) or not (m["feature_code"] or "").startswith(fc):
            fails.append(f"{text} resolved to {m['name']} {m['country_code']} {m['admin1']} {m['feature_code']}")
    for name in NOT_PLACES:
        if any(m["text"] == name for m in ments):
            fails.append(f"{name} (a person) taken for a place")
    demonyms = [m["text"] for m in ments if m["kind"] == "demonym"]
    if "Russian" not in demonyms or "Ukrainian" not in demonyms:
        fails.append(f"demonyms missing: {demonyms}")
    for f in fails:
        print("FAIL:", f)
    print(f"{len(INCIDENTS)} incidents and {len(ments)} mentions checked, {len(fails)} failures")
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
