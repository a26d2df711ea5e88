#!/bin/sh
# The store under faults: eight processes writing to one store at once lose and duplicate nothing;
# a process killed with SIGKILL in the middle of an ingest leaves the database consistent, and
# running the same input again completes it.
#   test_store_faults.sh PATH/TO/geomention FIXTURE_DIR
set -u
GM=$1
FIX=$2
T=$(mktemp -d "${TMPDIR:-/tmp}/gm-store-XXXXXX")
trap 'rm -rf "$T"' EXIT
fails=0
n=0
fail() { echo "FAIL: $1"; fails=$((fails + 1)); }
"$GM" gazetteer build --source "$FIX" --db "$T/gaz.sqlite" 2>/dev/null || { echo "FAIL: fixture gazetteer"; exit 1; }
# 400 written documents, each with one or two incidents
i=0
while [ $i -lt 400 ]; do
    printf '{"id":"d%s","text":"A drone strike on Kyiv killed %s people. Shelling of Pavlohrad wounded %s."}\n' \
        "$i" $((i % 7 + 1)) $((i % 5 + 1))
    i=$((i + 1))
done > "$T/all.jsonl"
# the reference: one process
"$GM" store --db "$T/ref.sqlite" --gazetteer "$T/gaz.sqlite" "$T/all.jsonl" 2>/dev/null
want=$(sqlite3 "$T/ref.sqlite" "SELECT count(*) || ' ' || sum(killed) || ' ' || sum(injured) FROM incidents")
wantdocs=$(sqlite3 "$T/ref.sqlite" "SELECT count(*) FROM documents")

# eight processes at once, on overlapping halves of the input (every document is sent four times)
split -n l/8 -d "$T/all.jsonl" "$T/part."
pids=""
for k in 0 1 2 3 4 5 6 7; do
    a=$(printf '%02d' $k); b=$(printf '%02d' $(((k + 1) % 8))); c=$(printf '%02d' $(((k + 2) % 8))); d=$(printf '%02d' $(((k + 3) % 8)))
    cat "$T/part.$a" "$T/part.$b" "$T/part.$c" "$T/part.$d" > "$T/in.$k.jsonl"
    "$GM" store --db "$T/many.sqlite" --gazetteer "$T/gaz.sqlite" "$T/in.$k.jsonl" 2>"$T/err.$k" &
    pids="$pids $!"
done
for p in $pids; do
    n=$((n + 1)); wait "$p" || fail "a concurrent store process failed: $(cat "$T"/err.* | grep -v 'documents,' | head -3)"
done
got=$(sqlite3 "$T/many.sqlite" "SELECT count(*) || ' ' || sum(killed) || ' ' || sum(injured) FROM incidents")
n=$((n + 1)); [ "$got" = "$want" ] || fail "8 concurrent writers: incidents/killed/injured '$got', expected '$want'"
gotdocs=$(sqlite3 "$T/many.sqlite" "SELECT count(*) FROM documents")
n=$((n + 1)); [ "$gotdocs" = "$wantdocs" ] || fail "8 concurrent writers: $gotdocs documents, expected $wantdocs"

# SIGKILL halfway, then the same input again
big="$T/big.jsonl"
for r in 1 2 3 4 5 6 7 8 9 10; do sed "s/\"id\":\"d/\"id\":\"r$r-d/" "$T/all.jsonl"; done > "$big"
"$GM" store --db "$T/ref2.sqlite" --gazetteer "$T/gaz.sqlite" "$big" 2>/dev/null
want2=$(sqlite3 "$T/ref2.sqlite" "SELECT count(*) || ' ' || sum(killed) FROM incidents")
"$GM" store --db "$T/killed.sqlite" --gazetteer "$T/gaz.sqlite" "$big" 2>/dev/null &
p=$!
# wait until it has written something, then kill it
k=0
while [ $k -lt 1200 ]; do  # up to a minute: the valgrind run starts slowly
    c=$(sqlite3 "$T/killed.sqlite" "SELECT count(*) FROM documents" 2>/dev/null || echo 0)
    [ "${c:-0}" -gt 50 ] && break
    sleep 0.05
    k=$((k + 1))
done
kill -9 $p 2>/dev/null
wait $p 2>/dev/null
partial=$(sqlite3 "$T/killed.sqlite" "SELECT count(*) FROM documents")
n=$((n + 1)); [ "$(sqlite3 "$T/killed.sqlite" "PRAGMA integrity_check")" = ok ] || fail "the store is damaged after kill -9"
# every document in the store is whole: as many incidents stored as the document says it has
n=$((n + 1)); bad=$(sqlite3 "$T/killed.sqlite" "SELECT count(*) FROM documents d WHERE d.incidents != (SELECT count(*) FROM incidents i WHERE i.doc_id = d.doc_id)")
[ "$bad" = 0 ] || fail "$bad documents half-written after kill -9"
n=$((n + 1)); [ "$(sqlite3 "$T/killed.sqlite" "SELECT count(*) FROM incidents WHERE doc_id NOT IN (SELECT doc_id FROM documents)")" = 0 ] || fail "incidents of a document that was not completed"
"$GM" store --db "$T/killed.sqlite" --gazetteer "$T/gaz.sqlite" "$big" 2>/dev/null
got2=$(sqlite3 "$T/killed.sqlite" "SELECT count(*) || ' ' || sum(killed) FROM incidents")
n=$((n + 1)); [ "$got2" = "$want2" ] || fail "after kill -9 and a re-run: '$got2', expected '$want2' (the kill left $partial documents)"
echo "$((n - fails)) passed, $fails failed (killed after $partial of 4000 documents)"
[ "$fails" = 0 ]
