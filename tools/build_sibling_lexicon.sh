#!/usr/bin/env bash
# The exact command behind lexicons/siblings.tsv: the slot model's corpora
# and weights (tools/corpus_weights.sh).
set -euo pipefail
CORPUS="${1:?usage: tools/build_sibling_lexicon.sh CORPUS_DIR [OUTPUT]}"
OUTPUT="${2:-lexicons/siblings.tsv}"
source "$(dirname "$0")/corpus_weights.sh"
mapfile -t args < <(corpus_args "$CORPUS")
exec python "$(dirname "$0")/build_sibling_lexicon.py" "${args[@]}" -o "$OUTPUT"
