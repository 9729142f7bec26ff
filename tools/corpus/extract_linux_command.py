"""Extract linux-command (``jaywcjlove/linux-command``) as plain Chinese text.

Keeps the command pages ``command/*.md`` (Chinese explanations and usage
notes for about 600 Linux commands, written by contributors in Chinese; code
examples removed); technical register. Licence: MIT (LICENSE: "MIT License
Copyright © 2019 小弟调调™").

Usage: python tools/corpus/extract_linux_command.py GITDIR COMMIT OUTDIR
"""

from __future__ import annotations

from _common import extract_docs, main_args


def keep(path: str) -> bool:
    """Which files are read."""
    return path.startswith("command/") and path.endswith(".md")


def main() -> None:
    """Run the extraction."""
    gitdir, commit, outdir = main_args()
    extract_docs(gitdir, commit, outdir, keep)


if __name__ == "__main__":
    main()
