"""Build lexicons/gaps/idioms.tsv and lexicons/gaps/names.tsv from jieba's dictionary: the
four-character idioms that begin with a character the gap rules read as a unit or a year
(万劫不复, 年复一年), and the people's names with such a character inside (傅斯年).

    python tools/build_gap_idioms.py

A literary page writes 万念俱灰 and 年复一年 where a report would write 1000万 and 2023年;
the rules see a unit after an ordinary word and mark a gap. jieba's dictionary (MIT, the
package restore already depends on) tags idioms ``i`` and set phrases ``l`` (年过半百),
and time words ``t`` that repeat their first character (年复一年); those whose first
character is one the rules read and whose second is not itself a unit (万人之上 could
follow 1000万人) are listed, with jieba's count of at least MIN_COUNT.

A name is read the same way: 傅斯年 shows the year rule a 年 after an ordinary character.
jieba tags people's names ``nr`` (and ``nrt``, ``nrfg``); those of three characters that
open with a common surname (restore.names.SURNAMES: the tag alone also holds 三万人 and
丁克家庭) and hold a unit or year character after it are listed, keyed by that character.
Runs by hand; the results are committed.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import jieba

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from restore.gaps import units  # noqa: E402
from restore.names import SURNAMES  # noqa: E402

#: Rarer idioms than this in jieba's counts are left out.
MIN_COUNT = 3
#: jieba's tags of idioms (i) and set phrases (l, 年过半百). Time words (t) are taken
#: only when their first character comes back in them (年复一年, 日复一日): the others
#: can follow a number (2024元旦假期).
IDIOM_TAGS = frozenset("il")
OUTPUT = ROOT / "lexicons" / "gaps" / "idioms.tsv"
NAMES_OUTPUT = ROOT / "lexicons" / "gaps" / "names.tsv"
#: jieba's tags of people's names.
NAME_TAGS = frozenset({"nr", "nrt", "nrfg"})


def main() -> None:
    unit_chars = {u[0] for u in (*units._HARD_UNITS, *units._MEASURES)} | set("年月日万亿元人")
    dictionary = Path(os.path.dirname(jieba.__file__)) / "dict.txt"
    entries = set()
    names = set()
    for line in dictionary.read_text(encoding="utf-8").splitlines():
        word, count, tag = line.split(" ")
        fixed = tag in IDIOM_TAGS or (tag == "t" and word[0] in word[1:])
        four = fixed and len(word) == 4 and int(count) >= MIN_COUNT
        if four and word[0] in unit_chars and word[1] not in unit_chars:
            entries.add((word[0], word))
        if tag in NAME_TAGS and len(word) == 3 and int(count) >= MIN_COUNT and word[0] in SURNAMES:
            names.update((ch, word) for ch in word[1:] if ch in unit_chars)
    header = [
        "# file: lexicons/gaps/idioms.tsv",
        "# format: CHAR<TAB>IDIOM ; a four-character idiom that begins with a character the gap rules read as a unit or"
        " a year: no number stood before it (万劫不复, 年复一年); '#' starts a comment line",
        f"# source: jieba {jieba.__version__} dict.txt (words tagged i or l, and t that repeat their first"
        f" character; count >= {MIN_COUNT}), selected by"
        " tools/build_gap_idioms.py",
        "# licence: MIT (jieba)",
        "# used by: restore.gaps (a place before an idiom is no gap)",
    ]
    OUTPUT.write_text("\n".join(header + [f"{c}\t{w}" for c, w in sorted(entries)]) + "\n", encoding="utf-8")
    print(f"{len(entries)} idioms -> {OUTPUT}", file=sys.stderr)
    header = [
        "# file: lexicons/gaps/names.tsv",
        "# format: CHAR<TAB>NAME ; a person's name of three characters with a character the gap rules read as a"
        " unit or a year after its surname: no number stood inside it (傅斯年); '#' starts a comment line",
        f"# source: jieba {jieba.__version__} dict.txt (words tagged nr, nrt or nrfg, of three characters, opening"
        f" with a surname of restore.names.SURNAMES; count >= {MIN_COUNT}), selected by tools/build_gap_idioms.py",
        "# licence: MIT (jieba)",
        "# used by: restore.gaps (a place inside a name is no gap)",
    ]
    NAMES_OUTPUT.write_text(
        "\n".join(header + [f"{c}\t{w}" for c, w in sorted(names)]) + "\n", encoding="utf-8"
    )
    print(f"{len(names)} names -> {NAMES_OUTPUT}", file=sys.stderr)


if __name__ == "__main__":
    main()
