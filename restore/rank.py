"""mask + context + lexicon -> ranked candidates with a confidence.

The model is jieba's: a sentence is a sequence of words drawn independently with
probability count/total. A masked character is a hidden variable. Around each mask
(Han text and masks up to WINDOW characters each side, within the clause) we build
the lattice of every dictionary word that can be read there, letting a mask stand for any candidate
character, and run forward-backward over it. The posterior that a mask (or a run of
masks, decoded jointly) is a given string is then exact under the model, summed over
all segmentations, and costs time linear in the clause length, never exponential in
the number of masks.

A mask may also hide a character outside the alphabet (a name, a digit). That
hypothesis, OTHER, competes as a single character with a small count; when it wins
the mask is left alone.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from operator import itemgetter
from typing import NamedTuple

import regex

from .alphabet import (
    PRIOR_HIDDEN,
    Alphabet,
    average_over_hidden_sets,
    hidden_set_weights,
    likely_hidden,
    worth_counting,
)
from .chars import HAN, QUOTATION_MARKS, han_head, han_tail, is_han
from .config import RestoreConfig
from .context import ContextModel, builtin_context_path
from .gaps import unit_makes_word
from .lattice import MAX_WORD, OTHER, Lattice
from .markup import looks_like_markdown
from .model import BELOW_MIN_CONFIDENCE, Edit, Mask, MaskState
from .names import beside_a_name, name_slots, office_after_name
from .nouns import makes_compounds, noun_before
from .register import informal
from .scan import notes_its_stars
from .settle import settle
from .slotmodel import OTHER as SLOT_OTHER
from .slotmodel import SlotModel, builtin_slot_model_path, normalise
from .wordtable import WordTable, load_word_table

#: How far the lattice reaches on each side of a mask, within its clause: past the
#: longest set phrase a mask sits in, and no further (benchmarks/README.md, "Measurements
#: behind the code").
WINDOW = 8
#: Longest stretch of text one lattice covers when nearby masks share it.
MAX_SPAN = 80
#: How many joint readings of a run are scored exactly.
BEAM = 6
#: Characters that follow a number (units, measure words) or a place name; a mask
#: before them that forms no word is more likely a hidden digit or name. (份 篇 张 块 段
#: 册 页 follow a candidate at most six times each in the corpora's 70 M characters.)
NUMBER_UNITS = set("年月日号时点分秒个次名位家户元万亿岁届期周天倍米里亩吨辆台件项条座所批份篇张块段册页%")
PLACE_SUFFIXES = set("省市县区镇乡村州街路")
PLACE_PREFIXES = set("某")
#: Characters that introduce a number (于*号, 第*届, 共*个): between one of these and a
#: unit the slot is a number's even when a candidate would make a word (群号).
NUMBER_PREFIXES = set("于第共约近逾达至")
#: The ordinal prefix: a numeral follows it, never a candidate (第 before 党, 政, 群 or 业
#: four times in the 70 M characters of the training corpora, each inside another word).
ORDINAL = "第"
#: Words a weekday's numeral follows (星期三, 礼拜天); neither stands before a candidate
#: in the corpora, and before a numeral 1,345 times.
WEEKDAY = ("星期", "礼拜")
#: Share of probability such a slot gives to "some other character".
SLOT_DOUBT = 0.9
#: A run whose lattice puts it inside a word with less probability than this is one no
#: word holds (``RunScore.in_word``): only the candidates' own frequencies read it.
HELD = 0.5
#: Share of probability an isolated run (no Han neighbour, no word) gives to it.
ISOLATED_DOUBT = 0.5
#: The share "no character here" gets from a star that makes no word with its Han
#: neighbour and stands where a page's own stars do: at the end of a line (a poster's
#: note mark, 当局不让报道*), or on a Markdown page before a Han character, after another
#: or at a clause's start (a glob, the sign named: 用*和?代替, ，*表示所有列). A star
#: before punctuation is a word's last character as often (标题*，: 标题党).
MARKUP_DOUBT = 0.5
#: The prior that the filter hides a character above which the input itself has shown
#: it does (:mod:`restore.filterevidence`: the pages before this one); unshown, the
#: prior is about one half.
ESTABLISHED = 0.9
#: The share "no character here" gets from a mask that no word touches, on a page where
#: no mask touches a word, when the input has not shown that its filter hides the
#: mask's best reading: only the candidates' own frequencies speak for it, and such
#: stars are as often the page's own (北京*上海, 我是*小编, 第一章*总则) as masks
#: (docs/accuracy.md).
UNSUPPORTED_DOUBT = 0.5
#: What follows a sign named in a sentence (*表示差异显著, **代表极显著): a star that
#: makes no word before them is the sign itself.
SIGN_NAMED = ("表示", "代表")
#: What follows the name of a sign, ``*号`` (the star sign): a key, or what the sign
#: stands for or does (按*号键, 用*号表示, *号隔开). 群号, the one candidate word, is a
#: chat group's number and is never pressed or used to mark.
SIGN_NAME_USES = ("键", "表示", "代表", "标出", "标注", "标记", "隔开", "分隔", "代替", "替代")
#: Pronouns before a swear word that writers censor themselves (他*的, 你*的). A star
#: between one of them and 的 that makes no word is doubted as the writer's own
#: (:data:`MARKUP_DOUBT`); 我 is not among them: 我*的 is 我党的.
SWEAR_BEFORE = frozenset("他她你")
#: The first characters of swear words posters censor themselves (傻*, 卧*): in the
#: training corpora neither stands before a candidate, and 傻逼, 傻叉 and 卧槽 stand 138
#: times. Only the productive suffix 业 makes a "word" there (傻业).
SWEAR_STEMS = frozenset("傻卧")
#: Share of probability a name-shaped slot gives to "some other character".
NAME_DOUBT = 0.5
#: Weights of the context models against the lattice (a product of experts). The built-in
#: model, from 1.8 M characters of older news, counts half; a user's model (``--model``),
#: usually from far less text, a quarter: on two-fold cross-validation over dev, higher
#: weights for it cost precision (docs/accuracy.md, "Adapting to your text").
BUILTIN_CONTEXT_WEIGHT = 0.5
CONTEXT_WEIGHT = 0.25
#: The built-in (news) context model's weight on an informal page (restore.register), as a
#: share of its weight elsewhere: 1998 news misleads on posts and chat (docs/accuracy.md).
INFORMAL_NEWS_SHARE = 0.5
#: Weight of the slot model (restore.slotmodel, learned from varied text) against the
#: lattice. It reads both sides together, so its evidence overlaps the lattice's words
#: more than the one-sided context model's does: a quarter (docs/accuracy.md).
SLOT_WEIGHT = 0.25
#: The highest confidence of a restoration the slot model does not back
#: (:meth:`Ranker._slots_unbacked`): about how often such restorations are right off
#: the news (docs/accuracy.md, "Calibration").
DISAGREED = 0.8
#: The highest confidence of a restoration after a noun that no word holds and the slot
#: model is blind to, where more than one candidate that may be hidden makes compounds
#: after nouns and the page shows none of the reading's characters hidden
#: (:meth:`Ranker._bare_suffix`): such restorations would have been right 7 times in 27 over
#: dev and held-out text (docs/accuracy.md, "Nouns before a blind mask").
BARE_SUFFIX = 0.25
#: The highest confidence of a restoration the slot model does not back beside a word in
#: Latin letters (QQ*可以, 办公室*P): the word lattice reads Han text only, so the word
#: the mask most likely ends or begins (QQ群, 群P) is out of its sight. Beside a Latin
#: word, restorations that a Han word holds are backed and kept (BF*见相同, PC*务).
LATIN_BLIND = 0.5
#: How many reweighed runs the ranker keeps before it starts afresh (memory stays flat).
RESCORE_CACHE = 16384
#: Sort key of a (reading, probability) pair; sorted with reverse=True, which keeps
#: equal probabilities in their order, as sorting by -p does.
_PROBABILITY = itemgetter(1)
#: Quotation marks inside a clause; the lattice reads words through them.
QUOTES = frozenset(QUOTATION_MARKS)


#: Runs this long are filled only where words hold every character of their reading
#: (:meth:`Ranker._words_cover`).
LONG_RUN = 3
#: The note on such a run left alone.
NO_WORDS_COVER = "no words hold this reading: likely not the filter's"
#: The longest run of hidden characters a filter leaves: in the training corpora
#: (docs/training-data.md, 70 M characters) two candidates stand together 5,621 times,
#: three 88 times (政党政治), four never. A longer run (请输入****) is the page's own.
LONGEST_HIDDEN = 3
#: The note on a run longer than that.
TOO_LONG = "longer than any run of hidden characters: likely not the filter's"
#: The longest phrase between the two runs of a pair read as the page's emphasis.
EMPHASIS_SPAN = 20
#: The note on such a pair.
EMPHASIS_PAIR = "an emphasis pair: likely the page's own bold or italics"
#: The committee 党委 and the title 政委 differ in one hidden character; beside a
#: personal name the title stands (in the training corpora a name follows 政委 13 times in
#: 13, and 党委 once in 31 times a surname does), so 党委 there is reported at most at
#: this confidence, under the default threshold.
TITLE_OR_BODY = ("党", "委")
TITLE_OR_BODY_CAP = 0.45
#: The title's hidden character, and the confidence of the title where the alphabet
#: holds it (the title stood each of the 8 times the rule fired over dev and held-out
#: text, docs/accuracy.md).
TITLE = "政"
TITLE_CONFIDENCE = 0.8
#: The note on a mask left for want of support (:data:`UNSUPPORTED_DOUBT`).
UNSUPPORTED = "no word holds it, and nothing yet shows that the filter hides this"
#: The note on a mask left because the document shows every candidate unmasked.
NO_CANDIDATES_LEFT = "no candidate characters left for this document"


class RunScore(NamedTuple):
    """Joint posterior of the readings of one run of masks (a tuple: hashed in C, as
    the memos that key on it need)."""

    readings: tuple[tuple[str, float], ...]  # best first; OTHER marks a non-alphabet char
    #: Probability that every mask of the run lies inside a word that also holds a
    #: visible character (rather than being read by its own frequency alone).
    in_word: float = 1.0


@dataclass(frozen=True)
class Ranking:
    """The mask edits of one document, and the characters its filter most likely hid."""

    edits: tuple[Edit, ...]
    hidden: str


class Ranker:
    """Scores masks with one loaded word table."""

    def __init__(
        self,
        table: WordTable,
        config: RestoreConfig,
        contexts: Sequence[tuple[ContextModel, float]] = (),
        slots: tuple[SlotModel, float] | None = None,
        informal_contexts: Sequence[tuple[ContextModel, float]] | None = None,
    ) -> None:
        self.table = table
        self.config = config
        # Words are looked up only where the ranker first unpacks them (WordTable.ensure):
        # the clause of a lattice, the character before a name slot or an emphasis
        # mark, and here the candidates.
        table.ensure_starting(config.candidates)
        #: Context models and the weight each gets against the lattice.
        self.contexts = tuple(contexts)
        #: The same on an informal page (:func:`restore.register.informal`).
        self.informal_contexts = self.contexts if informal_contexts is None else tuple(informal_contexts)
        #: The slot model and its weight, if ranking with it.
        self.slots = slots
        self.log_total = math.log(table.total)
        self._clause_cache = lru_cache(maxsize=65536)(self._score_clause)
        #: How many characters each side the context and slot models read.
        self._reach = max(
            [model.order for model, _ in self.contexts] + ([slots[0].side] if slots else []) + [3]
        )
        self._rescore_cache: dict[tuple[str, str, RunScore, str, bool], RunScore] = {}

    @classmethod
    def load(cls, config: RestoreConfig) -> Ranker:
        contexts: list[tuple[ContextModel, float]] = []
        informal_contexts: list[tuple[ContextModel, float]] = []
        slots = None
        if config.builtin_context:
            news = ContextModel.load(builtin_context_path())
            contexts.append((news, BUILTIN_CONTEXT_WEIGHT))
            informal_contexts.append((news, BUILTIN_CONTEXT_WEIGHT * INFORMAL_NEWS_SHARE))
            slots = (SlotModel.load(builtin_slot_model_path()), SLOT_WEIGHT)
        if config.model:
            own = (ContextModel.load(config.model), CONTEXT_WEIGHT)
            contexts.append(own)
            informal_contexts.append(own)
        return cls(load_word_table(tuple(config.lexicons)), config, contexts, slots, informal_contexts)

    # -- public ---------------------------------------------------------------
    def rank(
        self, text: str, masks: Sequence[Mask], alphabet: Alphabet, breaks: frozenset[int] = frozenset()
    ) -> Ranking:
        """One mask edit per run: restored when confident, else left with its candidates.

        ``breaks`` are offsets where digits were deleted: no word spans them.
        """
        cfg = self.config
        masks = settle(text, masks, self.table, cfg)
        # A star before a form's label is read as a mask; where no word holds it, it is
        # the form's mark (below).
        fields = frozenset(Mask(m.start, m.end) for m in masks if m.state is MaskState.FIELD_QUESTION)
        if fields:
            masks = [Mask(m.start, m.end) if m.state is MaskState.FIELD_QUESTION else m for m in masks]
        open_masks = [m for m in masks if m.state is MaskState.OPEN and alphabet.chars]
        clauses = _clauses(text, open_masks, cfg.mask_symbols, breaks)
        # The unnarrowed alphabet's lattices are read below; one-mask clauses share them.
        shared = (
            alphabet.chars + alphabet.excluded
            if alphabet.excluded and len(alphabet.chars + alphabet.excluded) < BEAM
            else ""
        )
        speech = informal(text)
        base = self._language_scores(text, clauses, alphabet.chars, shared, speech)
        emphasis = _emphasis_pairs(text, open_masks, base) | self._actions(text, open_masks, alphabet.chars)
        if emphasis:
            # The page's own emphasis is no evidence of what its filter hid.
            open_masks = [m for m in open_masks if m not in emphasis]
            base = {m: s for m, s in base.items() if m not in emphasis}
        # What the document's shape says, the same under either alphabet.
        marks = self._form_marks(text, fields, base)
        # A form's marks, a note, a legend: the page writes stars itself.
        notation = bool(marks) or notes_its_stars(text, cfg)
        unsupported = self._unsupported(text, open_masks, base, alphabet)
        doubts = self._slot_doubts(text, open_masks, base, unsupported, notation, marks)
        groups = _agreeing_groups(text, open_masks)
        scores, weights = self._posteriors(text, open_masks, alphabet, base, doubts, groups)
        hidden = likely_hidden(alphabet.chars, weights) if weights else alphabet.chars
        if alphabet.excluded and scores:
            # Fill a mask only if it would also be filled had no candidate been seen
            # unmasked (those characters may be an earlier run's restorations, and
            # then a re-run must leave the masks that run left alone), or the page
            # shows its reading's characters hidden.
            wide = alphabet.unnarrowed()
            wide_base = self._language_scores(text, clauses, wide.chars, speech=speech)
            wide_base = {m: s for m, s in wide_base.items() if m not in emphasis}
            wider, _ = self._posteriors(text, open_masks, wide, wide_base, doubts, groups)
            shown = _shown(wider.values())
            scores = {m: _cautious(scores[m], wider[m], shown) for m in scores}
        # How many runs that a word holds the ranker is sure of hold each character: the
        # page shows it hidden (runs no word holds read the frequencies again).
        confident = Counter(
            ch
            for sc in scores.values()
            if sc.readings[0][1] >= SHOWN_CONFIDENCE and sc.in_word >= HELD
            for ch in set(sc.readings[0][0])
        )
        edits: list[Edit] = []
        for m in masks:
            if m.state is not MaskState.OPEN or not alphabet.chars:
                note = m.state.note if m.state is not MaskState.OPEN else NO_CANDIDATES_LEFT
                edits.append(Edit("mask", m.start, m.end, None, 0.0, (), note))
                continue
            if m in emphasis:
                edits.append(Edit("mask", m.start, m.end, None, 0.0, (), EMPHASIS_PAIR))
                continue
            readings = scores[m].readings
            best, conf = readings[0]
            cands = _candidates(readings)
            if (
                conf > DISAGREED
                and OTHER not in best
                and self._slots_unbacked(text, m, scores[m], alphabet.chars)
            ):
                conf = DISAGREED
                if self._bare_suffix(text, m, scores[m], alphabet, confident):
                    conf = BARE_SUFFIX
                elif _beside_latin(text, m):
                    conf = LATIN_BLIND
            if conf > TITLE_OR_BODY_CAP and self._title_or_body(text, m, best):
                conf = TITLE_OR_BODY_CAP
                title = best[:-1] + TITLE
                if any(r == title for r, _ in cands) and not office_after_name(text, m.end + 1):
                    best, conf = title, TITLE_CONFIDENCE
                    cands = _led_by(cands, title, conf)
            reading = cands[0][0] if cands else best
            left_conf = 0.0 if OTHER in best else conf  # a confidence for what is left alone
            if m.length > LONGEST_HIDDEN:
                edits.append(Edit("mask", m.start, m.end, None, left_conf, cands, TOO_LONG))
            elif m.length >= LONG_RUN and not self._words_cover(text, m, reading):
                edits.append(Edit("mask", m.start, m.end, None, left_conf, cands, NO_WORDS_COVER))
            elif OTHER in best:
                note = UNSUPPORTED if m in unsupported else "likely not a hidden candidate"
                edits.append(Edit("mask", m.start, m.end, None, 0.0, cands, note))
            elif conf >= cfg.min_confidence:
                edits.append(Edit("mask", m.start, m.end, best, conf, cands))
            else:
                edits.append(Edit("mask", m.start, m.end, None, conf, cands, BELOW_MIN_CONFIDENCE))
        return Ranking(tuple(edits), hidden)

    def _form_marks(self, text: str, fields: frozenset[Mask], base: dict[Mask, RunScore]) -> frozenset[Mask]:
        """The stars before a form's labels that are its required-field marks.

        A star no word holds is one (*姓名：, *性别：); one a word holds is a mask
        (*委书记：, *史学习教育：). Where half the page's such stars or more are marks, the
        page is a form, and a star whose label begins with a word of its own is one too,
        though a candidate would make a likelier word with it (*体重： beside 群体,
        *内科检查： beside 党内)."""
        fields = frozenset(m for m in fields if m in base)
        marks = {m for m in fields if base[m].in_word < HELD}
        if marks and 2 * len(marks) >= len(fields):
            symbols = self.config.mask_symbols
            count = self.table.count
            for m in fields - marks:
                label = han_head(text[m.end : m.end + MAX_WORD], symbols)
                if any((count(label[:k]) or 0) > 0 for k in range(2, len(label) + 1)):
                    marks.add(m)
        return frozenset(marks)

    def _actions(self, text: str, masks: Sequence[Mask], chars: str) -> frozenset[Mask]:
        """Pairs of single stars around a word at a line's end, the closing one making no
        word: a post's action or mood (学生*捂脸*, 终于毕*哭*), not two masks.

        A filter's pair there has a word at one of its stars and the word between (一*专*。
        is 一党专政: 专政; 他是*员* is 党员): where no candidate makes a word with the word
        between, on either side (党捂脸? 捂脸党?), the pair is the page's own, whatever word
        the opener makes with what stands before it (学生党)."""
        out: set[Mask] = set()
        count = self.table.count
        for first, second in zip(masks, masks[1:]):
            body = text[first.end : second.start]
            after = text[second.end : second.end + 1]
            if (
                first.length == second.length == 1
                and (not after or after in "\r\n")
                and 1 <= len(body) <= ACTION_SPAN
                and all(is_han(ch) for ch in body)
                and not any((count(body[-k:] + c) or 0) > 0 for c in chars for k in range(1, len(body) + 1))
                and not any((count(c + body[:k]) or 0) > 0 for c in chars for k in range(1, len(body) + 1))
            ):
                out.update((first, second))
        return frozenset(out)

    def _slots_unbacked(self, text: str, m: Mask, score: RunScore, chars: str) -> bool:
        """Whether the slot model does not back the run's best reading: alone, it prefers
        another of ``chars`` for one of its characters where it saw candidates between
        such neighbours, or no word holds the run and it never saw a candidate there.

        The experts' product is then surer than its parts. Where the model disagrees,
        such restorations were right 82 % of the time on the laws and 89 % on the forum
        (100 % on news, whose words the lattice knows). Where it is blind and no word
        holds the mask (妇女*中, 樟树*，), the lattice has only the candidates' own
        frequencies to go on, and news-era 党 outranks the 群 of 妇女群: such
        restorations were right about 70 % of the time over dev and held-out text. The
        confidence of both is capped (:data:`DISAGREED`)."""
        if self.slots is None:
            return False
        model = self.slots[0]
        known = [c for c in chars if c in model.candidates] or list(model.candidates)
        free = score.in_word < HELD
        for ch, near_l, near_r in self._slot_contexts(model, text, m, score.readings[0][0]):
            if not model.knows(near_l, near_r):
                if free:
                    return True
                continue
            dist = model.distribution(near_l, near_r)
            if max(known, key=dist.__getitem__) != ch:
                return True
        return False

    def _bare_suffix(
        self, text: str, m: Mask, score: RunScore, alphabet: Alphabet, confident: Counter[str]
    ) -> bool:
        """Whether the run follows a noun where no word holds it and the slot model never
        saw a candidate between its neighbours, with more than one candidate that may be
        hidden (prior one half or more) making compounds after nouns, and no character of
        its reading in SHOWN_RUNS runs that a word holds and the ranker is sure of (runs
        no word holds, 柑橘* five times over, would vouch for their own frequencies).

        Its reading is then a suffix chosen by the candidates' own frequencies, the
        news' (妇女*中 and 柑橘*推 read 党; :mod:`restore.nouns`): right on a political
        page, which shows 党 hidden elsewhere, and seldom on others."""
        reading = score.readings[0][0]
        if score.in_word >= HELD or not self._slots_blind(text, m, reading):
            return False
        makers = [c for c in alphabet.chars if alphabet.weight(c) >= PRIOR_HIDDEN and makes_compounds(c)]
        if len(makers) < 2:
            return False
        if any(confident[ch] >= SHOWN_RUNS for ch in set(reading)):
            return False
        return noun_before(text, m.start, self._is_word)

    def _is_word(self, word: str) -> bool:
        """Whether the word table holds ``word`` as a word (not only as a prefix)."""
        return bool(self.table.count(word))

    def _slots_blind(self, text: str, m: Mask, reading: str) -> bool:
        """Whether the slot model never saw a candidate between the neighbours of one of
        the reading's characters."""
        if self.slots is None:
            return False
        model = self.slots[0]
        return any(
            not model.knows(near_l, near_r)
            for _, near_l, near_r in self._slot_contexts(model, text, m, reading)
        )

    def _slot_contexts(
        self, model: SlotModel, text: str, m: Mask, reading: str
    ) -> Iterator[tuple[str, str, str]]:
        """Each of the reading's characters ``model`` knows as a candidate, with the
        neighbours it reads it between (the run's other characters as read)."""
        symbols = self.config.mask_symbols
        left, right = _slot_sides(text, m, model.side, symbols)
        for i, ch in enumerate(reading):
            if ch in model.candidates:
                yield (ch, *_slot_near(left, right, reading, i, model.side, symbols + OTHER))

    def _title_or_body(self, text: str, m: Mask, reading: str) -> bool:
        """Whether ``reading`` makes the committee 党委 beside a personal name, where the
        title 政委 (a political commissar) stands: 陈清华*委, *委何忠友."""
        if not reading.endswith(TITLE_OR_BODY[0]) or text[m.end : m.end + 1] != TITLE_OR_BODY[1]:
            return False
        return beside_a_name(text, m.start, m.end + 1, self._is_word)

    def _unsupported(
        self, text: str, masks: Sequence[Mask], base: dict[Mask, RunScore], alphabet: Alphabet
    ) -> frozenset[Mask]:
        """The masks nothing but the candidates' own frequencies reads, when nothing else
        says a filter was at work: no mask of the page makes a word with a visible
        character in its best reading (``*建``, ``一**野鸭`` would), and the input has
        not shown that its filter hides the mask's best reading (:data:`ESTABLISHED`).
        A corpus whose filter the pages before have shown keeps its posters' 外貌*,
        烤鸭* (外貌党); a lone ``北京*上海`` in a file is the page's own."""
        best = {m: _candidates(base[m].readings) for m in masks}
        if any(best[m] and self._touches_word(text, m, best[m][0][0]) for m in masks):
            return frozenset()
        return frozenset(
            m for m in masks if best[m] and min(alphabet.weight(c) for c in best[m][0][0]) < ESTABLISHED
        )

    def _touches_word(self, text: str, m: Mask, reading: str) -> bool:
        """Whether a word of two characters or more holds a character of ``reading`` and
        a visible neighbour, reading up to three Han characters each side of the run."""
        line, first, last = self._reading_in_line(text, m, reading, 3)
        count = self.table.count
        return any(
            (count(line[i:j]) or 0) > 0
            for i in range(last)
            for j in range(max(i + 2, first + 1), min(len(line), i + MAX_WORD) + 1)
            if i < first or j > last
        )

    def _words_cover(self, text: str, m: Mask, reading: str) -> bool:
        """Whether words of two characters or more hold every character of ``reading``
        at once, reading up to two Han characters each side of the run.

        A filter's run of three or more stands where its characters stand together:
        党政群机关, 政党政治 (政党|政治). A poster's own ``***`` (共产党) read as
        党政党 leaves a character that only a word overlapping another could hold."""
        line, first, last = self._reading_in_line(text, m, reading, 2)
        count = self.table.count
        # reach[i]: the first i characters of ``line`` split into words, every character
        # of the reading inside a word of two or more.
        reach = [True] + [False] * len(line)
        for i in range(len(line)):
            if not reach[i]:
                continue
            if not first <= i < last:
                reach[i + 1] = True  # a neighbour may stand alone
            for j in range(i + 2, min(len(line), i + MAX_WORD) + 1):
                if (count(line[i:j]) or 0) > 0:
                    reach[j] = True
        return reach[len(line)]

    def _reading_in_line(self, text: str, m: Mask, reading: str, reach: int) -> tuple[str, int, int]:
        """The run read as ``reading`` with up to ``reach`` Han characters each side, and
        where the reading starts and ends in it; the word table is made ready for it."""
        symbols = self.config.mask_symbols
        left = han_tail(text[max(0, m.start - reach) : m.start], symbols)
        right = han_head(text[m.end : m.end + reach], symbols)
        line = left + reading + right
        self.table.ensure(line)
        return line, len(left), len(left) + len(reading)

    def settle(self, text: str, masks: Sequence[Mask]) -> list[Mask]:
        """:func:`restore.settle.settle` with this ranker's table and configuration."""
        return settle(text, masks, self.table, self.config)

    # -- internals ------------------------------------------------------------
    def _language_scores(
        self, text: str, clauses: Clauses, chars: str, wider: str = "", speech: bool = False
    ) -> dict[Mask, RunScore]:
        """Each run's readings from ``chars`` under the language model alone: the
        lattice, then the context models (those for an informal page when ``speech``).

        The lattice reads the masks of a clause together, so a character seen unmasked
        must not be among ``chars``: in 坚持一*专* the reading 一群专业 would lend 业 to
        the second mask even once 群 is ruled out for the first. A clause of one mask
        has no such neighbour: with ``wider`` (the unnarrowed alphabet, which the
        ranker reads too) it takes that alphabet's readings of ``chars``, renormalised,
        and shares its lattice and context scores."""
        own, shared = clauses, []
        if wider:
            own = [c for c in clauses if not _one_mask(c)]
            shared = [c for c in clauses if _one_mask(c)]
        scores = self._score_runs(own, chars)
        if self.contexts:
            scores = {m: self._rescored(text, m, s, chars, speech) for m, s in scores.items()}
        if shared:
            # No beam cuts a lone mask's readings when the alphabet is shorter than BEAM
            # (the ranker's condition for ``wider``): each of ``chars`` is there.
            scores.update(
                (m, _narrowed(s, chars))
                for m, s in self._language_scores(text, shared, wider, speech=speech).items()
            )
        return scores

    def _posteriors(
        self,
        text: str,
        masks: Sequence[Mask],
        alphabet: Alphabet,
        base: dict[Mask, RunScore],
        doubts: dict[Mask, float],
        groups: list[list[Mask]],
    ) -> tuple[dict[Mask, RunScore], list[float]]:
        """Each run's readings under ``alphabet``, and the posterior of which subset of
        it was hidden (:func:`restore.alphabet.hidden_set_weights`; empty for no runs).

        ``base`` holds the language model's scores (:meth:`_language_scores`); which
        characters this document's filter hid is inferred from all its masks together.
        ``doubts`` (:meth:`_slot_doubts`) and ``groups`` (:func:`_agreeing_groups`)
        depend on the text alone and are worked out once for both alphabets.
        """
        scores = base
        weights: list[float] = []
        if scores:
            # The document's whole length, masks included: a subset predicts how many of
            # its characters there are, and every hidden one is now a mask.
            weights = hidden_set_weights(alphabet, _evidence(scores, groups), len(text))
            sets = worth_counting(weights)
            chars = alphabet.chars
            # Runs with the same readings (the same context) get the same average.
            averaged: dict[RunScore, RunScore] = {}
            out: dict[Mask, RunScore] = {}
            for m, s in scores.items():
                found = averaged.get(s)
                if found is None:
                    found = averaged[s] = _given_hidden_sets(s, chars, sets)
                out[m] = found
            scores = out
        scores = self._doubt_names(text, masks, scores)
        scores = _doubt_slots(scores, doubts)
        scores = _agree_within_document(scores, groups)
        # The posteriors are reported as they are: on dev they are calibrated
        # (docs/accuracy.md, "Calibration").
        return scores, weights

    def _rescored(self, text: str, m: Mask, score: RunScore, alphabet: str, speech: bool = False) -> RunScore:
        """The run's lattice readings reweighed by the context models, memoised: the
        narrow and the unnarrowed alphabet, and each round to the fixpoint, ask again.
        ``speech``: the page is informal, and the news model counts less."""
        k = self._reach  # as far as any model reads
        key = (text[max(0, m.start - k) : m.start], text[m.end : m.end + k], score, alphabet, speech)
        found = self._rescore_cache.get(key)
        if found is None:
            if len(self._rescore_cache) >= RESCORE_CACHE:
                self._rescore_cache.clear()
            contexts = self.informal_contexts if speech else self.contexts
            found = self._rescore_cache[key] = _rescore(
                text, m, score, contexts, alphabet, self.config.mask_symbols, self.slots
            )
        return found

    def _doubt_names(
        self, text: str, masks: Sequence[Mask], scores: dict[Mask, RunScore]
    ) -> dict[Mask, RunScore]:
        """A mask in a personal-name slot is as likely to be anything as a candidate.

        Unless the surname and the mask make a dictionary word for some candidate
        (施* is 施政), or the whole slot is a listed name (吴*隆 is 吴政隆,
        lexicons/public_figures.tsv), half the probability moves to OTHER, so the
        mask is left alone.
        """
        slots = _name_slots(text, self.config.mask_symbols)
        if not slots:
            return scores
        out = dict(scores)
        for m in masks:
            if m.start not in slots:
                continue
            before = text[m.start - 1]
            after = text[m.end : m.end + 1]
            count = self.table.count
            if any(
                (count(before + r[:1]) or 0) > 0 or (count(before + r + after) or 0) > 0
                for r, _ in scores[m].readings
                if OTHER not in r
            ):
                continue
            mixed = [(r, p * (1 - NAME_DOUBT)) for r, p in scores[m].readings if OTHER not in r]
            other = OTHER * m.length
            mixed.append((other, NAME_DOUBT + (1 - NAME_DOUBT) * dict(scores[m].readings).get(other, 0.0)))
            out[m] = _normalised(mixed, scores[m].in_word)
        return out

    def _slot_doubts(
        self,
        text: str,
        masks: Sequence[Mask],
        base: dict[Mask, RunScore],
        unsupported: frozenset[Mask],
        notation: bool = False,
        marks: frozenset[Mask] = frozenset(),
    ) -> dict[Mask, float]:
        """The masks that form no word and sit where a number or a place name goes,
        with the share of probability each gives to "some other character".

        ``*月*日``, ``共**个``, ``*年度`` hide digits; ``**县``, ``某**镇`` hide a
        place name. When no dictionary word holds the mask, such a slot says far more
        about what was hidden than the candidates' own frequencies do. A run with no
        Han character on either side (``部门，**，团体``, ``好、**、差``) that makes
        no word with its neighbours has only those frequencies to go on: half its
        probability goes to "something else"; so does a star that makes no word at a
        line's or a table cell's end, in a swear word (他*的), or between Han characters
        on a Markdown page, where a page's own stars stand (:data:`MARKUP_DOUBT`), and
        one of ``unsupported`` (:meth:`_unsupported`). Some shapes say so whatever word
        a candidate would make: a numeral's place after 第 or 星期, the star sign named
        (按*号键), a form's blanks for place names (**省**市**县) and a censored swear
        word's half (傻*), and a form's required-field ``marks`` (*姓名：, *性别：: stars
        before labels that no word holds, where 党委书记 and 党史 are words). On a page
        that writes stars as its own ``notation`` (such marks, a note, a legend), a star no
        word holds is as likely one more of them (:data:`MARKUP_DOUBT`): *补考成绩. Whether
        a mask is in a word (``in_word``) is the lattice's, the same under either alphabet.
        """
        doubts: dict[Mask, float] = {}
        markdown: bool | None = None  # asked only when a star could be the page's own
        template = bool(masks) and _blank_template(text)
        for m in masks:
            right = text[m.end : m.end + 1]
            left = text[m.start - 1 : m.start] if m.start else ""
            if m in marks:
                doubts[m] = SLOT_DOUBT  # *姓名：, *性别：: a form's required-field mark
                continue
            if template and (m.length > 1 or base[m].in_word < HELD or right in TEMPLATE_UNITS):
                # 20**年*月*日, ***同志: a template's blanks, which no filter writes. Its runs
                # of stars, its stars that no word holds and those before a unit are blanks
                # too (进入**公司**部门, 等*人前往); a single star a word holds is still a
                # filter's (20**年度*建工作总结).
                doubts[m] = SLOT_DOUBT
                continue
            numeric = bool(right) and right in NUMBER_UNITS and bool(left) and left in NUMBER_PREFIXES
            if left == ORDINAL or text[max(0, m.start - 2) : m.start] in WEEKDAY:
                doubts[m] = SLOT_DOUBT  # 第*章, 星期*: a numeral's place, whatever word 党章 makes
                continue
            if m.length == 1 and right == "号" and text.startswith(SIGN_NAME_USES, m.end + 1):
                doubts[m] = SLOT_DOUBT  # 按*号键: the sign named, whatever word 群号 makes
                continue
            if _in_place_template(text, m, self.config.mask_symbols):
                doubts[m] = SLOT_DOUBT  # **省**市**县: a form's blanks for place names
                continue
            if m.length == 1 and left and left in SWEAR_STEMS:
                # 傻*, 卧*: a swear word's censored half, whatever word the suffix 业 makes
                doubts[m] = MARKUP_DOUBT
                continue
            if base[m].in_word >= HELD and not numeric:
                continue
            unit = right in NUMBER_UNITS and not unit_makes_word(right, text[m.end + 1 : m.end + 2])
            if (right and unit) or right in PLACE_SUFFIXES or left in PLACE_PREFIXES:
                doubts[m] = SLOT_DOUBT
            elif not is_han(left) and not is_han(right):
                doubts[m] = ISOLATED_DOUBT  # ，**， : only the candidates' own counts speak
            elif m.length == 1 and left in SWEAR_BEFORE and right == "的":
                doubts[m] = MARKUP_DOUBT  # 他*的: a writer's own star in a swear word
            elif is_han(right) and (is_han(left) or left in _OPENING) and not numeric:
                # The sign named before 表示 on any page (表中*表示差异显著); on a Markdown
                # page, any such star (用*和?代替, ，*表示所有列).
                named = text.startswith(SIGN_NAMED, m.end)
                if not named and markdown is None:
                    markdown = looks_like_markdown(text)
                if named or markdown:
                    doubts[m] = MARKUP_DOUBT
            elif is_han(left) and _ends_line_or_cell(text, m.end):
                doubts[m] = MARKUP_DOUBT  # 当局不让报道*, | 姓名* |: a note or required-field mark
            if m in unsupported and m not in doubts:
                doubts[m] = UNSUPPORTED_DOUBT
            if notation and m not in doubts and base[m].in_word < HELD:
                doubts[m] = MARKUP_DOUBT
        return doubts

    def _score_runs(self, clauses: Clauses, chars: str) -> dict[Mask, RunScore]:
        """Score each clause's lattice once (:func:`_clauses`), every candidate in
        ``chars`` alike."""
        out: dict[Mask, RunScore] = {}
        score = self._clause_cache
        for clause, runs, ms in clauses:
            for m, s in zip(ms, score(clause, runs, chars)):
                out[m] = s
        return out

    def _score_clause(
        self, clause: str, runs: tuple[tuple[int, int], ...], chars: str
    ) -> tuple[RunScore, ...]:
        self.table.ensure(clause, OTHER, chars)  # a mask in the clause stands for each candidate
        lattice = Lattice(clause, self.table, self.log_total, chars, first=min(a for a, _ in runs))
        results = []
        for a, b in runs:
            found = [lattice.marginal_in_word(i) for i in range(a, b)]
            marg = [dist for dist, _ in found]
            if b - a == 1:  # a single mask's marginal is already its exact posterior
                joint = sorted(marg[0].items(), key=_PROBABILITY, reverse=True)[:BEAM]
            else:
                joint = [(reading, lattice.joint(a, reading)) for reading in _beam(marg, BEAM)]
            z = sum(p for _, p in joint) or 1.0
            # The beam holds almost all the mass; renormalise over it.
            joint.sort(key=_PROBABILITY, reverse=True)
            in_word = min(w for _, w in found)
            results.append(RunScore(tuple((r, p / z) for r, p in joint), in_word))
        return tuple(results)


