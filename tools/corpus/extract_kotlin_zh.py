"""Extract the Chinese Kotlin documentation (``hltj/kotlin-web-site-cn``) as plain Chinese text.

Keeps the Markdown pages under ``docs/topics/`` (the Kotlin reference and
guides translated into Chinese by the community); technical register.
Licence: Apache License 2.0 (LICENSE).

Usage: python tools/corpus/extract_kotlin_zh.py GITDIR COMMIT OUTDIR
"""

from __future__ import annotations

from _common import extract_docs, main_args


def keep(path: str) -> bool:
    """Which files are read."""
    return path.startswith("docs/topics/") and path.endswith(".md")


def main() -> None:
    """Run the extraction."""
    gitdir, commit, outdir = main_args()
    extract_docs(gitdir, commit, outdir, keep)


if __name__ == "__main__":
    main()
