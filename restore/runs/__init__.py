"""Running the restorer over inputs: plain-text files in chunks, or JSON Lines records.

The CLI (:mod:`restore.cli`) parses options into a :class:`RunOptions` and calls
:func:`run`, which returns the :class:`~restore.runs.report.Report` whose exit code the
CLI exits with. The modules, in the order data flows through them:

* :mod:`~restore.runs.reading`: an input as a stream of decoded text pieces;
* :mod:`~restore.runs.chunks`: text cut into chunks that end at a line break;
* :mod:`~restore.runs.workers`: an ordered map over worker processes;
* :mod:`~restore.runs.plain` and :mod:`~restore.runs.jsonl`: the two kinds of run;
* :mod:`~restore.runs.progress`: statistics, the progress bar, messages;
* :mod:`~restore.runs.report`: what happened, and the exit code.
"""

from __future__ import annotations

import os
import sys
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from functools import partial
from typing import TYPE_CHECKING, BinaryIO

from .. import atomic, compress, ignore
from ..paths import JSONL_EXTENSIONS, has_extension
from . import plain
from .plain import Show
from .progress import Measure, Progress, Stats
from .reading import STDIN, os_message
from .report import Report, Stop
from .workers import Workers

if TYPE_CHECKING:
    from ..pipeline import Restorer

__all__ = ["RunError", "RunOptions", "Show", "run"]


class RunError(Exception):
    """The run cannot start or finish (an ``--output`` file cannot be written): one line."""


@dataclass(frozen=True)
class RunOptions:
    """How to run, as the command line asked (the CLI checks the combinations)."""

    names: tuple[str, ...]
    output: str | None = None
    in_place: bool = False
    check: bool = False
    show: Show | None = None
    jsonl: bool = False
    field: str = "text"
    #: With ``jsonl``: the member the edits go in, and whether an existing one is added to.
    edits_field: str = "edits"
    merge_edits: bool = False
    skip_bad_lines: bool = False
    encoding: str | None = None
    jobs: int = 1
    stats_file: str | None = None
    quiet: bool = False
    #: ``--color``: auto, always or never.
    color: str = "auto"
    #: ``--progress``: draw the bar whatever stderr and stdout are.
    progress: bool = False
    #: Messages for entries of the command line that could not be read (a folder
    #: that cannot be listed): reported first, each counted as an error.
    unreadable: tuple[str, ...] = ()
    #: Findings accepted by ``--baseline`` (:func:`restore.ignore.read_baseline`).
    baseline: Counter[tuple[str, str, str]] | None = None
    #: ``--write-baseline``: the file the run's findings are written to, as accepted.
    write_baseline: str | None = None
    #: Written instead of the gap marker in a file whose encoding cannot hold it.
    ascii_gap_marker: str = "??"

    @property
    def write_text(self) -> bool:
        """Whether restored text is written anywhere (stdout, ``-o`` or in place)."""
        return not self.check and (self.show is None or self.in_place)

    @property
    def to_stdout(self) -> bool:
        """Whether anything goes to stdout (``-o`` takes what the mode produces)."""
        if self.output not in (None, STDIN):
            return False
        return self.show is not None or (self.write_text and not self.in_place)