def _emphasis_pairs(text: str, masks: Sequence[Mask], base: dict[Mask, RunScore]) -> frozenset[Mask]:
    """Pairs of runs of two or three symbols around a short phrase of one clause, neither
    of which a word holds with its neighbours: a plain page's bold (这次活动**非常成功**，).

    Between Han characters such a pair is as often two filtered runs (法国执**得票率远低于
    极右翼**: 执政党, 政党), and then a word holds one end at least: 执政. Where no word
    holds either end, each reads only as a word of masks alone (政党), which says nothing
    of the text around it. In the training corpora (``docs/training-data.md``) two runs of
    two candidates around a phrase stand about twice in a million characters, nearly all
    with a word at one end (民进党党团及亲民党党团); no dev page holds a pair with none.
    A pair of single stars is a plain page's italics only where it also closes its clause
    (味道*真不错*，): on dev, single-star pairs with no word at either end are masks where
    the text runs on after them (导致*儿子*孙子), and those that close a clause are
    Markdown's."""
    out: set[Mask] = set()
    ordered = sorted(masks, key=lambda m: m.start)
    for first, second in _delimiter_candidates(ordered):
        body = text[first.end : second.start]
        after = text[second.end : second.end + 1]
        if (
            first.length == second.length
            and (first.length in (2, 3) or (first.length == 1 and (not after or after in _CLAUSE_ENDS)))
            and first not in out
            and 1 <= len(body) <= EMPHASIS_SPAN
            and "\n" not in body
            and any(is_han(ch) for ch in body)
            and not any(ch in _CLAUSE_BREAKS for ch in body)
            and base[first].in_word < HELD
            and base[second].in_word < HELD
        ):
            out.update((first, second))
    return frozenset(out)


