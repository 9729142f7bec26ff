"""Characters per second of the ``restore`` command in corpus mode, against a bare pass.

    python benchmarks/bench_throughput.py [--eval ../shared/eval] [--repeat 10] [--jobs 1,2] [--runs 1]

Each input is a dev set once (400 documents, ~262 k characters) and repeated
``--repeat`` times (x10: ~2.6 M characters, start-up amortised), fed to
``restore --jsonl`` on stdin with stdout going to /dev/null. ``restore`` runs in a
subprocess, as a user runs it. Its fixed costs are measured on their own and reported
under the table: start-up (an empty input), and start-up plus loading the lexicon (one
masked record).

Read the repeated rows with care: the ranker caches clause scores (``rank.py``, 65,536
clauses), so the 2nd to 10th copies of the same 400 documents are mostly answered from
the cache. The rate on fresh text is the x1 row less the fixed costs; the script prints
it as "fresh chars/s".

The floor, measured in the same run on the same file: a bare pass, a Python process that
reads the file, json-decodes each line and runs one compiled ``regex`` for mask symbols
and digit runs (``[*＊]+|[0-9]{3,}``) over its text. ``ratio`` is restore's time over the
bare pass's: how much the tool costs beyond finding where damage could be.

Inputs: dev-clean (no damage), dev-pz (the damage model of ``damage.py`` with 党政
masked: the density of our sample page, 6.6 masks per 1,000 characters) and dev-pzqy
(党政群业 masked, 12.5 per 1,000). Prints a markdown table to paste into the README.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
INPUTS = ("dev-clean", "dev-pz", "dev-pzqy")

BARE = r"""
import json, sys
import regex
pattern = regex.compile(r"[*＊]+|[0-9]{3,}")
found = 0
for line in sys.stdin.buffer:
    if line.strip():
        found += sum(1 for _ in pattern.finditer(json.loads(line)["text"]))
print(found)
"""


def restore_command() -> list[str]:
    """The installed ``restore`` beside this interpreter, else ``python -m restore``."""
    script = Path(sys.executable).parent / "restore"
    if script.exists():
        return [str(script)]
    found = shutil.which("restore")
    return [found] if found else [sys.executable, "-m", "restore"]


def timed(cmd: list[str], stdin_path: Path | None, runs: int) -> float:
    """Best wall time of ``runs`` runs of ``cmd`` with stdin from the file, stdout to /dev/null."""
    best = float("inf")
    for _ in range(runs):
        with open(stdin_path or os.devnull, "rb") as fh:
            start = time.perf_counter()
            proc = subprocess.run(
                cmd, stdin=fh, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False
            )
            elapsed = time.perf_counter() - start
        if proc.returncode != 0:
            err = proc.stderr.decode(errors="replace")
            raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}): {err}")
        best = min(best, elapsed)
    return best


def repeated(source: Path, times: int, folder: Path) -> tuple[Path, int, int]:
    """``source`` repeated ``times`` times as {"id","text"} lines: (path, documents, characters)."""
    lines = [json.loads(line) for line in source.read_text(encoding="utf-8").splitlines() if line.strip()]
    out = folder / f"{source.stem}-x{times}.jsonl"
    chars = 0
    with open(out, "w", encoding="utf-8") as fh:
        for k in range(times):
            for record in lines:
                copy = {"id": f"{record['id']}#{k}", "text": record["text"]}
                fh.write(json.dumps(copy, ensure_ascii=False))
                fh.write("\n")
                chars += len(record["text"])
    return out, len(lines) * times, chars


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--eval", type=Path, default=ROOT.parent / "shared" / "eval", help="the eval kit folder"
    )
    parser.add_argument("--repeat", type=int, default=10, help="times each dev set is repeated")
    parser.add_argument("--jobs", default="1,2", help="comma-separated --jobs values to run")
    parser.add_argument("--runs", type=int, default=1, help="runs per row; the best is kept")
    parser.add_argument("--inputs", default=",".join(INPUTS), help="comma-separated dev sets")
    args = parser.parse_args()

    restore = restore_command()
    jobs = [int(j) for j in args.jobs.split(",")]
    rows = []
    fresh = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        runs = max(args.runs, 3)
        startup = timed([*restore, "--jsonl"], None, runs)
        one = folder / "one.jsonl"
        one.write_text('{"id": "one", "text": "坚持以*建引领"}\n', encoding="utf-8")
        loaded = timed([*restore, "--jsonl"], one, runs)
        for name in args.inputs.split(","):
            for times, job_list in ((1, [1]), (args.repeat, jobs)):
                path, docs, chars = repeated(args.eval / f"{name}.jsonl", times, folder)
                bare = timed([sys.executable, "-c", BARE], path, args.runs)
                for n in job_list:
                    took = timed([*restore, "--jsonl", "--jobs", str(n)], path, args.runs)
                    rows.append((f"{name} x{times}, --jobs {n}", chars, took, bare))
                    print(f"  {rows[-1][0]}: {took:.2f} s", file=sys.stderr)
                    if times == 1:
                        fixed = loaded if "clean" not in name else startup
                        # Fixed costs measured apart can exceed a short run's own time.
                        fresh.append((name, chars / (took - fixed) if took - fixed > 0.05 else float("nan")))

    print(f"restore: {' '.join(restore)}; Python {sys.version.split()[0]}; {os.cpu_count()} CPUs\n")
    print("| input | chars | restore s | chars/s | bare s | ratio |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for label, chars, took, bare in rows:
        print(f"| {label} | {chars:,} | {took:.2f} | {chars / took:,.0f} | {bare:.2f} | {took / bare:.1f} |")
    print(
        f"\nFixed costs, included above (best of {runs}): start-up {startup:.2f} s (empty input); "
        f"start-up and lexicon load {loaded:.2f} s (one masked record)."
    )
    print("Fresh text, fixed costs taken out (x1 row less start-up, and less the lexicon load where"
          " there are masks): " + "; ".join(f"{name} {rate:,.0f} chars/s" for name, rate in fresh) + ".")


if __name__ == "__main__":
    main()
