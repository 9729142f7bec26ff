"""Extract the openEuler documentation (``openeuler-mirror/docs``) as plain Chinese text.

Keeps the Chinese Markdown pages under ``docs/zh/`` (operating-system manuals
written in Chinese); technical register. Licence: CC BY-SA 4.0 (LICENSE).

Usage: python tools/corpus/extract_openeuler_docs.py GITDIR COMMIT OUTDIR
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