def _delimiter_candidates(ordered: Sequence[Mask]) -> Iterator[tuple[Mask, Mask]]:
    """Each run with the next one, and a run of two or three symbols with the next run of
    its own length past single stars between them: bold holds a filter's masks as any
    text does (我们要**坚持*的全面领导**), and they are not its delimiters."""
    for i, first in enumerate(ordered):
        for second in ordered[i + 1 :]:
            yield first, second
            if first.length == 1 or second.length != 1 or second.start - first.end > EMPHASIS_SPAN:
                break


#: The longest word between the stars of a post's action (学生*捂脸*).
ACTION_SPAN = 4
#: Punctuation that ends a clause: a bold phrase stays within one.
_CLAUSE_BREAKS = frozenset("，。；！？、：,;!?")
#: What may follow the closing star of italics: a clause's end.
_CLAUSE_ENDS = _CLAUSE_BREAKS | {"\n", "\r"}


@lru_cache(maxsize=4)
def _blank_template(text: str) -> bool:
    """Whether the page is a template with blanks: a date (20**年, *月*日) or a name
    before a form of address (***同志) written in stars. A filter hides characters,
    never digits, and no dev page holds such a run."""
    return _BLANK_TEMPLATE.search(text) is not None


#: What follows a template's blank for a number (等*人, 有效期*天).
TEMPLATE_UNITS = NUMBER_UNITS | {"人"}
#: The blanks of a template (:func:`_blank_template`).
_BLANK_TEMPLATE = regex.compile(
    r"[0-9０-９]{2}[*＊]{2}年|[*＊]{1,2}月[*＊]{1,2}日|(?<![*＊])[*＊]{2,}(?:同志|先生|女士)"
)


