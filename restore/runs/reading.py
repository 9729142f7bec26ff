"""An input file (or stdin) -> its text, as a stream of pieces.

Small inputs, and any input not in UTF-8, are decoded whole by
:func:`restore.textio.decode`, the one place that decides an encoding. Large UTF-8 input
is decoded incrementally here, so a 100 MB file is never held whole, and gives the same
text, or the same error, as decoding it whole would.
"""

from __future__ import annotations

import codecs
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import IO, Any, BinaryIO

from .. import textio

#: Inputs up to this size are read and decoded whole, as :func:`restore.textio.decode`
#: does; larger UTF-8 input is decoded incrementally.
PROBE_BYTES = 1 << 20
READ_BYTES = 1 << 20
_BINARY = "looks binary (contains NUL bytes); for UTF-16 without a BOM use --encoding"


@dataclass
class TextSource:
    """A readable text: how to write it back, and its text as pieces."""

    encoding: str
    bom: bytes
    #: True when the text is decoded as it is read (large UTF-8); a decoding error may
    #: then come after some pieces, and those pieces' output has been written.
    streamed: bool
    pieces: Iterator[str]
    #: The encoding the output may use (:func:`restore.textio.narrow_encoding`): ``gbk``
    #: for GB18030 input without four-byte sequences.
    writes: str = ""
    #: With ``keep``: the file's :func:`restore.atomic.identity` when it was opened, and a
    #: descriptor of that same open file (to copy its unchanged bytes from; the consumer
    #: closes it). A rewrite replaces the file only if it is still that file.
    identity: tuple[int, int, int, int] | None = None
    fd: int | None = None

    def __post_init__(self) -> None:
        self.writes = self.writes or self.encoding


@contextmanager
def open_text(name: str, stdin: BinaryIO, encoding: str | None, keep: bool = False) -> Iterator[TextSource]:
    """Open ``name`` (``-`` is stdin) as a :class:`TextSource`. Raises OSError or DecodeError.

    Up to :data:`PROBE_BYTES`, the input is decoded whole by :func:`textio.decode`. A
    larger input whose first megabyte is UTF-8 (or that ``--encoding utf-8`` names) is
    streamed; a regular file is first checked to the end, at C speed and in constant
    memory, so that a file that is not UTF-8 after all is decoded whole as before
    (GB18030, or the same error). Stdin cannot be read twice: an error after the first
    megabyte stops that input with ``cannot decode as UTF-8 ... at byte N``.
    """
    fh: BinaryIO = stdin if name == "-" else open(name, "rb")  # noqa: SIM115 (closed below)
    try:
        kept: dict[str, Any] = {}
        if keep and fh is not stdin:
            from ..atomic import identity

            kept = {"identity": identity(os.fstat(fh.fileno())), "fd": os.dup(fh.fileno())}
        head = fh.read(PROBE_BYTES + 1)
        if len(head) <= PROBE_BYTES:
            yield _whole(head, encoding, kept)
            return
        bom, nul_check = _utf8_stream(head, encoding)
        if bom is None:
            yield _whole(head + fh.read(), encoding, kept)
            return
        if name != "-" and _is_regular(fh):
            try:
                for _ in _utf8_pieces(fh, head, len(bom), nul_check):
                    pass
            except textio.DecodeError:
                fh.seek(0)
                yield _whole(fh.read(), encoding, kept)
                return
            fh.seek(0)
            head = fh.read(PROBE_BYTES + 1)
        yield TextSource("utf-8", bom, True, _utf8_pieces(fh, head, len(bom), nul_check), **kept)
    finally:
        if fh is not stdin:
            fh.close()


def _whole(data: bytes, encoding: str | None, kept: dict[str, Any]) -> TextSource:
    """A source decoded whole by :func:`textio.decode`."""
    try:
        decoded = textio.decode(data, encoding)
    except textio.DecodeError:
        if kept:
            os.close(kept["fd"])
        raise
    writes = textio.narrow_encoding(data, decoded) if encoding is None else decoded.encoding
    return TextSource(decoded.encoding, decoded.bom, False, iter((decoded.text,)), writes, **kept)


def _is_regular(fh: IO[bytes]) -> bool:
    try:
        return stat.S_ISREG(os.fstat(fh.fileno()).st_mode) and fh.seekable()
    except (OSError, ValueError, AttributeError):
        return False


def _utf8_stream(head: bytes, encoding: str | None) -> tuple[bytes | None, bool]:
    """(BOM, check for NUL) when ``head`` starts a UTF-8 stream; (None, _) otherwise."""
    has_bom = head.startswith(codecs.BOM_UTF8)
    bom = codecs.BOM_UTF8 if has_bom else b""
    if encoding is not None:
        named = textio.check_encoding(encoding)
        return (bom if named in ("utf-8", "utf-8-sig") else None), False
    if has_bom:
        return bom, False  # as textio.decode: a UTF-8 BOM says text, NUL bytes or not
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or b"\x00" in head:
        return None, True
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError:
        return None, True
    return bom, True


def _utf8_pieces(fh: BinaryIO, head: bytes, skip: int, nul_check: bool) -> Iterator[str]:
    """Decode ``head`` (less its first ``skip`` bytes) and the rest of ``fh``, piece by piece."""
    decoder = codecs.getincrementaldecoder("utf-8")("strict")
    pos = skip  # byte offset of the block in the input
    block = head[skip:]
    while True:
        final = not block
        if nul_check and b"\x00" in block:
            raise textio.DecodeError(_BINARY)
        pending = len(decoder.getstate()[0])
        try:
            text = decoder.decode(block, final=final)
        except UnicodeDecodeError as exc:
            where = pos - pending + exc.start
            raise textio.DecodeError(f"cannot decode as UTF-8: {exc.reason} at byte {where}") from None
        if text:
            yield text
        if final:
            return
        pos += len(block)
        block = fh.read(READ_BYTES)


#: The name that means stdin on the command line, and how messages call it.
STDIN = "-"
STDIN_NAME = "<stdin>"


def display(name: str) -> str:
    """An input's name as messages and reports show it."""
    return STDIN_NAME if name == STDIN else name


def os_message(exc: OSError) -> str:
    """An OSError as the one line a message needs (``No such file or directory``)."""
    return exc.strerror or str(exc)
