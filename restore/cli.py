"""The ``restore`` command: click only. Arguments, bytes in and out, messages, exit codes.

Everything that decides *what* to restore lives in the library (:class:`restore.Restorer`);
everything that decides how a result *looks* lives in :mod:`restore.render`; bytes and
encodings live in :mod:`restore.textio`. This module wires them to files and streams
and turns library errors into one-line messages on stderr.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, BinaryIO, TextIO, cast

import click

from . import __version__, stream, textio
from .config import DEFAULT_GAP_MARKER, RestoreConfig
from .pipeline import Restorer
from .stream import Passed

if TYPE_CHECKING:
    from pathlib import Path

    from .model import Result

# json, render, learn and pathlib are imported where they are used: a plain run over
# clean text never needs them, and start-up time is most of a pre-commit hook's run.

#: Nothing to repair (or nothing was asked beyond printing).
EXIT_CLEAN = 0
#: ``--check`` found damage, or ``--in-place`` rewrote at least one file.
EXIT_DAMAGE = 1
#: A usage error, or an input that could not be read, decoded, restored or written.
EXIT_ERROR = 2

STDIN = "-"
STDIN_NAME = "<stdin>"

#: Subcommands, dispatched by :func:`main` on the first argument before any file is
#: parsed: ``restore learn ...`` runs ``SUBCOMMANDS["learn"]``. Register one with
#: ``SUBCOMMANDS["learn"] = learn_command`` (a ``click.Command``). A file that happens to
#: have such a name stays reachable as ``restore -- learn`` or ``restore ./learn``.
SUBCOMMANDS: dict[str, click.Command] = {}

_DEFAULTS = RestoreConfig()

EPILOG = f"""\b
Output (one of; restored text goes to stdout unless -o or --in-place):
  (default)      restored text, byte for byte in the input's encoding,
                 BOM and line endings; numeric gaps marked with --gap-marker
  --check        findings, one per line: PATH:LINE:COL: mask * ==> 党 (0.97)
                 | unresolved mask ** (candidates 党政 0.55, 政党 0.30)
                 | numeric gap (0.92); nothing is changed
  --diff         changed lines before (-) and after (+) with confidences,
                 then PATH: N masks restored, N unresolved, N gaps marked
  --format json  one JSON object per file, one per line:
                 {{"path", "alphabet", "edits", "counts", "notes"}}
  --jsonl        JSON Lines in, JSON Lines out: each line's --field restored,
                 "edits" added, other fields and line order kept
\b
Large inputs and corpora:
  text files are restored in chunks of about 64 Ki characters that end at a
  line break, each as its own document; large UTF-8 input is streamed, so
  memory stays flat. --jobs N restores in N processes, output order kept.
  On a terminal, stderr shows a progress bar and a closing summary line
  (not with -q); --stats FILE writes the same figures as JSON.
\b
Exit status:
  {EXIT_CLEAN}  nothing to repair
  {EXIT_DAMAGE}  damage found with --check, or files rewritten with --in-place
  {EXIT_ERROR}  usage or input error (the other files are still processed)
