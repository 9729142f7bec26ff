"""The ``restore`` command: click only. Options, their combinations, messages, exit codes.

Everything that decides *what* to restore lives in the library (:class:`restore.Restorer`);
running it over files and JSON Lines lives in :mod:`restore.runs`; how a result *looks*
lives in :mod:`restore.render`. This module parses the command line into a
:class:`~restore.runs.RunOptions`, and turns library errors into one-line messages on
stderr.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, BinaryIO, TextIO, cast

import click

from . import __version__, paths, runs, settings, textio
from .config import RestoreConfig
from .pipeline import Restorer
from .runs.reading import STDIN
from .runs.report import EXIT_CLEAN, EXIT_DAMAGE, EXIT_ERROR
from .runs.signals import Signalled, signals_stop_the_run

if TYPE_CHECKING:
    from collections import Counter
    from pathlib import Path

__all__ = ["EXIT_CLEAN", "EXIT_DAMAGE", "EXIT_ERROR", "EXIT_INTERRUPTED", "SUBCOMMANDS", "cli", "main"]

#: Ctrl-C (SIGINT): 128 + 2, as shells report it; never 1, which means damage found.
EXIT_INTERRUPTED = 130

#: Subcommands, dispatched by :func:`main` on the first argument before any file is
#: parsed: ``restore learn ...`` runs ``SUBCOMMANDS["learn"]``. Register one with
#: ``SUBCOMMANDS["learn"] = learn_command`` (a ``click.Command``). A file that happens to
#: have such a name stays reachable as ``restore -- learn`` or ``restore ./learn``.
SUBCOMMANDS: dict[str, click.Command] = {}

_DEFAULTS = RestoreConfig()

EPILOG = f"""\b
Output (one of; to stdout, or to FILE with -o; text also with --in-place):
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
  Folders are walked; options may be set in restore.toml or [tool.restore]
  of pyproject.toml; 'restore: ignore' on a line, or --baseline FILE,
  accepts a finding (docs/usage.md).
\b
Subcommands:
  restore learn FILES... -o MODEL   build a model from your own text
                                    (restore learn --help)
\b
Exit status:
  {EXIT_CLEAN}  nothing to repair
  {EXIT_DAMAGE}  damage found with --check, or files rewritten with --in-place
  {EXIT_ERROR}  usage or input error (the other files are still processed)
  {EXIT_INTERRUPTED}  interrupted (Ctrl-C)
