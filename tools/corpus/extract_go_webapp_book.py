"""Extract 《Go Web 编程》 (``astaxie/build-web-application-with-golang``) as plain Chinese text.

Keeps the Simplified-Chinese edition ``zh/**.md`` (a book on building web
applications with Go, written in Chinese by the author; code removed);
technical register. Licence: CC BY-SA 3.0 for the book text (README: "Book
License: CC BY-SA 3.0 License"; the code is under BSD 3-Clause, LICENSE.md).

Usage: python tools/corpus/extract_go_webapp_book.py GITDIR COMMIT OUTDIR
"""

from __future__ import annotations

from _common import extract_docs, main_args


def keep(path: str) -> bool:
    """Which files are read."""
    return path.startswith("zh/") and path.endswith(".md")


def main() -> None:
    """Run the extraction."""
    gitdir, commit, outdir = main_args()
    extract_docs(gitdir, commit, outdir, keep)


if __name__ == "__main__":
    main()
