"""text -> masks: runs of mask symbols that stand where Han characters belong.

Not every ``*`` is a mask. A run is a mask only when it touches Han text, and it is
left alone when it is markdown emphasis or a bullet, arithmetic (``3*4``), part of an
ASCII token (``a*b``), a masked phone number or ID (``138****5678``), a separator
(``***``), a footnote marker (``注*``) or inside a code block. A run longer than
``max_run`` is a redaction and is reported but never filled in.

Four more shapes are not masks, because a hidden Han character does not stand there:
a run touching a Latin token with a lowercase letter (code and formulas: ``*p``,
``a*``, ``**kwargs``; an upper-case acronym may still stand beside a mask, as in
``IT*`` for IT业, but a lone capital's star is notation: ``A*算法``, ``L*值``); a run
of three or more symbols, or one followed by a digit, after a number's label
(``尾号****``, ``验证码****``, ``手机尾号为****5678``); the required-field marker
(``*为必填项``, ``带*号为必填项``); and a phone's star key in a service code
(``*#06#``, ``*100#``). A star beside a text face's eyes (``*^_^*``) is the face's.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from .chars import (
    ASCII_LETTERS,
    FULLWIDTH_DIGITS,
    LATIN_TOKEN,
    QUOTES_AND_BRACKETS,
    is_digit,
    is_han,
    list_number_before,
)
from .config import RestoreConfig
from .markup import emphasis_pairs, looks_like_markdown
from .model import Mask, MaskState

if TYPE_CHECKING:
    import regex

# ``regex`` is imported where it is first used: a text without a mask symbol never
# needs it, and importing it is a tenth of the command's start-up.


@cache
def _fence() -> regex.Pattern[str]:
    import regex

    return regex.compile(r"^[ \t]*(`{3,}|~{3,})")


@cache
def _run_pattern(symbols: str) -> regex.Pattern[str]:
    import regex

    return regex.compile("[" + regex.escape(symbols) + "]+")


@cache
def _emphasis_pattern(symbols: str) -> regex.Pattern[str]:
    import regex

    s = "[" + regex.escape(symbols) + "]"
    # **text** / *text* / ***text***: a delimiter run, then text that does not start
    # or end with a space and has no mask symbol, then the same delimiter length;
    # the opener is at a line start or after a space/punctuation, the closer before
    # a space, punctuation or the line end: never inside a word, QQ*可以……开黑* (QQ群).
    return regex.compile(
        rf"(?<![\p{{Han}}*＊A-Za-z0-9])(?P<d>{s}{{1,3}})(?=[^\s*＊])(?P<body>[^\n*＊]{{1,60}}?)(?<=\S)(?P=d)"
        rf"(?![\p{{Han}}*＊A-Za-z0-9])"
    )


def code_spans(text: str) -> list[tuple[int, int]]:
    """Fenced code blocks and inline `code`, or nothing when the text has no backtick or
    tilde fence: no mask and no numeric gap is looked for inside them."""
    return _code_spans(text) if ("`" in text or "~~~" in text) else []


def _code_spans(text: str) -> list[tuple[int, int]]:
    """Fenced code blocks and inline `code`: nothing inside them is a mask.

    A block is closed by a fence of its own character at least as long (CommonMark). A
    fence never closed is not a block: a scraped page cut off inside code is rarer than
    a forum's line of tildes drawn as a separator (``~~~~~~~~``), and taking the rest of
    the page for code would leave every mask after it.
    """
    spans: list[tuple[int, int]] = []
    pos = 0
    opened: tuple[int, str] | None = None  # where the open block starts, and its fence
    for line in text.splitlines(keepends=True):
        m = _fence().match(line)
        if m:
            fence = m.group(1)
            if opened is None:
                opened = (pos, fence)
            elif fence[0] == opened[1][0] and len(fence) >= len(opened[1]):
                spans.append((opened[0], pos + len(line)))
                opened = None
        pos += len(line)
    import regex

    spans.extend((m.start(), m.end()) for m in regex.finditer(r"`[^`\n]+`", text))
    return spans


class Spans:
    """Half-open spans, asked whether one holds a position, in O(log n) a question.

    ``any()`` over every span made a chunk of ``*a* *a* ...`` or inline code with stars
    quadratic (issue 15: 390 s/MB). The spans are kept as their union, touching ones
    joined (``[a, b)`` and ``[b, c)`` make ``[a, c)``), sorted: a position is inside iff
    the last piece that starts at or before it reaches past it, and the first position
    after a run of touching spans is that piece's end, found in one step (walking span
    by span made a page of ``````**(*)`` repeated quadratic: benchmarks/README.md).
    """

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        starts: list[int] = []
        ends: list[int] = []
        for a, b in sorted(spans):
            if ends and a <= ends[-1]:
                ends[-1] = max(ends[-1], b)
            elif a < b:
                starts.append(a)
                ends.append(b)
        self.starts = starts
        self.ends = ends

    def _piece(self, pos: int) -> int:
        """The index of the piece that holds ``pos``, or -1."""
        from bisect import bisect_right

        i = bisect_right(self.starts, pos) - 1
        return i if i >= 0 and self.ends[i] > pos else -1

    def __contains__(self, pos: int) -> bool:
        return self._piece(pos) >= 0

    def end_from(self, pos: int) -> int:
        """The first position at or after ``pos`` that no span holds."""
        i = self._piece(pos)
        return pos if i < 0 else self.ends[i]

    def start_before(self, pos: int) -> int:
        """The first of the positions held without a break up to ``pos`` (``pos + 1``
        when no span holds ``pos``): where a run that ends in skipped stars stops."""
        if pos < 0:
            return pos + 1
        i = self._piece(pos)
        return pos + 1 if i < 0 else self.starts[i]


def find_masks(text: str, config: RestoreConfig | None = None) -> list[Mask]:
    """Return the mask runs of ``text`` in order.

    Emphasis is ``**X**`` whose delimiters do not touch Han text on the outside
    (``**注意**``, ``- *斜体*。``). When X runs across Chinese sentence punctuation
    its delimiters are reported as masks in the states ``EMPHASIS_OPEN_QUESTION`` and
    ``EMPHASIS_CLOSE_QUESTION``,
    for the ranker to settle. ``中文**强调**中文`` and ``这是**重点**`` are read
    as masked runs: a filter's ``**`` (党政) sits beside Han characters far more often
    than markdown does, and a wrong guess there costs only an unresolved report.

    >>> [(m.start, m.end) for m in find_masks("坚持*建引领，落实**“一把手”")]
    [(2, 3), (9, 11)]
    >>> find_masks("**注意** 3*4=12 138****5678 ***")
    []
    """
    cfg = config or RestoreConfig()
    symbols = cfg.mask_symbols
    if not any(s in text for s in symbols):
        return []
    runs = list(_run_pattern(symbols).finditer(text))
    skip: list[tuple[int, int]] = code_spans(text)
    # Delimiters of emphasis spans, and of spans that only look like one (see below).
    doubtful: dict[int, MaskState] = {}
    markdown = looks_like_markdown(text)
    # On a Markdown page the pairs are CommonMark's (below): the pattern's pairs would
    # take 号`**和**`金 for one, and leave the next bold code's closer a mask.
    for m in () if markdown else _emphasis_pattern(symbols).finditer(text):
        if _SENTENCE_PUNCT.search(m.group("body")):
            # Emphasis marks a phrase; a span across Chinese sentence punctuation is as
            # often two masks (\n*的二十大以来，……壮大特色产*。) as it is emphasis
            # (*请勿吸烟，谢谢合作*). The ranker decides: a delimiter is a mask only if
            # a candidate makes a word with the text inside it.
            doubtful[m.start()] = MaskState.EMPHASIS_OPEN_QUESTION
            doubtful[m.end("body")] = MaskState.EMPHASIS_CLOSE_QUESTION
            continue
        skip.append((m.start(), m.start("body")))
        skip.append((m.end("body"), m.end()))
    if markdown:
        # On a Markdown page a star pair is emphasis even between Han characters
        # (务必**提前备份**。). A pair of ** or *** is bold: a filter's 党政 is rare
        # beside the hundreds of bold phrases of such a page. A pair of single stars is
        # as often two masks (企*和*务) as italics; settle decides from the words.
        skipped = Spans(skip)  # code, and emphasis already settled above
        for pair in emphasis_pairs(text, symbols):
            if pair.open_start in skipped:
                continue
            if pair.open_end - pair.open_start > 1:
                doubtful.pop(pair.open_start, None)  # a bold sentence: bold here, not a question
                doubtful.pop(pair.close_start, None)
                skip.append((pair.open_start, pair.open_end))
                skip.append((pair.close_start, pair.close_end))
                continue
            if pair.open_start in doubtful:
                continue
            doubtful[pair.open_start] = MaskState.MARKUP_OPEN_QUESTION
            doubtful[pair.close_start] = MaskState.MARKUP_CLOSE_QUESTION
    # A page with a footnote note (*注：) marks footnotes with the same star.
    footnotes = any(_starts_note(text, r.start(), r.end()) for r in runs)
    fields = _field_stars(text, runs)
    masks: list[Mask] = []
    inside = Spans(skip)
    for run in runs:
        a, b = run.span()
        if skip and a in inside:
            # Bold beside a mask (***府, 失***): the delimiters are skipped, the star
            # inside them is read.
            a = inside.end_from(a)
            if a >= b:
                continue
        if skip and b - 1 in inside:
            b = inside.start_before(b - 1)
            if a >= b:
                continue
        if a in doubtful:
            masks.append(Mask(a, b, doubtful[a] if b - a <= cfg.max_run else MaskState.REDACTION))
            continue
        left = text[a - 1] if a > 0 else ""
        right = text[b] if b < len(text) else ""
        if not (
            is_han(left)
            or is_han(right)
            or _quoted_han(text, a, b)
            or _listed(text, a, b)
            or _after_initials(text, a, right)
        ):
            continue  # separators, bullets before Latin text, lone symbols
        if markdown and _touches_tag(text, a, b):
            continue  # <font color="indigo">*很多家长……*</font>: emphasis against inline HTML
        if (_touches_ascii_token(left) and not is_han(right) and not _after_initials(text, a, right)) or (
            _touches_ascii_token(right) and not is_han(left)
        ):
            continue  # 3*4, a*b, 138****5678, 网友18****2 (but 入*56年 is a mask, and QQ*，)
        if _touches_lowercase_token(text, a, b):
            continue  # *p, a*b, **kwargs: code or a formula (IT* may be IT业, so upper case is kept)
        if _after_lone_letter(text, a):
            continue  # A*算法, L*值, C*代数: a symbol's own star (but QQ* may be QQ群)
        if _keypad_code().match(text, b) or (left == "#" and right and right in "#*0123456789"):
            continue  # 拨打*#06#, 发送*100#: the phone's star key in a service code
        if left in _KAOMOJI or right in _KAOMOJI:
            continue  # *^_^*, (*￣▽￣*): a face's cheeks
        if b - a == 1 and (_eyes(text, b, b + 1) or _eyes(text, a - 1, a - 2)):
            continue  # *_*, *.*: a face's eyes, one mark between two stars
        if (b - a >= 3 or is_digit(right)) and _number_label().search(text, max(0, a - 8), a):
            continue  # 尾号****, 手机尾号为****5678: a masked number after its label
        if _DIGITS_AFTER.match(text, b):
            continue  # 招商银行*8812: a card's masked digits (a filtered page's 入*56年 has two)
        if b - a == 1 and is_han(left) and (_multiplies(text, a, b) or _in_formula(text, a, b)):
            continue  # USB口*3、, 床是2米*2米, 面积=长*宽, 长*宽*高=: a count, a product, a formula
        if b - a == 1 and _named_marker(text, a, b, left, right):
            continue  # *为必填项, 带*者为初步核算数, 凡标有*的栏目: a legend names its marker
        if _is_bullet(text, a, b):
            continue
        if b - a == 1 and (
            (left == "." and not (is_han(right) and list_number_before(text, a - 1)))
            or (right == "." and b + 1 < len(text) and text[b + 1].isascii() and text[b + 1].isalpha())
        ):
            continue  # a pattern: .* (regular expression), *.txt (glob); not 1.*治理论 (政治)
        if b - a == 1 and _between_symbols(text, a, b):
            continue  # -/+/* a list of symbols, /* a comment
        if b - a == 1 and right in _COLONS and _is_field_label(text, a):
            continue  # 姓名*： the required-field star of a form
        if a in fields:  # *姓名：… *性别：: a form's required-field marks, or masks (*委书记：)
            masks.append(Mask(a, b, MaskState.FIELD_QUESTION))
            continue
        if _starts_note(text, a, b) or (
            footnotes and b - a == 1 and (_ends_clause(text, b) or _before_years(text, b))
        ):
            continue  # *注： a footnote's note, and 新高*。, 张晓政*（1985—） its marker
        if b - a == 1 and left in "注" and left and not is_han(right):
            continue  # footnote marker 注*
        if b - a == 2 and left == "注" and not is_han(right) and (a < 2 or not is_han(text[a - 2])):
            continue  # 注** opening a note (but 关注**： may hide 关注党政)
        masks.append(Mask(a, b, MaskState.REDACTION if b - a > cfg.max_run else MaskState.OPEN))
    return _mark_censor_insertions(text, _without_operators(text, masks))


#: How many runs ending before a number, before how many different numbers, and what
#: share of the page's runs, make the last star of each the page's own notation. (A
#: filtered news page about the "文化企*30强" list has half its masks before a number,
#: always the same one.)
OPERATOR_STARS = 3
OPERATOR_NUMBERS = 2
OPERATOR_SHARE = 1 / 3


def _without_operators(text: str, masks: list[Mask]) -> list[Mask]:
    """The masks less the stars a page writes as an operator before numbers.

    A filter hides characters wherever they stand, so few of its masks come right
    before a number (入*56年), and those that do stand in one phrase repeated. A page
    where three or more runs do, before different numbers, a third of its runs at least
    (公积金单位*12%，个人*12%，补贴*（5%+2%）), writes the star as its own notation: a
    rate, a product, a multiplier. The notation is each such run's last star; the stars
    before it are masks (企**20% is 企业 and the rate, when the filter hid 业)."""
    before = {m: found.group(1) for m in masks if (found := _number_after().match(text, m.end))}
    if len(before) < OPERATOR_STARS or len(before) < OPERATOR_SHARE * len(masks):
        return masks
    if len(set(before.values())) < OPERATOR_NUMBERS:
        return masks
    out = []
    for m in masks:
        if m not in before:
            out.append(m)
        elif m.length > 1:
            out.append(m._replace(end=m.end - 1))
    return out


@cache
def _number_after() -> re.Pattern[str]:
    return re.compile(r"[（(]?([0-9０-９][0-9０-９.]*)")


def _listed(text: str, a: int, b: int) -> bool:
    """A run standing as an item of a Chinese list: Han, 、 or ，, the run, 、 ，or ；, Han
    (科研院所，**，社会团体)."""
    return (
        a >= 2
        and b + 1 < len(text)
        and text[a - 1] in "、，"
        and text[b] in "、，；"
        and is_han(text[a - 2])
        and is_han(text[b + 1])
    )


_SENTENCE_PUNCT = re.compile("[，。；！？、：]")


@cache
def _number_label() -> regex.Pattern[str]:
    """Labels of numbers that pages print partly hidden (phone numbers, IDs, codes), with
    the few characters that may stand between the label and the hidden digits."""
    import regex

    return regex.compile(
        r"(?:尾号|号码|手机号?|电话|卡号|账号|帐号|身份证号?|证件号|工号|学号|编号|QQ号?|qq号?|微信号?|验证码|密码|车牌号?)"
        r"(?:为|是|：|:|[ \t]){0,2}\Z"
    )


#: The characters :func:`_required_field` can start with.
_REQUIRED_FIELD_STARTS = frozenset("号的为是表项必")


@cache
def _required_field() -> regex.Pattern[str]:
    """What follows the ``*`` of a required-field note: (号)(的)(科目)为/是/表示 必填, and
    of a course list's or an exam's: 带*号的科目为必考科目, *为必修课."""
    import regex

    return regex.compile(
        r"号?的?(?:\p{Han}{1,4}?)?(?:为|是|表示|项为|项是)?(?:必填|必选|必答|必须填写|必考|必修)"
    )


#: Two characters before a marker a legend names (凡标有*的栏目): in the corpora none
#: stands before a candidate.
_LEGEND_MARKED = frozenset({"标有", "注有", "标注", "标记", "标着"})
#: Verbs a table's legend names its marker with: 带*者, 标*号的, 加*号者.
_LEGEND_VERBS = frozenset("带标加")


@cache
def _marker_legend() -> regex.Pattern[str]:
    """What follows the ``*`` a legend names: 者, 号者 or 号的 (and up to four Han
    characters), then 为, 是, 表示 or 系 (带*者为初步核算数, 标*号的项目为新增). A bare
    的 is no legend: 参加*的活动是 is 参加党的活动."""
    import regex

    return regex.compile(r"(?:号?者|号的\p{Han}{0,4}?)(?:为|是|表示|系)")


def _touches_lowercase_token(text: str, a: int, b: int) -> bool:
    """The run touches an ASCII token holding a lowercase letter: ``*p``, ``a*``,
    ``Python**``, and a template's placeholders joined by signs (``*sent-_0*就*+sent_1*``)."""
    if (a == 0 or text[a - 1] not in _TOKEN) and (b == len(text) or text[b] not in _TOKEN):
        return False  # the common case: no token on either side
    i = a
    while i > 0 and a - i < 32 and text[i - 1] in _TOKEN:
        i -= 1
    j = b
    while j < len(text) and j - b < 32 and text[j] in _TOKEN:
        j += 1
    return any("a" <= c <= "z" for c in text[i:a]) or any("a" <= c <= "z" for c in text[b:j])