def _in_place_template(text: str, m: Mask, symbols: str) -> bool:
    """Whether the run is one of a chain of blanks for place names, each before its
    suffix (``**省**市**县``): a form or a template, not a filter's work (a filter's
    行*村 stands alone)."""
    n = len(text)
    if m.end < n and text[m.end] in PLACE_SUFFIXES:
        k = m.end + 1
        if k < n and text[k] in symbols:
            while k < n and text[k] in symbols:
                k += 1
            if k < n and text[k] in PLACE_SUFFIXES:
                return True
    if m.start >= 2 and text[m.start - 1] in PLACE_SUFFIXES and text[m.start - 2] in symbols:
        return m.end < n and text[m.end] in PLACE_SUFFIXES
    return False


def _evidence(scores: dict[Mask, RunScore], groups: list[list[Mask]]) -> list[tuple[tuple[str, float], ...]]:
    """The runs' readings as evidence of which characters the filter hid: one run per
    context (:func:`_agreeing_groups`). A context repeated on a page (「太子*」 twice) is
    the language model's one opinion seen again: counted each time, a systematic mistake
    of the model (群 for 党 there) outweighed what the input's other pages show."""
    repeats = {m for members in groups for m in members[1:]}
    return [s.readings for m, s in scores.items() if m not in repeats]


