"""Which script a page is written in, and the page as the model reads it (Simplified).

Content farms republish mainland news converted to Traditional script, and forums mix
both. The model and the word lists know Simplified Chinese, so a page is ranked in
Simplified form (OpenCC's ``t2s``, character for character so that every offset
stays the same) and each restored character is written back in the script of the
line it stands in: 黨 and 業 in a Traditional line, 羣 where the page itself writes 羣.
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

_SURROGATE = re.compile("[\ud800-\udfff]")
#: Lines (or pages) with at least this share of their script-specific characters in
#: Traditional form are Traditional.
TRADITIONAL_SHARE = 0.5


class Script(NamedTuple):
    """A page in Simplified form, and how to write a restored character back."""

    simplified: str
    #: Per line of the page (split at ``\\n``): True where the line is Traditional.
    traditional_lines: tuple[bool, ...]
    #: The page writes 羣 rather than 群.
    writes_variant_qun: bool

    @property
    def traditional(self) -> bool:
        """Any line of the page is Traditional."""
        return any(self.traditional_lines)

    def written(self, reading: str, offset: int, text: str) -> str:
        """``reading`` (Simplified) as the page would write it at ``offset``."""
        line = text.count("\n", 0, offset)
        if line >= len(self.traditional_lines) or not self.traditional_lines[line]:
            return reading
        out = _convert(reading, "s2t")
        if not self.writes_variant_qun:
            out = out.replace("羣", "群")
        elif "群" in out:
            out = out.replace("群", "羣")
        return out


@cache
def _converter(config: str):  # type: ignore[no-untyped-def]
    import opencc

    return opencc.OpenCC(config)


def to_simplified(text: str) -> str:
    """``text`` in Simplified script, one character for one (a phrase OpenCC would
    rewrite with another length is converted character by character)."""
    return _convert(text, "t2s")


def _convert(text: str, config: str) -> str:
    """``text`` through OpenCC's ``config``, keeping its length. A lone surrogate (which
    OpenCC cannot take, being UTF-8 inside) stays as it is between converted pieces."""
    if _SURROGATE.search(text):
        pieces = _SURROGATE.split(text)
        marks = _SURROGATE.findall(text)
        out = [_convert(p, config) for p in pieces]
        return "".join(o + m for o, m in zip(out, [*marks, ""]))
    convert = _converter(config).convert
    out = convert(text)
    if len(out) == len(text):
        return out
    chars = []
    for ch in text:
        c = convert(ch)
        chars.append(c if len(c) == 1 else ch)
    return "".join(chars)


def read_script(text: str, candidates: str = "") -> Script:
    """The page's script, line by line, and its Simplified form.

    A line is Traditional when most of its characters that differ between the scripts
    are in their Traditional form; a line with none follows the page. A page that is
    mostly Simplified is converted too, so that the model reads its quoted Traditional
    lines (執*, 緬甸), but its filter hid Simplified characters: a Traditional form of
    one of the ``candidates`` (業) stays as it is, or it would look like a visible 业
    and 业 would no longer be a candidate. Its restorations are written in Simplified.
    """
    simplified = to_simplified(text)
    if simplified == text:
        return Script(text, (False,) * (text.count("\n") + 1), False)
    lines = text.split("\n")
    simple_lines = simplified.split("\n")
    verdicts: list[bool | None] = []
    trad_total = simp_total = 0
    for line, simple in zip(lines, simple_lines):
        trad = sum(1 for a, b in zip(line, simple) if a != b)
        # A character the Traditional conversion would change is in Simplified form.
        back = _convert(line, "s2t")
        simp = sum(1 for a, b in zip(line, back) if a != b)
        trad_total += trad
        simp_total += simp
        verdicts.append(None if trad + simp == 0 else trad >= TRADITIONAL_SHARE * (trad + simp))
    page = trad_total > 0 and trad_total >= TRADITIONAL_SHARE * (trad_total + simp_total)
    if not page:
        # A mostly Simplified page (a forum quoting a Traditional post): its filter hid
        # Simplified characters, and a 業 there says nothing about 业.
        kept = "\n".join(
            simple if line == simple else "".join(a if b in candidates else b for a, b in zip(line, simple))
            for line, simple in zip(lines, simple_lines)
        )
        return Script(kept, (False,) * len(lines), False)
    per_line = tuple(page if v is None else v for v in verdicts)
    return Script(simplified, per_line, "羣" in text)
