"""Places at signs: decimal tails, percent, ranges, plus, 第, empty brackets; dates and
sizes written with digits; an opener before a comma, a lone + at a line end; an empty
segment of a web address; a currency sign with no amount after it; a number's
thousands separator with no group after it."""

from __future__ import annotations

import re
from functools import cache

from ..chars import han_head, han_tail, is_han, list_number_before
from .left import _AFTER_PUNCT, _CLOSERS, _DASHES, _DIGITS, _LATIN, _MASK_SYMBOLS, _OPENERS, _put
from .symbol_units import starts_symbol_unit

#: What may follow 第 + number ("第2758号", "第105次").
_ORDINAL_FOLLOW = "号次届期个名位天年条款项批轮场季集章节页版站回代阶段部卷册首篇"


@cache
def _sign_re() -> re.Pattern[str]:
    # Every branch is decided at one of the characters in ``first``: the pattern takes
    # that character first (a set test, which the engine runs as a fast scan over the
    # text) and then each branch checks, by looking behind and ahead, what stands around
    # it. A match starts at that character; "ord" is read at the match's end, after 第.
    first = re.escape(".%％‰+第）)》」】”到至-—–―~～〜万亿千米毫厘公元吨克")
    dash = re.escape(_DASHES)
    # A point after #, /, =, &, ?, _ or @ is in a web address or a name (#.8jbyo2k64),
    # never a decimal with its whole part deleted; a percent sign after @, #, $, ￥, &
    # or ^ is a keyboard's row standing for a curse (@#￥%&*), not a share.
    return re.compile(
        rf"[{first}](?:"
        r"(?P<dec>(?<=\.)(?<![0-9０-９A-Za-z.．#/=&?_@]\.)(?=[0-9]))"
        r"|(?P<dectail>(?<=[0-9]\.[%‰％万亿千米毫厘公元吨克]))"
        r"|(?P<pct>(?<=[%％‰])(?<![0-9０-９A-Za-z%.．@#$￥¥&^][%％‰])(?![0-9A-Fa-f]{2}))"
        r"|(?P<plus>(?<=\+)(?<![^“\"‘'「《（(\s]\+)(?![0-9A-Za-z]))"
        rf"|(?P<ord>(?<=第)(?<![次及落门府宅科甲等]第)(?=[{_ORDINAL_FOLLOW}]))"
        r"|(?P<brk>(?<=[（(][）)]))"
        r"|(?P<title>(?<=《》|「」|【】|“”))"
        r"|(?P<span>(?<=[在从由][到至])(?=[0-9０-９]))"
        rf"|(?P<dash>(?<=[{dash}])(?<![{dash}][{dash}])(?![{dash}]))"
        r")"
    )


#: Openers before a “+” whose number was deleted (the rest of the plus rule's left
#: sides are white space and line starts).
_PLUS_QUOTES = frozenset("“\"‘'「《（(")

#: What may follow a range dash when the number after it was deleted.
_DASH_UNIT = frozenset(
    "年个名家项件人次条台辆座所位种批场届期号处列架艘只套栋株例倍篇部趟天岁元户万亿亩吨斤公平立千毫厘标美欧"
)


#: A web address's escaped byte (%28).
_HEX_ESCAPE = re.compile(r"%[0-9A-Fa-f]{2}")


