"""Clean text -> a gap model: at each place the gap rules find, were digits deleted?

Each document is damaged the way the scraper damages it (every run of three or more
digits deleted, :func:`restore.slottrain.damage`), which says where the deletions were.
The gap rules then run over the damaged text with no confidence cut, and every place
they find is counted, as deleted or as nothing, by its rule and by its context in
every shape of :data:`restore.gapmodel.SHAPES`.

Training runs by hand (``tools/train_gap_model.py``), never at install or run time.
"""

from __future__ import annotations

from collections.abc import Iterable

from .gapmodel import SHAPES, SIDE, GapModel, rule_name
from .gaps import find_gaps
from .slotmodel import EDGE, Table, normalise
from .slottrain import damage


def count(docs: Iterable[str]) -> tuple[dict[str, list[int]], list[dict[str, list[int]]], int]:
    """Count the rules' places over ``docs`` (clean text): per rule and per context,
    [deleted, nothing]; and the number of characters read."""
    rules: dict[str, list[int]] = {}
    tables: list[dict[str, list[int]]] = [{} for _ in SHAPES]
    chars = 0
    for doc in docs:
        text, deleted_at = damage(doc)
        chars += len(text)
        places = find_gaps(text, (), 0.0)
        if not places:
            continue
        deleted = set(deleted_at)
        padded = EDGE * SIDE + normalise(text) + EDGE * SIDE
        for gap in places:
            column = 0 if gap.offset in deleted else 1
            rules.setdefault(rule_name(gap.reason), [0, 0])[column] += 1
            p = gap.offset + SIDE
            for bit, (k, m) in enumerate(SHAPES):
                tables[bit].setdefault(padded[p - k : p + m], [0, 0])[column] += 1
    return rules, tables, chars


def train(docs: Iterable[str], sources: list[str]) -> GapModel:
    """Count ``docs`` and return the model."""
    rules, tables, chars = count(docs)
    return GapModel(rules, [Table.from_rows(t, 2) for t in tables], chars, sources)
