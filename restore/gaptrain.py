"""Clean text -> a gap model: at each place the gap rules find, were digits deleted?

Each document is damaged the way the scraper damages it (every run of three or more
digits deleted, :func:`restore.slottrain.damage`), which says where the deletions were.
The gap rules then run over the damaged text with no confidence cut, and every place
they find is counted, as deleted or as nothing, by its rule and by its context in
every shape of :data:`restore.gapmodel.SHAPES`.

Training runs by hand (``tools/train_gap_model.py``), never at install or run time.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .gapmodel import SHAPES, UNVETOED, GapModel, rule_name
from .gaps import find_gaps
from .slotmodel import EDGE, Table, normalise
from .slottrain import damage

#: A number of one or two digits, which the scraper keeps.
_SHORT = re.compile(r"(?<![0-9])[0-9]{1,2}(?![0-9])")
#: Characters each side of a short number that the rules read when it is taken out.
WINDOW = 12


def count(docs: Iterable[str]) -> tuple[dict[str, list[int]], list[dict[str, list[int]]], int]:
    """Count the rules' places over ``docs`` (clean text): per rule and per context,
    [deleted, short, nothing]; and the number of characters read.

    ``deleted`` and ``nothing`` are the places the rules find in the damaged text, before
    the filters that drop idioms, names and the like (``find_gaps(filtered=False)``): a
    better filter then changes what is marked, not the model's counts. A
    ``short`` place is one the rules find where a number of one or two digits stands,
    read as if it were gone: the scraper keeps such numbers, so they never make a gap,
    but they say where a number belongs, which is most of what tells a gap from a word
    (收治的25例患者 has no three-digit number to delete, and shows 例患 after one)."""
    rules: dict[str, list[int]] = {}
    tables: list[dict[str, list[int]]] = [{} for _ in SHAPES]
    chars = 0
    for doc in docs:
        text, deleted_at = damage(doc)
        chars += len(text)
        deleted = set(deleted_at)
        for gap in find_gaps(text, (), 0.0, filtered=False):
            if rule_name(gap.reason) not in UNVETOED:
                _count(rules, tables, text, gap.offset, gap.reason, 0 if gap.offset in deleted else 2)
        for m in _SHORT.finditer(text):
            a, b = m.span()
            lo = max(0, a - WINDOW)
            window = text[lo:a] + text[b : b + WINDOW]
            for gap in find_gaps(window, (), 0.0, filtered=False):
                if gap.offset == a - lo and rule_name(gap.reason) not in UNVETOED:
                    _count(rules, tables, window, gap.offset, gap.reason, 1)
    return rules, tables, chars


def _count(
    rules: dict[str, list[int]],
    tables: list[dict[str, list[int]]],
    text: str,
    offset: int,
    reason: str,
    column: int,
) -> None:
    """Count one place in ``column`` (0 deleted, 1 short, 2 nothing), by its rule and by
    its context in every shape, the text's edges padded as the model reads them."""
    rules.setdefault(rule_name(reason), [0, 0, 0])[column] += 1
    for bit, (k, m) in enumerate(SHAPES):
        left = normalise(text[max(0, offset - k) : offset])
        right = normalise(text[offset : offset + m])
        key = EDGE * (k - len(left)) + left + right + EDGE * (m - len(right))
        tables[bit].setdefault(key, [0, 0, 0])[column] += 1


#: Contexts of three or four characters seen fewer times than this are not kept: one
#: sighting moves a place's probability a fifth of the way from its parents' and is as
#: often chance as evidence. Dropping them halves the model and its load time and
#: changes no dev figure but raises laws' gap precision (benchmarks/README.md).
MIN_COUNT = 2


def train(docs: Iterable[str], sources: list[str]) -> GapModel:
    """Count ``docs`` and return the model, less its rare long contexts (:data:`MIN_COUNT`)."""
    rules, tables, chars = count(docs)
    kept = [
        {c: row for c, row in t.items() if k + m < 3 or sum(row) >= MIN_COUNT}
        for (k, m), t in zip(SHAPES, tables)
    ]
    return GapModel(rules, [Table.from_rows(t, 3) for t in kept], chars, sources)