def run(restorer: Restorer, options: RunOptions, stdin: BinaryIO, stdout: BinaryIO) -> Report:
    """Restore every input as ``options`` say; messages go to stderr, one line each."""
    report = Report(check=options.check, in_place=options.in_place)
    terminal = not options.quiet and is_terminal(sys.stderr)
    stats = Stats(check=options.check)
    enabled = wants_progress(options, sys.stderr, sys.stdout)
    progress = Progress(stats, enabled, measure=_measure(options, stats) if enabled else None)
    for message in options.unreadable:
        progress.message(message)
        report.errors += 1
        stats.errors += 1
    broken_pipe = False
    accept = ignore.Acceptor(
        options.baseline, record=options.write_baseline is not None, gap_marker=restorer.config.gap_marker
    )
    try:
        jobs = options.jobs or os.cpu_count() or 1
        with _sink(options.output, stdout, report, progress) as sink, Workers(restorer, jobs) as workers:
            if options.check:
                # A .jsonl file is checked record by record, with or without --jsonl (with
                # --diff or --format json it is shown as text, as those show text).
                by_record = options.show is Show.FINDINGS or options.jsonl
                records = [
                    n
                    for n in options.names
                    if by_record and (options.jsonl or has_extension(n, JSONL_EXTENSIONS))
                ]
                by_records = set(records)
                texts = tuple(n for n in options.names if n not in by_records)
                if texts:
                    plain_options = replace(options, names=texts)
                    _restore_plain(
                        restorer, workers, plain_options, report, stats, progress, stdin, stdout, sink, accept
                    )
                if records:
                    from .jsonl_check import check_jsonl

                    check_jsonl(
                        workers,
                        records,
                        field=options.field,
                        report=report,
                        stats=stats,
                        progress=progress,
                        stdin=stdin,
                        out=stdout if options.to_stdout else sink,
                        accept=accept,
                    )
            elif options.jsonl:
                # Imported here: a plain run (a pre-commit hook's) does not pay for it at start-up.
                from . import jsonl

                jsonl.restore_jsonl(
                    workers,
                    options.names,
                    field=options.field,
                    edits_field=options.edits_field,
                    merge_edits=options.merge_edits,
                    skip_bad_lines=options.skip_bad_lines,
                    report=report,
                    stats=stats,
                    progress=progress,
                    stdin=stdin,
                    sink=sink,
                )
            else:
                _restore_plain(
                    restorer, workers, options, report, stats, progress, stdin, stdout, sink, accept
                )
        stdout.flush()
    except Stop:
        pass
    except BrokenPipeError:
        # The reader went away (``restore big.txt | head``): stop quietly.
        broken_pipe = True
        _silence_stdout()
    except _broken_pool() as exc:
        report.errors += 1
        progress.message(f"restore: a worker process died ({exc}); try fewer --jobs")
    except OSError as exc:
        # Writing the output failed (a full disk, stdout on /dev/full): one line, status 2.
        report.errors += 1
        progress.message(f"restore: cannot write the output ({os_message(exc)})")
        _silence_stdout()
    finally:
        progress.close()
        stats.stop()
    if terminal and not broken_pipe:
        progress.message(stats.summary())
    if options.write_baseline is not None and not report.errors:
        try:
            ignore.write_baseline(options.write_baseline, accept.recorded)
        except OSError as exc:
            progress.message(f"{options.write_baseline}: {os_message(exc)}")
            report.errors += 1
    if options.stats_file is not None:
        _write_stats(options.stats_file, stats, report, progress)
    return report


def _measure(options: RunOptions, stats: Stats) -> Measure | None:
    """What the bar can count against a known total: files, when there are several text
    files; bytes, when the JSON Lines inputs are all files (stdin's size is not known)."""
    names = options.names
    if options.jsonl or (options.check and any(has_extension(n, JSONL_EXTENSIONS) for n in names)):
        if STDIN in names or not all(has_extension(n, JSONL_EXTENSIONS) for n in names):
            return None
        try:
            total = sum(os.path.getsize(n) for n in names)
        except OSError:
            return None
        start = compress.BytesRead.count
        return Measure(total, "B", lambda: compress.BytesRead.count - start)
    if len(names) > 1:
        return Measure(len(names), "file", lambda: stats.documents + stats.errors)
    return None


