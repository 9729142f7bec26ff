"""Plain-text inputs: each file cut into chunks, restored, and its output written in order.

Each input is read by :func:`restore.runs.reading.open_text` and cut by
:func:`restore.runs.chunks.split_chunks` into chunks that end at a line break; each chunk
is restored as its own document (see :data:`restore.runs.chunks.CHUNK_CHARS` for what
that changes) in this process or by ``--jobs`` workers, and its results come back in
order. Large UTF-8 input is written out chunk by chunk, so memory stays flat; other
input (and anything up to a megabyte) is decoded whole and its output written in one
piece once the whole file has been restored, so an error leaves nothing half-written.
"""

from __future__ import annotations

import enum
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, BinaryIO, NamedTuple

import click

from .. import atomic, render, textio
from ..config import DEFAULT_GAP_MARKER
from . import chunks, reading
from .events import Ended, Failed, Opened
from .progress import Progress, Stats
from .reading import TextSource, display, os_message
from .report import Report, Stop, merge_json_report
from .workers import Passed

if TYPE_CHECKING:
    from ..ignore import Acceptor
    from ..model import Result
    from ..pipeline import Restorer


class Show(enum.Enum):
    """What a plain-text run prints on stdout besides (or instead of) the restored text."""

    FINDINGS = "findings"
    DIFF = "diff"
    JSON = "json"


class Chunk(NamedTuple):
    """A work item: one chunk of text, whether its gaps are marked in the output, and the
    marker when it is not the configured one (the file's encoding cannot hold that)."""

    text: str
    mark_gaps: bool
    gap_marker: str | None = None


class ChunkOutcome(NamedTuple):
    """A worker's answer for one chunk: its Result, or the message of an error."""

    result: Result | None
    error: str | None


def restore_chunk(restorer: Restorer, chunk: Chunk) -> ChunkOutcome:
    """Worker side: one chunk restored, or the message for bad options."""
    try:
        result = restorer.restore(chunk.text, mark_gaps=chunk.mark_gaps, gap_marker=chunk.gap_marker)
        return ChunkOutcome(result, None)
    except ValueError as exc:
        return ChunkOutcome(None, str(exc))


def needs_ranker(symbols: str, chunk: Chunk) -> bool:
    """Whether a chunk holds a mask symbol: the parent then loads the lexicon before forking."""
    return any(s in chunk.text for s in symbols)


def work_items(
    names: Sequence[str],
    stdin: BinaryIO,
    encoding: str | None,
    mark_gaps: bool,
    symbols: str,
    markers: tuple[str, str] = (DEFAULT_GAP_MARKER, textio.ASCII_GAP_MARKER),
    keep: bool = False,
) -> Iterator[Chunk | Passed]:
    """The work list: for each input :class:`Opened`, its chunks, then :class:`Ended` or :class:`Failed`.

    ``markers``: the gap marker, and the ASCII one written instead in a file whose
    encoding cannot hold it (and read back as a marker there by the next run).
    ``keep`` (``--in-place``): each source keeps its open file for the consumer
    (:attr:`TextSource.fd`), so a rewrite copies from the file that was read.
    """
    for name in names:
        try:
            with reading.open_text(name, stdin, encoding, keep) as source:
                yield Opened(name, source)
                marker = None if textio.holds(source.writes, markers[0]) else markers[1]
                count = 0
                for text in chunks.split_chunks(source.pieces, chunks.CHUNK_CHARS, symbols):
                    count += 1
                    yield Chunk(text, mark_gaps, marker)
                if not count:  # an empty file is one empty document (its BOM is kept)
                    yield Chunk("", mark_gaps, marker)
        except OSError as exc:
            yield Failed(name, os_message(exc))
            continue
        except ValueError as exc:  # DecodeError
            yield Failed(name, str(exc))
            continue
        yield Ended(name)