def _beside_latin(text: str, m: Mask) -> bool:
    """A Latin letter stands right before or after the run (QQ*, *P)."""
    before = text[m.start - 1 : m.start]
    after = text[m.end : m.end + 1]
    return (before.isascii() and before.isalpha()) or (after.isascii() and after.isalpha())


def _ends_line_or_cell(text: str, end: int) -> bool:
    """Only spaces stand between ``end`` and the end of the line or of a table cell."""
    rest = text[end : end + 8].lstrip(" \t")
    return not rest or rest[0] in "\n\r|｜"


def _rescore(
    text: str,
    m: Mask,
    score: RunScore,
    models: Sequence[tuple[ContextModel, float]],
    alphabet: str,
    symbols: str,
    slots: tuple[SlotModel, float] | None = None,
) -> RunScore:
    """Reweigh the run's readings by the context models' and the slot model's views.

    The context models know only the candidates, not "some other character": they move
    probability between candidate readings, never to or from OTHER, so a slot that
    looks like a hidden digit or name stays as doubtful as the lattice made it. They
    read the Han text on each side. The slot model knows OTHER too, learned from what
    stands in such places in varied text: it weighs every reading, OTHER ones
    included, reading two characters each side whatever they are (punctuation and
    digits say much), up to the next mask symbol.
    """
    left = han_tail(text[max(0, m.start - 3) : m.start], symbols)
    right = han_head(text[m.end : m.end + 3], symbols)
    kept = [(r, p) for r, p in score.readings if OTHER in r]
    mass = sum(p for r, p in score.readings if OTHER not in r)
    weighed = []
    for reading, p in score.readings:
        if OTHER in reading:
            continue
        q = p
        for i, ch in enumerate(reading):
            ctx_l = (left + reading[:i])[-3:]
            ctx_r = (reading[i + 1 :] + right)[:3]
            for model, weight in models:
                q *= model.evidence(ctx_l, ch, ctx_r, alphabet) ** weight
        weighed.append((reading, q))
    z = sum(q for _, q in weighed)
    if z > 0:
        kept.extend((r, q * mass / z) for r, q in weighed)
    else:
        kept.extend((r, p) for r, p in score.readings if OTHER not in r)
    if slots is not None:
        kept = _slot_weighed(text, m, kept, slots, symbols)
    return _normalised(kept, score.in_word)