def _sign_gaps(text: str, out: dict[int, tuple[float, str]]) -> None:
    n = len(text)
    for m in _sign_re().finditer(text):
        kind = m.lastgroup
        p = m.start()
        if kind == "dec":
            _put(out, p, 0.95, "decimal")
        elif kind == "dectail":
            if list_number_before(text, p - 1):
                continue  # "2.米帝…" at a line's start: an item's number, not 2.xxx
            if _HEX_ESCAPE.match(text, p):
                continue  # %E8%BE%91.%28mp3: a web address's escapes around a dot
            _put(out, p, 0.9, "decimal")
        elif kind == "pct":
            if p + 1 < n and text[p + 1] in _LATIN:
                continue  # %HOMEPATH%, %d: a variable or a format, not a share
            _put(out, p, 0.95, "percent")
        elif kind == "plus":
            # “331+” is a policy's name with its number deleted; a + at a line start
            # is as often a list marker or a diff line: the gap model weighs that one.
            # A + alone on its line is a post's "+1" whose number followed it (+‸,
            # the plus-end rule), not one before it.
            if (p == 0 or text[p - 1] == "\n") and text[p + 1 : p + 2] in ("", "\n", "\r"):
                continue
            _put(out, p, 0.85, "quoted-plus" if p and text[p - 1] in _PLUS_QUOTES else "plus")
        elif kind == "ord":
            _put(out, m.end(), 0.9, "ordinal")
        elif kind == "brk":
            _put(out, p, 0.75, "empty-brackets")
        elif kind == "title":
            if text[p - 1] in "“「" and not (p >= 2 and (is_han(text[p - 2]) or text[p - 2].isalnum())):
                continue  # ⏎“”⏎: a story's silent reply, not 实施“‸”工程 inside a sentence
            _put(out, p, 0.75, "empty-quotes")  # 《‸》, “‸”: a title or a quote that was a number
        elif kind == "span":
            _put(out, p, 0.85, "range")  # "在‸到30万元": a range with its first number gone
        elif kind == "dash":
            left = text[p - 1] if p else "\n"
            right = text[p + 1] if p + 1 < n else "\n"
            if right in " \t\u3000" or right == "/":
                continue  # a bullet or a spaced dash; ~/ a home folder
            if _in_a_face(text, p) or _around_a_name(text, p):
                continue  # -_-, -，-: an emoticon's eye; -阿彦-: a name set off by dashes
            left_open = p == 0 or left in _OPENERS
            right_unit = right in _DASH_UNIT or right in _CLOSERS or right in _AFTER_PUNCT
            right_letter = right in _LATIN
            if (right_letter or right in "℃℉°μ") and starts_symbol_unit(text, p + 1):
                right_unit, right_letter = True, False  # （‸～Ma）: a range before its unit
            if left_open and right not in _DIGITS and not right_letter:
                _put(out, p, 0.9 if right_unit or right in _DASHES else 0.6, "range")
            if left in _DIGITS or left in _LATIN or left in " \t\u3000" or left in _DASHES:
                continue
            if right_unit:
                _put(out, p + 1, 0.9 if left_open else 0.85, "range")
            elif left_open and (is_han(right) or right in _MASK_SYMBOLS):
                _put(out, p + 1, 0.6, "range")


#: What stands between the two eyes of a dash-eyed emoticon (-_-, -，-, -.-).
_FACE_MOUTHS = frozenset("_＿.。，,…~～")


def _in_a_face(text: str, p: int) -> bool:
    """The dash at ``p`` is an eye of an emoticon: the same dash stands two characters
    away, with a mouth between (-_-, -，-), which no range writes."""
    dash = text[p]
    after = text[p + 1 : p + 3]
    before = text[max(0, p - 2) : p]
    return (len(after) == 2 and after[0] in _FACE_MOUTHS and after[1] == dash) or (
        len(before) == 2 and before[1] in _FACE_MOUTHS and before[0] == dash
    )


#: The longest name a pair of dashes sets off (UP主：-阿彦-).
_NAME_SPAN = 8


def _around_a_name(text: str, p: int) -> bool:
    """The dash at ``p`` and the same dash a few Han characters away set them off, as a
    poster decorates a name (-阿彦-): a range with a number deleted at each end would
    leave its dash between them, not one on each side of the text."""
    dash = text[p]
    after = han_head(text[p + 1 : p + 1 + _NAME_SPAN], "")
    before = han_tail(text[max(0, p - _NAME_SPAN) : p], "")
    closed = bool(after) and text[p + 1 + len(after) : p + 2 + len(after)] == dash
    opened = bool(before) and text[max(0, p - len(before) - 1) : p - len(before)] == dash
    return closed or opened


