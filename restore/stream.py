"""Corpus scale: plain text in chunks, an ordered parallel map, run statistics and progress.

Nothing here decides what to restore (that is :class:`restore.Restorer`) or how a result
looks (:mod:`restore.render`). This module only keeps memory flat and the CPUs busy:

* :func:`open_text` reads a file or stdin as a stream of text pieces. UTF-8 input
  larger than :data:`PROBE_BYTES` is decoded incrementally, so a 100 MB file is never
  held whole; other encodings (UTF-16, GB18030, ``--encoding NAME``) are decoded
  whole, exactly as :func:`restore.textio.decode` does, and then processed in chunks.
* :func:`split_chunks` cuts the text into chunks of about :data:`CHUNK_CHARS`
  characters, each restored as its own document.
* :class:`Workers` maps a function over work items in input order, in this process or
  in ``--jobs`` worker processes, with a bounded number of items in flight.
* :class:`Stats` and :class:`Progress`: the figures of a run, a progress bar on a
  terminal, the closing summary line and ``--stats FILE``.
"""

from __future__ import annotations

import codecs
import os
import stat
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from typing import IO, TYPE_CHECKING, Any, BinaryIO, TypeVar

from . import textio

if TYPE_CHECKING:
    import regex

    from .pipeline import Restorer

# -- chunks --------------------------------------------------------------------------------------

#: A chunk ends at the first line break after this many characters (64 Ki).
#:
#: Each chunk is restored as its own document. Everything the tool looks at around a
#: mask or a gap lies within one line (a rank clause stops at punctuation, a gap's
#: frame is a few characters, and a text edge reads as a line start), so cutting at a
#: line break changes none of those decisions. What is inferred per *document* is then
#: inferred per chunk: the hidden alphabet (a character seen unmasked in the chunk was
#: not hidden), the choice among hidden sets, the agreement of like contexts and the
#: "this text still has 3+ digit runs, so it was never scraped" rule of
#: :mod:`restore.gaps`. 64 Ki characters is tens of paragraphs of news text, enough
#: evidence for each; this is accepted for flat memory on files of any size.
CHUNK_CHARS = 64 * 1024
#: A line with no break for this many chunk sizes (a whole file on one line) is cut
#: elsewhere: after a sentence end or a space and before a character that is neither
#: a mask symbol, a digit, a ``.``-like character nor a line break (:func:`split_chunks`).
LONG_LINE = 4
#: ... and when not even that is found within this many chunk sizes (a megabyte of
#: ``*`` or digits), between any two characters that are not mask symbols or digits,
#: or as a last resort anywhere.
HARD_LINE = 16

_LINE_END = None  # compiled on first use (see _line_end)


def _line_end() -> Any:
    global _LINE_END
    if _LINE_END is None:
        import re

        _LINE_END = re.compile(r"\r\n|\r|\n")
    return _LINE_END


@cache
def _soft_cut(symbols: str) -> regex.Pattern[str]:
    import regex

    avoid = regex.escape(symbols + ".．。·•")
    return regex.compile(rf"(?<=[。！？；…!?; \t\u3000])(?=[^\s\d{avoid}])")


@cache
def _hard_cut(symbols: str) -> regex.Pattern[str]:
    import regex

    avoid = regex.escape(symbols + ".．·")
    return regex.compile(rf"(?<=[^\r\d{avoid}])(?=[^\n\d{avoid}])")


def _cut(buf: str, start: int, size: int, symbols: str, final: bool) -> int | None:
    """Where the chunk that starts at ``start`` ends, or None to wait for more text.

    The answer depends only on the text, never on how much of it has been read: each
    rule looks within a bounded window and waits until the window has been read (or
    the input has ended), so a streamed file is cut exactly where its whole text is.
    """
    at = start + size
    long_end = start + LONG_LINE * size
    hard_end = start + HARD_LINE * size
    m = _line_end().search(buf, at - 1, long_end + 1)
    if m and m.end() <= long_end:
        if final or m.end() < len(buf) or m.group() != "\r":
            return m.end()
        return None  # a CR at the end of what was read may be the first half of a CRLF
    if len(buf) <= long_end:
        return len(buf) if final else None
    soft = _soft_cut(symbols).search(buf, at, hard_end + 1)
    if soft:
        return soft.end()
    if len(buf) <= hard_end:
        return len(buf) if final else None
    hard = _hard_cut(symbols).search(buf, at, hard_end + 1)
    return hard.end() if hard else at


