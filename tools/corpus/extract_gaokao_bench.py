"""Extract the Chinese exam texts of GAOKAO-Bench (``OpenLMLab/GAOKAO-Bench``).

``Data/Objective_Questions`` and ``Data/Subjective_Questions`` hold the
questions of the Chinese national college entrance examination 2010-2022 with
the official answer analyses (``question`` and ``analysis`` fields). Kept
subjects: Political Science (rich in 党/政府/企业/群众 vocabulary), History,
Geography, Biology and the modern-Chinese parts of the
Chinese-language paper (modern literature, literary and practical text reading
with their news/essay/fiction passages, language usage and writing). Skipped:
English, Math, Physics and Chemistry (formula-heavy), and the classical-Chinese / ancient-poetry / dictation files.
The ``Results`` folder (model outputs) is never read.
The text was extracted from PDFs, so hard line breaks and the spaces inserted
around CJK characters are removed; option letters stay.
Licence: Apache License 2.0 (repository LICENSE file).

Usage: python tools/corpus/extract_gaokao_bench.py GITDIR COMMIT OUTDIR
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from _common import Git, Writer, main_args

KEEP_RE = re.compile(
    r"Political_Science|History|Geography|Biology|Chinese_Modern_Lit|"
    r"Chinese_Lang_and_Usage|Literary_Text_Reading|Practical_Text_Reading|Language_and_Writing_Skills"
)
CJK = r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]"
SPACE_NEAR_CJK_RE = re.compile(rf"(?<={CJK})[ \t\u3000]+|[ \t\u3000]+(?={CJK})")


def clean(text: str) -> Iterator[str]:
    """Paragraphs of one PDF-extracted field: lines joined, CJK spacing removed."""
    text = text.replace("\r", "")
    for block in re.split(r"\n\s*\n", text):
        joined = re.sub(rf"(?<={CJK})\n|\n(?={CJK})", "", block).replace("\n", " ")
        joined = SPACE_NEAR_CJK_RE.sub("", joined).strip()
        if joined:
            yield joined


def items(data: dict[str, Any]) -> Iterator[str]:
    """Question and analysis texts of one file."""
    for example in data.get("example", []):
        for key in ("question", "analysis"):
            yield from clean(str(example.get(key) or ""))


def main() -> None:
    """Run the extraction."""
    gitdir, commit, outdir = main_args()
    git = Git(gitdir, commit)
    writer = Writer(outdir)
    for path in sorted(git.ls("Data")):
        if path.endswith(".json") and KEEP_RE.search(path):
            writer.add_all(items(json.loads(git.text(path))))
    writer.close()


if __name__ == "__main__":
    main()
