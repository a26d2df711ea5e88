#!/bin/sh
# Bad input, damaged gazetteers and a hostile environment: each case gives a clear message and a
# defined exit status, nothing crashes, and no half-written output file is left behind.
#   test_bad_input.sh PATH/TO/geomention FIXTURE_DIR [BIG_MB [MANY]]
# BIG_MB (default 100) is the size of the one-line document that is processed with a raised
# --max-doc-bytes, MANY (default 1000000) the number of tiny documents in one file (the sanitizer
# and valgrind builds pass smaller ones; the refusal always uses 100 MB).
set -u
GM=$1
FIX=$2
BIG_MB=${3:-100}
MANY=${4:-1000000}
T=$(mktemp -d "${TMPDIR:-/tmp}/gm-bad-XXXXXX")
chmod 755 "$T"
trap 'chmod -R u+w "$T" 2>/dev/null; rm -rf "$T"' EXIT
DB=$T/gaz.sqlite
fails=0
n=0
. "$(dirname "$0")/lib.sh"

# check WHAT CONDITION...: a test of its own
check() {
    what=$1; shift
    n=$((n + 1))
    if ! "$@"; then echo "FAIL: $what"; fails=$((fails + 1)); fi
}
# no_crash DESCRIPTION: the last command ended by itself (not by a signal or a sanitizer)
no_crash() {
    n=$((n + 1))
    if [ "$got" -ge 5 ] && [ "$got" != 130 ]; then
        echo "FAIL: $1: exit $got"; head -5 "$T/err"; fails=$((fails + 1))
    fi
    if grep -q "Sanitizer\|runtime error" "$T/err"; then echo "FAIL: $1: sanitizer report"; head -20 "$T/err"; fails=$((fails + 1)); fi
}
no_leftovers() {
    n=$((n + 1))
    left=$(find "$T" -name '*.tmp-*' | head -3)
    if [ -n "$left" ]; then echo "FAIL: $1: temporary files left: $left"; fails=$((fails + 1)); fi
}
py() { python3 -c "$@"; }

"$GM" gazetteer build --source "$FIX" --db "$DB" 2>/dev/null || { echo "FAIL: fixture gazetteer"; exit 1; }
chmod 644 "$DB" "$DB.idx"

# ---- text encodings
printf 'Shelling killed two people in Donetsk.\000 A drone hit\000 Kramatorsk.' > "$T/nul.txt"
expect 0 "NUL bytes" -- "$GM" extract --db "$DB" --layer mentions --format csv "$T/nul.txt"
has "$T/err" "invalid UTF-8 or NUL" "NUL bytes are reported"; has "$T/out" ",Kramatorsk," "a place after a NUL byte is found"
printf '\357\273\277A drone hit Kramatorsk.\r\nShelling in Donetsk.\r\n' > "$T/bom.txt"
expect 0 "BOM and CRLF" -- "$GM" extract --db "$DB" --layer mentions --format csv "$T/bom.txt"
has "$T/out" ",12,22,Kramatorsk," "a BOM is not counted in offsets"; has "$T/out" ",Donetsk," "CRLF lines are read"
printf '\357\273\277{"id":"a","text":"A drone hit Kramatorsk."}\r\n{"id":"b","text":"Shelling in Donetsk."}\r\n' > "$T/bom.jsonl"
expect 0 "JSONL with a BOM and CRLF" -- "$GM" extract --db "$DB" --layer mentions --format csv "$T/bom.jsonl"
has "$T/out" ",a,12,22,Kramatorsk," "first JSONL record after a BOM"; has "$T/out" ",b,12,19,Donetsk," "CRLF JSONL"
printf 'Shelling killed two people in \377\376 Donetsk.\n' > "$T/bad.txt"
expect 0 "invalid UTF-8" -- "$GM" extract --db "$DB" --layer mentions "$T/bad.txt"
has "$T/err" "invalid UTF-8" "invalid UTF-8 warning"; json_ok "$T/out" "output after invalid UTF-8"

