"""Extract freeCodeCamp Chinese news translations (``freeCodeCamp/news-translation``) as plain Chinese text.

Keeps the translated articles under ``chinese/`` (tech blog posts translated
into Chinese by volunteers; blog/technical register). Licence: CC BY-SA 4.0
(LICENSE.md).

Usage: python tools/corpus/extract_fcc_news.py GITDIR COMMIT OUTDIR
"""

from __future__ import annotations

from _common import extract_markdown, main_args


def keep(path: str) -> bool:
    """Which files are read."""
    return path.startswith("chinese/") and path.endswith(".md")


def main() -> None:
    """Run the extraction."""
    gitdir, commit, outdir = main_args()
    extract_markdown(gitdir, commit, outdir, keep)


if __name__ == "__main__":
    main()
