"""What happened to all inputs, and the exit status it means (as black's ``Report``).

Also the one place where the reports of a file's chunks are merged into the file's
``--format json`` report.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

#: Nothing to repair (or nothing was asked beyond printing).
EXIT_CLEAN = 0
#: ``--check`` found damage, or ``--in-place`` rewrote at least one file.
EXIT_DAMAGE = 1
#: A usage error, or an input that could not be read, decoded, restored or written.
EXIT_ERROR = 2


@dataclass
class Report:
    """What happened to all inputs; decides the exit status."""

    check: bool = False
    in_place: bool = False
    damaged: int = 0
    changed: int = 0
    errors: int = 0

    @property
    def exit_code(self) -> int:
        if self.errors:
            return EXIT_ERROR
        if (self.check and self.damaged) or (self.in_place and self.changed):
            return EXIT_DAMAGE
        return EXIT_CLEAN


def merge_json_report(whole: dict[str, Any], chunk: dict[str, Any], offset: int) -> None:
    """Add a chunk's JSON report to its file's, in place. ``offset`` is where the chunk
    starts in the file, in code points: its edits' offsets are moved by it."""
    for edit in chunk["edits"]:
        edit["start"] += offset
        edit["end"] += offset
    whole["edits"].extend(chunk["edits"])
    for key, value in chunk["counts"].items():
        whole["counts"][key] += value
    whole["alphabet"] += "".join(c for c in chunk["alphabet"] if c not in whole["alphabet"])
    whole["notes"].extend(n for n in chunk["notes"] if n not in whole["notes"])


class Stop(Exception):
    """Stop the whole run; an ``--output`` file is then left as it was."""