def _slot_weighed(
    text: str, m: Mask, readings: list[tuple[str, float]], slots: tuple[SlotModel, float], symbols: str
) -> list[tuple[str, float]]:
    """Each reading times the slot model's evidence for each of its characters, to the
    model's weight. A neighbour the reading leaves unknown (OTHER, another mask) ends
    the context there; a candidate the model never counted gets no factor."""
    model, weight = slots
    stop = symbols + OTHER
    left, right = _slot_sides(text, m, model.side, symbols)
    out = []
    for reading, p in readings:
        q = p
        for i, ch in enumerate(reading):
            if ch != OTHER and ch not in model.candidates:
                continue  # a user's candidate the model never counted: no opinion
            near_l, near_r = _slot_near(left, right, reading, i, model.side, stop)
            q *= model.evidence(near_l, SLOT_OTHER if ch == OTHER else ch, near_r) ** weight
        out.append((reading, q))
    return out


def _slot_sides(text: str, m: Mask, side: int, symbols: str) -> tuple[str, str]:
    """The run's neighbours as the slot model reads them: ``side`` characters each side,
    normalised, up to the next mask symbol."""
    left = normalise(_up_to_symbol(text[max(0, m.start - side) : m.start][::-1], symbols)[::-1])
    return left, normalise(_up_to_symbol(text[m.end : m.end + side], symbols))


