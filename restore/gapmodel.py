"""Whether digits were deleted at a place the gap rules found: learned from varied text.

The gap rules (:mod:`restore.gaps`) were written reading news. On laws and forums they
fire where no number stood: 船‸名 (a ship's name), 按份共有‸人, ‸处以罚款, 建‸个, 年度.
Clean text labels itself: delete every run of three or more digits as the scraper does,
run the rules over the result, and each place they find either is where digits were
deleted or is not. :mod:`restore.gaptrain` counts both, by the rule that fired and by
the characters around the place (up to two each side, the shapes of
:func:`restore.slotmodel.shapes`), over the corpora of ``docs/training-data.md``.

Numbers of three digits or more are few in those corpora, so most contexts are seen with
"nothing" alone (收治的‸例患者 never). Numbers of one or two digits, which the scraper
keeps, are many, and they show the same thing: where a number belongs. So the trainer
also counts each place the rules find where a short number stands, read without it, and
the model factors a place's probability in two: P(a number here | rule, context), from
long and short numbers against nothing, and P(three digits or more | a number here, rule,
context), from long against short (a year nearly always; a count of cases often not).

At run time each is smoothed from the rule's own rate (the rule, then its family:
``unit:名``, then ``unit``) through ever longer contexts, as the slot model does: each
context's prior pools its two parents (a normalised geometric mean) and its counts
refine it (a Dirichlet estimate). The pipeline lets the model veto a rule's gap
(:data:`VETO_BELOW`) rather than replace the rule's confidence: the model is sure of "no
number here" long before it is sure of "a number here" (docs/accuracy.md, "This round
(0.3.0)" and "This round (0.9.0)").
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from .gaps.spacing import despaced, spaces_numbers
from .register import informal
from .slotmodel import (
    EDGE,
    STRENGTH,
    Table,
    normalise,
    provenance,
    read_model_file,
    read_tables,
    shapes,
    write_tables,
)

FORMAT = "restore-gap-model"
VERSION = 2
#: Name of the shipped model inside the lexicon folder.
BUILTIN_GAP_MODEL = "gapmodel.gz"
#: A rule's gap is dropped when the model gives it less than this probability.
VETO_BELOW = 0.1
#: A place the model gives at least this needs no other evidence, and is evidence for
#: the other places of its page.
CONFIDENT = 0.6
#: A place under CONFIDENT is kept only on a page that shows the scraper at work:
#: COMPANY confident places per 1,000 characters at least (and one at least), and for a
#: place under DOUBTFUL, DENSE of them (docs/accuracy.md, "Gaps need company").
DOUBTFUL = 0.3
COMPANY = 1.0
DENSE = 2.0
#: On a page written the way people talk (:func:`restore.register.informal`: posts, blogs,
#: stories), where numbers are few, a place under this needs company too, even a confident
#: one: one other confident place, COMPANY per 1,000 characters (docs/accuracy.md).
SURE = 0.9
#: Rules the model is not asked about. A “+” in quotes is the plus sign itself in
#: technical writing (点击“+”按钮), which the corpora hold much of, and in news a policy's
#: name whose number the scraper deleted (“331+”): counts from the corpora would veto
#: every one of the latter. The corpora hold no web addresses (their extraction removed
#: them) and little code, so the model knows nothing of an empty segment in an address,
#: an address's empty field or port, an issue's number or an empty code span
#: (restore.gaps.addresses). None of them is company for a doubtful place: counted as
#: such, they let in places of ordinary words on technical pages (成‸吨, 加‸个名字).
UNVETOED = frozenset(
    {
        "quoted-plus",
        "url",
        "ipv4",
        "port",
        "issue",
        "sql",
        "empty-code",
        "empty-value",
        "table-cell",
        "currency",
        "time-fraction",
        "thousands",
        "fraction",
        "entity",
        "copyright",
    }
)
#: Of those, the rules whose places need company all the same, as a fairly doubtful
#: place does (:data:`COMPANY`): a story's or a lab report's “+” (化验单上是“+”) is the
#: sign itself, and a page with no deleted number around it says so; two backticks
#: (``) are Markdown's own delimiters as well as an empty code span.
NEED_COMPANY = frozenset({"quoted-plus", "empty-code"})
#: Rules whose places need confident company on their page however sure the model is,
#: and are none themselves: an empty pair of quotes or title marks is a deleted number on
#: a damaged page (《1984》) and an empty string on a clean technical one (设为“”即可清空),
#: and two characters each side cannot tell the pages apart.
ALWAYS_COMPANY = frozenset({"empty-quotes"})
#: Characters of context each side of a place, and the context shapes they make.
SIDE = 2
SHAPES = shapes(SIDE)
#: How many places' probabilities a model keeps before it starts afresh.
MEMO_SIZE = 1 << 16


class GapModelError(ValueError):
    """A gap model file is missing, malformed or of another version."""


def rule_family(reason: str) -> str:
    """The family of a gap rule's reason: ``unit:名`` -> ``unit``, ``year+month`` ->
    ``year``. A reason ending in ``+intact`` is the rule's own reason."""
    return reason.split(":")[0].split("+")[0]


