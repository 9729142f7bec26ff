"""Extract the national government work reports 1954-2017 (``ropensci/textworkshop17``).

Keeps ``demos/chineseDemo/govReports/*.txt``: the 政府工作报告 that the Premier
of the State Council delivered to the National People's Congress in 1954-1960,
1964, 1975 and 1978-2017 (one file per year), one paragraph per line; the
separate ``ch_gov_report-2017.txt`` copy is skipped. Government document
register, rich in 党/政/群/业 vocabulary and numbers. Reports of 2019-2020
(printed in the People's Daily of those years, which is evaluation-only) are
not part of this collection.
Licence: the repository has no LICENSE file; the reports are official
documents of a state organ (reports to the people's congress), which PRC
Copyright Law art. 5 excludes from copyright protection, as the brief allows
for non-statute government documents.

Usage: python tools/corpus/extract_gov_work_reports.py GITDIR COMMIT OUTDIR
"""

from __future__ import annotations

from _common import Git, Writer, main_args


def main() -> None:
    """Run the extraction."""
    gitdir, commit, outdir = main_args()
    git = Git(gitdir, commit)
    writer = Writer(outdir)
    for path in sorted(git.ls("demos/chineseDemo/govReports")):
        if not path.endswith(".txt"):
            continue
        data = git.read(path)
        try:
            text = data.decode("utf-8").lstrip("\ufeff")
        except UnicodeDecodeError:
            text = data.decode("gb18030", "replace")
        for line in text.splitlines():
            writer.add(line.strip(" \t\u3000"))
    writer.close()


if __name__ == "__main__":
    main()
