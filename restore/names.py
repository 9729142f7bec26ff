"""Is a mask sitting where a personal name would be?

News text names people constantly (``吴*隆出席座谈会``), and a hidden character
inside a name cannot be read from a word list: 政 is common in given names, 党
almost never. A mask in a name-shaped slot is therefore treated as unknown rather
than guessed. The shape: a common surname after a boundary or a word that introduces a
name (叫), the mask, at most one more Han character, then a boundary or a word that
follows names in news; or such a surname after a word names often stand after inside a
clause (的, 和), then a word that follows names (尊敬的刘*同志).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

import regex

from .chars import is_common_han

#: The commonest Chinese surnames (single-character), general knowledge.
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘"
    "于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江"
    "尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐"
    "易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕"
    "单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆"
    "农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟"
    "邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝"
)
#: Titles and roles that are followed by a name in news (记者刘某报道).
_TITLES = (
    "记者|通讯员|摄影|编辑|主持人|书记|主任|部长|市长|省长|县长|局长|总理|主席|教授|院长|校长|"
    "董事长|总经理|委员|代表|村民|居民|市民|网友|老师|医生|同学|师傅|司机|律师|民警|"
    "目击者|当事人|嫌疑人|患者|家属"
)
_BOUNDARY = rf"(?:^|(?<=[\n\r\s、，。：；！？“”‘’（）《》,.:;!?()\[\]]|{_TITLES}))"
_FOLLOWERS = (
    "参加|出席|陪同|会见|会谈|主持|表示|指出|强调|说|称|告诉|透露|回忆|介绍|同志|书记|主席|总理|部长|省长|市长|"
    "县长|委员|代表|先生|女士|教授|院士|一行|等人|等|报道|摄"
)


#: Words that introduce a name, so that a surname after them starts one (我叫张某，).
_INTRODUCERS = "叫|名叫|姓名|名字是|署名"
#: Words a name often stands after inside a clause (尊敬的刘某同志, 和王某先生). Alone
#: they say little (的王牌, 和平), so after them a slot needs a word that follows names.
_WEAK_BOUNDARY = "[的和与及向给请让由被把对跟同]"


@cache
def _name_slot(symbols: str) -> regex.Pattern[str]:
    s = "[" + regex.escape(symbols) + "]"
    slot = rf"[{SURNAMES}](?P<mask>{s}{{1,2}})\p{{Han}}?"
    return regex.compile(
        rf"(?:(?:{_BOUNDARY}|(?<={_INTRODUCERS})){slot}(?=[、，。：；！？”（）,.:;!?()\s]|$|(?:{_FOLLOWERS}))"
        rf"|(?<={_WEAK_BOUNDARY}){slot}(?={_FOLLOWERS}))"
    )


_SURNAME_SET = frozenset(SURNAMES)


def name_slots(text: str, symbols: str) -> set[int]:
    """Start offsets of mask runs that sit in a personal-name slot.

    >>> sorted(name_slots("会议开始。\\n吴*隆出席座谈会。", "*"))
    [7]
    >>> sorted(name_slots("坚持以*建引领", "*"))
    []
    >>> sorted(name_slots("尊敬的刘*同志：", "*")), sorted(name_slots("尊敬的刘*，", "*"))
    ([4], [])

    The slot pattern is tried only where a surname stands before a mask symbol (found
    with ``str.find``), not over the whole text: the common case is no such place. Two
    slots never overlap (the next would start at a surname right after a mask, which
    is no boundary), so this finds what scanning the whole text would.
    """
    slots: set[int] = set()
    pattern = None
    for symbol in symbols:
        i = text.find(symbol, 1)
        while i > 0:
            if text[i - 1] in _SURNAME_SET:
                pattern = pattern or _name_slot(symbols)
                found = pattern.match(text, i - 1)
                if found is not None:
                    slots.add(found.start("mask"))
            i = text.find(symbol, i + 1)
    return slots


#: What may stand right before a name that ends where a mask run starts (路边的陈清华*委).
_BEFORE_NAME = frozenset("的和与及向给请让由被把对跟同、，。：；！？“”（）\n ")


@cache
def _name_after() -> regex.Pattern[str]:
    return regex.compile(
        rf"(?:{_INTRODUCERS})?(?P<name>[{SURNAMES}]\p{{Han}}{{1,2}})"
        rf"(?=[、，。：；！？”（）,.:;!?()\s]|$|(?:{_FOLLOWERS}))"
    )


_TITLE_AFTER_SURNAME = regex.compile(rf"(?:{_TITLES}|总|副)")
#: An office after a name (张明书记, 李强副主任): the person holds it in the body named
#: before them.
_OFFICE_AFTER_NAME = regex.compile(rf"(?:{_TITLES}|总|副|常委)")


def beside_a_name(text: str, start: int, end: int, is_word: Callable[[str], bool]) -> bool:
    """Whether a personal name stands right before ``start`` or right after ``end``: a
    common surname and one or two characters, set off by a boundary or followed by a word
    that follows names, the surname not opening a word (常委, 王牌: ``is_word``).

    >>> beside_a_name("几位连长赶到，*委梅才华介绍说", 7, 8, lambda w: False)
    False
    >>> beside_a_name("几位连长赶到，*委梅才华介绍说", 7, 9, lambda w: False)
    True
    >>> beside_a_name("守候在路边的陈清华*委发现", 9, 10, lambda w: False)
    True
    >>> beside_a_name("新闻中，*委叫梅才华，", 4, 6, lambda w: False)
    True
    >>> beside_a_name("镇*委王书记主持会议", 1, 3, lambda w: False)
    False
    """
    found = _name_after().match(text, end)
    if found is not None:
        name = found.group("name")
        if not is_word(name[:2]) and not _TITLE_AFTER_SURNAME.match(name, 1):
            return True  # (but 党委王书记: a surname and a title)
    for k in (3, 2):
        a = start - k
        name = text[a:start] if a >= 0 else ""
        if (
            name
            and name[0] in _SURNAME_SET
            and all(map(is_common_han, name))
            and (a == 0 or text[a - 1] in _BEFORE_NAME)
            and not is_word(name[:2])
        ):
            return True
    return False


def office_after_name(text: str, end: int) -> bool:
    """Whether a name right after ``end`` is followed by an office (县*委张明书记): the
    person is an officer of the body before the name, which is a committee (党委), not
    a title (政委) given to the person."""
    found = _name_after().match(text, end)
    return found is not None and _OFFICE_AFTER_NAME.match(text, found.end("name")) is not None
