#!/bin/sh
# Runs every example of docs/geomention.1 (the "$ " lines of its EXAMPLES section) in a scratch
# folder with the examples/ of the source tree, against the full test gazetteer, and checks that
# each succeeds and writes something.
#   test_manpage.sh PATH/TO/geomention GAZETTEER.sqlite SOURCE_DIR
set -u
GM=$1
export GEOMENTION_DB=$2
SRC=$3
T=$(mktemp -d "${TMPDIR:-/tmp}/gm-man-XXXXXX")
trap 'rm -rf "$T"' EXIT
cp -r "$SRC/examples" "$T/examples"
mkdir "$T/bin"
ln -s "$GM" "$T/bin/geomention"
PATH="$T/bin:$PATH"
export PATH
fails=0
n=0
sed -n '/^\.SH EXAMPLES/,/^\.SH /p' "$SRC/docs/geomention.1" | sed -n 's/^\$ //p' > "$T/examples.sh"
[ -s "$T/examples.sh" ] || { echo "FAIL: no examples found in docs/geomention.1"; exit 1; }
while IFS= read -r cmd; do
    n=$((n + 1))
    # roff escapes in the examples: \- is a hyphen
    cmd=$(printf '%s' "$cmd" | sed 's/\\-/-/g')
    if ! (cd "$T" && sh -c "$cmd" >"$T/out" 2>"$T/err"); then
        echo "FAIL: example '$cmd' exited $?"; sed 's/^/  stderr: /' "$T/err" | head -5
        fails=$((fails + 1))
    elif [ ! -s "$T/out" ] && ! grep -q -- "-o \|--db " <<EOF2
$cmd
EOF2
    then
        echo "FAIL: example '$cmd' printed nothing"
        fails=$((fails + 1))
    fi
done < "$T/examples.sh"
# the files the examples write
for f in incidents.csv news.gpkg killed.svg incidents.sqlite map.html; do
    n=$((n + 1))
    [ -s "$T/$f" ] || { echo "FAIL: the examples did not write $f"; fails=$((fails + 1)); }
done
echo "$((n - fails)) passed, $fails failed"
[ "$fails" = 0 ]
