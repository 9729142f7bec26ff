"""Extract doocs/advanced-java as plain Chinese text.

Keeps the Markdown articles under ``docs/`` (Java back-end interview notes
written in Chinese; technical register). Licence: CC BY-SA 4.0 (LICENSE).

Usage: python tools/corpus/extract_advanced_java.py GITDIR COMMIT OUTDIR
"""

from __future__ import annotations

from _common import extract_markdown, main_args


def keep(path: str) -> bool:
    """Which files are read."""
    return path.startswith("docs/") and path.endswith(".md")


def main() -> None:
    """Run the extraction."""
    gitdir, commit, outdir = main_args()
    extract_markdown(gitdir, commit, outdir, keep)


if __name__ == "__main__":
    main()
