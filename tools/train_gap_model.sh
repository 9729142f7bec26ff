#!/usr/bin/env bash
# The exact command behind lexicons/gapmodel.gz: the slot model's corpora and weights
# (tools/corpus_weights.sh).
set -euo pipefail
CORPUS="${1:?usage: tools/train_gap_model.sh CORPUS_DIR [OUTPUT]}"
OUTPUT="${2:-lexicons/gapmodel.gz}"
source "$(dirname "$0")/corpus_weights.sh"
mapfile -t args < <(corpus_args "$CORPUS")
exec python "$(dirname "$0")/train_gap_model.py" "${args[@]}" -o "$OUTPUT"