"""


class CliError(click.ClickException):
    """A one-line ``Error: ...`` on stderr and exit status 2."""

    exit_code = EXIT_ERROR


class _BadLine(ValueError):
    """A JSON Lines record that cannot be restored (message without the path:line prefix)."""


class _Stop(Exception):
    """Stop the whole run; an ``--output`` file is then left as it was."""


@dataclass
class Report:
    """What happened to all inputs; decides the exit status (as black's ``Report`` does)."""

    check: bool = False
    in_place: bool = False
    damaged: int = 0
    changed: int = 0
    errors: int = 0

    @property
    def exit_code(self) -> int:
        if self.errors:
            return EXIT_ERROR
        if (self.check and self.damaged) or (self.in_place and self.changed):
            return EXIT_DAMAGE
        return EXIT_CLEAN


#: The progress bar of the run in progress, if one is shown: messages go above it.
_progress: stream.Progress | None = None


def _error(message: str) -> None:
    if _progress is not None and _progress.bar is not None:
        _progress.write(message)
    else:
        click.echo(message, err=True)


def _display(name: str) -> str:
    return STDIN_NAME if name == STDIN else name


def _os_message(exc: OSError) -> str:
    return exc.strerror or str(exc)


@contextmanager
def _sink(output: str | None, stdout: BinaryIO) -> Iterator[BinaryIO]:
    """Where restored text goes: stdout, or FILE replaced atomically once everything is written."""
    if output is None or output == STDIN:
        yield stdout
        return
    try:
        writer = textio.AtomicWriter(output)
        fh = writer.__enter__()
    except OSError as exc:
        raise CliError(f"{output}: {_os_message(exc)}") from None
    try:
        yield fh
    except BaseException:
        writer.__exit__(*sys.exc_info())
        raise
    try:
        writer.__exit__(None, None, None)
    except OSError as exc:
        raise CliError(f"{output}: {_os_message(exc)}") from None


def _binary(stream: TextIO) -> BinaryIO:
    """The byte stream under a text stream (click's test runner provides one too)."""
    return cast(BinaryIO, getattr(stream, "buffer", stream))


def _use_color(stream: object) -> bool:
    """Colour only for a terminal, and never when NO_COLOR is set (https://no-color.org)."""
    if os.environ.get("NO_COLOR"):
        return False
    return _is_terminal(stream)


def _is_terminal(stream: object) -> bool:
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty and isatty())
    except ValueError:
        return False


# -- plain text, in chunks -----------------------------------------------------------------------
#
# Each input is read by stream.open_text and cut by stream.split_chunks into chunks that
# end at a line break; each chunk is restored as its own document (see stream.CHUNK_CHARS
# for what that changes) in this process or by --jobs workers, and its results come back
# in order. Large UTF-8 input is written out chunk by chunk, so memory stays flat; other
# input (and anything up to a megabyte) is decoded whole and its output written in one
# piece once the whole file has been restored, so an error leaves nothing half-written.


def _restore_chunk(restorer: Restorer, item: tuple[str, bool]) -> tuple[Result | None, str | None]:
    """Worker side: one chunk -> (Result, None), or (None, message) for bad options."""
    text, mark_gaps = item
    try:
        return restorer.restore(text, mark_gaps=mark_gaps), None
    except ValueError as exc:
        return None, str(exc)


def _plain_items(
    names: Sequence[str], stdin: BinaryIO, encoding: str | None, mark_gaps: bool, symbols: str
) -> Iterator[tuple[str, bool] | Passed]:
    """The work list: for each input ("open", ...), its chunks, then ("end", name) or ("error", ...)."""
    for name in names:
        try:
            with stream.open_text(name, stdin, encoding) as source:
                yield Passed(("open", name, source))
                chunks = 0
                for chunk in stream.split_chunks(source.pieces, stream.CHUNK_CHARS, symbols):
                    chunks += 1
                    yield (chunk, mark_gaps)
                if not chunks:
                    yield ("", mark_gaps)  # an empty file is one empty document (its BOM is kept)
        except OSError as exc:
            yield Passed(("error", name, _os_message(exc)))
            continue
        except ValueError as exc:  # DecodeError
            yield Passed(("error", name, str(exc)))
            continue
        yield Passed(("end", name, None))


@dataclass
class _FileRun:
    """One input file while its chunks come back: where the next chunk starts, what to write."""

    name: str
    source: stream.TextSource
    #: 1-based line and column of the next chunk's first character, and its code-point offset.
    line: int = 1
    column: int = 1
    offset: int = 0
    chunks: int = 0
    characters: int = 0
    counts: dict[str, int] = field(
        default_factory=lambda: dict.fromkeys(("masks", "restored", "unresolved", "gaps"), 0)
    )
    damaged: bool = False
    changed: bool = False
    #: Restored text of a whole-decoded input, encoded in one piece at the end.
    texts: list[str] = field(default_factory=list)
    #: Output bytes of a streamed input written so far, or (in place) known equal to the input.
    written: int = 0
    writer: textio.AtomicWriter | None = None
    out: BinaryIO | None = None
    read_only: bool = False
    json: dict[str, Any] | None = None
    diff_started: bool = False

    @property
    def path(self) -> str:
        return _display(self.name)

    def encode(self, text: str) -> bytes:
        """A streamed chunk's bytes: UTF-8, with the BOM before the first."""
        bom = self.source.bom if self.chunks == 1 else b""
        return textio.encode(text, textio.Decoded("", self.source.encoding, bom))


