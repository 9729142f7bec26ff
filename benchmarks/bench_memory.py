"""Peak memory of ``restore --jsonl`` on a long stream: it must stay flat.

    python benchmarks/bench_memory.py [--size-mb 1024] [--jobs 1] [--eval EVAL_DIR]

Generates a JSON Lines stream of about ``--size-mb`` megabytes on the fly (the dev-pz
documents as ``{"id","text"}``, repeated with new ids), pipes it into
``restore --jsonl > /dev/null`` and reports the child's wall time and peak RSS
(``ru_maxrss`` from ``wait4``: the largest single process, a worker's with ``--jobs``).
The same is measured at an eighth of the size: equal peaks mean memory does not grow
with the input. The floor, measured in the same run: a bare Python process that reads
and json-decodes the same stream.

At ~0.3 M characters a second a full gigabyte takes about 20 minutes on one core; run
smaller with ``--size-mb``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_throughput import restore_command

BARE = r"""
import json, sys
n = 0
for line in sys.stdin.buffer:
    n += len(json.loads(line)["text"])
print(n)
"""


def feed(cmd: list[str], lines: list[bytes], size: int) -> tuple[float, int, int, int]:
    """Pipe ``size`` bytes of lines (new ids each round) into ``cmd``: (seconds, peak KiB, bytes, docs)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert proc.stdin is not None
    sent = docs = 0
    round_ = 0
    try:
        while sent < size:
            for body in lines:
                line = b'{"id": "r%d-%d", %s\n' % (round_, docs, body)
                proc.stdin.write(line)
                sent += len(line)
                docs += 1
                if sent >= size:
                    break
            round_ += 1
        proc.stdin.close()
    except BrokenPipeError:
        pass
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    took = time.perf_counter() - start
    err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}): {err}")
    kib = usage.ru_maxrss if sys.platform != "darwin" else usage.ru_maxrss // 1024
    return took, kib, sent, docs


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--size-mb", type=float, default=1024, help="size of the stream in MB (10^6 bytes)")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument(
        "--eval",
        type=Path,
        default=os.environ.get("RESTORE_EVAL"),
        help="the eval kit folder (default: $RESTORE_EVAL; see CONTRIBUTING.md)",
    )
    args = parser.parse_args()
    if args.eval is None:
        parser.error("name the eval kit folder with --eval or $RESTORE_EVAL (see CONTRIBUTING.md)")

    # Each line without its id: the id is put in front for every copy.
    lines = []
    for line in (args.eval / "dev-pz.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            text = json.loads(line)["text"]
            lines.append(b'"text": ' + json.dumps(text, ensure_ascii=False).encode("utf-8") + b"}")

    restore = [*restore_command(), "--jsonl", "--jobs", str(args.jobs)]
    full = int(args.size_mb * 1e6)
    rows = []
    commands = [
        ("bare read + json.loads", [sys.executable, "-c", BARE]),
        (" ".join(["restore", *restore[1:]]), restore),
    ]
    for label, cmd in commands:
        for size in (full // 8, full):
            took, kib, sent, docs = feed(cmd, lines, size)
            rows.append((label, sent, docs, took, kib))
            print(f"  {label}, {sent / 1e6:,.0f} MB: {took:.1f} s, {kib / 1024:.0f} MiB", file=sys.stderr)

    print(f"Python {sys.version.split()[0]}; {os.cpu_count()} CPUs\n")
    print("| command | input MB | documents | wall s | MB/s | peak RSS MiB |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for label, sent, docs, took, kib in rows:
        mb = sent / 1e6
        print(f"| `{label}` | {mb:,.0f} | {docs:,} | {took:.1f} | {mb / took:.2f} | {kib / 1024:.0f} |")


if __name__ == "__main__":
    main()
