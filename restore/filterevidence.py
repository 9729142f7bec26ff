"""Which characters an input's filter hides, from the pages read before each page.

A page says little about its filter on its own: a 2,000-character forum post that
shows no 业 may hide it or may never use it. The pages of one scrape went through one
filter, though, and together they say much: if 业 stands unmasked on a third of the
pages that have masks, this filter does not hide 业, and the next short page without 业
should not be read as hiding it. If no page shows it, the filter does.

:class:`FilterEvidence` weighs the two hypotheses per candidate, the filter hides it
on every page or on none, page by page in input order: a page with masks that shows
the character (in either script) counts against hiding it, one that lacks it counts
for hiding it as much as its length makes the absence telling
(:func:`restore.absence.absent_if_shown`). Each page is ranked with the evidence of the
pages before it, never its own or later ones, so a record's output depends only on
what came before it, whatever the batching or the number of jobs. An input that mixes
filters should be read page by page (``--per-document``).
"""

from __future__ import annotations

import math
import re
from functools import cache

from .absence import absent_if_shown

#: Share of pages whose filter hides a character that show it anyway: a quoted
#: Traditional form (黨 in a Simplified post), a form the filter missed, a page that
#: another filter handled.
SLIP = 0.03
#: The evidence never makes a candidate certain either way: a page's own masks can
#: still outweigh it.
BOUND = 0.02
#: Before any page: as likely hidden as not (:data:`restore.alphabet.PRIOR_HIDDEN`).
START = 0.5
#: The running log-odds stop at twice what :data:`BOUND` lets through, so that a few
#: dozen pages of a new filter, late in a long input, turn them round.
LIMIT = 2 * math.log((1 - BOUND) / BOUND)


class FilterEvidence:
    """Running evidence, over the pages read so far, for each candidate being hidden.

    >>> ev = FilterEvidence("党政群业", "*")
    >>> for page in ["*建工作和企业发展，" * 100] * 10:  # ten pages that show 业
    ...     ev.observe(page)
    >>> {ch: round(p, 2) for ch, p in ev.prior().items()}
    {'党': 0.87, '政': 0.98, '群': 0.94, '业': 0.02}
    """

    def __init__(self, candidates: str, symbols: str) -> None:
        self.candidates = "".join(dict.fromkeys(candidates))
        #: The mask symbols: a page with none of them beside a Han character is not counted.
        self.symbols = symbols
        self._forms: list[tuple[str, ...]] = []  # made on the first page with masks (OpenCC)
        self._masked = _masked_pattern(symbols)
        self._log_odds = [math.log(START / (1 - START))] * len(self.candidates)
        #: Pages with masks read so far.
        self.pages = 0
        self._prior: dict[str, float] | None = None

    def prior(self) -> dict[str, float]:
        """P(the filter hides the character), for each candidate (asked once per page:
        remembered until the next page with masks)."""
        if self._prior is None:
            self._prior = self._bounded()
        return self._prior

    def hidden(self) -> str:
        """The candidates the evidence so far says this filter hides (more likely than not)."""
        return "".join(ch for ch, p in self.prior().items() if p > START)

    def _bounded(self) -> dict[str, float]:
        return {
            ch: min(max(1 / (1 + math.exp(-lo)), BOUND), 1 - BOUND)
            for ch, lo in zip(self.candidates, self._log_odds)
        }

    def observe(self, text: str, written: str = "") -> None:
        """Count a page (a page without masks says nothing about the filter).

        ``written``: what an earlier run of restore wrote into the page (its edits'
        replacements); those characters were hidden, and do not count as shown.
        """
        if not self._masked.search(text) and not written:
            return
        self.pages += 1
        self._prior = None
        if not self._forms:
            self._forms = [_forms(ch) for ch in self.candidates]
        length = len(text)
        for i, (ch, forms) in enumerate(zip(self.candidates, self._forms)):
            shown = sum(text.count(f) for f in forms) > sum(written.count(f) for f in forms)
            present = max(1.0 - absent_if_shown(ch, length), 1e-6)
            if shown:
                change = math.log(SLIP / present)
            else:
                change = math.log((1 - SLIP) / max(1 - present, 1e-6))
            self._log_odds[i] = min(max(self._log_odds[i] + change, -LIMIT), LIMIT)


def written_by(edits: object) -> str:
    """The characters that an earlier run's edits (a JSON list, as ``--jsonl`` writes
    them) wrote into a page: its mask replacements, joined."""
    if not isinstance(edits, list):
        return ""
    return "".join(
        e["replacement"]
        for e in edits
        if isinstance(e, dict) and e.get("kind") == "mask" and isinstance(e.get("replacement"), str)
    )


@cache
def _forms(ch: str) -> tuple[str, ...]:
    """``ch`` in every script a page may write it in (业, 業; 群, 羣)."""
    from .script import _convert

    forms = {ch, _convert(ch, "s2t")}
    if "羣" in forms or ch == "群":
        forms.update("群羣")
    return tuple(sorted(forms))


@cache
def _masked_pattern(symbols: str) -> re.Pattern[str]:
    """A mask symbol beside a Han character: the page has masks."""
    sym = "".join(re.escape(s) for s in dict.fromkeys(symbols))
    han = "\u3400-\u9fff\uf900-\ufaff"
    return re.compile(f"[{han}][{sym}]|[{sym}][{han}]")
