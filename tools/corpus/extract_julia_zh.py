"""Extract the Chinese Julia documentation (``JuliaCN/JuliaZH.jl``) as plain Chinese text.

Keeps the Markdown pages under ``zh_CN/`` (the Julia manual and standard
library documentation translated by JuliaCN volunteers via Transifex; code
removed); technical register. Licence: MIT (LICENSE: "MIT License Copyright
(c) 2018 JuliaCN").

Usage: python tools/corpus/extract_julia_zh.py GITDIR COMMIT OUTDIR
"""

from __future__ import annotations

from _common import extract_docs, main_args


def keep(path: str) -> bool:
    """Which files are read."""
    return path.startswith("zh_CN/") and path.endswith(".md")


def main() -> None:
    """Run the extraction."""
    gitdir, commit, outdir = main_args()
    extract_docs(gitdir, commit, outdir, keep)


if __name__ == "__main__":
    main()
