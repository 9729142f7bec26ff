"""Extract the ArkUI-X documentation (``arkui-x/docs``) as plain Chinese text.

Keeps the Chinese Markdown pages under ``zh-cn/`` (ArkUI-X / OpenHarmony
cross-platform application development guides and API reference, written in
Chinese; code removed); technical register. Licence: CC BY 4.0 (LICENSE:
"Attribution 4.0 International").

Usage: python tools/corpus/extract_arkuix_docs.py GITDIR COMMIT OUTDIR
"""

from __future__ import annotations

from _common import extract_docs, main_args


def keep(path: str) -> bool:
    """Which files are read."""
    return path.startswith("zh-cn/") and path.endswith(".md")


def main() -> None:
    """Run the extraction."""
    gitdir, commit, outdir = main_args()
    extract_docs(gitdir, commit, outdir, keep)


if __name__ == "__main__":
    main()
