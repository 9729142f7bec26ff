"""Extract the PaddlePaddle documentation (``PaddlePaddle/docs``) as plain Chinese text.

Keeps every Markdown and reStructuredText file under ``docs/`` except the
English ones (``*_en.*``); lines with fewer than four Han characters are
dropped, so English text falls away. Deep-learning framework guides and API
reference written in Chinese; technical register. Licence: Apache License 2.0
(LICENSE).

Usage: python tools/corpus/extract_paddle_docs.py GITDIR COMMIT OUTDIR
"""

from __future__ import annotations

from _common import extract_docs, main_args


def keep(path: str) -> bool:
    """Which files are read."""
    return (
        path.startswith("docs/")
        and path.endswith((".md", ".rst"))
        and not path.endswith(("_en.md", "_en.rst"))
    )


def main() -> None:
    """Run the extraction."""
    gitdir, commit, outdir = main_args()
    extract_docs(gitdir, commit, outdir, keep)


if __name__ == "__main__":
    main()
