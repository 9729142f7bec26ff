#!/usr/bin/env bash
# The exact command behind lexicons/alphabet/absence.tsv: the slot model's corpora and
# weights (tools/corpus_weights.sh).
set -euo pipefail
CORPUS="${1:?usage: tools/fit_absence.sh CORPUS_DIR [OUTPUT]}"
OUTPUT="${2:-lexicons/alphabet/absence.tsv}"
source "$(dirname "$0")/corpus_weights.sh"
mapfile -t args < <(corpus_args "$CORPUS")
exec python "$(dirname "$0")/fit_absence.py" "${args[@]}" -o "$OUTPUT"
