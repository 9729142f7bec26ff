"""Which character stands between two neighbours: a model learned from varied clean text.

A *slot* is a place where a filter hid a character. Its readings are the candidate
characters (党 政 群 业) and OTHER, some other character. Every clean sentence of any
corpus is a labelled example: each character is a reading of its neighbours.
``restore.slottrain`` counts them for contexts of up to two characters on each side
(left and right together, not as two independent sides), and keeps the contexts
where a candidate was seen; the rest are read from shorter contexts.

At run time a slot's distribution is smoothed from the shortest context to the
longest: each context's prior pools the two contexts one character shorter (one on
each side, a normalised geometric mean), and its counts refine that prior (a
Dirichlet estimate). The ranker multiplies P(c | neighbours) / P(c) into the word lattice's
posterior, a product of experts: the lattice knows words, this model knows what stands
beside them in news, law, forums, fiction and technical writing
(``docs/training-data.md``).

Characters are read through a few classes (:func:`normalise`): every digit is ``0``,
every ASCII letter ``a``, every line break a text edge, other white space a space.
"""

from __future__ import annotations

import gzip
import json
import math
import sys
from array import array
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path

FORMAT = "restore-slot-model"
VERSION = 3
#: The reading "some other character", after the candidates in every count row.
OTHER = "?"
#: How many characters of context each side of a slot a model is trained with, unless
#: told otherwise (a model file records its own).
SIDE = 2


@cache
def shapes(side: int) -> tuple[tuple[int, int], ...]:
    """Context shapes (characters on the left, on the right) up to ``side`` each side,
    shortest first: each one's parents (one character shorter on one side) come before it.

    >>> shapes(1)
    ((0, 0), (1, 0), (0, 1), (1, 1))
    """
    every = [(k, m) for k in range(side + 1) for m in range(side + 1)]
    return tuple(sorted(every, key=lambda s: (s[0] + s[1], -s[0])))


#: The shapes of a model of :data:`SIDE`.
SHAPES = shapes(SIDE)
#: The text edge, as a context character.
EDGE = "\n"
#: How many observations a context needs to outweigh the shorter contexts it refines.
STRENGTH = 4.0
#: How many slot distributions a model keeps before it starts afresh (memory stays flat).
MEMO_SIZE = 1 << 16
#: Name of the shipped model inside the lexicon folder.
BUILTIN_SLOTS = "slots.gz"
#: Largest model file read, compressed and uncompressed (a model is a few MB).
MAX_BYTES = 64 << 20


class SlotModelError(ValueError):
    """A slot model file is missing, malformed or of another version."""


def _class_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for ch in "0123456789０１２３４５６７８９":
        table[ord(ch)] = "0"
    for ch in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ":
        table[ord(ch)] = "a"
    for ch in "\r\n\u2028\u2029\x0b\x0c\x85":
        table[ord(ch)] = EDGE
    for ch in "\t\u3000\xa0\0":
        table[ord(ch)] = " "  # and NUL, which the model file puts between contexts
    return table


CLASSES = _class_table()


def normalise(text: str) -> str:
    """The text as the model reads it: one character for one, classes for digits,
    Latin letters and white space, so offsets stay the same."""
    return text.translate(CLASSES)


class Table:
    """One shape's counts, packed: context -> row index, and every row in one array of
    unsigned 32-bit counts (a fifth of the memory of a dict of lists, and read in one
    call from the file)."""

    __slots__ = ("counts", "index", "width")

    def __init__(self, index: dict[str, int], counts: array[int], width: int) -> None:
        self.index = index
        self.counts = counts
        self.width = width

    @classmethod
    def from_rows(cls, rows: dict[str, list[int]], width: int) -> Table:
        """A table from context -> counts (what the trainer counts)."""
        counts = array("I")
        for row in rows.values():
            counts.extend(row)
        return cls({key: i for i, key in enumerate(rows)}, counts, width)

    def get(self, key: str) -> list[int] | None:
        """The counts of ``key``'s row, or None when the context was not kept."""
        i = self.index.get(key)
        if i is None:
            return None
        return self.counts[i * self.width : (i + 1) * self.width].tolist()

    def __contains__(self, key: object) -> bool:
        return key in self.index

    def __len__(self) -> int:
        return len(self.index)

    def rows(self) -> dict[str, list[int]]:
        """Every context with its counts (for tests and inspection)."""
        return {key: self.get(key) or [] for key in self.index}


