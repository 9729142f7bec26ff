"""(path, Result) -> what a person or a program reads: findings, a JSON report, an annotated diff.

Pure functions over strings: no I/O, no terminal detection. Positions are 1-based
lines and 1-based columns counted in characters (code points); a line ends at
``\\n``, ``\\r\\n`` or ``\\r``, the same endings the tool keeps byte for byte.
"""

from __future__ import annotations

import bisect
import unicodedata
from collections.abc import Sequence
from typing import Any

import click
import regex

from .config import DEFAULT_GAP_MARKER
from .model import Edit, Result

_LINE_BREAK = regex.compile(r"\r\n|\r|\n")

#: Lines wider than this (in terminal columns) are shown in windows around their edits.
WIDE_LINE = 100
#: Characters of context kept on each side of an edit in a long line.
CONTEXT = 12
ELLIPSIS = "…"


# -- positions -----------------------------------------------------------------------------------


def line_starts(text: str) -> list[int]:
    """Offsets where each line starts.

    >>> line_starts("ab\\r\\ncd\\ref\\n")
    [0, 4, 7, 10]
    """
    return [0] + [m.end() for m in _LINE_BREAK.finditer(text)]


def position(starts: Sequence[int], offset: int) -> tuple[int, int]:
    """1-based (line, column) of a code-point ``offset``, given :func:`line_starts`.

    >>> position(line_starts("ab\\n*建"), 3)
    (2, 1)
    """
    i = bisect.bisect_right(starts, offset) - 1
    return i + 1, offset - starts[i] + 1


def display_width(text: str) -> int:
    """Terminal columns ``text`` takes: East Asian wide and fullwidth characters take two.

    >>> display_width("ab党政")
    6
    """
    width = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in "WF" else 1
    return width


# -- JSON ----------------------------------------------------------------------------------------


def json_report(path: str, result: Result) -> dict[str, Any]:
    """The report printed by ``--format json``: offsets are code points into the input."""
    return {
        "path": path,
        "alphabet": result.alphabet,
        "edits": [e.to_json() for e in result.edits],
        "counts": result.counts(),
        "notes": list(result.notes),
    }


# -- findings (codespell style) ------------------------------------------------------------------


def _conf(p: float) -> str:
    return f"{p:.2f}"


#: An unresolved mask's candidates worth reading: at most this many, ...
SHOWN_CANDIDATES = 3
#: ... each at least this likely (the best one is always shown).
SHOWN_MIN_PROBABILITY = 0.01


def shown_candidates(edit: Edit) -> list[tuple[str, float]]:
    """The candidates a person reads: the best few, none that rounds to nothing.

    >>> shown_candidates(Edit("mask", 0, 2, None, 0.26, (("政党", 0.26), ("党政", 0.19), ("党群", 0.04), ("党党", 0.001))))
    [('政党', 0.26), ('党政', 0.19), ('党群', 0.04)]
    """
    ranked = list(edit.candidates)
    kept = [(c, p) for c, p in ranked[:SHOWN_CANDIDATES] if p >= SHOWN_MIN_PROBABILITY]
    return kept or ranked[:1]


def _candidates(edit: Edit) -> str:
    return ", ".join(f"{c} {_conf(p)}" for c, p in shown_candidates(edit))


def describe(edit: Edit, source: str) -> str:
    """One edit in words, the part of a finding after ``path:line:col:``.

    >>> describe(Edit("mask", 0, 1, "党", 0.97), "*建")
    'mask * ==> 党 (0.97)'
    >>> describe(Edit("mask", 0, 2, None, 0.55, (("党政", 0.55), ("政党", 0.3))), "**")
    'unresolved mask ** (candidates 党政 0.55, 政党 0.30)'
    >>> describe(Edit("gap", 1, 1, None, 0.92), "由年")
    'numeric gap (0.92)'
    """
    if edit.kind == "gap":
        return f"numeric gap ({_conf(edit.confidence)})"
    symbols = source[edit.start : edit.end]
    if edit.replacement is not None:
        return f"mask {symbols} ==> {edit.replacement} ({_conf(edit.confidence)})"
    why = [f"candidates {_candidates(edit)}"] if edit.candidates else []
    if edit.note:
        why.append(edit.note)
    return f"unresolved mask {symbols} ({'; '.join(why) or 'no candidates'})"


def findings(path: str, result: Result, *, line: int = 1, column: int = 1) -> list[str]:
    """One ``path:line:col: ...`` line per finding of damage (:attr:`Edit.is_damage`), in
    text order: what ``--check`` prints.

    ``line`` and ``column`` say where the text starts in its file, for a text that is
    one chunk of a larger file.
    """
    starts = line_starts(result.source)
    out = []
    for edit in result.edits:
        if not edit.is_damage:
            continue
        n, col = position(starts, edit.start)
        if n == 1:
            col += column - 1
        out.append(f"{path}:{n + line - 1}:{col}: {describe(edit, result.source)}")
    return out


# -- summary -------------------------------------------------------------------------------------


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def summary(path: str, result: Result | dict[str, int]) -> str:
    """``path: 21 masks restored, 0 unresolved, 16 gaps marked`` (masks counted in characters).

    ``result`` may also be the :meth:`Result.counts` of a file's chunks, summed.

    >>> from restore.model import Result
    >>> summary("a.txt", Result("*", "党", (Edit("mask", 0, 1, "党", 0.9),), "党"))
    'a.txt: 1 mask restored, 0 unresolved, 0 gaps marked'
    """
    counts = result if isinstance(result, dict) else result.counts()
    return (
        f"{path}: {_n(counts['restored'], 'mask')} restored, {counts['unresolved']} unresolved, "
        f"{_n(counts['gaps'], 'gap')} marked"
    )


# -- annotated diff ------------------------------------------------------------------------------


