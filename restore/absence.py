"""How much a character's absence from a page says that the page's filter hid it.

A filter hides every occurrence of its characters, so a page that never shows 业 either
had 业 hidden or never used it. Characters spread unevenly over pages: 业 is in most
pages on the economy and in few chats, so a long page without it is common even when
nothing hid it. The chance of that is a negative binomial in the page's length, fitted
to the training corpora by ``tools/fit_absence.py`` (``lexicons/alphabet/absence.tsv``).
A Poisson at news rates, which this replaces, took a 2,000-character forum page without
业 for proof that 业 was hidden; half the forum pages that show no 业 hide none.
"""

from __future__ import annotations

import math
import os
from functools import cache

#: A character the table does not list (a user's ``--candidates``): a rate typical of a
#: content character, spread as unevenly as the listed ones.
DEFAULT = (0.001, 0.3)


@cache
def _table() -> dict[str, tuple[float, float]]:
    """``lexicons/alphabet/absence.tsv``: character -> (rate, dispersion)."""
    from .lexicon import LexiconError, builtin_lexicon_dir

    path = os.path.join(builtin_lexicon_dir(), "alphabet", "absence.tsv")
    table: dict[str, tuple[float, float]] = {}
    try:
        with open(path, encoding="utf-8") as fh:
            for lineno, line in enumerate(fh, 1):
                if not line.strip() or line.startswith("#"):
                    continue
                fields = line.rstrip("\n").split("\t")
                try:
                    ch, rate, k = fields
                    table[ch] = (float(rate), float(k))
                except ValueError:
                    raise LexiconError(f"{path}:{lineno}: expected CHAR, RATE and DISPERSION") from None
    except OSError as exc:
        raise LexiconError(f"{path}: cannot read ({exc.strerror or exc})") from None
    return table


def absent_if_shown(ch: str, length: int) -> float:
    """P(a page of ``length`` characters lacks ``ch``, though its filter did not hide it).

    >>> round(absent_if_shown("业", 2000), 2)
    0.27
    >>> absent_if_shown("业", 0)
    1.0
    """
    rate, k = _table().get(ch, DEFAULT)
    return math.exp(-k * math.log1p(max(length, 0) * rate / k))