@dataclass(eq=False)
class SlotModel:
    """Counts of readings by context (one table per shape), and where they came from."""

    candidates: str
    #: One table per shape in ``shapes(side)``: context (left + right) -> counts, one
    #: per candidate and OTHER last.
    tables: list[Table]
    chars: int = 0
    sources: list[str] = field(default_factory=list)
    #: Characters of context each side.
    side: int = SIDE
    _memo: dict[str, tuple[float, ...]] = field(default_factory=dict, init=False, repr=False)

    def distribution(self, left: str, right: str) -> dict[str, float]:
        """P(hidden character | neighbours): each candidate, and OTHER.

        ``left`` and ``right`` are normalised context, at most :attr:`side`
        characters each side; a shorter side is padded with the text edge.
        """
        return dict(zip(self.candidates + OTHER, self._smoothed(left, right)))

    def evidence(self, left: str, ch: str, right: str) -> float:
        """How much likelier reading ``ch`` (a candidate, or OTHER) is between these
        neighbours than anywhere: P(ch | neighbours) / P(ch), the factor a product of
        experts multiplies in. Where the model never saw a candidate with a neighbour on
        each side, it has no opinion (1.0): one side's counts alone sharpen the
        candidates against each other without saying whether any of them belongs."""
        if not self.knows(left, right):
            return 1.0
        i = (self.candidates + OTHER).index(ch)
        return self._smoothed(left, right)[i] / self._base[i]

    def knows(self, left: str, right: str) -> bool:
        """A candidate was seen between these neighbours, one character each side at least."""
        if not left or not right:
            return False
        return left[-1] + right[0] in self._both_sides

    @cached_property
    def _both_sides(self) -> Table:
        """The table of one character each side."""
        return self.tables[shapes(self.side).index((1, 1))]

    @cached_property
    def _base(self) -> tuple[float, ...]:
        """P(reading) anywhere."""
        counts = self.tables[0].get("") or []
        n = sum(counts)
        return tuple((c + 0.5) / (n + 0.5 * len(counts)) for c in counts)

    def _smoothed(self, left: str, right: str) -> tuple[float, ...]:
        side = self.side
        if len(left) < side:
            left = EDGE * (side - len(left)) + left
        if len(right) < side:
            right = right + EDGE * (side - len(right))
        key = left[-side:] + right[:side]
        found = self._memo.get(key)
        if found is not None:
            return found
        every = shapes(side)
        dists: dict[tuple[int, int], tuple[float, ...]] = {(0, 0): self._base}
        for bit, (k, m) in enumerate(every[1:], 1):
            if k == 0:
                prior = dists[(0, m - 1)]
            elif m == 0:
                prior = dists[(k - 1, 0)]
            else:
                prior = geometric_mean(dists[(k - 1, m)], dists[(k, m - 1)])
            counts = self.tables[bit].get(key[side - k : side + m])
            if counts is None:
                dists[(k, m)] = prior
                continue
            n = sum(counts)
            dists[(k, m)] = tuple((c + STRENGTH * q) / (n + STRENGTH) for c, q in zip(counts, prior))
        found = dists[every[-1]]
        if len(self._memo) >= MEMO_SIZE:
            self._memo.clear()
        self._memo[key] = found
        return found

    # -- files ----------------------------------------------------------------
    def save(self, path: Path) -> None:
        """Write the model: gzip'd, a JSON header line (format tag, version, candidates,
        sources, shapes, each table's size), then per table its contexts (UTF-8, NUL
        between them) and its counts (unsigned 32-bit, little-endian)."""
        header = {
            "format": FORMAT,
            "version": VERSION,
            "candidates": self.candidates,
            "chars": self.chars,
            "sources": self.sources,
        }
        write_tables(path, header, self.tables, shapes(self.side))

    @classmethod
    def load(cls, path: Path) -> SlotModel:
        """The model at ``path``, read and checked once per process."""
        return _load_cached(str(Path(path).resolve()))


def builtin_slot_model_path() -> Path:
    """The slot model shipped in the package's lexicon folder."""
    from .lexicon import builtin_lexicon_dir

    return builtin_lexicon_dir() / BUILTIN_SLOTS


def geometric_mean(a: tuple[float, ...], b: tuple[float, ...]) -> tuple[float, ...]:
    """Two contexts' distributions, each one character longer on its own side, pooled:
    the normalised geometric mean. (Taking them as independent evidence, a · b divided
    by their shared context's, was measured too: it is overconfident, and cost the
    news sets a fifth of a point.)"""
    g = [math.sqrt(x * y) for x, y in zip(a, b)]
    total = sum(g)
    return tuple(x / total for x in g)


@cache
def _load_cached(path: str) -> SlotModel:
    header, body = read_model_file(path, FORMAT, VERSION, "slot model", SlotModelError)
    return _checked(path, header, body)


