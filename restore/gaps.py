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
``lexicons/gaps/*.tsv`` (read by :mod:`restore.gapwords`); the character classes that
are punctuation rather than words stay here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache

from .chars import ASCII_LETTERS, DIGITS, is_common_han, is_han
from .gapwords import word_lists, word_map, word_sets
from .model import Gap, Mask

# The word lists are data: lexicons/gaps/*.tsv (restore/gapwords.py reads them).
_NUMBER_WORDS = word_sets("number_words")
_YEAR_WORDS = word_sets("year_words")
_UNIT_WORDS = word_sets("units")

# --------------------------------------------------------------------------- #
# Character classes
# --------------------------------------------------------------------------- #
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


# --------------------------------------------------------------------------- #
# 年 (years)
# --------------------------------------------------------------------------- #
#: X年 words (今年, 青年, 周年, 龙年 ...): a character before 年 that makes a word.
_YEAR_LEFT_WORDS = _YEAR_WORDS["before"]
#: 年X words that do not follow a year number (年轻, 年龄, 年代, 年近八旬 ...).
_YEAR_RIGHT_WORDS = _YEAR_WORDS["after"]
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


# --------------------------------------------------------------------------- #
# Units and measure words
# --------------------------------------------------------------------------- #
#: Units that almost never stand without a number before them.
_HARD_UNITS = _UNIT_WORDS["hard"]
#: Measure words (and currencies) and how far to trust them. Letters say which left
#: sides suffice besides a number-introducing word (达到, 超过, 约 ...):
#: ``B`` line start or punctuation; ``H`` any other Han character (lower confidence);
#: ``E`` any Han character when the phrase ends right after the unit ("线路‸条，").
#: With no letter only a number-introducing word will do. ``W`` also accepts a weak
#: introducer (的, 和, 在 ...) before a following noun.
_MEASURES = {unit: "" if trust == "-" else trust for unit, trust in word_map("measures").items()}

#: Left characters that make an ordinary word with the unit (知名, 美元, 国家 ...).
_UNIT_LEFT_WORDS = word_map("unit_left_words")
#: Right characters that make an ordinary word with the unit (个人, 名单, 家庭 ...).
_UNIT_RIGHT_WORDS = word_map("unit_right_words")


def unit_makes_word(unit: str, following: str) -> bool:
    """Whether a unit character and the one after it read as a word, not a measure
    (名誉, 个人, 家庭): then no number stood before the unit."""
    return bool(following) and following in _UNIT_RIGHT_WORDS.get(unit, "")


#: What may follow 万/亿 when the left side alone is not convincing ("农田‸万亩").
_MAGNITUDE_FOLLOW = _UNIT_WORDS["magnitude-follow"]
#: 多 + these is a plain word ("多种 多项 多元 多次 多方"), never "300多X".
_DUO_SKIP = frozenset("种项元次方地部层处位人年样彩极边重数少国米所")
#: Left characters before 万/亿 that also make "about/over ten thousand" words (超万, 过亿).
_MAGNITUDE_APPROX = frozenset("超过破近逾")
#: Verbs before a bare 万亿 ("突破万亿元大关").
_MAGNITUDE_BARE = frozenset("突破 跨过 迈上 超过 超越 站上 越过 跃上".split())

# Confidence by left class.
_C_HARD = {"B": 0.93, "V": 0.95, "W": 0.9, "P": 0.92, "Q": 0.85, "T": 0.85, "H": 0.85, "O": 0.6}
_C_MEASURE = {"B": 0.88, "V": 0.9, "W": 0.7, "P": 0.88, "Q": 0.6, "T": 0.7, "H": 0.6, "O": 0.5}
_C_MEASURE_END = {"B": 0.9, "V": 0.93, "W": 0.85, "P": 0.9, "Q": 0.8, "T": 0.85, "H": 0.85, "O": 0.6}
#: 多 + measure word: "300多名" minus its digits is "多名", which also means "several".
_C_DUO = {"B": 0.55, "V": 0.6, "W": 0.55, "P": 0.6, "Q": 0.45, "T": 0.45, "H": 0.0, "O": 0.0}
#: 余 + unit ("100余人") has no reading without a number.
_C_YU = {"B": 0.9, "V": 0.92, "W": 0.88, "P": 0.9, "Q": 0.85, "T": 0.85, "H": 0.8, "O": 0.6}


#: Measure words that only count here after 多/余 ("300余起", "100多所"): alone they
#: are too often ordinary words (起来, 所以, 支持).
_PREFIX_ONLY = _UNIT_WORDS["prefix-only"]
#: What follows "N人" in a report of casualties, attendance or membership.
_PERSON_VERBS = tuple(sorted(_UNIT_WORDS["person-verb"]))
#: Nouns for people after which "N人" closes a count ("干部‸人，", "代表‸人。").
_PERSON_NOUN_END = "员部表关级"
#: Classifier + its typical noun ("‸架无人机", "‸所高校"): with nothing before the
#: classifier but an ordinary word, the number is what is missing.
_MEASURE_NOUNS = word_lists("measure_nouns")
#: Characters before 多 that make an ordinary word (很多, 许多, 更多, 个多小时).
_DUO_LEFT_WORDS = "很许好诸众更最较太不差居繁增大颇过偏个众加"


@cache
def _unit_re() -> re.Pattern[str]:
    units = sorted(_HARD_UNITS | set(_MEASURES), key=len, reverse=True)
    alt = _alternation(units)
    palt = _alternation(_PREFIX_ONLY)
    # A digit, numeral or demonstrative before the unit means nothing was deleted.
    # The last branch consumes such a number with its unit ("5个百分点", "两个")
    # so that the engine, not Python, skips it, and no tail of the unit is matched.
    # It comes last so that a numeral which is itself a unit (万, 亿) is tried as one.
    # The leading lookahead lets the engine skip most positions with one set test.
    # It is compiled with the stdlib engine, the faster one here (benchmarks/README.md).
    num = re.escape(_DIGITS + _NUMERALS + _DEMONSTRATIVES)
    starts = {u[0] for u in units} | set("多余" + _DIGITS + _NUMERALS + _DEMONSTRATIVES)
    first = re.escape("".join(sorted(starts)))
    # Each list of units is guarded by a set test of its first characters: the engine
    # tries the alternatives one by one, and most positions (一, 这, 多 before a
    # non-unit) start none of them. The guard only restates what the list requires.
    alt = "(?=[" + re.escape("".join(sorted({u[0] for u in units}))) + "])(?:" + alt + ")"
    palt = "(?=[" + re.escape("".join(sorted({u[0] for u in _PREFIX_ONLY}))) + "])(?:" + palt + ")"
    # The pattern takes the first character before anything else, so the engine finds
    # the places to try with a fast scan for one character set (a pattern that starts
    # with a lookahead is tried at every position). Each branch then looks back at that
    # character; the empty groups name the branch that matched (``m.lastgroup``).
    return re.compile(
        rf"[{first}](?:(?<=[多余])(?:{palt}(?P<pu>)|{alt}(?P<u2>))"
        rf"|(?:{_unit_tails(units)})(?P<u>)"
        rf"|(?<=[{num}])[多余]?{alt}(?P<num>))"
    )


def _unit_tails(units: Iterable[str]) -> str:
    """What completes a unit whose first character was just taken: for each longer
    unit, its other characters, then a look back at the whole unit (平方米: 方米 and
    平方米 behind); last, nothing more, if the character taken is a unit by itself.
    Longest first, as :func:`_alternation` orders them. Each branch but the last starts
    with a character of its own, which the engine tests before trying the branch."""
    longer = sorted((u for u in set(units) if len(u) > 1), key=len, reverse=True)
    singles = "".join(sorted(u for u in set(units) if len(u) == 1))
    tails = [re.escape(u[1:]) + "(?<=" + re.escape(u) + ")" for u in longer]
    # 人 is the unit found most often, nearly always in a word (人民, 人员, 人们): those
    # the engine rules out itself, as _unit_gaps would (a unit that makes a word with
    # the next character, or doubled, is not a measure).
    person = re.escape("".join(sorted(set(_UNIT_RIGHT_WORDS["人"] + "人"))))
    return "|".join([*tails, "(?<=[" + re.escape(singles) + "])(?!(?<=人)[" + person + "])"])


def _alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first, as the engine should try them:
    the one-character words as one character set at the end. A set is one test; a
    list of forty one-character branches is forty."""
    longer = sorted((w for w in set(words) if len(w) > 1), key=len, reverse=True)
    singles = "".join(sorted(w for w in set(words) if len(w) == 1))
    return "|".join([*(re.escape(w) for w in longer), *(["[" + re.escape(singles) + "]"] if singles else [])])


def _unit_gaps(text: str, masked: frozenset[int], out: dict[int, tuple[float, str]]) -> None:
    n = len(text)
    right_words = _UNIT_RIGHT_WORDS
    left_words = _UNIT_LEFT_WORDS
    for m in _unit_re().finditer(text):
        kind = m.lastgroup
        if kind == "num":
            continue
        p, end = m.span()
        nxt = text[end] if end < n else "\n"
        if kind == "u":
            pre = None
            u = m.group()
            # Checked before the left side (the cheaper test first): a unit that makes
            # a word with what follows is never a gap, whatever stands before it (the
            # one left-side rule that keeps a place, G次列车, has 列/动/航 after 次,
            # none of which makes a word with it).
            if (nxt == u or nxt in right_words.get(u, "")) and not (
                u == "万" and nxt == "千" and text[end + 1 : end + 2] in ("瓦", "伏", "米", "克")
            ):
                continue  # 个人, 名单, 座座, 气象万千 (but 万千瓦)
            # The common case, settled before the left side is classified: an ordinary
            # Han character that makes a word with the unit (国家, 工人, 今天). The rules
            # below would class it H and find it lexical, and a lexical H is never a
            # gap, except before 个, which may end a phrase ("项目‸个。").
            if (
                u != "个"
                and p
                and (ch := text[p - 1]) in left_words.get(u, "")
                and _ordinary_han(ch, p - 1, masked)
            ):
                continue
        else:  # 多/余 + unit
            pre = text[p]
            u = text[p + 1 : end]
        cls, word = _left_class(text, p, masked)
        if cls == "L":
            if u == "次" and not pre and text[p - 1].isupper() and text[p + 1 : p + 2] in ("列", "动", "航"):
                _put(out, p, 0.85, "train")  # G1234次列车 -> G次列车
            continue
        if cls in "DN":
            continue
        if cls == "B" and p >= 2 and text[p - 1] in "（(" and text[p - 2] in _DASH_UNIT:
            continue  # 63台（套）: an alternative unit for the same number
        # a range "‸米至‸米": the phrase goes on with another number
        ranged = nxt in "至到" and end + 1 < n and (text[end + 1] in _DIGITS or text[end + 1] in _DASH_UNIT)
        ends = (
            ranged
            or nxt in _AFTER_PUNCT
            or nxt in _DIGITS
            or nxt == "."
            or text.startswith(_AFTER_WORDS, end)
        )
        single = len(word) == 1
        # a one-character left word that forms an ordinary word with the unit
        lexical = single and cls in "HVWT" and word in _UNIT_LEFT_WORDS.get(u, "")
        reason = "unit:" + (pre or "") + u
        if pre == "余":
            if single and word in "其多业剩盈结富节残之课工茶有空闲宽红零":
                continue
            _put(out, p, _C_YU[cls], reason)
        elif pre == "多":
            if single and word in _DUO_LEFT_WORDS:
                continue  # 很多, 许多, 7个多小时
            if u in _HARD_UNITS:
                _put(out, p, _C_HARD[cls], reason)  # 多万, 多亩: never without a number
            elif u == "年":
                if ((cls == "V" and word[-1] == "有") or word == "有着") and nxt not in "来，。":
                    _put(out, p, 0.55, reason)  # 已有‸多年的历史 (but 驻村多年，)
            elif ends:
                _put(out, p, 0.8, reason)  # "项目‸多个。": "several" cannot end a phrase
            elif u in _DUO_SKIP or u in _PREFIX_ONLY or (single and word in "等和与及在或"):
                continue  # 多种 多项 多所; "A、B等多个领域"
            else:
                _put(out, p, _C_DUO[cls], reason)
        elif u in ("万", "亿"):
            if nxt == "级" or (u == "万" and nxt == "亿" and text.startswith("级", end + 1)):
                continue  # 万亿级: "trillion-class", no number
            if lexical or text.startswith("万家灯", p):
                continue  # 上万, 成万, 千家万户, 万家灯火
            if single and word in _MAGNITUDE_APPROX:
                # 超万人 / 超‸万人 both read well; 超万亿元 is nearly always bare
                conf = 0.0 if nxt == "亿" or (u == "亿" and nxt == "万") else 0.7
            elif u == "万" and nxt == "亿":
                # 万亿 stands alone as "trillions" (突破万亿元)
                conf = 0.7 if cls == "B" or (cls == "V" and word not in _MAGNITUDE_BARE) else 0.45
            elif cls in "BVW" or nxt in _MAGNITUDE_FOLLOW or ends:
                conf = _C_HARD[cls]
            else:
                continue
            _put(out, p, conf, reason)
        elif u in _HARD_UNITS:
            if lexical:
                continue
            if u == "千米" and not (cls == "V" or ends):
                continue  # 千米之下: "a thousand metres"
            _put(out, p, _C_HARD[cls], reason)
        elif u == "人":
            _person_gap(text, p, end, cls, word, lexical, ends, out)
        else:
            trust = _MEASURES.get(u, "")
            if u in _MEASURE_NOUNS and text.startswith(_MEASURE_NOUNS[u], end):
                trust = "BHW"
                if cls == "W":
                    lexical = False  # "省份的‸家单位"
            elif u in ("所", "票"):
                continue  # 所有, 所需; 投票: only with the noun it counts
            elif ranged and cls in "BW":
                trust = "BW"  # "一般在‸米至米"
            elif u == "处" and text.startswith(_AFTER_WORDS, end):
                trust = "BHW"  # "推进‸处以上"
            if lexical and not (ends and u == "个" and word not in "自真大高挨个打"):
                continue
            if cls in "BQ":
                ok = "B" in trust or ("E" in trust and ends)
            elif cls in "HTO":
                ok = "H" in trust or ("E" in trust and ends)
            elif cls == "W":
                ok = "W" in trust or ("E" in trust and ends)
            else:  # V, P
                ok = True
            if ok:
                conf = (_C_MEASURE_END if ends else _C_MEASURE)[cls]
                if u == "个" and word in ("有", "是") and not ends:
                    conf = 0.45  # 有个, 是个: colloquial "a/one"
                elif u == "个" and word == "了" and not ends:
                    conf = 0.6
                _put(out, p, conf, reason)


def _person_gap(
    text: str,
    p: int,
    end: int,
    cls: str,
    word: str,
    lexical: bool,
    ends: bool,
    out: dict[int, tuple[float, str]],
) -> None:
    """人 ends far more words than it counts people: demand more evidence."""
    verb = text.startswith(_PERSON_VERBS, end)
    if lexical and not (verb and cls == "V" and word in "超约近共计达逾"):
        return
    if cls in "QO":
        return
    if verb:
        conf = 0.9 if cls in "BVW" else 0.8
    elif cls == "V":
        conf = 0.9 if ends else 0.8
    elif ends and cls == "H" and word in _PERSON_NOUN_END:
        conf = 0.8
    else:
        return
    _put(out, p, conf, "unit:人")


# --------------------------------------------------------------------------- #
# Signs: decimal tails, percent, ranges, plus, 第, empty brackets
# --------------------------------------------------------------------------- #
#: What may follow 第 + number ("第2758号", "第105次").
_ORDINAL_FOLLOW = "号次届期个名位天年条款项批轮场季集章节页版站回代阶段部卷册首篇"


@cache
def _sign_re() -> re.Pattern[str]:
    # Every branch is decided at one of the characters in ``first``: the pattern takes
    # that character first (a set test, which the engine runs as a fast scan over the
    # text) and then each branch checks, by looking behind and ahead, what stands around
    # it. A match starts at that character; "ord" is read at the match's end, after 第.
    first = re.escape(".%％‰+第）)到至-—–―~～〜万亿千米毫厘公元吨克")
    dash = re.escape(_DASHES)
    return re.compile(
        rf"[{first}](?:"
        r"(?P<dec>(?<=\.)(?<![0-9０-９A-Za-z.．]\.)(?=[0-9]))"
        r"|(?P<dectail>(?<=[0-9]\.[%‰％万亿千米毫厘公元吨克]))"
        r"|(?P<pct>(?<=[%％‰])(?<![0-9０-９A-Za-z%.．][%％‰])(?![0-9A-Fa-f]{2}))"
        r"|(?P<plus>(?<=\+)(?<![^“\"‘'「《（(\s]\+)(?![0-9A-Za-z]))"
        rf"|(?P<ord>(?<=第)(?<![次及落门府宅科甲等]第)(?=[{_ORDINAL_FOLLOW}]))"
        r"|(?P<brk>(?<=[（(][）)]))"
        r"|(?P<span>(?<=[在从由][到至])(?=[0-9０-９]))"
        rf"|(?P<dash>(?<=[{dash}])(?<![{dash}][{dash}])(?![{dash}]))"
        r")"
    )


#: What may follow a range dash when the number after it was deleted.
_DASH_UNIT = frozenset(
    "年个名家项件人次条台辆座所位种批场届期号处列架艘只套栋株例倍篇部趟天岁元户万亿亩吨斤公平立千毫厘标美欧"
)


def _sign_gaps(text: str, out: dict[int, tuple[float, str]]) -> None:
    n = len(text)
    for m in _sign_re().finditer(text):
        kind = m.lastgroup
        p = m.start()
        if kind == "dec":
            _put(out, p, 0.95, "decimal")
        elif kind == "dectail":
            _put(out, p, 0.9, "decimal")
        elif kind == "pct":
            _put(out, p, 0.95, "percent")
        elif kind == "plus":
            _put(out, p, 0.85, "plus")
        elif kind == "ord":
            _put(out, m.end(), 0.9, "ordinal")
        elif kind == "brk":
            _put(out, p, 0.75, "empty-brackets")
        elif kind == "span":
            _put(out, p, 0.85, "range")  # "在‸到30万元": a range with its first number gone
        elif kind == "dash":
            left = text[p - 1] if p else "\n"
            right = text[p + 1] if p + 1 < n else "\n"
            if right in " \t\u3000":
                continue  # a bullet or a spaced dash
            left_open = p == 0 or left in _OPENERS
            right_unit = right in _DASH_UNIT or right in _CLOSERS or right in _AFTER_PUNCT
            right_letter = right in _LATIN
            if left_open and right not in _DIGITS and not right_letter:
                _put(out, p, 0.9 if right_unit or right in _DASHES else 0.6, "range")
            if left in _DIGITS or left in _LATIN or left in " \t\u3000" or left in _DASHES:
                continue
            if right_unit:
                _put(out, p + 1, 0.9 if left_open else 0.85, "range")
            elif left_open and (is_han(right) or right in _MASK_SYMBOLS):
                _put(out, p + 1, 0.6, "range")


#: A document that still holds a run of 3+ ASCII digits did not go through the
#: scraper (it deletes every such run), so nothing there is a gap: every place found
#: keeps this share of its confidence, which puts it below the pipeline's 0.5 cut.
INTACT_DIGITS_FACTOR = 0.45


@cache
def _intact_re() -> re.Pattern[str]:
    # Three ASCII digits in a row, spelled as a lookahead: the fastest of the ways to
    # write it that were timed (benchmarks/README.md).
    return re.compile(r"[0-9](?=[0-9][0-9])")


def find_gaps(text: str, masks: Sequence[Mask] = (), min_confidence: float = 0.0) -> list[Gap]:
    """Places in ``text`` where a run of 3+ digits was probably deleted.

    ``masks`` are runs of mask symbols; a masked place counts as a Han character.
    Returns gaps sorted by offset, at most one per offset, with a confidence in
    [0, 1] and a short tag naming the rule that fired (``year``, ``unit:元``,
    ``decimal``, ``percent``, ``range`` ...). In a text that still contains
    three ASCII digits in a row, confidences are scaled by :data:`INTACT_DIGITS_FACTOR`
    and reasons end in ``+intact``; when that puts every gap below ``min_confidence``,
    the text is not scanned at all (the fast path for clean text).

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
    masked = frozenset(i for mk in masks for i in range(mk.start, mk.end)) if masks else frozenset()
    out: dict[int, tuple[float, str]] = {}
    _year_gaps(text, masked, out)
    _unit_gaps(text, masked, out)
    _sign_gaps(text, out)
    if out and intact:
        f = INTACT_DIGITS_FACTOR
        return [Gap(p, round(c * f, 4), r + "+intact") for p, (c, r) in sorted(out.items())]
    return [Gap(p, round(c, 4), r) for p, (c, r) in sorted(out.items())]