def split_chunks(pieces: Iterable[str], size: int | None = None, symbols: str = "*＊") -> Iterator[str]:
    """Cut a stream of text pieces into chunks that end at a line break; they join back exactly.

    A chunk ends at the first line break (``\\n``, ``\\r\\n`` or ``\\r``, never between
    the ``\\r`` and ``\\n`` of a CRLF) after ``size`` characters. A line longer than
    :data:`LONG_LINE` chunk sizes is cut after a sentence end (。！？；) or a space instead,
    before a character that is not a mask symbol, digit or ``.``-like: so no run of
    mask symbols, no digits and no decimal tail is ever split, and each side of the
    cut reads the cut as a line edge.

    >>> list(split_chunks(["ab\\ncd\\r", "\\nef"], size=2))
    ['ab\\n', 'cd\\r\\n', 'ef']
    >>> list(split_chunks(["一二。三四*建"], size=2))
    ['一二。三四*建']
    """
    size = size or CHUNK_CHARS
    buf = ""
    for piece in pieces:
        buf = buf + piece if buf else piece
        start = 0
        while len(buf) - start > size:
            cut = _cut(buf, start, size, symbols, final=False)
            if cut is None:
                break
            yield buf[start:cut]
            start = cut
        buf = buf[start:]
    start = 0
    while len(buf) - start > size:
        cut = _cut(buf, start, size, symbols, final=True)
        assert cut is not None and cut > start
        yield buf[start:cut]
        start = cut
    if start < len(buf):
        yield buf[start:]


def advance(line: int, column: int, text: str) -> tuple[int, int]:
    """The 1-based (line, column) just after ``text``, which starts at (line, column).

    >>> advance(1, 1, "ab\\r\\ncd")
    (2, 3)
    >>> advance(2, 3, "ef")
    (2, 5)
    """
    breaks = text.count("\n") + text.count("\r") - text.count("\r\n")
    if not breaks:
        return line, column + len(text)
    last = max(text.rfind("\n"), text.rfind("\r"))
    return line + breaks, len(text) - last


# -- reading -------------------------------------------------------------------------------------

#: Inputs up to this size are read and decoded whole, as :func:`restore.textio.decode`
#: does; larger UTF-8 input is decoded incrementally.
PROBE_BYTES = 1 << 20
READ_BYTES = 1 << 20
_BINARY = "looks binary (contains NUL bytes); for UTF-16 without a BOM use --encoding"


@dataclass
class TextSource:
    """A readable text: how to write it back, and its text as pieces."""

    encoding: str
    bom: bytes
    #: True when the text is decoded as it is read (large UTF-8); a decoding error may
    #: then come after some pieces, and those pieces' output has been written.
    streamed: bool
    pieces: Iterator[str]


