"""Extract the collected works of Lu Xun (``Ac-heron/luxun``, folder ``全集/``).

Keeps every Markdown file under ``全集/``: Lu Xun's own essays, stories,
prose poems, letters, diaries and his translations, one paragraph per line
(fiction and essays in early modern vernacular Chinese). The repository's other
folders (``新闻``, ``评论``, ``鲁迅相`` ...) hold later articles by other authors
that are still under copyright, so they are skipped. The editors' annotations
of the 1981/2005 edition (paragraphs starting ``〔1〕``, ``⑴``, ``①`` at the end
of each work) are modern and copyrighted, so each work is cut at its first
note paragraph and the inline note markers are removed. Pieces printed together
with letters from other correspondents (file names with 来信) and the one
translation of a then-living author (译文) are skipped, as those texts may still
be under copyright.
Licence: the repository has no LICENSE file; the text is in the public domain
because Lu Xun died in 1936 (PRC copyright: life + 50 years).

Usage: python tools/corpus/extract_luxun.py GITDIR COMMIT OUTDIR
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from _common import HAN_RE, Git, Writer, main_args


def keep(path: str) -> bool:
    """Markdown files of the complete works, without other people's letters and translations."""
    name = path.rsplit("/", 1)[-1]
    if "来信" in name or "译文" in name:
        return False
    return path.startswith("全集/") and path.endswith(".md")


NOTE_START_RE = re.compile(r"^(〔\d+〕|[\u2474-\u2487\u2460-\u2473]|\[\d+\])")
NOTE_MARK_RE = re.compile(r"〔\d+〕|[\u2474-\u2487\u2460-\u2473]")


def paragraphs(text: str) -> Iterator[str]:
    """Paragraphs of one work: the files are hard-wrapped plain text inside a
    code fence, with paragraphs separated by blank lines."""
    text = text.replace("\r\n", "\n")
    lines = [ln for ln in text.split("\n") if not ln.strip().startswith("```")]
    for block in re.split(r"\n\s*\n", "\n".join(lines)):
        parts = [ln.strip(" \t\u3000") for ln in block.split("\n") if ln.strip()]
        out = ""
        for part in parts:
            if out and not (HAN_RE.search(out[-1]) or HAN_RE.search(part[:1])):
                out += " "
            out += part
        if NOTE_START_RE.match(out):
            return
        out = NOTE_MARK_RE.sub("", out)
        if out:
            yield out


def main() -> None:
    """Run the extraction."""
    gitdir, commit, outdir = main_args()
    git = Git(gitdir, commit)
    writer = Writer(outdir)
    for path in sorted(git.ls()):
        if keep(path):
            writer.add_all(paragraphs(git.text(path)))
    writer.close()


if __name__ == "__main__":
    main()
