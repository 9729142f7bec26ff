"""Nouns before a mask, and the candidates that make new compounds after nouns.

A mask right after a noun (妇女*中, 柑橘*推, 烤鸭*之后) may be a suffix: 群 makes a group
of anything (妇女群, 樟树群), 业 an industry (柑橘业, 旧书业), 党 a party or a forum's
crowd (烤鸭党, 五毛党). Where no word holds such a mask and the slot model never saw a
candidate between its neighbours, the ranker has only the candidates' own frequencies to
go on, and those are the news': 党 wins. That is right on a political page and wrong on
most others (docs/accuracy.md, "Nouns before a blind mask"), so the ranker leaves such a
mask alone when more than one candidate that may be hidden makes such compounds
(:meth:`restore.rank.Ranker._bare_suffix`).

Both facts come from jieba's dictionary, whose words carry a part-of-speech tag: a noun
is a word tagged ``n…``, and a candidate makes compounds after nouns where the
dictionary lists many words made of a noun and it (业 142, 群 67, 党 44, 政 8). The
dictionary is read again, for its tags, only when a page has such a mask, and what is
needed of it is kept in restore's cache folder (:mod:`restore.cache`).
"""

from __future__ import annotations

import marshal
from collections import Counter
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import NamedTuple

from . import cache as disk
from .wordtable import jieba_dict_path

#: Longest word looked for before a mask; the longest found is the one that counts.
LONGEST_WORD = 4
#: A candidate makes compounds after nouns where the dictionary lists at least this
#: many words of a noun of two or more characters and it (政 has 8, 党 44).
SUFFIX_COMPOUNDS = 20


class _Tags(NamedTuple):
    #: The dictionary's nouns of two to LONGEST_WORD characters (tagged ``n…``: nouns,
    #: names of people, places and bodies).
    nouns: frozenset[str]
    #: For each character, how many of the dictionary's words are a noun of two or
    #: more characters and it.
    compounds: Counter[str]


#: Kind of the cached copy in restore's cache folder (:mod:`restore.cache`).
TAGS_KIND = "nouns"


@cache
def _tags() -> _Tags:
    """What :func:`noun_before` and :func:`makes_compounds` need from jieba's tagged
    dictionary: read from restore's cache folder, or made and kept there (reading the
    dictionary twice takes a third of a second, the cached copy a twentieth;
    benchmarks/README.md). Nothing where no dictionary can be read: then no word is a
    noun and no candidate makes compounds."""
    path = jieba_dict_path()
    if path is None:
        return _Tags(frozenset(), Counter())
    where = disk.cache_file(TAGS_KIND, [path])
    kept = _unpacked(disk.read_bytes(where))
    if kept is not None:
        return kept
    made = _read_tags(path)
    if made is not None:
        disk.write_bytes(where, marshal.dumps(("\n".join(sorted(made.nouns)), dict(made.compounds))))
        return made
    return _Tags(frozenset(), Counter())


def _read_tags(path: Path) -> _Tags | None:
    """Nouns (tagged ``n…``) and each character's count of noun compounds, from
    ``dict.txt``: twice through the file, as a compound's noun may be listed after it."""
    nouns: set[str] = set()
    compounds: Counter[str] = Counter()
    try:
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                word, _, tag = line.rstrip("\n").rpartition(" ")
                if tag.startswith("n"):
                    nouns.add(word.partition(" ")[0])
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                word = line.partition(" ")[0]
                if len(word) >= 3 and word[:-1] in nouns:
                    compounds[word[-1]] += 1
    except (OSError, UnicodeDecodeError):
        return None
    return _Tags(frozenset(w for w in nouns if len(w) <= LONGEST_WORD), compounds)


def _unpacked(data: bytes | None) -> _Tags | None:
    """The cached copy, or None when there is none or it makes no sense."""
    if data is None:
        return None
    try:
        words, compounds = marshal.loads(data)
    except (EOFError, ValueError, TypeError):
        return None
    if not isinstance(words, str) or not isinstance(compounds, dict):
        return None
    if not all(isinstance(k, str) and isinstance(v, int) for k, v in compounds.items()):
        return None
    return _Tags(frozenset(words.split("\n")) if words else frozenset(), Counter(compounds))


def noun_before(text: str, i: int, is_word: Callable[[str], bool]) -> bool:
    """Whether the longest word of two to :data:`LONGEST_WORD` characters that ends at
    ``i`` is a noun (``is_word`` says which strings are words)."""
    for k in range(min(LONGEST_WORD, i), 1, -1):
        word = text[i - k : i]
        if is_word(word):
            return word in _tags().nouns
    return False


def makes_compounds(ch: str) -> bool:
    """Whether ``ch`` follows nouns to make new words: the dictionary lists at least
    :data:`SUFFIX_COMPOUNDS` words of a noun of two or more characters and it."""
    return _tags().compounds[ch] >= SUFFIX_COMPOUNDS
