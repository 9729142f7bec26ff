"""Places before units written as symbols: ``波长为‸ nm``, ``经‸℃烧结``, ``(～‸Ma)``.

Science, medicine and computing write a unit after its number in letters or signs,
with a space or without: 254 nm, 1200℃, 512 MB. The scraper deleted the number and
left the unit, which no rule for Chinese measure words reads. Units of one letter
(m, s, V) are not looked for: a page names its variables so (长度为 m 的数组). g is,
being every recipe's unit; the gap model, which has seen it bare far more often than
after a number, lets it stand only where the page and its context say so.

A sign such as ℃ never stands without its number, so any left side but a digit, a
numeral or a letter will do, except where the page names the unit itself: a table's
header (温度（℃）) or a unit after 单位 (温度单位：℃). A unit in letters also stands bare
where a page names it (以 ms 计): after an ordinary word it scores low, and the gap model,
which counted such places in clean text, decides (:mod:`restore.gapmodel`).
"""

from __future__ import annotations

import re
from functools import cache

from ..chars import is_han
from .left import _DASHES, _DIGITS, _LATIN, _left_class, _put
from .words import word_sets

_UNITS = word_sets("symbol_units")  # lexicons/gaps/symbol_units.tsv
#: Signs that never stand without a number (℃, °C).
_SURE = _UNITS["sure"]
#: Units in letters (nm, kDa, MB), which a page may also name bare.
_LETTERS = _UNITS["letters"]

# Confidence by left class (restore.gaps.left): a number-introducing word or an opener
# is as good a sign as for a measure word; an ordinary word is weak for a unit in letters.
_C_SURE = {"B": 0.9, "V": 0.93, "W": 0.85, "P": 0.85, "Q": 0.6, "T": 0.6, "H": 0.85, "O": 0.6}
_C_LETTERS = {"B": 0.85, "V": 0.88, "W": 0.6, "P": 0.6, "Q": 0.5, "T": 0.4, "H": 0.5, "O": 0.5}
#: After a unit, what makes it a name instead: a standard's number (GB 2760, GB/T),
#: a header or an identifier (x-ms-version, mm_dd); or a scale, which no number
#: precedes (TB 级的数据, 毫秒级, as 万亿级).
_NAME_AFTER = re.compile(r"[0-9_\-]|/[A-Z]| [0-9]| ?级")
#: White space between a number and its unit.
_SPACES = " \u00a0"


@cache
def _symbol_re() -> re.Pattern[str]:
    """A run of letters (or a sign that starts one): the whole run, so that the tail of
    an English word is never taken for a unit."""
    return re.compile(r"[℃℉°μA-Za-z][A-Za-z]*")


def _unit_table(text: str, m: re.Match[str]) -> dict[str, float] | None:
    """The confidences for the unit ``m`` matched, or None when it is no unit of the
    lists or a name's (GB/T, x-ms, TB 级)."""
    table = _C_SURE if m.group() in _SURE else _C_LETTERS if m.group() in _LETTERS else None
    if table is None or _NAME_AFTER.match(text, m.end()):
        return None
    return table


def starts_symbol_unit(text: str, i: int) -> bool:
    """Whether a unit written as a symbol starts at ``i``, after at most one space
    (～‸Ma, -‸ nm): what follows a range's dash when its second number was deleted."""
    if text[i : i + 1] in _SPACES:
        i += 1
    m = _symbol_re().match(text, i)
    return m is not None and _unit_table(text, m) is not None


@cache
def _spacing_res() -> tuple[re.Pattern[str], re.Pattern[str]]:
    return re.compile(r"(?<=[\u4e00-\u9fff]) (?=[0-9])"), re.compile(r"(?<=[0-9]) (?=[A-Za-zμ℃°])")


def spaces_before_numbers(text: str) -> bool:
    """Whether the page's kept numbers show a space before them (鸡蛋 1 个, 椰浆 15ml)
    more often than between them and a unit (14 nm): where the space of 椰浆 ml stood."""
    before, after = _spacing_res()
    return len(before.findall(text)) > len(after.findall(text))


#: Brackets a table's header puts around a unit: 温度（℃）, 长度(mm).
_LABEL_OPEN = frozenset("(（[【")
_LABEL_CLOSE = frozenset(")）]】")


def _names_the_unit(text: str, start: int, end: int) -> bool:
    """The page names the unit rather than a quantity in it: a header's (℃) or （mm）, the
    unit alone in its brackets, or a unit after 单位 (温度单位：℃, 单位为 MB)."""
    if text[start - 1 : start] in _LABEL_OPEN and text[end : end + 1] in _LABEL_CLOSE:
        return True
    return "单位" in text[max(0, start - 6) : start]


def _symbol_unit_gaps(
    text: str, masked: frozenset[int], out: dict[int, tuple[float, str]], spaced: bool = False
) -> None:
    """Mark the places before units written as symbols. One space between Han text and
    the unit stood after the number (波长为254 nm) unless the page's kept numbers show
    the space before them (``spaced``, :func:`spaces_before_numbers`: 椰浆 100ml, 鸡蛋 1 个):
    then it stood before it."""
    for m in _symbol_re().finditer(text):
        table = _unit_table(text, m)
        if table is None:
            continue
        start = m.start()
        if start and text[start - 1] in _LATIN:
            continue  # μ after a letter: part of a word
        if _names_the_unit(text, start, m.end()):
            continue
        p = start - 1 if start and text[start - 1] in _SPACES else start
        if p < start and spaced and p and is_han(text[p - 1]):
            p = start  # 椰浆 ‸ml on a page that writes 椰浆 100ml
        before = text[p - 1] if p else "\n"
        if before in _DIGITS or before in ".．":
            continue  # 254 nm: the number is there
        if before == "/" and p >= 2 and text[p - 2] in _LATIN:
            continue  # mg/ml, g/g: a rate's second unit, after the first
        if before in _DASHES:
            # (～‸Ma): the second number of a range; x-ms: a name's dash
            if p >= 2 and (text[p - 2] in _LATIN or text[p - 2] == "_"):
                continue
            cls = "B"
        else:
            cls, _ = _left_class(text, p, masked)
        if cls in "DNL":
            continue
        _put(out, p, table[cls], "symbol:" + m.group())