@dataclass
class _FileRun:
    """One input file while its chunks come back: where the next chunk starts, what to write."""

    name: str
    source: TextSource
    #: 1-based line and column of the next chunk's first character, and its code-point offset.
    line: int = 1
    column: int = 1
    offset: int = 0
    chunks: int = 0
    counts: dict[str, int] = field(
        default_factory=lambda: dict.fromkeys(("masks", "restored", "unresolved", "gaps"), 0)
    )
    damaged: bool = False
    changed: bool = False
    #: Restored text of a whole-decoded input, encoded in one piece at the end.
    texts: list[str] = field(default_factory=list)
    #: Output bytes of a streamed input written so far, or (in place) known equal to the input.
    written: int = 0
    writer: atomic.AtomicWriter | None = None
    out: BinaryIO | None = None
    read_only: bool = False
    json: dict[str, Any] | None = None
    diff_started: bool = False

    @property
    def path(self) -> str:
        return display(self.name)

    def encode(self, text: str) -> bytes:
        """A streamed chunk's bytes: UTF-8, with the BOM before the first."""
        bom = self.source.bom if self.chunks == 1 else b""
        return textio.encode(text, textio.Decoded("", self.source.encoding, bom))


class PlainText:
    """The main-process side of plain-text mode: consumes chunk results in input order."""

    def __init__(
        self,
        restorer: Restorer,
        *,
        show: Show | None,
        color: bool,
        write_text: bool,
        in_place: bool,
        quiet: bool,
        report: Report,
        stats: Stats,
        progress: Progress,
        stdout: BinaryIO,
        sink: BinaryIO,
        accept: Acceptor | None = None,
    ) -> None:
        self.accept = accept
        self.show = show
        self.write_text = write_text
        self.in_place = in_place
        self.quiet = quiet
        self.report = report
        self.stats = stats
        self.progress = progress
        self.stdout = stdout
        self.sink = sink
        self.color = show is Show.DIFF and color
        self.marker = restorer.config.gap_marker or DEFAULT_GAP_MARKER
        self.run: _FileRun | None = None

    def consume(self, item: ChunkOutcome | Passed) -> None:
        if isinstance(item, Opened):
            assert item.source is not None
            self.open(item.name, item.source)
            return
        if isinstance(item, Ended):
            self.end()
            return
        if isinstance(item, Failed):
            self.fail(item.name, item.message)
            return
        assert isinstance(item, ChunkOutcome)
        run = self.run
        if run is None:  # the input already failed; its remaining chunks are dropped
            return
        if item.result is None:
            self.fail(run.name, item.error or "cannot restore")
            return
        self.chunk(run, item.result)

    def open(self, name: str, source: TextSource) -> None:
        self.run = run = _FileRun(name, source)
        if self.in_place:
            try:
                run.read_only = atomic.is_read_only(name)
            except OSError as exc:
                self.fail(name, os_message(exc))

    def chunk(self, run: _FileRun, result: Result) -> None:
        if self.accept is not None:
            result = self.accept.accept(run.path, result)
        run.chunks += 1
        counts = result.counts()
        for key, value in counts.items():
            run.counts[key] += value
        if result.damaged and not run.damaged:
            run.damaged = True
            self.report.damaged += 1  # now, not at the end: a reader may stop reading before it
        run.changed = run.changed or result.changed
        self.stats.add(len(result.source), counts)
        self.show_chunk(run, result)
        if self.write_text:
            if not run.source.streamed:
                run.texts.append(result.text)
            elif self.in_place:
                self.rewrite_chunk(run, result)
            else:
                self.sink.write(run.encode(result.text))
        run.line, run.column = chunks.advance(run.line, run.column, result.source)
        run.offset += len(result.source)
        self.progress.update()

    def show_chunk(self, run: _FileRun, result: Result) -> None:
        if self.show is Show.FINDINGS:
            lines = render.findings(run.path, result, line=run.line, column=run.column)
            if lines:
                self.stdout.write("".join(line + "\n" for line in lines).encode("utf-8"))
        elif self.show is Show.DIFF and result.edits:
            lines = [] if run.diff_started else render.diff_header(run.path, self.color)
            run.diff_started = True
            lines += render.diff_lines(result, self.color, gap_marker=self.marker, first_line=run.line)
            self.stdout.write(("\n".join(lines) + "\n").encode("utf-8"))
        elif self.show is Show.JSON:
            report = render.json_report(run.path, result)
            if run.json is None:
                run.json = report
            else:
                merge_json_report(run.json, report, run.offset)

    def rewrite_chunk(self, run: _FileRun, result: Result) -> None:
        """--in-place, streamed: open the temporary file at the first change, with the bytes before it."""
        data = run.encode(result.text)
        if run.out is None:
            if not result.changed or run.read_only:
                run.written += len(data)
                return
            run.writer = atomic.AtomicWriter(run.name, through=False, expect=run.source.identity)
            try:
                run.out = run.writer.__enter__()
                # The bytes before the first change, from the file that was read (never
                # reopened by name: an editor may have saved another file there meanwhile).
                assert run.source.fd is not None
                done = 0
                while done < run.written:
                    block = os.pread(run.source.fd, min(run.written - done, reading.READ_BYTES), done)
                    if not block:
                        raise atomic.Changed(0, CHANGED)
                    run.out.write(block)
                    done += len(block)
            except OSError as exc:
                self.fail(run.name, f"cannot rewrite: {os_message(exc)}")
                return
        try:
            run.out.write(data)
        except OSError as exc:
            self.fail(run.name, f"cannot rewrite: {os_message(exc)}")

    def end(self) -> None:
        run, self.run = self.run, None
        if run is None:
            return
        try:
            self._end(run)
        finally:
            _release(run)

    def _end(self, run: _FileRun) -> None:
        self.stats.documents += 1
        self.progress.update()
        if self.show is Show.DIFF:
            line = render.summary(run.path, run.counts)
            text = click.style(line, bold=True) if self.color else line
            self.stdout.write((text + "\n").encode("utf-8"))
        elif self.show is Show.JSON:
            import json  # here: start-up of a plain run is measured (benchmarks/README.md)

            report = run.json or {}
            self.stdout.write((json.dumps(report, ensure_ascii=False) + "\n").encode("utf-8"))
        if not self.write_text:
            return
        data = b""
        if not run.source.streamed:
            try:
                decoded = textio.Decoded("", run.source.encoding, run.source.bom)
                text = "".join(run.texts)
                if run.source.writes != run.source.encoding:
                    # GB18030 input in GBK's range stays there: a four-byte sequence is an error.
                    textio.encode(text, textio.Decoded("", run.source.writes))
                data = textio.encode(text, decoded)
            except ValueError as exc:  # EncodeError
                self.fail(run.name, str(exc))
                return
            if not self.in_place:
                self.sink.write(data)
                return
        if not self.in_place or not run.changed:
            return
        self.run = run  # so that a failure below drops its temporary file
        try:
            # Asked again now: the file may have been made read-only, or removed, meanwhile.
            if run.read_only or atomic.is_read_only(run.name):
                self.fail(run.name, "file is read-only; not rewritten")
                return
            if run.source.streamed:
                assert run.writer is not None
                self.run = None
                run.writer.__exit__(None, None, None)
            else:
                atomic.write_atomic(run.name, data, expect=run.source.identity)
        except atomic.Changed:
            self.fail(run.name, CHANGED)
            return
        except OSError as exc:
            self.fail(run.name, f"cannot rewrite: {os_message(exc)}")
            return
        self.run = None
        self.report.changed += 1
        if not self.quiet:
            self.progress.message(render.summary(run.path, run.counts))

    def fail(self, name: str, message: str) -> None:
        """Report an input that could not be read, decoded, restored or written; drop the rest of it."""
        self.close()
        self.progress.message(f"{display(name)}: {message}")
        self.report.errors += 1
        self.stats.errors += 1

    def close(self) -> None:
        """Drop the input in progress, and its temporary file if it was being rewritten."""
        run, self.run = self.run, None
        if run is None:
            return
        _release(run)
        if run.writer is not None and run.out is not None:
            try:
                run.writer.__exit__(Stop, None, None)  # removes the temporary file
            except OSError:
                pass


#: Why a file being rewritten in place was left alone.
CHANGED = "changed while it was restored; left as it is"


def _release(run: _FileRun) -> None:
    """Close the descriptor of the file that was read, kept for an in-place rewrite."""
    fd, run.source.fd = run.source.fd, None
    if fd is not None:
        os.close(fd)
