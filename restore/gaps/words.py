"""The word lists of the gap rules, read from ``lexicons/gaps/*.tsv``.

Each file has the header every lexicon has (file, format, source, licence, used by) and
then lines of two tab-separated fields, sorted and without repeats
(``tests/test_lexicon.py`` checks that). What the two fields mean is the file's:
``LIST<TAB>WORD`` (which list a word is on), ``UNIT<TAB>CHARS`` and so on; the format
line of each file says. A bad line is a :class:`~restore.lexicon.LexiconError` naming
``file:line``.
"""

from __future__ import annotations

import os
from functools import cache
from typing import NoReturn

#: The folder, inside the lexicon folder, that holds the gap rules' lists.
FOLDER = "gaps"


def _fail(message: str) -> NoReturn:
    """Raise LexiconError (imported here: restore.lexicon brings pathlib and regex)."""
    from ..lexicon import LexiconError

    raise LexiconError(message)


@cache
def folder() -> str:
    """``lexicons/gaps``, found as :func:`restore.lexicon.builtin_lexicon_dir` finds the
    lexicons (in the wheel, or beside the package in a checkout), with os.path: every
    run scans for gaps, and pathlib costs start-up (benchmarks/README.md, "Start-up")."""
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))  # the restore package
    for lexicons in (os.path.join(here, "lexicons"), os.path.join(os.path.dirname(here), "lexicons")):
        if os.path.isdir(lexicons):
            return os.path.join(lexicons, FOLDER)
    _fail(f"{here}: the built-in lexicons are missing from this installation")


@cache
def pairs(name: str) -> tuple[tuple[str, str], ...]:
    """The (first, second) field pairs of ``lexicons/gaps/NAME.tsv``, in file order."""
    path = os.path.join(folder(), f"{name}.tsv")
    try:
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
    except OSError as exc:
        _fail(f"{path}: cannot read word list ({exc.strerror or exc})")
    out: list[tuple[str, str]] = []
    for lineno, line in enumerate(text.split("\n"), 1):
        if not line or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 2 or not all(fields):
            _fail(f"{path}:{lineno}: expected two fields separated by a tab")
        out.append((fields[0], fields[1]))
    return tuple(out)


def word_sets(name: str) -> dict[str, frozenset[str]]:
    """A ``LIST<TAB>WORD`` file as list -> its words."""
    sets: dict[str, set[str]] = {}
    for key, word in pairs(name):
        sets.setdefault(key, set()).add(word)
    return {key: frozenset(words) for key, words in sets.items()}


def word_lists(name: str) -> dict[str, tuple[str, ...]]:
    """A ``KEY<TAB>WORD`` file as key -> its words, in file order."""
    lists: dict[str, list[str]] = {}
    for key, word in pairs(name):
        lists.setdefault(key, []).append(word)
    return {key: tuple(words) for key, words in lists.items()}


def word_map(name: str) -> dict[str, str]:
    """A ``KEY<TAB>VALUE`` file, one line per key, as key -> value."""
    return dict(pairs(name))