def _slot_near(left: str, right: str, reading: str, i: int, side: int, stop: str) -> tuple[str, str]:
    """The neighbours of the reading's ``i``-th character: the run's sides with the rest of
    the reading, each ending where a character is unknown (a symbol in ``stop``)."""
    near_l = _up_to_symbol((left + reading[:i])[::-1], stop)[::-1][-side:]
    return near_l, _up_to_symbol(reading[i + 1 :] + right, stop)[:side]


def _up_to_symbol(s: str, symbols: str) -> str:
    """``s`` up to its first mask symbol: another mask's character is unknown."""
    for i, ch in enumerate(s):
        if ch in symbols:
            return s[:i]
    return s


def _given_hidden_sets(score: RunScore, chars: str, sets: list[tuple[int, float]]) -> RunScore:
    """The run's readings averaged over which characters were hidden
    (:func:`restore.alphabet.average_over_hidden_sets`), renormalised."""
    total = average_over_hidden_sets(score.readings, chars, sets)
    return _normalised(total, score.in_word) if total else score


@lru_cache(maxsize=4)
def _name_slots(text: str, symbols: str) -> frozenset[int]:
    """name_slots, remembered for the document in hand (both alphabets ask)."""
    return frozenset(name_slots(text, symbols))


def _one_mask(clause: Clause) -> bool:
    """A clause whose only run is one mask long."""
    runs = clause[1]
    return len(runs) == 1 and runs[0][1] - runs[0][0] == 1


@lru_cache(maxsize=4096)
def _candidates(readings: tuple[tuple[str, float], ...]) -> tuple[tuple[str, float], ...]:
    """The readings an edit reports: those made of candidates only (masks in one context
    share them)."""
    return tuple((r, p) for r, p in readings if OTHER not in r)


@lru_cache(maxsize=4096)
def _led_by(cands: tuple[tuple[str, float], ...], reading: str, p: float) -> tuple[tuple[str, float], ...]:
    """``cands`` with ``reading`` first at probability ``p``, the others sharing the rest."""
    rest = [(r, q) for r, q in cands if r != reading]
    z = sum(q for _, q in rest) or 1.0
    return ((reading, p),) + tuple((r, q / z * (1 - p)) for r, q in rest)


@lru_cache(maxsize=4096)
def _narrowed(score: RunScore, chars: str) -> RunScore:
    """``score``'s readings made of ``chars`` (and OTHER) only, renormalised."""
    allowed = set(chars + OTHER)
    kept = [(r, p) for r, p in score.readings if allowed.issuperset(r)]
    z = sum(p for _, p in kept) or 1.0
    return RunScore(tuple((r, p / z) for r, p in kept), score.in_word)


#: How sure the unnarrowed alphabet must be of a run's reading, and how many runs it
#: must be that sure of, for the page to show a character hidden (:func:`_shown`).
SHOWN_CONFIDENCE = 0.9
SHOWN_RUNS = 2


def _shown(wide: Iterable[RunScore]) -> frozenset[str]:
    """The candidates the page shows hidden whatever was seen unmasked: those in the
    reading of SHOWN_RUNS runs or more that the unnarrowed alphabet is sure of.

    The caution of :func:`_cautious` guards against a character seen unmasked being an
    earlier run's restoration. A run that reading agrees on (人民*府 is 政府 either way)
    shows its character was hidden by this filter, so a mask may take it where only the
    seen character competes (渔* beside a printed 渔业). In a later round the masks are
    those the earlier rounds left, which the unnarrowed alphabet was seldom sure of, so
    restorations do not vouch for themselves.
    """
    counts: dict[str, int] = defaultdict(int)
    for score in wide:
        best, p = score.readings[0]
        if p >= SHOWN_CONFIDENCE and OTHER not in best:
            for ch in set(best):
                counts[ch] += 1
    return frozenset(ch for ch, n in counts.items() if n >= SHOWN_RUNS)


