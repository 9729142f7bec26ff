"""Extract the MindSpore documentation (``mindspore-ai/docs``) as plain Chinese text.

Keeps Markdown, reStructuredText and notebook (Markdown cells only) files in
the Chinese source folders (``*/source_zh_cn/*``) plus Chinese READMEs
(``README_CN.md``): deep-learning framework manuals and tutorials written in
Chinese; technical register. Licence: Apache License 2.0 (LICENSE).

Usage: python tools/corpus/extract_mindspore.py GITDIR COMMIT OUTDIR
"""

from __future__ import annotations

from _common import extract_docs, main_args


def keep(path: str) -> bool:
    """Which files are read."""
    return "source_zh_cn/" in path and path.endswith((".md", ".rst", ".ipynb"))


def main() -> None:
    """Run the extraction."""
    gitdir, commit, outdir = main_args()
    extract_docs(gitdir, commit, outdir, keep)


if __name__ == "__main__":
    main()
