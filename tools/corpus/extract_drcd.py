"""Extract the Wikipedia passages and questions of DRCD (``DRCKnowledgeTeam/DRCD``).

The Delta Reading Comprehension Dataset holds paragraphs of Traditional-Chinese
Wikipedia with questions written by annotators. Keeps each distinct passage
and question from the files present (``dev``, ``test``; ``training`` is over the
snapshot's 4 MiB limit and absent), converted to Simplified Chinese with OpenCC
``t2s``. Kind: encyclopedic.
Licence: CC BY-SA 3.0 (README "Copyright Notice": "compiled and adapted from
Wikipedia and its content is published under the terms of CC-BY-SA 3.0").

Usage: python tools/corpus/extract_drcd.py GITDIR COMMIT OUTDIR
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from _common import Git, Writer, main_args, t2s_converter


def squad_texts(data: dict[str, Any]) -> Iterator[str]:
    """Contexts and questions of a SQuAD-style file."""
    for article in data.get("data", []):
        for para in article.get("paragraphs", []):
            yield str(para.get("context", ""))
            for qa in para.get("qas", []):
                yield str(qa.get("question", ""))


def main() -> None:
    """Run the extraction."""
    gitdir, commit, outdir = main_args()
    git = Git(gitdir, commit)
    convert = t2s_converter()
    writer = Writer(outdir)
    for path in sorted(git.ls()):
        raw = git.read(path) if path.endswith(".json") else b""
        if raw:
            writer.add_all(convert(t) for t in squad_texts(json.loads(raw.decode("utf-8"))))
    writer.close()


if __name__ == "__main__":
    main()