"""


class CliError(click.ClickException):
    """A one-line ``Error: ...`` on stderr and exit status 2."""

    exit_code = EXIT_ERROR


def _binary(stream: TextIO) -> BinaryIO:
    """The byte stream under a text stream (click's test runner provides one too)."""
    return cast(BinaryIO, getattr(stream, "buffer", stream))


def _paths(names: Sequence[str]) -> tuple[Path, ...]:
    """``names`` as paths; pathlib is imported here, not at start-up (a run without
    --lexicon or --model never needs it)."""
    if not names:
        return ()
    from pathlib import Path

    return tuple(Path(name) for name in names)


# -- the command ---------------------------------------------------------------------------------


class _ConfiguredCommand(click.Command):
    """A command whose defaults come from the config file (:mod:`restore.settings`), found
    before the arguments are parsed, so that the command line wins."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not ctx.resilient_parsing:
            try:
                ctx.default_map = {**(ctx.default_map or {}), **settings.default_map(self, args)}
            except settings.ConfigError as exc:
                if not {"-h", "--help", "--version"} & set(args):  # those still answer
                    raise CliError(str(exc)) from None
        return super().parse_args(ctx, args)

    def invoke(self, ctx: click.Context) -> object:
        """Ctrl-C exits 130 (click's own handling exits 1, which means damage found)."""
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            click.echo("restore: interrupted", err=True)
            raise click.exceptions.Exit(EXIT_INTERRUPTED) from None


@click.command(
    cls=_ConfiguredCommand,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
    epilog=EPILOG,
)
@click.argument("files", nargs=-1, type=click.Path(dir_okay=True, allow_dash=True))
@click.option(
    "-o",
    "--output",
    metavar="FILE",
    help="Write what the mode produces (text, findings, diff or JSON) to FILE, replaced atomically.",
)
@click.option("--in-place", is_flag=True, help="Rewrite each changed file atomically, keeping its mode.")
@click.option(
    "--check",
    is_flag=True,
    help="Print findings and change nothing; exit 1 if damage is found (.jsonl files: per record).",
)
@click.option("--diff", is_flag=True, help="Print an annotated diff of the changed lines.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="json: one JSON report per file, one object per line.",
)
@click.option(
    "--jsonl",
    is_flag=True,
    help="Read and write JSON Lines (corpus mode), streaming; .gz, .xz and .zst by extension.",
)
@click.option("--field", default="text", show_default=True, help="With --jsonl: the field to restore.")
@click.option(
    "--edits-field",
    default="edits",
    show_default=True,
    metavar="NAME",
    help="With --jsonl: the field the edits are added as (a record that has it already is an error).",
)
@click.option(
    "--merge-edits", is_flag=True, help="With --jsonl: add the edits to an existing edits field's list."
)
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
    help="Characters the filter may have hidden (at most 8; narrowed per document).",
)
@click.option(
    "--per-document",
    is_flag=True,
    help="With --jsonl: read each record's filter from that record alone (the default "
    "takes one input's records to share a filter; use this when it mixes filters).",
)
@click.option(
    "--symbol-width",
    type=click.Choice(["auto", "1", "2"]),
    default="auto",
    show_default=True,
    help="Mask symbols the filter wrote per hidden character (auto: inferred per page).",
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
    "--gap-min-confidence",
    type=float,
    default=_DEFAULTS.gap_min_confidence,
    show_default=True,
    help="Numeric gaps below this confidence are neither marked nor reported.",
)
@click.option(
    "--gap-marker",
    default=_DEFAULTS.gap_marker,
    help="Written where digits were deleted (default ⁇, U+2047); '' reports gaps without marking them.",
)
@click.option(
    "--ascii-gap-marker",
    default=textio.ASCII_GAP_MARKER,
    show_default=True,
    help="Written instead of --gap-marker in a file whose encoding cannot hold it (GBK: ⁇).",
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
    help="Rank with the word lattice alone and find gaps by the rules alone, without the models shipped with restore.",
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
@click.option(
    "--progress",
    is_flag=True,
    help="Draw the progress bar on stderr (by default only when stderr is a terminal and stdout a file).",
)
@click.option(
    "--color",
    type=click.Choice(["auto", "always", "never"]),
    default="auto",
    show_default=True,
    help="Colour the diff (auto: on a terminal, unless NO_COLOR is set or FORCE_COLOR is).",
)
@click.option(
    "--exclude",
    "excludes",
    multiple=True,
    metavar="GLOB",
    help="Leave out files and folders matching GLOB (gitignore syntax; repeatable).",
)
@click.option(
    "--extensions",
    metavar="LIST",
    help=f"Which files a folder is walked for (default {','.join(paths.TEXT_EXTENSIONS)}, and with "
    f"--check also {','.join(paths.JSONL_EXTENSIONS)}; with --jsonl only those).",
)
@click.option("--no-gitignore", is_flag=True, help="Walk folders without honouring .gitignore files.")
@click.option(
    "--files-from",
    metavar="FILE",
    help="Read the names of the inputs from FILE, one per line ('-': stdin).",
)
@click.option("-0", "--null", is_flag=True, help="With --files-from: names are separated by NUL bytes.")
@click.option(
    "--config",
    metavar="PATH",
    expose_value=False,
    help="Read options from PATH (default: restore.toml or [tool.restore] in pyproject.toml, "
    "from here upwards).",
)
@click.option("--no-config", is_flag=True, expose_value=False, help="Read no config file.")
@click.option(
    "--baseline",
    metavar="FILE",
    help="Accept the findings listed in FILE (keyed on their context, not their line).",
)
@click.option(
    "--write-baseline",
    is_flag=True,
    help="With --check: write this run's findings to the --baseline FILE, accepting them all.",
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
    edits_field: str,
    merge_edits: bool,
    skip_bad_lines: bool,
    mask_symbols: str,
    candidates: str,
    symbol_width: str,
    per_document: bool,
    max_run: int,
    min_confidence: float,
    gap_min_confidence: float,
    gap_marker: str,
    ascii_gap_marker: str,
    no_gaps: bool,
    lexicons: tuple[str, ...],
    model: str | None,
    no_builtin_context: bool,
    encoding: str | None,
    jobs: int,
    stats_file: str | None,
    quiet: bool,
    progress: bool,
    color: str,
    excludes: tuple[str, ...],
    extensions: str | None,
    no_gitignore: bool,
    files_from: str | None,
    null: bool,
    baseline: str | None,
    write_baseline: bool,
) -> None:
    """Restore Chinese text whose characters a filter replaced with * (*建 -> 党建) and
    mark where a scraper deleted digits (截至年9月底 -> 截至⁇年9月底).

    FILES are read as bytes; none, or -, means stdin. A folder is walked for text files
    (--extensions), honouring .gitignore and --exclude.
    """
    listed = list(files)
    if files_from is not None:
        listed += _read_files_from(files_from, null)
    elif null:
        raise CliError("-0/--null needs --files-from")
    if STDIN in listed and files_from == STDIN:
        raise CliError("cannot read both the names (--files-from -) and a text from stdin")
    names = listed or ([] if files_from is not None else [STDIN])
    _check_usage(names, output, in_place, check, diff, fmt, jsonl, encoding)
    if jsonl and field == edits_field:
        raise CliError(f"--field and --edits-field are both {field!r}: the edits would overwrite the text")
    if not ascii_gap_marker.isascii() or any(ch.isdigit() or ch in mask_symbols for ch in ascii_gap_marker):
        raise CliError("--ascii-gap-marker must be ASCII, with no digit and no mask symbol")
    if extensions is not None:
        walk_for = paths.parse_extensions(extensions)
    else:
        walk_for = paths.default_extensions(jsonl=jsonl, check_records=check and not diff and fmt != "json")
    expanded = paths.expand(names, extensions=walk_for, exclude=excludes, gitignore=not no_gitignore)
    names = expanded.names
    if not names and not expanded.errors:
        if not quiet:
            click.echo("restore: no files to restore", err=True)
        click.get_current_context().exit(EXIT_CLEAN)
    _hint_on_terminal(names, quiet)
    accepted = _read_baseline(baseline, write_baseline, check)
    if stats_file is not None:
        _check_writable(stats_file, "--stats")
    config = RestoreConfig(
        mask_symbols=mask_symbols,
        candidates=candidates,
        symbol_width=0 if symbol_width == "auto" else int(symbol_width),
        per_document=per_document,
        max_run=max_run,
        min_confidence=min_confidence,
        gap_min_confidence=gap_min_confidence,
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

    options = runs.RunOptions(
        names=tuple(names),
        output=output,
        in_place=in_place,
        check=check,
        show=_show(jsonl=jsonl, diff=diff, fmt=fmt, check=check),
        jsonl=jsonl,
        field=field,
        edits_field=edits_field,
        merge_edits=merge_edits,
        skip_bad_lines=skip_bad_lines,
        encoding=encoding,
        jobs=jobs,
        stats_file=stats_file,
        quiet=quiet,
        color=color,
        progress=progress,
        unreadable=tuple(expanded.errors),
        baseline=accepted,
        write_baseline=baseline if write_baseline else None,
        ascii_gap_marker=ascii_gap_marker,
    )
    stdin, stdout = _streams(options)
    try:
        with signals_stop_the_run():
            report = runs.run(restorer, options, stdin, stdout)
    except runs.RunError as exc:
        raise CliError(str(exc)) from None
    except Signalled as exc:
        # Every ``with`` on the way here has run: temporary files are gone, workers killed.
        click.echo(f"restore: stopped by {exc.name}", err=True)
        click.get_current_context().exit(128 + exc.signum)
    click.get_current_context().exit(report.exit_code)


def _read_baseline(name: str | None, write: bool, check: bool) -> Counter[tuple[str, str, str]] | None:
    if write and (name is None or not check):
        raise CliError("--write-baseline needs --check and --baseline FILE")
    if name is None or write:
        return None
    from . import ignore

    try:
        return ignore.read_baseline(name)
    except OSError as exc:
        raise CliError(f"{name}: {exc.strerror or exc} (given with --baseline)") from None
    except ValueError as exc:
        raise CliError(str(exc)) from None


def _check_writable(name: str, option: str) -> None:
    """Refuse a file that cannot be written before anything is read or printed."""
    import os

    existed = os.path.exists(name)
    try:
        with open(name, "a", encoding="utf-8"):
            pass
    except OSError as exc:
        raise CliError(f"{name}: {exc.strerror or exc} (given with {option})") from None
    if not existed:
        os.remove(name)


def _streams(options: runs.RunOptions) -> tuple[BinaryIO, BinaryIO]:
    """stdin and stdout as byte streams; a closed one is an error only when the run needs it."""
    import io

    if sys.stdin is None and STDIN in options.names:
        raise CliError("stdin is closed; name the files to read")
    if sys.stdout is None and options.to_stdout:
        raise CliError("stdout is closed; use -o FILE or --in-place")
    stdin = _binary(sys.stdin) if sys.stdin is not None else io.BytesIO()
    stdout = _binary(sys.stdout) if sys.stdout is not None else cast(BinaryIO, io.BytesIO())
    return stdin, stdout


def _show(*, jsonl: bool, diff: bool, fmt: str, check: bool) -> runs.Show | None:
    """What the run prints besides restored text (JSON Lines print nothing else)."""
    if jsonl:
        return None
    if diff:
        return runs.Show.DIFF
    if fmt == "json":
        return runs.Show.JSON
    if check:
        return runs.Show.FINDINGS
    return None


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
        (check and in_place, "--check and --in-place (--check changes nothing)"),
        (diff and fmt == "json", "--diff and --format json"),
        (
            jsonl and (diff or in_place or fmt == "json"),
            "--jsonl and --diff/--in-place/--format json",
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


def _read_files_from(name: str, null: bool) -> list[str]:
    """The names listed in ``--files-from`` FILE (``-``: stdin)."""
    try:
        if name == STDIN:
            return paths.read_files_from(_binary(sys.stdin), null=null)
        with open(name, "rb") as fh:
            return paths.read_files_from(fh, null=null)
    except OSError as exc:
        raise CliError(f"{name}: {exc.strerror or exc} (given with --files-from)") from None


def _hint_on_terminal(names: Sequence[str], quiet: bool) -> None:
    """Bare ``restore`` on a terminal would wait silently for text: say so, on one line."""
    if not quiet and STDIN in names and runs.is_terminal(sys.stdin):
        click.echo(
            "restore: reading text from the terminal; end it with Ctrl-D, or give FILES (restore --help)",
            err=True,
        )


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
    try:
        cli.main(args, prog_name="restore")
    except SystemExit as exc:
        from .runs import workers

        if workers.ABANDONED:  # a dead worker's pool: joining its threads at exit could hang
            code = exc.code if isinstance(exc.code, int) else EXIT_ERROR
            for stream in (sys.stdout, sys.stderr):
                try:
                    stream.flush()
                except (OSError, ValueError):
                    pass
            os._exit(code)
        raise
