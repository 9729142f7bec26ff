"""Frozen value types passed between the stages.

Every output of the tool (restored text, diff, JSON, findings) is rendered from a
list of :class:`Edit`; nothing else carries state between stages.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Literal, NamedTuple

EditKind = Literal["mask", "gap"]

#: The note of a mask left alone only because its best reading, a hidden character, is
#: less sure than ``--min-confidence``: the one kind of unresolved mask that is damage.
BELOW_MIN_CONFIDENCE = "below --min-confidence"
#: The note of a restoration held back so that a second run reads the masks left alone
#: as this run did (restore.pipeline): the tool's own reading, so damage too.
WITHDRAWN = "left as is: filling it would make the masks around it read as markup"


class MaskState(enum.Enum):
    """What is known about a mask between the scanner and the ranker.

    The scanner knows some masks are never filled (a redaction) and leaves two questions
    open, which :mod:`restore.settle` answers from the lexicon: is a ``共*产*党`` chain a
    censor's insertion, and is a star pair around a sentence emphasis or two masks. A
    third, whether a star before a form's label is its mark, the ranker answers.
    """

    #: An ordinary mask: the ranker reads it.
    OPEN = "open"
    #: A run longer than ``max_run``: reported, never filled.
    REDACTION = "redaction"
    #: Part of a ``共*产*党``-shaped chain: a censor's insertion, or masks (settle decides).
    INSERTION_QUESTION = "insertion?"
    #: Settled: symbols inserted between the letters of a word, not hidden characters.
    CENSOR_INSERTION = "censor-insertion"
    #: The opening or closing delimiter of a span that is emphasis or two masks (settle decides).
    EMPHASIS_OPEN_QUESTION = "emphasis-open?"
    EMPHASIS_CLOSE_QUESTION = "emphasis-close?"
    #: The delimiters of a star pair on a Markdown page: bold or italics unless a
    #: candidate makes a word with the text outside both of them (settle decides).
    MARKUP_OPEN_QUESTION = "markup-open?"
    MARKUP_CLOSE_QUESTION = "markup-close?"
    #: A star that opens a label at a line's or a cell's start (``*姓名：``), one of two
    #: or more on the page: a form's required-field mark, or a mask (``*委书记：``). The
    #: ranker reads it as a mask, and as the form's mark where no word holds it.
    FIELD_QUESTION = "field?"

    # Members are singletons compared by identity, so identity hashing agrees with
    # equality, and it runs in C: masks are dictionary keys throughout the ranker.
    __hash__ = object.__hash__

    @property
    def note(self) -> str:
        """The words a report gives for a mask left in this state (an edit's ``note``)."""
        return self.value


class Mask(NamedTuple):
    """A run of mask symbols that stands where Han characters belong.

    A named tuple rather than a dataclass: the ranker keys its tables by mask, and a
    tuple's hash and equality run in C.
    """

    start: int
    end: int
    #: What is known about it before ranking; only an OPEN mask is ranked.
    state: MaskState = MaskState.OPEN

    @property
    def length(self) -> int:
        return self.end - self.start


class Gap(NamedTuple):
    """A place where a run of three or more digits was probably deleted."""

    offset: int
    confidence: float
    reason: str


@dataclass(frozen=True)
class Edit:
    """One change (or one finding) at ``[start, end)`` of the input text.

    ``replacement`` is None when the tool reports the place without changing it: an
    unresolved mask, or a numeric gap (the tool never guesses a number).
    """

    kind: EditKind
    start: int
    end: int
    replacement: str | None
    confidence: float
    candidates: tuple[tuple[str, float], ...] = ()
    note: str | None = None

    def to_json(self) -> dict[str, object]:
        out: dict[str, object] = {
            "kind": self.kind,
            "start": self.start,
            "end": self.end,
            "replacement": self.replacement,
            "confidence": round(self.confidence, 4),
            "candidates": [[c, round(p, 4)] for c, p in self.candidates],
        }
        if self.note:
            out["note"] = self.note
        return out

    @property
    def is_damage(self) -> bool:
        """Whether this finding is damage a person should see: a restoration, a numeric
        gap, or a mask left alone only for lack of confidence or held back for a re-run.

        Every other unresolved mask carries a note saying the star is most likely the
        page's own (an emphasis pair, a footnote, a redaction, a slot for a name). Those
        stay in the JSON report, but ``--check`` neither prints nor fails on them, so a
        Markdown file with bold text passes ``--check`` as it passes ``--in-place``.
        """
        if self.kind == "gap" or self.replacement is not None:
            return True
        return self.note is None or self.note in (BELOW_MIN_CONFIDENCE, WITHDRAWN)


@dataclass(frozen=True)
class Result:
    """What :func:`restore.restore_text` returns for one document."""

    source: str
    text: str
    edits: tuple[Edit, ...]
    alphabet: str
    notes: tuple[str, ...] = field(default=())

    @property
    def restored(self) -> tuple[Edit, ...]:
        return tuple(e for e in self.edits if e.kind == "mask" and e.replacement is not None)

    @property
    def unresolved(self) -> tuple[Edit, ...]:
        return tuple(e for e in self.edits if e.kind == "mask" and e.replacement is None)

    @property
    def gaps(self) -> tuple[Edit, ...]:
        return tuple(e for e in self.edits if e.kind == "gap")

    @property
    def changed(self) -> bool:
        return self.text != self.source

    @property
    def damaged(self) -> bool:
        """True when damage was found (:attr:`Edit.is_damage`): what ``--check`` fails on."""
        return any(e.is_damage for e in self.edits)

    def counts(self) -> dict[str, int]:
        return {
            "masks": sum(e.end - e.start for e in self.edits if e.kind == "mask"),
            "restored": sum(e.end - e.start for e in self.restored),
            "unresolved": sum(e.end - e.start for e in self.unresolved),
            "gaps": len(self.gaps),
        }
