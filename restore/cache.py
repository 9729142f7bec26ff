"""An on-disk copy of what is slow to build and seldom changes: the word table.

Building the table from jieba's ``dict.txt`` and the lexicons (500,000 entries, every
prefix added) takes longer than the rest of a short run. Corpus runs and pre-commit hooks start ``restore``
many times over, so the first run that needs the table writes it here and later runs
read it back (:func:`restore.wordtable.load_word_table`).

The file's name holds a digest of everything the table is built from (each source
file's path and a SHA-256 of its content, restore's version, Python's version), so a
new jieba, an edited lexicon, a new restore or a new Python builds a new file and
never reads a stale one; the newest :data:`KEEP` files of a kind stay. Writes are
atomic (a temporary file, then :func:`os.replace`); a file that cannot be read back, is
not a regular file, or holds records that make no sense is ignored and rebuilt, and a folder that cannot be written is no error: the run goes on
without the cache.

Where: ``$RESTORE_CACHE_DIR`` if set (an empty value turns the cache off), else
``$XDG_CACHE_HOME/restore``, else ``~/.cache/restore`` (``%LOCALAPPDATA%\\restore`` on
Windows).
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
from collections.abc import Sequence
from pathlib import Path

#: Environment variable naming the cache folder; set and empty, no cache is used.
CACHE_ENV = "RESTORE_CACHE_DIR"


def cache_dir() -> Path | None:
    """The folder cached tables go in, or None when the user turned the cache off."""
    if CACHE_ENV in os.environ:
        chosen = os.environ[CACHE_ENV]
        return Path(chosen) if chosen else None
    if sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "restore"
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "restore"


def cache_file(kind: str, sources: Sequence[Path]) -> Path | None:
    """Where the table ``kind`` built from ``sources`` is kept, or None (no cache, or a
    source cannot be looked at)."""
    folder = cache_dir()
    if folder is None:
        return None
    from . import __version__
    from .untrusted import read_regular

    key = [kind, __version__, sys.version, str(marshal.version)]
    for source in sources:
        try:
            # The content, not the size and mtime: an edit that keeps both (a tool that
            # restores the mtime, two saves in one clock tick) must not be served stale.
            content = hashlib.sha256(read_regular(source)).hexdigest()
        except (OSError, ValueError):
            return None  # the build reports what is wrong with the file
        key += [str(source.resolve()), content]
    digest = hashlib.sha256("\0".join(key).encode("utf-8", "surrogatepass")).hexdigest()[:20]
    return folder / f"{kind}-{digest}.marshal"


def read_bytes(path: Path | None) -> bytes | None:
    """The bytes stored at ``path``, or None when there are none or they cannot be read
    (what they hold is the caller's to check: a damaged file is rebuilt and written again)."""
    if path is None:
        return None
    from .untrusted import read_regular

    try:
        # A regular file of bounded size: a FIFO or /dev/zero put there neither hangs
        # the run nor fills its memory.
        return read_regular(path, CACHE_LIMIT)
    except (OSError, ValueError):
        return None


#: The most bytes a cached table may hold (the word table: about 11 MB).
CACHE_LIMIT = 256 << 20


#: Files of one kind kept in the cache folder: the newest ones; a new user lexicon
#: (or a new version of one) makes a new file, and the oldest beyond these go.
KEEP = 4


def write_bytes(path: Path | None, data: bytes) -> None:
    """Store ``data`` at ``path`` atomically, and drop the oldest files of its kind
    beyond :data:`KEEP`; silently skipped when that fails."""
    if path is None:
        return
    import tempfile

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except (OSError, ValueError):
        try:
            os.unlink(tmp)
        except OSError:
            pass
        return
    _prune(path)


def _prune(path: Path) -> None:
    """Remove the files of ``path``'s kind but the KEEP most recently written."""
    kind = path.name.rsplit("-", 1)[0]
    try:
        kept = sorted(path.parent.glob(f"{kind}-*.marshal"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
        for old in kept[KEEP:]:
            if old != path:
                old.unlink()
    except OSError:
        pass
