"""Extract the Chinese react.dev translation (``reactjs/zh-hans.react.dev``) as plain Chinese text.

Keeps the Markdown content under ``src/content/`` (React documentation and
blog translated into Simplified Chinese by community volunteers; untranslated
English paragraphs fall away through the Han-character filter); technical
register. Licence: CC BY 4.0 for the documentation (LICENSE-DOCS.md).

Usage: python tools/corpus/extract_react_zh.py GITDIR COMMIT OUTDIR
"""

from __future__ import annotations

from _common import extract_docs, main_args


def keep(path: str) -> bool:
    """Which files are read."""
    return path.startswith("src/content/") and path.endswith((".md", ".mdx"))


def main() -> None:
    """Run the extraction."""
    gitdir, commit, outdir = main_args()
    extract_docs(gitdir, commit, outdir, keep)


if __name__ == "__main__":
    main()
