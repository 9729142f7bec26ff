"""Extract the Mandarin sentences of the Tatoeba English-Chinese pairs (``cmn.txt``).

The file (the manythings.org export of Tatoeba, stored at the root of
``13luoyu/Transformer-machine-translation``) has one pair per line:
``English<TAB>Chinese<TAB>CC-BY 2.0 (France) Attribution: tatoeba.org #id (user) & #id (user)``.
Keeps the Chinese column, one sentence per line: short everyday sentences
written or translated by Tatoeba volunteers; conversational register.
Licence: every line carries its own licence, CC BY 2.0 FR (Tatoeba); the
repository itself has no LICENSE file, so only this self-licensed data file is
used.

Usage: python tools/corpus/extract_tatoeba_cmn.py GITDIR COMMIT OUTDIR
"""

from __future__ import annotations

from _common import Git, Writer, main_args


def main() -> None:
    """Run the extraction."""
    gitdir, commit, outdir = main_args()
    git = Git(gitdir, commit)
    writer = Writer(outdir, min_han=2)
    for line in git.text("cmn.txt").splitlines():
        cols = line.split("\t")
        if len(cols) >= 3 and cols[2].startswith("CC-BY"):
            writer.add(cols[1])
    writer.close()


if __name__ == "__main__":
    main()
