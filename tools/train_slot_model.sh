#!/usr/bin/env bash
# The exact command behind lexicons/slots.gz. CORPUS is the folder the extraction
# scripts in tools/corpus/ wrote (one sub-folder per source, docs/training-data.md);
# the weights are in tools/corpus_weights.sh.
set -euo pipefail
CORPUS="${1:?usage: tools/train_slot_model.sh CORPUS_DIR [OUTPUT]}"
OUTPUT="${2:-lexicons/slots.gz}"
source "$(dirname "$0")/corpus_weights.sh"
mapfile -t args < <(corpus_args "$CORPUS")
exec python "$(dirname "$0")/train_slot_model.py" "${args[@]}" -o "$OUTPUT"
