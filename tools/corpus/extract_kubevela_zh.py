"""Extract the KubeVela website (``kubevela/kubevela.io``) as plain Chinese text.

Keeps the Chinese Docusaurus pages under ``i18n/zh/`` (KubeVela documentation
and blog translated or written in Chinese; untranslated English pages fall away
through the Han-character filter and versioned copies through line
deduplication); technical register. Licence: Apache License 2.0 (LICENSE).

Usage: python tools/corpus/extract_kubevela_zh.py GITDIR COMMIT OUTDIR
"""

from __future__ import annotations

from _common import extract_docs, main_args


def keep(path: str) -> bool:
    """Which files are read."""
    return path.startswith("i18n/zh/") and path.endswith((".md", ".mdx"))


def main() -> None:
    """Run the extraction."""
    gitdir, commit, outdir = main_args()
    extract_docs(gitdir, commit, outdir, keep)


if __name__ == "__main__":
    main()
