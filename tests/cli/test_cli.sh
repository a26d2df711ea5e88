#!/bin/sh
# CLI tests: one line per behaviour, on the hand-written fixture gazetteer.
#   test_cli.sh PATH/TO/geomention FIXTURE_DIR
set -u
GM=$1
FIX=$2
T=$(mktemp -d "${TMPDIR:-/tmp}/gm-cli-XXXXXX")
trap 'chmod -R u+w "$T" 2>/dev/null; rm -rf "$T"' EXIT
DB=$T/gaz.sqlite
fails=0
n=0

. "$(dirname "$0")/lib.sh"

expect 0 "--version" -- "$GM" --version; has "$T/out" "geomention 0" "--version prints the version"
expect 0 "--help" -- "$GM" --help; has "$T/out" "usage:" "--help"; has "$T/out" "exit status" "--help documents exit codes"
for c in extract resolve summary lookup gazetteer; do
    expect 0 "$c --help" -- "$GM" "$c" --help; has "$T/out" "usage: geomention $c" "$c --help"; has "$T/out" "xample" "$c --help has examples"
done
expect 1 "no command" -- "$GM"
expect 1 "unknown command" -- "$GM" frobnicate
expect 1 "unknown option" -- "$GM" extract --frobnicate
expect 1 "bad --layer" -- "$GM" extract --layer cities; has "$T/err" "choose from" "bad --layer names the choices"
expect 1 "bad --date" -- "$GM" extract --date 25/04/2025

# a missing database: exit 2 and the command that builds it
expect 2 "missing database" -- "$GM" extract --db "$T/nothing.sqlite" /dev/null
has "$T/err" "geomention gazetteer build" "missing database names the build command"
GEOMENTION_DB=$T/nothing2.sqlite expect 2 "missing database via environment" -- "$GM" lookup Paris
has "$T/err" "nothing2.sqlite" "the environment variable chooses the database"

expect 0 "gazetteer build" -- "$GM" gazetteer build --source "$FIX" --db "$DB"
has "$T/err" "built" "gazetteer build reports what it built"
expect 0 "gazetteer info" -- "$GM" gazetteer info --db "$DB"; has "$T/out" "entries" "gazetteer info"
expect 4 "gazetteer build from an empty folder" -- "$GM" gazetteer build --source "$T" --db "$T/x.sqlite"
[ -e "$T/x.sqlite" ] && { echo "FAIL: a failed build left a database behind"; fails=$((fails + 1)); }

# an outdated database: a foreign index
cp "$DB" "$T/old.sqlite"; printf 'GMIDX\r\n\032garbage' > "$T/old.sqlite.idx"
expect 2 "outdated database" -- "$GM" extract --db "$T/old.sqlite" /dev/null; has "$T/err" "gazetteer build" "outdated names the command"

# empty input is a valid empty FeatureCollection
printf '' > "$T/empty.txt"
expect 0 "empty input" -- "$GM" extract --db "$DB" "$T/empty.txt"; json_ok "$T/out" "empty input"
has "$T/out" '"features":\[\]' "empty FeatureCollection"
expect 0 "empty stdin jsonl" -- sh -c "printf '' | '$GM' extract --db '$DB' --input jsonl"; json_ok "$T/out" "empty stdin"

# text documents, layers, formats
printf 'A drone attack on the city of Pavlohrad killed three people and injured 10 others.\n' > "$T/a.txt"
expect 0 "extract text" -- "$GM" extract --db "$DB" --date 2025-04-25 "$T/a.txt"; json_ok "$T/out" "extract text"
has "$T/out" '"killed":3' "incident counts"; has "$T/out" '"name":"Pavlohrad"' "incident place"
expect 0 "mentions" -- "$GM" extract --db "$DB" --layer mentions "$T/a.txt"; has "$T/out" '"text":"Pavlohrad"' "mention text"
expect 0 "geojsonseq" -- "$GM" extract --db "$DB" --format geojsonseq "$T/a.txt"
n=$((n + 1)); [ "$(head -c 1 "$T/out" | od -An -tx1 | tr -d ' ')" = "1e" ] || { echo "FAIL: geojsonseq starts with RS"; fails=$((fails + 1)); }