class _PlainText:
    """The main-process side of plain-text mode: consumes chunk results in input order."""

    def __init__(
        self,
        restorer: Restorer,
        *,
        show: str | None,
        write_text: bool,
        in_place: bool,
        quiet: bool,
        report: Report,
        stats: stream.Stats,
        progress: stream.Progress,
        stdout: BinaryIO,
        sink: BinaryIO,
    ) -> None:
        self.show = show
        self.write_text = write_text
        self.in_place = in_place
        self.quiet = quiet
        self.report = report
        self.stats = stats
        self.progress = progress
        self.stdout = stdout
        self.sink = sink
        self.color = show == "diff" and _use_color(sys.stdout)
        self.marker = restorer.config.gap_marker or DEFAULT_GAP_MARKER
        self.run: _FileRun | None = None

    def consume(self, item: tuple[Result | None, str | None] | Passed) -> None:
        if isinstance(item, Passed):
            event, name, payload = item.value
            if event == "open":
                self.open(name, payload)
            elif event == "end":
                self.end()
            else:
                self.fail(name, payload)
            return
        run = self.run
        if run is None:  # the input already failed; its remaining chunks are dropped
            return
        result, message = item
        if result is None:
            self.fail(run.name, message or "cannot restore")
            return
        self.chunk(run, result)

    def open(self, name: str, source: stream.TextSource) -> None:
        self.run = run = _FileRun(name, source)
        if self.in_place:
            try:
                run.read_only = textio.is_read_only(name)
            except OSError as exc:
                self.fail(name, _os_message(exc))

    def chunk(self, run: _FileRun, result: Result) -> None:
        run.chunks += 1
        counts = result.counts()
        for key, value in counts.items():
            run.counts[key] += value
        if result.damaged and not run.damaged:
            run.damaged = True
            self.report.damaged += 1  # now, not at the end: a reader may stop reading before it
        run.changed = run.changed or result.changed
        run.characters += len(result.source)
        self.stats.add(len(result.source), counts)
        self.show_chunk(run, result)
        if self.write_text:
            if not run.source.streamed:
                run.texts.append(result.text)
            elif self.in_place:
                self.rewrite_chunk(run, result)
            else:
                self.sink.write(run.encode(result.text))
        run.line, run.column = stream.advance(run.line, run.column, result.source)
        run.offset += len(result.source)
        self.progress.update()

    def show_chunk(self, run: _FileRun, result: Result) -> None:
        from . import render

        if self.show == "findings":
            lines = render.findings(run.path, result, line=run.line, column=run.column)
            if lines:
                self.stdout.write("".join(line + "\n" for line in lines).encode("utf-8"))
        elif self.show == "diff" and result.edits:
            lines = [] if run.diff_started else render.diff_header(run.path, self.color)
            run.diff_started = True
            lines += render.diff_lines(result, self.color, gap_marker=self.marker, first_line=run.line)
            self.stdout.write(("\n".join(lines) + "\n").encode("utf-8"))
        elif self.show == "json":
            report = render.json_report(run.path, result)
            if run.json is None:
                run.json = report
                return
            for edit in report["edits"]:
                edit["start"] += run.offset
                edit["end"] += run.offset
            run.json["edits"].extend(report["edits"])
            for key, value in report["counts"].items():
                run.json["counts"][key] += value
            run.json["alphabet"] += "".join(c for c in report["alphabet"] if c not in run.json["alphabet"])
            run.json["notes"].extend(n for n in report["notes"] if n not in run.json["notes"])

    def rewrite_chunk(self, run: _FileRun, result: Result) -> None:
        """--in-place, streamed: open the temporary file at the first change, with the bytes before it."""
        data = run.encode(result.text)
        if run.out is None:
            if not result.changed or run.read_only:
                run.written += len(data)
                return
            run.writer = textio.AtomicWriter(run.name, through=False)
            try:
                run.out = run.writer.__enter__()
                with open(run.name, "rb") as original:
                    left = run.written
                    while left:
                        block = original.read(min(left, stream.READ_BYTES))
                        if not block:
                            raise OSError("the file changed while it was read")
                        run.out.write(block)
                        left -= len(block)
            except OSError as exc:
                self.fail(run.name, f"cannot rewrite: {_os_message(exc)}")
                return
        try:
            run.out.write(data)
        except OSError as exc:
            self.fail(run.name, f"cannot rewrite: {_os_message(exc)}")

    def end(self) -> None:
        run, self.run = self.run, None
        if run is None:
            return
        from . import render

        self.stats.documents += 1
        if self.show == "diff":
            line = render.summary(run.path, run.counts)
            text = click.style(line, bold=True) if self.color else line
            self.stdout.write((text + "\n").encode("utf-8"))
        elif self.show == "json":
            import json

            report = run.json or {}
            self.stdout.write((json.dumps(report, ensure_ascii=False) + "\n").encode("utf-8"))
        if not self.write_text:
            return
        data = b""
        if not run.source.streamed:
            try:
                decoded = textio.Decoded("", run.source.encoding, run.source.bom)
                data = textio.encode("".join(run.texts), decoded)
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
            if run.read_only or textio.is_read_only(run.name):
                self.fail(run.name, "file is read-only; not rewritten")
                return
            if run.source.streamed:
                assert run.writer is not None
                self.run = None
                run.writer.__exit__(None, None, None)
            else:
                textio.write_atomic(run.name, data)
        except OSError as exc:
            self.fail(run.name, f"cannot rewrite: {_os_message(exc)}")
            return
        self.run = None
        self.report.changed += 1
        if not self.quiet:
            _error(render.summary(run.path, run.counts))

    def fail(self, name: str, message: str) -> None:
        """Report an input that could not be read, decoded, restored or written; drop the rest of it."""
        self.close()
        _error(f"{_display(name)}: {message}")
        self.report.errors += 1
        self.stats.errors += 1

    def close(self) -> None:
        """Drop the input in progress, and its temporary file if it was being rewritten."""
        run, self.run = self.run, None
        if run is not None and run.writer is not None and run.out is not None:
            try:
                run.writer.__exit__(_Stop, None, None)  # removes the temporary file
            except OSError:
                pass