def _restore_plain(
    restorer: Restorer,
    workers: Workers,
    options: RunOptions,
    report: Report,
    stats: Stats,
    progress: Progress,
    stdin: BinaryIO,
    stdout: BinaryIO,
    sink: BinaryIO,
    accept: ignore.Acceptor | None = None,
) -> None:
    consumer = plain.PlainText(
        restorer,
        show=options.show,
        color=use_color(sys.stdout if options.to_stdout else None, options.color),
        write_text=options.write_text,
        in_place=options.in_place,
        quiet=options.quiet,
        report=report,
        stats=stats,
        progress=progress,
        stdout=stdout if options.to_stdout or options.show is None else sink,
        sink=sink,
        accept=accept,
    )
    symbols = restorer.config.mask_symbols
    markers = (restorer.config.gap_marker, options.ascii_gap_marker)
    items = plain.work_items(
        options.names, stdin, options.encoding, options.write_text, symbols, markers, keep=options.in_place
    )
    try:
        for item in workers.map(plain.restore_chunk, items, partial(plain.needs_ranker, symbols)):
            consumer.consume(item)
    finally:
        consumer.close()


@contextmanager
def _sink(output: str | None, stdout: BinaryIO, report: Report, progress: Progress) -> Iterator[BinaryIO]:
    """Where restored text goes: stdout, or FILE replaced atomically once everything is written.

    FILE is replaced only when every input was read and restored: an input that fails
    (undecodable after its first megabyte, a bad JSON line) leaves the old FILE as it was.
    """
    if output is None or output == STDIN:
        yield stdout
        return
    try:
        writer = atomic.AtomicWriter(output)
        fh = writer.__enter__()
    except OSError as exc:
        raise RunError(f"{output}: {os_message(exc)}") from None
    kind = compress.compression(output)
    out = compress.wrap_write(kind, fh) if kind else fh
    try:
        yield out
        if out is not fh:
            out.close()  # ends the compressed stream; the file itself is closed below
    except BaseException:
        writer.__exit__(*sys.exc_info())
        raise
    if report.errors and writer.tmp is not None:
        writer.__exit__(Stop, None, None)  # drops the temporary file
        progress.message(f"{output}: not written (an input failed); left as it was")
        return
    try:
        writer.__exit__(None, None, None)
    except OSError as exc:
        raise RunError(f"{output}: {os_message(exc)}") from None


def use_color(stream: object, mode: str = "auto") -> bool:
    """``--color always`` or ``never`` decide; ``auto``: never when NO_COLOR is set
    (https://no-color.org), always when FORCE_COLOR is (https://force-color.org), else
    only for a terminal."""
    if mode != "auto":
        return mode == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return is_terminal(stream)


def wants_progress(options: RunOptions, stderr: object, stdout: object) -> bool:
    """The bar is drawn on a terminal's stderr while stdout goes to a file, or with
    --progress. Not when stdout is that terminal, nor a pipe: whatever reads the pipe
    (``| head``, ``| less -R``) may be drawing on the same terminal."""
    if options.progress:
        return True
    if options.quiet or not is_terminal(stderr):
        return False
    return not (options.to_stdout and (is_terminal(stdout) or _is_pipe(stdout)))


def _is_pipe(stream: object) -> bool:
    import stat

    try:
        return stat.S_ISFIFO(os.fstat(stream.fileno()).st_mode)  # type: ignore[attr-defined]
    except (OSError, ValueError, AttributeError):
        return False


def is_terminal(stream: object) -> bool:
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty and isatty())
    except ValueError:
        return False


def _broken_pool() -> type[BaseException]:
    """BrokenProcessPool, imported only when a pool was used (concurrent.futures is slow to import)."""
    if "concurrent.futures.process" in sys.modules:
        from concurrent.futures.process import BrokenProcessPool

        return BrokenProcessPool
    return _Never


class _Never(Exception):
    """Never raised: stands for BrokenProcessPool when no pool exists."""


def _write_stats(name: str, stats: Stats, report: Report, progress: Progress) -> None:
    import json  # only with --stats: start-up of a plain run is measured (benchmarks/README.md)

    figures = {**stats.to_json(), "exit_status": report.exit_code}
    try:
        with open(name, "w", encoding="utf-8") as fh:
            fh.write(json.dumps(figures, indent=2) + "\n")
    except OSError as exc:
        progress.message(f"{name}: {os_message(exc)}")
        report.errors += 1


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush does not fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # no real stdout (a test runner)
        pass
