"""The scanner's open questions, answered from the lexicon.

The scanner (:mod:`restore.scan`) sees shapes, not words. Two shapes it cannot decide
alone: a ``共*产*党`` chain (a censor's insertion between the letters of a word, or
masks?) and a star pair around a stretch across sentence punctuation (emphasis, or two
masks?). :func:`settle` decides both with the word table: what it returns holds no
open question.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .chars import han_head, han_tail
from .lattice import MAX_WORD, OTHER
from .model import Mask, MaskState

if TYPE_CHECKING:
    from .config import RestoreConfig
    from .wordtable import WordTable


def settle(text: str, masks: Sequence[Mask], table: WordTable, config: RestoreConfig) -> list[Mask]:
    """The scanner's masks with its open questions answered: a ``共*产*党`` chain is a
    censor's insertion or masks, a star pair around a sentence is emphasis (dropped) or
    two masks. A ``FIELD_QUESTION`` is left for the ranker, which reads it with the
    words around it (:meth:`restore.rank.Ranker.rank`)."""
    return _settle_emphasis(text, _settle_insertions(text, masks, table), table, config)


def _settle_insertions(text: str, masks: Sequence[Mask], table: WordTable) -> list[Mask]:
    """Decide the chains the scanner left as ``INSERTION_QUESTION`` (``共*产*党``).

    A chain is a censor's insertion when the Han characters around its symbols,
    read without them, make a dictionary word (共产党); otherwise each symbol is
    an ordinary mask (``特别行*区*府`` is 特别行政区政府).
    """
    out: list[Mask] = []
    i = 0
    while i < len(masks):
        if masks[i].state is not MaskState.INSERTION_QUESTION:
            out.append(masks[i])
            i += 1
            continue
        j = i
        while (
            j + 1 < len(masks)
            and masks[j + 1].state is MaskState.INSERTION_QUESTION
            and masks[j + 1].start == masks[j].end + 1
        ):
            j += 1
        chain = masks[i : j + 1]
        word = text[chain[0].start - 1] + "".join(text[m.end] for m in chain if m.end < len(text))
        verdict = MaskState.CENSOR_INSERTION if (table.count(word) or 0) > 0 else MaskState.OPEN
        out.extend(Mask(m.start, m.end, verdict) for m in chain)
        i = j + 1
    return out


#: On a Markdown page, a word a candidate would make beside an emphasis star does not
#: count when the neighbour's own word is this many times more frequent (群发 against
#: 发现: about 400 times). At 10, 金融业 against 金融 and 服务业 against 服务 did not count,
#: and masks on mask-heavy pages were read as italics (docs/accuracy.md).
OUTWEIGHED = 100


def _settle_emphasis(text: str, masks: Sequence[Mask], table: WordTable, config: RestoreConfig) -> list[Mask]:
    """Decide the delimiter pairs the scanner left as ``EMPHASIS_OPEN_QUESTION`` and
    ``EMPHASIS_CLOSE_QUESTION``.

    ``*的二十大以来，……特色产*`` is two masks (党的, 产业); ``*请勿吸烟，谢谢合作*``
    is emphasis: the pair is two masks when, at both ends, some candidate makes a
    dictionary word with the characters inside the span next to it. A single-star pair
    on a Markdown page (``MARKUP_*``; the scanner already took ``**`` pairs there for
    bold) is two masks when, at both ends, a candidate makes a word with the text on
    either side (企*和*务: 企业, 业务). Otherwise the pair is markup and no edit is
    made for it. One end alone is not enough: nearly every character makes some word
    with one of the candidates (合作 → 作业).
    """
    freq = table.freq
    symbols = config.mask_symbols
    candidates = config.candidates

    def starts_word(following: str) -> bool:
        """Some candidate starts a word, or the start of a longer one, with ``following``
        (党的 of 党的二十届四中全会)."""
        for c in candidates:
            for k in range(1, len(following) + 1):
                f = freq.get(c + following[:k])
                if f is None:
                    break
                if f > 0 or k >= 2:
                    return True
        return False

    def ends_word(preceding: str) -> bool:
        """Some candidate ends a word that ``preceding`` begins (产业, 行政)."""
        table.ensure(preceding + OTHER, OTHER, candidates)  # preceding's words, and its last character + c
        ks = range(1, len(preceding) + 1)
        return any(freq.get(preceding[-k:] + c, 0) > 0 for c in candidates for k in ks)

    def outweighed_after(following: str) -> bool:
        """The words a candidate would start with ``following`` are far rarer than the
        word ``following`` starts itself: 群发 (17) against 发现 (24,826) in ``*发现``."""
        table.ensure(following)
        own = max((freq.get(following[:k], 0) for k in range(2, len(following) + 1)), default=0)
        made = max(
            (freq.get(c + following[:k], 0) for c in candidates for k in range(1, len(following) + 1)),
            default=0,
        )
        return made * OUTWEIGHED < own

    def outweighed_before(preceding: str) -> bool:
        """As :func:`outweighed_after`, for a word a candidate would end (查党 against 调查)."""
        table.ensure(preceding)
        own = max((freq.get(preceding[-k:], 0) for k in range(2, len(preceding) + 1)), default=0)
        made = max(
            (freq.get(preceding[-k:] + c, 0) for c in candidates for k in range(1, len(preceding) + 1)),
            default=0,
        )
        return made * OUTWEIGHED < own

    def makes_word(m: Mask) -> bool:
        """The delimiter, read as a candidate, makes a word with the text beside it."""
        before = han_tail(text[max(0, m.start - MAX_WORD) : m.start], symbols)
        after = han_head(text[m.end : m.end + MAX_WORD], symbols)
        if m.state in (MaskState.MARKUP_OPEN_QUESTION, MaskState.MARKUP_CLOSE_QUESTION):
            # On a Markdown page a side counts only if the word a candidate makes there is
            # not outweighed by the word its neighbour already makes (从*用户调查*发现:
            # 从业, but 群发 against 发现): emphasis is the page's habit.
            return (starts_word(after) and not outweighed_after(after)) or (
                ends_word(before) and not outweighed_before(before)
            )  # 企*和*务: 企业, 业务
        if m.state is MaskState.EMPHASIS_OPEN_QUESTION:
            return starts_word(after)  # inside: *的二十大 is 党的二十大
        return ends_word(before)  # inside: 特色产* is 特色产业

    out: list[Mask] = []
    # Pairs follow one another or nest (*甲*乙*丙*: a pair inside a pair), so a closer
    # answers the last opener still open.
    openers: list[Mask] = []
    for m in masks:
        if m.state in (MaskState.EMPHASIS_OPEN_QUESTION, MaskState.MARKUP_OPEN_QUESTION):
            openers.append(m)
        elif m.state in (MaskState.EMPHASIS_CLOSE_QUESTION, MaskState.MARKUP_CLOSE_QUESTION):
            opener = openers.pop() if openers else None
            if opener is not None and makes_word(opener) and makes_word(m):
                out.extend((Mask(opener.start, opener.end), Mask(m.start, m.end)))
        else:
            out.append(m)
    out.sort(key=lambda m: m.start)
    return out
