"""Lexicon files: where the shipped ones are, and how any one is parsed, strictly.

Lexicon files are data, never code: every line is ``WORD`` or ``WORD<TAB>WEIGHT``; a bad
line raises :class:`LexiconError` naming ``file:line``. :mod:`restore.wordtable` merges
them into the word-count table the ranker reads.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import regex

#: A weight given to a lexicon word listed without one (jieba's scale: 党委 is 1656).
DEFAULT_WEIGHT = 100
_WORD = regex.compile(r"^[\p{Han}\p{N}\p{L}·]{1,32}$")
#: A weight: ASCII digits, at most 18 of them (a count, not a number to compute with).
_WEIGHT = regex.compile(r"^[+-]?[0-9]{1,18}$")
_LINE_BREAK = regex.compile(r"\r\n|\r|\n")
#: How much of a bad field an error message quotes.
SHOW = 40


def _show(field: str) -> str:
    """A field quoted for an error message, cut short so the message stays one line."""
    if len(field) <= SHOW:
        return repr(field)
    return f"{field[:SHOW]!r}... ({len(field):,} characters)"


#: A jieba userdict line (``行业主管部门 50000 n``): a word, a count and perhaps a tag, by spaces.
_JIEBA_LINE = regex.compile(r"^\S+ +\d+( +\S+)?$")


class LexiconError(ValueError):
    """A lexicon file is missing or malformed; the message is ``file:line: reason``."""


@dataclass(frozen=True)
class Entry:
    word: str
    weight: int


def parse_lexicon(path: Path) -> list[Entry]:
    """Read one lexicon file strictly.

    Blank lines and lines starting with ``#`` are skipped. Anything else must be a
    word of letters (at most 32), optionally followed by a tab and a positive integer.
    """
    from .untrusted import read_regular

    try:
        raw = read_regular(path)  # a regular file of bounded size: never a FIFO or /dev/zero
    except OSError as exc:
        raise LexiconError(f"{path}: cannot read lexicon ({exc.strerror or exc})") from None
    except ValueError as exc:
        raise LexiconError(f"{path}: cannot read lexicon ({exc})") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise LexiconError(f"{path}: not UTF-8 (byte {exc.start}); save the lexicon as UTF-8") from None
    entries: list[Entry] = []
    # Lines end at \n, \r\n or \r only (not at U+2028 or a form feed, as
    # str.splitlines would), so that line numbers are those an editor shows.
    for lineno, line in enumerate(_LINE_BREAK.split(text), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) > 2:
            raise LexiconError(
                f"{path}:{lineno}: expected WORD or WORD<TAB>WEIGHT, got {len(fields)} TAB-separated fields"
            )
        word = fields[0].strip()
        if not _WORD.match(word):
            if _JIEBA_LINE.match(line.strip()):
                raise LexiconError(
                    f"{path}:{lineno}: {_show(line.strip())} looks like a jieba userdict line "
                    "(WORD FREQ TAG, separated by spaces); a restore lexicon has WORD or "
                    "WORD<TAB>WEIGHT on each line, separated by a TAB (lexicons/README.md)"
                )
            raise LexiconError(
                f"{path}:{lineno}: {_show(word)} is not a word (letters only, at most 32); "
                "each line is WORD or WORD<TAB>WEIGHT"
            )
        weight = DEFAULT_WEIGHT
        if len(fields) == 2:
            digits = fields[1].strip()
            if not _WEIGHT.match(digits):
                raise LexiconError(f"{path}:{lineno}: weight {_show(fields[1])} is not an integer")
            weight = int(digits)
            if weight < 1:
                raise LexiconError(f"{path}:{lineno}: weight must be at least 1")
        entries.append(Entry(word, weight))
    return entries


def builtin_lexicon_dir() -> Path:
    """The shipped ``lexicons/`` folder: inside the wheel, or at the repository root.

    The wheel carries it as ``restore/lexicons`` (hatchling force-include); an
    editable install reads the top-level folder beside the package.
    """
    here = Path(__file__).resolve().parent
    for candidate in (here / "lexicons", here.parent / "lexicons"):
        if candidate.is_dir():
            return candidate
    raise LexiconError(f"{here}: the built-in lexicons are missing from this installation")


def builtin_lexicon_files() -> list[Path]:
    return sorted(builtin_lexicon_dir().glob("*.tsv"))