@lru_cache(maxsize=4096)  # masks in one context share it
def _cautious(narrow: RunScore, wide: RunScore, shown: frozenset[str] = frozenset()) -> RunScore:
    """Each reading's probability is the lower of the two alphabets' (not renormalised),
    unless the page shows each of its characters hidden (:func:`_shown`)."""
    other = dict(wide.readings)
    readings = [(r, p if shown.issuperset(r) else min(p, other.get(r, 0.0))) for r, p in narrow.readings]
    readings.sort(key=_PROBABILITY, reverse=True)
    return RunScore(tuple(readings), narrow.in_word)


def _normalised(readings: list[tuple[str, float]], in_word: float = 1.0) -> RunScore:
    z = sum(p for _, p in readings) or 1.0
    return RunScore(tuple(sorted(((r, p / z) for r, p in readings), key=_PROBABILITY, reverse=True)), in_word)


@lru_cache(maxsize=16)
def _symbol_table(symbols: str) -> dict[int, str]:
    """str.translate table: each mask symbol -> OTHER."""
    return {ord(ch): OTHER for ch in symbols}


@lru_cache(maxsize=16)
def _clause_table(symbols: str) -> dict[int, str | None]:
    """str.translate table for a clause: mask symbols -> OTHER, quotes dropped."""
    table: dict[int, str | None] = dict(_symbol_table(symbols))
    table.update({ord(q): None for q in QUOTES})
    return table


#: A clause a document's masks are read in: its text (quotes dropped), its runs as
#: offsets into that text, and the masks they are.
Clause = tuple[str, tuple[tuple[int, int], ...], list[Mask]]
Clauses = list[Clause]


def _clauses(text: str, masks: Sequence[Mask], symbols: str, breaks: frozenset[int] = frozenset()) -> Clauses:
    """Group the masks by window, to score each window's lattice once.

    Overlapping windows (masks close together in one clause) are merged, up to
    MAX_SPAN characters, so that nearby masks share one lattice. The grouping does not
    depend on the alphabet: both alphabets of :meth:`Ranker.rank` share it."""
    by_clause: dict[tuple[int, int], list[Mask]] = {}
    group: list[Mask] = []
    lo = hi = -1
    bounds = _ClauseBounds(text, symbols, breaks)
    for m in sorted(masks, key=lambda m: m.start):
        a, b = bounds(m)
        if group and a < hi and max(hi, b) - lo <= MAX_SPAN:
            group.append(m)
            hi = max(hi, b)
            continue
        if group:
            by_clause[(lo, hi)] = group
        group, lo, hi = [m], a, b
    if group:
        by_clause[(lo, hi)] = group
    out: Clauses = []
    table = _clause_table(symbols)
    for (a, b), ms in by_clause.items():
        # Quotes are read through: 党政“一把手” is the phrase 党政一把手.
        clause = text[a:b].translate(table)
        if len(clause) == b - a:  # no quote: offsets shift by a
            runs = tuple((m.start - a, m.end - a) for m in ms)
        else:
            kept = [i for i in range(a, b) if text[i] not in QUOTES]
            where = {i: k for k, i in enumerate(kept)}
            runs = tuple((where[m.start], where[m.start] + m.length) for m in ms)
        out.append((clause, runs, ms))
    return out


class _ClauseBounds:
    """The stretch of Han text, quotes and mask symbols around a mask, up to WINDOW
    characters each side, not across a gap in ``breaks``. Only those few characters
    are looked at, not the whole text."""

    def __init__(self, text: str, symbols: str, breaks: frozenset[int] = frozenset()) -> None:
        self.text = text
        self.tail, self.head = _inside_patterns(symbols)
        self.breaks = sorted(breaks)

    def __call__(self, m: Mask) -> tuple[int, int]:
        start, end = m.start, m.end
        lo = max(0, start - WINDOW)
        a = lo + self.tail.search(self.text[lo:start]).start()
        b = self.head.match(self.text, end, end + WINDOW).end()
        breaks = self.breaks
        if breaks:
            k = bisect_right(breaks, start) - 1
            if k >= 0 and breaks[k] > a:
                a = breaks[k]
            k = bisect_left(breaks, end)
            if k < len(breaks) and breaks[k] < b:
                b = breaks[k]
        return a, b


@lru_cache(maxsize=16)
def _inside_patterns(symbols: str) -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    """What a clause is made of (Han characters as :func:`restore.chars.is_han`, quotes, mask
    symbols): the longest run of it that ends a string, and one that starts a string."""
    inside = "[" + HAN + regex.escape(symbols + "".join(sorted(QUOTES))) + "]*"
    return regex.compile(inside + r"\Z"), regex.compile(inside)


def _beam(marginals: list[dict[str, float]], width: int) -> list[str]:
    """The ``width`` most probable joint readings by the product of marginals."""
    beam: list[tuple[str, float]] = [("", 1.0)]
    for dist in marginals:
        beam = sorted(
            ((r + c, p * q) for r, p in beam for c, q in dist.items()), key=_PROBABILITY, reverse=True
        )[:width]
    return [r for r, _ in beam]


def _doubt_slots(scores: dict[Mask, RunScore], doubts: dict[Mask, float]) -> dict[Mask, RunScore]:
    """Give each slot its share for "some other character" (:meth:`Ranker._slot_doubts`)."""
    if not doubts:
        return scores
    out = dict(scores)
    done: dict[tuple[RunScore, float, int], RunScore] = {}  # masks in one context share it
    for m, doubt in doubts.items():
        score = scores[m]
        key = (score, doubt, m.length)
        found = done.get(key)
        if found is None:
            mixed = [(r, p * (1 - doubt)) for r, p in score.readings if OTHER not in r]
            mixed.append((OTHER * m.length, doubt))
            found = done[key] = _normalised(mixed, score.in_word)
        out[m] = found
    return out


#: What may stand before a star that opens a clause (，*表示).
_OPENING = frozenset("，。；：、（(“「 \n")


def _agreeing_groups(text: str, masks: Sequence[Mask]) -> list[list[Mask]]:
    """Masks in the same context: runs of one length whose two characters on either
    side are equal. Only groups of two or more."""
    groups: dict[str, list[Mask]] = {}
    for m in masks:
        key = text[max(0, m.start - 2) : m.start] + "|" + str(m.length) + "|" + text[m.end : m.end + 2]
        found = groups.get(key)
        if found is None:
            groups[key] = [m]
        else:
            found.append(m)
    return [members for members in groups.values() if len(members) > 1]


def _agree_within_document(scores: dict[Mask, RunScore], groups: list[list[Mask]]) -> dict[Mask, RunScore]:
    """The same context in one document gets the same answer.

    Each group of :func:`_agreeing_groups` shares one distribution: the mean of its
    runs' reading probabilities. The mean, not the product: repeats of one context are
    the same evidence seen again, not independent evidence, and multiplying them would
    make a guess look certain.
    """
    if not groups:
        return scores
    out = dict(scores)
    for members in groups:
        total: dict[str, float] = defaultdict(float)
        for m in members:
            for r, p in scores[m].readings:
                total[r] += p / len(members)
        pooled = _normalised(list(total.items()))
        for m in members:
            out[m] = pooled
    return out
