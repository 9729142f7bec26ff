"""JSON Lines inputs (corpus mode): each record's field restored, one output line per input line.

Records are streamed (memory stays flat) and batched for the workers; a record nothing
was found in is written as it came, with ``"edits": []`` added; a bad line stops the run,
or with ``--skip-bad-lines`` is reported and passed through.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from contextlib import nullcontext
from typing import TYPE_CHECKING, Any, BinaryIO, NamedTuple

from .. import compress
from .events import Failed, Opened
from .progress import Progress, Stats
from .reading import STDIN, STDIN_NAME, display, os_message
from .report import Report, Stop
from .workers import Passed, Workers

if TYPE_CHECKING:
    from ..pipeline import Restorer


class _BadLine(ValueError):
    """A JSON Lines record that cannot be restored (message without the path:line prefix)."""


#: Records per work item with --jobs > 1 (with one job, the records that have arrived,
#: so a co-process that writes one line and waits for its answer is answered at once).
JSONL_BATCH = 64


def _restore_record(restorer: Restorer, body: bytes, field: str) -> tuple[bytes, int, dict[str, int]]:
    """One JSON Lines record: ``field`` restored (gaps not marked), ``edits`` set, the rest kept.

    Returns the output line (without newline), the length of the text and its counts.
    """
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


#: The start of an escaped UTF-16 surrogate, found with one regex search rather than
#: two ``in`` tests (benchmarks/README.md).
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD]")


#: One JSON encoder for every record, made on first use (json.dumps would make one per call).
_ENCODER: Any = None


class Batch(NamedTuple):
    """A work item: numbered lines of one input, and the field to restore in each."""

    lines: list[tuple[int, bytes]]
    field: str


class LineOutcome(NamedTuple):
    """One line's outcome: the line to write (the input line itself when it is blank or
    bad), the error that makes it bad, and the figures of a restored record."""

    number: int
    line: bytes
    error: str | None
    characters: int
    counts: dict[str, int] | None


def restore_batch(restorer: Restorer, batch: Batch) -> list[LineOutcome]:
    """Worker side: restore a batch of numbered lines; a bad line comes back as itself with its error."""
    out: list[LineOutcome] = []
    for number, body in batch.lines:
        if not body.strip():
            out.append(LineOutcome(number, body, None, 0, None))
            continue
        try:
            line, characters, counts = _restore_record(restorer, body, batch.field)
        except _BadLine as exc:
            out.append(LineOutcome(number, body, str(exc), 0, None))
            continue
        out.append(LineOutcome(number, line, None, characters, counts))
    return out


def work_items(
    names: Sequence[str], stdin: BinaryIO, field_name: str, batch: int
) -> Iterator[Batch | Passed]:
    """The work list: :class:`Opened` for each input, then its lines in numbered batches.

    ``batch`` 0: each batch is the lines that have arrived (:func:`_arrived_lines`), so a
    file goes in chunks and a co-process that writes one line and waits is answered at
    once. Otherwise batches of ``batch`` lines (the last one shorter).
    """
    for name in names:
        try:
            source = nullcontext(stdin) if name == STDIN else compress.open_read(name)
        except OSError as exc:
            yield Failed(name, os_message(exc))
            continue
        yield Opened(name)
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
                            yield Batch(pending, field_name)
                            pending = []
                    if not batch and pending:
                        yield Batch(pending, field_name)
                        pending = []
                if pending:
                    yield Batch(pending, field_name)
        except OSError as exc:
            yield Failed(name, os_message(exc))


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


def restore_jsonl(
    workers: Workers,
    names: Sequence[str],
    *,
    field: str,
    skip_bad_lines: bool,
    report: Report,
    stats: Stats,
    progress: Progress,
    stdin: BinaryIO,
    sink: BinaryIO,
) -> None:
    """Stream records (memory stays flat); one output line per input line, in order."""
    batch = 0 if workers.jobs == 1 else JSONL_BATCH
    path = STDIN_NAME
    symbols = [ch.encode("utf-8") for ch in workers.restorer.config.mask_symbols]

    def needs_ranker(item: Batch) -> bool:
        return any(s in body for _, body in item.lines for s in symbols)

    for item in workers.map(restore_batch, work_items(names, stdin, field, batch), needs_ranker):
        if isinstance(item, Opened):
            path = display(item.name)
            continue
        if isinstance(item, Failed):
            path = display(item.name)
            progress.message(f"{path}: {item.message}")
            report.errors += 1
            stats.errors += 1
            continue
        assert isinstance(item, list)
        done: list[bytes] = []  # written with one call per batch: the lines, each ended
        for number, line, error, characters, counts in item:
            if error is not None:
                progress.message(f"{path}:{number}: {error}")
                stats.errors += 1
                if not skip_bad_lines:
                    report.errors += 1
                    _write_lines(sink, done)  # the lines before the bad one
                    raise Stop
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
