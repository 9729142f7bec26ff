"""text -> masks -> candidates -> ranking -> numeric gaps -> edits -> Result.

:class:`Restorer` holds what is costly to load (jieba's dictionary, the lexicons, a
learned model) and loads it only when a document has a mask to rank, so a clean
document costs one scan.
"""
from __future__ import annotations

from functools import cached_property

from .alphabet import infer_alphabet
from .apply import apply_edits
from .config import RestoreConfig
from .gaps import find_gaps
from .model import Edit, Result
from .scan import find_masks


class MarkerInInputError(ValueError):
    """The gap marker already occurs in the input, so marking gaps would be ambiguous."""


class Restorer:
    """Restore many documents with one configuration and one loaded lexicon."""

    def __init__(self, config: RestoreConfig | None = None) -> None:
        self.config = config or RestoreConfig()
        self.config.validate()

    @cached_property
    def ranker(self):  # type: ignore[no-untyped-def]
        """Loaded on first use: a clean document never pays for the lexicon."""
        from .rank import Ranker

        return Ranker.load(self.config)

    def restore(self, text: str, *, mark_gaps: bool = True) -> Result:
        """Restore one document. ``mark_gaps=False`` keeps gaps out of the text (JSONL mode)."""
        cfg = self.config
        marker = cfg.gap_marker if mark_gaps else ""
        if marker and marker in text:
            raise MarkerInInputError(
                f"the gap marker {marker!r} already occurs in the input; choose another with --gap-marker"
            )
        masks = find_masks(text, cfg)
        alphabet = infer_alphabet(text, cfg)
        edits: list[Edit] = []
        notes: list[str] = []
        hidden = alphabet.chars
        if masks:
            ranking = self.ranker.rank(text, masks, alphabet)
            edits.extend(ranking.edits)
            hidden = ranking.hidden
        if cfg.find_gaps:
            for gap in find_gaps(text, masks):
                if gap.confidence >= cfg.gap_min_confidence:
                    edits.append(Edit("gap", gap.offset, gap.offset, None, gap.confidence, (), gap.reason))
        edits.sort(key=lambda e: (e.start, e.end))
        return Result(
            source=text,
            text=apply_edits(text, edits, marker),
            edits=tuple(edits),
            alphabet=hidden,
            notes=tuple(notes),
        )


def restore_text(text: str, config: RestoreConfig | None = None, *, mark_gaps: bool = True) -> Result:
    """Restore one document with a fresh :class:`Restorer` (use one Restorer for many)."""
    return _default_restorer(config).restore(text, mark_gaps=mark_gaps)


_RESTORERS: dict[RestoreConfig, Restorer] = {}


def _default_restorer(config: RestoreConfig | None) -> Restorer:
    cfg = config or RestoreConfig()
    if cfg not in _RESTORERS:
        _RESTORERS[cfg] = Restorer(cfg)
    return _RESTORERS[cfg]
