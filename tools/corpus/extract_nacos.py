"""Extract the Nacos website (``nacos-group/nacos-group.github.io``) as plain Chinese text.

Keeps the Markdown pages under ``src/content/`` (Nacos documentation and blog
posts; the English pages fall away through the Han-character filter);
technical/blog register. Licence: Apache License 2.0 (LICENSE).

Usage: python tools/corpus/extract_nacos.py GITDIR COMMIT OUTDIR
"""

from __future__ import annotations

from _common import extract_docs, main_args


def keep(path: str) -> bool:
    """Which files are read."""
    return path.startswith("src/content/") and path.endswith((".md", ".mdx"))


def main() -> None:
    """Run the extraction."""
    gitdir, commit, outdir = main_args()
    extract_docs(gitdir, commit, outdir, keep)


if __name__ == "__main__":
    main()
