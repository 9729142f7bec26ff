#!/usr/bin/env bash
# Byte-compare this build's output with reference outputs made by an earlier build.
#
#   tools/compare_outputs.sh REFERENCE_DIR EVAL_DIR [RESTORE_COMMAND]
#   tools/compare_outputs.sh --make REFERENCE_DIR EVAL_DIR [RESTORE_COMMAND]
#
# With --make, the outputs are written to REFERENCE_DIR instead (run it on the build
# before a change, then compare the build after it).
#
# REFERENCE_DIR holds, for every EVAL_DIR/dev-*.jsonl, NAME.out.jsonl made by
# `restore --jsonl < NAME.jsonl`, and seed.txt, seed.diff and seed.json made by
# `restore`, `restore --diff` and `restore --format json` on the seed in seeds/.
# Prints one line per output and exits 1 if any differs. Nothing is written to the
# repository: outputs go to a temporary folder that is removed at the end.
set -euo pipefail

make=0
if [ "${1:-}" = "--make" ]; then
    make=1
    shift
fi
if [ $# -lt 2 ]; then
    echo "usage: $0 [--make] REFERENCE_DIR EVAL_DIR [RESTORE_COMMAND]" >&2
    exit 2
fi
ref="$(cd "$1" && pwd)"
eval_dir="$(cd "$2" && pwd)"
restore=${3:-restore}
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seed="seeds/000_1ac4172153e80d19.txt"  # relative: the path is part of the output
if [ $make -eq 1 ]; then
    out=$ref
else
    out="$(mktemp -d)"
    trap 'rm -rf "$out"' EXIT
fi

status=0
check() {  # check NAME: compare $out/NAME with $ref/NAME
    if [ $make -eq 1 ]; then
        echo "made      $1"
    elif cmp -s "$ref/$1" "$out/$1"; then
        echo "same      $1"
    else
        echo "DIFFERENT $1"
        status=1
    fi
}

for input in "$eval_dir"/dev-*.jsonl; do
    name="$(basename "$input" .jsonl).out.jsonl"
    $restore --jsonl < "$input" > "$out/$name" || true
    check "$name"
done
# The exit status is part of the contract too, but the references keep only the bytes.
(cd "$root" && $restore "$seed" > "$out/seed.txt") || true
(cd "$root" && $restore --diff "$seed" > "$out/seed.diff") || true
(cd "$root" && $restore --format json "$seed" > "$out/seed.json") || true
for name in seed.txt seed.diff seed.json; do
    check "$name"
done
exit $status
