"""Give a hand-written compound's sibling its due where varied text uses it far more
(lexicons/siblings.tsv).

    python tools/build_sibling_lexicon.py CORPUS_DIR[:WEIGHT]... -o lexicons/siblings.tsv

The hand-written lexicons list compounds that jieba splits (政务数据: 政务|数据). In the
word lattice a listed compound outweighs any reading of its parts by the whole cost of
a second word, so ``*务数据`` reads as 政务数据 even where the page means 业务数据, a
compound no lexicon lists. For each such compound and each candidate it holds, the
sibling with another candidate in that place is written when the training corpora hold
it at least :data:`MIN_SEEN` times and :data:`RATIO` times as often as the compound, at
the compound's weight scaled by that ratio (at most :data:`CAP` times the compound's).
``tools/build_sibling_lexicon.sh`` holds the exact command. Runs by hand, never in CI.
"""

from __future__ import annotations

import sys
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

from build_wordfreq_lexicon import jieba_counts  # noqa: E402
from train_slot_model import parser, read_corpora  # noqa: E402

CANDIDATES = "党政群业"
#: The hand-written lexicons whose compounds get siblings.
HAND_WRITTEN = ("official.tsv", "collocations.tsv")
#: How often a sibling must stand in the corpora, and how many times as often as the
#: compound, to be written.
MIN_SEEN = 50
RATIO = 10
#: A sibling's weight is at most this many times its compound's.
CAP = 10

HEADER = """\
# file: lexicons/siblings.tsv
# format: WORD<TAB>WEIGHT ; WEIGHT is a jieba-style count: the hand-written compound's weight times how many times as often the training corpora hold the sibling (at most {cap} times); '#' starts a comment line
# source: tools/build_sibling_lexicon.py over official.tsv and collocations.tsv and the training corpora of docs/training-data.md: for each compound that jieba {jieba}'s dict.txt splits, the sibling with another candidate in a candidate's place, where the corpora hold it {min_seen} times or more and {ratio} times as often as the compound ({n} words)
# licence: MIT (same as the project); counts only, no text
# used by: restore.rank (added to jieba's dictionary, as the hand-written lexicons are)
"""


def read_lexicon(path: Path) -> dict[str, int]:
    out: dict[str, int] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            word, weight = line.split("\t")[:2]
            out[word] = int(weight)
    return out


def splits(word: str, dictionary: dict[str, int]) -> bool:
    """Whether ``word`` reads as two or more dictionary words of two characters or more."""
    reach = [True] + [False] * len(word)
    for i in range(len(word)):
        if reach[i]:
            for j in range(i + 2, len(word) + 1):
                if (j - i < len(word)) and word[i:j] in dictionary:
                    reach[j] = True
    return reach[-1]


def siblings(compounds: dict[str, int], listed: set[str], text: str) -> dict[str, int]:
    """The siblings of ``compounds`` (word -> weight) that ``text`` holds far more often,
    with their weights; words already ``listed`` are left to their own lexicon."""
    out: dict[str, int] = {}
    for word, weight in compounds.items():
        seen = text.count(word)
        for i, ch in enumerate(word):
            if ch not in CANDIDATES:
                continue
            for other in CANDIDATES:
                sibling = word[:i] + other + word[i + 1 :]
                if other == ch or sibling in listed:
                    continue
                count = text.count(sibling)
                if count >= MIN_SEEN and count >= RATIO * (seen + 1):
                    scaled = round(weight * (count + 0.5) / (seen + 0.5))
                    out[sibling] = max(out.get(sibling, 0), min(scaled, CAP * weight))
    return out


def main() -> None:
    args = parser(__doc__).parse_args()
    lines, _ = read_corpora(args.corpora)
    text = "\n".join(lines)
    jieba, _ = jieba_counts()
    lexicons = ROOT / "lexicons"
    listed = set(jieba)
    for path in lexicons.glob("*.tsv"):
        if path.name != "siblings.tsv":
            listed |= set(read_lexicon(path))
    compounds: dict[str, int] = {}
    for name in HAND_WRITTEN:
        for word, weight in read_lexicon(lexicons / name).items():
            if word not in jieba and splits(word, jieba):
                compounds[word] = weight
    found = siblings(compounds, listed, text)
    head = HEADER.format(cap=CAP, jieba=version("jieba"), min_seen=MIN_SEEN, ratio=RATIO, n=len(found))
    args.output.write_text(head + "".join(f"{w}\t{found[w]}\n" for w in sorted(found)), encoding="utf-8")
    print(f"{len(found)} siblings: {' '.join(sorted(found))}", file=sys.stderr)


if __name__ == "__main__":
    main()