@cache
def _date_re() -> re.Pattern[str]:
    """A date written with digits whose year was deleted: ``‸-03-04``, ``‸/12/31``, and
    ``‸-3-4`` before a space or the end (a forum's time stamp). The month and day must be
    valid, and nothing alphanumeric may stand where the year was (a version, a phone
    number or a code keeps its digits there)."""
    # Each pattern here starts with the sign it is about, so the engine looks for that
    # sign and nothing else (a zero-width start is tried at every character).
    return re.compile(
        r"([-/])(?<![0-9０-９A-Za-z/\-][-/])(?=(?:"
        r"(?:0[1-9]|1[0-2])\1(?:0[1-9]|[12][0-9]|3[01])(?![0-9])"  # -03-04
        r"|(?:0?[1-9]|1[0-2])\1(?:0?[1-9]|[12][0-9]|3[01])(?=\s|\Z)"  # -3-4, then a space or the end
        r"))"
    )


@cache
def _year_last_date_re() -> re.Pattern[str]:
    """A date written day (or month) first whose year was deleted: ``20/12/‸`` (a post's
    date in Hong Kong, Taiwan or English style). Not inside a path (``/12/20/``), a
    longer token or a formula (``*6/7/$E$9``); the caller checks that one field is a
    month."""
    return re.compile(
        r"(?<![0-9A-Za-z/.\-*+$])(0?[1-9]|[12][0-9]|3[01])/(0?[1-9]|[12][0-9]|3[01])/(?![0-9A-Za-z/$(])"
    )


@cache
def _time_fraction_re() -> re.Pattern[str]:
    """A timestamp's fraction of a second deleted (``T05:09:20.‸Z``, ``12:00:01.‸+08:00``):
    an ISO 8601 time with nothing after its point but a zone or the end of a quoted or
    listed value, as front matter and APIs write it (a space or a line's end may follow
    a sentence's full stop: at 12:30:45.)."""
    return re.compile(r"(?<=[0-9]{2}:[0-9]{2}:[0-9]{2}\.)(?=Z|[+-][0-9]{2}:?[0-9]{2}(?![0-9])|[\"',\]}])")


@cache
def _cue_fraction_re() -> re.Pattern[str]:
    """A subtitle cue's milliseconds deleted (SRT's ``00:01:23,456 --> 00:01:25,789`` leaves
    ``00:01:23, --> 00:01:25,``): the start time's comma before the cue's arrow, and the end
    time's after it at the end of the line. A time's comma elsewhere is a sentence's."""
    return re.compile(
        r"(?<=[0-9]{2}:[0-9]{2}:[0-9]{2},)(?=[ \t]*-->)"
        r"|(?<=--> [0-9]{2}:[0-9]{2}:[0-9]{2},)(?=[ \t]*\r?$)",
        re.MULTILINE,
    )


@cache
def _cue_timing_re() -> re.Pattern[str]:
    """A subtitle cue's timing line (``00:01:23,456 --> ...``, its milliseconds kept or
    not), which follows the cue's number on the line before."""
    return re.compile(r"^[0-9]{2}:[0-9]{2}:[0-9]{2},[0-9]* *-->", re.MULTILINE)


#: Units of a size written ``150x200cm``.
_SIZE_UNITS = "cm|mm|CM|MM|厘米|毫米|公分|px"
_SIZE_PREFIXES = tuple(_SIZE_UNITS.split("|"))


@cache
def _size_re() -> re.Pattern[str]:
    """A size whose numbers were deleted: ``‸x‸cm``, ``80x‸cm``, ``‸x60cm``. Each side
    of the ``x`` (or ×) that is neither a digit nor a letter lost its number."""
    return re.compile(rf"[x×](?=(?:[0-9]+(?:\.[0-9]+)?)?(?:{_SIZE_UNITS}))")


