"""JSON Lines inputs (corpus mode): each record's field restored, one output line per input line.

Records are streamed (memory stays flat) and batched for the workers; a record nothing
was found in is written as it came, with ``"edits": []`` added; a bad line stops the run,
or with ``--skip-bad-lines`` is reported and passed through.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import nullcontext
from typing import TYPE_CHECKING, Any, BinaryIO, NamedTuple

from .. import compress
from ..filterevidence import FilterEvidence, written_by
from .events import Failed, Opened
from .progress import Progress, Stats
from .reading import STDIN, STDIN_NAME, display, os_message
from .report import Report, Stop
from .workers import Passed, Workers

if TYPE_CHECKING:
    from ..config import RestoreConfig
    from ..pipeline import Restorer


class _BadLine(ValueError):
    """A JSON Lines record that cannot be restored (message without the path:line prefix)."""


#: Records per work item with --jobs > 1 (with one job, the records that have arrived,
#: so a co-process that writes one line and waits for its answer is answered at once).
JSONL_BATCH = 64


class Member(NamedTuple):
    """One member of a record's top-level object: its key, and where its value's text lies."""

    key: str
    start: int
    end: int
    value: Any


def _members(line: str) -> list[Member] | None:
    """The members of the JSON object ``line`` in order, duplicates included, with the span
    of each value; None when ``line`` is not one JSON object (:func:`_why_bad` says why).

    Numbers are kept as their text (:class:`_Number`): a 5,000-digit integer is valid
    JSON, and nothing here reads a number.
    """
    global _SCAN
    if _SCAN is None:
        import json.scanner

        decoder: Any = json.JSONDecoder(
            parse_int=_Number, parse_float=_Number
        )  # typeshed: make_scanner(context)
        _SCAN = json.scanner.make_scanner(decoder)
    from json.decoder import scanstring  # type: ignore[attr-defined]  # json.scanner uses it too

    n = len(line)
    pos = _skip(line, 0)
    if pos >= n or line[pos] != "{":
        return None
    pos = _skip(line, pos + 1)
    members: list[Member] = []
    if pos < n and line[pos] == "}":
        return members if _skip(line, pos + 1) == n else None
    try:
        while True:
            if pos >= n or line[pos] != '"':
                return None
            key, pos = scanstring(line, pos + 1)
            pos = _skip(line, pos)
            if pos >= n or line[pos] != ":":
                return None
            start = _skip(line, pos + 1)
            value, pos = _SCAN(line, start)
            members.append(Member(key, start, pos, value))
            pos = _skip(line, pos)
            if pos < n and line[pos] == ",":
                pos = _skip(line, pos + 1)
                continue
            if pos < n and line[pos] == "}":
                return members if _skip(line, pos + 1) == n else None
            return None
    except (StopIteration, ValueError, RecursionError):
        return None


class _Number(str):
    """A JSON number, kept as its text (never converted: 1e400 or 5,000 digits are valid JSON)."""

    __slots__ = ()


def _skip(line: str, pos: int) -> int:
    """The first position at or after ``pos`` that is not JSON white space."""
    while pos < len(line) and line[pos] in " \t\n\r":
        pos += 1
    return pos


#: The scanner of :func:`_members`, made on first use.
_SCAN: Any = None


def _why_bad(line: str) -> str:
    """The message for a line :func:`_members` could not read."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return f"invalid JSON ({exc.msg}: column {exc.colno})"
    except RecursionError:
        return "invalid JSON (nested too deeply)"
    except ValueError:
        return "invalid JSON"
    return f"expected a JSON object, got {type(record).__name__}"


_NO_COUNTS = {"masks": 0, "restored": 0, "unresolved": 0, "gaps": 0}


