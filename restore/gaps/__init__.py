"""text -> numeric gaps: places where a run of three or more digits was deleted.

The scraper deleted every maximal run of 3+ ASCII digits and kept everything else:
``2019年8月`` -> ``年8月``, ``4521.39元`` -> ``.39元``, ``100%`` -> ``%``,
``“331+”`` -> ``“+”``, ``2019-2020`` -> ``-``. What is left is a number's *frame*
with nothing in it: a unit, measure word or sign whose number is missing. This
module finds such frames. It never guesses the number, only the place.

Each rule looks at both sides of a candidate place ``p``:

* the right side is a token that follows numbers: ``年``, a unit (``万 亿 公里 亩
  周年`` ...), a measure word (``个 名 家 项`` ...), ``%``, a decimal tail ``.39``, a
  range dash, ``+`` in quotes, or the thing after ``第``;
* the left side decides whether a number belongs there. A digit, a Chinese numeral
  (``一 十 百 两 几 数``) or a demonstrative (``这 每 各``) means the number is there
  and nothing was deleted. A line start or punctuation, or a word that takes a
  number (``达到 超过 约 共 有 了 至 从 截至`` ...) means a number belongs here.
  Any other Han character is a weaker sign, accepted only before tokens that
  rarely stand without a number (``万 亿 公里 周年``) or, for a few measure words,
  with lower confidence.

A token that is also part of an ordinary word is checked against short word lists
on both sides (``今年 青年 周年`` / ``年轻 年代``; ``知名 排名`` / ``名单``; ``美元 公元``
/ ``元旦`` ...). Judgement calls (``多名`` is "several" as often as "300-odd") get
0.5-0.7; clear cases 0.85 and above. Mask symbols count as Han characters.

One rule looks at the whole text: the scraper deleted *every* run of 3+ ASCII
digits, so a text that still has one was never scraped, and every place found in
it is kept below the 0.5 cut (:data:`INTACT_DIGITS_FACTOR`).

The word lists are general Chinese usage, chosen by reading the CCTV dev set for
*classes* of error; none of its sentences is stored. They are data, in
``lexicons/gaps/*.tsv`` (read by :mod:`restore.gaps.words`); the character classes
that are punctuation rather than words stay in :mod:`restore.gaps.left`.

The modules: :mod:`~restore.gaps.left` classes what stands before a place;
:mod:`~restore.gaps.years`, :mod:`~restore.gaps.units`, :mod:`~restore.gaps.signs` and
:mod:`~restore.gaps.symbol_units` (``‸ nm``, ``‸℃``), :mod:`~restore.gaps.documents`
(``法释〔‸〕20号``) and :mod:`~restore.gaps.ranges` (``幼树‸至‸株``) find and score the places
by what follows; :func:`find_gaps` runs them all.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import cache

from ..chars import is_han
from ..model import Gap, Mask
from .addresses import _address_gaps
from .documents import _document_number_gaps
from .ranges import _range_gaps
from .signs import (
    _bare_sign_gaps,
    _currency_gaps,
    _date_and_size_gaps,
    _empty_code_gaps,
    _fraction_gaps,
    _relative_link_gaps,
    _sign_gaps,
    _thousands_gaps,
    _url_gaps,
)
from .spacing import despaced, spaces_numbers
from .symbol_units import _symbol_unit_gaps, spaces_before_numbers
from .tables import _bordered_table_gaps, _table_gaps
from .units import _unit_gaps, unit_makes_word
from .words import word_lists
from .years import _without_ages, _year_gaps

__all__ = ["CODE_RULES", "INTACT_DIGITS_FACTOR", "find_gaps", "unit_makes_word"]

#: Rules whose forms are machine-written and read the same in code as in prose: a
#: yearless date (``'‸-05-20'``), a bare decimal tail, an address's empty field or port,
#: an issue number, an empty code span. Other rules read Chinese around a place, and code's own signs
#: (``*(a + 1)``, ``f()``) look to them like deleted numbers, so their places in code are
#: dropped (``restore.pipeline``).
CODE_RULES = frozenset(
    {
        "date",
        "decimal",
        "ipv4",
        "port",
        "issue",
        "sql",
        "url",
        "empty-code",
        "empty-value",
        "table-cell",
        "time-fraction",
        "entity",
    }
)

#: A rule that reads a page and puts its places into ``out`` (offset -> confidence, reason).
_Rule = Callable[[str, dict[int, tuple[float, str]]], None]

#: Rules read only on a page that holds one of their signs (``""``: every page), in the
#: order they run (at one place, the first of equal confidence keeps it).
_RULES_BY_SIGN: tuple[tuple[tuple[str, ...], _Rule], ...] = (
    ((",",), _thousands_gaps),
    ((".",), _fraction_gaps),
    (tuple("¥￥€£$"), _currency_gaps),
    (("://",), _url_gaps),
    (("](",), _relative_link_gaps),
    (("",), _address_gaps),
    (("``",), _empty_code_gaps),
)

#: A document that still holds a run of 3+ ASCII digits did not go through the
#: scraper (it deletes every such run), so nothing there is a gap: every place found
#: keeps this share of its confidence, which puts it below the pipeline's 0.5 cut.
INTACT_DIGITS_FACTOR = 0.45


@cache
def _intact_re() -> re.Pattern[str]:
    # Three ASCII digits in a row, spelled as a lookahead: the fastest of the ways to
    # write it that were timed (benchmarks/README.md).
    return re.compile(r"[0-9](?=[0-9][0-9])")


def find_gaps(
    text: str, masks: Sequence[Mask] = (), min_confidence: float = 0.0, *, filtered: bool = True
) -> list[Gap]:
    """Places in ``text`` where a run of 3+ digits was probably deleted.

    ``masks`` are runs of mask symbols; a masked place counts as a Han character.
    Returns gaps sorted by offset, at most one per offset, with a confidence in
    [0, 1] and a short tag naming the rule that fired (``year``, ``unit:元``,
    ``decimal``, ``percent``, ``range`` ...). In a text that still contains
    three ASCII digits in a row, confidences are scaled by :data:`INTACT_DIGITS_FACTOR`
    and reasons end in ``+intact``; when that puts every gap below ``min_confidence``,
    the text is not scanned at all (the fast path for clean text).

    ``filtered=False`` keeps the places the rules propose and the filters then drop
    (idioms, names, a template's room, bare decimals, ages): the gap model is trained
    on those (:mod:`restore.gaptrain`), so that a better filter leaves its counts, and
    every other place's probability, where they were.

    >>> [(g.offset, g.reason) for g in find_gaps("由年的元增加到年的.39元")]
    [(1, 'year'), (3, 'unit:元'), (7, 'year'), (9, 'decimal')]
    >>> [(g.offset, g.confidence, g.reason) for g in find_gaps("2019年：-年")]  # never scraped
    [(6, 0.405, 'range+intact'), (7, 0.405, 'range+intact')]
    """
    if not text:
        return []
    intact = _intact_re().search(text) is not None
    if intact and min_confidence > INTACT_DIGITS_FACTOR:
        return []
    if spaces_numbers(text):
        # 共 361 个 leaves 共  个: the rules read the page without those spaces.
        page = despaced(text)
        starts = [page.to_view(m.start) for m in masks]
        if len(page.view) < len(text) and None not in starts:
            shifted = [Mask(v, v + m.length, m.state) for v, m in zip(starts, masks) if v is not None]
            found = _scan(page.view, shifted, intact, spaced=spaces_before_numbers(text), filtered=filtered)
            placed = {gap.offset: gap for gap in (g._replace(offset=page.gap_at(g.offset)) for g in found)}
            # A thousands separator's groups stood right after it, whatever the page's
            # spaces (65,‸ 行): that rule reads the page as it is.
            separators = _scan(text, masks, intact, rules=(_thousands_gaps,))
            if separators:
                # One number, one place: the view's place after the separator's space goes.
                taken = {_past_spaces(text, g.offset) for g in separators}
                placed = {
                    o: g for o, g in placed.items() if o not in taken and not g.reason.startswith("thousands")
                }
                placed.update((g.offset, g) for g in separators)
            return sorted(placed.values())
    return _scan(text, masks, intact, filtered=filtered)


def _past_spaces(text: str, i: int) -> int:
    """The offset of the first character at or after ``i`` that is not a space."""
    while text[i : i + 1] == " ":
        i += 1
    return i


def _scan(
    text: str,
    masks: Sequence[Mask],
    intact: bool,
    spaced: bool = False,
    filtered: bool = True,
    rules: tuple[_Rule, ...] = (),
) -> list[Gap]:
    """Every rule over ``text`` (only ``rules`` when given), then the filters unless not
    ``filtered``; confidences discounted when ``intact``. ``spaced``: the page writes a
    space before its numbers (:func:`~restore.gaps.symbol_units.spaces_before_numbers`)."""
    masked = frozenset(i for mk in masks for i in range(mk.start, mk.end)) if masks else frozenset()
    out: dict[int, tuple[float, str]] = {}
    for rule in rules:
        rule(text, out)
    if not rules:
        _every_rule(text, masked, out, spaced)
    if out and filtered:
        _without_idioms(text, out)
        _without_names(text, out)
        _without_placeholders(text, out)
        _without_bare_decimals(text, out)
        _without_ages(text, out)
    if out and intact:
        f = INTACT_DIGITS_FACTOR
        return [Gap(p, round(c * f, 4), r + "+intact") for p, (c, r) in sorted(out.items())]
    return [Gap(p, round(c, 4), r) for p, (c, r) in sorted(out.items())]


def _every_rule(text: str, masked: frozenset[int], out: dict[int, tuple[float, str]], spaced: bool) -> None:
    """Run every rule over ``text`` into ``out``."""
    _year_gaps(text, masked, out)
    _unit_gaps(text, masked, out)
    _sign_gaps(text, out)
    _date_and_size_gaps(text, out)
    _bare_sign_gaps(text, out)
    _symbol_unit_gaps(text, masked, out, spaced)
    _document_number_gaps(text, out)
    _range_gaps(text, out)
    for signs, rule in _RULES_BY_SIGN:
        if any(sign in text for sign in signs):
            rule(text, out)
    if "|" in text:
        _table_gaps(text, out)
        if "+-" in text:
            _bordered_table_gaps(text, out)


def _without_idioms(text: str, out: dict[int, tuple[float, str]]) -> None:
    """Drop the places an idiom begins at (‸万劫不复, ‸年复一年: lexicons/gaps/idioms.tsv)."""
    idioms = _idioms()
    for p in [p for p in out if text[p : p + 1] in idioms]:
        if text.startswith(idioms[text[p]], p):
            del out[p]


def _without_names(text: str, out: dict[int, tuple[float, str]]) -> None:
    """Drop the places inside a person's name (张岱‸年: lexicons/gaps/names.tsv)."""
    names = _names()
    for p in [p for p in out if text[p : p + 1] in names]:
        if any(text[p - k : p - k + 3] in found for k, found in names[text[p]].items() if p >= k):
            del out[p]


@cache
def _names() -> dict[str, dict[int, frozenset[str]]]:
    """The unit or year character inside each name -> its index there -> the names."""
    table: dict[str, dict[int, set[str]]] = {}
    for ch, names in word_lists("names").items():
        for name in names:
            table.setdefault(ch, {}).setdefault(name.index(ch, 1), set()).add(name)
    return {ch: {k: frozenset(found) for k, found in by.items()} for ch, by in table.items()}


#: A decimal that no deletion leaves: a p value (p<.01) or a coefficient with its
#: significance stars (.52**; not .52*员, where the star is a filter's mask). A page with
#: one writes its decimals without the leading zero, as psychology's (APA) tables do.
_BARE_DECIMAL_STYLE = re.compile(
    r"(?<![A-Za-z])[pP]\s*[<>=≤≥]\s*\.[0-9]|(?<![0-9A-Za-z])\.[0-9]{2,3}[*＊]+(?![*＊\u3400-\u9fff])"
)
#: A bare decimal, signed or not, starting at a place.
_BARE_DECIMAL = re.compile(r"[-−–]?\.[0-9]")


def _without_bare_decimals(text: str, out: dict[int, tuple[float, str]]) -> None:
    """On a page that writes decimals without the leading zero (:data:`_BARE_DECIMAL_STYLE`),
    drop the places before a bare decimal: ``‸.52`` and ``‸-.33`` are that style, not
    1234.52 with its digits deleted."""
    if _BARE_DECIMAL_STYLE.search(text) is None:
        return
    for p in [p for p in out if _BARE_DECIMAL.match(text, p)]:
        del out[p]


#: Characters a template writes where a number goes (××年, ○○个, 第□条); a blank
#: line of underscores only before Han text (____年__月: in a file name one
#: underscore is a separator, 截图_‸年).
PLACEHOLDERS = "×○□＿Ｘ"
#: A form's blank date: the numbers are to be written in by hand (年 月 日).
_BLANK_DATE = re.compile(r"[ \u3000]*年[ \u3000]+月[ \u3000]+日")
#: A form's date written with stars for its digits (****年**月**日): the stars hold the
#: number's room, as a placeholder does.
_STARRED_DATE = re.compile(r"年[*＊]+月[*＊]+日")


def _without_placeholders(text: str, out: dict[int, tuple[float, str]]) -> None:
    """Drop the places where a template leaves a number's room: right after a placeholder
    (×‸个月内, ____‸年), before a blank date (‸年 月 日) and after the stars of a starred
    one (****‸年**月**日)."""
    for p in list(out):
        before = text[p - 1 : p]
        blank = text[p - 2 : p] == "__" and is_han(text[p : p + 1])
        room = bool(before) and (before in PLACEHOLDERS or blank)
        starred = bool(before) and before in "*＊" and _STARRED_DATE.match(text, p) is not None
        if room or starred or (text[p : p + 1] in "年 \u3000" and _BLANK_DATE.match(text, p)):
            del out[p]


@cache
def _idioms() -> dict[str, tuple[str, ...]]:
    return word_lists("idioms")