#: What a token of :func:`_touches_lowercase_token` is made of: an identifier's
#: characters and the signs that join its parts (``sent-_0``, ``+sent_1``, ``c++``).
_TOKEN = LATIN_TOKEN | frozenset("+-")


#: Characters of text faces (*^_^*, (*￣▽￣*), (*ﾟ∀ﾟ*)) that never stand beside a
#: hidden Han character.
_KAOMOJI = frozenset("^￣▽ωﾟ゜∀︶´")
#: What stands between the two star eyes of a face (*_*, *.*, *o*).
_BETWEEN_EYES = frozenset("_.-oO0ｏ")


def _eyes(text: str, mouth: int, other: int) -> bool:
    """A single star beside ``mouth`` and the one at ``other``, just past it, are a
    face's eyes (*_*), with no third star beyond (a run ``**_**`` is something else)."""
    if not (0 <= mouth < len(text) and 0 <= other < len(text)):
        return False
    beyond = other + (other - mouth)
    lone = not (0 <= beyond < len(text)) or text[beyond] not in "*＊"
    return text[mouth] in _BETWEEN_EYES and text[other] in "*＊" and lone


@cache
def _keypad_code() -> re.Pattern[str]:
    """What follows the star key in a phone's service code (*#06#, *100#): digits and
    keys up to a closing ``#``. No hidden character is followed by a number and ``#``."""
    return re.compile(r"[0-9*#]*#")


