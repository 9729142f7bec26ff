"""Pages that space their numbers from Han text: ``2023 年 8 月``, ``共 361 个``.

Many blogs, technical pages and Markdown documents put a space between Han characters
and digits or Latin words (the "pangu" convention). When the scraper deletes a number
there, the spaces stay: ``⏎ 年 8 月 25 日``, ``共  个落子点``. The gap rules read
characters next to each other (``共‸个``), so on such a page they read a view with
those spaces taken out (those between Han and anything but a Latin letter), and each
place they find is put back where the number stood: between the two spaces a deleted
number leaves, after a lone space that follows Han (在 1912年), and after one at a line's
start or after a sign (2023 年, | 300万 |) on the side the page's kept numbers put their
space.

A page uses the convention when it shows :data:`SPACED` or more spaced transitions
between a Han character and a digit or a Latin letter; other pages are read as they are.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from functools import cache

from ..chars import is_han

#: How many spaced Han-alphanumeric transitions make a page's convention.
SPACED = 3


@cache
def _transition_re() -> re.Pattern[str]:
    # Found at the space, which the engine looks for alone.
    return re.compile(r" (?:(?<=[\u4e00-\u9fff] )(?=[0-9A-Za-z])|(?<=[0-9A-Za-z] )(?=[\u4e00-\u9fff]))")


def spaces_numbers(text: str) -> bool:
    """Whether the page spaces digits and Latin words from Han text."""
    transitions = _transition_re().finditer(text)
    return sum(1 for _ in zip(range(SPACED), transitions)) == SPACED


def _joins(ch: str) -> bool:
    """A character a number's space may stand beside, on the side away from Han: anything
    but a Latin letter (用 Go 写 spaces a word, not a number) or another space."""
    return not (ch.isascii() and ch.isalpha()) and ch != " "


@cache
def _run_re() -> re.Pattern[str]:
    return re.compile(r"(?<! ) {1,2}(?! )")


class Despaced:
    """A page read without the spaces of its convention.

    Only the removed runs are kept, so a page of any length costs memory for its spaces,
    not for its characters; an offset is mapped by bisection."""

    __slots__ = ("_at", "_ends", "_removed", "_starts", "_view_starts", "view")

    def __init__(self, text: str, runs: list[tuple[int, int, int]]) -> None:
        """``runs``: each removed run's start and end in ``text``, and where in the page a
        gap found right after it stands."""
        pieces, pos = [], 0
        # Packed: a page of millions of spaced numbers holds millions of runs.
        self._starts = array("q")
        self._ends = array("q")
        self._at = array("q")
        self._view_starts = array("q")  # the view's offset where each run stood
        self._removed = array("q")  # spaces removed up to and including each run
        removed = 0
        for a, b, at in runs:
            pieces.append(text[pos:a])
            self._starts.append(a)
            self._ends.append(b)
            self._at.append(at)
            self._view_starts.append(a - removed)
            removed += b - a
            self._removed.append(removed)
            pos = b
        pieces.append(text[pos:])
        #: The page, those spaces taken out.
        self.view = "".join(pieces)

    def gap_at(self, offset: int) -> int:
        """Where a place the rules found at ``offset`` of the view stands in the page."""
        k = bisect_right(self._view_starts, offset) - 1
        if k >= 0 and self._view_starts[k] == offset:
            return self._at[k]
        return offset + (self._removed[k] if k >= 0 else 0)

    def to_view(self, offset: int) -> int | None:
        """The view's offset of the page's character at ``offset``; None for a removed
        space."""
        k = bisect_right(self._starts, offset) - 1
        if k >= 0 and offset < self._ends[k]:
            return None
        return offset - (self._removed[k] if k >= 0 else 0)

    def from_gap(self, offset: int) -> int | None:
        """The view's offset of a place that :meth:`gap_at` puts at ``offset``, if any."""
        k = bisect_right(self._at, offset) - 1
        if k >= 0 and self._at[k] == offset:
            return self._view_starts[k]
        view = self.to_view(offset)
        return view if view is not None and self.gap_at(view) == offset else None


def _after_marker(text: str, a: int) -> bool:
    """The space at ``a`` follows a list marker at a line's start (``- ``, ``* ``, ``> ``),
    indented or inside a quote (``> - ``)."""
    if a < 1 or text[a - 1] not in "-*+>":
        return False
    return not text[_line_start(text, a - 1) : a - 1].strip(" \t>")


def _line_start(text: str, at: int) -> int:
    """Where the line that holds ``at`` begins (after an LF or a CR)."""
    return max(text.rfind("\n", 0, at), text.rfind("\r", 0, at)) + 1


def _is_table_row(line: str) -> bool:
    """A line that opens with ``|`` (after its indent): a table's row."""
    return line.lstrip(" \t").startswith("|")


def _before_last_dash(text: str, b: int) -> bool:
    """The space ending at ``b`` stands before a dash that ends its line (``史铁生 -``)."""
    return text[b : b + 1] in ("-", "—") and text[b + 1 : b + 2] in ("", "\n", "\r")


def despaced(text: str) -> Despaced:
    """The page without each run of one or two spaces that stands between a Han
    character and anything but a Latin letter; a lone space after a list marker or
    before a line's last dash stays."""
    runs: list[tuple[int, int, int]] = []
    attached: dict[bool, bool] = {}  # for table rows and for the rest, read when first needed
    for m in _run_re().finditer(text):
        a, b = m.span()
        left = text[a - 1] if a else ""
        right = text[b] if b < len(text) else ""
        if not ((is_han(left) and _joins(right)) or (is_han(right) and _joins(left))):
            continue  # 20 16:30 is two numbers; a space between digits is theirs
        if b - a == 1 and (_after_marker(text, a) or _before_last_dash(text, b)):
            continue  # a list's "- 省略", a line's closing "史铁生 -": the space separates
        # 在 ‸年 (在 1912年): a lone space after Han stood before the number. One after an
        # edge (a line's start, a colon, a table's |) stood after it on a page that
        # spaces its numbers from the Han after them (2023 年), and before it on one that
        # writes them together (| 300万 |, 发布日期： 2021年).
        if b - a == 2 or is_han(left):
            at = a + 1
        else:
            row = _in_table_row(text, a)
            if row not in attached:
                attached[row] = _attaches_numbers(text, row)
            at = a + 1 if attached[row] else a
        runs.append((a, b, at))
    return Despaced(text, runs)


@cache
def _number_han_res() -> tuple[re.Pattern[str], re.Pattern[str]]:
    return re.compile(r"[0-9](?=[\u4e00-\u9fff])"), re.compile(r"[0-9] (?=[\u4e00-\u9fff])")


def _in_table_row(text: str, a: int) -> bool:
    """Whether the character at ``a`` stands on a table's row."""
    return _is_table_row(text[_line_start(text, a) : a])


def _attaches_numbers(text: str, rows: bool) -> bool:
    """Whether the page's kept numbers stand right before the Han after them (300万, 11月)
    more often than a space away (8 月): in its table rows (``rows``), which often write
    them otherwise than its prose, or in the rest of it; where that part shows none, in
    the whole page."""
    together, spaced = _number_han_res()
    lines = [line for line in text.splitlines() if _is_table_row(line) == rows]
    part = "\n".join(lines)
    counts = len(together.findall(part)), len(spaced.findall(part))
    if counts == (0, 0):  # the part shows no number before Han: the page as a whole says
        counts = len(together.findall(text)), len(spaced.findall(text))
    return counts[0] > counts[1]
