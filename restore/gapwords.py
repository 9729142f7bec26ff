"""The word lists of the gap rules, read from ``lexicons/gaps/*.tsv``.

Each file has the header every lexicon has (file, format, source, licence, used by) and
then lines of two tab-separated fields, sorted and without repeats
(``tests/test_lexicon.py`` checks that). What the two fields mean is the file's:
``LIST<TAB>WORD`` (which list a word is on), ``UNIT<TAB>CHARS`` and so on; the format
line of each file says. A bad line is a :class:`~restore.lexicon.LexiconError` naming
``file:line``.
"""

from __future__ import annotations

from functools import cache

from .lexicon import LexiconError, builtin_lexicon_dir

#: The folder, inside the lexicon folder, that holds the gap rules' lists.
FOLDER = "gaps"


@cache
def pairs(name: str) -> tuple[tuple[str, str], ...]:
    """The (first, second) field pairs of ``lexicons/gaps/NAME.tsv``, in file order."""
    path = builtin_lexicon_dir() / FOLDER / f"{name}.tsv"
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise LexiconError(f"{path}: cannot read word list ({exc.strerror or exc})") from None
    out: list[tuple[str, str]] = []
    for lineno, line in enumerate(text.split("\n"), 1):
        if not line or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 2 or not all(fields):
            raise LexiconError(f"{path}:{lineno}: expected two fields separated by a tab")
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