def rule_name(reason: str) -> str:
    """A gap's reason without the ``+intact`` mark of a page that kept its digits."""
    return reason.removesuffix("+intact")


@dataclass(eq=False)
class GapModel:
    """Counts of (digits deleted, a short number, nothing) at the places the rules found."""

    #: Rule reason -> [deleted, short, nothing].
    rules: dict[str, list[int]]
    #: One table per shape in :data:`SHAPES`: context (left + right)
    #: -> [deleted, short, nothing].
    tables: list[Table]
    chars: int = 0
    sources: list[str] = field(default_factory=list)
    _memo: dict[tuple[str, str], float] = field(default_factory=dict, init=False, repr=False)
    _families: dict[str, list[int]] = field(default_factory=dict, init=False, repr=False)
    _overall: float = field(default=0.5, init=False, repr=False)

    def supported(self, text: str, places: Sequence[tuple[int, str]]) -> list[bool]:
        """For each of a page's rule places (offset, reason), whether it stands.

        The model reads two characters each side, so its probability is an average over
        pages of every kind. A page's other places say which kind it is: a news page
        with deleted years and amounts makes a doubtful ``建立‸多个`` credible, while a
        story that writes its numbers in words (盖了座房子, 直至天明) shows no confident
        place at all, and a long story with one deleted year shows one in many thousand
        characters. A confident place stands alone; a doubtful one needs confident
        company, the more doubtful the denser (:data:`CONFIDENT`, :data:`DOUBTFUL`,
        :data:`COMPANY`, :data:`DENSE`). On a page of posts or stories, where numbers are
        few, a confident place under :data:`SURE` needs company too, and so does every
        place of a rule in :data:`ALWAYS_COMPANY`."""
        text, places = _as_read(text, places)
        odds = [None if rule_name(r) in UNVETOED else self.probability(text, o, r) for o, r in places]
        confident = sum(
            1
            for (_, r), p in zip(places, odds)
            if p is not None and p >= CONFIDENT and rule_name(r) not in ALWAYS_COMPANY
        )
        length = max(len(text), 1)
        dense = confident * 1000 >= COMPANY * length
        company = confident >= 1 and dense
        # A confident place is one of the confident: "another" means two of them.
        spoken = informal(text) and not (confident >= 2 and dense)
        out = []
        for (_, reason), p in zip(places, odds):
            if p is None:
                out.append(company if rule_name(reason) in NEED_COMPANY else True)
            elif rule_name(reason) in ALWAYS_COMPANY:
                out.append(company and p >= VETO_BELOW)
            elif p >= CONFIDENT:
                out.append(not (spoken and p < SURE))
            elif p < VETO_BELOW:
                out.append(False)
            elif p < DOUBTFUL:  # p < CONFIDENT: not one of the confident places
                out.append(confident * 1000 >= DENSE * length)
            else:
                out.append(company)
        return out

    def probability(self, text: str, offset: int, reason: str) -> float:
        """P(digits were deleted at ``offset`` | the rule of ``reason`` fired there, and
        the two characters each side)."""
        left = normalise(text[max(0, offset - SIDE) : offset])
        right = normalise(text[offset : offset + SIDE])
        left = EDGE * (SIDE - len(left)) + left
        right = right + EDGE * (SIDE - len(right))
        name = rule_name(reason)
        key = (name, left + right)
        found = self._memo.get(key)
        if found is None:
            found = self._smoothed(name, left + right)
            if len(self._memo) >= MEMO_SIZE:
                self._memo.clear()
            self._memo[key] = found
        return found

    def __post_init__(self) -> None:
        families: dict[str, list[int]] = {}
        for name, row in self.rules.items():
            total = families.setdefault(rule_family(name), [0, 0, 0])
            for i, n in enumerate(row):
                total[i] += n
        self._families = families
        every = [sum(row[i] for row in families.values()) for i in range(3)]
        self._overall = (every[0] + every[1] + 0.5) / (sum(every) + 1.0)
        self._overall_long = (every[0] + 0.5) / (every[0] + every[1] + 1.0)

    def _rule_rate(self, name: str) -> float:
        """P(a number here | rule): the rule's counts refine its family's rate, which
        refines the rate over every rule."""
        rate = self._overall
        for counts in (self._families.get(rule_family(name)), self.rules.get(name)):
            if counts:
                rate = (counts[0] + counts[1] + STRENGTH * rate) / (sum(counts) + STRENGTH)
        return rate

    def _long_rate(self, name: str) -> float:
        """P(three digits or more | a number here, rule): how often the number a rule's
        place holds is one the scraper deletes (a year nearly always; a count of cases
        often not)."""
        rate = self._overall_long
        for counts in (self._families.get(rule_family(name)), self.rules.get(name)):
            if counts:
                rate = (counts[0] + STRENGTH * rate) / (counts[0] + counts[1] + STRENGTH)
        return rate

    def _smoothed(self, name: str, context: str) -> float:
        """P(deleted | rule, context) from P(a number here | rule, context) and
        P(three digits or more | a number here, rule, context), each smoothed through ever
        longer contexts."""
        number = self._through_contexts(self._rule_rate(name), context, lambda c: (c[0] + c[1], c[2]))
        long = self._through_contexts(self._long_rate(name), context, lambda c: (c[0], c[1]))
        deleted = number * long
        return deleted / (deleted + 1.0 - number)

    def _through_contexts(
        self, rate: float, context: str, split: Callable[[list[int]], tuple[int, int]]
    ) -> float:
        """A rate refined through the shapes: each context's prior pools its two parents
        and its counts, as ``split`` reads them (yes, no), refine it."""
        dists: dict[tuple[int, int], float] = {(0, 0): rate}
        for bit, (k, m) in enumerate(SHAPES[1:], 1):
            if k == 0:
                prior = dists[(0, m - 1)]
            elif m == 0:
                prior = dists[(k - 1, 0)]
            else:
                prior = _pooled(dists[(k - 1, m)], dists[(k, m - 1)])
            counts = self.tables[bit].get(context[SIDE - k : SIDE + m])
            if counts is None:
                dists[(k, m)] = prior
            else:
                yes, no = split(counts)
                dists[(k, m)] = (yes + STRENGTH * prior) / (yes + no + STRENGTH)
        return dists[SHAPES[-1]]

    # -- files ----------------------------------------------------------------
    def save(self, path: Path) -> None:
        """Write the model in the slot model's packed layout, the rules' counts in the header."""
        header = {
            "format": FORMAT,
            "version": VERSION,
            "rules": self.rules,
            "chars": self.chars,
            "sources": self.sources,
        }
        write_tables(path, header, self.tables, SHAPES)

    @classmethod
    def load(cls, path: Path) -> GapModel:
        """The model at ``path``, read and checked once per process."""
        return _load_cached(str(Path(path).resolve()))