def _after_lone_letter(text: str, a: int) -> bool:
    """The run follows a Latin letter that stands alone: ``A*`` (the A* search), ``L*``
    (a colour coordinate), ``C*`` (an algebra).

    In the training corpora (docs/training-data.md) a lone letter stands before a star
    and Han text three times as often as before a candidate (34 against 11 in 54 M
    characters), while an acronym of two or more capitals stands before a candidate
    seven times as often (QQ群, IT业: 61 against 9). A lone letter's star is notation.
    """
    if a == 0 or text[a - 1] not in ASCII_LETTERS:
        return False
    return a == 1 or text[a - 2] not in LATIN_TOKEN


@cache
def _tag_before() -> re.Pattern[str]:
    # Not a line break or an image (<br>, <hr>, <img>): a star before one ends a line of
    # text (|**<br>机关| is 党政机关 across a break in a table cell).
    return re.compile(
        r"<(?!(?:br|hr|img|wbr)\b)/?[A-Za-z][A-Za-z0-9]*(?:\s[^<>\n]{0,200})?/?>", re.IGNORECASE
    )


def _touches_tag(text: str, a: int, b: int) -> bool:
    """The run stands right after an HTML tag or right before one: on a Markdown page
    that is emphasis opened or closed against inline HTML, not a hidden character."""
    if b < len(text) and text[b] == "<" and _tag_before().match(text, b):
        return True
    if a > 0 and text[a - 1] == ">":
        start = text.rfind("<", max(0, a - 210), a)
        return start >= 0 and _tag_before().fullmatch(text, start, a) is not None
    return False


