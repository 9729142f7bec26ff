"""Extract the Tars documentation (``TarsCloud/TarsDocs``) as plain Chinese text.

Keeps every Markdown page (Tars RPC framework documentation, mostly written in
Chinese; English pages fall away through the Han-character filter); technical
register. Licence: BSD 3-Clause (LICENSE.md: "BSD 3-Clause License Copyright
(c) 2019, THE TARS FOUNDATION").

Usage: python tools/corpus/extract_tars_docs.py GITDIR COMMIT OUTDIR
"""

from __future__ import annotations

from _common import extract_docs, main_args


def keep(path: str) -> bool:
    """Which files are read."""
    return path.endswith(".md")


def main() -> None:
    """Run the extraction."""
    gitdir, commit, outdir = main_args()
    extract_docs(gitdir, commit, outdir, keep)


if __name__ == "__main__":
    main()
