"""Extract the Chinese webpack documentation (``docschina/webpack.js.org``) as plain Chinese text.

Keeps the Markdown pages under ``src/content/`` (webpack documentation
translated into Chinese by the docschina community); technical register.
Licence: CC BY 4.0 (LICENSE: "Attribution 4.0 International").

Usage: python tools/corpus/extract_webpack_zh.py GITDIR COMMIT OUTDIR
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
