"""Whether a page is Markdown, and which of its star runs pair up as emphasis.

In plain scraped text ``**`` between Han characters is nearly always a filter's 党政;
in a Markdown page it is nearly always bold. The page itself says which it is: headings,
fenced or inline code, links, tables, block quotes, lists and emphasis beside spaces.
One such sign can be chance; two kinds of them are a Markdown page.

Emphasis delimiters are paired the way CommonMark pairs them, line by line: a run of
one to three stars that is followed by a non-space character may open, one preceded by
a non-space character may close, and a closer takes the nearest open run of the same
length. ``**加强*的建设**`` pairs the two ``**`` and leaves the single ``*``: that
one is a mask inside bold text.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING, NamedTuple

from .chars import is_common_han

if TYPE_CHECKING:
    import regex

#: Longest emphasised span, in characters, by delimiter: a Markdown page sets whole
#: sentences in bold (a note of two hundred characters between two ``**``), italics
#: are a few words, and two single masks far apart on a line are no pair.
MAX_SPAN = {1: 80, 2: 400, 3: 400}
#: The longest of them: no opener further back than this can close.
LONGEST_SPAN = max(MAX_SPAN.values())
#: What a single star does not open before, nor close after (unless a space stands on
#: its other side): separators and closing marks, and opening marks.
NO_OPEN_BEFORE = frozenset(",，。、；;：:？！?!）)]】」』”’》")
NO_CLOSE_AFTER = frozenset("，、；：（(「『“‘《")
#: How many kinds of Markdown sign make a page Markdown.
MIN_KINDS = 2


class Pair(NamedTuple):
    """The offsets of an emphasis opener and its closer (each a run of symbols)."""

    open_start: int
    open_end: int
    close_start: int
    close_end: int


@cache
def _signs() -> dict[str, regex.Pattern[str]]:
    """Patterns of the signs of a Markdown page, by kind."""
    import regex  # here: a page without a star never needs it, and it is a tenth of start-up

    return {
        "heading": regex.compile(r"^#{1,6}[ \t]+\S", regex.M),
        "fence": regex.compile(r"^[ \t]*(```|~~~)", regex.M),
        "inline code": regex.compile(r"`[^`\n]+`"),
        "link": regex.compile(r"!?\[[^[\]\n]+\]\([^()\s]+\)"),  # no [ or ( inside: linear
        "table": regex.compile(r"^\|.*\|[ \t]*$\n^\|[ \t:|-]+\|[ \t]*$", regex.M),
        "quote": regex.compile(r"^>[ \t]", regex.M),
        "list": regex.compile(
            r"^[ \t]*(?:[-+*]|\d{1,2}\.)[ \t]+\S(?:.*\n[ \t]*(?:[-+*]|\d{1,2}\.)[ \t]+\S)", regex.M
        ),
        "rule": regex.compile(r"^[ \t]*(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$", regex.M),
        "spaced emphasis": regex.compile(
            r"(?:^|[ \t(（])(\*\*|__)[^\s*_][^\n*]{0,60}?[^\s*_]\1(?=$|[ \t,.;:!?)，。；：！？）])", regex.M
        ),
    }


def looks_like_markdown(text: str) -> bool:
    """At least :data:`MIN_KINDS` kinds of Markdown sign appear in ``text``."""
    if not any(ch in text for ch in "#`[|>-*_"):
        return False
    kinds = 0
    for pattern in _signs().values():
        if pattern.search(text):
            kinds += 1
            if kinds >= MIN_KINDS:
                return True
    return False


@cache
def _run_pattern(symbols: str) -> regex.Pattern[str]:
    import regex

    return regex.compile("[" + regex.escape(symbols) + "]+")


def emphasis_pairs(text: str, symbols: str) -> list[Pair]:
    """Runs of one to three mask symbols that pair up as emphasis, line by line: bold
    (runs of two or three) first, then italics among the single stars. In Chinese text a
    single star is as often a mask as italics (数据行*是新兴行*), and a pair of such masks
    must not swallow a bold opener between them (从*人员……**数据分析师……行*数据……。**)."""
    bold = _pairs(text, symbols, bold=True)
    pairs = bold + _pairs(text, symbols, bold=False, barriers=bold)
    pairs.sort()
    return pairs


def _pairs(text: str, symbols: str, bold: bool, barriers: Sequence[Pair] = ()) -> list[Pair]:
    """The pairs of bold runs, or of single stars, line by line (CommonMark's pairing,
    among runs of those lengths). A pair of single stars does not cross a bold pair of
    ``barriers``: both of its stars are inside the same bold, or both outside."""
    run = _run_pattern(symbols)
    pairs: list[Pair] = []
    enclosing = _Enclosing(barriers)
    line_start = 0
    for line in text.split("\n"):
        stack: list[tuple[int, int]] = []
        for found in run.finditer(line):
            a, b = found.span()
            if b - a > 3:
                stack.clear()
                continue
            if (b - a > 1) is not bold:
                continue
            before = line[a - 1] if a else " "
            after = line[b] if b < len(line) else " "
            opens = not after.isspace()
            closes = not before.isspace()
            if not bold:
                # CommonMark's flanking, for the marks Chinese text sets: italics never
                # open before a comma or a closing mark, nor close after an opening one
                # (服务*，旅游*，: two masks); a bold phrase does (**注意：**内容).
                opens = opens and (after not in NO_OPEN_BEFORE or before.isspace())
                closes = closes and (before not in NO_CLOSE_AFTER or after.isspace())
            match = None
            if closes:
                for k in range(len(stack) - 1, -1, -1):
                    oa, ob = stack[k]
                    if a - ob > LONGEST_SPAN:
                        break  # the stack's openers only get further away
                    if (
                        ob - oa == b - a
                        and a - ob <= MAX_SPAN[b - a]
                        and enclosing(line_start + oa) == enclosing(line_start + a)
                    ):
                        match = k
                        break
                if match is None:
                    match = _fused(stack, a, b)
            if match is not None:
                oa, ob = stack[match]
                del stack[match:]
                # Bold beside a mask: the filter's star stands inside the delimiters
                # (***府……**: **政府……**; 失***: 失业**), so the bold is the outer two.
                if ob - oa == 3 and b - a == 2:
                    ob -= 1
                elif ob - oa == 2 and b - a == 3:
                    a += 1
                pairs.append(Pair(line_start + oa, line_start + ob, line_start + a, line_start + b))
            elif opens:
                stack.append((a, b))
            elif closes and b - a == 1 and pairs and _reopens(pairs[-1], line_start, a, b, line):
                # *一些有趣的商* idea*: the last star closes what the first opened, and the
                # star between them, which the greedy pairing took, is left to be read
                last = pairs.pop()
                pairs.append(Pair(last.open_start, last.open_end, line_start + a, line_start + b))
        line_start += len(line) + 1
    return pairs


class _Enclosing:
    """Which bold pair holds a position (its index, or -1): a pair of single stars whose
    stars two different answers hold would cross a bold pair. Bold pairs of a line follow
    one another, none inside another, so the last that opens before the position is the
    only one that can hold it (found by bisection: a line of thousands of pairs stays
    linear)."""

    def __init__(self, bold: Sequence[Pair]) -> None:
        ordered = sorted(bold)
        self.opens = [p.open_start for p in ordered]
        self.closes = [p.close_start for p in ordered]

    def __call__(self, pos: int) -> int:
        i = bisect_left(self.opens, pos) - 1
        return i if i >= 0 and self.closes[i] > pos else -1


def _fused(stack: list[tuple[int, int]], a: int, b: int) -> int | None:
    """The open run a bold closer of ``a``–``b`` pairs with where one of the two holds a
    mask beside its delimiters: an opener of three stars for a closer of two, or of two
    for three (the nearest such, within :data:`MAX_SPAN` of bold)."""
    for k in range(len(stack) - 1, -1, -1):
        oa, ob = stack[k]
        if a - ob > MAX_SPAN[2]:
            return None
        if {ob - oa, b - a} == {2, 3}:
            return k
    return None


def _reopens(last: Pair, line_start: int, a: int, b: int, line: str) -> bool:
    """Whether a lone closing star at ``a`` should close the line's last pair's opener
    instead of its closer: both single stars, the closer between a Han character and a
    space (the end of a word, 商*) or between two (a mask inside the italics: *看共产*宣言，
    解读演讲*), and the whole span short enough."""
    if last.open_end - last.open_start != 1 or last.close_end - last.close_start != 1:
        return False
    if last.open_start < line_start or a - (last.open_end - line_start) > MAX_SPAN[1]:
        return False
    c = last.close_start - line_start
    before = line[c - 1] if c else " "
    after = line[c + 1] if c + 1 < len(line) else " "
    return is_common_han(before) and (after.isspace() or is_common_han(after))
