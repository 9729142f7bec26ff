"""Character classes, written once: every stage asks here whether a character is Han, a
digit, a quotation mark or part of a Latin token.

>>> is_han("党"), is_han("*"), is_han("")
(True, False, False)
>>> is_digit("９"), is_digit("")
(True, False)
"""

from __future__ import annotations

from functools import cache, lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import regex

# regex is imported on the first question about a character outside the common Han
# block: a run over text with no mask symbol never asks, and importing regex is a tenth
# of the command's start-up (benchmarks/README.md, "Start-up").

#: ASCII digits, then full-width ones (the scraper deletes only ASCII runs, but a
#: full-width digit beside a place still says a number is there).
ASCII_DIGITS = "0123456789"
FULLWIDTH_DIGITS = "０１２３４５６７８９"
DIGITS = ASCII_DIGITS + FULLWIDTH_DIGITS
#: ASCII letters: a Latin word, an acronym, code.
ASCII_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
#: What an ASCII token (an identifier, a number, a formula's variable) is made of.
LATIN_TOKEN = frozenset(ASCII_LETTERS + ASCII_DIGITS + "_")
#: Chinese quotation marks: text inside them still reads as one phrase with the text
#: around it (党政“一把手” is the phrase 党政一把手).
QUOTATION_MARKS = "“”‘’「」『』"
#: Quotation marks and brackets, Chinese and ASCII: what may stand between a mask and the
#: Han text it belongs to (``**“一把手”``, ``（*建）``).
QUOTES_AND_BRACKETS = QUOTATION_MARKS + "《》〈〉（）()\"'"
#: The regex class of Han characters.
HAN = r"\p{Han}"


@cache
def _han_pattern() -> regex.Pattern[str]:
    import regex

    return regex.compile(HAN)


@lru_cache(maxsize=4096)
def is_han(ch: str) -> bool:
    """Whether ``ch`` (one character, or "" at a text's edge) is a Han character."""
    return _han_pattern().match(ch) is not None


def is_common_han(ch: str) -> bool:
    """Whether ``ch`` is in the CJK Unified Ideographs block (U+4E00-U+9FFF), where nearly
    every Han character of running text is: one comparison, so a hot loop asks this
    first and :func:`is_han` only for what it leaves. Every character of the block is Han."""
    return "\u4e00" <= ch <= "\u9fff"


def is_digit(ch: str) -> bool:
    """Whether ``ch`` (one character, or "") is an ASCII or full-width digit."""
    return bool(ch) and ch in DIGITS


def han_tail(s: str, symbols: str) -> str:
    """The Han characters that end ``s``, up to the last mask symbol or non-Han character."""
    out = ""
    for ch in reversed(s):
        if ch in symbols or not is_han(ch):
            break
        out = ch + out
    return out


def han_head(s: str, symbols: str) -> str:
    """The Han characters that start ``s``, up to the first mask symbol or non-Han character."""
    out = ""
    for ch in s:
        if ch in symbols or not is_han(ch):
            break
        out += ch
    return out


def list_number_before(text: str, dot: int) -> bool:
    """The dot at ``dot`` ends a list item's number at a line's start (``2.``, ``12.``):
    read by the scanner (``1.*治理论`` is a mask, not ``.*``) and the gap rules (``2.米``
    is an item, not 2.xxx)."""
    start = dot
    while start > 0 and text[start - 1] in "0123456789":
        start -= 1
    return 1 <= dot - start <= 2 and (start == 0 or text[start - 1] in "\n\r")
