"""Extract the CloudWeGo website (``cloudwego/cloudwego.github.io``) as plain Chinese text.

Keeps the Chinese pages under ``content/zh/`` (documentation, blog posts and
community articles of ByteDance's CloudWeGo Go/Rust middleware, written in
Chinese); technical/blog register. Licence: Apache License 2.0 (LICENSE).

Usage: python tools/corpus/extract_cloudwego.py GITDIR COMMIT OUTDIR
"""

from __future__ import annotations

from _common import extract_docs, main_args


def keep(path: str) -> bool:
    """Which files are read."""
    return path.startswith("content/zh/") and path.endswith((".md", ".mdx"))


def main() -> None:
    """Run the extraction."""
    gitdir, commit, outdir = main_args()
    extract_docs(gitdir, commit, outdir, keep)


if __name__ == "__main__":
    main()
