"""Extract the ServiceMesher community website (``servicemesher/website``) as plain Chinese text.

Keeps the Markdown posts under ``content/`` (service-mesh and cloud-native
articles written or translated into Chinese by ServiceMesher community members;
code removed); technical/blog register. Licence: Apache License 2.0 (LICENSE).

Usage: python tools/corpus/extract_servicemesher.py GITDIR COMMIT OUTDIR
"""

from __future__ import annotations

from _common import extract_docs, main_args


def keep(path: str) -> bool:
    """Which files are read."""
    return path.startswith("content/") and path.endswith(".md")


def main() -> None:
    """Run the extraction."""
    gitdir, commit, outdir = main_args()
    extract_docs(gitdir, commit, outdir, keep)


if __name__ == "__main__":
    main()
