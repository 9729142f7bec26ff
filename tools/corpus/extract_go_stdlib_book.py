"""Extract 《Go语言标准库》 (``polaris1119/The-Golang-Standard-Library-by-Example``) as plain Chinese text.

Keeps the chapter Markdown files (``chapter*/**.md``): a Chinese book that
explains the Go standard library by example, written by the author; code
removed; technical register. Licence: CC BY-SA 3.0 (README "版权声明":
"本书所有内容遵循 CC-BY-SA 3.0协议（署名-相同方式共享）"; no LICENSE file).

Usage: python tools/corpus/extract_go_stdlib_book.py GITDIR COMMIT OUTDIR
"""

from __future__ import annotations

from _common import extract_docs, main_args


def keep(path: str) -> bool:
    """Which files are read."""
    return path.startswith("chapter") and path.endswith(".md")


def main() -> None:
    """Run the extraction."""
    gitdir, commit, outdir = main_args()
    extract_docs(gitdir, commit, outdir, keep)


if __name__ == "__main__":
    main()