@cache
def _bare_sign_re() -> re.Pattern[str]:
    """An opener right before a comma (``（‸，阿肯色州人``: a birth year; but ``逗号（，）``
    names the comma), and a ``+`` alone at the end of a line (a forum's ``+‸``, "+1024")."""
    return re.compile(r"[（(《「](?=[，,、；;](?![）)》」]))|\+(?=\n|\r|\Z)")


@cache
def _url_re() -> re.Pattern[str]:
    """A web address, to its first space or closing bracket."""
    return re.compile(r"https?://[^\s()<>\[\]{}\"'，。；、“”（）]+")


#: A file with no name before its type (/12/06/‸.html): a page or an image named by its
#: number (a dot file, /.well-known, is not one of these types).
_NAMELESS_FILE = re.compile(
    r"(?<=/)(?=\.(?i:s?html?|php|aspx?|jsp|png|jpe?g|gif|webp|svg|pdf|mp[34]|md)(?![A-Za-z0-9]))"
)
#: A slug's empty word in a web address's path, between two words' hyphens
#: (wwdc-‸-heres-everything). The words are lower case: an id's double hyphen
#: (Hrk--E47eJQ) is not a slug's. Not a segment that opens with a hyphen: news sites'
#: slugs lose their number so (/article/‸-the-solar-canals), but Kotlin's documentation
#: names its classes so (/kotlin.collections/-list-iterator/) on clean pages.
_SLUG_GAP = re.compile(r"(?<=[a-z0-9][a-z]-)(?=-[a-z]{2})|" + _NAMELESS_FILE.pattern)


def _url_gaps(text: str, out: dict[int, tuple[float, str]]) -> None:
    """An empty segment in a web address's path (``/article/‸/title``,
    ``/uploads/‸/10/``): a year or an id stood between the two slashes; and an empty
    word of a slug (``wwdc-‸-heres``) or a file's empty name (``/‸.html``, :data:`_SLUG_GAP`)."""
    for url in _url_re().finditer(text):
        start = url.start() + url.group().index("//") + 2
        path = url.group()[start - url.start() :]
        path = path[: min((i for i in (path.find("?"), path.find("#")) if i >= 0), default=len(path))]
        # not the scheme's // of a second address run on after the first (…,http://)
        for m in re.finditer(r"(?<=[^/:]/)(?=/[^/])", path):
            _put(out, start + m.start(), 0.85, "url")
        for m in _SLUG_GAP.finditer(path):
            _put(out, start + m.start(), 0.85, "url")


@cache
def _relative_link_re() -> re.Pattern[str]:
    """A Markdown link's relative target (``](./1-100/97.md)``), of bounded length: a
    page of unclosed links (``[``](```` repeated) must not make it look to the end."""
    return re.compile(r"\]\((?![A-Za-z][A-Za-z0-9+.\-]*:)([^)\s\]\[(]{1,500})\)")


def _relative_link_gaps(text: str, out: dict[int, tuple[float, str]]) -> None:
    """A file with no name before its type in a relative link (``](./801-900/‸.md)``): a
    site's pages named by their numbers."""
    for m in _relative_link_re().finditer(text):
        for f in _NAMELESS_FILE.finditer(text, m.start(1), m.end(1)):
            _put(out, f.start(), 0.85, "url")


@cache
def _empty_code_re() -> re.Pattern[str]:
    """Two backticks alone, between neither letters nor digits: an inline code span
    that held only a number (默认为 `9030` leaves 默认为 ``)."""
    return re.compile(r"(?<![`0-9A-Za-z_])`(?=`(?![`0-9A-Za-z_]))")


def _names_backticks(line: str, start: int, end: int) -> bool:
    """The two backticks from ``start`` to ``end`` name the sign itself: in brackets
    (反引号（``）) or as a code span's content (` `` `)."""
    bracketed = line[start - 1 : start] + line[end : end + 1] in ("（）", "()")
    return bracketed or (line[start - 2 : start] == "` " and line[end : end + 2] == " `")


