"""Extract the Chinese Vue 2 documentation (``vuejs/v2.cn.vuejs.org``) as plain Chinese text.

Keeps the Markdown pages under ``src/`` (Vue 2 guide, API reference, style
guide and cookbook translated into Chinese by the Vue Chinese community);
technical register. Licence: MIT (LICENSE: "The MIT License (MIT) Copyright
(c) 2013-present Yuxi Evan You").

Usage: python tools/corpus/extract_vue2_zh.py GITDIR COMMIT OUTDIR
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
