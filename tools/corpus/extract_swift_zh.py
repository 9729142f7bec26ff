"""Extract the Chinese translation of The Swift Programming Language (``SwiftGGTeam/the-swift-programming-language-in-chinese``) as plain Chinese text.

Keeps the Markdown chapters under ``TSPL.docc/`` (translated by the SwiftGG
volunteer team; code removed); technical register. Licence: Apache License
2.0 (LICENSE.txt).

Usage: python tools/corpus/extract_swift_zh.py GITDIR COMMIT OUTDIR
"""

from __future__ import annotations

from _common import extract_docs, main_args


def keep(path: str) -> bool:
    """Which files are read."""
    return path.startswith("TSPL.docc/") and path.endswith(".md")


def main() -> None:
    """Run the extraction."""
    gitdir, commit, outdir = main_args()
    extract_docs(gitdir, commit, outdir, keep)


if __name__ == "__main__":
    main()