#: What gives a value right before it: 默认为 `9030`, 端口是 `8030`, 默认值：`100`, port = `80`.
_VALUE_MARKS = ("为", "是", "：", ":", "=")


def _empty_code_gaps(text: str, out: dict[int, tuple[float, str]]) -> None:
    """An empty inline code span (:func:`_empty_code_re`) alone on its line and not alone
    as the line. Two or more on a line are a double-backtick span's delimiters
    (``cmd + [``), which Markdown writes for code that holds a backtick; two in brackets
    or between spaces name the sign itself (反引号（``）), and so do two on a line whose
    other backticks do not pair (` 可以表示为 ``). A span right after what gives a
    value (默认为 ``, :data:`_VALUE_MARKS`) held a number, not a sign: ``empty-value``, which
    needs no company, unlike ``empty-code``."""
    start = 0
    for line in text.split("\n"):
        # one pair on the line, not the line alone, the line's other backticks paired
        if line.count("``") == 1 and line.strip() != "``" and line.count("`") % 2 == 0:
            for m in _empty_code_re().finditer(line):
                p = m.start()
                if not _names_backticks(line, p, m.end() + 1):
                    valued = line[:p].rstrip(" ").endswith(_VALUE_MARKS)
                    _put(
                        out,
                        start + m.end(),
                        0.85 if valued else 0.8,
                        "empty-value" if valued else "empty-code",
                    )
        start += len(line) + 1


def _bare_sign_gaps(text: str, out: dict[int, tuple[float, str]]) -> None:
    """Signs left with nothing on the side a number stood (:func:`_bare_sign_re`)."""
    for m in _bare_sign_re().finditer(text):
        if m.group() != "+":
            _put(out, m.end(), 0.8, "before-comma")
        elif m.start() == 0 or text[m.start() - 1].isspace():
            _put(out, m.end(), 0.8, "plus-end")  # a + alone, not a+


@cache
def _currency_re() -> re.Pattern[str]:
    # A currency sign written before its amount (¥2499, US$30, € 15), the amount gone:
    # what follows is what may stand after an amount (a clause's punctuation, a line's
    # end, bold's closing stars, a range's dash, 起, a rate's slash). Not ）, a quote or
    # a backtick: （¥）, “¥”, `¥` name the sign. Only after Han text, a colon or bold's
    # stars: a keyboard's row (@#￥%) and a format string (￥%d) stand elsewhere.
    return re.compile(
        r"(?:(?<=[\u3400-\u9fff：:*])|(?<=[\u3400-\u9fff：:*][ \u3000])|(?<=[\u3400-\u9fff：:*][ \u3000]{2}))"
        r"(?:[¥￥€£]|(?:US|HK|NT|NZ|MOP|S|A|C)\$)"
        r"[ \u3000]?(?=[，。；、！？,;!?*~～\-—–/起]|\r?\n|$)"
    )


#: Words that name a currency sign rather than price something (人民币符号¥，).
_NAMES_A_SIGN = ("符号", "标志", "标记", "字符", "键", "按", "输入")


def _currency_gaps(text: str, out: dict[int, tuple[float, str]]) -> None:
    """A currency sign whose amount was deleted: 原价 ¥‸，限时 (:func:`_currency_re`)."""
    for m in _currency_re().finditer(text):
        before = text[max(0, m.start() - 4) : m.start()].rstrip(" \u3000")  # the sign's name and two spaces
        if before.endswith(_NAMES_A_SIGN):
            continue
        _put(out, m.end(), 0.9, "currency")


@cache
def _thousands_re() -> re.Pattern[str]:
    # A number's first group and its separators (4,000,000 leaves 4,,): every comma
    # whose group of three digits went. Not inside a longer token (v1,2) or a list of
    # decimals (1.5,2).
    return re.compile(r"(?<![0-9A-Za-z,.，:：\-_=(\[{])[0-9]{1,3}(,+)(?![0-9])")


