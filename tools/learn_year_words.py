"""Learn the 年X words that never follow a year's number (lexicons/gaps/year_words_learned.tsv).

    python tools/learn_year_words.py CORPUS_DIR[:WEIGHT]... -o lexicons/gaps/year_words_learned.tsv

The year rule marks a gap before 年 where a number seems to be missing (缴纳‸年费 would
be "paid the 2019 fee"). Some words open with 年 and never follow a number: 年份, 年费,
年号. Clean text says which. Where the rule could fire (not after a character that makes
a word with 年, 青年 or 今年: year_words.tsv's "before" list), 年 and the character after
it are listed when the corpora hold them together at least :data:`MIN_SEEN` times, never
right after a run of three digits or more (what the scraper deletes), and after one or
two digits less than :data:`MAX_SHORT` of the time.
``tools/learn_year_words.sh`` holds the exact command. Runs by hand, never in CI.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import regex as re  # noqa: E402
from train_slot_model import parser, read_corpora  # noqa: E402

sys.path.insert(0, str(ROOT))
from restore.gaps.words import word_sets  # noqa: E402

#: How often 年X must stand in the corpora for its count to say anything.
MIN_SEEN = 40
#: The largest share of 年X after a one- or two-digit number (2年费用 would be a count).
MAX_SHORT = 0.02

HEADER = """\
# file: lexicons/gaps/year_words_learned.tsv
# format: LIST<TAB>WORD ; LIST is after (年 + it is a word that does not follow a year number: 年份, 年费), as in year_words.tsv; '#' starts a comment line
# source: learned by tools/learn_year_words.py from the training corpora of docs/training-data.md: the characters X such that 年X, where the year rule could fire, is seen {min_seen} times or more, never after three digits or more and after one or two less than {max_short:.0%} of the time
# licence: MIT (same as the project); counts only, no text
# used by: restore.gaps (the rules for 年, with year_words.tsv)
"""

_AROUND = re.compile(r"(.?)([0-9]*)年(\p{Han})")


def learn(lines: list[str], before: frozenset[str]) -> list[str]:
    """The characters X such that the lines never show 年X after a year's number, where
    the year rule could fire (not after a character of ``before``)."""
    seen: Counter[str] = Counter()
    long: Counter[str] = Counter()
    short: Counter[str] = Counter()
    for line in lines:
        for found in _AROUND.finditer(line):
            left, digits, after = found.groups()
            if not digits and left in before:
                continue  # 青年志愿者: the rule never fires after 青
            seen[after] += 1
            if len(digits) >= 3:
                long[after] += 1
            elif digits:
                short[after] += 1
    return sorted(
        ch for ch, n in seen.items() if n >= MIN_SEEN and not long[ch] and short[ch] < MAX_SHORT * n
    )


def main() -> None:
    args = parser(__doc__).parse_args()
    lines, _ = read_corpora(args.corpora)
    chars = learn(lines, word_sets("year_words")["before"])
    head = HEADER.format(min_seen=MIN_SEEN, max_short=MAX_SHORT)
    args.output.write_text(head + "".join(f"after\t{ch}\n" for ch in chars), encoding="utf-8")
    print(f"{len(chars)} words: {' '.join('年' + ch for ch in chars)}", file=sys.stderr)


if __name__ == "__main__":
    main()
