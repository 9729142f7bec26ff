"""Extract CS 自学指南 (``PKUFlyingPig/cs-self-learning``) as plain Chinese text.

Keeps the Chinese Markdown pages under ``docs/`` except the ``*.en.md`` English
versions (course reviews and study advice for self-taught computer science,
written by contributors in Chinese); technical/review register. Licence: MIT
(LICENSE: "MIT License Copyright © <2021> <copyright Yinmin Zhong>").

Usage: python tools/corpus/extract_cs_self_learning.py GITDIR COMMIT OUTDIR
"""

from __future__ import annotations

from _common import extract_docs, main_args


def keep(path: str) -> bool:
    """Which files are read."""
    return path.startswith("docs/") and path.endswith(".md") and not path.endswith(".en.md")


def main() -> None:
    """Run the extraction."""
    gitdir, commit, outdir = main_args()
    extract_docs(gitdir, commit, outdir, keep)


if __name__ == "__main__":
    main()
