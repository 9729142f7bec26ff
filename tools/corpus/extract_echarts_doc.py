"""Extract the Apache ECharts documentation (``apache/echarts-doc``) as plain Chinese text.

Keeps the Chinese Markdown sources under ``zh/`` (option reference, API
reference and tutorials of the ECharts charting library, written in Chinese);
template directives (``{{ ... }}``) and code are removed; technical register.
Licence: Apache License 2.0 (LICENSE).

Usage: python tools/corpus/extract_echarts_doc.py GITDIR COMMIT OUTDIR
"""

from __future__ import annotations

from _common import extract_docs, main_args


def keep(path: str) -> bool:
    """Which files are read."""
    return path.startswith("zh/") and path.endswith(".md")


def main() -> None:
    """Run the extraction."""
    gitdir, commit, outdir = main_args()
    extract_docs(gitdir, commit, outdir, keep)


if __name__ == "__main__":
    main()