class _Style:
    """click.style when colour is on, plain text otherwise."""

    def __init__(self, color: bool) -> None:
        self.color = color

    def __call__(self, text: str, **kw: object) -> str:
        return click.style(text, **kw) if self.color and text else text  # type: ignore[arg-type]


def _windows(line_len: int, spans: Sequence[tuple[int, int]], context: int) -> list[tuple[int, int]]:
    """Merge ``[start-context, end+context)`` around each span into disjoint windows.

    >>> _windows(100, [(10, 11), (15, 16), (60, 60)], 5)
    [(5, 21), (55, 65)]
    """
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        lo, hi = max(0, start - context), min(line_len, end + context)
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


def _render_line(
    line: str,
    base: int,
    edits: Sequence[Edit],
    windows: Sequence[tuple[int, int]],
    after: bool,
    style: _Style,
    gap_marker: str,
) -> str:
    """The ``-`` (before) or ``+`` (after) side of one line, showing only ``windows`` of it."""
    pieces: list[str] = []
    for w_start, w_end in windows:
        if w_start > 0 or pieces:
            pieces.append(style(ELLIPSIS, dim=True))
        pos = w_start
        for e in edits:
            start, end = e.start - base, e.end - base
            if not w_start <= start <= w_end:
                continue
            pieces.append(line[pos:start])
            symbols = line[start:end]
            if not after:
                # The input as it is: mask symbols in red; a gap is invisible, so show where it is.
                pieces.append(
                    style(symbols, fg="red", bold=True) if e.kind == "mask" else style("‸", fg="yellow")
                )
            elif e.kind == "gap":
                pieces.append(
                    style(gap_marker, fg="yellow", bold=True) + style(f"[{_conf(e.confidence)}]", dim=True)
                )
            elif e.replacement is not None:
                pieces.append(
                    style(e.replacement, fg="green", bold=True) + style(f"[{_conf(e.confidence)}]", dim=True)
                )
            else:
                alternatives = (
                    " ".join(f"{c} {_conf(p)}" for c, p in shown_candidates(e)) or e.note or "no candidates"
                )
                pieces.append(
                    style(symbols, fg="red", bold=True, reverse=True) + style(f"[? {alternatives}]", fg="red")
                )
            pos = end
        pieces.append(line[pos:w_end])
    if windows and windows[-1][1] < len(line):
        pieces.append(style(ELLIPSIS, dim=True))
    return "".join(pieces)


def annotated_diff(
    path: str,
    result: Result,
    color: bool = False,
    *,
    gap_marker: str = DEFAULT_GAP_MARKER,
    context: int | None = CONTEXT,
) -> str:
    """A diff a person reads at a glance: only lines with an edit, before (``-``) and after (``+``).

    Each restored mask is followed by its confidence (``党[0.97]``), an unresolved mask
    keeps its symbols followed by ``[? candidates]``, a gap shows the marker with its
    confidence (``⁇[0.92]``) and a ``‸`` where it is in the input. Lines wider than
    :data:`WIDE_LINE` columns are cut to ``context`` characters around each edit
    (``context=None`` shows whole lines). Ends with the :func:`summary` line.

    >>> from restore.model import Result
    >>> r = Result("标题\\n坚持以*建引领", "标题\\n坚持以党建引领", (Edit("mask", 6, 7, "党", 0.97),), "党政")
    >>> print(annotated_diff("a.txt", r), end="")
    --- a.txt
    +++ a.txt (restored)
    -2: 坚持以*建引领
    +2: 坚持以党[0.97]建引领
    a.txt: 1 mask restored, 0 unresolved, 0 gaps marked
    """
    style = _Style(color)
    out = diff_header(path, color) if result.edits else []
    out.extend(diff_lines(result, color, gap_marker=gap_marker, context=context))
    out.append(style(summary(path, result), bold=True))
    return "\n".join(out) + "\n"


def diff_header(path: str, color: bool = False) -> list[str]:
    """The two lines that open :func:`annotated_diff` (``--- path``, ``+++ path (restored)``)."""
    style = _Style(color)
    return [style(f"--- {path}", bold=True), style(f"+++ {path} (restored)", bold=True)]


def diff_lines(
    result: Result,
    color: bool = False,
    *,
    gap_marker: str = DEFAULT_GAP_MARKER,
    context: int | None = CONTEXT,
    first_line: int = 1,
) -> list[str]:
    """The ``-N:``/``+N:`` pairs of :func:`annotated_diff`, without its header and summary.

    ``first_line`` is the number of the text's first line, for a text that is one
    chunk of a larger file.
    """
    style = _Style(color)
    marker = gap_marker or DEFAULT_GAP_MARKER
    source = result.source
    starts = line_starts(source)
    by_line: dict[int, list[Edit]] = {}
    for e in result.edits:
        by_line.setdefault(bisect.bisect_right(starts, e.start) - 1, []).append(e)

    out: list[str] = []
    width = len(str(max(by_line) + first_line)) if by_line else 1
    for index in sorted(by_line):
        base = starts[index]
        end = starts[index + 1] if index + 1 < len(starts) else len(source)
        line = _LINE_BREAK.sub("", source[base:end])
        edits = sorted(by_line[index], key=lambda e: (e.start, e.end))
        if context is None or display_width(line) <= WIDE_LINE:
            windows = [(0, len(line))]
        else:
            windows = _windows(len(line), [(e.start - base, e.end - base) for e in edits], context)
        number = str(index + first_line).rjust(width)
        before = _render_line(line, base, edits, windows, False, style, marker)
        after = _render_line(line, base, edits, windows, True, style, marker)
        out.append(style(f"-{number}:", fg="red") + f" {before}")
        out.append(style(f"+{number}:", fg="green") + f" {after}")
    return out