#: Measure words and units after a number whose last groups were deleted. Not those
#: that open common words after a sentence's comma (19,家里人; 153,所以; 4,年轻代), and
#: not 千 (in 1萬3,千餘人 the comma is a slip between a number's words).
_MEASURES = (frozenset(_DASH_UNIT) | frozenset("秒米行起克页张把颗")) - frozenset("千家年所标美欧")
#: What may follow such a number directly: those, and 多/余 (23,‸多个). Not a range's
#: sign: 0,-40% and $20,~15$ are lists of numbers.
_AFTER_THOUSANDS = _MEASURES | frozenset("多余")
#: Currencies' names after such a number (25,‸卢比).
_CURRENCY_NAMES = ("美元", "欧元", "英镑", "日元", "港元", "港币", "韩元", "卢比", "卢布")


#: A letter or two used as a name in code or a formula (r: 255, g: 0; x=1, g=3).
_CODE_NAME = re.compile(r"[A-Za-z]{1,2}\s*[:=.,(\[]")


#: How far back a line's start is looked for: further than this, ``p`` is inside the line
#: (a bounded look keeps a page of one long line linear).
_LINE_LOOKBACK = 40


def _line_prefix(text: str, p: int) -> str | None:
    """What stands on ``p``'s line before it, or None when that is longer than
    :data:`_LINE_LOOKBACK` characters."""
    lo = max(0, p - _LINE_LOOKBACK - 1)
    nl = text.rfind("\n", lo, p)
    if nl < 0 and lo > 0:
        return None
    return text[nl + 1 : p]


def _line_start(text: str, p: int) -> bool:
    """Whether only spaces stand between the line's start and ``p``."""
    prefix = _line_prefix(text, p)
    return prefix is not None and prefix.strip(" \t\u3000") == ""


def _thousands_gaps(text: str, out: dict[int, tuple[float, str]]) -> None:
    """Digits deleted after a thousands separator: 注入地下1,‸米, 上限是 1,‸,‸ 行.

    One comma before a unit (after at most one space) is a group gone; two or more are
    groups gone whatever follows, except a digit or a letter (a line of CSV: 1,,2).
    A comma before anything else (图1,可以看出) is the sentence's."""
    n = len(text)
    for m in _thousands_re().finditer(text):
        if _line_start(text, m.start()):
            continue  # 1,立亚伦: an item's number, written with a comma
        end = m.end()
        after = text[end] if end < n else "\n"
        commas = m.end(1) - m.start(1)
        if commas == 1:
            if after == " ":
                unit = text[end + 1 : end + 2] in _MEASURES or (
                    starts_symbol_unit(text, end) and not _CODE_NAME.match(text, end + 1)
                )
            elif after == ".":
                unit = text[end + 1 : end + 2].isdigit()
            else:
                unit = (
                    after in _AFTER_THOUSANDS
                    or text.startswith(_CURRENCY_NAMES, end)
                    or starts_symbol_unit(text, end)
                )
            if not unit:
                continue
        elif after.isascii() and after.isalnum():
            continue
        for p in range(m.start(1) + 1, end + 1):
            _put(out, p, 0.9, "thousands")


@cache
def _fraction_re() -> re.Pattern[str]:
    # A number's point with its fraction gone: 1 to 3 digits and a point, not part of a
    # version, an address, a name, a web address's escapes or an array (1.2., v1., a.1.,
    # %91., [1., 2.]).
    return re.compile(r"(?<![0-9A-Za-z.\-_/%#&?@\[])[0-9]{1,3}\.(?![0-9])")


