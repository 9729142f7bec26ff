"""Places in a table's cells: a column whose numbers were deleted.

A table's column holds one kind of value. Where the scraper deleted the long numbers of
a column of numbers and kept the short ones (``|6|``, ``|29|``), each empty cell of that
column stood for a long one, where there are two at least (one blank size in a table
of type sizes is the author's). Such a table shows the scraper at work, and a column of
it left with its header and empty cells alone lost every number it held (error codes:
``|错误码|描述|`` over ``|‸|没有权限。|``). An empty column in a table that shows no such
column is the author's: a default or a remark left blank.

A table here is a header row, a delimiter row (``|---|:--:|``) and body rows, every row
with the header's number of cells; a cell's number stands after its first space
(``| 9030 |``), or at its start where it has none (``|9030|``).

A database client's table (``+------+-----+`` borders around ``| 1002 | a |`` rows) pads
every cell to its column's width, which the border shows. A cell of blanks narrower than
its column by three or more lost a number of that many digits: right before its last
blank, as a client aligns numbers, unless the column's kept values stand left-aligned.
"""

from __future__ import annotations

import re
from functools import cache

from .left import _put

#: Body rows a table needs, and empty cells a column of short numbers needs, before
#: they say anything (module doc).
MIN_ROWS = 3
MIN_EMPTY = 2


@cache
def _delimiter_re() -> re.Pattern[str]:
    return re.compile(r"[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)+\|?[ \t]*")


@cache
def _short_number_re() -> re.Pattern[str]:
    """What a number of a column keeps: one or two digits, a decimal tail, a sign."""
    return re.compile(r"[-+]?[0-9]{0,2}(?:\.[0-9]+)?%?")


def _cells(line: str, offset: int) -> list[tuple[int, str]] | None:
    """The cells of a row with ``|`` at both ends, each with its offset in the page."""
    body = line.rstrip()
    lead = len(line) - len(line.lstrip(" \t"))
    if not body[lead:].startswith("|") or not body.endswith("|") or len(body) - lead < 2:
        return None
    cells, start = [], lead + 1
    for k in range(lead + 1, len(body)):
        if body[k] == "|" and body[k - 1] != "\\":
            cells.append((offset + start, line[start:k]))
            start = k + 1
    return cells


def _place(start: int, cell: str) -> int:
    """Where a cell's number stood: after its first space, or at its start."""
    return start + 1 if cell[:1] == " " else start


def _lines(text: str) -> list[tuple[int, str]]:
    """Each line of the page with its offset, without its CR."""
    lines, pos = [], 0
    for line in text.split("\n"):
        lines.append((pos, line.rstrip("\r")))
        pos += len(line) + 1
    return lines


def _table_gaps(text: str, out: dict[int, tuple[float, str]]) -> None:
    """Mark the empty cells of the columns of the module doc."""
    lines = _lines(text)
    k = 1
    while k < len(lines):
        if not _delimiter_re().fullmatch(lines[k][1]):
            k += 1
            continue
        header = _cells(lines[k - 1][1], lines[k - 1][0])
        width = len(header) if header else 0
        rows = []
        j = k + 1
        while j < len(lines) and (row := _cells(lines[j][1], lines[j][0])) is not None:
            if len(row) == width:
                rows.append(row)
            j += 1
        k = j
        if header is None or len(rows) < MIN_ROWS:
            continue
        blank, numbers = [], []  # empty cells of empty columns, and of number columns
        for c in range(width):
            if not header[c][1].strip():
                continue
            values = [row[c] for row in rows]
            empty = [(s, cell) for s, cell in values if not cell.strip()]
            kept = [cell.strip() for _, cell in values if cell.strip()]
            if not kept:
                blank.extend(empty)
            elif len(empty) >= MIN_EMPTY and all(_is_short_number(v) for v in kept):
                numbers.extend(empty)
        if numbers:  # the table shows the scraper at work: its empty columns lost numbers too
            for s, cell in numbers + blank:
                _put(out, _place(s, cell), 0.85, "table-cell")


@cache
def _border_re() -> re.Pattern[str]:
    """A bordered table's rule line: +------+-----+."""
    return re.compile(r"[ \t]*\+(?:-+\+)+[ \t]*")


#: A number the deletion leaves no trace of is at least this much narrower than its column.
_DELETED_WIDTH = 3


def _bordered_table_gaps(text: str, out: dict[int, tuple[float, str]]) -> None:
    """Mark the blank cells of a bordered table's body that are narrower than their
    column (module doc)."""
    borders = 0
    body: list[list[tuple[int, str]]] = []
    widths: list[int] = []
    for pos, line in [*_lines(text), (len(text), "")]:  # a last empty line ends a table
        if _border_re().fullmatch(line):
            if not borders:
                widths = [len(part) for part in line.strip().split("+")[1:-1]]
            borders += 1
        elif borders and (row := _cells(line, pos)) is not None:
            if len(row) == len(widths) and borders >= 2:  # under the header's border
                body.append(row)
        elif borders:
            _narrow_cells(body, widths, out)
            borders, body = 0, []


def _narrow_cells(
    rows: list[list[tuple[int, str]]], widths: list[int], out: dict[int, tuple[float, str]]
) -> None:
    """The blank cells of one bordered table narrower than their column by a deleted
    number's width. A client right-aligns numbers, so such a cell's number stood before
    its last blank, unless the column's kept values stand left-aligned, or where the
    column keeps none, the table's kept numbers do (a table aligned by hand)."""
    full_width = [cell for row in rows for c, (_, cell) in enumerate(row) if len(cell) == widths[c]]
    table_left = _left_aligned([cell for cell in full_width if any(ch.isdigit() for ch in cell)])
    for c, width in enumerate(widths):
        full = [cell for _, cell in (row[c] for row in rows) if len(cell) == width and cell.strip()]
        left = _left_aligned(full) if full else table_left
        for row in rows:
            s, cell = row[c]
            if not cell.strip() and width - len(cell) >= _DELETED_WIDTH:
                at = _place(s, cell) if left or not cell else s + len(cell) - 1
                _put(out, at, 0.9, "table-cell")


def _left_aligned(cells: list[str]) -> bool:
    """More of the cells close with two blanks than open with them."""
    return sum(cell.endswith("  ") for cell in cells) > sum(cell.startswith("  ") for cell in cells)


def _is_short_number(value: str) -> bool:
    """A value a deletion leaves in a column of numbers: one or two digits, or a decimal
    tail (``6``, ``29``, ``12.5``, ``.39``)."""
    return _short_number_re().fullmatch(value) is not None and any(ch.isdigit() for ch in value)
