"""Every option of the tool in one frozen object, with its default and the reason for it."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

#: Marker written where digits were deleted. One code point that news text does not
#: use (U+2047 DOUBLE QUESTION MARK). A marker already in the input is taken as a gap
#: an earlier run marked, and no gap is marked beside it again.
DEFAULT_GAP_MARKER = "\u2047"


@dataclass(frozen=True)
class RestoreConfig:
    """Options shared by the library, the CLI and the integrations."""

    #: Characters that a filter writes in place of a hidden character.
    mask_symbols: str = "*＊"
    #: Characters a filter is known to hide. Narrowed per document: a character that
    #: appears unmasked in a document was not hidden there.
    candidates: str = "党政群业"
    #: A run longer than this is a redaction: reported, never filled in.
    max_run: int = 4
    #: Below this confidence a mask is left as it is and reported with its candidates.
    #: Chosen on the dev set: the lowest threshold at which kept restorations are at
    #: least 99.5 % right on both dev sets with a margin (docs/accuracy.md, "Choosing the
    #: threshold").
    min_confidence: float = 0.7
    #: Written at every numeric gap in text output; "" reports gaps without marking them.
    gap_marker: str = DEFAULT_GAP_MARKER
    #: Gaps below this confidence are neither marked nor reported. A gap's confidence is
    #: its rule's; the gap model has already dropped the places varied text doubts
    #: (docs/accuracy.md, "Gaps need company"): at 0.9 the dev sets keep their surest marks.
    gap_min_confidence: float = 0.5
    #: Pages with more than this share of mask symbols are redactions, not restored.
    max_mask_ratio: float = 0.30
    #: Extra lexicon files (same format as ``lexicons/*.tsv``).
    lexicons: tuple[Path, ...] = field(default=())
    #: A model built by ``restore learn`` from the user's clean text.
    model: Path | None = None
    #: Use the context model shipped with the package (lexicons/context-pd1998.json.gz).
    builtin_context: bool = True
    #: Whether to look for numeric gaps at all.
    find_gaps: bool = True
    #: Mask symbols the filter wrote per hidden character: 1, 2, or 0 to infer it from
    #: each page (a page whose every run is of even length, two runs or more, is read
    #: two symbols per character; see restore.width).
    symbol_width: int = 0
    #: Read each page's filter from that page alone. By default the pages of one JSON
    #: Lines input are taken to share a filter, and each is read with what the pages
    #: before it show (restore.filterevidence); an input that mixes filters wants this.
    per_document: bool = False

    def with_(self, **changes: object) -> RestoreConfig:
        """A copy with some options changed (the object itself is frozen)."""
        return replace(self, **changes)  # type: ignore[arg-type]

    def validate(self) -> None:
        """Raise ValueError with a message that says what to change."""
        if not self.mask_symbols:
            raise ValueError("--mask-symbols must name at least one character")
        if not self.candidates:
            raise ValueError("--candidates must name at least one character")
        from .alphabet import check_candidates  # here: alphabet imports this module

        check_candidates(self.candidates)
        if set(self.candidates) & set(self.mask_symbols):
            raise ValueError("--candidates and --mask-symbols must not share a character")
        if self.max_run < 1:
            raise ValueError("--max-run must be at least 1")
        if self.symbol_width not in (0, 1, 2):
            raise ValueError("--symbol-width must be auto, 1 or 2")
        if not 0.0 <= self.min_confidence <= 1.0:
            raise ValueError("--min-confidence must be between 0 and 1")
        if not 0.0 <= self.gap_min_confidence <= 1.0:
            raise ValueError("--gap-min-confidence must be between 0 and 1")
        if any(ch.isdigit() for ch in self.gap_marker):
            raise ValueError("--gap-marker must not contain digits")
        if set(self.gap_marker) & set(self.mask_symbols):
            raise ValueError("--gap-marker must not contain a mask symbol")
