"""``restore learn``: build a context model from the user's own text.

Clean text from the user's domain (their own archive, an undamaged mirror) shows
which candidate character goes between which neighbours. The model is small and
versioned (:mod:`restore.context`) and is used with ``restore --model FILE``.

A corpus with no clean twin can teach itself (``--damaged``): each document is
restored first, and the model learns from what the restorations and the visible text
show, never across a mask left alone. The confident cases of the whole corpus then
inform the doubtful ones in a second run with ``--model``: corpus-level agreement, in
two explicit, deterministic steps rather than a hidden dependence of one document's
output on the documents before it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

import click
import regex

from .config import RestoreConfig
from .context import ContextModel
from .pipeline import Restorer
from .textio import DecodeError, decode

EXIT_ERROR = 2


def iter_texts(paths: Iterable[Path], field: str | None = None) -> Iterator[str]:
    """Texts of plain files, or of the ``field`` of each JSONL line when ``field`` is set."""
    for path in paths:
        data = Path(path).read_bytes()
        text = decode(data, None).text
        if field is None:
            yield text
            continue
        # Lines end at \n only: str.splitlines would also cut at U+2028 and U+2029, which
        # JSON allows unescaped inside a string.
        for lineno, line in enumerate(text.split("\n"), 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{lineno}: invalid JSON ({exc.msg})") from None
            value = record.get(field) if isinstance(record, dict) else None
            if not isinstance(value, str):
                raise ValueError(f"{path}:{lineno}: no string field {field!r}")
            yield value


def self_taught_texts(texts: Iterable[str], config: RestoreConfig) -> Iterator[str]:
    """Each text restored (gaps left unmarked), cut at every mask left alone.

    What is left is text a person would accept: visible characters and restorations the
    tool was confident enough to write. A context never spans an unresolved mask, so
    the model cannot learn that a candidate sits beside a ``*``.
    """

    restorer = Restorer(replace(config, find_gaps=False))
    cut = regex.compile("[" + regex.escape(config.mask_symbols) + "]+")
    for text in texts:
        result = restorer.restore(text, mark_gaps=False)
        yield from (part for part in cut.split(result.text) if part)


@click.command(
    help="Build a context model from CLEAN text (files that were never damaged), for "
    "'restore --model MODEL'. Text with mask symbols in it is not clean: it is refused, "
    "unless --damaged says to learn from the corpus's own restorations.",
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.argument(
    "files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Where to write the model (gzip'd JSON).",
)
@click.option(
    "--candidates", default=RestoreConfig().candidates, show_default=True, help="The characters to model."
)
@click.option(
    "--jsonl",
    "field",
    flag_value="text",
    default=None,
    help="Files are JSON Lines; learn from their 'text' field.",
)
@click.option("--field", "field", help="Files are JSON Lines; learn from this field.")
@click.option(
    "--damaged",
    is_flag=True,
    help="The files are damaged text: restore each document first (with the defaults and "
    "--candidates) and learn from its restorations and visible text, never across a mask "
    "left alone. Then run 'restore --model MODEL' over the same corpus.",
)
def learn_command(
    files: tuple[Path, ...], output: Path, candidates: str, field: str | None, damaged: bool
) -> None:
    symbols = RestoreConfig().mask_symbols

    def clean_texts() -> Iterator[str]:
        for path in files:
            for text in iter_texts((path,), field):
                at = min((text.find(ch) for ch in symbols if ch in text), default=-1)
                if at >= 0:
                    where = f"line {text.count(chr(10), 0, at) + 1}" if field is None else "a record"
                    raise ValueError(
                        f"{path}: {where} holds a mask symbol ({text[at]}); learn from clean "
                        "text only (or pass --damaged)"
                    )
                yield text

    def restored_texts() -> Iterator[str]:
        yield from self_taught_texts(iter_texts(files, field), RestoreConfig(candidates=candidates))

    try:
        model = ContextModel.learn(restored_texts() if damaged else clean_texts(), candidates)
    except (OSError, ValueError, DecodeError) as exc:
        click.echo(f"restore learn: {exc}", err=True)
        raise SystemExit(EXIT_ERROR) from None
    model.save(output)
    counts = ", ".join(f"{c} {model.unigram.get(c, 0)}" for c in candidates)
    click.echo(f"restore learn: {output}: {model.chars} characters read; {counts}", err=True)