def _restore_record(
    restorer: Restorer,
    body: memoryview,
    field: str,
    edits_field: str = "edits",
    merge: bool = False,
    frame: tuple[str, str] = ("", "\n"),
    prior: dict[str, float] | None = None,
) -> tuple[bytes, int, dict[str, int]]:
    """One JSON Lines record: ``field`` restored (gaps not marked) and ``edits_field`` added.

    The output is the input line with two splices: the field's value, when a mask was
    filled, and the edits member, added before the closing brace (or, with ``merge``,
    appended to the array already there). Every other byte stays as it came: numbers,
    key order, duplicate keys, escapes, spacing. With duplicate keys the last one is
    the record's, as every JSON reader that keeps one takes it.

    Returns the output line between the two strings of ``frame`` (a BOM, the line
    ending), the length of the text and its counts. The record is read from a view of
    the input line and written in one join: a 30 MB record is copied as few times as
    can be (benchmarks/README.md, "Memory").
    """
    try:
        line = str(body, "utf-8")
    except UnicodeDecodeError as exc:
        raise _BadLine(f"invalid UTF-8 ({exc.reason} at byte {exc.start})") from None
    members = _members(line)
    if members is None:
        raise _BadLine(_why_bad(line))
    found = {m.key: m for m in members}
    if field not in found:
        raise _BadLine(f"no {field!r} field (name it with --field)")
    member = found[field]
    text = member.value
    if not isinstance(text, str) or isinstance(text, _Number):
        raise _BadLine(f"field {field!r} is not a string")
    old = found.get(edits_field)
    if old is not None and not merge:
        raise _BadLine(
            f"the record already has an {edits_field!r} field (use --edits-field NAME or --merge-edits)"
        )
    if old is not None and not isinstance(old.value, list):
        raise _BadLine(f"field {edits_field!r} is not a list; cannot merge edits into it")
    try:
        result = restorer.restore(text, mark_gaps=False, filter_prior=prior)
    except ValueError as exc:
        raise _BadLine(str(exc)) from None
    global _ENCODER
    if _ENCODER is None:
        _ENCODER = json.JSONEncoder(ensure_ascii=False)
    listed = ", ".join(_ENCODER.encode(e.to_json()) for e in result.edits)
    splices: list[tuple[int, int, str]] = []
    if result.text != text:
        splices.append((member.start, member.end, _json_string(result.text)))
    if old is None:
        close = line.rstrip(" \t\n\r")  # ends in "}": _members checked
        gap = "" if not members else ", "
        splices.append((len(close) - 1, len(close) - 1, f"{gap}{_ENCODER.encode(edits_field)}: [{listed}]"))
    elif listed:
        inner = line[old.start + 1 : old.end - 1]
        splices.append((old.end - 1, old.end - 1, (", " if inner.strip() else "") + listed))
    pieces = [frame[0]]
    done = 0
    for start, end, piece in sorted(splices):
        pieces += (line[done:start], piece)
        done = end
    pieces += (line[done:], frame[1])
    counts = result.counts() if result.edits else _NO_COUNTS
    return "".join(pieces).encode("utf-8"), len(text), counts


def _json_string(text: str) -> str:
    """``text`` as a JSON string (UTF-8, not ASCII-escaped); a lone surrogate, which the
    input held as an escape, is written back as one."""
    encoded: str = _ENCODER.encode(text)
    if _SURROGATE.search(encoded):
        encoded = _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", encoded)
    return encoded


_SURROGATE = re.compile("[\ud800-\udfff]")
#: A line of white space only (matched in place: stripping would copy a huge line).
_BLANK = re.compile(rb"\s*")


#: One JSON encoder for every record, made on first use (json.dumps would make one per call).
_ENCODER: Any = None


class Batch(NamedTuple):
    """A work item: numbered lines of one input (each as it came, newline and BOM
    included), the field to restore in each, and where its edits go; with each line,
    what the lines before it say about the input's filter (None: read page by page)."""

    lines: list[tuple[int, bytes]]
    field: str
    edits_field: str = "edits"
    merge: bool = False
    priors: list[dict[str, float] | None] | None = None


class LineOutcome(NamedTuple):
    """One line's outcome: the line to write, newline included (the input line itself
    when it is blank or bad), the error that makes it bad, and the figures of a
    restored record."""

    number: int
    line: bytes
    error: str | None
    characters: int
    counts: dict[str, int] | None


def restore_batch(restorer: Restorer, batch: Batch) -> list[LineOutcome]:
    """Worker side: restore a batch of numbered lines; a bad line comes back as itself with its error."""
    out: list[LineOutcome] = []
    priors = batch.priors or [None] * len(batch.lines)
    for (number, raw), prior in zip(batch.lines, priors):
        # The line's own ending (CRLF or LF; a last line without one gets LF) and a
        # leading BOM stay where they were; the record is what lies between.
        end = b"\r\n" if raw.endswith(b"\r\n") else b"\n"
        stop = len(raw) - (len(end) if raw.endswith(end) else 0)
        bom = b"\xef\xbb\xbf" if number == 1 and raw.startswith(b"\xef\xbb\xbf") else b""
        body = memoryview(raw)[len(bom) : stop]
        if _BLANK.fullmatch(body):
            out.append(LineOutcome(number, bom + bytes(body) + end, None, 0, None))
            continue
        try:
            line, characters, counts = _restore_record(
                restorer,
                body,
                batch.field,
                batch.edits_field,
                batch.merge,
                (bom.decode(), end.decode()),
                prior,
            )
        except _BadLine as exc:
            out.append(LineOutcome(number, bom + bytes(body) + end, str(exc), 0, None))
            continue
        out.append(LineOutcome(number, line, None, characters, counts))
    return out


