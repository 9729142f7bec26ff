"""Extract JavaGuide (``Snailclimb/JavaGuide``) as plain Chinese text.

Keeps the Markdown articles under ``docs/`` (Java, databases, system design and
interview notes, written by people in Chinese; technical register). The
``docs/ai*`` folders are skipped because recent AI-topic pages may be
machine-assisted. Licence: Apache License 2.0 (LICENSE file).

Usage: python tools/corpus/extract_javaguide.py GITDIR COMMIT OUTDIR
"""

from __future__ import annotations

from _common import extract_markdown, main_args


def keep(path: str) -> bool:
    """Which files are read."""
    return (
        path.startswith("docs/")
        and path.endswith(".md")
        and not path.startswith(("docs/ai", "docs/about-the-author"))
    )


def main() -> None:
    """Run the extraction."""
    gitdir, commit, outdir = main_args()
    extract_markdown(gitdir, commit, outdir, keep)


if __name__ == "__main__":
    main()
