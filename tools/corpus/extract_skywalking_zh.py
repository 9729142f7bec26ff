"""Extract the Chinese SkyWalking documentation translation (``SkyAPM/document-cn-translation-of-skywalking``) as plain Chinese text.

Keeps the Markdown pages under ``docs/zh/`` (Apache SkyWalking documentation
translated into Chinese by the SkyAPM community; pages repeated across versions
are removed by line deduplication); technical register. Licence: Apache License
2.0 (LICENSE).

Usage: python tools/corpus/extract_skywalking_zh.py GITDIR COMMIT OUTDIR
"""

from __future__ import annotations

from _common import extract_docs, main_args


def keep(path: str) -> bool:
    """Which files are read."""
    return path.startswith("docs/zh/") and path.endswith(".md")


def main() -> None:
    """Run the extraction."""
    gitdir, commit, outdir = main_args()
    extract_docs(gitdir, commit, outdir, keep)


if __name__ == "__main__":
    main()
