"""Extract the Chinese tldr pages (``tldr-pages/tldr``).

Keeps ``pages.zh/**.md`` and ``pages.zh_TW/**.md`` (short Chinese descriptions of
command-line tools and their common uses, written by contributors), with the
command examples (inline code) removed by the Han-character filter and the
Traditional pages converted to Simplified with OpenCC ``t2s``; technical
register. Licence: CC BY 4.0 (LICENSE.md: "This work is licensed under the
Creative Commons Attribution 4.0 International License (CC-BY)").

Usage: python tools/corpus/extract_tldr_zh.py GITDIR COMMIT OUTDIR
"""

from __future__ import annotations

from _common import Git, Writer, main_args, markdown_paragraphs, t2s_converter


def main() -> None:
    """Run the extraction."""
    gitdir, commit, outdir = main_args()
    git = Git(gitdir, commit)
    writer = Writer(outdir)
    t2s = t2s_converter()
    for path in sorted(git.ls()):
        if not path.endswith(".md"):
            continue
        if path.startswith("pages.zh/"):
            text = git.text(path)
        elif path.startswith("pages.zh_TW/"):
            text = t2s(git.text(path))
        else:
            continue
        for para in markdown_paragraphs(text):
            writer.add(para.lstrip(">-: "))
    writer.close()


if __name__ == "__main__":
    main()
