"""Extract the CSL benchmark (``ydli-ai/CSL``): Chinese scientific-paper abstracts and titles.

Keeps the text columns of ``benchmark/*/*.tsv`` (abstracts of papers from
Chinese core journals across all disciplines, and their titles):
academic/scientific register with many numbers and field terms.
Licence: Apache License 2.0 (the "License" section of readme.md; the
repository has no separate LICENSE file).

Usage: python tools/corpus/extract_csl.py GITDIR COMMIT OUTDIR
"""

from __future__ import annotations

from _common import Git, Writer, main_args


def main() -> None:
    """Run the extraction."""
    gitdir, commit, outdir = main_args()
    git = Git(gitdir, commit)
    writer = Writer(outdir)
    for path in sorted(git.ls("benchmark")):
        if not path.endswith(".tsv"):
            continue
        for line in git.text(path).splitlines():
            cols = line.split("\t")
            if len(cols) < 2:
                continue
            writer.add(cols[1])
            if cols[0] == "to title" and len(cols) > 2:
                writer.add(cols[2])
    writer.close()


if __name__ == "__main__":
    main()
