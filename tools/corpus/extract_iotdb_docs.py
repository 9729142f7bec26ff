"""Extract the Apache IoTDB documentation (``apache/iotdb-docs``) as plain Chinese text.

Keeps the Chinese Markdown pages under ``src/zh/`` (time-series database user
guides written in Chinese; pages repeated across versions are removed by line
deduplication); technical register. Licence: Apache License 2.0 (LICENSE).

Usage: python tools/corpus/extract_iotdb_docs.py GITDIR COMMIT OUTDIR
"""

from __future__ import annotations

from _common import extract_docs, main_args


def keep(path: str) -> bool:
    """Which files are read."""
    return path.startswith("src/zh/") and path.endswith(".md")


def main() -> None:
    """Run the extraction."""
    gitdir, commit, outdir = main_args()
    extract_docs(gitdir, commit, outdir, keep)


if __name__ == "__main__":
    main()
