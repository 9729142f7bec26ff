"""Extract the Taiwanese (zh_TW) translation of the Python documentation, converted to Simplified.

Source: ``mattwang44/python-docs-zh-tw`` (a maintainer's fork of
``python/python-docs-zh-tw``, whose snapshot is too large to fetch); use the
commit of the ``3.12`` branch, which holds the ``.po`` files. Same filtering as
``extract_python_docs_zh.py`` (non-fuzzy, translated ``msgstr`` entries with at
least four Han characters, reStructuredText markup stripped), then OpenCC
``t2s``. Volunteer translations by the Taiwanese Python community; technical
register. Licence: the README's Documentation Contribution Agreement places
translations "for the PSF's use under the CC0 license".

Usage: python tools/corpus/extract_python_docs_zh_tw.py GITDIR COMMIT OUTDIR
"""

from __future__ import annotations

from _common import main_args, t2s_converter
from extract_python_docs_zh import extract_po


def main() -> None:
    """Run the extraction."""
    gitdir, commit, outdir = main_args()
    extract_po(gitdir, commit, outdir, t2s_converter())


if __name__ == "__main__":
    main()
