"""Clean text -> a slot model: count which character stands between which neighbours.

Clean text labels itself: every character is a reading of its neighbours, a candidate
or OTHER. The text is first damaged the way the scraper damages it (every run of three
or more digits deleted; full-width digits count as digits), so that the contexts are
those the tool will meet.

Counting runs in two passes:

1. every occurrence of a candidate, in every context shape; a context is kept when it
   holds enough of them (:data:`MIN_CANDIDATES`);
2. for the kept contexts only, how often any character stood between their
   neighbours: overlapping skip-grams found by the regular expression engine, counted
   by ``collections.Counter`` and intersected with the kept contexts as sets, so the
   per-character work is done in C. OTHER is that count less the candidates'.

Training runs by hand (``tools/train_slot_model.py``), never at install or run time.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator

from .slotmodel import EDGE, SIDE, SlotModel, Table, normalise, shapes

#: A context is kept when it holds at least this many candidates, by its length: a
#: single sighting of a long context is noise.
MIN_CANDIDATES = {0: 0, 1: 1, 2: 1, 3: 2, 4: 2, 5: 2, 6: 2, 7: 2, 8: 2}
#: Characters of damaged text per counting chunk (bounds the n-gram lists in memory).
CHUNK = 1 << 20
_RUN = re.compile(r"[0-9]{3,}")
_FULLWIDTH = str.maketrans("０１２３４５６７８９", "0123456789")


def damage(text: str) -> tuple[str, list[int]]:
    """``text`` as the scraper leaves it (every run of 3+ digits deleted), and the
    offsets in the damaged text where runs were deleted.

    >>> damage("由2013年的2600元，增长12%")
    ('由年的元，增长12%', [1, 3])
    """
    text = text.translate(_FULLWIDTH)
    out: list[str] = []
    gaps: list[int] = []
    pos = 0
    length = 0
    for m in _RUN.finditer(text):
        out.append(text[pos : m.start()])
        length += m.start() - pos
        gaps.append(length)
        pos = m.end()
    out.append(text[pos:])
    return "".join(out), gaps


def chunks(docs: Iterable[str], side: int = SIDE) -> Iterator[str]:
    """Damaged, normalised documents joined by line breaks into chunks of about
    :data:`CHUNK` characters, padded with ``side`` text edges."""
    pieces: list[str] = [EDGE * side]
    size = side
    for doc in docs:
        damaged = normalise(damage(doc)[0])
        pieces.append(damaged + EDGE)
        size += len(damaged) + 1
        if size >= CHUNK:
            yield "".join(pieces) + EDGE * side
            pieces, size = [EDGE * side], side
    if size > side:
        yield "".join(pieces) + EDGE * side


def count(docs: Iterable[str], candidates: str, side: int = SIDE) -> tuple[list[dict[str, list[int]]], int]:
    """Count readings by context over ``docs`` (clean text). Returns one table per
    shape of ``shapes(side)`` (context -> one count per candidate, OTHER last) and the
    number of characters read. ``docs`` is read twice."""
    docs = list(docs)
    layout = shapes(side)
    width = len(candidates) + 1
    found_re = re.compile("[" + re.escape(candidates) + "]")
    seen: list[dict[str, list[int]]] = [{} for _ in layout]
    chars = 0
    for chunk in chunks(docs, side):
        chars += len(chunk) - 2 * side
        for found in found_re.finditer(chunk):
            i = found.start()
            col = candidates.index(found.group())
            for bit, (k, m) in enumerate(layout):
                row = seen[bit].setdefault(chunk[i - k : i] + chunk[i + 1 : i + 1 + m], [0] * width)
                row[col] += 1
    tables = [
        {key: row for key, row in seen[bit].items() if sum(row) >= MIN_CANDIDATES[k + m]}
        for bit, (k, m) in enumerate(layout)
    ]
    # Pass 2: how often any character stood between each kept context's neighbours.
    between: list[Counter[str]] = [Counter() for _ in layout]
    kept = [set(t) for t in tables]
    for chunk in chunks(docs, side):
        for bit, (k, m) in enumerate(layout):
            if k + m == 0:
                between[bit][""] += len(chunk) - 2 * side
                continue
            skips = Counter(map("".join, re.findall(f"(?=(.{{{k}}}).(.{{{m}}}))", chunk, re.DOTALL)))
            for key in kept[bit].intersection(skips):
                between[bit][key] += skips[key]
    for bit, table in enumerate(tables):
        for key, row in table.items():
            row[-1] = max(between[bit][key] - sum(row[:-1]), 0)
    return tables, chars


def train(docs: list[str], candidates: str, sources: list[str], side: int = SIDE) -> SlotModel:
    """Count ``docs`` with ``side`` characters of context each side and return the model."""
    tables, chars = count(docs, candidates, side)
    width = len(candidates) + 1
    return SlotModel(candidates, [Table.from_rows(t, width) for t in tables], chars, sources, side)