#: A field label's colon after its star (姓名*：), and what follows a legend's marker
#: (带*的, 标*号). Sets, not strings: the empty neighbour of a star at the text's end is
#: in every string.
_COLONS = frozenset("：:")
_LEGEND_AFTER = frozenset("的号")
#: Chinese punctuation that closes a phrase after a word: QQ*， ends 解散QQ群，.
_CLOSING_PUNCT = frozenset("，。、；：！？）》」』”")


def _after_initials(text: str, a: int, right: str) -> bool:
    """The run follows a word of capitals written in Latin letters (QQ, IT, APP) and
    closes a phrase: QQ*， is QQ群，, IT*。 is IT业。, not a product or a formula, which
    go on (3*4, A*B)."""
    if right not in _CLOSING_PUNCT and right not in ("", "\n", "\r"):
        return False
    start = a
    while start > 0 and "A" <= text[start - 1] <= "Z":
        start -= 1
    return a - start >= 2 and (start == 0 or not text[start - 1].isascii() or not text[start - 1].isalnum())


def _touches_ascii_token(ch: str) -> bool:
    return bool(ch) and ((ch.isascii() and ch.isalnum()) or ch in FULLWIDTH_DIGITS)


def _quoted_han(text: str, a: int, b: int) -> bool:
    """``**“一把手”``: a run before an opening quote or after a closing one."""
    right2 = text[b : b + 2]
    left2 = text[max(0, a - 2) : a]
    return (len(right2) == 2 and right2[0] in QUOTES_AND_BRACKETS and is_han(right2[1])) or (
        len(left2) == 2 and left2[1] in QUOTES_AND_BRACKETS and is_han(left2[0])
    )