# -- JSON Lines ----------------------------------------------------------------------------------

#: Records per work item with --jobs > 1 (with one job, the records that have arrived,
#: so a co-process that writes one line and waits for its answer is answered at once).
JSONL_BATCH = 64


def _restore_record(restorer: Restorer, body: bytes, field: str) -> tuple[bytes, int, dict[str, int]]:
    """One JSON Lines record: ``field`` restored (gaps not marked), ``edits`` set, the rest kept.

    Returns the output line (without newline), the length of the text and its counts.
    """
    import json

    try:
        record = json.loads(body.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise _BadLine(f"invalid UTF-8 ({exc.reason} at byte {exc.start})") from None
    except json.JSONDecodeError as exc:
        raise _BadLine(f"invalid JSON ({exc.msg}: column {exc.colno})") from None
    except RecursionError:
        raise _BadLine("invalid JSON (nested too deeply)") from None
    except ValueError:  # Python's limit on the digits of an integer
        raise _BadLine("invalid JSON (number too long)") from None
    if not isinstance(record, dict):
        raise _BadLine(f"expected a JSON object, got {type(record).__name__}")
    if field not in record:
        raise _BadLine(f"no {field!r} field (name it with --field)")
    text = record[field]
    if not isinstance(text, str):
        raise _BadLine(f"field {field!r} is not a string")
    try:
        result = restorer.restore(text, mark_gaps=False)
    except ValueError as exc:
        raise _BadLine(str(exc)) from None
    if not result.edits and "edits" not in record:
        spliced = _with_no_edits(body)
        if spliced is not None:
            return spliced, len(text), {"masks": 0, "restored": 0, "unresolved": 0, "gaps": 0}
    record[field] = result.text
    record["edits"] = [e.to_json() for e in result.edits]
    global _ENCODER
    if _ENCODER is None:
        _ENCODER = json.JSONEncoder(ensure_ascii=False)  # what json.dumps(..., ensure_ascii=False) builds
    try:
        line = _ENCODER.encode(record).encode("utf-8")
    except UnicodeEncodeError as exc:
        bad = ord(exc.object[exc.start])
        raise _BadLine(f"invalid JSON (lone surrogate \\u{bad:04x} is not text)") from None
    # Result.counts() of a document with no edits, without walking them.
    counts = result.counts() if result.edits else {"masks": 0, "restored": 0, "unresolved": 0, "gaps": 0}
    return line, len(text), counts


def _with_no_edits(body: bytes) -> bytes | None:
    """A record nothing was found in, as the input line with ``"edits": []`` added.

    Its bytes stay as they came (spacing, escapes, key order), and it needs no
    encoding. None when the line is not plainly an object that ends in ``}``, or holds
    an escaped surrogate (re-encoding reports a lone one as an error).
    """
    line = body.rstrip()
    if not line.endswith(b"}") or _SURROGATE_ESCAPE.search(line):
        return None
    return line[:-1] + b', "edits": []}'


#: The start of an escaped UTF-16 surrogate (one regex search: two ``in`` tests of a
#: 3-byte needle take four times as long on a 2 KB line).
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD]")