def work_items(
    names: Sequence[str],
    stdin: BinaryIO,
    field_name: str,
    batch: int,
    edits_field: str = "edits",
    merge: bool = False,
    evidence: Callable[[], FilterEvidence] | None = None,
) -> Iterator[Batch | Passed]:
    """The work list: :class:`Opened` for each input, then its lines in numbered batches.

    ``batch`` 0: each batch is the lines that have arrived (:func:`_arrived_lines`), so a
    file goes in chunks and a co-process that writes one line and waits is answered at
    once. Otherwise batches of ``batch`` lines (the last one shorter).

    ``evidence`` makes a fresh :class:`FilterEvidence` for each input: each line goes
    out with what the lines before it in that input say about its filter, so a
    record's output never depends on how the lines were batched.
    """
    for name in names:
        try:
            source = nullcontext(stdin) if name == STDIN else compress.open_read(name)
        except OSError as exc:
            yield Failed(name, os_message(exc))
            continue
        yield Opened(name)
        seen = evidence() if evidence is not None else None
        # A line with no mask symbol and no earlier edits says nothing about the filter:
        # it is not parsed (clean text would pay for it, benchmarks/README.md).
        clues = [] if seen is None else _clues(seen.symbols, edits_field)
        try:
            with source as lines:
                pending: list[tuple[int, bytes]] = []
                priors: list[dict[str, float] | None] = []
                number = 0
                for arrived in _arrived_lines(lines):
                    for raw in arrived:
                        number += 1
                        pending.append((number, raw))
                        if seen is not None:
                            priors.append(seen.prior())
                            if len(raw) <= EVIDENCE_MAX_BYTES and any(s in raw for s in clues):
                                _observe(seen, raw, field_name, edits_field)
                        if batch and len(pending) >= batch:
                            yield Batch(pending, field_name, edits_field, merge, priors or None)
                            pending, priors = [], []
                    if not batch and pending:
                        yield Batch(pending, field_name, edits_field, merge, priors or None)
                        pending, priors = [], []
                if pending:
                    yield Batch(pending, field_name, edits_field, merge, priors or None)
        except OSError as exc:
            yield Failed(name, os_message(exc))


def evidence_per_input(
    config: RestoreConfig, made: list[FilterEvidence] | None = None
) -> Callable[[], FilterEvidence] | None:
    """What :func:`work_items` calls for each input to start its :class:`FilterEvidence`
    (None with ``--per-document``); each one made is appended to ``made``."""
    if config.per_document:
        return None

    def fresh() -> FilterEvidence:
        evidence = FilterEvidence(config.candidates, config.mask_symbols)
        if made is not None:
            made.append(evidence)
        return evidence

    return fresh


def _clues(symbols: str, edits_field: str) -> list[bytes]:
    """Bytes one of which a line must hold to say anything about the filter: a mask
    symbol, as it is or JSON-escaped (``\\uff0a``), or the edits of an earlier run."""
    clues = [f'"{edits_field}"'.encode()]
    for ch in dict.fromkeys(symbols):
        clues.append(ch.encode())
        if not ch.isascii():
            clues += [f"\\u{ord(ch):04x}".encode(), f"\\u{ord(ch):04X}".encode()]
    return clues


def _observe(evidence: FilterEvidence, raw: bytes, field_name: str, edits_field: str) -> None:
    """Count one line's field as a page of the input (a line that is not a record is
    skipped; the worker reports it). An earlier run's edits (``--merge-edits``) say which
    characters restore wrote: they were hidden, and do not count as shown.
    """
    try:
        record = json.loads(raw.removeprefix(b"\xef\xbb\xbf"))  # a first line's BOM
    except (ValueError, RecursionError):
        return
    text = record.get(field_name) if isinstance(record, dict) else None
    if not isinstance(text, str):
        return
    evidence.observe(text, written_by(record.get(edits_field)))


#: A longer line is not read for the filter evidence: parsing it in the parent as well
#: as in the worker would raise the peak memory of a 30 MB record by 7 % (benchmarks/README.md),
#: and a page that long reads its own filter surely.
EVIDENCE_MAX_BYTES = 8 << 20
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
    edits_field: str = "edits",
    merge_edits: bool = False,
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

    made: list[FilterEvidence] = []  # one per input, for the summary
    evidence = evidence_per_input(workers.restorer.config, made)
    items = work_items(names, stdin, field, batch, edits_field, merge_edits, evidence)
    for item in workers.map(restore_batch, items, needs_ranker):
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
    told = max(made, key=lambda e: e.pages, default=None)
    if told is not None and told.pages:
        stats.filter_hides, stats.filter_pages = told.hidden(), told.pages


def _write_lines(sink: BinaryIO, lines: list[bytes]) -> None:
    """Write ``lines`` (each ends in its newline) and flush."""
    if lines:
        sink.write(b"".join(lines))
    sink.flush()