# JSON lines read as text by mistake: processed as asked, with a warning that names --input jsonl
printf '%s\n' '{"id":"one","text":"Shelling killed two people in Donetsk."}' > "$T/lines.txt"
expect 0 "JSON lines read as text" -- sh -c "'$GM' extract --db '$DB' < '$T/lines.txt'"
has "$T/err" "looks like JSON lines.*--input jsonl" "JSON lines read as text: the warning names --input jsonl"
expect 0 "JSON lines read as text on purpose" -- "$GM" extract --db "$DB" --input text "$T/lines.txt"
n=$((n + 1)); ! grep -q "looks like JSON" "$T/err" || { echo "FAIL: --input text still warns"; fails=$((fails + 1)); }

# JSONL: a malformed line is reported with its number, the others still processed, exit 3
printf '%s\n' '{"id":"one","text":"Shelling killed two people in Donetsk."}' '{"id":"two","text":' \
    '{"id":"three","text":"A drone strike on Kyiv wounded five people."}' '{"id":"four"}' > "$T/docs.jsonl"
expect 3 "malformed JSONL line" -- "$GM" extract --db "$DB" --input jsonl --format geojsonseq "$T/docs.jsonl"
has "$T/err" "docs.jsonl:2" "the bad line is named"; has "$T/err" "docs.jsonl:4" "the line without text is named"
has "$T/out" '"doc_id":"one"' "line 1 processed"; has "$T/out" '"doc_id":"three"' "line 3 processed"
# --threads: the same output and messages, in input order
for i in 1 2 3 4 5 6 7 8 9 10 11 12; do
    printf '{"id":"t%s","text":"A drone strike on Kyiv killed %s people. Shelling of Pavlohrad wounded two."}\n' "$i" "$i"
    [ "$i" = 5 ] && printf '{"id":"bad" "text"}\n'
    [ "$i" = 9 ] && printf '{"id":"notext"}\n'
done > "$T/many.jsonl"
expect 3 "extract on one thread" -- "$GM" extract --db "$DB" --format geojsonseq "$T/many.jsonl"
cp "$T/out" "$T/one.out"; cp "$T/err" "$T/one.err"
for th in 2 3; do
    expect 3 "extract on $th threads" -- "$GM" extract --db "$DB" --threads $th --format geojsonseq "$T/many.jsonl"
    n=$((n + 1)); cmp -s "$T/out" "$T/one.out" || { echo "FAIL: --threads $th changes the output"; fails=$((fails + 1)); }
    n=$((n + 1)); cmp -s "$T/err" "$T/one.err" || { echo "FAIL: --threads $th changes the messages"; fails=$((fails + 1)); }
done
has "$T/one.out" '"doc_id":"t12"' "every document is written"
expect 1 "--threads 0 is refused" -- "$GM" extract --db "$DB" --threads 0 "$T/many.jsonl"
printf 'Shelling of Kyiv wounded two.\n' > "$T/u1.txt"; printf 'Shelling of Kyiv \377 wounded three.\n' > "$T/u2.txt"
printf 'A drone hit Pavlohrad, killing one.\n' > "$T/u3.txt"
"$GM" extract --db "$DB" --format geojsonseq "$T/u1.txt" "$T/u2.txt" "$T/u3.txt" > "$T/one.out" 2> "$T/one.err"
"$GM" extract --db "$DB" --threads 2 --format geojsonseq "$T/u1.txt" "$T/u2.txt" "$T/u3.txt" > "$T/out" 2> "$T/err"
has "$T/err" "u2.txt: warning: 1 bytes of invalid UTF-8" "a document's warning on a worker thread"
n=$((n + 1)); cmp -s "$T/out" "$T/one.out" && cmp -s "$T/err" "$T/one.err" || { echo "FAIL: --threads changes text-file output or messages"; fails=$((fails + 1)); }

# output files: written only on success (failures: test_bad_input.sh)
expect 0 "-o file" -- "$GM" extract --db "$DB" -o "$T/out.geojson" "$T/a.txt"; json_ok "$T/out.geojson" "-o file"
expect 4 "missing input file" -- "$GM" extract --db "$DB" "$T/none.txt"; has "$T/err" "none.txt" "missing file named"

# resolve: one feature per span, in order
printf '%s\n' '{"id":"r","text":"Fire in Paris, Texas and in Atlantis.","spans":[{"start":8,"end":13},{"start":28,"end":36}]}' > "$T/spans.jsonl"
expect 0 "resolve" -- "$GM" resolve --db "$DB" --format geojsonseq "$T/spans.jsonl"
n=$((n + 1)); [ "$(grep -c . "$T/out")" = 2 ] || { echo "FAIL: resolve writes one feature per span"; fails=$((fails + 1)); }
has "$T/out" '"admin1":"Texas"' "resolve uses the container"; has "$T/out" '"precision":"near"' "a name the gazetteer lacks is an estimate"
expect 0 "resolve --no-estimates" -- "$GM" resolve --db "$DB" --no-estimates --format geojsonseq "$T/spans.jsonl"
has "$T/out" '"geometry":null' "unresolved span has null geometry with --no-estimates"