#: One JSON encoder for every record, made on first use (json.dumps would make one per call).
_ENCODER: Any = None


#: One line's outcome: (line number, output line, error or None, characters, counts or None).
_LineOut = tuple[int, bytes, "str | None", int, "dict[str, int] | None"]


def _restore_batch(restorer: Restorer, item: tuple[list[tuple[int, bytes]], str]) -> list[_LineOut]:
    """Worker side: restore a batch of numbered lines; a bad line comes back as itself with its error."""
    lines, field_name = item
    out: list[_LineOut] = []
    for number, body in lines:
        if not body.strip():
            out.append((number, body, None, 0, None))
            continue
        try:
            line, characters, counts = _restore_record(restorer, body, field_name)
        except _BadLine as exc:
            out.append((number, body, str(exc), 0, None))
            continue
        out.append((number, line, None, characters, counts))
    return out


def _jsonl_items(
    names: Sequence[str], stdin: BinaryIO, field_name: str, batch: int
) -> Iterator[tuple[list[tuple[int, bytes]], str] | Passed]:
    """The work list: ("open", name) for each input, then its lines in numbered batches.

    ``batch`` 0: each batch is the lines that have arrived (:func:`_arrived_lines`), so a
    file goes in chunks and a co-process that writes one line and waits is answered at
    once. Otherwise batches of ``batch`` lines (the last one shorter).
    """
    for name in names:
        try:
            source = nullcontext(stdin) if name == STDIN else open(name, "rb")  # noqa: SIM115 (with below)
        except OSError as exc:
            yield Passed(("error", name, _os_message(exc)))
            continue
        yield Passed(("open", name, None))
        try:
            with source as lines:
                pending: list[tuple[int, bytes]] = []
                number = 0
                for arrived in _arrived_lines(lines):
                    for raw in arrived:
                        number += 1
                        body = raw.rstrip(b"\r\n")
                        if number == 1 and body.startswith(b"\xef\xbb\xbf"):
                            body = body[3:]
                        pending.append((number, body))
                        if batch and len(pending) >= batch:
                            yield (pending, field_name)
                            pending = []
                    if not batch and pending:
                        yield (pending, field_name)
                        pending = []
                if pending:
                    yield (pending, field_name)
        except OSError as exc:
            yield Passed(("error", name, _os_message(exc)))


#: Most bytes read at once from a JSON Lines input.
READ_CHUNK = 1 << 16


