"""Extract the Chinese Union Version Bible (和合本) from ``hsnyxfhyqhyh/mobo``.

``ShenJingJava/data/js-combinedVersions/NN.js`` holds one book of the Bible per
file as a JavaScript object with two versions per chapter: ``hhb`` (和合本, the
1919 Chinese Union Version, here in Simplified characters) and ``niv``
(copyrighted English NIV, skipped). Keeps the ``hhb`` verses, one chapter per
line; the honorific full-width space before 神 is removed. Kind: other general
text (early 20th-century vernacular Chinese, religious register).
Licence: the repository has no LICENSE file; the 1919 Chinese Union Version is
in the public domain (published 1919 by a translation committee; term expired).

Usage: python tools/corpus/extract_cuv_bible.py GITDIR COMMIT OUTDIR
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from _common import Git, Writer, main_args


def chapters(book: dict[str, Any]) -> Iterator[str]:
    """The 和合本 text of each chapter of one book."""
    for chapter in book.get("Chapters", []):
        for version in chapter.get("Versions", []):
            if version.get("VersionName") == "hhb":
                verses = [str(v.get("VerseContent", "")) for v in version.get("Verses", [])]
                yield "".join(verses).replace("\u3000", "")


def main() -> None:
    """Run the extraction."""
    gitdir, commit, outdir = main_args()
    git = Git(gitdir, commit)
    writer = Writer(outdir)
    for path in sorted(git.ls("ShenJingJava/data/js-combinedVersions")):
        if not path.endswith(".js"):
            continue
        text = git.text(path)
        start, end = text.find("{"), text.rfind("}")
        if start < 0 or end < start:
            continue
        writer.add_all(chapters(json.loads(text[start : end + 1])))
    writer.close()


if __name__ == "__main__":
    main()
