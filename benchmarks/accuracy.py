"""Mask accuracy on the dev sets, by character, with confusions, the commonest wrong
contexts and a reliability table (confidence bins against observed accuracy).

    python benchmarks/accuracy.py EVAL_DIR/dev-pz.jsonl [--candidates 党政] [--min-confidence 0]

Runs the library in-process (no subprocess), so it is quick to iterate with. Use it to
find *classes* of error; the dev text must never be copied into a lexicon.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from restore import RestoreConfig, Restorer
from restore.filterevidence import FilterEvidence


@dataclass
class Stats:
    total: int = 0
    restored: int = 0
    correct: int = 0
    per_char: Counter[str] = field(default_factory=Counter)
    per_char_ok: Counter[str] = field(default_factory=Counter)
    confusions: Counter[str] = field(default_factory=Counter)
    contexts: Counter[str] = field(default_factory=Counter)
    bins: list[list[float]] = field(default_factory=lambda: [[0, 0, 0.0] for _ in range(10)])
    high: list[int] = field(default_factory=lambda: [0, 0])

    @property
    def accuracy(self) -> float:
        return self.correct / max(self.total, 1)

    @property
    def precision(self) -> float:
        return self.correct / max(self.restored, 1)

    @property
    def ece(self) -> float:
        return sum(n / max(self.restored, 1) * abs(ok / n - c / n) for n, ok, c in self.bins if n)


def score(docs: Iterable[dict], config: RestoreConfig) -> Stats:
    """Restore each damaged dev document and compare with its known masks. The documents
    are read as ``restore --jsonl`` reads a file's records: each with what the ones
    before it show about the filter (unless ``config.per_document``)."""
    restorer = Restorer(config)
    evidence = (
        None if config.per_document else FilterEvidence(restorer.config.candidates, config.mask_symbols)
    )
    st = Stats()
    for doc in docs:
        text = doc["text"]
        truth = {m["offset"]: m["char"] for m in doc.get("masks", [])}
        prior = None
        if evidence is not None:
            prior = evidence.prior()
            evidence.observe(text)
        for e in restorer.restore(text, mark_gaps=False, filter_prior=prior).edits:
            if e.kind != "mask" or e.replacement is None:
                continue
            for k in range(e.start, e.end):
                true = truth.get(k)
                if true is None:
                    continue
                pred = e.replacement[k - e.start]
                ok = pred == true
                st.restored += 1
                st.correct += ok
                st.per_char_ok[true] += ok
                b = st.bins[min(int(e.confidence * 10), 9)]
                b[0] += 1
                b[1] += ok
                b[2] += e.confidence
                if e.confidence >= 0.9:
                    st.high[0] += 1
                    st.high[1] += ok
                if not ok:
                    st.confusions[f"{true}->{pred}"] += 1
                    st.contexts[_context(text, truth, e.start, e.end)] += 1
        for true in truth.values():
            st.total += 1
            st.per_char[true] += 1
    return st


def report(st: Stats, top: int = 30) -> None:
    print(f"masks {st.total}  restored {st.restored}  correct {st.correct}")
    print(
        f"accuracy {st.accuracy:.4f}  precision {st.precision:.4f}  coverage {st.restored / max(st.total, 1):.4f}"
    )
    print(
        "per char: "
        + "  ".join(f"{c} {st.per_char_ok[c] / st.per_char[c]:.4f} ({st.per_char[c]})" for c in st.per_char)
    )
    print(f"confidence >= 0.9: {st.high[1]}/{st.high[0]} = {st.high[1] / max(st.high[0], 1):.4f}")
    print("confusions: " + ", ".join(f"{k} {v}" for k, v in st.confusions.most_common()))
    print("\nreliability (restored masks)\n| confidence | masks | mean confidence | observed accuracy |")
    print("| --- | --- | --- | --- |")
    for i, (n, ok, conf_sum) in enumerate(st.bins):
        if n:
            print(f"| {i / 10:.1f}-{(i + 1) / 10:.1f} | {int(n)} | {conf_sum / n:.4f} | {ok / n:.4f} |")
    print(f"\nexpected calibration error (10 bins, restored masks): {st.ece:.4f}")
    if top:
        print(f"\ncommonest wrong contexts (top {top}):")
        for ctx, n in st.contexts.most_common(top):
            print(f"  {n:3d}  {ctx}")


def load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("dev", type=Path)
    ap.add_argument("--candidates", default=None)
    ap.add_argument("--min-confidence", type=float, default=None)
    ap.add_argument("--model", type=Path, default=None)
    ap.add_argument("--top", type=int, default=30)
    ap.add_argument("--per-document", action="store_true", help="read each document alone")
    args = ap.parse_args()
    cfg = RestoreConfig(find_gaps=False, per_document=args.per_document)
    if args.candidates:
        cfg = cfg.with_(candidates=args.candidates)
    if args.min_confidence is not None:
        cfg = cfg.with_(min_confidence=args.min_confidence)
    if args.model:
        cfg = cfg.with_(model=args.model)
    report(score(load(args.dev), cfg), args.top)


def _context(text: str, truth: dict[int, str], start: int, end: int) -> str:
    left = text[max(0, start - 6) : start]
    right = text[end : end + 6]
    gold = "".join(truth.get(k, "?") for k in range(start, end))
    return f"{left}[{gold}]{right}".replace("\n", "⏎")


if __name__ == "__main__":
    main()
