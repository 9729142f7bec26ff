"""Extract the Chinese solution write-ups of ``doocs/leetcode``.

For each ``solution/NNNN-NNNN/<problem>/README.md`` of problems 1-2999, keeps
only the part between ``<!-- solution:start -->`` and ``<!-- solution:end -->``
(the contributors' own explanation of each approach, with its complexity
analysis); code tabs, maths markup and HTML are removed. The problem statements
(``<!-- description:start -->`` ... ``end``) are copied from leetcode.cn and are
dropped, as are problems numbered 3000 and above (written from 2024 on, when
machine-assisted write-ups become more likely). Technical register.
Licence: CC BY-SA 4.0 (LICENSE: "Attribution-ShareAlike 4.0 International").

Usage: python tools/corpus/extract_doocs_leetcode.py GITDIR COMMIT OUTDIR
"""

from __future__ import annotations

import re

from _common import Git, Writer, main_args, markdown_paragraphs

SOLUTION_RE = re.compile(r"<!-- solution:start -->(.*?)<!-- solution:end -->", re.DOTALL)
PATH_RE = re.compile(r"^solution/(\d{4})-\d{4}/[^/]+/README\.md$")


def main() -> None:
    """Run the extraction."""
    gitdir, commit, outdir = main_args()
    git = Git(gitdir, commit)
    writer = Writer(outdir)
    for path in sorted(git.ls("solution")):
        m = PATH_RE.match(path)
        if not m or int(m.group(1)) >= 3000:
            continue
        for block in SOLUTION_RE.findall(git.text(path)):
            writer.add_all(markdown_paragraphs(block))
    writer.close()


if __name__ == "__main__":
    main()
