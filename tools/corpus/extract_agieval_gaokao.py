"""Extract the Chinese gaokao questions of AGIEval (``ruixiangcui/AGIEval``).

``data/v1/gaokao-{chinese,history,geography,biology}.jsonl`` hold questions of
the Chinese college entrance examination: modern-Chinese reading passages
(essays, news, fiction, practical texts) with their questions, and history,
geography and biology questions. Keeps the ``passage`` and ``question`` fields
(``__`` emphasis marks removed). Skipped: the English, math, physics and
chemistry files; the LogiQA (CC BY-NC-SA) and JEC-QA (legal exam, research-only)
files; and every model output. Part of the questions overlap with
``gaokao_bench``; both folders are deduplicated separately.
Licence: ``data/v1/LICENSE`` section "Gaokao, SAT": MIT License,
"Copyright (c) Microsoft Corporation".

Usage: python tools/corpus/extract_agieval_gaokao.py GITDIR COMMIT OUTDIR
"""

from __future__ import annotations

import json
import re

from _common import Git, Writer, main_args

FILES = ("gaokao-chinese", "gaokao-history", "gaokao-geography", "gaokao-biology")


def main() -> None:
    """Run the extraction."""
    gitdir, commit, outdir = main_args()
    git = Git(gitdir, commit)
    writer = Writer(outdir)
    for name in FILES:
        for line in git.text(f"data/v1/{name}.jsonl").splitlines():
            if not line.strip():
                continue
            item = json.loads(line)
            for key in ("passage", "question"):
                text = str(item.get(key) or "").replace("__", "")
                for para in re.split(r"\s*\n\s*", text):
                    writer.add(para)
    writer.close()


if __name__ == "__main__":
    main()