def _arrived_lines(stream: BinaryIO) -> Iterator[list[bytes]]:
    """The stream's lines (each with its newline, the last perhaps without), in groups:
    those that one read brought in. A read returns what has arrived, up to
    READ_CHUNK bytes (``read1``), and waits only when nothing has."""
    read1 = getattr(stream, "read1", None)
    if read1 is None:
        for line in stream:
            yield [line]
        return
    head: list[bytes] = []  # the start of a line not ended yet
    while True:
        chunk = read1(READ_CHUNK)
        if not chunk:
            if head:
                yield [b"".join(head)]
            return
        if b"\n" not in chunk:
            head.append(chunk)  # a long line: joined once, when it ends
            continue
        lines = chunk.split(b"\n")
        if head:
            head.append(lines[0])
            lines[0] = b"".join(head)
            head = []
        last = lines.pop()
        if last:
            head.append(last)
        yield [line + b"\n" for line in lines]


def _restore_jsonl(
    workers: stream.Workers,
    names: Sequence[str],
    *,
    field: str,
    skip_bad_lines: bool,
    report: Report,
    stats: stream.Stats,
    progress: stream.Progress,
    stdin: BinaryIO,
    sink: BinaryIO,
) -> None:
    """Stream records (memory stays flat); one output line per input line, in order."""
    batch = 0 if workers.jobs == 1 else JSONL_BATCH
    path = STDIN_NAME
    symbols = [ch.encode("utf-8") for ch in workers.restorer.config.mask_symbols]

    def needs_ranker(item: tuple[list[tuple[int, bytes]], str]) -> bool:
        return any(s in body for _, body in item[0] for s in symbols)

    for item in workers.map(_restore_batch, _jsonl_items(names, stdin, field, batch), needs_ranker):
        if isinstance(item, Passed):
            event, name, message = item.value
            path = _display(name)
            if event == "error":
                _error(f"{path}: {message}")
                report.errors += 1
                stats.errors += 1
            continue
        done: list[bytes] = []  # written with one call per batch: the lines, each ended
        for number, line, error, characters, counts in item:
            if error is not None:
                _error(f"{path}:{number}: {error}")
                stats.errors += 1
                if not skip_bad_lines:
                    report.errors += 1
                    _write_lines(sink, done)  # the lines before the bad one
                    raise _Stop
            elif counts is not None:
                stats.documents += 1
                stats.add(characters, counts)
            done.append(line)
        _write_lines(sink, done)
        progress.update()


def _write_lines(sink: BinaryIO, lines: list[bytes]) -> None:
    """Write ``lines``, each followed by a newline, and flush."""
    if lines:
        lines.append(b"")
        sink.write(b"\n".join(lines))
    sink.flush()


def _paths(names: Sequence[str]) -> tuple[Path, ...]:
    """``names`` as paths; pathlib is imported here, not at start-up (a run without
    --lexicon or --model never needs it)."""
    if not names:
        return ()
    from pathlib import Path

    return tuple(Path(name) for name in names)


# -- the command ---------------------------------------------------------------------------------


