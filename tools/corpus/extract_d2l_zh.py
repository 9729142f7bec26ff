"""Extract 《动手学深度学习》 (``d2l-ai/d2l-zh``) as plain Chinese text.

Keeps the book chapters (``chapter_*/*.md``), dropping code cells, maths and
markup: a human-written Chinese textbook on deep learning (technical
register). Licence file: Apache License 2.0.

Usage: python tools/corpus/extract_d2l_zh.py GITDIR COMMIT OUTDIR
"""

from __future__ import annotations

from _common import extract_markdown, main_args


def keep(path: str) -> bool:
    """Which files are read."""
    return path.startswith("chapter_") and path.endswith(".md")


def main() -> None:
    """Run the extraction."""
    gitdir, commit, outdir = main_args()
    extract_markdown(gitdir, commit, outdir, keep)


if __name__ == "__main__":
    main()
