"""text -> masks -> candidates -> ranking -> numeric gaps -> edits -> Result.

:class:`Restorer` holds what is costly to load (jieba's dictionary, the lexicons, a
learned model) and loads it only when a document has a mask to rank, so a clean
document costs one scan.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import replace
from functools import cached_property

from .alphabet import infer_alphabet, unseen_candidates
from .apply import apply_edits
from .chars import ASCII_DIGITS
from .config import RestoreConfig
from .gapmodel import GapModel, builtin_gap_model_path, rule_name
from .gaps import CODE_RULES, find_gaps
from .markup import looks_like_markdown
from .model import WITHDRAWN, Edit, Gap, Mask, Result
from .scan import Spans, code_spans, find_masks
from .script import Script, read_script, to_simplified
from .width import collapse, expand, infer_width, reads_doubled

#: The note on every mask of a page that is mostly masks (see ``RestoreConfig.max_mask_ratio``).
REDACTED_PAGE = "page is mostly masks: redaction"
#: Below this many mask symbols a page is too short for its share of masks to mean
#: anything: ``*建`` alone is half masks and still a filtered word.
MIN_REDACTED_SYMBOLS = 10
#: Rounds of withdrawing restorations that turned masks left alone into markup, before
#: every restoration of the page is withdrawn (benchmarks/README.md, "Time per megabyte").
WITHDRAWAL_ROUNDS = 2
#: The note on a page read two mask symbols per hidden character.
TWO_SYMBOLS = "filter wrote two symbols per character"


class Restorer:
    """Restore many documents with one configuration and one loaded lexicon."""

    def __init__(self, config: RestoreConfig | None = None) -> None:
        config = config or RestoreConfig()
        config.validate()
        # Pages are ranked in Simplified script, so are the candidates (黨 is 党).
        simplified = "".join(dict.fromkeys(to_simplified(config.candidates)))
        self.config = config if simplified == config.candidates else config.with_(candidates=simplified)
        self._last_scan: tuple[str, list[Mask]] | None = None

    @cached_property
    def gap_model(self) -> GapModel | None:
        """Loaded on first use: a page where no gap rule fires never pays for it."""
        if not self.config.builtin_context:
            return None  # --no-builtin-context: the rules alone
        return GapModel.load(builtin_gap_model_path())

    @cached_property
    def ranker(self):  # type: ignore[no-untyped-def]
        """Loaded on first use: a clean document never pays for the lexicon."""
        from .rank import Ranker

        return Ranker.load(self.config)

    def _rank_to_fixpoint(
        self, text: str, masks: list[Mask], breaks: frozenset[int], prior: Mapping[str, float] | None
    ) -> tuple[list[Edit], str]:
        """Rank the masks; then rank again what a second run would see differently.

        A second run over the output sees the restored characters as text. To be
        idempotent by construction, the text with the restorations filled in is scanned
        and ranked again (alphabet inferred from it), as that run would, until nothing
        changes: a mask left alone may now be filled, and a run of symbols the input did
        not show as a mask may now be one (``时*“*``: once 时政 is restored, the ``*``
        after the quote follows Han text). Gaps break the lattice: digits stood there.
        """
        cfg = self.config
        ranking = self.ranker.rank(text, masks, infer_alphabet(text, cfg, prior), breaks)
        edits = {(e.start, e.end): e for e in ranking.edits}
        hidden = ranking.hidden
        # Filling can reveal a mask only among symbols the scan did not take for one.
        may_reveal = sum(text.count(s) for s in set(cfg.mask_symbols)) > sum(m.length for m in masks)
        while True:  # each round fills a mask, or finds one, or stops
            done = [e for e in edits.values() if e.replacement is not None]
            open_places = {k for k, e in edits.items() if e.replacement is None}
            if not done or not (open_places or may_reveal):
                break
            seen = _filled(text, done)
            found = self._scan(seen)
            # A run that only partly covers a place already reported (a page convention
            # that the filling changed) stays with that report: edits never overlap.
            taken = Spans(list(edits))
            new_places = {
                (m.start, m.end)
                for m in found
                if (m.start, m.end) not in edits and not any(i in taken for i in range(m.start, m.end))
            }
            if not open_places and not new_places:
                break
            again = self.ranker.rank(seen, found, infer_alphabet(seen, cfg, prior), breaks)
            # A mask still left alone keeps its first report (its candidates in the text
            # as given), not the later round's, where the restorations hide the alphabet.
            changed = {
                (e.start, e.end): e
                for e in again.edits
                if (e.start, e.end) in new_places or ((e.start, e.end) in open_places and e.replacement)
            }
            edits.update(changed)
            if not changed:
                break
        return self._keep_left_masks(text, list(edits.values())), hidden

    def _scan(self, text: str) -> list[Mask]:
        """:func:`find_masks` of ``text``, remembered for the next call: the fixpoint's
        last round and the check after it scan the same filled text."""
        last = self._last_scan
        if last is None or last[0] != text:
            last = self._last_scan = (text, find_masks(text, self.config))
        return list(last[1])

    def _keep_left_masks(self, text: str, edits: list[Edit]) -> list[Edit]:
        """Withdraw restorations that would turn the masks left alone into markup.

        Filling the ``*`` of ``**建*建**`` gives ``**建党建**``, which reads as markdown
        bold: a second run would no longer see the two ``**`` this run left alone (nor
        those of ``＊时*：＊``, a pair the ranker settles as emphasis once 时政 is read). So
        the restorations between masks that the filled text no longer shows as masks
        are withdrawn (left as they are, reported with their candidates), until every
        mask left alone is still one there. If the masks that vanished do not pair up
        around restorations, or still vanish after :data:`WITHDRAWAL_ROUNDS` rounds (only
        runs of markup built to be hostile get there), every restoration is withdrawn:
        the text stays as it came.
        """
        for _ in range(WITHDRAWAL_ROUNDS):
            done = [e for e in edits if e.replacement is not None]
            left = [(e.start, e.end) for e in edits if e.replacement is None]
            if not done or not left:
                return edits
            seen = _filled(text, done)
            still = {(m.start, m.end) for m in self.ranker.settle(seen, self._scan(seen))}
            vanished = sorted(k for k in left if k not in still)
            if not vanished:
                return edits
            # Consecutive vanished masks pair up as the delimiters of a span read as markup;
            # the spans are sorted and apart, so each restoration asks the one before it.
            between = [(opener[1], closer[0]) for opener, closer in zip(vanished[0::2], vanished[1::2])]
            starts = [a for a, _ in between]
            inside = set()
            for e in done:
                k = bisect_right(starts, e.start) - 1
                if k >= 0 and e.end <= between[k][1]:
                    inside.add((e.start, e.end))
            withdrawn = inside or {(e.start, e.end) for e in done}
            edits = _withdrawn(edits, withdrawn)
        return _withdrawn(edits, {(e.start, e.end) for e in edits if e.replacement is not None})

    def _restore_plain(
        self, seen: str, masks: list[Mask], marked: frozenset[int], prior: Mapping[str, float] | None = None
    ) -> tuple[list[Edit], str, list[str]]:
        """The edits of a page read one symbol per hidden character, the characters its
        filter most likely hid, and the page's notes."""
        cfg = self.config
        edits: list[Edit] = []
        notes: list[str] = []
        gaps: list[Gap] = []
        if cfg.find_gaps:
            # In code only machine-written forms are read (CODE_RULES): code's own signs
            # look to the other rules like deleted numbers.
            in_code = Spans([(a + 1, b) for a, b in code_spans(seen)])
            # A run of symbols after digits (20**年) hides the number's own digits.
            digit_masks = {m.end for m in masks if m.start and seen[m.start - 1] in ASCII_DIGITS}
            gaps = [
                gap
                for gap in find_gaps(seen, masks, cfg.gap_min_confidence)
                if gap.confidence >= cfg.gap_min_confidence
                and gap.offset not in digit_masks
                and (gap.offset not in in_code or rule_name(gap.reason) in CODE_RULES)
            ]
        hidden = unseen_candidates(seen, cfg)  # without the priors: no mask may need them
        if masks and _mostly_masks(seen, masks, cfg):
            # A page this dense with masks was redacted, not filtered: fill nothing.
            edits.extend(Edit("mask", m.start, m.end, None, 0.0, (), REDACTED_PAGE) for m in masks)
            notes.append(REDACTED_PAGE)
        elif masks:
            breaks = frozenset(gap.offset for gap in gaps) | marked  # digits stood at every gap
            mask_edits, hidden = self._rank_to_fixpoint(seen, masks, breaks, prior)
            edits.extend(mask_edits)
        if gaps:
            # The gap model reads the text as a second run would: restorations filled in.
            filled = _filled(seen, edits) if edits else seen
            # An earlier run's marks take part (the page reads as it did then) but are
            # not marked again.
            edits.extend(
                Edit("gap", gap.offset, gap.offset, None, gap.confidence, (), gap.reason)
                for gap in self._checked_gaps(filled, gaps)
                if gap.offset not in marked
            )
        return edits, hidden, notes

    def _checked_gaps(self, text: str, gaps: list[Gap]) -> list[Gap]:
        """The rules' gaps less those the gap model does not let stand: where varied text
        says no number stands (品‸名, ‸处以), and doubtful places on a page that shows no
        confident one (:meth:`restore.gapmodel.GapModel.supported`).

        A place right after a kept gap's unit (全区‸户‸名: households, then persons) is
        a list of counts, not the word the model's two characters of context see (户名,
        an account name): the model is not asked about it.
        """
        if self.gap_model is None:
            return gaps
        stands = self.gap_model.supported(text, [(gap.offset, gap.reason) for gap in gaps])
        kept: list[Gap] = []
        after_unit = -1
        for gap, ok in zip(gaps, stands):  # sorted by offset
            if gap.offset == after_unit or ok:
                kept.append(gap)
                name = rule_name(gap.reason)
                if name.startswith("unit:") and gap.confidence >= self.config.gap_min_confidence:
                    after_unit = gap.offset + len(name) - len("unit:")
        return kept

    def _rereads_otherwise(
        self, seen: str, edits: list[Edit], width: int, prior: Mapping[str, float] | None
    ) -> bool:
        """Whether a second run over the output would read the page at the other width
        and restore something. The width is read from the runs, and restorations change
        them: ``**产**体**`` (three even runs: two symbols a character) → ``党产**体**``
        leaves two, which a second run reads one symbol a character (产业群体);
        ``*建建**建**员**务`` (an odd run: one) → ``党建建**建**员**务`` leaves three even runs.
        Then this run's restorations are withdrawn, so every run over the page decides
        as this one does."""
        done = [e for e in edits if e.kind == "mask" and e.replacement is not None]
        if not done:
            return False
        filled = _filled(seen, done)
        again = self._scan(filled)
        if not again or infer_width(again) == width:
            return False
        if width == 1:
            second, _, _ = self._restore_collapsed(filled, again, frozenset(), prior)
        else:
            second, _, _ = self._restore_plain(filled, again, frozenset(), prior)
            if reads_doubled(filled, again, second, self.ranker.table.count):
                return False
        return any(e.kind == "mask" and e.replacement is not None for e in second)

    def _restore_collapsed(
        self, seen: str, masks: list[Mask], marked: frozenset[int], prior: Mapping[str, float] | None = None
    ) -> tuple[list[Edit], str, list[str]]:
        """A page whose filter wrote two symbols per character, read with each pair as one
        symbol (:mod:`restore.width`), its edits mapped back onto the page."""
        short, back = collapse(seen, masks)
        where = {o: i for i, o in enumerate(back)}
        short_masks = [Mask(where[m.start], where[m.end], m.state) for m in masks]
        short_marked = frozenset(where[k] for k in marked if k in where)
        edits, hidden, notes = self._restore_plain(short, short_masks, short_marked, prior)
        notes.append(TWO_SYMBOLS)
        return expand(edits, back), hidden, notes

    def restore(
        self,
        text: str,
        *,
        mark_gaps: bool = True,
        gap_marker: str | None = None,
        filter_prior: Mapping[str, float] | None = None,
    ) -> Result:
        """Restore one document. ``mark_gaps=False`` keeps gaps out of the text (JSONL mode).

        ``gap_marker`` stands in for the configured one (a GBK file cannot hold ``⁇``).
        ``filter_prior``: what the pages before this one say about which characters
        the filter hides (:meth:`restore.filterevidence.FilterEvidence.prior`); a
        corpus reads better with it than page by page.

        A gap marker already in the input is an earlier run's mark. Everything is
        computed on the text without its markers, as that run saw it, and mapped
        back; the marked places are not marked again. So a second run over the
        output repeats the first run's last computation and changes nothing.
        """
        cfg = self.config
        marker = cfg.gap_marker if gap_marker is None else gap_marker
        plain, origin, marked = _without_markers(text, marker)
        # Ranked in Simplified script, one character for one: offsets stay the same.
        script = read_script(plain, cfg.candidates)
        seen = script.simplified
        masks = _split_at(find_masks(seen, cfg), marked)
        # On a Markdown page an even run is bold, not a two-symbol filter.
        markdown = bool(masks) and not cfg.symbol_width and looks_like_markdown(seen)
        width = cfg.symbol_width or (infer_width(masks) if masks and not markdown else 1)
        if width == 2:
            edits, hidden, notes = self._restore_collapsed(seen, masks, marked, filter_prior)
        else:
            edits, hidden, notes = self._restore_plain(seen, masks, marked, filter_prior)
            # Few runs, all even: the page's own reading tells the filter's width.
            doubled = bool(masks) and not cfg.symbol_width and not markdown
            if doubled and reads_doubled(seen, masks, edits, self.ranker.table.count):
                edits, hidden, notes = self._restore_collapsed(seen, masks, marked, filter_prior)
                width = 2
        if (
            masks
            and not cfg.symbol_width
            and not markdown
            and self._rereads_otherwise(seen, edits, width, filter_prior)
        ):
            edits = _withdrawn(edits, {(e.start, e.end) for e in edits if e.replacement is not None})
        if script.traditional:
            edits = [_written(e, script, plain) for e in edits]
            hidden = script.written(hidden, min((e.start for e in edits), default=0), plain)
        if origin is not None:
            edits = [
                replace(e, start=origin[e.start], end=origin[e.start] + (e.end - e.start)) for e in edits
            ]
        if len(edits) > 1:
            edits.sort(key=lambda e: (e.start, e.end))
        return Result(
            source=text,
            text=apply_edits(text, edits, marker if mark_gaps else "") if edits else text,
            edits=tuple(edits),
            alphabet=hidden,
            notes=tuple(notes),
        )


