"""Extract the SOFAStack website (``sofastack/sofastack.tech``) as plain Chinese text.

Keeps the Chinese Markdown pages under ``content/zh/`` (blog posts, project
documentation, meetup write-ups and community news of Ant Group's
SOFAStack middleware, written in Chinese); technical/blog register.
Licence: Apache License 2.0 (LICENSE).

Usage: python tools/corpus/extract_sofastack.py GITDIR COMMIT OUTDIR
"""

from __future__ import annotations

from _common import extract_docs, main_args


def keep(path: str) -> bool:
    """Which files are read."""
    return path.startswith("content/zh/") and path.endswith(".md")


def main() -> None:
    """Run the extraction."""
    gitdir, commit, outdir = main_args()
    extract_docs(gitdir, commit, outdir, keep)


if __name__ == "__main__":
    main()
