"""Places before units and measure words: ``万元``, ``个``, ``人``, ``多名``, ``余人``."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from .left import (
    _AFTER_PUNCT,
    _AFTER_WORDS,
    _DEMONSTRATIVES,
    _DIGITS,
    _NUMERALS,
    _left_class,
    _ordinary_han,
    _put,
)
from .signs import _DASH_UNIT
from .words import word_lists, word_map, word_sets

_UNIT_WORDS = word_sets("units")  # lexicons/gaps/units.tsv
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
#: Units of a penalty's amount or term, which 处 ("sentence to, fine") puts a number
#: before: 处‸元以上, 处‸日以下拘留.
_PENALTY_UNITS = frozenset("元年月日万")
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
            if lexical or nxt == "级" or (p and text[p - 1] == "/"):
                continue  # 毫秒级: a scale; 毫克/千克: a rate's second unit
            if u == "千米" and not (cls == "V" or ends):
                continue  # 千米之下: "a thousand metres"
            _put(out, p, _C_HARD[cls], reason)
        elif u == "人":
            _person_gap(text, p, end, cls, word, lexical, ends, out)
        else:
            if u == "处" and (nxt in _DIGITS or nxt in _PENALTY_UNITS):
                continue  # 处10年以上有期徒刑, 处‸元以上罚款: the verb "sentence to", a number after it
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
