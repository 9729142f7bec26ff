"""Extract the Chinese Hugging Face course (``huggingface/course``) as plain Chinese text.

Keeps ``chapters/zh-CN/**`` (the Hugging Face NLP course translated into
Simplified Chinese by community volunteers; code removed); technical register.
Licence: Apache License 2.0 (LICENSE).

Usage: python tools/corpus/extract_hf_course_zh.py GITDIR COMMIT OUTDIR
"""

from __future__ import annotations

from _common import extract_docs, main_args


def keep(path: str) -> bool:
    """Which files are read."""
    return path.startswith("chapters/zh-CN/") and path.endswith((".md", ".mdx"))


def main() -> None:
    """Run the extraction."""
    gitdir, commit, outdir = main_args()
    extract_docs(gitdir, commit, outdir, keep)


if __name__ == "__main__":
    main()
