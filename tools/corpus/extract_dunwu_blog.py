"""Extract dunwu's technical blog (``dunwu/blog``) as plain Chinese text.

Keeps the posts under ``source/_posts/`` (about 600 Chinese articles on Java,
databases, distributed systems, Linux and front-end development, written by
the author; code removed); technical/blog register. Licence: CC BY-SA 4.0
(LICENSE: "Attribution-ShareAlike 4.0 International").

Usage: python tools/corpus/extract_dunwu_blog.py GITDIR COMMIT OUTDIR
"""

from __future__ import annotations

from _common import extract_docs, main_args


def keep(path: str) -> bool:
    """Which files are read."""
    return path.startswith("source/_posts/") and path.endswith(".md")


def main() -> None:
    """Run the extraction."""
    gitdir, commit, outdir = main_args()
    extract_docs(gitdir, commit, outdir, keep)


if __name__ == "__main__":
    main()
