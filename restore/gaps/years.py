"""Places before 年: ``年8月`` -> ``‸年8月``, ``截至年底`` -> ``截至‸年底``."""

from __future__ import annotations

import re
from functools import cache

from .left import _AFTER_PUNCT, _DASHES, _DIGITS, _left_class, _put
from .words import word_sets

_YEAR_WORDS = word_sets("year_words")  # lexicons/gaps/year_words.tsv
#: X年 words (今年, 青年, 周年, 龙年 ...): a character before 年 that makes a word.
_YEAR_LEFT_WORDS = _YEAR_WORDS["before"]
#: 年X words that do not follow a year number (年轻, 年龄, 年代, 年近八旬 ...), written by
#: hand and learned from the training corpora (年份, 年号, 年薪: year_words_learned.tsv).
_YEAR_RIGHT_WORDS = _YEAR_WORDS["after"] | word_sets("year_words_learned")["after"]
#: "annual" compounds (年产量, 年收入, 年均): after a year number too, but usually not.
_YEAR_RIGHT_ANNUAL = _YEAR_WORDS["annual"]
#: 年X that follows year numbers ("2024年底") but also stands alone ("年底前").
_YEAR_RIGHT_SOFT = _YEAR_WORDS["soft"]
#: Prepositions before a year ("关于2024年度", "截至2024年底").
_PREPOSITIONS = _YEAR_WORDS["preposition"]
#: 年中 that starts a word of its own ("2024年中国", "2024年中央").
_NIAN_ZHONG_WORDS = tuple(sorted(_YEAR_WORDS["zhong"]))

_Y_MONTH = {"B": 0.96, "V": 0.96, "W": 0.93, "P": 0.9, "Q": 0.9, "T": 0.6, "H": 0.9, "O": 0.7}
_Y_PUNCT = {"B": 0.95, "V": 0.95, "W": 0.9, "P": 0.8, "Q": 0.85, "T": 0.3, "H": 0.4, "O": 0.6}
_Y_PLAIN = {"B": 0.92, "V": 0.93, "W": 0.88, "P": 0.8, "Q": 0.85, "T": 0.3, "H": 0.8, "O": 0.6}
_Y_SOFT = {"B": 0.45, "V": 0.85, "W": 0.7, "P": 0.5, "Q": 0.5, "T": 0.2, "H": 0.4, "O": 0.4}
_Y_SOFT_CLOSE = {"B": 0.6}
_Y_DEGREE = {"B": 0.85, "V": 0.45, "W": 0.6, "P": 0.6, "Q": 0.7, "T": 0.2, "H": 0.4, "O": 0.4}
_Y_ANNUAL = {"B": 0.45, "V": 0.45, "W": 0.4, "P": 0.3, "Q": 0.4, "T": 0.2, "H": 0.3, "O": 0.3}


#: What says how old someone is after 年 (年逾九旬, 年仅15岁, 年过四十), when an age follows.
_AGE_VERBS = frozenset("仅逾过届已")


@cache
def _age_re() -> re.Pattern[str]:
    """An age after one of :data:`_AGE_VERBS`: a number of years, then 岁, 旬 or the end of
    the clause, or a word for an age (古稀, 花甲). A count goes on with its unit
    (‸年仅3人, ‸年仅增长30%): no age."""
    return re.compile(
        r"[ \t]*(?:(?:[0-9]{1,3}|[一二三四五六七八九十百]{1,3})(?:周?岁|旬|[，。,；;、！？ \t]|$)"
        r"|古稀|花甲|半百|而立|不惑|耄耋)",
        re.M,
    )


def _without_ages(text: str, out: dict[int, tuple[float, str]]) -> None:
    """Drop the year's places before a person's age (‸年逾九旬, ‸年仅15岁, ‸年过四十): 年
    there says how old someone is. A filter, not part of the rule: the gap model learns
    from the rule's places before it (restore.gaptrain)."""
    for p in [p for p in out if text[p : p + 1] == "年"]:
        if text[p + 1 : p + 2] in _AGE_VERBS and _age_re().match(text, p + 2):
            del out[p]


@cache
def _year_re() -> re.Pattern[str]:
    return re.compile(r"年(?P<month>(?=[0-9０-９]{1,2}月))?")


def _year_gaps(text: str, masked: frozenset[int], out: dict[int, tuple[float, str]]) -> None:
    n = len(text)
    for m in _year_re().finditer(text):
        p = m.start()
        cls, word = _left_class(text, p, masked)
        if cls in "DNL":
            continue
        if cls in "HVWT" and len(word) == 1 and word in _YEAR_LEFT_WORDS:
            continue
        nxt = text[p + 1] if p + 1 < n else "\n"
        if m.group("month") is not None:
            _put(out, p, _Y_MONTH[cls], "year+month")
            continue
        if nxt in _YEAR_RIGHT_WORDS:
            continue
        if word in ("较", "比") and nxt in "初底末":
            continue  # "较年初增长": compared with the start of the year
        if nxt in "和至到与及或" or (word in ("比", "较", "与", "同", "和") and nxt not in _AFTER_PUNCT):
            table = _Y_PLAIN  # "2019年和2020年", "比2023年增长"
        elif nxt in _AFTER_PUNCT or nxt in _DIGITS or nxt in _DASHES:
            if nxt == "”" and cls not in "BQ":
                continue  # themed years: “中国旅游年”, “消费提振年”
            table = _Y_PUNCT
        elif text.startswith("年以来", p):
            table = _Y_PLAIN if cls != "H" else _Y_SOFT
        elif nxt == "度":
            table = _Y_PLAIN if word in _PREPOSITIONS else _Y_DEGREE  # 关于‸年度 / 完成年度目标
        elif nxt in _YEAR_RIGHT_SOFT and not text.startswith(_NIAN_ZHONG_WORDS, p + 1):
            if word in _PREPOSITIONS and cls == "V":
                table = _Y_PLAIN
            elif cls == "B" and (nxt == "末" or text[p + 2 : p + 3] in _AFTER_PUNCT):
                table = _Y_SOFT_CLOSE  # "。‸年末全国…", "。‸年底，"
            else:
                table = _Y_SOFT
        elif nxt in _YEAR_RIGHT_ANNUAL:
            table = _Y_ANNUAL
        else:
            table = _Y_PLAIN
        _put(out, p, table[cls], "year")
