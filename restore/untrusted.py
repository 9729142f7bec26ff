"""Files that someone else may have made: models, lexicons. Data, never a code path.

Each is read only when it is a regular file (a FIFO would hang the run, ``/dev/zero``
would fill memory), up to a size limit, and a gzip'd file up to a limit on what it
decompresses to (a gzip bomb). A model's structure, types and bounds are checked before
any of it is used, so a crafted file is one ``PATH: reason`` line, never a traceback or a
wrong restoration.
"""

from __future__ import annotations

import json
import os
import stat
from typing import Any

#: The most bytes a lexicon or a model file may hold (the shipped model is 52 kB, the
#: largest shipped lexicon 29 kB; a learned model of a large corpus a few MB).
FILE_LIMIT = 64 << 20
#: The most bytes a gzip'd model may decompress to (the shipped one: 235 kB).
DECOMPRESSED_LIMIT = 256 << 20
#: The longest context a model may keep on each side, and the most characters it may rank.
MAX_ORDER = 8
MAX_CANDIDATES = 8


class UntrustedFileError(ValueError):
    """A file that is not what it should be; the message says why, without the path."""


def read_regular(path: str | os.PathLike[str], limit: int = FILE_LIMIT) -> bytes:
    """The bytes of ``path``, which must be a regular file of at most ``limit`` bytes.

    Opened without blocking, so a FIFO is refused rather than waited on. Raises
    OSError (no such file, no permission) or :class:`UntrustedFileError`.
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise UntrustedFileError("not a regular file")
        if st.st_size > limit:
            raise UntrustedFileError(f"larger than {limit >> 20} MiB")
        with os.fdopen(os.dup(fd), "rb") as fh:
            data = fh.read(limit + 1)
    finally:
        os.close(fd)
    if len(data) > limit:
        raise UntrustedFileError(f"larger than {limit >> 20} MiB")
    return data


def read_json_gz(path: str | os.PathLike[str]) -> Any:
    """The JSON value in a gzip'd regular file, decompressed to at most :data:`DECOMPRESSED_LIMIT`."""
    import gzip
    import io
    import zlib

    data = read_regular(path)
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as fh:
            text = fh.read(DECOMPRESSED_LIMIT + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise UntrustedFileError(f"not gzip'd ({exc})") from None
    if len(text) > DECOMPRESSED_LIMIT:
        raise UntrustedFileError(f"decompresses to more than {DECOMPRESSED_LIMIT >> 20} MiB")
    try:
        return json.loads(text.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise UntrustedFileError(f"not UTF-8 JSON (byte {exc.start})") from None
    except RecursionError:
        raise UntrustedFileError("JSON nested too deeply") from None
    except ValueError as exc:
        raise UntrustedFileError(f"not JSON ({exc})") from None


def check_model(payload: dict[str, Any]) -> None:
    """Check a context model's structure, types and bounds; raise :class:`UntrustedFileError` if wrong.

    The layout is :meth:`restore.context.ContextModel.save`'s: ``candidates`` (a string
    of at most 8 characters), ``unigram`` (character -> count), ``left`` and ``right``
    (context of at most ``order`` characters -> character -> count), ``chars`` and
    ``order`` (1-8). Counts are non-negative integers.
    """
    for key in ("candidates", "unigram", "left", "right"):
        if key not in payload:
            raise UntrustedFileError(f"no {key!r} member")
    candidates = payload["candidates"]
    if not isinstance(candidates, str) or not 0 < len(candidates) <= MAX_CANDIDATES:
        raise UntrustedFileError(f"'candidates' must be a string of 1 to {MAX_CANDIDATES} characters")
    order = payload.get("order", 3)
    if type(order) is not int or not 1 <= order <= MAX_ORDER:
        raise UntrustedFileError(f"'order' must be an integer from 1 to {MAX_ORDER}")
    chars = payload.get("chars", 0)
    if type(chars) is not int or chars < 0:
        raise UntrustedFileError("'chars' must be a non-negative integer")
    _check_counts(payload["unigram"], "unigram", key_length=1)
    for side in ("left", "right"):
        table = payload[side]
        if not isinstance(table, dict):
            raise UntrustedFileError(f"{side!r} must be an object")
        for context, counts in table.items():
            if not 0 < len(context) <= order:
                raise UntrustedFileError(f"{side!r}: context {context[:20]!r} is not 1 to {order} characters")
            _check_counts(counts, side, key_length=1)


def _check_counts(counts: object, where: str, *, key_length: int) -> None:
    if not isinstance(counts, dict):
        raise UntrustedFileError(f"{where!r}: expected an object of counts")
    for key, value in counts.items():
        if len(key) != key_length:
            raise UntrustedFileError(f"{where!r}: key {key[:20]!r} is not one character")
        if type(value) is not int or value < 0:
            raise UntrustedFileError(f"{where!r}: count of {key!r} is not a non-negative integer")
