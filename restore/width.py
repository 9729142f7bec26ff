"""How many symbols the page's filter wrote per hidden character, and the page read at one.

Some filters write each hidden character as two symbols: ``**员干部`` for 党员干部. The
page shows its convention: a one-symbol filter leaves runs of every length, most of them
single (党建, 行政, 企业 each hide one character), so a page whose every run is of even
length, three runs or more, was filtered two symbols per character. (One or two runs
say little: ``**`` is 党政 as often as 党.) With one or two runs, all even, the page's
own reading decides: a one-symbol filter that hid 党党 would need text that doubles 党,
which Chinese hardly ever does, so when every run would be restored at one symbol per
character with a reading that doubles each character (``**员`` as 党党员), the page is read
at two. (Restored, not merely ranked first: a run left alone says nothing, and a second
run over the output must decide as the first did.) On a Markdown page ``**`` is bold,
and nothing is inferred there.

A two-symbol page is read collapsed, each pair of symbols as one, and the edits are
mapped back: a restored character then replaces both of its symbols.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from .model import Edit, Mask, MaskState

#: A page needs this many runs, all of even length, to be read two symbols per character:
#: two ``**`` alone are as often 党政 twice.
MIN_EVEN_RUNS = 3


def infer_width(masks: Sequence[Mask]) -> int:
    """1 or 2: the symbols per hidden character that the page's runs show. Only plain
    masks count: a star pair that may be emphasis says nothing about the filter."""
    lengths = [m.end - m.start for m in masks if m.state is MaskState.OPEN]
    if len(lengths) >= MIN_EVEN_RUNS and all(n % 2 == 0 for n in lengths):
        return 2
    return 1


def reads_doubled(
    text: str, masks: Sequence[Mask], edits: Sequence[Edit], count: Callable[[str], int | None]
) -> bool:
    """Whether every run is of even length and restored at one symbol per character
    with a reading that doubles each character where no word holds the pair (``**员``:
    党党员): the sign of a two-symbol filter on a page with too few runs for
    :func:`infer_width`. ``count`` is the word table's
    (:meth:`restore.wordtable.WordTable.count`): a word that holds the pair (一群群,
    兢兢业业) is Chinese's own doubling."""
    runs = {(m.start, m.end) for m in masks if m.state is MaskState.OPEN}
    if not runs or any((end - start) % 2 for start, end in runs):
        return False
    best = {(e.start, e.end): e.replacement for e in edits if e.kind == "mask" and e.replacement}
    for start, end in runs:
        reading = best.get((start, end))
        if reading is None or not _doubled(reading):
            return False
        filled = text[max(0, start - WORD_REACH) : start] + reading + text[end : end + WORD_REACH]
        at = min(start, WORD_REACH)
        if any(_in_a_word(filled, at + i, count) for i in range(0, len(reading), 2)):
            return False
    return True


#: How far from a doubled pair a word that holds it may begin or end (兢兢业业).
WORD_REACH = 3


def _in_a_word(filled: str, i: int, count: Callable[[str], int | None]) -> bool:
    """Whether a word of three characters or more holds ``filled[i : i + 2]``."""
    for a in range(max(0, i - WORD_REACH), i + 1):
        for b in range(i + 2, min(len(filled), i + 2 + WORD_REACH) + 1):
            if b - a >= 3 and (count(filled[a:b]) or 0) > 0:
                return True
    return False


def _doubled(reading: str) -> bool:
    return len(reading) % 2 == 0 and all(reading[i] == reading[i + 1] for i in range(0, len(reading), 2))


def collapse(text: str, masks: Sequence[Mask]) -> tuple[str, list[int]]:
    """``text`` with each run of ``2k`` symbols cut to ``k`` (a run of odd length, which
    no two-symbol filter writes, stays whole), and the map from the collapsed text's
    offsets (and its end) back to ``text``'s."""
    pieces: list[str] = []
    origin: list[int] = []
    pos = 0
    for m in sorted(masks, key=lambda m: m.start):
        pieces.append(text[pos : m.start])
        origin.extend(range(pos, m.start))
        step = 2 if (m.end - m.start) % 2 == 0 else 1
        pieces.append(text[m.start : m.start + (m.end - m.start) // step])
        origin.extend(range(m.start, m.end, step))
        pos = m.end
    pieces.append(text[pos:])
    origin.extend(range(pos, len(text) + 1))
    return "".join(pieces), origin


#: The note on a run of odd length on a two-symbol page, left alone.
LONE_SYMBOL = "a run of odd length where the filter wrote two symbols per character"


def expand(edits: Sequence[Edit], origin: list[int]) -> list[Edit]:
    """Edits on the collapsed text as edits on the page: a mask edit covers both
    symbols of each character (its end maps to what follows the run); a gap stays
    where it was. A run of odd length, which no two-symbol filter writes and which
    :func:`collapse` kept whole, is reported and not filled."""
    out = []
    for e in edits:
        wide = replace(e, start=origin[e.start], end=origin[e.end])
        if wide.replacement is not None and wide.end - wide.start != 2 * len(wide.replacement):
            wide = replace(wide, replacement=None, note=LONE_SYMBOL)
        out.append(wide)
    return out
