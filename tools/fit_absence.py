"""Fit how often a page that does not hide a character still lacks it (lexicons/alphabet/absence.tsv).

    python tools/fit_absence.py CORPUS_DIR[:WEIGHT]... -o lexicons/alphabet/absence.tsv

A page that never shows 业 may have had 业 hidden, or may simply not use it. How much
its absence says depends on how unevenly the character spreads over pages: 业 is
common in economic text and missing from most chat. Each source's text is cut into
consecutive windows of L characters (a window stands for a page of that length, its
topic kept); among the windows that hold another candidate (a page with masks hides
something), the share that lacks the character is counted for several L, weighted as
the trainers weight the sources. A negative binomial, P(absent in L) = (1 + L·r/k)^-k,
is fitted to those shares: r is the character's rate, and k how unevenly it spreads
(a Poisson is k → ∞). ``tools/fit_absence.sh`` holds the exact command behind the
shipped table. Runs by hand, never in CI.
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

from train_slot_model import CANDIDATES, parser, read_lines  # noqa: E402

#: Page lengths (characters) at which the share of windows without a character is counted.
LENGTHS = (100, 200, 500, 1000, 2000, 4000)

HEADER = """\
# file: lexicons/alphabet/absence.tsv
# format: CHAR<TAB>RATE<TAB>DISPERSION ; P(a page of L characters that does not hide CHAR lacks it) = (1 + L*RATE/DISPERSION)^-DISPERSION, among pages that hold another candidate; '#' starts a comment line
# source: fitted by tools/fit_absence.py to the training corpora of docs/training-data.md ({windows:,} weighted windows)
# licence: MIT (same as the project); the counts only, no text
# used by: restore.absence (how much a character's absence from a page says it was hidden)
"""


def absent_shares(texts: list[tuple[str, float]], candidates: str) -> dict[int, list[float]]:
    """For each length in :data:`LENGTHS`, the weighted share of windows lacking each
    candidate, among the windows that hold another one."""
    shares: dict[int, list[float]] = {}
    for length in LENGTHS:
        lacking = [0.0] * len(candidates)
        total = [0.0] * len(candidates)
        for text, weight in texts:
            for start in range(0, len(text) - length + 1, length):
                window = text[start : start + length]
                has = [c in window for c in candidates]
                held = sum(has)
                for i, present in enumerate(has):
                    if held - present:  # another candidate is in the window
                        total[i] += weight
                        lacking[i] += weight * (not present)
        shares[length] = [a / t if t else 1.0 for a, t in zip(lacking, total)]
    return shares


def fit(points: list[tuple[int, float]]) -> tuple[float, float]:
    """The (rate, dispersion) whose negative binomial best fits the shares, in squared
    log error, by a search over a log grid (two parameters: a grid is exact enough)."""
    best = (math.inf, 0.0, 0.0)
    for i in range(-100, 0):
        rate = 10 ** (i / 20)
        for j in range(-30, 20):
            k = 10 ** (j / 10)
            err = sum(
                (-k * math.log1p(length * rate / k) - math.log(max(y, 1e-6))) ** 2 for length, y in points
            )
            if err < best[0]:
                best = (err, rate, k)
    return best[1], best[2]


def main() -> None:
    args = parser(__doc__).parse_args()
    texts: list[tuple[str, float]] = []
    for spec in args.corpora:
        folder, _, weight = spec.partition(":")
        texts.append(("".join(read_lines(Path(folder))), float(weight or 1)))
    shares = absent_shares(texts, CANDIDATES)
    windows = sum(w * (len(t) // length) for t, w in texts for length in LENGTHS)
    lines = [HEADER.format(windows=round(windows))]
    for i, ch in enumerate(CANDIDATES):
        rate, k = fit([(length, shares[length][i]) for length in LENGTHS])
        print(
            ch,
            [round(shares[length][i], 3) for length in LENGTHS],
            f"rate {rate:.5f} k {k:.3f}",
            file=sys.stderr,
        )
        lines.append(f"{ch}\t{rate:.5f}\t{k:.3f}\n")
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text("".join(lines), encoding="utf-8")


if __name__ == "__main__":
    main()
