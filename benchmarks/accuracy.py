"""Mask accuracy on the dev sets, by character, with confusions, the commonest wrong
contexts and a reliability table (confidence bins against observed accuracy).

    python benchmarks/accuracy.py ../shared/eval/dev-pz.jsonl [--candidates 党政] [--min-confidence 0]

Runs the library in-process (no subprocess), so it is quick to iterate with. Use it to
find *classes* of error; the dev text must never be copied into a lexicon.
"""
from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from restore import RestoreConfig, Restorer


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("dev", type=Path)
    ap.add_argument("--candidates", default=None)
    ap.add_argument("--min-confidence", type=float, default=None)
    ap.add_argument("--model", type=Path, default=None)
    ap.add_argument("--top", type=int, default=30)
    args = ap.parse_args()
    cfg = RestoreConfig(find_gaps=False)
    if args.candidates:
        cfg = cfg.with_(candidates=args.candidates)
    if args.min_confidence is not None:
        cfg = cfg.with_(min_confidence=args.min_confidence)
    if args.model:
        cfg = cfg.with_(model=args.model)
    restorer = Restorer(cfg)
    total = restored = correct = 0
    per_char: Counter[str] = Counter()
    per_char_ok: Counter[str] = Counter()
    confusions: Counter[str] = Counter()
    contexts: Counter[str] = Counter()
    bins = [[0, 0, 0.0] for _ in range(10)]
    high = [0, 0]
    for line in args.dev.open(encoding="utf-8"):
        doc = json.loads(line)
        text = doc["text"]
        truth = {m["offset"]: m["char"] for m in doc.get("masks", [])}
        result = restorer.restore(text, mark_gaps=False)
        for e in result.edits:
            if e.kind != "mask":
                continue
            for k in range(e.start, e.end):
                true = truth.get(k)
                if true is None:
                    continue
                pred = e.replacement[k - e.start] if e.replacement else None
                conf = e.confidence
                if pred is not None:
                    restored += 1
                    ok = pred == true
                    correct += ok
                    per_char_ok[true] += ok
                    b = min(int(conf * 10), 9)
                    bins[b][0] += 1
                    bins[b][1] += ok
                    bins[b][2] += conf
                    if conf >= 0.9:
                        high[0] += 1
                        high[1] += ok
                    if not ok:
                        confusions[f"{true}->{pred}"] += 1
                        contexts[_context(text, truth, e.start, e.end)] += 1
        for true in truth.values():
            total += 1
            per_char[true] += 1
    print(f"masks {total}  restored {restored}  correct {correct}")
    print(f"accuracy {correct / max(total, 1):.4f}  precision {correct / max(restored, 1):.4f}  "
          f"coverage {restored / max(total, 1):.4f}")
    print("per char: " + "  ".join(f"{c} {per_char_ok[c] / per_char[c]:.4f} ({per_char[c]})" for c in per_char))
    print(f"confidence >= 0.9: {high[1]}/{high[0]} = {high[1] / max(high[0], 1):.4f}")
    print("confusions: " + ", ".join(f"{k} {v}" for k, v in confusions.most_common()))
    print("\nreliability (restored masks)\n| confidence | masks | mean confidence | observed accuracy |")
    print("| --- | --- | --- | --- |")
    ece = 0.0
    for i, (n, ok, conf_sum) in enumerate(bins):
        if n:
            acc = ok / n
            mean = conf_sum / n
            ece += n / max(restored, 1) * abs(acc - mean)
            print(f"| {i / 10:.1f}-{(i + 1) / 10:.1f} | {n} | {mean:.4f} | {acc:.4f} |")
    print(f"\nexpected calibration error (10 bins, restored masks): {ece:.4f}")
    print(f"\ncommonest wrong contexts (top {args.top}):")
    for ctx, n in contexts.most_common(args.top):
        print(f"  {n:3d}  {ctx}")


def _context(text: str, truth: dict[int, str], start: int, end: int) -> str:
    left = text[max(0, start - 6) : start]
    right = text[end : end + 6]
    gold = "".join(truth.get(k, "?") for k in range(start, end))
    return f"{left}[{gold}]{right}".replace("\n", "⏎")


if __name__ == "__main__":
    main()