# ---- empty and binary files
: > "$T/empty.txt"
expect 0 "empty file" -- "$GM" extract --db "$DB" "$T/empty.txt"; json_ok "$T/out" "empty file"
: > "$T/empty.jsonl"
expect 0 "empty JSONL file" -- "$GM" extract --db "$DB" "$T/empty.jsonl"; json_ok "$T/out" "empty JSONL"
py 'import random,sys; r=random.Random(7); sys.stdout.buffer.write(bytes(r.randrange(256) for _ in range(300000)))' > "$T/binary.dat"
expect 0 "binary file" -- "$GM" extract --db "$DB" --layer mentions "$T/binary.dat"
no_crash "binary file"; json_ok "$T/out" "binary file"; has "$T/err" "invalid UTF-8" "binary file warning"
expect 3 "binary file as JSONL" -- "$GM" extract --db "$DB" --input jsonl "$T/binary.dat"
no_crash "binary JSONL"; has "$T/err" "binary.dat:1: skipped" "binary JSONL lines are reported by number"

# ---- JSONL records of the wrong shape: each reported with its line, the others processed
py '
import json
L = ["{\"id\":\"ok1\",\"text\":\"Shelling in Donetsk.\"}",
     "{\"id\":\"t\",\"text\":7}",
     "{\"id\":[1,2],\"text\":\"A drone hit Kramatorsk.\"}",
     "{\"id\":1e400,\"text\":\"A drone hit Kyiv.\"}",
     "{\"id\":\"d\",\"text\":\"Paris\",\"date\":12}",
     "{\"id\":\"sp\",\"text\":\"Paris\",\"spans\":\"x\"}",
     "{\"" + "k" * (1 << 20) + "\":1,\"id\":\"wide\",\"text\":\"Shelling in Zurich.\"}",
     "[" * 100000 + "]" * 100000,
     "{\"id\":\"deep\",\"text\":\"York\",\"x\":" + "[" * 5000 + "]" * 5000 + "}",
     "{\"id\":\"sur\",\"text\":\"\\ud83d cut emoji in Dnipro\"}",
     "{\"id\":\"nul\",\"text\":\"a \\u0000 in Moscow\"}",
     "\"a string\"",
     "{\"id\":\"tail\",\"text\":\"Kyiv\"} trailing",
     "{\"id\":\"ok2\",\"text\":\"Last in Pavlohrad.\"}"]
open("'"$T"'/shapes.jsonl", "w").write("\n".join(L) + "\n")'
expect 3 "JSONL of many shapes" -- "$GM" extract --db "$DB" --layer mentions --format csv "$T/shapes.jsonl"
no_crash "JSONL of many shapes"
has "$T/err" 'shapes.jsonl:2: skipped: "text" must be a string' "text of the wrong type"
has "$T/err" 'shapes.jsonl:3: warning: "id" is neither' "id of the wrong type is reported"
has "$T/out" 'shapes.jsonl:3,12,22,Kramatorsk,' "the document with a bad id keeps its line as id"
has "$T/err" 'shapes.jsonl:4: warning: "id"' "an infinite id is reported (was: out of memory)"
has "$T/out" 'shapes.jsonl:4,' "the document with an infinite id is processed"
has "$T/err" 'shapes.jsonl:5: warning: "date"' "a date of the wrong type"
has "$T/err" 'shapes.jsonl:6: skipped: "spans"' "spans of the wrong type"
has "$T/out" ',wide,' "a 1 MB field name does not stop the record"
has "$T/err" 'shapes.jsonl:8: skipped: JSON nested deeper than' "deep nesting is named as such"
has "$T/err" 'shapes.jsonl:9: skipped: JSON nested deeper than' "deep nesting inside a record"
has "$T/err" 'shapes.jsonl:10: warning: 1 lone UTF-16 surrogate' "a lone surrogate is repaired, not refused"
has "$T/out" ',sur,.*Dnipro' "the document with a lone surrogate is processed"
has "$T/out" ',nul,.*Moscow' "an escaped NUL does not cut the text"
has "$T/err" 'shapes.jsonl:12: skipped: expected a JSON object' "a JSON string line"
has "$T/err" 'shapes.jsonl:13: skipped: unexpected text' "text after the object"
has "$T/out" ',ok1,' "first good record"; has "$T/out" ',ok2,' "last good record"

