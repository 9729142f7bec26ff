#!/usr/bin/env bash
# The exact command behind lexicons/gaps/year_words_learned.tsv: the slot model's corpora
# and weights (tools/corpus_weights.sh).
set -euo pipefail
CORPUS="${1:?usage: tools/learn_year_words.sh CORPUS_DIR [OUTPUT]}"
OUTPUT="${2:-lexicons/gaps/year_words_learned.tsv}"
source "$(dirname "$0")/corpus_weights.sh"
mapfile -t args < <(corpus_args "$CORPUS")
exec python "$(dirname "$0")/learn_year_words.py" "${args[@]}" -o "$OUTPUT"