def _is_bullet(text: str, a: int, b: int) -> bool:
    """``* item`` at a line start (after optional indentation) is a list bullet."""
    if b - a != 1 or b >= len(text) or text[b] not in " \t":
        return False
    line_start = text.rfind("\n", 0, a) + 1
    return text[line_start:a].strip(" \t") == ""


def _between_symbols(text: str, a: int, b: int) -> bool:
    """A slash joins the star to an ASCII symbol or code, not to Han text: ``-/+/*``,
    ``/*``, ``*/`` (but 党/*: 党政 written as a choice)."""
    before = text[a - 2 : a]
    after = text[b : b + 2]
    return (before[-1:] == "/" and not is_han(before[:1])) or (after[:1] == "/" and not is_han(after[1:]))


#: How many labels a page must open with a star before such stars are its form's
#: required-field marks (*姓名：… *联系电话：).
FIELD_STARS = 2


def _field_stars(text: str, runs: list[regex.Match[str]]) -> frozenset[int]:
    """The single stars that open a short label at a line's or a cell's start (``*姓名：``,
    ``  *身高：``), where the page has :data:`FIELD_STARS` of them or more: a form's
    required-field marks, or a filtered list of officials (``*委书记：``), which
    ranker tells apart (:meth:`restore.rank.Ranker.rank`). No dev page holds two such
    masks."""
    found = frozenset(
        r.start()
        for r in runs
        if r.end() - r.start() == 1
        and (r.start() == 0 or text[r.start() - 1] in _CELL_STARTS)
        and _field_label().match(text, r.end())
        and not _starts_note(text, r.start(), r.end())
    )
    return found if len(found) >= FIELD_STARS else frozenset()


