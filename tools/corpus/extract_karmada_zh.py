"""Extract the Karmada website (``karmada-io/website``) as plain Chinese text.

Keeps the Chinese Docusaurus pages under ``i18n/zh/`` (Karmada multi-cluster
Kubernetes documentation and blog in Chinese; untranslated English pages fall
away through the Han-character filter, versioned copies through line
deduplication); technical register. Licence: CC BY 4.0 (LICENSE:
"Attribution 4.0 International").

Usage: python tools/corpus/extract_karmada_zh.py GITDIR COMMIT OUTDIR
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
