"""Train the gap model that ships with restore, from the corpora in docs/training-data.md.

    python tools/train_gap_model.py CORPUS_DIR[:WEIGHT]... -o lexicons/gapmodel.gz

The corpora and weights are the slot model's (``tools/train_slot_model.py``, which
says how they are laid out); ``tools/train_gap_model.sh`` holds the exact command
behind the shipped model. Runs by hand, never in CI.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from train_slot_model import corpora_and_output  # noqa: E402

from restore.gaptrain import train  # noqa: E402


def main() -> None:
    docs, names, output = corpora_and_output(__doc__)
    started = time.time()
    model = train(docs, names)
    places = sum(map(sum, model.rules.values()))
    print(
        f"{model.chars:,} chars, {places:,} places counted in {time.time() - started:.0f} s", file=sys.stderr
    )
    model.save(output)


if __name__ == "__main__":
    main()