# summary from text and from GeoJSON; formats
expect 3 "summary of text (with the malformed lines)" -- "$GM" summary --db "$DB" "$T/docs.jsonl" "$T/a.txt"
has "$T/out" "Dnipropetrovsk" "summary row"; has "$T/out" "killed" "summary header"
"$GM" extract --db "$DB" "$T/a.txt" > "$T/a.geojson"
cp "$T/a.txt" "$T/b.txt"
"$GM" extract --db "$DB" "$T/b.txt" > "$T/b.geojson"
expect 0 "summary of GeoJSON" -- "$GM" summary --format csv "$T/a.geojson" "$T/b.geojson"
has "$T/out" "Ukraine,Dnipropetrovsk,2,6,20" "summaries of several files add up"
"$GM" extract --db "$DB" --layer regions "$T/b.txt" > "$T/b.regions.geojson"
expect 0 "summary with a regions layer among its inputs" -- "$GM" summary --format csv "$T/a.geojson" "$T/b.geojson" "$T/b.regions.geojson"
has "$T/out" "Ukraine,Dnipropetrovsk,2,6,20" "the sums of a regions layer are not counted again"
expect 0 "summary of one file twice" -- "$GM" summary --format csv "$T/a.geojson" "$T/a.geojson"
has "$T/out" "Ukraine,Dnipropetrovsk,1,3,10" "an incident given twice is counted once"
printf 'A drone strike on Kyiv killed two people on Monday. A missile hit Pavlohrad on Friday, injuring four.\n' > "$T/c.txt"
expect 0 "summary by place" -- "$GM" summary --db "$DB" --date 2025-04-25 --by place --format csv "$T/c.txt"
has "$T/out" "^place,country,admin1,incidents,killed,injured,mentions" "by place: header"
has "$T/out" "^Kyiv,Ukraine,.*,1,2,0,1" "by place: Kyiv's row"
expect 0 "summary by country" -- "$GM" summary --db "$DB" --date 2025-04-25 --by country --format csv "$T/c.txt"
has "$T/out" "^Ukraine,2,2,4," "by country: the sums"
expect 0 "summary since" -- "$GM" summary --db "$DB" --date 2025-04-25 --by place --since 2025-04-22 --format csv "$T/c.txt"
has "$T/out" "^Pavlohrad,Ukraine,.*,1,0,4," "since: the later incident stays"
has "$T/out" "^Kyiv,Ukraine,.*,0,0,0,1" "since: the earlier incident is left out"
expect 0 "summary until" -- "$GM" summary --db "$DB" --date 2025-04-25 --by place --until 2025-04-21 --format csv "$T/c.txt"
has "$T/out" "^Kyiv,Ukraine,.*,1,2,0,1" "until: the earlier incident stays"
expect 1 "summary with a bad --since" -- "$GM" summary --db "$DB" --since 2025-13-01 "$T/c.txt"
has "$T/err" "since must be a date" "bad --since is explained"
expect 1 "summary with --since after --until" -- "$GM" summary --db "$DB" --since 2025-05-01 --until 2025-04-01 "$T/c.txt"

# an SVG choropleth of killed per admin-1 region
expect 0 "summary as SVG" -- "$GM" summary --db "$DB" --date 2025-04-25 --format svg --title 'Killed <test>' "$T/c.txt" "$T/a.txt"
n=$((n + 1)); python3 -c 'import sys, xml.etree.ElementTree as E; r = E.parse(sys.argv[1]).getroot(); sys.exit(0 if r.tag.endswith("svg") else 1)' "$T/out" || { echo "FAIL: the SVG is not well-formed XML"; fails=$((fails + 1)); }
n=$((n + 1)); [ "$(grep -c 'class="region"' "$T/out")" = 2 ] || { echo "FAIL: the SVG draws the two regions with incidents"; fails=$((fails + 1)); }
has "$T/out" "Killed &lt;test&gt;" "the SVG title is escaped"; has "$T/out" "500 or more" "the SVG has a legend"
expect 1 "SVG needs regions" -- "$GM" summary --db "$DB" --format svg --by country "$T/c.txt"

