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
    """An empty 〔〕, or an empty [] after an issuer and before a serial 号."""
    return re.compile(rf"〔(?=〕)|(?<=[{_ISSUERS}])[\[［](?=[\]］][0-9]*号)")


@cache
def _serial_re() -> re.Pattern[str]:
    """The closing bracket of a document's year (empty, or the year kept), right before 号."""
    return re.compile(rf"(?:(?<=〔)|(?<=[{_ISSUERS}][\[［（(]))[0-9]*[〕\]］）)](?=号)")


def _document_number_gaps(text: str, out: dict[int, tuple[float, str]]) -> None:
    for m in _year_re().finditer(text):
        _put(out, m.end(), 0.9, "document-year")
    for m in _serial_re().finditer(text):
        _put(out, m.end(), 0.9, "document-serial")