def _multiplies(text: str, a: int, b: int) -> bool:
    """The star at ``a`` between a Han character and a whole number is multiplication:
    the number ends its phrase (接口 USB口*3、, 数量*2）) or a number stands before the Han
    character too (2米*2米). A filter's mask before a number has a word after the number
    (入*56年, 企*30强, 打击*19日): the scraper keeps such numbers, and the word holds them.
    The number is read as :func:`_without_operators` reads it; a rate (个人*0.2%) is left
    to that function, which reads the whole page."""
    found = _number_after().match(text, b)
    if found is None:
        return False
    after = text[found.end()] if found.end() < len(text) else ""
    if after in "%％":
        return False
    return not is_han(after) or (a >= 2 and is_digit(text[a - 2]))


def _in_formula(text: str, a: int, b: int) -> bool:
    """An equals sign stands in the same formula as the star, before it (面积=长*宽,
    总价＝单价*数量) or after it (长*宽*高=30*20*10), with a term beside it and only terms,
    stars and signs between: the star is a formula's multiplication. Not an attribute's
    (color="indigo">财*收入) nor a rule of equals signs (===专*人士)."""
    for i in range(a - 1, max(-1, a - 1 - FORMULA_REACH), -1):
        ch = text[i]
        if ch in "=＝":
            if i > 0 and (is_han(text[i - 1]) or text[i - 1] in LATIN_TOKEN) and i < a - 1:
                return True
            break
        if not (is_han(ch) or ch in LATIN_TOKEN or ch in _FORMULA):
            break
    for i in range(b, min(len(text), b + FORMULA_REACH)):
        ch = text[i]
        if ch in "=＝":
            after = text[i + 1] if i + 1 < len(text) else ""
            return i > b and (is_han(after) or after in LATIN_TOKEN)
        if not (is_han(ch) or ch in LATIN_TOKEN or ch in _FORMULA or ch in "*＊"):
            return False
    return False


