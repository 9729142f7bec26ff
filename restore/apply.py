"""Edits -> text. The one place where output text is built from the input and edits."""

from __future__ import annotations

from collections.abc import Iterable

from .model import Edit


def apply_edits(source: str, edits: Iterable[Edit], gap_marker: str = "") -> str:
    """Return ``source`` with mask replacements applied and gap markers inserted.

    Unresolved masks (replacement None) keep their symbols; gaps insert ``gap_marker``
    (nothing when it is empty). Edits must not overlap; they are applied by offset.

    >>> from restore.model import Edit
    >>> apply_edits("*建", [Edit("mask", 0, 1, "党", 0.99)])
    '党建'
    >>> apply_edits("由年", [Edit("gap", 1, 1, None, 0.9)], gap_marker="⁇")
    '由⁇年'
    """
    parts: list[str] = []
    pos = 0
    for e in sorted(edits, key=lambda e: (e.start, e.end)):
        if e.start < pos:
            raise ValueError(f"overlapping edits at offset {e.start}")
        parts.append(source[pos : e.start])
        if e.kind == "gap":
            parts.append(gap_marker)
        else:
            parts.append(e.replacement if e.replacement is not None else source[e.start : e.end])
        pos = e.end
    parts.append(source[pos:])
    return "".join(parts)
