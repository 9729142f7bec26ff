"""Extract the Chinese Vue.js documentation (``vuejs-translations/docs-zh-cn``) as plain Chinese text.

Keeps the Markdown pages under ``src/`` (Vue 3 guide, API reference and
tutorial translated into Chinese by community volunteers); technical register.
Licence: CC BY 4.0 (LICENSE: "The contents of this repository, except for all
image files, are licensed under CC BY 4.0").

Usage: python tools/corpus/extract_vue_zh.py GITDIR COMMIT OUTDIR
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