# a terminal: a progress line on stderr and colour in tables, never with NO_COLOR, never on a pipe
if command -v script >/dev/null 2>&1; then
    n=$((n + 1))
    GEOMENTION_PROGRESS_DELAY=0 script -qec "'$GM' extract --db '$DB' -o '$T/p.geojson' '$T/a.txt' '$T/c.txt'" "$T/tty" >/dev/null 2>&1
    grep -q "documents, .* MB/s" "$T/tty" || { echo "FAIL: a progress line on a terminal"; fails=$((fails + 1)); }
    n=$((n + 1))
    script -qec "'$GM' summary --db '$DB' '$T/c.txt'" "$T/tty" >/dev/null 2>&1
    grep -q "$(printf '\033')\[1m" "$T/tty" || { echo "FAIL: a bold header on a terminal"; fails=$((fails + 1)); }
    n=$((n + 1))
    NO_COLOR=1 script -qec "'$GM' summary --db '$DB' '$T/c.txt'" "$T/tty" >/dev/null 2>&1
    ! grep -q "$(printf '\033')\[" "$T/tty" || { echo "FAIL: NO_COLOR turns colour off"; fails=$((fails + 1)); }
fi
GEOMENTION_PROGRESS_DELAY=0 "$GM" extract --db "$DB" -o "$T/p.geojson" "$T/a.txt" "$T/c.txt" 2>"$T/err"
hasnt "$T/err" "documents," "no progress line when stderr is not a terminal"
"$GM" summary --db "$DB" "$T/c.txt" >"$T/out" 2>&1
hasnt "$T/out" "$(printf '\033')" "no colour on a pipe"

# the store: appends, keyed by document and span; summaries read it
expect 0 "store" -- "$GM" store --db "$T/store.sqlite" --gazetteer "$DB" --date 2025-04-25 "$T/a.txt" "$T/c.txt"
has "$T/err" "2 documents, 3 incidents, 3 new" "store reports what it added"
expect 0 "store the same again" -- "$GM" store --db "$T/store.sqlite" --gazetteer "$DB" --date 2025-04-25 "$T/c.txt"
has "$T/err" "0 new (2 already stored)" "re-ingesting adds nothing"
expect 0 "summary of the store" -- "$GM" summary --by country --format csv "$T/store.sqlite"
has "$T/out" "^Ukraine,3,5,14," "the store sums its incidents once"
expect 0 "summary of the store and the GeoJSON of the same document" -- "$GM" summary --format csv "$T/store.sqlite" "$T/a.geojson"
has "$T/out" "Dnipropetrovsk,2,3,14" "an incident in the store and in a file counts once"
expect 1 "store without --db" -- "$GM" store --gazetteer "$DB" "$T/a.txt"
has "$T/err" "needs --db" "store explains --db"
expect 1 "store into a gazetteer" -- "$GM" store --db "$DB" --gazetteer "$DB" "$T/a.txt"
has "$T/err" "not a geomention store" "a database that is not a store is refused"
expect 0 "summary json" -- "$GM" summary --format json --by country "$T/a.geojson"; json_ok "$T/out" "summary json"

# lookup
expect 0 "lookup" -- "$GM" lookup --db "$DB" Paris; has "$T/out" "Texas" "lookup lists the Texas Paris"; has "$T/out" "reasons" "lookup reasons"
expect 3 "lookup of nothing" -- "$GM" lookup --db "$DB" Atlantis
# lookup in a text: the document's ranking, chosen entry first, with the parts of its score
expect 0 "lookup --text" -- "$GM" lookup --db "$DB" --format csv --text "A tornado hit Paris, Texas on Sunday." Paris
has "$T/out" "^14,1,Paris,US,Texas" "lookup --text puts the document's choice first, at its byte offset"
has "$T/out" "wording and regions written next to it" "lookup --text names the container's part of the score"
printf 'Tourists crowded Paris as France celebrated.\n' >"$T/ctx.txt"
expect 0 "lookup --context" -- "$GM" lookup --db "$DB" --format csv --context "$T/ctx.txt" Paris
has "$T/out" "^17,1,Paris,FR" "lookup --context: Paris, France in a French context"
expect 3 "lookup --text without the name" -- "$GM" lookup --db "$DB" --text "Nothing here." Paris
has "$T/err" "no place mention 'Paris'" "lookup --text says the name is not in the text"
expect 4 "lookup --context missing file" -- "$GM" lookup --db "$DB" --context "$T/none.txt" Paris
expect 1 "lookup --text and --context" -- "$GM" lookup --db "$DB" --text x --context "$T/ctx.txt" Paris

echo "$((n - fails))/$n CLI checks passed"
[ "$fails" = 0 ]
