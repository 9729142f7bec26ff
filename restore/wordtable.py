"""The word-count table the ranker reads: jieba's dictionary plus the lexicons.

The table is jieba's own dictionary (the installed jieba package's ``dict.txt``, read
into the same table jieba builds; jieba's own loader, through a *private*
``jieba.Tokenizer``, if the file is not of the plain shape) plus the project's lexicons in
``lexicons/`` plus any user lexicons (:mod:`restore.lexicon`). It is built once, kept
packed in restore's cache folder (:mod:`restore.cache`), and unpacked as texts need it.
"""

from __future__ import annotations

import importlib.util
import marshal
import re
import zlib
from array import array
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, partial
from itertools import compress, repeat
from operator import add, gt, itemgetter
from pathlib import Path
from typing import Any

from . import cache as disk
from .lexicon import builtin_lexicon_files, parse_lexicon

# This module is imported only when a document has a mask to rank (restore.pipeline
# loads the ranker on first use), so its imports cost a clean run nothing.

#: Layout of the packed table kept in the cache folder; a file of another layout is rebuilt.
PACK_FORMAT = 3


@dataclass
class WordTable:
    """Word -> count, with every prefix of a word present (count 0), as jieba keeps it.

    A table read from the cache (:mod:`restore.cache`) starts with its words still
    packed, a record per first character (``unread`` names the records not read yet),
    and :meth:`ensure` unpacks what a text needs: each of its characters as a word, and
    the words that start with two adjacent characters of it. A lattice looks up a
    clause's words start by start, growing each one a character at a time while the
    table holds it as a prefix, so those are every word it can ask for: a text needs a
    small share of the table this way, far less than by first character alone (中 and 国
    start thousands of words each; benchmarks/README.md).
    """

    freq: dict[str, int]
    total: int
    #: log(count / total), filled in as the ranker meets each word.
    logp: dict[str, float] = field(default_factory=dict)
    #: first character -> the number of its record in ``packed`` (see :func:`_packed`),
    #: for the characters not looked at yet
    unread: dict[str, int] = field(default_factory=dict)
    #: the packed table as the cache file holds it (:func:`_packed`)
    packed: bytes = field(default=b"", repr=False)
    #: where each record starts in ``packed``, and where the last one ends
    offsets: list[int] = field(default_factory=list, repr=False)
    #: each record's CRC-32, checked as it is read
    checks: Any = field(default=(), repr=False)
    #: builds the whole table again from its sources (and rewrites the cache file): what a
    #: record that fails its check falls back to
    rebuild: Callable[[], WordTable] | None = field(default=None, repr=False)
    #: first character -> (second characters, group bounds, words, counts) of a packed
    #: bucket whose groups are being read one by one
    _open: dict[str, tuple[str, memoryview, str, memoryview]] = field(default_factory=dict, repr=False)
    #: two-character starts whose words are in ``freq``
    _read: set[str] = field(default_factory=set, repr=False)

    def ensure(self, text: str, wildcard: str = "", fill: str = "") -> None:
        """Make readable in ``freq`` each character of ``text`` as a word and every word
        that starts with two adjacent characters of it. ``wildcard`` (a mask in a clause)
        stands for each character of ``fill``."""
        if not self.unread and not self._open:
            return
        firsts = set(text)
        if wildcard and wildcard in firsts:
            firsts.discard(wildcard)
            firsts.update(fill)
            each = [fill if ch == wildcard else ch for ch in text]  # what each position may read
            starts = {x + y for a, b in zip(each, each[1:]) for x in a for y in b}
        else:
            starts = set(map(add, text, text[1:]))
        unread = self.unread
        for ch in [c for c in firsts if c in unread]:  # (set.intersection would walk unread)
            self._unpack_first(ch)
        self._read_starts(starts)

    def ensure_starting(self, chars: str) -> None:
        """Make readable every word that starts with a character of ``chars``."""
        for ch in chars:
            if ch in self.unread:
                self._unpack_first(ch)
            if ch in self._open:
                self._read_starts({ch + second for second in self._open[ch][0]})

    def _read_starts(self, starts: set[str]) -> None:
        """Unpack the words that start with each two characters in ``starts`` (their
        first characters already taken out of ``unread``)."""
        starts -= self._read
        if not starts:
            return
        self._read |= starts
        opened = self._open
        freq = self.freq
        for start in starts:
            found = opened.get(start[0])
            if found is None:
                continue
            seconds, bounds, words, counts = found
            k = seconds.find(start[1])
            if k < 0:
                continue
            w0, c0, w1, c1 = bounds[2 * k : 2 * k + 4]
            freq.update(zip(words[c0 : c1 - 1].split("\n"), counts[w0:w1].tolist()))

    def _unpack_first(self, ch: str) -> None:
        """The character ``ch`` as a word, and its bucket's groups made ready to read."""

        k = self.unread.pop(ch, None)
        if k is None:
            return  # the whole table was read meanwhile (_read_whole)
        record = memoryview(self.packed)[self.offsets[k] : self.offsets[k + 1]]
        try:
            if zlib.crc32(record) != self.checks[k]:
                raise ValueError("checksum")
            single, seconds, words, counts, bounds = marshal.loads(record)
            # read in place: a bucket's few groups a text needs are sliced out as asked
            opened = (seconds, memoryview(bounds).cast("i"), words, memoryview(counts).cast("q"))
            _check_record(single, opened)
        except (EOFError, ValueError, TypeError):
            self._read_whole()
            return
        if single is not None:
            self.freq[ch] = single
        if seconds:
            self._open[ch] = opened

    def _read_whole(self) -> None:
        """A record of the cache file is damaged (a disk error, a stray write): build the
        table again and take all of it. ``freq`` is filled in place, so a lookup that
        holds it sees every word."""
        if self.rebuild is None:
            raise ValueError("the word table's cache file is damaged")
        whole = self.rebuild()
        self.freq.update(whole.freq)
        self.unread.clear()
        self._open.clear()
        self.packed = b""

    def count(self, word: str) -> int | None:
        """The word's count; 0 for a prefix of a longer word only; None if neither."""
        self.ensure(word[:2])
        return self.freq.get(word)


