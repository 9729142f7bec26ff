"""Extract the sentences of a Universal Dependencies Chinese treebank.

Works on ``UniversalDependencies/UD_Chinese-GSDSimp`` (Wikipedia sentences,
CC BY-SA 4.0), ``UD_Chinese-HK`` (Hong Kong film subtitles and Legislative
Council proceedings, CC BY-SA 4.0) and ``UD_Chinese-PUD`` (news and Wikipedia
sentences translated by professionals, CC BY-SA 3.0): each ``*.conllu`` file's
``# text =`` comment is the raw sentence; one sentence per line, converted to
Simplified Chinese with OpenCC ``t2s`` (a no-op on text that is already
Simplified). Files over the snapshot's 4 MiB limit (the GSDSimp train split)
are absent. Licence: as stated in each repository's LICENSE.txt / README.

Usage: python tools/corpus/extract_ud_chinese.py GITDIR COMMIT OUTDIR
"""

from __future__ import annotations

from _common import Git, Writer, main_args, t2s_converter


def main() -> None:
    """Run the extraction."""
    gitdir, commit, outdir = main_args()
    git = Git(gitdir, commit)
    convert = t2s_converter()
    writer = Writer(outdir)
    for path in sorted(git.ls()):
        if not path.endswith(".conllu"):
            continue
        for line in git.text(path).splitlines():
            if line.startswith("# text ="):
                writer.add(convert(line[len("# text =") :].strip()))
    writer.close()


if __name__ == "__main__":
    main()
