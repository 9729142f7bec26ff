"""Accepted findings: inline markers and a baseline file. An accepted edit is dropped from
the result, so it is neither reported (``--check``, ``--diff``, JSON) nor applied.

Inline markers, in the way of ``# noqa`` and ``codespell:ignore``, anywhere on a line
(in a comment, ``<!-- restore: ignore -->``, or as plain text):

* ``restore: ignore`` accepts every finding on its line;
* ``restore: off`` ... ``restore: on`` accepts every finding on the lines between them,
  those two lines included (to the end of the file when ``on`` never comes).

A baseline (``--baseline FILE``) lists findings accepted once, keyed on the path, the
kind and the characters around the finding (:data:`CONTEXT` on each side), never on
line numbers, so an edit elsewhere in the file does not invalidate it. A finding seen
more often than the baseline lists it is reported again. ``--write-baseline`` writes
the findings of the run (those not accepted inline) to the file.

>>> spans, off = ignored_spans("a*\\nb* restore: ignore\\nc*\\n", False)
>>> spans, off
([(3, 22)], False)
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from .apply import apply_edits
from .model import Result
from .scan import Spans

if TYPE_CHECKING:
    from .model import Edit

MARKER = re.compile(r"restore:[ \t]*(ignore|off|on)\b")
#: Characters of context on each side of a finding in a baseline key.
CONTEXT = 8
BASELINE_VERSION = 1
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)?")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def ignored_spans(text: str, off: bool) -> tuple[list[tuple[int, int]], bool]:
    """Spans of ``text`` whose findings are accepted inline, and whether ``restore: off``
    is still in force at its end. ``off``: whether it was in force at its start."""
    spans: list[tuple[int, int]] = []
    for m in _LINE.finditer(text):
        if m.start() == m.end():
            continue
        words = [w.group(1) for w in MARKER.finditer(m.group())]
        if "off" in words:
            off = True
        if off or "ignore" in words:
            if spans and spans[-1][1] == m.start():
                spans[-1] = (spans[-1][0], m.end())
            else:
                spans.append((m.start(), m.end()))
        if "on" in words:
            off = False
    return spans, off


def baseline_key(path: str, edit: Edit, source: str) -> tuple[str, str, str]:
    """(path, kind, context): the finding with up to :data:`CONTEXT` characters on each side,
    on its own line (a change to the next line does not change the key).

    >>> from restore.model import Edit
    >>> baseline_key("a.txt", Edit("mask", 3, 5, None, 0.5), "记者刘**报道")
    ('a.txt', 'mask', '记者刘[**]报道')
    >>> baseline_key("a.txt", Edit("mask", 5, 6, None, 0.5), "上一行\\n以*建\\n下一行")[2]
    '以[*]建'
    """
    left = _LINE_BREAK.split(source[max(0, edit.start - CONTEXT) : edit.start])[-1]
    right = _LINE_BREAK.split(source[edit.end : edit.end + CONTEXT])[0]
    return path, edit.kind, f"{left}[{source[edit.start : edit.end]}]{right}"


def read_baseline(name: str) -> Counter[tuple[str, str, str]]:
    """The findings listed in a baseline file. Raises OSError or ValueError (one line)."""
    import json  # only with --baseline: start-up of a plain run is measured (benchmarks/README.md)

    with open(name, encoding="utf-8") as fh:
        try:
            data = json.load(fh)
        except json.JSONDecodeError as exc:
            raise ValueError(f"{name}: not a restore baseline (invalid JSON: {exc.msg})") from None
    if not isinstance(data, dict) or data.get("restore-baseline") != BASELINE_VERSION:
        raise ValueError(f"{name}: not a restore baseline (write one with --write-baseline)")
    return Counter((f["path"], f["kind"], f["context"]) for f in data.get("findings", []))


def write_baseline(name: str, keys: Iterable[tuple[str, str, str]]) -> None:
    """Write ``keys`` as a baseline file, sorted, atomically."""
    import json

    from . import atomic

    findings = [{"path": p, "kind": k, "context": c} for p, k, c in sorted(keys)]
    data: dict[str, Any] = {"restore-baseline": BASELINE_VERSION, "findings": findings}
    atomic.write_atomic(name, (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8"))


class Acceptor:
    """Drops accepted edits from results, input by input; records findings for a baseline."""

    def __init__(
        self,
        baseline: Counter[tuple[str, str, str]] | None = None,
        *,
        record: bool = False,
        inline: bool = True,
        gap_marker: str = "",
    ) -> None:
        self.baseline = Counter(baseline or ())
        self.record = record
        self.inline = inline
        self.gap_marker = gap_marker
        self.recorded: list[tuple[str, str, str]] = []
        self._off: dict[str, bool] = {}

    def accept(self, path: str, result: Result, *, continued: bool = True) -> Result:
        """``result`` less the edits accepted inline or by the baseline (or recorded for it).

        Successive calls for one ``path`` are its successive chunks (``continued``: a
        ``restore: off`` of the chunk before is still in force); a JSON Lines record
        stands alone (``continued=False``).
        """
        off = self._off.get(path, False) if continued else False
        if self.inline and (off or "restore:" in result.source):  # a C-speed test for most chunks
            spans, self._off[path] = ignored_spans(result.source, off)
        else:
            spans = []
        if not result.edits or not (spans or self.record or self.baseline):
            return result
        kept = []
        ignored = Spans(spans)
        for edit in result.edits:
            if edit.start in ignored:
                continue
            if not edit.is_damage:  # the page's own stars: never a finding, never counted
                kept.append(edit)
                continue
            key = baseline_key(path, edit, result.source)
            if self.record:
                self.recorded.append(key)
                continue
            if self.baseline[key] > 0:
                self.baseline[key] -= 1
                continue
            kept.append(edit)
        if len(kept) == len(result.edits):
            return result
        marker = (
            self.gap_marker
            if apply_edits(result.source, result.edits, self.gap_marker) == result.text
            else ""
        )
        text = apply_edits(result.source, kept, marker)
        return Result(result.source, text, tuple(kept), result.alphabet, result.notes)
