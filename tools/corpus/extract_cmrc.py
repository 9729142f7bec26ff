"""Extract CMRC 2018 and CMRC 2019 reading-comprehension texts as plain Chinese.

* ``ymcui/cmrc2018`` (``data/cmrc2018_{trial,dev}.json``): passages from the
  Chinese Wikipedia plus human-written questions and answers; encyclopedic
  register. The training file is over 4 MiB and is absent from the snapshot.
* ``ymcui/cmrc2019`` (``data/cmrc2019_{trial,dev,qualify}.json``): passages
  from children's stories and fiction with sentence blanks; the blanks are
  filled back with their gold sentences so the text reads as written.

Both are under CC BY-SA 4.0 (LICENCE / LICENSE.txt). Run once per repository;
the script recognises which one it is given by the files present.

Usage: python tools/corpus/extract_cmrc.py GITDIR COMMIT OUTDIR
"""

from __future__ import annotations

import json
import re
from typing import Any

from _common import Git, Writer, main_args


def cmrc2018(git: Git, writer: Writer) -> None:
    """Wikipedia passages, one per line, then their questions."""
    for name in ("data/cmrc2018_trial.json", "data/cmrc2018_dev.json"):
        raw = git.text(name)
        if not raw:
            continue
        for doc in json.loads(raw):
            writer.add(doc.get("context_text", ""))
            for qa in doc.get("qas", []):
                writer.add(qa.get("query_text", ""))


def fill(item: dict[str, Any]) -> str:
    """CMRC 2019 passage with [BLANKn] replaced by the gold sentence."""
    context: str = item.get("context", "")
    choices: list[str] = item.get("choices", [])
    answers: list[int] = item.get("answers", [])

    def sub(m: re.Match[str]) -> str:
        i = int(m.group(1)) - 1
        if 0 <= i < len(answers) and 0 <= answers[i] < len(choices):
            return choices[answers[i]]
        return ""

    return re.sub(r"\[BLANK(\d+)\]", sub, context)


def cmrc2019(git: Git, writer: Writer) -> None:
    """Story passages with blanks filled."""
    for name in ("data/cmrc2019_trial.json", "data/cmrc2019_dev.json", "data/cmrc2019_qualify.json"):
        raw = git.text(name)
        if not raw:
            continue
        for item in json.loads(raw).get("data", []):
            text = fill(item)
            if "[BLANK" in text:
                continue
            for para in re.split(r"\s{2,}|\n", text):
                writer.add(para)


def main() -> None:
    """Run the extraction."""
    gitdir, commit, outdir = main_args()
    git = Git(gitdir, commit)
    writer = Writer(outdir)
    if git.read("data/cmrc2018_dev.json"):
        cmrc2018(git, writer)
    else:
        cmrc2019(git, writer)
    writer.close()


if __name__ == "__main__":
    main()
