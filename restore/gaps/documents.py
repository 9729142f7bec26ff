"""Places in an official document's number: ``法释〔‸〕20号``, ``劳部发〔‸〕‸号``.

A Chinese document number is the issuer's abbreviation, the year in brackets and a
serial number: 国办发〔2019〕49号. The scraper deletes the year, and the serial number
where it has three digits or more. Tortoise-shell brackets 〔〕 are written for little
else, so an empty pair is a year; square brackets are too after an issuer's 发, 字, 函
or 令 and before a serial 号 (劳社部发[‸]3号; round ones are the empty-brackets rule's).
A 号 right after the year's brackets lost its serial number (劳部发〔‸〕‸号).
"""

from __future__ import annotations

import re
from functools import cache

from .left import _put

#: Characters that end an issuer's abbreviation before the year's brackets.
_ISSUERS = "发字函令"


@cache
def _year_re() -> re.Pattern[str]:
    """An opening bracket right before its closer: 〔〕, or [] before a serial 号 (the
    issuer before it is checked by :func:`_document_number_gaps`). Each pattern starts
    with the bracket, so the engine scans for that character alone."""
    return re.compile(r"〔(?=〕)|[\[［](?=[\]］][0-9]*号)")


@cache
def _serial_re() -> re.Pattern[str]:
    """A closing bracket right before 号 (what opened it is checked in Python)."""
    return re.compile(r"[〕\]］）)](?=号)")


def _document_number_gaps(text: str, out: dict[int, tuple[float, str]]) -> None:
    """Mark a document number's lost year and serial number (module doc)."""
    for m in _year_re().finditer(text):
        if m.group() == "〔" or (m.start() and text[m.start() - 1] in _ISSUERS):
            _put(out, m.end(), 0.9, "document-year")
    for m in _serial_re().finditer(text):
        if _opened_by_year(text, m.start()):
            _put(out, m.end(), 0.9, "document-serial")


def _opened_by_year(text: str, close: int) -> bool:
    """The bracket closing at ``close`` holds a year (or nothing left of one) after 〔, or
    after an issuer's [ or ( (劳部发〔〕, 国办发(2019))."""
    i = close
    while i > 0 and text[i - 1].isdigit() and text[i - 1].isascii():
        i -= 1
    opener = text[i - 1] if i else ""
    if opener == "〔":
        return True
    return opener in ("[", "［", "（", "(") and i >= 2 and text[i - 2] in _ISSUERS