# GeoJSON input to summary: nesting and a bad line of GeoJSONSeq are named
py 'import sys; print("{\"type\":\"FeatureCollection\",\"features\":" + "[" * 5000 + "]" * 5000 + "}")' > "$T/deep.geojson"
expect 3 "deeply nested GeoJSON" -- "$GM" summary "$T/deep.geojson"
has "$T/err" "deep.geojson: JSON nested deeper than 1000 levels" "GeoJSON nesting is named"
printf '\036{"type":"Feature","geometry":null,"properties":{"killed":1e400,"country_code":"UA"}}\n\036{bad\n' > "$T/s.geojsonseq"
expect 3 "GeoJSONSeq with a bad line" -- "$GM" summary --format csv "$T/s.geojsonseq"
has "$T/err" "s.geojsonseq:2: skipped: not valid JSON" "the bad GeoJSONSeq line is named"; has "$T/out" "^UA," "the good line is summed"

# ---- numbers that overflow are no counts
printf 'Shelling killed 99999999999999999999 people in Donetsk and wounded 18446744073709551617.\n' > "$T/over.txt"
expect 0 "overflowing numbers" -- "$GM" extract --db "$DB" --format csv "$T/over.txt"
py 'import csv,sys
rows = list(csv.DictReader(open(sys.argv[1])))
assert len(rows) == 1 and rows[0]["killed"] == "" and rows[0]["injured"] == "", rows' "$T/out" 2>"$T/py" ||
    { echo "FAIL: an overflowing count is not a count"; cat "$T/py"; fails=$((fails + 1)); }
n=$((n + 1))

