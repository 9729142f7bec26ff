"""Bytes <-> text with a byte-exact round trip, and atomic writes.

The tool must give back every byte it did not mean to change: the encoding, the
byte-order mark, the line endings (CRLF, CR, mixed) and a missing final newline. So
files are read and written as bytes, decoded here without any newline translation,
and encoded back with the encoding and BOM they came with.

>>> d = decode("坚持以*建引领\\r\\n".encode("gb18030"), None)
>>> d.encoding, d.text
('gb18030', '坚持以*建引领\\r\\n')
>>> encode(d.text, d) == "坚持以*建引领\\r\\n".encode("gb18030")
True
"""

from __future__ import annotations

import codecs
import errno
import os
import stat
from typing import TYPE_CHECKING, BinaryIO, NamedTuple

if TYPE_CHECKING:
    from pathlib import Path

#: What :func:`decode` tries, in order, when no encoding is given (GB18030 covers GBK and GB2312).
AUTO_ENCODINGS = ("utf-8", "gb18030")

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class DecodeError(ValueError):
    """The input is not text in an encoding the tool can read (and write back)."""


class EncodeError(ValueError):
    """The restored text cannot be written back in the input's encoding."""


class Decoded(NamedTuple):
    """A decoded document and what :func:`encode` needs to write it back unchanged."""

    text: str
    #: Python codec name: ``utf-8``, ``utf-16-le``, ``utf-16-be``, ``gb18030`` or what
    #: the user named with ``--encoding``.
    encoding: str
    #: The byte-order mark the input started with (``b""`` when none).
    bom: bytes = b""


def check_encoding(name: str) -> str:
    """Return the codec's canonical name, or raise LookupError for an unknown one.

    >>> check_encoding("GBK")
    'gbk'
    """
    return codecs.lookup(name).name


def decode(data: bytes, encoding: str | None = None) -> Decoded:
    """Decode ``data``; with ``encoding=None``, detect UTF-8 (BOM or not), UTF-16 (BOM) or GB18030.

    Raises :class:`DecodeError` for anything else, binary data (NUL bytes) included,
    and for bytes that would not come back unchanged from :func:`encode`.

    >>> decode(b"\\xef\\xbb\\xbfab", None)
    Decoded(text='ab', encoding='utf-8', bom=b'\\xef\\xbb\\xbf')
    """
    if encoding is not None:
        return _decode_as(data, check_encoding(encoding))
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return _exact(data[len(bom) :], name, bom)
            except DecodeError:
                raise DecodeError(
                    f"starts with a {name.upper()} byte-order mark but is not {name.upper()}"
                ) from None
    if b"\x00" in data:
        raise DecodeError("looks binary (contains NUL bytes); for UTF-16 without a BOM use --encoding")
    for name in AUTO_ENCODINGS:
        try:
            return _exact(data, name, b"")
        except DecodeError:
            continue
    raise DecodeError("cannot decode as UTF-8 or GB18030 (use --encoding)")


def _decode_as(data: bytes, name: str) -> Decoded:
    """Decode with the encoding the user named, setting aside a BOM of that encoding."""
    # Which BOMs each named encoding may start with, and the codec for the rest.
    allowed = {
        "utf-8": _BOMS[:1],
        "utf-8-sig": _BOMS[:1],
        "utf-16": _BOMS[1:],
        "utf-16-le": _BOMS[1:2],
        "utf-16-be": _BOMS[2:],
    }.get(name, ())
    bom = b""
    for mark, family in allowed:
        if data.startswith(mark):
            bom, name = mark, family
            break
    else:
        # Without a BOM, UTF-16 is read (and written back) little-endian, as Python reads it.
        name = {"utf-8-sig": "utf-8", "utf-16": "utf-16-le"}.get(name, name)
    try:
        return _exact(data[len(bom) :], name, bom)
    except DecodeError as exc:
        raise DecodeError(f"cannot decode as {name}: {exc}") from None


def _exact(body: bytes, name: str, bom: bytes) -> Decoded:
    try:
        text = body.decode(name)
    except UnicodeDecodeError as exc:
        raise DecodeError(f"{exc.reason} at byte {exc.start + len(bom)}") from None
    if name != "utf-8" and text.encode(name) != body:
        # UTF-8 (strict) always round-trips; other codecs may map two byte sequences to one character.
        raise DecodeError(f"does not round-trip through {name}")
    return Decoded(text, name, bom)


