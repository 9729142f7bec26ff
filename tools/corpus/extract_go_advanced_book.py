"""Extract 《Go语言高级编程》 (``chai2010/advanced-go-programming-book``) as plain Chinese text.

Keeps the chapter Markdown files (``ch*/**.md``, ``appendix/**.md``): a Chinese
book on advanced Go programming written by its authors; code removed;
technical register. Licence: BSD 2-Clause (LICENSE: "BSD 2-Clause License
Copyright (c) 2017, chai2010").

Usage: python tools/corpus/extract_go_advanced_book.py GITDIR COMMIT OUTDIR
"""

from __future__ import annotations

from _common import extract_docs, main_args


def keep(path: str) -> bool:
    """Which files are read."""
    return path.startswith(("ch", "appendix/")) and path.endswith(".md")


def main() -> None:
    """Run the extraction."""
    gitdir, commit, outdir = main_args()
    extract_docs(gitdir, commit, outdir, keep)


if __name__ == "__main__":
    main()