# ---- a 100 MB document on one line: refused by default (without reading it all), processed when allowed
py '
import sys
s = "Shelling killed two people in Donetsk on Friday, officials said. The market in Kramatorsk reopened after repairs. "
mb = int(sys.argv[1]) << 20
with open(sys.argv[2], "w") as f:
    f.write((s * (mb // len(s) + 1))[:mb])
    ' 100 "$T/big.txt"
expect 3 "100 MB document over the limit" -- "$GM" extract --db "$DB" "$T/big.txt" "$T/bom.txt"
has "$T/err" "big.txt: skipped: the document (104857600 bytes) is larger than --max-doc-bytes" "the limit is named"
json_ok "$T/out" "the other document of the run"
has "$T/out" 'bom.txt","start"' "the other document of the run is processed"
py 'import json,sys; print(json.dumps({"id": "big", "text": open(sys.argv[1]).read()}))' "$T/big.txt" > "$T/big.jsonl"
cat "$T/bom.jsonl" >> "$T/big.jsonl"
expect 3 "100 MB JSONL line over the limit" -- "$GM" extract --db "$DB" --max-doc-bytes 1M --layer mentions --format csv "$T/big.jsonl"
has "$T/err" "big.jsonl:1: skipped: a line of" "an overlong line is named with its number"
has "$T/out" ",b,12,19,Donetsk," "the lines after an overlong line are processed"
if [ "$BIG_MB" != 100 ]; then
    py 'import sys; d=open(sys.argv[1]).read(); open(sys.argv[1], "w").write(d[:int(sys.argv[2]) << 20])' "$T/big.txt" "$BIG_MB"
fi
expect 0 "a ${BIG_MB} MB document with --max-doc-bytes 128M" -- "$GM" extract --db "$DB" --max-doc-bytes 128M --layer places --format csv "$T/big.txt"
has "$T/out" ",Kramatorsk," "the big document's places"
rm -f "$T/big.txt" "$T/big.jsonl"

# ---- a million tiny documents: every one comes out, in order
py '
import sys
with open(sys.argv[1], "w") as f:
    for i in range(int(sys.argv[2])):
        f.write("{\"id\":\"%d\",\"text\":\"Kyiv %d\"}\n" % (i, i))' "$T/million.jsonl" "$MANY"
expect 0 "$MANY tiny documents" -- "$GM" extract --db "$DB" --layer mentions --format csv "$T/million.jsonl"
check "$MANY documents give as many rows" test "$(wc -l < "$T/out")" -eq $((MANY + 1))
check "the last of $MANY documents is last" sh -c "tail -n 1 '$T/out' | grep -q ',$((MANY - 1)),0,4,Kyiv,'"
rm -f "$T/million.jsonl"

# ---- damaged gazetteers: exit 2 and the command that rebuilds
gz() { # gz NAME: a fresh copy of the gazetteer as $T/NAME.sqlite
    cp "$DB" "$T/$1.sqlite"; cp "$DB.idx" "$T/$1.sqlite.idx"
}
echo "Shelling in Donetsk." > "$T/a.txt"
damaged() { # damaged NAME DESCRIPTION
    expect 2 "$2" -- "$GM" extract --db "$T/$1.sqlite" "$T/a.txt"
    no_crash "$2"; has "$T/err" "gazetteer build" "$2: the message names the fix"
}
expect 2 "missing gazetteer" -- "$GM" extract --db "$T/none.sqlite" "$T/a.txt"; has "$T/err" "no gazetteer database at" "missing gazetteer message"
gz idx_trunc; truncate -s 1000 "$T/idx_trunc.sqlite.idx"; damaged idx_trunc "truncated name index"
gz idx_missing; rm "$T/idx_missing.sqlite.idx"; damaged idx_missing "missing name index"
gz db_trunc; truncate -s 50000 "$T/db_trunc.sqlite"; damaged db_trunc "truncated database"
gz db_corrupt; py 'import sys; f=open(sys.argv[1], "r+b"); f.write(bytes(range(256)) * 64)' "$T/db_corrupt.sqlite"; damaged db_corrupt "corrupt database"
gz idx_version; printf '\011' | dd of="$T/idx_version.sqlite.idx" bs=1 seek=8 conv=notrunc 2>/dev/null
damaged idx_version "name index of another format version"; has "$T/err" "format version 9" "the version is named"
gz db_version; sqlite3 "$T/db_version.sqlite" "UPDATE meta SET value = '0' WHERE key = 'schema_version'"
damaged db_version "database of another schema version"; has "$T/err" "schema version 0" "the schema version is named"
echo "not a database" > "$T/text.sqlite"; cp "$DB.idx" "$T/text.sqlite.idx"; damaged text "a text file as the database"
: > "$T/zero.sqlite"; damaged zero "an empty database file"
# random damage anywhere in the name index: refused or read, never a crash
i=0
while [ $i -lt 40 ]; do
    gz rnd
    py 'import random,sys
r = random.Random(int(sys.argv[2])); f = open(sys.argv[1], "r+b"); size = f.seek(0, 2)
for _ in range(8):
    f.seek(r.randrange(64, size)); f.write(bytes(r.randrange(256) for _ in range(r.choice([1, 4, 64]))))' "$T/rnd.sqlite.idx" $i
    "$GM" extract --db "$T/rnd.sqlite" --layer mentions "$T/bom.txt" > "$T/out" 2> "$T/err"
    got=$?
    n=$((n + 1))
    if [ $got != 0 ] && [ $got != 2 ]; then echo "FAIL: name index damaged with seed $i: exit $got"; head -3 "$T/err"; fails=$((fails + 1)); fi
    no_crash "name index damaged with seed $i"
    i=$((i + 1))
done

# ---- output that cannot be written: nothing half-written is left
mkdir "$T/ro"; chmod 555 "$T/ro"
if [ "$(id -u)" != 0 ]; then
    expect 4 "read-only folder" -- "$GM" extract --db "$DB" -o "$T/ro/out.geojson" "$T/a.txt"
elif command -v setpriv >/dev/null && setpriv --reuid=65534 --regid=65534 --clear-groups "$GM" --version >/dev/null 2>&1; then
    # root may write anywhere: run as nobody
    expect 4 "read-only folder" -- setpriv --reuid=65534 --regid=65534 --clear-groups "$GM" extract --db "$DB" -o "$T/ro/out.geojson" "$T/a.txt"
else
    expect 4 "a folder nobody may write (/proc)" -- "$GM" extract --db "$DB" -o /proc/gm-test-out.geojson "$T/a.txt"
fi
has "$T/err" "cannot write" "read-only folder message"
py '
import sys
with open(sys.argv[1], "w") as f:
    for i in range(20000):
        f.write("{\"id\":\"%d\",\"text\":\"Shelling killed two people in Donetsk. A drone hit Kramatorsk.\"}\n" % i)' "$T/many.jsonl"
# a full disk, as a file size limit (ulimit -f counts 512-byte blocks): exit 4, no file
expect 4 "file size limit with -o" -- sh -c "ulimit -f 64; exec '$GM' extract --db '$DB' --layer mentions -o '$T/full.geojson' '$T/many.jsonl'"
has "$T/err" "writing .*full.geojson failed: File too large" "full disk message"
check "no output file after a full disk" test ! -e "$T/full.geojson"
expect 4 "file size limit on standard output" -- sh -c "ulimit -f 64; exec '$GM' extract --db '$DB' --layer mentions '$T/many.jsonl' > '$T/full2.geojson'"
has "$T/err" "writing standard output failed" "full disk on standard output"
expect 4 "file size limit on a GeoPackage" -- sh -c "ulimit -f 64; exec '$GM' extract --db '$DB' -o '$T/full.gpkg' '$T/many.jsonl'"
check "no GeoPackage after a full disk" test ! -e "$T/full.gpkg"
no_leftovers "full disk"

# a closed pipe: the run ends quietly with the status of SIGPIPE, like other filters
n=$((n + 1))
sh -c "'$GM' extract --db '$DB' --layer mentions --format geojsonseq '$T/many.jsonl' 2>'$T/err'; echo \$? > '$T/st'" | head -n 1 > "$T/out"
st=$(cat "$T/st")
if [ "$st" != 141 ]; then echo "FAIL: closed pipe: exit $st, expected 141"; fails=$((fails + 1)); fi
check "closed pipe: the first line came through" grep -q '"type":"Feature"' "$T/out"
check "closed pipe: no message" test ! -s "$T/err"

# signal_run SIG READY ERRFILE COMMAND...: starts COMMAND with SIGINT at its default (a shell's
# background job would have it ignored, and geomention keeps a signal ignored on entry), waits
# until the shell condition READY holds (up to a minute: valgrind starts slowly; $PID is the
# command's process id), sends SIG, and
# prints the exit status as a shell reports it.
signal_run() {
    py 'import os, signal, subprocess, sys, time
sig = getattr(signal, "SIG" + sys.argv[1])
with open(sys.argv[3], "w") as err:
    p = subprocess.Popen(sys.argv[4:], stdout=subprocess.DEVNULL, stderr=err,
                         preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    t0 = time.time()
    env = dict(os.environ, PID=str(p.pid))
    while time.time() - t0 < 60 and p.poll() is None and subprocess.call(["sh", "-c", sys.argv[2]], env=env) != 0:
        time.sleep(0.1)
    time.sleep(0.3)
    if p.poll() is None:
        p.send_signal(sig)
    rc = p.wait()
print(128 - rc if rc < 0 else rc)' "$@"
}
# SIGINT and SIGTERM halfway: exit 130, the output file not written, no temporary file left
for i in 1 2 3 4 5 6 7 8; do cat "$T/many.jsonl"; done > "$T/many8.jsonl"
for sig in INT TERM; do
    for threads in 1 2; do
        st=$(signal_run $sig "ls '$T'/sig.geojson.tmp-* >/dev/null 2>&1" "$T/err" \
            "$GM" extract --db "$T/gaz.sqlite" --threads $threads -o "$T/sig.geojson" "$T/many8.jsonl")
        n=$((n + 1))
        if [ "$st" != 130 ]; then echo "FAIL: SIG$sig with $threads threads: exit $st, expected 130"; fails=$((fails + 1)); fi
        has "$T/err" "interrupted by SIG$sig" "SIG$sig message"
        check "SIG$sig with $threads threads: no output file" test ! -e "$T/sig.geojson"
        no_leftovers "SIG$sig"
    done
done
# a SIGINT ignored on entry (a background job of a script) stays ignored: the run completes
"$GM" extract --db "$DB" --layer mentions -o "$T/bg.geojson" "$T/many.jsonl" 2> "$T/err" &
pid=$!
sleep 0.2
kill -INT $pid 2>/dev/null
wait $pid
st=$?
check "an ignored SIGINT stays ignored (exit $st)" test "$st" = 0 -a -s "$T/bg.geojson"
# SIGINT in the middle of a gazetteer build (the full sources, once it reads the places): it stops
# within a second, writes nothing, and leaves the previous database as it was
SRC=$(cd "$(dirname "$0")/../../gazetteer" && pwd)
mkdir "$T/gzint"
cp "$DB" "$T/gzint/g.sqlite"; cp "$DB.idx" "$T/gzint/g.sqlite.idx"
st=$(signal_run INT "ls -l /proc/\$PID/fd 2>/dev/null | grep -q places.tsv" "$T/err" "$GM" gazetteer build --source "$SRC" --db "$T/gzint/g.sqlite")
check "gazetteer build interrupted: exit 130 (was $st)" test "$st" = 130
has "$T/err" "the gazetteer build stopped; nothing was written" "interrupted build message"
check "gazetteer build interrupted: no temporary file" sh -c "! ls '$T'/gzint/*.tmp >/dev/null 2>&1"
expect 0 "the gazetteer after an interrupted build" -- "$GM" extract --db "$T/gzint/g.sqlite" --layer mentions "$T/bom.txt"
has "$T/out" "Kramatorsk" "the previous gazetteer still works after an interrupted build"

# SIGINT in the middle of a store: consistent, and the same input again completes it
py '
import sys
with open(sys.argv[1], "w") as f:
    for i in range(60000):
        f.write("{\"id\":\"s%d\",\"text\":\"A drone hit Kramatorsk, killing %d.\"}\n" % (i, i % 9 + 1))' "$T/store.jsonl"
st=$(signal_run INT "[ \"\$(sqlite3 '$T/st.sqlite' 'SELECT count(*) FROM documents' 2>/dev/null || echo 0)\" -ge 20 ]" "$T/err" \
    "$GM" store --db "$T/st.sqlite" --gazetteer "$DB" "$T/store.jsonl")
check "store interrupted: exit 130 (was $st)" test "$st" = 130
check "store interrupted: database intact" sh -c "sqlite3 '$T/st.sqlite' 'PRAGMA integrity_check' | grep -qx ok"
check "store interrupted: some documents stored, not all" sh -c "c=\$(sqlite3 '$T/st.sqlite' 'SELECT count(*) FROM documents'); [ \$c -ge 20 ] && [ \$c -lt 60000 ]"
expect 0 "store again after SIGINT" -- "$GM" store --db "$T/st.sqlite" --gazetteer "$DB" "$T/store.jsonl"
check "store after SIGINT: every document once" test "$(sqlite3 "$T/st.sqlite" 'SELECT count(*) FROM documents')" = 60000
check "store after SIGINT: every incident once" test "$(sqlite3 "$T/st.sqlite" "SELECT count(*) || ' ' || sum(killed) FROM incidents")" = "60000 $(py 'print(sum(i % 9 + 1 for i in range(60000)))')"

echo "$n checks, $fails failed"
[ "$fails" = 0 ]
