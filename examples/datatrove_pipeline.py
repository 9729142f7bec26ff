#!/usr/bin/env python
"""Restore a JSONL corpus with datatrove: JsonlReader -> RestoreStep -> JsonlWriter.

    pip install 'zh-restore[datatrove]'
    python examples/datatrove_pipeline.py corpus/ restored/ --tasks 8 --workers 4

Every ``*.jsonl`` / ``*.jsonl.gz`` file under the input folder is read (``id`` and
``text`` per line), masked characters are restored in ``text`` (numeric gaps are
reported, never marked, in the text), and each document gets
``metadata["restore"] = {"edits": [...], "alphabet": ..., "counts": {...}}``. Output:
``<output>/00000.jsonl.gz`` ... one gzip'd JSONL file per task; logs and per-step stats
(masks, restored, unresolved, gaps) in ``<output>-logs/`` or ``--logging-dir``. A
rerun skips the tasks that already completed (delete the logging dir to start over).

On a cluster, keep the pipeline and swap the executor (argument names checked against
datatrove 0.4 to 0.10; the folders must be on a filesystem that every node sees)::

    from datatrove.executor import SlurmPipelineExecutor

    SlurmPipelineExecutor(
        pipeline=pipeline,
        tasks=256,                   # shards of the input files
        time="04:00:00",             # sbatch --time, per task
        partition="cpu",             # sbatch --partition
        job_name="restore",
        logging_dir="/shared/restore/logs",
        cpus_per_task=1,
        mem_per_cpu_gb=2,
        workers=64,                  # at most this many tasks at once (-1: no limit)
        venv_path="/shared/venvs/restore/bin/activate",  # or condaenv= / env_command=
    ).run()

    # RayPipelineExecutor needs datatrove>=0.5 and Ray: pip install 'datatrove[ray]'
    import ray
    from datatrove.executor import RayPipelineExecutor

    ray.init()                       # connect to the running Ray cluster first
    RayPipelineExecutor(
        pipeline=pipeline,
        tasks=256,
        workers=64,
        logging_dir="/shared/restore/logs",
        cpus_per_task=1,
        mem_per_cpu_gb=2,
    ).run()

Each task creates its own Restorer (and loads the lexicon once, on its first
masked document); the step itself only carries the small frozen ``RestoreConfig``.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from datatrove.executor import LocalPipelineExecutor
from datatrove.pipeline.readers import JsonlReader
from datatrove.pipeline.writers import JsonlWriter

from restore import RestoreConfig
from restore.integrations.datatrove import RestoreStep


def build_pipeline(
    input_dir: str, output_dir: str, config: RestoreConfig, annotate_only: bool = False
) -> list:
    return [
        JsonlReader(input_dir, text_key="text", id_key="id"),
        RestoreStep(config, annotate_only=annotate_only),
        JsonlWriter(output_dir),  # gzip by default: ${rank}.jsonl.gz
    ]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("input_dir", help="folder of .jsonl / .jsonl.gz files with 'id' and 'text'")
    parser.add_argument("output_dir", help="folder for the restored .jsonl.gz files")
    parser.add_argument("--tasks", type=int, default=1, help="shards (input files are split among them)")
    parser.add_argument("--workers", type=int, default=-1, help="tasks run at once (-1: all)")
    parser.add_argument("--logging-dir", default=None, help="default: <output_dir>-logs")
    parser.add_argument("--min-confidence", type=float, default=RestoreConfig.min_confidence)
    parser.add_argument(
        "--annotate-only", action="store_true", help="leave the text as it is; only add metadata"
    )
    args = parser.parse_args(argv)

    config = RestoreConfig(min_confidence=args.min_confidence)
    logging_dir = args.logging_dir or str(
        Path(args.output_dir).with_name(Path(args.output_dir).name + "-logs")
    )
    LocalPipelineExecutor(
        pipeline=build_pipeline(args.input_dir, args.output_dir, config, args.annotate_only),
        tasks=args.tasks,
        workers=args.workers,
        logging_dir=logging_dir,
    ).run()


if __name__ == "__main__":
    main()
