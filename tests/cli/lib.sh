# Helpers shared by the CLI test scripts (sourced; the script sets GM, T, n=0 and fails=0 first).

# expect STATUS DESCRIPTION -- COMMAND...: runs COMMAND (stdout to $T/out, stderr to $T/err)
expect() {
    want=$1; shift; what=$1; shift; shift
    n=$((n + 1))
    "$@" >"$T/out" 2>"$T/err"
    got=$?
    if [ "$got" != "$want" ]; then
        echo "FAIL: $what: exit $got, expected $want"; sed 's/^/  stderr: /' "$T/err" | head -5
        fails=$((fails + 1))
    fi
}
# has FILE PATTERN DESCRIPTION
has() {
    n=$((n + 1))
    if ! grep -q -- "$2" "$1"; then echo "FAIL: $3: '$2' not in $(basename "$1")"; head -c 400 "$1"; echo; fails=$((fails + 1)); fi
}
hasnt() {
    n=$((n + 1))
    if grep -q -- "$2" "$1"; then echo "FAIL: $3: '$2' unexpectedly in $(basename "$1")"; fails=$((fails + 1)); fi
}
json_ok() {
    n=$((n + 1))
    if ! python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$1" 2>/dev/null; then
        echo "FAIL: $2: not valid JSON"; head -c 400 "$1"; echo; fails=$((fails + 1))
    fi
}
