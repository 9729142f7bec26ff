"""Extract floor-session records of Taiwan's Legislative Yuan (``clkao/ly-gazette``).

``raw/NNNN.md`` are the plenary-session records (院會紀錄) published in the
Legislative Yuan Gazette (立法院公報), about 2000-2008: speeches, questions to
the cabinet, procedural rulings and motions, i.e. spoken and written political
Mandarin rich in 政府/政党/党团/行政/企业/产业 vocabulary. To keep this single
register from dominating the corpus only every ``STEP``-th issue is used.
Embedded JSON metadata blocks and Markdown markup are removed, lines quoting
statute or bill articles (``第…條``) are dropped, and the text is converted from
Traditional to Simplified Chinese with OpenCC ``t2s``. Files of 4 MiB or more
are absent from the snapshot.
Licence: the repository has no LICENSE file. The gazette is the official
record of a legislature; official documents (公文) are not subject to copyright
under art. 9 of Taiwan's Copyright Act (the counterpart of PRC Copyright Law
art. 5), and the g0v community republishes it as open data.

Usage: python tools/corpus/extract_tw_ly_gazette.py GITDIR COMMIT OUTDIR
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from _common import Git, Writer, clean_inline, main_args, t2s_converter

STEP = 5
ARTICLE_RE = re.compile(r"^第[一二三四五六七八九十百零〇\d]+[條条](之[一二三四五六七八九十]+)?")
JSON_BLOCK_RE = re.compile(r"```json.*?```", re.DOTALL)


def paragraphs(md: str) -> Iterator[str]:
    """One paragraph per non-empty line, markup and statute lines removed."""
    md = JSON_BLOCK_RE.sub("\n", md)
    for raw in md.splitlines():
        line = re.sub(r"^\s*(#+\s*|\d+\.\s+|[-*]\s+)", "", raw).strip(" \t\u3000|")
        if not line or line.startswith("```"):
            continue
        line = clean_inline(line)
        if not ARTICLE_RE.match(line):
            yield line


def main() -> None:
    """Run the extraction."""
    gitdir, commit, outdir = main_args()
    git = Git(gitdir, commit)
    convert = t2s_converter()
    writer = Writer(outdir)
    issues = sorted(p for p in git.ls("raw") if re.fullmatch(r"raw/\d+\.md", p))
    for path in issues[::STEP]:
        text = git.text(path)
        if text:
            writer.add_all(paragraphs(convert(text)))
    writer.close()


if __name__ == "__main__":
    main()
