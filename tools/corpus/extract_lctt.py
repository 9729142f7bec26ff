"""Extract the published translations of Linux 中国 LCTT (``LCTT/TranslateProject``).

Keeps ``published/**/*.md`` from 2013 to 2023: articles about Linux and open
source (mostly from opensource.com and similar sites) translated into Chinese
by volunteer translators and proof-read by editors; tech-news/blog register.
Files from 2024 on are skipped in case machine-assisted translation was used.
The ``[#]: ...`` metadata header, code blocks, markup and URLs are removed.
Licence: Apache License 2.0 (repository LICENSE file).

Usage: python tools/corpus/extract_lctt.py GITDIR COMMIT OUTDIR
"""

from __future__ import annotations

import re

from _common import extract_markdown, main_args


def keep(path: str) -> bool:
    """Published articles, 2013-2023 month folders plus the series folders."""
    if not (path.startswith("published/") and path.endswith(".md")):
        return False
    folder = path.split("/")[1]
    return not re.match(r"20(2[4-9]|[3-9]\d)", folder)


def main() -> None:
    """Run the extraction."""
    gitdir, commit, outdir = main_args()
    extract_markdown(gitdir, commit, outdir, keep)


if __name__ == "__main__":
    main()
