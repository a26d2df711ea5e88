#!/bin/sh
# `geomention map` in a real browser: the page must be self-contained (no resource from the network
# or from another file), draw one circle per incident over the gazetteer's outlines in headless
# Chromium, escape the documents' text, and give a screenshot that is a real picture.
#
# usage: test_map.sh GEOMENTION_BINARY GAZETTEER_DB
set -u
bin=$1
db=$2

fail() {
    echo "FAIL: $*" >&2
    exit 1
}

chromium=$(command -v chromium || command -v chromium-browser) ||
    fail "chromium is not installed: run scripts/deps --clients"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Invented reports: two incidents in a text file, one in GeoJSON written by `extract` (with markup
# and "</script>" in its sentence), one in JSONL: four incidents in Ukraine, the US and Iraq.
cat >"$work/front.txt" <<'EOF'
A drone strike on Sumy killed two people overnight, the regional governor said on Tuesday.

Shelling of Kherson injured five residents on Monday, including a bus driver, officials reported.
EOF
cat >"$work/dayton.txt" <<'EOF'
DAYTON, Ohio - A shooting outside the "Rex </script><b>Bar & Grill" in Dayton left one man dead and three others wounded early Sunday, police said.
EOF
cat >"$work/wire.jsonl" <<'EOF'
{"id":"wire-7","text":"A car bomb exploded at a checkpoint in Kirkuk on Friday, killing four people and wounding at least 11, police said.","date":"2025-06-01"}
EOF
expected=4

"$bin" extract --db "$db" --date 2025-06-02 -o "$work/dayton.geojson" "$work/dayton.txt" ||
    fail "geomention extract failed"
"$bin" map --db "$db" --date 2025-06-03 --title 'Test <map> & more' -o "$work/map.html" \
    "$work/front.txt" "$work/dayton.geojson" "$work/wire.jsonl" || fail "geomention map failed"
html=$work/map.html
[ -s "$html" ] || fail "no map written"
echo "map.html: $(wc -c <"$html") bytes"

# Nothing the browser would fetch: no script, stylesheet, image or frame from elsewhere, no url()
# other than a fragment or data: (Leaflet's own text holds a link to its site, which is no resource).
grep -qiE '<script[^>]*[[:space:]]src[[:space:]]*=' "$html" && fail "a <script src=...>"
grep -qiE '<link[^>]*[[:space:]]href[[:space:]]*=' "$html" && fail "a <link href=...>"
grep -qiE '<(img|iframe|frame|source|video|audio|embed|object)[[:space:]][^>]*(src|data)[[:space:]]*=' "$html" &&
    fail "an embedded resource"
grep -qiE '@import' "$html" && fail "a CSS @import"
refs=$(grep -oE 'url\([^)]*\)' "$html" | grep -vE "^url\([[:space:]]*['\"]?(#|data:)")
[ -z "$refs" ] || fail "url() references: $refs"
grep -qiE '(src|href)[[:space:]]*=[[:space:]]*["'\'']?(https?:)?//[^"'\'' >]*\.(js|css|png|jpg|svg|woff2?)' "$html" &&
    fail "a reference to a remote script, stylesheet, image or font"

# The documents' text is escaped: the sentence's markup shows as text, "</script>" ends nothing.
grep -q '<b>Bar' "$html" && fail "the evidence's <b> was not escaped"
grep -q '&lt;b&gt;Bar &amp; Grill' "$html" || fail "the escaped evidence is missing"
[ "$(grep -oi '</script' "$html" | wc -l)" -eq 2 ] || fail "expected exactly two </script> (Leaflet's, the page's)"
grep -q '<title>Test &lt;map&gt; &amp; more</title>' "$html" || fail "the title is not escaped"

browse() {
    profile=$(mktemp -d "$work/profile.XXXXXX")
    # dbus and GPU complaints on stderr are harmless here: kept in a log for a failure message
    timeout 120 "$chromium" --headless --no-sandbox --disable-gpu --disable-background-networking \
        --disable-component-update --disable-sync --no-first-run --user-data-dir="$profile" \
        --virtual-time-budget=5000 "$@" 2>>"$work/chromium.log"
}

browse --dump-dom "file://$html" >"$work/dom.html" || {
    tail -20 "$work/chromium.log" >&2
    fail "chromium --dump-dom failed"
}
count() { grep -oE "<path class=\"$1[ \"]" "$work/dom.html" | wc -l; }
markers=$(count gm-incident)
countries=$(count gm-country)
admin1=$(count gm-admin1)
echo "DOM: $markers incident circles, $countries country outlines, $admin1 admin-1 outlines"
[ "$markers" -eq "$expected" ] || fail "expected $expected gm-incident circles, found $markers"
[ "$countries" -ge 200 ] || fail "the country outlines are missing ($countries paths)"
[ "$admin1" -ge 24 ] || fail "the admin-1 outlines of the countries with incidents are missing ($admin1 paths)"
grep -q "$expected incidents on the map: 7 killed, 19 injured" "$work/dom.html" || fail "the legend's totals are wrong"
grep -q '<b>Bar' "$work/dom.html" && fail "markup from a document reached the DOM"

browse --screenshot="$work/map.png" --window-size=1200,800 "file://$html" >/dev/null || {
    tail -20 "$work/chromium.log" >&2
    fail "chromium --screenshot failed"
}
[ -s "$work/map.png" ] || fail "no screenshot"
[ "$(head -c 8 "$work/map.png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] || fail "the screenshot is not a PNG"
# width and height from the IHDR chunk; a blank page compresses to a few kB, a map is far larger
size=$(od -An -tu1 -j16 -N8 "$work/map.png" | awk '{ print $3 * 256 + $4 "x" $7 * 256 + $8 }')
[ "$size" = 1200x800 ] || fail "the screenshot is $size, not 1200x800"
bytes=$(wc -c <"$work/map.png")
[ "$bytes" -ge 40000 ] || fail "the screenshot is only $bytes bytes: is the map drawn?"
echo "screenshot: $size, $bytes bytes"
echo "map_chromium: ok"
