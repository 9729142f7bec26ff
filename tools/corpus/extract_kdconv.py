"""Extract the dialogues of KdConv (``thu-coai/KdConv``).

KdConv is a knowledge-grounded Chinese multi-turn conversation corpus written by
crowd workers about films, music and travel. Keeps every utterance of the
``dev``/``test`` splits (the ``train`` files are over the snapshot's 4 MiB limit
and absent) one per line, plus the long free-text values (descriptions of
films, singers and sights, taken from encyclopedic sources) of the knowledge
bases that are present. Chat register plus short encyclopedic prose.
Licence: Apache License 2.0 (repository LICENSE file).

Usage: python tools/corpus/extract_kdconv.py GITDIR COMMIT OUTDIR
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from _common import Git, Writer, han_count, main_args


def utterances(data: list[dict[str, Any]]) -> Iterator[str]:
    """The messages and the long knowledge values cited by each dialogue."""
    for dialog in data:
        for msg in dialog.get("messages", []):
            yield str(msg.get("message", ""))
            for attr in msg.get("attrs", []):
                value = str(attr.get("attrvalue", ""))
                if han_count(value) >= 20:
                    yield value


def kb_values(data: dict[str, list[list[str]]]) -> Iterator[str]:
    """Free-text values (at least 20 Han characters) of a knowledge base."""
    for triples in data.values():
        for triple in triples:
            value = str(triple[-1])
            if han_count(value) >= 20:
                yield from re.split(r"\s*#\s*", value)


def main() -> None:
    """Run the extraction."""
    gitdir, commit, outdir = main_args()
    git = Git(gitdir, commit)
    writer = Writer(outdir)
    for path in sorted(git.ls("data")):
        if not path.endswith(".json"):
            continue
        raw = git.read(path)
        if not raw:
            continue
        data = json.loads(raw.decode("utf-8"))
        if path.split("/")[-1].startswith("kb_"):
            writer.add_all(kb_values(data))
        else:
            writer.add_all(utterances(data))
    writer.close()


if __name__ == "__main__":
    main()
