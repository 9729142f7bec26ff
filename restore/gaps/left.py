"""What stands before a place: does a number belong there?

Each place is classed by the character or word before it (:func:`_left_class`): a digit,
a numeral, punctuation, a word that takes a number, an ordinary Han character ... The
year, unit and sign rules score a place from that class and what follows it.
"""

from __future__ import annotations

import re

from ..chars import ASCII_LETTERS, DIGITS, is_common_han, is_han
from .words import word_map, word_sets

# The word lists are data: lexicons/gaps/*.tsv (restore/gaps/words.py reads them).
_NUMBER_WORDS = word_sets("number_words")

_DIGITS = DIGITS
#: The default mask symbols, which count as Han characters beside a place.
_MASK_SYMBOLS = "*＊"
#: Chinese numerals and number words: the number is written out, nothing deleted.
_NUMERALS = "零〇一二三四五六七八九十百千万亿两几数半廿卅壹贰叁肆伍陆柒捌玖拾佰仟俩仨"
#: Demonstratives and quantifiers that take a measure word directly (这个, 每名, 各项).
_DEMONSTRATIVES = "这那哪每各某整该本此其首逐另单"
#: Where a number can start: line start, spaces and opening/separating punctuation.
_OPENERS = "\n\r\t \u3000，。、；：！？（(“\"‘'《〈【[「『,;:!?/|…·•±＋"
#: Closing punctuation: a number after it is possible but less certain.
_CLOSERS = "）)”’》〉】]」』"
#: What may follow a complete number phrase (punctuation, line end).
_AFTER_PUNCT = frozenset("，。、；：！？）)”’》,;:!?\n\r \u3000（(")
#: Words after a number phrase that close it ("300个以上", "5万左右").
_AFTER_WORDS = ("以上", "以下", "左右", "上下", "之多", "有余", "以内", "之间")
_DASHES = "-—–―~～〜"
_LATIN = frozenset(ASCII_LETTERS)

#: Words before a place that introduce a number: reaching/exceeding, prepositions,
#: verbs of counting, quantity nouns ("总额 面积 时速").
_STRONG_LEFT = _NUMBER_WORDS["strong"]
#: Weak number-introducers: they also stand before ordinary nouns.
_WEAK_LEFT = _NUMBER_WORDS["weak"]
#: A one-character number-introducer after these characters is part of an ordinary
#: word instead (设计, 表达, 条约, 所有, 为了, 附近 ...).
_NOT_NUMBER_WORD = word_map("not_number_words")
#: "全国 / 全省 / 全区 ..." + number ("全国832个脱贫县").
_WHOLE_PLACES = "国省市区县乡镇村州盟旗球网校厂队院系军"


def _char_class_table() -> dict[str, str]:
    """Character -> class for the characters that decide their class alone."""
    table: dict[str, str] = {}
    for chars, cls in (
        (_LATIN, "L"),
        (_NUMERALS + _DEMONSTRATIVES, "N"),
        (_CLOSERS, "Q"),
        (_OPENERS, "B"),
        (_DIGITS, "D"),
    ):
        for c in chars:
            table[c] = cls
    return table


#: Single characters whose class does not depend on what stands before them.
_CHAR_CLASSES = _char_class_table()
#: Last characters of the multi-character left words (达到 -> 到).
_MULTI_WORD_ENDS = frozenset(w[-1] for w in _STRONG_LEFT | _WEAK_LEFT if len(w) > 1)
#: Every character that some rule of :func:`_left_class` before the last one looks at.
_SPECIAL_LEFT = frozenset(
    set(_CHAR_CLASSES)
    | set(".．" + _DASHES + _WHOLE_PLACES + "年月日")
    | _MULTI_WORD_ENDS
    | {w for w in _STRONG_LEFT | _WEAK_LEFT if len(w) == 1}
)


#: An item's number in brackets right before a unit: （四）, (2), （十二）.
_BRACKETED_NUMERAL = re.compile(r"[（(](?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})[）)]$")


def _left_class(text: str, p: int, masked: frozenset[int]) -> tuple[str, str]:
    """Classify what stands before ``p``; return ``(cls, word)``.

    ``cls``: ``D`` digit, ``N`` numeral/demonstrative, ``B`` line start or opening
    punctuation, ``Q`` closing punctuation, ``V`` word that takes a number, ``W`` weak
    one, ``P`` "全国"-type word, ``T`` a time word (年/月/日), ``H`` other Han or a
    mask, ``L`` Latin letter, ``O`` anything else. ``word`` is what decided it.
    """
    if p <= 0:
        return "B", ""
    ch = text[p - 1]
    if masked and (p - 1) in masked:
        return "H", ch
    if is_common_han(ch) and ch not in _SPECIAL_LEFT:
        return "H", ch  # the common case, decided as the last rule below decides it
    if ch in "）)" and _BRACKETED_NUMERAL.search(text, max(0, p - 6), p):
        return "N", ch  # 第（四）项, (2)款: an item's number in brackets
    cls = _CHAR_CLASSES.get(ch)
    if cls is not None:
        return cls, ch
    if ch == "." or ch == "．":
        return ("D", ch) if p >= 2 and text[p - 2] in _DIGITS else ("O", ch)
    if ch in _DASHES:
        return ("B", ch) if p >= 2 and text[p - 2] in "—―" else ("O", ch)
    if ch in _MULTI_WORD_ENDS:
        for n in (4, 3, 2):
            if p >= n:
                w = text[p - n : p]
                if w in _STRONG_LEFT:
                    return "V", w
                if w in _WEAK_LEFT:
                    return "W", w
    if ch in _STRONG_LEFT:
        if p >= 2 and text[p - 2] in _NOT_NUMBER_WORD.get(ch, ""):
            return "H", text[p - 2 : p]
        return "V", ch
    if ch in _WEAK_LEFT:
        return "W", ch
    if p >= 2 and text[p - 2] == "全" and ch in _WHOLE_PLACES:
        return "P", text[p - 2 : p]
    if ch in "年月日":
        return "T", ch
    if is_common_han(ch) or is_han(ch) or ch in _MASK_SYMBOLS:
        return "H", ch
    return "O", ch


def _ordinary_han(ch: str, at: int, masked: frozenset[int]) -> bool:
    """Whether :func:`_left_class` classes ``ch``, standing at ``at``, ``H`` by its first
    rule: a Han character no other rule looks at. The unit rules test the character
    before a unit against their word lists first (most units found stand in such words:
    国家, 工人), and ask this only of those it names."""
    return is_common_han(ch) and ch not in _SPECIAL_LEFT and not (masked and at in masked)


def _put(out: dict[int, tuple[float, str]], p: int, conf: float, reason: str) -> None:
    if conf < 0.05:
        return
    old = out.get(p)
    if old is None or conf > old[0]:
        out[p] = (conf, reason)
