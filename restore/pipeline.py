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
from .model import Edit, Gap, Mask, Result
from .scan import find_masks


#: The note on every mask of a page that is mostly masks (see ``RestoreConfig.max_mask_ratio``).
REDACTED_PAGE = "page is mostly masks: redaction"
#: Below this many mask symbols a page is too short for its share of masks to mean
#: anything: ``*建`` alone is half masks and still a filtered word.
MIN_REDACTED_SYMBOLS = 10


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
        masks = find_masks(text, cfg)
        alphabet = infer_alphabet(text, cfg)
        edits: list[Edit] = []
        notes: list[str] = []
        hidden = alphabet.chars
        if masks and _mostly_masks(text, masks, cfg):
            # A page this dense with masks was redacted, not filtered: fill nothing.
            edits.extend(Edit("mask", m.start, m.end, None, 0.0, (), REDACTED_PAGE) for m in masks)
            notes.append(REDACTED_PAGE)
        elif masks:
            ranking = self.ranker.rank(text, masks, alphabet)
            edits.extend(ranking.edits)
            hidden = ranking.hidden
        if cfg.find_gaps:
            for gap in _new_gaps(text, masks, cfg):
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


def _mostly_masks(text: str, masks: list[Mask], config: RestoreConfig) -> bool:
    """More than ``max_mask_ratio`` of the page's non-space characters are mask symbols.

    Only the symbols of found masks count (a separator line ``*****`` or a masked
    phone number is not a mask), and only from :data:`MIN_REDACTED_SYMBOLS` on.
    """
    symbols = sum(m.length for m in masks)
    if symbols < MIN_REDACTED_SYMBOLS:
        return False
    non_space = sum(map(len, text.split()))  # str.split() splits at exactly the str.isspace() characters
    return symbols > config.max_mask_ratio * non_space


def _new_gaps(text: str, masks: list[Mask], config: RestoreConfig) -> list[Gap]:
    """Gaps not already marked.

    A marker in the input is taken as a gap an earlier run marked. Gaps are looked
    for in the text without its markers, as the first run saw it, and those where a
    marker stands are dropped, so a second run over restored output marks nothing
    new (``restore`` is idempotent).
    """
    marker = config.gap_marker
    if not marker or marker not in text:
        return find_gaps(text, masks, config.gap_min_confidence)
    pieces = text.split(marker)
    stripped = "".join(pieces)
    origin: list[int] = []  # stripped offset -> text offset
    marked: set[int] = set()
    pos = 0
    for k, piece in enumerate(pieces):
        origin.extend(range(pos, pos + len(piece)))
        pos += len(piece)
        if k < len(pieces) - 1:
            marked.add(len(origin))
            pos += len(marker)
    origin.append(pos)
    return [
        Gap(origin[g.offset], g.confidence, g.reason)
        for g in find_gaps(stripped, find_masks(stripped, config), config.gap_min_confidence)
        if g.offset not in marked
    ]


def restore_text(text: str, config: RestoreConfig | None = None, *, mark_gaps: bool = True) -> Result:
    """Restore one document with a fresh :class:`Restorer` (use one Restorer for many)."""
    return _default_restorer(config).restore(text, mark_gaps=mark_gaps)


_RESTORERS: dict[RestoreConfig, Restorer] = {}


def _default_restorer(config: RestoreConfig | None) -> Restorer:
    cfg = config or RestoreConfig()
    if cfg not in _RESTORERS:
        _RESTORERS[cfg] = Restorer(cfg)
    return _RESTORERS[cfg]
