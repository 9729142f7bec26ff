"""Plain text -> chunks that end at a line break, each restored as its own document.

A file of any size is restored in pieces of about :data:`CHUNK_CHARS` characters, so
memory stays flat; :func:`advance` keeps the line and column of each chunk's start, so
findings and diffs give positions in the whole file.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import regex

# regex is imported only when a line runs past LONG_LINE chunk sizes: a plain run over
# ordinary text never needs it, and it is a tenth of start-up (benchmarks/README.md).

#: A chunk ends at the first line break after this many characters (64 Ki).
#:
#: Each chunk is restored as its own document. Everything the tool looks at around a
#: mask or a gap lies within one line (a rank clause stops at punctuation, a gap's
#: frame is a few characters, and a text edge reads as a line start), so cutting at a
#: line break changes none of those decisions. What is inferred per *document* is then
#: inferred per chunk: the hidden alphabet (a character seen unmasked in the chunk was
#: not hidden), the choice among hidden sets, the agreement of like contexts and the
#: "this text still has 3+ digit runs, so it was never scraped" rule of
#: :mod:`restore.gaps`. 64 Ki characters is tens of paragraphs of news text, enough
#: evidence for each; this is accepted for flat memory on files of any size.
CHUNK_CHARS = 64 * 1024
#: A line with no break for this many chunk sizes (a whole file on one line) is cut
#: elsewhere: after a sentence end or a space and before a character that is neither
#: a mask symbol, a digit, a ``.``-like character nor a line break (:func:`split_chunks`).
LONG_LINE = 4
#: ... and when not even that is found within this many chunk sizes (a megabyte of
#: ``*`` or digits), between any two characters that are not mask symbols or digits,
#: or as a last resort anywhere.
HARD_LINE = 16

_LINE_END = re.compile(r"\r\n|\r|\n")


@cache
def _soft_cut(symbols: str) -> regex.Pattern[str]:
    import regex

    avoid = regex.escape(symbols + ".．。·•")
    return regex.compile(rf"(?<=[。！？；…!?; \t\u3000])(?=[^\s\d{avoid}])")


@cache
def _hard_cut(symbols: str) -> regex.Pattern[str]:
    import regex

    avoid = regex.escape(symbols + ".．·")
    return regex.compile(rf"(?<=[^\r\d{avoid}])(?=[^\n\d{avoid}])")


def _cut(buf: str, start: int, size: int, symbols: str, final: bool) -> int | None:
    """Where the chunk that starts at ``start`` ends, or None to wait for more text.

    The answer depends only on the text, never on how much of it has been read: each
    rule looks within a bounded window and waits until the window has been read (or
    the input has ended), so a streamed file is cut exactly where its whole text is.
    """
    at = start + size
    long_end = start + LONG_LINE * size
    hard_end = start + HARD_LINE * size
    m = _LINE_END.search(buf, at - 1, long_end + 1)
    if m and m.end() <= long_end:
        if final or m.end() < len(buf) or m.group() != "\r":
            return m.end()
        return None  # a CR at the end of what was read may be the first half of a CRLF
    if len(buf) <= long_end:
        return len(buf) if final else None
    soft = _soft_cut(symbols).search(buf, at, hard_end + 1)
    if soft:
        return soft.end()
    if len(buf) <= hard_end:
        return len(buf) if final else None
    hard = _hard_cut(symbols).search(buf, at, hard_end + 1)
    return hard.end() if hard else at


def split_chunks(pieces: Iterable[str], size: int | None = None, symbols: str = "*＊") -> Iterator[str]:
    """Cut a stream of text pieces into chunks that end at a line break; they join back exactly.

    A chunk ends at the first line break (``\\n``, ``\\r\\n`` or ``\\r``, never between
    the ``\\r`` and ``\\n`` of a CRLF) after ``size`` characters. A line longer than
    :data:`LONG_LINE` chunk sizes is cut after a sentence end (。！？；) or a space instead,
    before a character that is not a mask symbol, digit or ``.``-like: so no run of
    mask symbols, no digits and no decimal tail is ever split, and each side of the
    cut reads the cut as a line edge.

    >>> list(split_chunks(["ab\\ncd\\r", "\\nef"], size=2))
    ['ab\\n', 'cd\\r\\n', 'ef']
    >>> list(split_chunks(["一二。三四*建"], size=2))
    ['一二。三四*建']
    """
    size = size or CHUNK_CHARS
    buf = ""
    for piece in pieces:
        buf = buf + piece if buf else piece
        start = 0
        while len(buf) - start > size:
            cut = _cut(buf, start, size, symbols, final=False)
            if cut is None:
                break
            yield buf[start:cut]
            start = cut
        buf = buf[start:]
    start = 0
    while len(buf) - start > size:
        cut = _cut(buf, start, size, symbols, final=True)
        assert cut is not None and cut > start
        yield buf[start:cut]
        start = cut
    if start < len(buf):
        yield buf[start:]


def advance(line: int, column: int, text: str) -> tuple[int, int]:
    """The 1-based (line, column) just after ``text``, which starts at (line, column).

    >>> advance(1, 1, "ab\\r\\ncd")
    (2, 3)
    >>> advance(2, 3, "ef")
    (2, 5)
    """
    breaks = text.count("\n") + text.count("\r") - text.count("\r\n")
    if not breaks:
        return line, column + len(text)
    last = max(text.rfind("\n"), text.rfind("\r"))
    return line + breaks, len(text) - last
