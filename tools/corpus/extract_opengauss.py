"""Extract openGauss documentation (``opengauss-mirror/docs``) as plain Chinese text.

Keeps the Chinese Markdown pages under ``content/zh/`` and
``content/docs-lite/zh/`` (database manuals written in Chinese; technical
register; repeated pages across versions are removed by line deduplication).
Licence: MIT (LICENSE).

Usage: python tools/corpus/extract_opengauss.py GITDIR COMMIT OUTDIR
"""

from __future__ import annotations

from _common import extract_markdown, main_args


def keep(path: str) -> bool:
    """Which files are read."""
    return path.startswith(("content/zh/", "content/docs-lite/zh/")) and path.endswith(".md")


def main() -> None:
    """Run the extraction."""
    gitdir, commit, outdir = main_args()
    extract_markdown(gitdir, commit, outdir, keep)


if __name__ == "__main__":
    main()
