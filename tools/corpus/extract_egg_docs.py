"""Extract the Egg.js documentation (``eggjs/egg``) as plain Chinese text.

Keeps the Markdown pages under ``site/docs/`` (Node.js framework guides; the
``*.zh-CN.md`` pages are in Chinese and English pages fall away through the
Han-character filter); technical register. Licence: MIT (LICENSE: "MIT
License Copyright (c) 2017-present Alibaba Group Holding Limited and other
contributors").

Usage: python tools/corpus/extract_egg_docs.py GITDIR COMMIT OUTDIR
"""

from __future__ import annotations

from _common import extract_docs, main_args


def keep(path: str) -> bool:
    """Which files are read."""
    return path.startswith("site/docs/") and path.endswith(".md")


def main() -> None:
    """Run the extraction."""
    gitdir, commit, outdir = main_args()
    extract_docs(gitdir, commit, outdir, keep)


if __name__ == "__main__":
    main()
