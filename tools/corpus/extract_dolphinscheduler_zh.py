"""Extract the Apache DolphinScheduler documentation (``apache/dolphinscheduler``) as plain Chinese text.

Keeps the Chinese Markdown pages under ``docs/docs/zh/`` (workflow-scheduler
documentation written in Chinese); technical register. Licence: Apache
License 2.0 (LICENSE).

Usage: python tools/corpus/extract_dolphinscheduler_zh.py GITDIR COMMIT OUTDIR
"""

from __future__ import annotations

from _common import extract_docs, main_args


def keep(path: str) -> bool:
    """Which files are read."""
    return path.startswith("docs/docs/zh/") and path.endswith(".md")


def main() -> None:
    """Run the extraction."""
    gitdir, commit, outdir = main_args()
    extract_docs(gitdir, commit, outdir, keep)


if __name__ == "__main__":
    main()