@click.command(
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
    epilog=EPILOG,
)
@click.argument("files", nargs=-1, type=click.Path(dir_okay=True, allow_dash=True))
@click.option("-o", "--output", metavar="FILE", help="Write the restored text to FILE (replaced atomically).")
@click.option("--in-place", is_flag=True, help="Rewrite each changed file atomically, keeping its mode.")
@click.option("--check", is_flag=True, help="Print findings and change nothing; exit 1 if damage is found.")
@click.option("--diff", is_flag=True, help="Print an annotated diff of the changed lines.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="json: one JSON report per file, one object per line.",
)
@click.option("--jsonl", is_flag=True, help="Read and write JSON Lines (corpus mode), streaming.")
@click.option("--field", default="text", show_default=True, help="With --jsonl: the field to restore.")
@click.option(
    "--skip-bad-lines", is_flag=True, help="With --jsonl: report a bad line, pass it through, go on."
)
@click.option(
    "--mask-symbols",
    default=_DEFAULTS.mask_symbols,
    show_default=True,
    help="Characters the filter wrote instead of the hidden ones.",
)
@click.option(
    "--candidates",
    default=_DEFAULTS.candidates,
    show_default=True,
    help="Characters the filter may have hidden (narrowed per document).",
)
@click.option(
    "--max-run",
    type=int,
    default=_DEFAULTS.max_run,
    show_default=True,
    help="Longer runs of mask symbols are redactions: reported, never filled.",
)
@click.option(
    "--min-confidence",
    type=float,
    default=_DEFAULTS.min_confidence,
    show_default=True,
    help="Masks below this confidence are left as they are and reported.",
)
@click.option(
    "--gap-marker",
    default=_DEFAULTS.gap_marker,
    help="Written where digits were deleted (default ⁇, U+2047); '' reports gaps without marking them.",
)
@click.option("--no-gaps", is_flag=True, help="Do not look for deleted digits.")
@click.option(
    "--lexicon",
    "lexicons",
    multiple=True,
    type=click.Path(),
    metavar="FILE",
    help="An extra lexicon file (repeatable).",
)
@click.option(
    "--model",
    type=click.Path(),
    metavar="FILE",
    help="A model built by 'restore learn'.",
)
@click.option(
    "--no-builtin-context",
    is_flag=True,
    help="Rank without the context model shipped with restore (learned from the People's Daily, 1998).",
)
@click.option(
    "--encoding", metavar="NAME", help="Input encoding (default: UTF-8, UTF-16 with BOM, or GB18030)."
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=0),
    default=1,
    show_default=True,
    metavar="N",
    help="Restore in N worker processes (0: one per CPU); output order is kept.",
)
@click.option(
    "--stats",
    "stats_file",
    metavar="FILE",
    help="Write the run's figures (documents, characters, masks, gaps, seconds) to FILE as JSON.",
)
@click.option(
    "-q", "--quiet", is_flag=True, help="No messages on stderr except errors (no progress bar, no summary)."
)
@click.version_option(__version__, "--version", prog_name="restore", message="%(prog)s %(version)s")
def cli(
    files: tuple[str, ...],
    output: str | None,
    in_place: bool,
    check: bool,
    diff: bool,
    fmt: str,
    jsonl: bool,
    field: str,
    skip_bad_lines: bool,
    mask_symbols: str,
    candidates: str,
    max_run: int,
    min_confidence: float,
    gap_marker: str,
    no_gaps: bool,
    lexicons: tuple[str, ...],
    model: str | None,
    no_builtin_context: bool,
    encoding: str | None,
    jobs: int,
    stats_file: str | None,
    quiet: bool,
) -> None:
    """Restore Chinese text whose characters a filter replaced with * (*建 -> 党建) and
    mark where a scraper deleted digits (截至年9月底 -> 截至⁇年9月底).

    FILES are read as bytes; none, or -, means stdin.
    """
    names = list(files) or [STDIN]
    _check_usage(names, output, in_place, check, diff, fmt, jsonl, encoding)
    config = RestoreConfig(
        mask_symbols=mask_symbols,
        candidates=candidates,
        max_run=max_run,
        min_confidence=min_confidence,
        gap_marker=gap_marker,
        lexicons=_paths(lexicons),
        model=_paths((model,))[0] if model else None,
        builtin_context=not no_builtin_context,
        find_gaps=not no_gaps,
    )
    try:
        restorer = Restorer(config)
        if lexicons or model:
            _ = restorer.ranker  # load now: a bad lexicon is one error, not one per file
    except (ValueError, OSError) as exc:
        raise CliError(str(exc)) from None

    report = Report(check=check, in_place=in_place)
    stdin = _binary(sys.stdin)
    stdout = _binary(sys.stdout)
    show = None if jsonl else "diff" if diff else "json" if fmt == "json" else "findings" if check else None
    write_text = not check and (show is None or output is not None or in_place)
    to_stdout = show is not None or (write_text and not in_place and output in (None, STDIN))
    # A bar on stderr when it is a terminal, unless the output itself goes to that terminal.
    terminal = not quiet and _is_terminal(sys.stderr)
    stats = stream.Stats()
    global _progress
    _progress = progress = stream.Progress(stats, terminal and not (to_stdout and _is_terminal(sys.stdout)))
    broken_pipe = False
    try:
        with _sink(output, stdout) as sink, stream.Workers(restorer, jobs or os.cpu_count() or 1) as workers:
            if jsonl:
                _restore_jsonl(
                    workers,
                    names,
                    field=field,
                    skip_bad_lines=skip_bad_lines,
                    report=report,
                    stats=stats,
                    progress=progress,
                    stdin=stdin,
                    sink=sink,
                )
            else:
                plain = _PlainText(
                    restorer,
                    show=show,
                    write_text=write_text,
                    in_place=in_place,
                    quiet=quiet,
                    report=report,
                    stats=stats,
                    progress=progress,
                    stdout=stdout,
                    sink=sink,
                )
                items = _plain_items(names, stdin, encoding, write_text, config.mask_symbols)
                try:
                    symbols = config.mask_symbols
                    needs = lambda item: any(s in item[0] for s in symbols)  # noqa: E731
                    for item in workers.map(_restore_chunk, items, needs):
                        plain.consume(item)
                finally:
                    plain.close()
        stdout.flush()
    except _Stop:
        pass
    except BrokenPipeError:
        # The reader went away (``restore big.txt | head``): stop quietly.
        broken_pipe = True
        _silence_stdout()
    except _broken_pool() as exc:
        report.errors += 1
        _error(f"restore: a worker process died ({exc}); try fewer --jobs")
    finally:
        progress.close()
        _progress = None
        stats.stop()
    if terminal and not broken_pipe:
        _error(stats.summary())
    if stats_file is not None:
        _write_stats(stats_file, stats, report)
    click.get_current_context().exit(report.exit_code)


