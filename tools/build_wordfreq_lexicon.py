"""Raise jieba's counts to what wordfreq measures in today's text (lexicons/base_wordfreq.tsv).

    pip install wordfreq==3.1.1   # brings msgpack; by hand only, never a dependency
    python tools/build_wordfreq_lexicon.py -o lexicons/base_wordfreq.tsv

jieba's dictionary counts words as a late-1990s corpus used them: 群组 3 (党组 580),
社群 38, 行政处罚 3. wordfreq (Robyn Speer; Chinese from Wikipedia, subtitles, news,
books and web text) gives each word's share of running text today. For every word of
jieba's dictionary that holds a default candidate, this writes wordfreq's share scaled to
jieba's total count, where that is higher than jieba's own count. Only words jieba
already has are raised: wordfreq's other Chinese tokens come from its own segmentation
and include fragments (有群, 业的). Its counts are floors: the hand-written lexicons may
raise them, not lower them (restore.wordtable, lexicons/README.md).
"""

from __future__ import annotations

import argparse
import gzip
import re
from importlib.metadata import version
from pathlib import Path

CANDIDATES = "党政群业"
HAN_WORD = re.compile(r"[\u4e00-\u9fff]{2,12}")

HEADER = """\
# file: lexicons/base_wordfreq.tsv
# format: WORD<TAB>WEIGHT ; WEIGHT is a jieba-style count: wordfreq's share of the word in running text times jieba's total count ({total:,}); '#' starts a comment line
# source: wordfreq {wordfreq} (data/large_zh.msgpack.gz; https://github.com/rspeer/wordfreq), selected by tools/build_wordfreq_lexicon.py: words of jieba {jieba}'s dict.txt that hold 党, 政, 群 or 业 and that wordfreq finds more often than jieba counts them ({n} words)
# licence: CC BY-SA 4.0 (wordfreq's data, by Robyn Speer and contributors; this file is a derivative and is shared under the same licence)
# used by: restore.rank (raises jieba's counts; a floor: the hand-written lexicons loaded after it may raise a count, not lower it; a user's --lexicon has the last word)
"""


def jieba_counts() -> tuple[dict[str, int], int]:
    """jieba's dict.txt: word -> count, and the total count."""
    import jieba

    counts: dict[str, int] = {}
    path = Path(jieba.__file__).parent / "dict.txt"
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            word, count, *_ = line.split(" ")
            counts[word] = int(count)
    return counts, sum(counts.values())


def wordfreq_shares() -> dict[str, float]:
    """wordfreq's Chinese words and their shares of running text (its file lists words
    in buckets of one centibel: bucket i holds the words of share 10^(-i/100))."""
    import msgpack
    import wordfreq

    path = Path(wordfreq.__file__).parent / "data" / "large_zh.msgpack.gz"
    buckets = msgpack.unpackb(gzip.decompress(path.read_bytes()), raw=False)[1:]
    return {word: 10 ** (-i / 100) for i, bucket in enumerate(buckets) for word in bucket}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-o", "--output", type=Path, required=True)
    args = ap.parse_args()
    counts, total = jieba_counts()
    raised = {}
    for word, share in wordfreq_shares().items():
        old = counts.get(word)
        if old is None or not HAN_WORD.fullmatch(word) or not any(c in word for c in CANDIDATES):
            continue
        new = round(share * total)
        if new > old:
            raised[word] = new
    head = HEADER.format(total=total, wordfreq=version("wordfreq"), jieba=version("jieba"), n=len(raised))
    body = "".join(f"{word}\t{raised[word]}\n" for word in sorted(raised))
    args.output.write_text(head + body, encoding="utf-8")


if __name__ == "__main__":
    main()