def _as_read(text: str, places: Sequence[tuple[int, str]]) -> tuple[str, list[tuple[int, str]]]:
    """The page and its places as the rules read them: without the spaces of a page that
    spaces its numbers (:mod:`restore.gaps.spacing`), so that the model sees 共‸个, not
    共 ‸ 个."""
    if spaces_numbers(text):
        page = despaced(text)
        seen = [page.from_gap(o) for o, _ in places]
        if None not in seen:
            return page.view, [(v, r) for v, (_, r) in zip(seen, places) if v is not None]
    return text, list(places)


def builtin_gap_model_path() -> Path:
    """The gap model shipped in the package's lexicon folder."""
    from .lexicon import builtin_lexicon_dir

    return builtin_lexicon_dir() / BUILTIN_GAP_MODEL


def _pooled(a: float, b: float) -> float:
    """Two probabilities of "deleted" pooled as the slot model pools its parents: the
    normalised geometric mean of (a, 1 - a) and (b, 1 - b)."""
    yes = math.sqrt(a * b)
    return yes / (yes + math.sqrt((1.0 - a) * (1.0 - b)))


@cache
def _load_cached(path: str) -> GapModel:
    header, body = read_model_file(path, FORMAT, VERSION, "gap model", GapModelError)
    rules = header.get("rules")
    if not isinstance(rules, dict) or not all(
        isinstance(k, str)
        and isinstance(v, list)
        and len(v) == 3
        and all(type(x) is int and x >= 0 for x in v)
        for k, v in rules.items()
    ):
        raise GapModelError(f"{path}: gap model needs each rule's three counts")
    if sum(sum(v) for v in rules.values()) == 0:
        raise GapModelError(f"{path}: gap model has no counts")
    tables = read_tables(path, body, header.get("sizes"), 3, GapModelError, SHAPES)
    if header.get("shapes") != [list(s) for s in SHAPES]:
        raise GapModelError(f"{path}: gap model has other context shapes")
    return GapModel(rules, tables, *provenance(header))