def _broken_pool() -> type[BaseException]:
    """BrokenProcessPool, imported only when a pool was used (concurrent.futures is slow to import)."""
    if "concurrent.futures.process" in sys.modules:
        from concurrent.futures.process import BrokenProcessPool

        return BrokenProcessPool
    return _Never


class _Never(Exception):
    """Never raised: stands for BrokenProcessPool when no pool exists."""


def _write_stats(name: str, stats: stream.Stats, report: Report) -> None:
    import json

    figures = {**stats.to_json(), "exit_status": report.exit_code}
    try:
        with open(name, "w", encoding="utf-8") as fh:
            fh.write(json.dumps(figures, indent=2) + "\n")
    except OSError as exc:
        _error(f"{name}: {_os_message(exc)}")
        report.errors += 1


def _check_usage(
    names: Sequence[str],
    output: str | None,
    in_place: bool,
    check: bool,
    diff: bool,
    fmt: str,
    jsonl: bool,
    encoding: str | None,
) -> None:
    """Refuse option combinations that have no single meaning, before any input is read."""
    conflicts = [
        (in_place and output is not None, "--in-place and --output"),
        (check and output is not None, "--check and --output (--check changes nothing)"),
        (check and in_place, "--check and --in-place (--check changes nothing)"),
        (diff and fmt == "json", "--diff and --format json"),
        (
            jsonl and (check or diff or in_place or fmt == "json"),
            "--jsonl and --check/--diff/--in-place/--format json",
        ),
        (jsonl and encoding is not None, "--jsonl and --encoding (JSON Lines are UTF-8)"),
    ]
    for bad, what in conflicts:
        if bad:
            raise CliError(f"cannot combine {what}")
    if in_place and STDIN in names:
        raise CliError("--in-place needs file arguments, not stdin")
    if encoding is not None:
        try:
            textio.check_encoding(encoding)
        except LookupError:
            raise CliError(f"unknown encoding {encoding!r}") from None


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush does not fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # no real stdout (a test runner)
        pass


def main(argv: Sequence[str] | None = None) -> None:
    """Console entry point: ``restore [OPTIONS] [FILES]...`` or ``restore SUBCOMMAND ...``."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] == "learn" and "learn" not in SUBCOMMANDS:
        from .learn import learn_command  # imported only when asked for: it is not free

        SUBCOMMANDS["learn"] = learn_command
    if args and args[0] in SUBCOMMANDS:
        name = args.pop(0)
        SUBCOMMANDS[name].main(args, prog_name=f"restore {name}")
        return
    cli.main(args, prog_name="restore")
