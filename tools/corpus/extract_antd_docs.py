"""Extract the Ant Design documentation (``ant-design/ant-design``) as plain Chinese text.

Keeps every ``*.zh-CN.md`` page (component documentation and design guides of
the Ant Design React UI library, written in Chinese); technical register.
Licence: MIT (LICENSE: "MIT LICENSE Copyright (c) 2015-present Ant UED").

Usage: python tools/corpus/extract_antd_docs.py GITDIR COMMIT OUTDIR
"""

from __future__ import annotations

from _common import extract_docs, main_args


def keep(path: str) -> bool:
    """Which files are read."""
    return path.endswith(".zh-CN.md")


def main() -> None:
    """Run the extraction."""
    gitdir, commit, outdir = main_args()
    extract_docs(gitdir, commit, outdir, keep)


if __name__ == "__main__":
    main()