#: After a point whose fraction was deleted: a clause's comma or semicolon, a range's
#: sign, an opening bracket of an error (1.‸(3) nm). Not a second point (54.. and 0..5
#: are an ellipsis and a range), a closing bracket (an item's 2.), a float's (4.)) nor %
#: ('jack'@'192.%', a host pattern).
_AFTER_FRACTION = frozenset(",;、，；～~(")
#: Units written in Han after such a point (1.‸亿, 21.‸公里, 2.‸美分).
_FRACTION_UNITS = (
    "万",
    "亿",
    "公里",
    "公斤",
    "公顷",
    "千米",
    "千克",
    "米",
    "元",
    "吨",
    "倍",
    "毫",
    "厘",
    "美分",
)


def _opens_line(text: str, p: int) -> bool:
    """Whether only a heading's, a quote's or a list's marks stand before ``p`` on its
    line (``## 1. rpm``, ``> 1.``): the number there is an item's."""
    prefix = _line_prefix(text, p)
    return prefix is not None and prefix.strip(" \t\u3000#>*-+") == ""


def _alone_in_cell(text: str, p: int) -> bool:
    """Whether only spaces stand between a table's border and ``p``."""
    q = p
    while q and text[q - 1] == " ":
        q -= 1
    return q > 0 and text[q - 1] == "|"


def _fraction_gaps(text: str, out: dict[int, tuple[float, str]]) -> None:
    """A decimal whose fraction was deleted (相关系数为0.‸,  1.‸mg/ml, 1.‸亿用户): the point
    stands before a unit or a sign that ends the number. A point before a Han character
    other than a unit is a sentence's full stop (见表3.由此可见), and one at a line's start
    numbers an item (1.加强)."""
    n = len(text)
    for m in _fraction_re().finditer(text):
        end = m.end()
        after = text[end] if end < n else ""
        if not after or after in "\r\n" or _opens_line(text, m.start()):
            continue
        if after in _AFTER_FRACTION:
            if after == "(" and not text[end + 1 : end + 2].isdigit():
                continue  # only an error's digits in brackets: 1.‸(3) nm
            _put(out, end, 0.9 if m.group().startswith("0") else 0.85, "fraction")
        elif after == " " and text[end + 1 : end + 2] == "|" and _alone_in_cell(text, m.start()):
            _put(out, end, 0.85, "fraction")  # | 12.‸ |: a table's cell
        elif text.startswith(_FRACTION_UNITS, end) or starts_symbol_unit(text, end):
            _put(out, end, 0.9, "fraction")


def _date_and_size_gaps(text: str, out: dict[int, tuple[float, str]]) -> None:
    """Dates and sizes written with digits, whose numbers were deleted."""
    for m in _date_re().finditer(text):
        _put(out, m.start(), 0.9, "date")
    if ":" in text:
        for m in _time_fraction_re().finditer(text):
            _put(out, m.start(), 0.9, "time-fraction")
        if "-->" in text:
            for m in _cue_fraction_re().finditer(text):
                _put(out, m.start(), 0.9, "time-fraction")
            for m in _cue_timing_re().finditer(text):
                p = m.start() - 1  # the line before the timing: the cue's number
                if p >= 0 and text[p] == "\n" and (p == 0 or text[p - 1] == "\n"):
                    _put(out, p, 0.9, "time-fraction")  # ⏎‸⏎00:01:23,…: a cue numbered 100 or more
    if "/" in text:
        for m in _year_last_date_re().finditer(text):
            if min(int(m.group(1)), int(m.group(2))) <= 12:
                _put(out, m.end(), 0.9, "date")
    for m in _size_re().finditer(text):
        x = m.start()
        before = text[x - 1] if x else ""
        bare_after = text.startswith(_SIZE_PREFIXES, m.end())
        if before.isascii() and before.isalpha():
            continue  # box cm: a word
        if before.isascii() and before.isdigit():
            if bare_after:
                _put(out, m.end(), 0.85, "size")  # 80x‸cm
            continue
        _put(out, x, 0.85, "size")  # ‸x..cm
        if bare_after:
            _put(out, m.end(), 0.85, "size")  # ‸x‸cm