def _check_record(single: object, opened: tuple[Any, memoryview, Any, memoryview]) -> None:
    """Raise ValueError unless a record makes sense, not only passes its CRC.

    A CRC catches a disk error, not a crafted file: each part must have its type, the
    group bounds must rise and end at the words and counts there are, and no count may
    be negative (a log of it would fail, or rank a word above every real one).
    """
    seconds, bounds, words, counts = opened
    if single is not None and (type(single) is not int or single < 0):
        raise ValueError("count")
    if not isinstance(seconds, str) or not isinstance(words, str):
        raise ValueError("types")
    if len(bounds) != 2 * (len(seconds) + 1):
        raise ValueError("bounds")
    pairs = bounds.tolist()
    if pairs[:2] != [0, 0] or any(a > b for a, b in zip(pairs[0::2], pairs[2::2])):
        raise ValueError("bounds")
    if any(a > b for a, b in zip(pairs[1::2], pairs[3::2])):
        raise ValueError("bounds")
    # A character with no longer word packs its empty word list as one newline.
    listed = "" if words == "\n" and not counts else words
    if pairs[-2] != len(counts) or pairs[-1] != len(listed) or listed.count("\n") != len(counts):
        raise ValueError("bounds")
    if counts and min(counts) < 0:
        raise ValueError("count")


def _packed(freq: dict[str, int], total: int) -> bytes:
    """``freq`` as the cache keeps it: read back by :func:`_unpacked`.

    A record per first character: the count of the character alone (None if it is no
    entry); the second characters of its longer words; those words, each ended by a
    newline, grouped by second character in that order; their counts (int64); and where
    each group starts, as int32 pairs (word index, character offset), one pair more at
    the end. The file is a head (its length first, in 8 bytes) that names the layout,
    the total count, the first characters, where each one's record starts and each
    record's CRC-32, then the records. A run reads the head and, one at a time, the
    records its text needs, each checked as it is read.
    """

    groups: dict[str, dict[str, list[str]]] = {}
    for word in freq:
        by_second = groups.get(word[0])
        if by_second is None:
            by_second = groups[word[0]] = {}
        if len(word) > 1:
            found = by_second.get(word[1])
            if found is None:
                by_second[word[1]] = [word]
            else:
                found.append(word)
    records: list[bytes] = []
    offsets = [0]
    checks: list[int] = []
    for ch, by_second in groups.items():
        words: list[str] = []
        bounds = [0, 0]
        chars = 0
        for group in by_second.values():
            words.extend(group)
            chars += sum(map(len, group)) + len(group)
            bounds += [len(words), chars]
        record = (
            freq.get(ch),
            "".join(by_second),
            "\n".join(words) + "\n",
            array("q", [freq[w] for w in words]).tobytes(),
            array("i", bounds).tobytes(),
        )
        records.append(marshal.dumps(record))
        offsets.append(offsets[-1] + len(records[-1]))
        checks.append(zlib.crc32(records[-1]))
    layout = (
        PACK_FORMAT,
        total,
        "".join(groups),
        array("q", offsets).tobytes(),
        array("I", checks).tobytes(),
    )
    head = marshal.dumps(layout)
    return len(head).to_bytes(8, "little") + head + b"".join(records)


