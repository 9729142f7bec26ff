"""Extract the social-media comments of COLDataset (``thu-coai/COLDataset``).

COLD (Chinese Offensive Language Detection) holds 37,480 real comments
collected from Chinese social media (Zhihu, Weibo) on race, gender and region;
about half are labelled offensive. Keeps the ``TEXT`` column of every split,
one comment per line, as informal forum / social-media register.
Licence: Apache License 2.0 (repository LICENSE file).

Usage: python tools/corpus/extract_cold.py GITDIR COMMIT OUTDIR
"""

from __future__ import annotations

import csv
import io

from _common import URL_RE, Git, Writer, main_args


def main() -> None:
    """Run the extraction."""
    gitdir, commit, outdir = main_args()
    git = Git(gitdir, commit)
    writer = Writer(outdir)
    for path in sorted(git.ls("COLDataset")):
        if path.endswith(".csv"):
            for row in csv.DictReader(io.StringIO(git.text(path))):
                writer.add(URL_RE.sub("", row.get("TEXT") or ""))
    writer.close()


if __name__ == "__main__":
    main()
