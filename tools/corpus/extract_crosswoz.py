"""Extract the dialogues of CrossWOZ (``thu-coai/CrossWOZ``).

CrossWOZ is a Chinese task-oriented dialogue corpus (tourist, hotel, restaurant,
metro and taxi requests in Beijing) in which both sides were written by crowd
workers. Keeps the ``content`` of every message in the zipped ``val`` and
``test`` splits under ``data/crosswoz/`` (``train.json.zip`` is over the
snapshot's 4 MiB limit and absent), one utterance per line. Chat register.
Licence: Apache License 2.0 (repository LICENSE file).

Usage: python tools/corpus/extract_crosswoz.py GITDIR COMMIT OUTDIR
"""

from __future__ import annotations

import io
import json
import zipfile

from _common import Git, Writer, main_args


def main() -> None:
    """Run the extraction."""
    gitdir, commit, outdir = main_args()
    git = Git(gitdir, commit)
    writer = Writer(outdir)
    for path in sorted(git.ls("data/crosswoz")):
        raw = git.read(path) if path.endswith(".json.zip") else b""
        if not raw:
            continue
        with zipfile.ZipFile(io.BytesIO(raw)) as zf:
            for name in zf.namelist():
                for dialog in json.loads(zf.read(name).decode("utf-8")).values():
                    for msg in dialog.get("messages", []):
                        writer.add(str(msg.get("content", "")))
    writer.close()


if __name__ == "__main__":
    main()
