"""Extract CS-Notes (``CyC2018/CS-Notes``) as plain Chinese text.

Keeps the Markdown notes under ``notes/`` (computer-science interview notes on
algorithms, operating systems, networks, databases, Java and system design,
written in Chinese; code removed); technical register. Licence: CC BY-SA 4.0
(LICENSE: "Attribution-ShareAlike 4.0 International").

Usage: python tools/corpus/extract_cs_notes.py GITDIR COMMIT OUTDIR
"""

from __future__ import annotations

from _common import extract_docs, main_args


def keep(path: str) -> bool:
    """Which files are read."""
    return path.startswith("notes/") and path.endswith(".md")


def main() -> None:
    """Run the extraction."""
    gitdir, commit, outdir = main_args()
    extract_docs(gitdir, commit, outdir, keep)


if __name__ == "__main__":
    main()
