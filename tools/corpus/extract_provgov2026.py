"""Extract the 2026 provincial government work reports (``johncodes404/china-provincial-gov-reports-2026``).

Keeps the ``full_text`` column of each per-province CSV in
``output/2026_raw_text/``: the 政府工作报告 that the governor of each of the 31
provincial-level divisions delivered to the provincial people's congress in
early 2026 (government document register, rich in 党/政/群/业 vocabulary).
Web-page furniture lines (下载/打印/全屏/收藏/字号, 来源/时间 lines) are dropped.
Licence: the repository has no LICENSE file; the reports are official documents
of state organs (government work reports delivered to people's congresses),
which PRC Copyright Law art. 5 excludes from copyright protection.

Usage: python tools/corpus/extract_provgov2026.py GITDIR COMMIT OUTDIR
"""

from __future__ import annotations

import csv
import io
import re
import sys
from collections.abc import Iterator

from _common import Git, Writer, main_args

FURNITURE_RE = re.compile(
    r"^(下载|打印|全屏|收藏|【字号|加大|还原|减小|】|来源[:：]|时间[:：]|发布时间|作者[:：])"
)


def report_lines(text: str) -> Iterator[str]:
    """Paragraph lines of one report without page furniture."""
    for line in text.replace("\r\n", "\n").split("\n"):
        line = line.strip(" \t\u3000")
        if line and not FURNITURE_RE.match(line):
            yield line


def main() -> None:
    """Run the extraction."""
    gitdir, commit, outdir = main_args()
    csv.field_size_limit(sys.maxsize)
    git = Git(gitdir, commit)
    writer = Writer(outdir)
    for path in sorted(git.ls("output/2026_raw_text")):
        if not path.endswith("政府工作报告.csv"):
            continue
        for row in csv.DictReader(io.StringIO(git.text(path))):
            writer.add_all(report_lines(row.get("full_text") or ""))
    writer.close()


if __name__ == "__main__":
    main()