@contextmanager
def open_text(name: str, stdin: BinaryIO, encoding: str | None) -> Iterator[TextSource]:
    """Open ``name`` (``-`` is stdin) as a :class:`TextSource`. Raises OSError or DecodeError.

    Up to :data:`PROBE_BYTES`, the input is decoded whole by :func:`textio.decode`. A
    larger input whose first megabyte is UTF-8 (or that ``--encoding utf-8`` names) is
    streamed; a regular file is first checked to the end, at C speed and in constant
    memory, so that a file that is not UTF-8 after all is decoded whole as before
    (GB18030, or the same error). Stdin cannot be read twice: an error after the first
    megabyte stops that input with ``cannot decode as UTF-8 ... at byte N``.
    """
    fh: BinaryIO = stdin if name == "-" else open(name, "rb")  # noqa: SIM115 (closed below)
    try:
        head = fh.read(PROBE_BYTES + 1)
        if len(head) <= PROBE_BYTES:
            decoded = textio.decode(head, encoding)
            yield TextSource(decoded.encoding, decoded.bom, False, iter((decoded.text,)))
            return
        bom, nul_check = _utf8_stream(head, encoding)
        if bom is None:
            decoded = textio.decode(head + fh.read(), encoding)
            yield TextSource(decoded.encoding, decoded.bom, False, iter((decoded.text,)))
            return
        if name != "-" and _is_regular(fh):
            try:
                for _ in _utf8_pieces(fh, head, len(bom), nul_check):
                    pass
            except textio.DecodeError:
                fh.seek(0)
                decoded = textio.decode(fh.read(), encoding)
                yield TextSource(decoded.encoding, decoded.bom, False, iter((decoded.text,)))
                return
            fh.seek(0)
            head = fh.read(PROBE_BYTES + 1)
        yield TextSource("utf-8", bom, True, _utf8_pieces(fh, head, len(bom), nul_check))
    finally:
        if fh is not stdin:
            fh.close()


def _is_regular(fh: IO[bytes]) -> bool:
    try:
        return stat.S_ISREG(os.fstat(fh.fileno()).st_mode) and fh.seekable()
    except (OSError, ValueError, AttributeError):
        return False


def _utf8_stream(head: bytes, encoding: str | None) -> tuple[bytes | None, bool]:
    """(BOM, check for NUL) when ``head`` starts a UTF-8 stream; (None, _) otherwise."""
    has_bom = head.startswith(codecs.BOM_UTF8)
    bom = codecs.BOM_UTF8 if has_bom else b""
    if encoding is not None:
        named = textio.check_encoding(encoding)
        return (bom if named in ("utf-8", "utf-8-sig") else None), False
    if has_bom:
        return bom, False  # as textio.decode: a UTF-8 BOM says text, NUL bytes or not
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or b"\x00" in head:
        return None, True
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError:
        return None, True
    return bom, True


def _utf8_pieces(fh: BinaryIO, head: bytes, skip: int, nul_check: bool) -> Iterator[str]:
    """Decode ``head`` (less its first ``skip`` bytes) and the rest of ``fh``, piece by piece."""
    decoder = codecs.getincrementaldecoder("utf-8")("strict")
    pos = skip  # byte offset of the block in the input
    block = head[skip:]
    while True:
        final = not block
        if nul_check and b"\x00" in block:
            raise textio.DecodeError(_BINARY)
        pending = len(decoder.getstate()[0])
        try:
            text = decoder.decode(block, final=final)
        except UnicodeDecodeError as exc:
            where = pos - pending + exc.start
            raise textio.DecodeError(f"cannot decode as UTF-8: {exc.reason} at byte {where}") from None
        if text:
            yield text
        if final:
            return
        pos += len(block)
        block = fh.read(READ_BYTES)


# -- an ordered map over worker processes --------------------------------------------------------

T = TypeVar("T")
R = TypeVar("R")

#: Work items in flight per worker process: enough to keep every worker busy while
#: the results are written in order, few enough for memory to stay flat.
IN_FLIGHT_PER_JOB = 4

_WORKER_RESTORER: Restorer | None = None
#: The parent's Restorer, which a forked worker inherits with whatever it has loaded.
_PARENT_RESTORER: Restorer | None = None


def _init_worker(config: Any) -> None:
    """Each worker process has ONE Restorer, so it loads its lexicon once (on its first mask).

    A forked worker takes over the parent's when it has the same configuration: a
    lexicon the parent already loaded (``--lexicon``, ``--model``) is then not loaded
    again. A spawned worker (Windows, macOS) builds its own.
    """
    import signal

    from .pipeline import Restorer

    global _WORKER_RESTORER
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    parent = _PARENT_RESTORER
    _WORKER_RESTORER = parent if parent is not None and parent.config == config else Restorer(config)


