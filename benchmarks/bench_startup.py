"""Start-up cost of the ``restore`` command: what a pre-commit hook pays per run.

    python benchmarks/bench_startup.py [--runs 15]

Median wall time of ``restore --check`` on a one-line clean file (one scan, no lexicon),
on a one-line damaged file (the lexicon and jieba's dictionary are loaded), and of
``python -c pass`` (the floor), measured in the same run, each after one warm-up run.

Twice: with bytecode for every module (as after ``pip install``, which compiles the
package; here in a temporary ``PYTHONPYCACHEPREFIX``), and with ``PYTHONDONTWRITEBYTECODE=1``
as in this project's shell, where the package (an editable install without
``__pycache__``) is compiled from source at every start. The target is at most 150 ms
above ``python -c pass`` for the clean file.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_throughput import restore_command

CLEAN = "今天天气很好，大家去公园散步。\n"
DAMAGED = "坚持以*建引领，落实**“一把手”责任制。\n"


def median_ms(cmd: list[str], runs: int, env: dict[str, str]) -> tuple[float, float]:
    """(median, best) wall time in milliseconds."""
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=False)  # warm-up
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000, min(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    restore = restore_command()

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        clean = folder / "small_clean.txt"
        clean.write_text(CLEAN, encoding="utf-8")
        damaged = folder / "small_damaged.txt"
        damaged.write_text(DAMAGED, encoding="utf-8")
        cached = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        cached["PYTHONPYCACHEPREFIX"] = str(folder / "pycache")
        uncached = {k: v for k, v in os.environ.items() if k != "PYTHONPYCACHEPREFIX"}
        uncached["PYTHONDONTWRITEBYTECODE"] = "1"

        rows = []
        for label, env in (("all .pyc", cached), ("restore compiled at start", uncached)):
            floor, floor_best = median_ms([sys.executable, "-c", "pass"], args.runs, env)
            for path in (clean, damaged):
                what = f"`restore --check {path.name}`"
                took, best = median_ms([*restore, "--check", str(path)], args.runs, env)
                rows.append((what, label, took, floor, best - floor_best))
            rows.append(("`python -c pass`", label, floor, floor, 0.0))

    print(f"Median of {args.runs} runs; Python {sys.version.split()[0]}; {os.cpu_count()} CPUs\n")
    print("| command | modules | median ms | over `python -c pass` | best-of over best-of |")
    print("| --- | --- | ---: | ---: | ---: |")
    for what, label, took, floor, best in rows:
        print(f"| {what} | {label} | {took:.0f} | {took - floor:+.0f} | {best:+.0f} |")


if __name__ == "__main__":
    main()
