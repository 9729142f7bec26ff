"""Remove lines repeated across corpus folders, in the order of ``READY.txt``.

Reads ``CORPUS/READY.txt`` (``<folder> <han_chars> <kind>`` per line) and walks
the folders in that order (a folder listed twice is handled once, at its first
listing). Every line of every ``*.txt`` file whose exact text was already seen
in an earlier folder is dropped, so text shared between sources (for example
the same Wikipedia passage in two reading-comprehension sets) is counted and
trained on once. Files are rewritten in place. Prints the Han-character count
of each folder afterwards and the total.

A folder whose files changed in the last two minutes (probably still being
written by an extraction script) is read but not rewritten.

Usage: python tools/corpus/dedup.py CORPUS_DIR [--dry-run]
"""

from __future__ import annotations

import hashlib
import sys
import time
from pathlib import Path

from _common import han_count


def folders_in_order(corpus: Path) -> list[str]:
    """Folder names from READY.txt, first occurrence order."""
    seen: list[str] = []
    for line in (corpus / "READY.txt").read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if parts and parts[0] not in seen and (corpus / parts[0]).is_dir():
            seen.append(parts[0])
    return seen


def main() -> None:
    """Run the deduplication."""
    if len(sys.argv) < 2:
        sys.exit(f"usage: {sys.argv[0]} CORPUS_DIR [--dry-run]")
    corpus = Path(sys.argv[1])
    dry = "--dry-run" in sys.argv[2:]
    seen: set[bytes] = set()
    total = 0
    for name in folders_in_order(corpus):
        mine: set[bytes] = set()
        han = dropped = 0
        files = sorted((corpus / name).glob("*.txt"))
        busy = any(time.time() - p.stat().st_mtime < 120 for p in files)
        for path in files:
            kept: list[str] = []
            for line in path.read_text(encoding="utf-8").splitlines():
                key = hashlib.blake2b(line.strip().encode("utf-8"), digest_size=12).digest()
                if key in seen:
                    dropped += 1
                    continue
                mine.add(key)
                kept.append(line)
                han += han_count(line)
            if not dry and not busy:
                path.write_text("".join(x + "\n" for x in kept), encoding="utf-8")
        seen |= mine
        total += han
        note = " (busy: not rewritten)" if busy and not dry else ""
        print(f"{name}\t{han}\tdropped {dropped} lines{note}", flush=True)
    print(f"TOTAL\t{total}")


if __name__ == "__main__":
    main()
