"""``--check`` over JSON Lines: findings per record, nothing written but the findings.

Each finding reads ``PATH:LINE: id=ID: FIELD[OFFSET]: mask * ==> 党 (0.97)``: LINE is the
record's line in the file (1-based), ID its ``id`` field (left out when it has none),
OFFSET the finding's code-point offset in the record's field. A ``.jsonl`` file (or
``.jsonl.gz``, ``.xz``, ``.zst``) given to ``--check`` is checked this way even without
``--jsonl``, so records written with ``ensure_ascii`` are read as JSON, not as text.
A bad line is reported as ``PATH:LINE: ...`` and the check goes on with the next line.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, BinaryIO, NamedTuple

from .. import render
from .events import Failed, Opened
from .jsonl import Batch, evidence_per_input, work_items
from .progress import Progress, Stats
from .reading import STDIN_NAME, display
from .report import Report

if TYPE_CHECKING:
    from ..ignore import Acceptor
    from ..model import Result
    from ..pipeline import Restorer
    from .workers import Workers


class Checked(NamedTuple):
    """One line checked: its id (as shown), its result, or the error that makes it bad."""

    number: int
    id: str | None
    result: Result | None
    error: str | None


def _parse(body: bytes, field: str) -> tuple[str | None, str]:
    """(id, text) of a record. Raises ValueError with the message for a bad line."""
    try:
        record: Any = json.loads(body.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise ValueError(f"invalid UTF-8 ({exc.reason} at byte {exc.start})") from None
    except json.JSONDecodeError as exc:
        raise ValueError(f"invalid JSON ({exc.msg}: column {exc.colno})") from None
    except (RecursionError, ValueError):
        raise ValueError("invalid JSON (nested too deeply, or a number too long)") from None
    if not isinstance(record, dict):
        raise ValueError(f"expected a JSON object, got {type(record).__name__}")
    text = record.get(field)
    if not isinstance(text, str):
        raise ValueError(f"no string field {field!r} (name it with --field)")
    ident = record.get("id")
    return (None if ident is None else str(ident)), text


def check_batch(restorer: Restorer, batch: Batch) -> list[Checked]:
    """Worker side: each record of the batch restored (gaps not marked), nothing written."""
    out: list[Checked] = []
    priors = batch.priors or [None] * len(batch.lines)
    for (number, body), prior in zip(batch.lines, priors):
        if not body.strip():
            continue
        try:
            ident, text = _parse(body, batch.field)
            result = restorer.restore(text, mark_gaps=False, filter_prior=prior)
            out.append(Checked(number, ident, result, None))
        except ValueError as exc:
            out.append(Checked(number, None, None, str(exc)))
    return out


def check_jsonl(
    workers: Workers,
    names: Sequence[str],
    *,
    field: str,
    report: Report,
    stats: Stats,
    progress: Progress,
    stdin: BinaryIO,
    out: BinaryIO,
    accept: Acceptor | None = None,
) -> None:
    """Print the findings of every record of ``names``; count damaged files and bad lines."""
    path = STDIN_NAME
    damaged_here = False
    symbols = [ch.encode("utf-8") for ch in workers.restorer.config.mask_symbols]

    def needs_ranker(item: Batch) -> bool:
        return any(s in body for _, body in item.lines for s in symbols)

    batch = 0 if workers.jobs == 1 else 64
    items = work_items(names, stdin, field, batch, evidence=evidence_per_input(workers.restorer.config))
    for item in workers.map(check_batch, items, needs_ranker):
        if isinstance(item, Opened):
            path, damaged_here = display(item.name), False
            continue
        if isinstance(item, Failed):
            progress.message(f"{display(item.name)}: {item.message}")
            report.errors += 1
            stats.errors += 1
            continue
        assert isinstance(item, list)
        lines: list[str] = []
        for number, ident, result, error in item:
            if result is None:
                progress.message(f"{path}:{number}: {error}")
                report.errors += 1
                stats.errors += 1
                continue
            if accept is not None:
                key = f"{path}:{ident}" if ident is not None else path
                result = accept.accept(key, result, continued=False)
            stats.documents += 1
            stats.add(len(result.source), result.counts())
            if result.damaged and not damaged_here:
                damaged_here = True
                report.damaged += 1
            where = f"{path}:{number}: " + (f"id={ident}: " if ident is not None else "")
            for edit in result.edits:
                if not edit.is_damage:
                    continue
                lines.append(f"{where}{field}[{edit.start}]: {render.describe(edit, result.source)}")
        if lines:
            out.write("".join(line + "\n" for line in lines).encode("utf-8"))
            out.flush()
        progress.update()