#: How far from the star an equals sign makes it a formula's (:func:`_in_formula`).
FORMULA_REACH = 24
#: What may stand between a formula's equals sign and its star: its terms and signs.
_FORMULA = frozenset("+-×÷/()（） ")
#: Four digits after a star, not a year or a count: the tail of a card or account
#: number the page masked itself (招商银行*8812; but 建*100周年, 企*500强).
_DIGITS_AFTER = re.compile(r"[0-9]{4}(?![0-9年周届强])")
#: What stands before a line's or a table cell's first character.
_CELL_STARTS = frozenset("\n\t |\u3000")


@cache
def _field_label() -> regex.Pattern[str]:
    """A form's label and what ends it: a colon (姓名：, 群众/团员：, 所在*支部：, whose
    masks settle reads), the next field's star (*姓名   *性别), a blank (____, □) or
    the line's end."""
    import regex

    return regex.compile(
        r"[^\s：:，。；、,.;]{1,8}?(?:[：:]|[ \t\u3000]+(?=[*＊])|[ \t\u3000]*(?:_{2,}|□|\r?\n|$))"
    )


def _is_field_label(text: str, a: int) -> bool:
    """The star follows a form's label (two to four Han characters) at the start of a
    line or a cell: ``姓名*：``. A longer line start is a heading (全面从严治*：)."""
    i = a
    while i > 0 and a - i <= 4 and text[i - 1] not in "\n\t |，、；,;":
        if not is_han(text[i - 1]):
            return False
        i -= 1
    return 2 <= a - i <= 4 and (i == 0 or text[i - 1] in "\n\t |，、；,;")


#: Words that open a note under a text: ``*注：``, ``*来源: ...``.
_NOTE_WORDS = (
    "注",
    "备注",
    "说明",
    "特别说明",
    "来源",
    "出处",
    "数据来源",
    "资料来源",
    "提示",
    "温馨提示",
    "友情提示",
    "特别提示",
    "重要提示",
    "免责声明",
    "声明",
    "通讯作者",
    "作者简介",
    "基金项目",
    "注意事项",
)
#: Words that open a disclaimer under a text, with no colon: ``*以上内容仅供参考``,
#: ``*本文转载自``, ``*图片来源于网络``. None of them follows a candidate as a word.
_DISCLAIMER_WORDS = (
    "以上",
    "本文",
    "本页",
    "文中",
    "图片来源",
    "部分图片",
    "数据来源",
    "资料来源",
    "按可比价格",
    "具体以",
)


