"""Places in a range whose numbers were deleted: ``幼树‸至株``, ``处以元以上‸元以下罚款``.

A range joins two numbers with 至, or bounds an amount with 以上 and 以下. Where
至 stands right before a unit (幼树至株), the number after it was deleted, which the
unit rule finds, and the one before it too (幼树‸至‸株), unless a unit stands there,
before which the unit rule finds it (处‸元至‸元). Where digits follow 至, the word
before it is as often a verb (增至12个, 降至16.8%) as a range's lost number, so only a
unit right after 至 counts, and only one that makes no word there (至元十七年 is an era,
至人烟稀少 "to where few live"). A word that ends in 至 (甚至, 乃至, 直至) is no range, and
neither are units of time, which 至 joins to words (年初至年底). ``以上`` right before
an amount that ends in ``以下`` (元以上元以下) lost the upper bound's number.
"""

from __future__ import annotations

import re
from functools import cache

from ..chars import is_han
from .left import _put
from .units import unit_makes_word

#: Units a range ends in, none of which starts a word after 至 (至个人, 至元大都, 至头城
#: and 至只有 do), to the unit's end.
_RANGE_UNITS = "万元|亿元|万人|万株|株|棵|吨|亩|件|项|倍|辆|立方米|平方米|公里|公斤|公顷|千克|千米"
#: Last characters of units: 元至元 and 公里至公里 lost their numbers before the units.
_UNIT_ENDS = frozenset(u[-1] for u in _RANGE_UNITS.split("|")) | frozenset("元米个人")
#: Characters that make a word with 至 after them: 甚至, 乃至, 直至, 截至, 及至, 以至于 ...
_WORD_BEFORE_TO = "甚乃直截及冬夏自而必将何迄"
#: What follows 以上 in a penalty's range: the upper bound's unit, then 以下.
_UPPER_UNITS = ("元以下", "万元以下", "倍以下", "个月以下", "日以下")


@cache
def _to_re() -> re.Pattern[str]:
    units = "|".join(sorted(_RANGE_UNITS.split("|"), key=len, reverse=True))
    return re.compile(rf"至(?=(?P<unit>{units})(?![一二三四五六七八九十年]))")


def _range_gaps(text: str, out: dict[int, tuple[float, str]]) -> None:
    """Mark the places before 至 and after 以上 that lost a range's numbers (module doc)."""
    for m in _to_re().finditer(text):
        p = m.start()
        if not p or not is_han(text[p - 1]):
            continue
        if (
            text[p - 1] in _WORD_BEFORE_TO
            or text[p - 1] in _UNIT_ENDS
            or unit_makes_word(m.group("unit"), text[m.end("unit") : m.end("unit") + 1])
        ):
            continue
        _put(out, p, 0.8, "range-to")
    start = text.find("以上")
    while start >= 0:
        p = start + 2
        if text.startswith(_UPPER_UNITS, p):
            _put(out, p, 0.85, "range-to")
        start = text.find("以上", p)