def _call_in_worker(fn: Callable[[Restorer, T], R], item: T) -> R:
    assert _WORKER_RESTORER is not None
    return fn(_WORKER_RESTORER, item)


class Passed:
    """A work-list entry that is not work: it comes out of :meth:`Workers.map` as it went in."""

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value


class Workers:
    """``map(fn, items)`` in input order, here (``jobs=1``) or in ``jobs`` processes.

    ``fn(restorer, item)`` must be a module-level function and items and results
    picklable. With ``jobs > 1`` at most ``IN_FLIGHT_PER_JOB * jobs`` items are
    submitted and not yet yielded, so memory stays flat however long the input is. The
    pool starts only when a second work item arrives: one small input never pays for it.
    Use as a context manager; leaving it cancels what is still queued.
    """

    def __init__(self, restorer: Restorer, jobs: int = 1) -> None:
        self.restorer = restorer
        self.jobs = max(1, jobs)
        self._pool: Any = None

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def _start(self) -> Any:
        if self._pool is None:
            from concurrent.futures import ProcessPoolExecutor

            global _PARENT_RESTORER
            _PARENT_RESTORER = self.restorer
            self._pool = ProcessPoolExecutor(
                max_workers=self.jobs, initializer=_init_worker, initargs=(self.restorer.config,)
            )
        return self._pool

    def map(
        self,
        fn: Callable[[Restorer, T], R],
        items: Iterable[T | Passed],
        needs_ranker: Callable[[T], bool] | None = None,
    ) -> Iterator[R | Passed]:
        """``needs_ranker(item)``: whether an item has a mask to rank. When one of the
        items read before the pool starts has, the parent loads the lexicon first and
        forked workers share it, instead of each loading its own."""
        if self.jobs == 1:
            for item in items:
                yield item if isinstance(item, Passed) else fn(self.restorer, item)
            return
        yield from self._map_parallel(fn, items, needs_ranker)

    def _preload(self, held: list[Any], needs_ranker: Callable[[Any], bool] | None) -> None:
        if needs_ranker is None or "ranker" in vars(self.restorer):
            return
        if not any(needs_ranker(i) for i in held if not isinstance(i, Passed)):
            return
        import multiprocessing

        if multiprocessing.get_start_method() != "fork":
            return  # a spawned worker would load its own anyway
        try:
            _ = self.restorer.ranker
        except Exception:
            pass

    def _map_parallel(
        self,
        fn: Callable[[Restorer, T], R],
        items: Iterable[T | Passed],
        needs_ranker: Callable[[T], bool] | None = None,
    ) -> Iterator[R | Passed]:
        from concurrent.futures import Future

        window = IN_FLIGHT_PER_JOB * self.jobs
        pending: deque[Future[Any]] = deque()
        held: list[T | Passed] = []  # before the pool starts: items up to the second work item
        for item in items:
            if self._pool is None:
                held.append(item)
                if sum(not isinstance(i, Passed) for i in held) < 2:
                    continue
                self._preload(held, needs_ranker)
                pool = self._start()
                with _frozen_heap():  # a forking pool starts its workers at the first submit
                    for early in held:
                        pending.append(self._submit(pool, fn, early))
                held = []
            else:
                pending.append(self._submit(self._pool, fn, item))
            while len(pending) > window or (pending and pending[0].done()):
                yield pending.popleft().result()
        for item in held:  # at most one work item: not worth a pool
            yield item if isinstance(item, Passed) else fn(self.restorer, item)
        while pending:
            yield pending.popleft().result()

    @staticmethod
    def _submit(pool: Any, fn: Callable[[Restorer, T], R], item: T | Passed) -> Any:
        if isinstance(item, Passed):
            from concurrent.futures import Future

            done: Future[Any] = Future()
            done.set_result(item)
            return done
        return pool.submit(_call_in_worker, fn, item)