def _starts_note(text: str, a: int, b: int) -> bool:
    """``*注：``, ``*来源:``, ``*以上内容仅供参考`` at a line start, or after a bracket,
    a stop or a space (0-30g）*注：不建议……): a footnote's, a picture's or a
    disclaimer's note. After a Han character or a letter the star may be a mask."""
    if (a and (is_han(text[a - 1]) or text[a - 1].isalnum())) or b - a != 1:
        return False
    head = text[b : b + 8]
    return head.startswith(_DISCLAIMER_WORDS) or any(
        head.startswith(w) and _NOTE_NUMBER.match(head, len(w)) is not None for w in _NOTE_WORDS
    )


#: What follows a note's word: its colon, after the note's number if it has one (注 1：).
_NOTE_NUMBER = re.compile(r" ?[0-9]{0,2} ?[：:]")


def _before_years(text: str, b: int) -> bool:
    """A parenthesis with digits follows, as an author's years do (张晓政*（1985—）); a
    party's name in one is no footnote (民进*（DPP）)."""
    return text[b : b + 1] in ("（", "(") and text[b + 1 : b + 2].isdigit()


def _ends_clause(text: str, b: int) -> bool:
    """The run stands at the end of a clause, where a footnote marker goes."""
    return b == len(text) or text[b] in "。，；！？、)）\n"


def _mark_censor_insertions(text: str, masks: list[Mask]) -> list[Mask]:
    """``共*产*党``: single symbols between single Han characters, two or more in a row.

    Such a chain is a censor's insertion between the letters of a word, not hidden
    characters. The chain is recognised when removing the symbols leaves a word of
    the base lexicon; the ranker has that lexicon, so here we only mark candidates
    of the shape and let :mod:`restore.rank` decide.
    """
    out: list[Mask] = []
    i = 0
    while i < len(masks):
        j = i
        while (
            j + 1 < len(masks)
            and masks[j].length == 1
            and masks[j + 1].length == 1
            and masks[j + 1].start == masks[j].end + 1
            and is_han(text[masks[j].end])
        ):
            j += 1
        if (
            j > i
            and masks[i].start > 0
            and is_han(text[masks[i].start - 1])
            and is_han(text[masks[j].end] if masks[j].end < len(text) else "")
        ):
            out.extend(
                Mask(m.start, m.end, MaskState.INSERTION_QUESTION if m.state is MaskState.OPEN else m.state)
                for m in masks[i : j + 1]
            )
        else:
            out.extend(masks[i : j + 1])
        i = j + 1
    return out


def notes_its_stars(text: str, config: RestoreConfig) -> bool:
    """Whether the page writes stars as its own notation: a note (``*注：``), a legend
    (``带*者为``, ``凡标有*的``) or a required-field mark (``姓名*：``), the shapes
    :func:`find_masks` leaves alone. The ranker then doubts a star no word holds."""
    for r in _run_pattern(config.mask_symbols).finditer(text):
        a, b = r.span()
        if b - a != 1:
            continue
        left = text[a - 1] if a else ""
        right = text[b] if b < len(text) else ""
        if (
            _starts_note(text, a, b)
            or _named_marker(text, a, b, left, right)
            or (right in _COLONS and _is_field_label(text, a))
        ):
            return True
    return False


def _named_marker(text: str, a: int, b: int, left: str, right: str) -> bool:
    """The single star at ``a`` is the marker a note or a legend names: ``*为必填项``,
    ``带*号为必填项``, ``带*者为初步核算数``, ``凡标有*的栏目``, ``（*为通讯作者）``."""
    return (
        (right in _REQUIRED_FIELD_STARTS and _required_field().match(text, b) is not None)
        or (left in _LEGEND_VERBS and _marker_legend().match(text, b) is not None)
        or (right in _LEGEND_AFTER and text[max(0, a - 2) : a] in _LEGEND_MARKED)
        or (left in "（(" and right in "为是表" and _bracketed_legend().match(text, b) is not None)
    )


@cache
def _bracketed_legend() -> regex.Pattern[str]:
    """What follows the ``*`` of a legend in brackets: 为, 是 or 表示, a few Han characters
    and the closing bracket (（*为通讯作者）, (*表示预估值))."""
    import regex

    return regex.compile(r"(?:为|是|表示)\p{Han}{1,8}[）)]")
