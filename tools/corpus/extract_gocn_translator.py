"""Extract the GoCN translation group's articles (``gocn/translator``) as plain Chinese text.

Keeps the Markdown articles in the year folders (``20*/**.md``): Go
programming blog posts translated into Chinese by volunteers (the English
originals stored alongside are dropped by the Han-character filter);
technical/blog register. Licence: Apache License 2.0 (LICENSE).

Usage: python tools/corpus/extract_gocn_translator.py GITDIR COMMIT OUTDIR
"""

from __future__ import annotations

from _common import extract_docs, main_args


def keep(path: str) -> bool:
    """Which files are read."""
    return path[:2] == "20" and path.endswith(".md")


def main() -> None:
    """Run the extraction."""
    gitdir, commit, outdir = main_args()
    extract_docs(gitdir, commit, outdir, keep)


if __name__ == "__main__":
    main()
