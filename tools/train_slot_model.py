"""Train the slot model that ships with restore, from the corpora in docs/training-data.md.

    python tools/train_slot_model.py CORPUS_DIR[:WEIGHT]... -o lexicons/slots.gz

Each CORPUS_DIR holds UTF-8 ``.txt`` files, one document or paragraph per line, as the
extraction scripts in ``tools/corpus/`` write them. A weight repeats a folder's lines
(2) or thins them (0.5), so that a register thin in the corpora (news, government
reports) counts more and a huge one (a legislature's records) less. Runs by hand,
never in CI; ``tools/train_slot_model.sh`` holds the exact command behind the shipped
model.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from restore.slotmodel import SIDE  # noqa: E402
from restore.slottrain import train  # noqa: E402

CANDIDATES = "党政群业"


def read_lines(folder: Path) -> list[str]:
    """The non-empty lines of every ``.txt`` file below ``folder``, in name order."""
    lines: list[str] = []
    for path in sorted(folder.rglob("*.txt")):
        with path.open(encoding="utf-8") as fh:
            lines.extend(line.rstrip("\n") for line in fh if line.strip())
    return lines


def weighted(lines: list[str], weight: float) -> list[str]:
    """``lines`` repeated ``weight`` times: whole repeats, then every k-th line for the
    fraction."""
    whole = int(weight)
    out = lines * whole
    fraction = weight - whole
    if fraction > 0:
        out += lines[:: round(1 / fraction)]
    return out


def read_corpora(specs: list[str]) -> tuple[list[str], list[str]]:
    """The lines of every ``FOLDER[:WEIGHT]`` in ``specs``, weighted, and the sources'
    names as the model records them."""
    docs: list[str] = []
    names: list[str] = []
    for spec in specs:
        folder, _, weight = spec.partition(":")
        lines = weighted(read_lines(Path(folder)), float(weight or 1))
        names.append(Path(folder).name + (f":{weight}" if weight else ""))
        print(f"{spec}: {len(lines):,} lines, {sum(map(len, lines)):,} chars", file=sys.stderr)
        docs.extend(lines)
    return docs, names


def parser(description: str | None) -> argparse.ArgumentParser:
    """The command line of a training tool: corpus folders (``FOLDER[:WEIGHT]``) and
    ``-o OUTPUT``."""
    ap = argparse.ArgumentParser(
        description=description, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("corpora", nargs="+", help="corpus folders, each optionally FOLDER:WEIGHT")
    ap.add_argument("-o", "--output", type=Path, required=True)
    return ap


def corpora_and_output(description: str | None) -> tuple[list[str], list[str], Path]:
    """Parse a training tool's command line (:func:`parser`). Returns the weighted lines,
    the sources' names and the output path."""
    args = parser(description).parse_args()
    docs, names = read_corpora(args.corpora)
    return docs, names, args.output


def main() -> None:
    ap = parser(__doc__)
    ap.add_argument(
        "--side", type=int, default=SIDE, help=f"characters of context each side (default {SIDE})"
    )
    args = ap.parse_args()
    docs, names = read_corpora(args.corpora)
    output = args.output
    started = time.time()
    model = train(docs, CANDIDATES, names, args.side)
    kept = [len(t) for t in model.tables]
    print(
        f"{model.chars:,} chars counted in {time.time() - started:.0f} s; contexts kept by shape {kept}",
        file=sys.stderr,
    )
    model.save(output)


if __name__ == "__main__":
    main()
