"""Add the words jieba lacks from an input method's language model (lexicons/base_libime.tsv).

    apt-get download libime-data-language-model      # 1.0.16-1; by hand, never a dependency
    dpkg-deb -x libime-data-language-model_1.0.16-1_amd64.deb pkg
    pip install kenlm==0.3.0                          # by hand, never a dependency
    python tools/build_libime_lexicon.py pkg/usr/lib/x86_64-linux-gnu/libime/zh_CN.lm \\
        -o lexicons/base_libime.tsv

jieba's dictionary was counted from late-1990s text: it has no 微信群, 手机党, 群魔 or 键盘党,
so a mask in them is read as whatever word its neighbours make (手机*: 手机群). fcitx5's
Simplified Chinese input method ships a word trigram model (KenLM, LGPL-2.1+) whose
vocabulary is today's: 165,000 words, internet and forum words among them. For every word
of that vocabulary that holds a default candidate and that jieba's dictionary lacks, this
writes the model's unigram probability scaled to jieba's total count. Words jieba has are
left to its counts and to wordfreq's (lexicons/base_wordfreq.tsv): raising them from this
model too was measured and cost the laws (docs/accuracy.md). Words of two or three
characters that open with a common surname are left out, unless they open with a
candidate (党媒): the vocabulary holds personal names (陈群, 王政), and a name would make
the mask of a name slot (陈*、赵*等人) read as a word, where :mod:`restore.names` leaves
it alone.

A KenLM binary file keeps its vocabulary at its end, as NUL-terminated strings after
``<unk>``: they are read from there, and each word's probability is asked of kenlm.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from importlib.metadata import version
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_wordfreq_lexicon import jieba_counts

from restore.names import SURNAMES

CANDIDATES = "党政群业"

HEADER = """\
# file: lexicons/base_libime.tsv
# format: WORD<TAB>WEIGHT ; WEIGHT is a jieba-style count: the word's unigram probability in the model times jieba's total count ({total:,}); '#' starts a comment line
# source: fcitx5's Simplified Chinese language model zh_CN.lm (KenLM word trigram; Debian package libime-data-language-model {package}, sha256 {sha256}; https://github.com/fcitx/libime), read with kenlm {kenlm} by tools/build_libime_lexicon.py: the words of its vocabulary that hold 党, 政, 群 or 业 and that jieba {jieba}'s dict.txt lacks, less two- and three-character words that open with a common surname other than a candidate ({n} words)
# licence: LGPL-2.1-or-later (the model's data, Copyright 2015-2022 CSSlayer; this file is derived from it and is shared under the same licence)
# used by: restore.rank (adds words jieba lacks; a floor: the hand-written lexicons loaded after it may raise a count, not lower it; a user's --lexicon has the last word)
"""


def vocabulary(model_file: Path) -> list[str]:
    """The words of a KenLM binary file, from the strings stored at its end."""
    data = model_file.read_bytes()
    start = data.rfind(b"<unk>\x00")
    if start < 0:
        raise SystemExit(f"{model_file}: no KenLM vocabulary found")
    return [w.decode("utf-8") for w in data[start:].split(b"\x00") if w and w != b"<unk>"]


def is_han_word(word: str) -> bool:
    return len(word) >= 2 and all("\u4e00" <= ch <= "\u9fff" for ch in word)


def may_be_a_name(word: str) -> bool:
    """Two or three characters after a common surname that is not itself a candidate."""
    return len(word) <= 3 and word[0] in SURNAMES and word[0] not in CANDIDATES


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("model", type=Path, help="zh_CN.lm from libime-data-language-model")
    ap.add_argument("--package", default="1.0.16-1", help="the Debian package's version, for the header")
    ap.add_argument("-o", "--output", type=Path, required=True)
    args = ap.parse_args()

    import kenlm

    counts, total = jieba_counts()
    model = kenlm.Model(str(args.model))
    added = {}
    for word in vocabulary(args.model):
        if word in counts or not is_han_word(word) or not any(c in word for c in CANDIDATES):
            continue
        if may_be_a_name(word):
            continue
        log10 = model.score(word, bos=False, eos=False)
        added[word] = max(1, round(10**log10 * total))
    head = HEADER.format(
        total=total,
        package=args.package,
        sha256=hashlib.sha256(args.model.read_bytes()).hexdigest(),
        kenlm=version("kenlm"),
        jieba=version("jieba"),
        n=len(added),
    )
    body = "".join(f"{word}\t{added[word]}\n" for word in sorted(added))
    args.output.write_text(head + body, encoding="utf-8")


if __name__ == "__main__":
    main()
