"""Extract the TensorFlow documentation translations (``tensorflow/docs-l10n``) as plain Chinese text.

Keeps ``site/zh-cn/**`` Markdown pages and notebooks (Markdown cells only):
TensorFlow guides and tutorials translated into Chinese by people through
GitLocalize (machine-translated fallback pages are served by the website and
are not stored in this repository, per its README); technical register.
Licence: Apache License 2.0 (LICENSE).

Usage: python tools/corpus/extract_tf_docs_zh.py GITDIR COMMIT OUTDIR
"""

from __future__ import annotations

from _common import extract_docs, main_args


def keep(path: str) -> bool:
    """Which files are read."""
    return path.startswith("site/zh-cn/") and path.endswith((".md", ".ipynb"))


def main() -> None:
    """Run the extraction."""
    gitdir, commit, outdir = main_args()
    extract_docs(gitdir, commit, outdir, keep)


if __name__ == "__main__":
    main()