@contextmanager
def _frozen_heap() -> Iterator[None]:
    """Keep the garbage collector off the parent's objects while workers are forked.

    A forked worker shares the parent's memory until it writes to a page. A collection
    in the worker writes to the header of every object it walks, so without this each
    worker's first full collection copies every page the parent's lexicon and modules
    sit on, and walks them all. ``gc.freeze()`` before the fork moves those objects out
    of the collector's reach (the recipe in the :mod:`gc` documentation); the parent
    takes them back once its workers exist. Harmless where workers are spawned.
    """
    import gc

    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


# -- statistics and progress ---------------------------------------------------------------------


@dataclass
class Stats:
    """What a run did, summed over documents (JSON Lines records, or files)."""

    documents: int = 0
    characters: int = 0
    #: Mask symbols found, restored and left unresolved, counted in characters.
    masks: int = 0
    restored: int = 0
    unresolved: int = 0
    gaps: int = 0
    errors: int = 0
    started: float = field(default_factory=time.perf_counter)
    seconds: float = 0.0

    def add(self, characters: int, counts: dict[str, int]) -> None:
        self.characters += characters
        self.masks += counts["masks"]
        self.restored += counts["restored"]
        self.unresolved += counts["unresolved"]
        self.gaps += counts["gaps"]

    def stop(self) -> None:
        self.seconds = time.perf_counter() - self.started

    def summary(self) -> str:
        """``restore: 400 documents, 262,698 characters, 1,709 masks restored, 24 unresolved, ...``

        >>> Stats(1, 1200, 3, 2, 1, 1, seconds=0.25).summary()
        'restore: 1 document, 1,200 characters, 2 masks restored, 1 unresolved, 1 gap marked in 0.2 s'
        """

        def n(count: int, noun: str) -> str:
            return f"{count:,} {noun}{'' if count == 1 else 's'}"

        errors = f", {n(self.errors, 'error')}" if self.errors else ""
        return (
            f"restore: {n(self.documents, 'document')}, {n(self.characters, 'character')}, "
            f"{n(self.restored, 'mask')} restored, {self.unresolved:,} unresolved, "
            f"{n(self.gaps, 'gap')} marked{errors} in {self.seconds:.1f} s"
        )

    def to_json(self) -> dict[str, object]:
        rate = self.characters / self.seconds if self.seconds > 0 else None
        return {
            "documents": self.documents,
            "characters": self.characters,
            "masks": self.masks,
            "restored": self.restored,
            "unresolved": self.unresolved,
            "gaps": self.gaps,
            "errors": self.errors,
            "seconds": round(self.seconds, 3),
            "characters_per_second": round(rate) if rate is not None else None,
        }


class Progress:
    """A tqdm bar on stderr counting characters, with documents, masks and gaps as postfix.

    Disabled, it does nothing and tqdm is never imported. The bar is redrawn at most
    every :data:`INTERVAL` seconds; :meth:`write` prints a message above it.
    """

    INTERVAL = 0.2

    def __init__(self, stats: Stats, enabled: bool, stream: IO[str] | None = None) -> None:
        self.stats = stats
        self.bar: Any = None
        self._shown = 0
        self._last = 0.0
        if enabled:
            from tqdm import tqdm

            tqdm.monitor_interval = 0  # no monitor thread (worker processes may be forked)
            self.bar = tqdm(
                file=stream or sys.stderr,
                unit="char",
                unit_scale=True,
                dynamic_ncols=True,
                leave=False,
                desc="restore",
            )

    def update(self, force: bool = False) -> None:
        if self.bar is None:
            return
        now = time.monotonic()
        if not force and now - self._last < self.INTERVAL:
            return
        self._last = now
        s = self.stats
        postfix = {"docs": f"{s.documents:,}", "restored": f"{s.restored:,}", "gaps": f"{s.gaps:,}"}
        self.bar.set_postfix(postfix, refresh=False)
        self.bar.update(s.characters - self._shown)
        self._shown = s.characters

    def write(self, message: str) -> None:
        if self.bar is None:
            print(message, file=sys.stderr)
        else:
            self.bar.write(message, file=sys.stderr)

    def close(self) -> None:
        if self.bar is not None:
            self.update(force=True)
            self.bar.close()
            self.bar = None
