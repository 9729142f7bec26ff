"""Extract the prose of OI Wiki (``OI-wiki/OI-wiki``) as plain Chinese text.

Keeps every ``docs/**/*.md`` page (algorithm and competitive-programming
encyclopedia, written collaboratively by people) with code blocks, maths,
markup and URLs stripped: technical/encyclopedic register. The README states
that everything but the code is under CC BY-SA 4.0 (plus the SATA licence).

Usage: python tools/corpus/extract_oiwiki.py GITDIR COMMIT OUTDIR
"""

from __future__ import annotations

from _common import extract_markdown, main_args


def keep(path: str) -> bool:
    """Markdown pages under docs/."""
    return path.startswith("docs/") and path.endswith(".md")


def main() -> None:
    """Run the extraction."""
    gitdir, commit, outdir = main_args()
    extract_markdown(gitdir, commit, outdir, keep)


if __name__ == "__main__":
    main()
