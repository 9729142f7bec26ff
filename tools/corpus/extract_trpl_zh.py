"""Extract the Chinese translation of The Rust Programming Language (``KaiserY/trpl-zh-cn``) as plain Chinese text.

Keeps the chapters ``src/*.md`` (translated by the Rust Chinese community;
code removed); technical register. The repository now also holds an LLM
proof-reading prompt, so recent edits may be machine-assisted. Licence: MIT
(LICENSE: "MIT License Copyright (c) 2017-2025 Rust 中文社区").

Usage: python tools/corpus/extract_trpl_zh.py GITDIR COMMIT OUTDIR
"""

from __future__ import annotations

from _common import extract_docs, main_args


def keep(path: str) -> bool:
    """Which files are read."""
    return path.startswith("src/") and path.endswith(".md")


def main() -> None:
    """Run the extraction."""
    gitdir, commit, outdir = main_args()
    extract_docs(gitdir, commit, outdir, keep)


if __name__ == "__main__":
    main()
