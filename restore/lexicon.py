"""Lexicon files: parse strictly, validate, and load once into a word-count table.

The table is jieba's own dictionary (the installed jieba package's ``dict.txt``, read
into the same table jieba builds; jieba's own loader, through a *private*
``jieba.Tokenizer``, if the file is not of the plain shape) plus the project's lexicons in
``lexicons/`` plus any user lexicons. Lexicon files are data, never code: every line
is ``WORD`` or ``WORD<TAB>WEIGHT``; a bad line raises :class:`LexiconError` naming
``file:line``.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from functools import cache
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
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise LexiconError(f"{path}: cannot read lexicon ({exc.strerror or exc})") from None
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
            raise LexiconError(f"{path}:{lineno}: expected WORD or WORD<TAB>WEIGHT, got {len(fields)} fields")
        word = fields[0].strip()
        if not _WORD.match(word):
            raise LexiconError(f"{path}:{lineno}: {_show(word)} is not a word (letters only, at most 32)")
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


@dataclass
class WordTable:
    """Word -> count, with every prefix of a word present (count 0), as jieba keeps it.

    A table read from the cache (:mod:`restore.cache`) starts with its words still
    packed by first character, in ``unread``; :meth:`ensure` unpacks the characters a
    text needs. A text of a few hundred characters needs a few percent of the
    350,000 words, so a run over one small file never builds the whole table.
    """

    freq: dict[str, int]
    total: int
    #: log(count / total), filled in as the ranker meets each word.
    logp: dict[str, float] = field(default_factory=dict)
    #: first character -> (its words joined by newlines, their counts as an array of int64)
    unread: dict[str, tuple[str, bytes]] = field(default_factory=dict)

    def ensure(self, text: str) -> None:
        """Make every word that starts with a character of ``text`` readable in ``freq``."""
        unread = self.unread
        if not unread:
            return
        from array import array

        for ch in [c for c in set(text) if c in unread]:  # (set.intersection would walk unread)
            words, counts = unread.pop(ch)
            self.freq.update(zip(words.split("\n"), array("q", counts).tolist()))

    def count(self, word: str) -> int | None:
        """The word's count; 0 for a prefix of a longer word only; None if neither."""
        self.ensure(word[:1])
        return self.freq.get(word)


def _packed(freq: dict[str, int]) -> dict[str, tuple[str, bytes]]:
    """``freq`` packed by first character, as :attr:`WordTable.unread` holds it."""
    from array import array

    groups: dict[str, list[str]] = {}
    for word in freq:
        found = groups.get(word[0])
        if found is None:
            groups[word[0]] = [word]
        else:
            found.append(word)
    return {ch: ("\n".join(words), array("q", [freq[w] for w in words]).tobytes()) for ch, words in groups.items()}


@cache
def load_word_table(extra: tuple[Path, ...] = ()) -> WordTable:
    """jieba's dictionary plus the shipped and the user lexicons; loaded once per process."""
    return _load_word_table(extra)


def _load_word_table(extra: tuple[Path, ...] = ()) -> WordTable:
    """:func:`load_word_table` without the per-process memo.

    A lexicon's weight replaces jieba's count for that word (so a lexicon can also
    lower a count jieba overstates); later files win, user lexicons last. The lexicon
    files are parsed before jieba's dictionary is loaded, so a bad user lexicon is
    reported at once.

    Building the table from jieba's ``dict.txt`` takes about 0.6 s. The built table is
    kept in restore's cache folder (:mod:`restore.cache`), named by every file it was
    built from, and later runs read it back packed (:class:`WordTable`): no parsing,
    and only the characters a text needs are unpacked.
    """
    from . import cache as disk

    files = [*builtin_lexicon_files(), *extra]
    source = _jieba_dict_path()
    where = disk.cache_file("word-table", [source, *files]) if source is not None else None
    kept = disk.read(where)
    if isinstance(kept, tuple) and len(kept) == 2 and isinstance(kept[0], dict) and isinstance(kept[1], int):
        return WordTable({}, kept[1], unread=kept[0])
    lexicons = [parse_lexicon(path) for path in files]
    freq, total = _jieba_table(source)
    for entries in lexicons:
        for entry in entries:
            old = freq.get(entry.word, 0)
            freq[entry.word] = entry.weight
            total += entry.weight - old
            for i in range(1, len(entry.word)):
                freq.setdefault(entry.word[:i], 0)
    if where is not None:
        disk.write(where, (_packed(freq), total))
    return WordTable(freq, total)


def _jieba_table(source: Path | None) -> tuple[dict[str, int], int]:
    """jieba's prefix dictionary (word -> count, every prefix present) and its total count.

    The same table as ``jieba.Tokenizer().initialize()`` builds from the installed
    package's ``dict.txt``, read directly: importing jieba (it imports pkg_resources)
    and unmarshalling its cache in the temporary folder take about a second, this about
    0.6 s. A ``dict.txt`` that is not plainly ``WORD COUNT TAG`` lines, or a jieba
    installed where no such file can be read, is left to jieba itself.
    """
    try:
        table = _read_jieba_dict(source) if source is not None else None
    except (OSError, ValueError, TypeError):
        table = None
    if table is None:
        import jieba

        jieba.setLogLevel(logging.WARNING)
        tokenizer = jieba.Tokenizer()
        tokenizer.initialize()
        table = dict(tokenizer.FREQ), int(tokenizer.total)
    return table


def _jieba_dict_path() -> Path | None:
    """The installed jieba's ``dict.txt``, found without importing jieba."""
    import importlib.util

    try:
        spec = importlib.util.find_spec("jieba")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "dict.txt"
    return path if path.is_file() else None


def _read_jieba_dict(path: Path) -> tuple[dict[str, int], int] | None:
    """``dict.txt`` as jieba's ``gen_pfdict`` reads it, or None when its shape is not the plain one.

    jieba takes each line's first space-separated field as the word and the second as
    its count (later lines win), sums every line's count into the total, and adds
    every prefix of every word with count 0. Here that is done on whole lists, after
    checking that each line is exactly ``WORD COUNT TAG``: three fields, one space
    between them, no other white space, the count ASCII digits.
    """
    import re
    from itertools import compress, repeat
    from operator import gt, itemgetter

    with open(path, "rb") as fh:
        text = fh.read().decode("utf-8")
    if text.endswith("\n"):
        text = text[:-1]
    # Each line three fields of non-space characters, one space between them, the
    # count ASCII digits: then jieba's reading of a line is its first two fields.
    if re.fullmatch(r"(?:\S+ [0-9]+ \S+\n)*\S+ [0-9]+ \S+", text) is None:
        return None
    tokens = text.split()
    words = tokens[0::3]
    digits = tokens[1::3]
    counts = list(map(int, digits))
    # Every prefix of every word: the k-character prefixes of the words longer than k.
    keys = set(words)
    longer, lengths = words, list(map(len, words))
    k = 1
    while longer:
        keep = list(map(gt, lengths, repeat(k)))
        longer = list(compress(longer, keep))
        lengths = list(compress(lengths, keep))
        keys.update(map(itemgetter(slice(0, k)), longer))
        k += 1
    freq = dict.fromkeys(keys, 0)
    freq.update(zip(words, counts))
    return freq, sum(counts)