def read_model_file(
    path: str, fmt: str, version: int, what: str, error: type[ValueError]
) -> tuple[dict[str, object], bytes]:
    """A packed model file's JSON header and body, checked for size, format and version:
    a model file is data from anywhere, so every way it can be wrong is one ``error``
    that names ``path``."""
    try:
        with gzip.open(path, "rb") as fh:
            raw = fh.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise error(f"{path}: no such model file") from None
    except (OSError, EOFError) as exc:
        raise error(f"{path}: not a restore {what} ({exc})") from None
    if len(raw) > MAX_BYTES:
        raise error(f"{path}: larger than {MAX_BYTES >> 20} MB; not a restore {what}")
    line, _, body = raw.partition(b"\n")
    try:
        header = json.loads(line)
    except ValueError as exc:
        raise error(f"{path}: not a restore {what} ({exc})") from None
    if not isinstance(header, dict) or header.get("format") != fmt:
        raise error(f"{path}: not a restore {what}")
    if header.get("version") != version:
        raise error(f"{path}: {what} version {header.get('version')} is not {version}")
    return header, body


def _checked(path: str, header: dict[str, object], body: bytes) -> SlotModel:
    """The model the header and body describe, every table checked for size and shape."""
    candidates = header.get("candidates")
    if not isinstance(candidates, str) or not candidates:
        raise SlotModelError(f"{path}: slot model names no candidates")
    side = side_of(header.get("shapes"))
    if side is None:
        raise SlotModelError(f"{path}: slot model has other context shapes")
    tables = read_tables(path, body, header.get("sizes"), len(candidates) + 1, SlotModelError, shapes(side))
    base = tables[0].get("")
    if not base or sum(base) == 0:
        raise SlotModelError(f"{path}: slot model has no counts")
    return SlotModel(candidates, tables, *provenance(header), side=side)


#: The widest context a model file may have (a side of 4 is already sparse).
MAX_SIDE = 4


def side_of(recorded: object) -> int | None:
    """The side of the shapes a model file records, or None unless they are exactly
    ``shapes(side)`` for a side from 1 to :data:`MAX_SIDE`."""
    for side in range(1, MAX_SIDE + 1):
        if recorded == [list(s) for s in shapes(side)]:
            return side
    return None


def write_tables(
    path: Path, header: dict[str, object], tables: list[Table], layout: tuple[tuple[int, int], ...]
) -> None:
    """Write a model of one table per shape of ``layout``: gzip'd, the JSON ``header`` line
    (with the shapes and each table's size added), then per table its contexts (UTF-8,
    NUL between them) and its counts (unsigned 32-bit, little-endian)."""
    blobs = [("\0".join(t.index)).encode("utf-8") for t in tables]
    header = {
        **header,
        "shapes": [list(s) for s in layout],
        "sizes": [[len(t), len(b)] for t, b in zip(tables, blobs)],
    }
    with gzip.open(path, "wb", compresslevel=6) as fh:
        fh.write(json.dumps(header, ensure_ascii=False, sort_keys=True).encode("utf-8") + b"\n")
        for table, blob in zip(tables, blobs):
            fh.write(blob)
            counts = array("I", table.counts)
            if sys.byteorder != "little":
                counts.byteswap()
            fh.write(counts.tobytes())


def read_tables(
    path: str,
    body: bytes,
    sizes: object,
    width: int,
    error: type[ValueError],
    layout: tuple[tuple[int, int], ...],
) -> list[Table]:
    """The tables of ``layout``'s shapes :func:`write_tables` wrote after the header, each
    checked for size and shape; ``error`` names what is wrong, with ``path``."""
    if (
        not isinstance(sizes, list)
        or len(sizes) != len(layout)
        or not all(
            isinstance(n, list) and len(n) == 2 and all(type(x) is int and x >= 0 for x in n) for n in sizes
        )
    ):
        raise error(f"{path}: model needs the sizes of {len(layout)} tables of its shapes")
    tables = []
    pos = 0
    for (k, m), (rows, length) in zip(layout, sizes):
        blob = body[pos : pos + length]
        pos += length
        data = body[pos : pos + 4 * rows * width]
        pos += 4 * rows * width
        if len(blob) != length or len(data) != 4 * rows * width:
            raise error(f"{path}: model is cut short")
        try:
            keys = blob.decode("utf-8").split("\0") if rows else []
        except UnicodeDecodeError:
            raise error(f"{path}: model table {k}+{m} holds bad text") from None
        if len(keys) != rows or any(len(key) != k + m for key in keys) or len(set(keys)) != rows:
            raise error(f"{path}: model table {k}+{m} has bad contexts")
        counts = array("I")
        counts.frombytes(data)
        if sys.byteorder != "little":
            counts.byteswap()
        tables.append(Table(dict(zip(keys, range(rows))), counts, width))
    if pos != len(body):
        raise error(f"{path}: model has trailing bytes")
    return tables


def provenance(header: dict[str, object]) -> tuple[int, list[str]]:
    """How many characters a model was counted from, and its sources, as its header says
    (informative only: a missing or odd value reads as none)."""
    chars = header.get("chars", 0)
    sources = header.get("sources", [])
    return (
        chars if isinstance(chars, int) else 0,
        [str(s) for s in sources] if isinstance(sources, list) else [],
    )