def _unpacked(data: bytes | None) -> WordTable | None:
    """The table in ``data`` (:func:`_packed`), its records left packed; None when
    ``data`` is not such a table (another layout, or cut short)."""

    if data is None or len(data) < 8:
        return None
    size = int.from_bytes(data[:8], "little")
    try:
        head = marshal.loads(data[8 : 8 + size])
        layout, total, firsts, where, sums = head
        offsets = array("q", where).tolist()
        checks = array("I", sums)
    except (EOFError, ValueError, TypeError):
        return None
    if layout != PACK_FORMAT or type(total) is not int or total <= 0 or not isinstance(firsts, str):
        return None  # a total of 0 would fail every log(count / total), run after run
    base = 8 + size
    if len(offsets) != len(firsts) + 1 or len(checks) != len(firsts) or base + offsets[-1] != len(data):
        return None
    unread = dict(zip(firsts, range(len(firsts))))
    return WordTable(
        {}, total, unread=unread, packed=data, offsets=[base + o for o in offsets], checks=checks
    )


@cache
def load_word_table(extra: tuple[Path, ...] = ()) -> WordTable:
    """jieba's dictionary plus the shipped and the user lexicons; loaded once per process."""
    return _load_word_table(extra)


#: Built-in lexicon files whose counts were measured in running text, not written by hand.
MEASURED = "base_"
#: Name of the cached table: the second layout's rule (measured floors) built it.
TABLE_KIND = "word-table-2"


def _load_word_table(extra: tuple[Path, ...] = ()) -> WordTable:
    """:func:`load_word_table` without the per-process memo.

    A lexicon's weight replaces jieba's count for that word (so a lexicon can also
    lower a count jieba overstates); later files win, user lexicons last, except that a
    count measured in running text (the built-in ``base_*.tsv``, :data:`MEASURED`) is a
    floor the hand-written built-in files may raise but not lower: their numbers are
    guesses, theirs were counted (群组: wordfreq 308, a hand-written 100). The lexicon
    files are parsed before jieba's dictionary is loaded, so a bad user lexicon is
    reported at once.

    Building the table from jieba's ``dict.txt`` is most of a short run's time. The built table is
    kept in restore's cache folder (:mod:`restore.cache`), named by every file it was
    built from, and later runs read it back packed (:class:`WordTable`): no parsing,
    and only the characters a text needs are unpacked.
    """

    files = [*builtin_lexicon_files(), *extra]
    source = jieba_dict_path()
    where = disk.cache_file(TABLE_KIND, [source, *files]) if source is not None else None
    kept = _unpacked(disk.read_bytes(where))
    if kept is not None:
        kept.rebuild = partial(_built_word_table, files, source, where, len(extra))
        return kept
    return _built_word_table(files, source, where, len(extra))


def _built_word_table(
    files: list[Path], source: Path | None, where: Path | None, users: int = 0
) -> WordTable:
    """The table built from jieba's dictionary and ``files``, kept at ``where`` when set.
    The last ``users`` files are the user's, whose weights stand as they are."""

    lexicons = [parse_lexicon(path) for path in files]
    freq, total = _jieba_table(source)
    floors: dict[str, int] = {}
    first_user = len(files) - users
    for index, (path, entries) in enumerate(zip(files, lexicons)):
        measured = index < first_user and path.name.startswith(MEASURED)
        hand_written = index < first_user and not measured
        for entry in entries:
            old = freq.get(entry.word, 0)
            weight = entry.weight
            if measured:
                floors[entry.word] = weight
            elif hand_written:
                weight = max(weight, floors.get(entry.word, 0))
            freq[entry.word] = weight
            total += weight - old
            for i in range(1, len(entry.word)):
                freq.setdefault(entry.word[:i], 0)
    if where is not None:
        disk.write_bytes(where, _packed(freq, total))
    return WordTable(freq, total)


def _jieba_table(source: Path | None) -> tuple[dict[str, int], int]:
    """jieba's prefix dictionary (word -> count, every prefix present) and its total count.

    The same table as ``jieba.Tokenizer().initialize()`` builds from the installed
    package's ``dict.txt``, read directly: importing jieba (it imports pkg_resources)
    and unmarshalling its cache in the temporary folder take longer than this does. A ``dict.txt`` that is not plainly ``WORD COUNT TAG`` lines, or a jieba
    installed where no such file can be read, is left to jieba itself.
    """
    try:
        table = _read_jieba_dict(source) if source is not None else None
    except (OSError, ValueError, TypeError):
        table = None
    if table is None:
        import logging  # only here: a ranked run that reads dict.txt itself never needs it

        import jieba

        jieba.setLogLevel(logging.WARNING)
        tokenizer = jieba.Tokenizer()
        tokenizer.initialize()
        table = dict(tokenizer.FREQ), int(tokenizer.total)
    return table


def jieba_dict_path() -> Path | None:
    """The installed jieba's ``dict.txt``, found without importing jieba."""

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
