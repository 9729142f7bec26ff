"""The ``restore`` command: click only. Arguments, bytes in and out, messages, exit codes.

Everything that decides *what* to restore lives in the library (:class:`restore.Restorer`);
everything that decides how a result *looks* lives in :mod:`restore.render`; bytes and
encodings live in :mod:`restore.textio`. This module wires them to files and streams
and turns library errors into one-line messages on stderr.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, TextIO, cast

import click

from . import __version__, render, textio
from .config import DEFAULT_GAP_MARKER, RestoreConfig
from .pipeline import Restorer

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


def _error(message: str) -> None:
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


def _read(name: str, stdin: BinaryIO) -> bytes:
    if name == STDIN:
        return stdin.read()
    with open(name, "rb") as fh:
        return fh.read()


def _use_color(stream: object) -> bool:
    """Colour only for a terminal, and never when NO_COLOR is set (https://no-color.org)."""
    if os.environ.get("NO_COLOR"):
        return False
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty and isatty())
    except ValueError:
        return False


# -- whole documents -----------------------------------------------------------------------------


def _restore_files(
    restorer: Restorer,
    names: Sequence[str],
    *,
    encoding: str | None,
    show: str | None,
    write_text: bool,
    in_place: bool,
    quiet: bool,
    report: Report,
    stdin: BinaryIO,
    stdout: BinaryIO,
    sink: BinaryIO,
) -> None:
    """Restore each file whole; ``show`` is what goes to stdout: findings, diff, json or None."""
    color = show == "diff" and _use_color(sys.stdout)
    marker = restorer.config.gap_marker or DEFAULT_GAP_MARKER
    for name in names:
        path = _display(name)
        try:
            decoded = textio.decode(_read(name, stdin), encoding)
            result = restorer.restore(decoded.text, mark_gaps=write_text)
            restored = textio.encode(result.text, decoded) if write_text else b""
        except OSError as exc:
            _error(f"{path}: {_os_message(exc)}")
            report.errors += 1
            continue
        except ValueError as exc:  # DecodeError, EncodeError, bad options
            _error(f"{path}: {exc}")
            report.errors += 1
            continue

        report.damaged += result.damaged
        if show == "findings":
            text = "".join(line + "\n" for line in render.findings(path, result))
        elif show == "diff":
            text = render.annotated_diff(path, result, color, gap_marker=marker)
        elif show == "json":
            text = json.dumps(render.json_report(path, result), ensure_ascii=False) + "\n"
        else:
            text = ""
        if text:
            stdout.write(text.encode("utf-8"))

        if not write_text:
            continue
        if not in_place:
            sink.write(restored)
            continue
        if not result.changed:
            continue
        try:
            if textio.is_read_only(name):
                _error(f"{path}: file is read-only; not rewritten")
                report.errors += 1
                continue
            textio.write_atomic(name, restored)
        except OSError as exc:
            _error(f"{path}: cannot rewrite: {_os_message(exc)}")
            report.errors += 1
            continue
        report.changed += 1
        if not quiet:
            _error(render.summary(path, result))


# -- JSON Lines ----------------------------------------------------------------------------------


def _restore_record(restorer: Restorer, body: bytes, field: str) -> bytes:
    """One JSON Lines record: ``field`` restored (gaps not marked), ``edits`` set, the rest kept."""
    try:
        record = json.loads(body.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise _BadLine(f"invalid UTF-8 ({exc.reason} at byte {exc.start})") from None
    except json.JSONDecodeError as exc:
        raise _BadLine(f"invalid JSON ({exc.msg}: column {exc.colno})") from None
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
    record[field] = result.text
    record["edits"] = [e.to_json() for e in result.edits]
    return json.dumps(record, ensure_ascii=False).encode("utf-8")


def _restore_jsonl(
    restorer: Restorer,
    names: Sequence[str],
    *,
    field: str,
    skip_bad_lines: bool,
    report: Report,
    stdin: BinaryIO,
    sink: BinaryIO,
) -> None:
    """Stream records line by line (memory stays flat); one output line per input line, in order."""
    for name in names:
        path = _display(name)
        try:
            stream = nullcontext(stdin) if name == STDIN else open(name, "rb")  # noqa: SIM115 (with below)
        except OSError as exc:
            _error(f"{path}: {_os_message(exc)}")
            report.errors += 1
            continue
        with stream as lines:
            for number, raw in enumerate(lines, 1):
                body = raw.rstrip(b"\r\n")
                if number == 1 and body.startswith(b"\xef\xbb\xbf"):
                    body = body[3:]
                if not body.strip():
                    sink.write(body + b"\n")
                    continue
                try:
                    out = _restore_record(restorer, body, field)
                except _BadLine as exc:
                    _error(f"{path}:{number}: {exc}")
                    if not skip_bad_lines:
                        report.errors += 1
                        raise _Stop from None
                    out = body
                sink.write(out + b"\n")
                sink.flush()


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
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    metavar="FILE",
    help="An extra lexicon file (repeatable).",
)
@click.option(
    "--model",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    metavar="FILE",
    help="A model built by 'restore learn'.",
)
@click.option(
    "--encoding", metavar="NAME", help="Input encoding (default: UTF-8, UTF-16 with BOM, or GB18030)."
)
@click.option("-q", "--quiet", is_flag=True, help="No messages on stderr except errors.")
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
    lexicons: tuple[Path, ...],
    model: Path | None,
    encoding: str | None,
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
        lexicons=tuple(lexicons),
        model=model,
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
    try:
        with _sink(output, stdout) as sink:
            if jsonl:
                _restore_jsonl(
                    restorer,
                    names,
                    field=field,
                    skip_bad_lines=skip_bad_lines,
                    report=report,
                    stdin=stdin,
                    sink=sink,
                )
            else:
                show = "diff" if diff else "json" if fmt == "json" else "findings" if check else None
                _restore_files(
                    restorer,
                    names,
                    encoding=encoding,
                    show=show,
                    write_text=not check and (show is None or output is not None or in_place),
                    in_place=in_place,
                    quiet=quiet,
                    report=report,
                    stdin=stdin,
                    stdout=stdout,
                    sink=sink,
                )
        stdout.flush()
    except _Stop:
        pass
    except BrokenPipeError:
        # The reader went away (``restore big.txt | head``): stop quietly.
        _silence_stdout()
    click.get_current_context().exit(report.exit_code)


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
    from .learn import learn_command

    SUBCOMMANDS.setdefault("learn", learn_command)
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in SUBCOMMANDS:
        name = args.pop(0)
        SUBCOMMANDS[name].main(args, prog_name=f"restore {name}")
        return
    cli.main(args, prog_name="restore")
