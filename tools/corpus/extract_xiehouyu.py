"""Extract the 歇后语 (two-part allegorical sayings) of ``pwxcoo/chinese-xinhua``.

Keeps ``data/xiehouyu.json`` (about 14k entries), written one per line as
"riddle——answer", the form in which these folk sayings appear in prose;
reference/idiomatic register. The word and idiom files are over 4 MiB and are
absent from the snapshot. Licence: MIT (LICENSE: "MIT License Copyright (c)
2018 PWXCOO").

Usage: python tools/corpus/extract_xiehouyu.py GITDIR COMMIT OUTDIR
"""

from __future__ import annotations

import json

from _common import Git, Writer, main_args


def main() -> None:
    """Run the extraction."""
    gitdir, commit, outdir = main_args()
    git = Git(gitdir, commit)
    writer = Writer(outdir, min_han=4)
    for item in json.loads(git.text("data/xiehouyu.json")):
        riddle = (item.get("riddle") or "").strip()
        answer = (item.get("answer") or "").strip()
        if riddle and answer:
            writer.add(f"{riddle}——{answer}")
    writer.close()


if __name__ == "__main__":
    main()
