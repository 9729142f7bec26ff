"""``restore learn``: build a context model from the user's own clean text.

Clean text from the user's domain (their own archive, an undamaged mirror) shows
which candidate character goes between which neighbours. The model is small and
versioned (:mod:`restore.context`) and is used with ``restore --model FILE``.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

import click

from .config import RestoreConfig
from .context import ContextModel
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
        for lineno, line in enumerate(text.splitlines(), 1):
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


@click.command(
    help="Build a context model from CLEAN text (files that were never damaged), for "
    "'restore --model MODEL'. Text with mask symbols in it is not clean: it is refused.",
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Where to write the model (gzip'd JSON).")
@click.option("--candidates", default=RestoreConfig().candidates, show_default=True,
              help="The characters to model.")
@click.option("--jsonl", "field", flag_value="text", default=None,
              help="Files are JSON Lines; learn from their 'text' field.")
@click.option("--field", "field", help="Files are JSON Lines; learn from this field.")
def learn_command(files: tuple[Path, ...], output: Path, candidates: str, field: str | None) -> None:
    symbols = RestoreConfig().mask_symbols

    def clean_texts() -> Iterator[str]:
        for text in iter_texts(files, field):
            if any(ch in text for ch in symbols):
                raise ValueError("the input holds mask symbols (*); learn from clean text only")
            yield text

    try:
        model = ContextModel.learn(clean_texts(), candidates)
    except (OSError, ValueError, DecodeError) as exc:
        click.echo(f"restore learn: {exc}", err=True)
        raise SystemExit(EXIT_ERROR) from None
    model.save(output)
    counts = ", ".join(f"{c} {model.unigram.get(c, 0)}" for c in candidates)
    click.echo(f"restore learn: {output}: {model.chars} characters read; {counts}", err=True)
