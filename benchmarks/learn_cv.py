"""Two-fold cross-validation of ``restore learn`` on the dev set.

Documents are split by position (even/odd). For each fold, a model is learned from
the CLEAN text of one half and the DAMAGED other half is scored with and without it,
so the model never sees the text it is scored on.

    python benchmarks/learn_cv.py EVAL_DIR
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from accuracy import Stats, load, score

from restore import RestoreConfig
from restore.context import ContextModel


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("eval_dir", type=Path)
    args = ap.parse_args()
    clean = load(args.eval_dir / "dev-clean.jsonl")
    fold_of = {doc["id"]: i % 2 for i, doc in enumerate(clean)}
    print("| dev set | fold | masks | accuracy without model | with model | precision without | with |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    with tempfile.TemporaryDirectory() as tmp:
        for name in ("dev-pz", "dev-pzqy"):
            damaged = load(args.eval_dir / f"{name}.jsonl")
            totals = [Stats(), Stats()]
            for fold in (0, 1):
                model_path = Path(tmp) / f"fold{fold}.gz"
                ContextModel.learn((d["text"] for d in clean if fold_of[d["id"]] != fold), "党政群业").save(
                    model_path
                )
                held_out = [d for d in damaged if fold_of[d["id"]] == fold]
                base = score(held_out, RestoreConfig(find_gaps=False))
                learned = score(held_out, RestoreConfig(find_gaps=False, model=model_path))
                for agg, st in zip(totals, (base, learned)):
                    agg.total += st.total
                    agg.restored += st.restored
                    agg.correct += st.correct
                print(
                    f"| {name} | {fold} | {base.total} | {base.accuracy:.4f} | {learned.accuracy:.4f} "
                    f"| {base.precision:.4f} | {learned.precision:.4f} |"
                )
            b, m = totals
            print(
                f"| {name} | both | {b.total} | {b.accuracy:.4f} | {m.accuracy:.4f} "
                f"| {b.precision:.4f} | {m.precision:.4f} |"
            )


if __name__ == "__main__":
    main()
