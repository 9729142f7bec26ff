"""Extract doocs/source-code-hunter as plain Chinese text.

Keeps the Markdown articles under ``docs/`` (walk-throughs of the Spring,
MyBatis, Netty, Dubbo and JDK source code, written in Chinese; code removed);
technical register. Licence: CC BY-SA 4.0 (LICENSE: "Attribution-ShareAlike 4.0
International").

Usage: python tools/corpus/extract_source_code_hunter.py GITDIR COMMIT OUTDIR
"""

from __future__ import annotations

from _common import extract_docs, main_args


def keep(path: str) -> bool:
    """Which files are read."""
    return path.startswith("docs/") and path.endswith(".md")


def main() -> None:
    """Run the extraction."""
    gitdir, commit, outdir = main_args()
    extract_docs(gitdir, commit, outdir, keep)


if __name__ == "__main__":
    main()
