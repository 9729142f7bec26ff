"""Pages that space their numbers from Han text: ``2023 年 8 月``, ``共 361 个``.

Many blogs, technical pages and Markdown documents put a space between Han characters
and digits or Latin words (the "pangu" convention). When the scraper deletes a number
there, the spaces stay: ``⏎ 年 8 月 25 日``, ``共  个落子点``. The gap rules read
characters next to each other (``共‸个``), so on such a page they read a view with those
spaces taken out (those between Han and anything but a Latin letter), and each place they find is put back where the number stood: between
the two spaces a deleted number leaves, after a lone space that follows Han (在 1912年),
before one at a line's start (2023 年).

A page uses the convention when it shows :data:`SPACED` or more spaced transitions
between a Han character and a digit or a Latin letter; other pages are read as they are.
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from ..chars import is_han

#: How many spaced Han-alphanumeric transitions make a page's convention.
SPACED = 3


@cache
def _transition_re() -> re.Pattern[str]:
    return re.compile(r"[\u4e00-\u9fff] [0-9A-Za-z]|[0-9A-Za-z] [\u4e00-\u9fff]")


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


class Despaced(NamedTuple):
    """A page read without the spaces of its convention."""

    #: The page, those spaces taken out.
    view: str
    #: For each offset of the view (and its end), the page's offset where a gap found
    #: there stands: between the two spaces a deleted number leaves; after a lone space
    #: that follows Han, before one at a line's start.
    gap_at: list[int]
    #: The page's offset of each kept character -> its offset in the view.
    to_view: dict[int, int]


def despaced(text: str) -> Despaced:
    """The page without each run of one or two spaces that stands between a Han
    character and anything but a Latin letter."""
    view: list[str] = []
    gap_at: list[int] = []
    to_view: dict[int, int] = {}
    pos = 0
    pending = -1
    for m in _run_re().finditer(text):
        a, b = m.span()
        left = text[a - 1] if a else ""
        right = text[b] if b < len(text) else ""
        if not ((is_han(left) and _joins(right)) or (is_han(right) and _joins(left))):
            continue  # 20 16:30 is two numbers; a space between digits is theirs
        for k in range(pos, a):
            to_view[k] = len(view)
            view.append(text[k])
            gap_at.append(pending if pending >= 0 else k)
            pending = -1
        # 在 ‸年 (在 1912年) or ‸ 年 at a line's start (2023 年): a lone space after Han
        # stood before the number, one after an edge stood after it.
        pending = a + 1 if b - a == 2 or is_han(left) else a
        pos = b
    for k in range(pos, len(text)):
        to_view[k] = len(view)
        view.append(text[k])
        gap_at.append(pending if pending >= 0 else k)
        pending = -1
    gap_at.append(pending if pending >= 0 else len(text))
    return Despaced("".join(view), gap_at, to_view)