def _written(edit: Edit, script: Script, page: str) -> Edit:
    """A mask edit's readings in the script of the line it stands in."""
    if edit.kind != "mask":
        return edit
    return replace(
        edit,
        replacement=None if edit.replacement is None else script.written(edit.replacement, edit.start, page),
        candidates=tuple((script.written(r, edit.start, page), p) for r, p in edit.candidates),
    )


def _without_markers(text: str, marker: str) -> tuple[str, list[int] | None, frozenset[int]]:
    """``text`` without gap markers, the map from its offsets back to ``text``'s
    (None when there was no marker), and the offsets where markers stood."""
    if not marker or marker not in text:
        return text, None, frozenset()
    pieces = text.split(marker)
    origin: list[int] = []
    marked: set[int] = set()
    pos = 0
    for k, piece in enumerate(pieces):
        origin.extend(range(pos, pos + len(piece)))
        pos += len(piece)
        if k < len(pieces) - 1:
            marked.add(len(origin))
            pos += len(marker)
    origin.append(pos)
    return "".join(pieces), origin, frozenset(marked)


def _split_at(masks: list[Mask], marked: frozenset[int]) -> list[Mask]:
    """Split mask runs at marked gaps (``*⁇*`` is two masks, not ``**``)."""
    if not marked:
        return masks
    out: list[Mask] = []
    for m in masks:
        cuts = sorted(k for k in marked if m.start < k < m.end)
        bounds = [m.start, *cuts, m.end]
        out.extend(Mask(a, b, m.state) for a, b in zip(bounds, bounds[1:]))
    return out


def _withdrawn(edits: list[Edit], places: set[tuple[int, int]]) -> list[Edit]:
    """``edits`` with the restorations at ``places`` left alone (reported, not filled)."""
    return [replace(e, replacement=None, note=WITHDRAWN) if (e.start, e.end) in places else e for e in edits]


def _filled(text: str, edits: list[Edit]) -> str:
    """``text`` with the restored masks filled in (same length: offsets stay valid)."""
    return apply_edits(text, [e for e in edits if e.replacement is not None])


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


def restore_text(text: str, config: RestoreConfig | None = None, *, mark_gaps: bool = True) -> Result:
    """Restore one document.

    The :class:`Restorer` for ``config`` is made on the first call and kept for the
    process, one per distinct configuration, so later calls do not load the lexicon
    again. A program that restores many documents can hold its own Restorer instead.
    """
    return _default_restorer(config).restore(text, mark_gaps=mark_gaps)


_RESTORERS: dict[RestoreConfig, Restorer] = {}


def _default_restorer(config: RestoreConfig | None) -> Restorer:
    cfg = config or RestoreConfig()
    if cfg not in _RESTORERS:
        _RESTORERS[cfg] = Restorer(cfg)
    return _RESTORERS[cfg]
