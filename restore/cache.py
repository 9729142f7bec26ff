"""An on-disk copy of what is slow to build and never changes: jieba's word table.

Building the table from jieba's ``dict.txt`` (350,000 words, every prefix added) takes
about 0.6 s; reading it back with :mod:`marshal` about 0.15 s. Corpus runs and
pre-commit hooks start ``restore`` many times over, so the first run that needs the
table writes it here and later runs read it.

The file's name holds a digest of everything the table is built from (the source
file's path, size and modification time, restore's version, Python's version), so a
new jieba, a new restore or a new Python builds a new file and never reads a stale
one. Writes are atomic (a temporary file, then :func:`os.replace`); a file that cannot
be read back is ignored and rebuilt, and a folder that cannot be written is no error:
the run goes on without the cache.

Where: ``$RESTORE_CACHE_DIR`` if set (an empty value turns the cache off), else
``$XDG_CACHE_HOME/restore``, else ``~/.cache/restore`` (``%LOCALAPPDATA%\\restore`` on
Windows).
"""
from __future__ import annotations

import hashlib
import marshal
import os
import sys
from pathlib import Path
from typing import Any

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


def cache_file(kind: str, source: Path) -> Path | None:
    """Where the table ``kind`` built from ``source`` is kept, or None (no cache, or
    the source cannot be looked at)."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        st = source.stat()
    except OSError:
        return None
    from . import __version__

    key = "\0".join(
        (kind, str(source.resolve()), str(st.st_size), str(st.st_mtime_ns), __version__, sys.version, str(marshal.version))
    )
    return folder / f"{kind}-{hashlib.sha256(key.encode('utf-8', 'surrogatepass')).hexdigest()[:20]}.marshal"


def read(path: Path | None) -> Any:
    """The value stored at ``path``, or None when there is none or it cannot be read."""
    if path is None:
        return None
    try:
        data = path.read_bytes()
    except OSError:
        return None
    try:
        return marshal.loads(data)
    except (EOFError, ValueError, TypeError):
        return None  # truncated or not ours: rebuilt and written again


def write(path: Path | None, value: Any) -> None:
    """Store ``value`` at ``path`` atomically; silently skipped when that fails."""
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
            marshal.dump(value, fh)
        os.replace(tmp, path)
    except (OSError, ValueError):
        try:
            os.unlink(tmp)
        except OSError:
            pass