def encode(text: str, decoded: Decoded) -> bytes:
    """Encode ``text`` the way ``decoded`` was read: same encoding, same BOM.

    >>> encode("党建", Decoded("*建", "utf-16-le", codecs.BOM_UTF16_LE))
    b'\\xff\\xfeZQ\\xfa^'
    """
    try:
        return decoded.bom + text.encode(decoded.encoding)
    except UnicodeEncodeError as exc:
        bad = exc.object[exc.start : exc.end]
        codes = " ".join(f"U+{ord(c):04X}" for c in bad)
        raise EncodeError(
            f"cannot write {bad!r} ({codes}) in {decoded.encoding} (use --gap-marker or --encoding)"
        ) from None


def is_read_only(path: str | os.PathLike[str]) -> bool:
    """True when the file may not be rewritten: no write permission, or no write bit at all.

    The second test matters when running as root, who may write anything: a file
    someone marked read-only is still left alone.
    """
    mode = os.stat(path).st_mode
    return not os.access(path, os.W_OK) or not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)


class AtomicWriter:
    """A binary file that replaces ``path`` only when the ``with`` block ends without error.

    The data goes to a temporary file ``.NAME.XXXX.tmp`` in the same folder, which is
    flushed, fsynced, given the original's permission bits (and owner, where the
    process may set it) and renamed over the original; the folder is then fsynced so
    that the rename itself survives a crash. A reader sees the old file or the new
    one, never half of one; a process killed midway leaves the original as it was
    (and at most a stray temporary file, which no reader mistakes for it). A
    symbolic link is followed: its target is replaced and the link stays. On error
    the temporary file is removed and the original is untouched.

    A target that exists and is not a regular file (a FIFO, ``/dev/stdout``,
    ``/dev/null``) is never replaced by a regular file: with ``through=True`` the
    data is written straight into it, with ``through=False`` (rewriting a file in
    place) :class:`OSError` is raised before anything is written.
    """

    def __init__(self, path: str | os.PathLike[str], *, through: bool = True) -> None:
        from pathlib import Path  # not at import: reading JSON Lines never needs it

        self.path = path
        self.target = Path(os.path.realpath(path))
        self.through = through

    def __enter__(self) -> BinaryIO:
        self.tmp: str | None = None
        try:
            st: os.stat_result | None = os.stat(self.target)
        except FileNotFoundError:
            st = None
        if st is not None and not stat.S_ISREG(st.st_mode):
            if not self.through:
                raise OSError(errno.EINVAL, "not a regular file", str(self.path))
            # Nothing to replace atomically: write into the FIFO or device itself.
            self.fh: BinaryIO = open(self.path, "wb")
            return self.fh
        self.stat = st
        import tempfile  # here, not at the top: it imports shutil, random and compressors

        fd, self.tmp = tempfile.mkstemp(dir=self.target.parent, prefix=f".{self.target.name}.", suffix=".tmp")
        self.fh = os.fdopen(fd, "wb")
        return self.fh

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        if self.tmp is None:
            self.fh.close()
            return
        try:
            if exc_type is None:
                self.fh.flush()
                os.fsync(self.fh.fileno())
            self.fh.close()
            if exc_type is None:
                self._settle(self.tmp)
                os.replace(self.tmp, self.target)
                _fsync_folder(self.target.parent)
        finally:
            if os.path.exists(self.tmp):
                os.unlink(self.tmp)

    def _settle(self, tmp: str) -> None:
        """Give the temporary file the original's mode and owner (a new file: 0o666 less the umask)."""
        if self.stat is None:
            os.chmod(tmp, 0o666 & ~_umask())
            return
        if hasattr(os, "chown") and (self.stat.st_uid, self.stat.st_gid) != (os.geteuid(), os.getegid()):
            try:
                os.chown(tmp, self.stat.st_uid, self.stat.st_gid)
            except OSError:
                pass  # only root may give a file away; the mode is still kept
        os.chmod(tmp, stat.S_IMODE(self.stat.st_mode))


def _umask() -> int:
    """The process umask, read without changing it where the system allows (threads run alongside)."""
    try:
        with open("/proc/self/status", encoding="ascii", errors="replace") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    umask = os.umask(0o022)
    os.umask(umask)
    return umask


def _fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (best effort: not every system can open a folder)."""
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically, keeping its permission bits (see :class:`AtomicWriter`).

    A ``path`` that is not a regular file (a FIFO, a device) raises :class:`OSError`
    (``not a regular file``) and is left alone.
    """
    with AtomicWriter(path, through=False) as fh:
        fh.write(data)
