"""Extract the children's fairy tales of PD&CFT (``ymcui/Chinese-Cloze-RC``).

``children_fairy_tale/cft.zip`` holds the CFT test sets of the PD&CFT cloze
reading-comprehension dataset: short Chinese children's stories, one
word-segmented sentence per numbered line (``N ||| ...``), each story followed by
a query line. Keeps every story with the segmentation spaces removed, one story
per line; sentences with the ``XXXXX`` blank and the query lines are dropped.
The People's Daily part (``pd.zip``) is over the snapshot's 4 MiB limit and
absent. Kind: fiction (children's stories).
Licence: CC BY-SA 4.0 (repository LICENSE file).

Usage: python tools/corpus/extract_cft.py GITDIR COMMIT OUTDIR
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator

from _common import Git, Writer, main_args

SPACE_AROUND_CJK_RE = re.compile(r"(?<=[^\x00-\x7f]) +| +(?=[^\x00-\x7f])")


def stories(text: str) -> Iterator[str]:
    """Stories of one CFT file, unsegmented, one string each."""
    story: list[str] = []
    for line in text.splitlines():
        parts = [p.strip() for p in line.split("|||")]
        if len(parts) < 2 or not parts[0].isdigit():
            continue
        if parts[0] == "1" and story:
            yield "".join(story)
            story = []
        if len(parts) == 2 and "XXX" not in parts[1]:
            story.append(SPACE_AROUND_CJK_RE.sub("", parts[1]))
    if story:
        yield "".join(story)


def main() -> None:
    """Run the extraction."""
    gitdir, commit, outdir = main_args()
    git = Git(gitdir, commit)
    writer = Writer(outdir)
    raw = git.read("children_fairy_tale/cft.zip")
    with zipfile.ZipFile(io.BytesIO(raw)) as zf:
        for name in sorted(zf.namelist()):
            if not name.endswith("/"):
                writer.add_all(stories(zf.read(name).decode("utf-8", "replace")))
    writer.close()


if __name__ == "__main__":
    main()
