"""Compressed JSON Lines, chosen by extension: ``.gz`` and ``.xz`` (standard library) and
``.zst`` (:mod:`zstandard`, a dependency for this alone).

>>> compression("corpus.jsonl.zst")
'zst'
>>> compression("page.txt") is None
True
"""

from __future__ import annotations

import io
from typing import IO, Any, BinaryIO, cast

#: Extension -> compression, for reading and for writing.
SUFFIXES = {".gz": "gz", ".xz": "xz", ".zst": "zst"}


def compression(name: str) -> str | None:
    """The compression a file's name asks for, or None."""
    for suffix, kind in SUFFIXES.items():
        if name.lower().endswith(suffix):
            return kind
    return None


def open_read(name: str) -> BinaryIO:
    """``name`` opened for reading bytes, decompressed as its extension says. A damaged
    or cut-short compressed file raises OSError (``corrupt gz data: ...``), as a file
    that cannot be read does, so the run reports it in one line."""
    kind = compression(name)
    raw = cast(BinaryIO, _Counted(open(name, "rb")))  # noqa: SIM115 (closed with the reader)
    if kind is None:
        return raw
    if kind == "gz":
        import gzip

        return cast(BinaryIO, _Checked(gzip.GzipFile(fileobj=raw, mode="rb"), kind, raw))
    if kind == "xz":
        import lzma

        return cast(BinaryIO, _Checked(lzma.LZMAFile(raw, "rb"), kind, raw))
    return cast(BinaryIO, _Checked(_ZstdReader(raw), kind, raw))


class BytesRead:
    """Bytes read from files opened by :func:`open_read` in this process (compressed
    bytes for a compressed file): what a progress bar over known file sizes counts."""

    count = 0


class _Counted:
    """A file whose reads are added to :attr:`BytesRead.count`."""

    def __init__(self, fh: io.BufferedReader) -> None:
        self.fh = fh

    def read(self, size: int = -1) -> bytes:
        data = self.fh.read(size)
        BytesRead.count += len(data)
        return data

    def read1(self, size: int = -1) -> bytes:
        data = self.fh.read1(size)
        BytesRead.count += len(data)
        return data

    def close(self) -> None:
        self.fh.close()

    def __enter__(self) -> _Counted:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class _ZstdReader:
    """Zstandard frames, one after another, decompressed as they are read; a file that ends
    inside a frame is an error (zstandard's own stream reader ends quietly there)."""

    def __init__(self, raw: BinaryIO) -> None:
        import zstandard

        self.raw = raw
        self.new = zstandard.ZstdDecompressor().decompressobj
        self.obj = self.new()
        self.in_frame = False

    def read1(self, size: int = -1) -> bytes:
        while True:
            block = self.raw.read(1 << 16)
            if not block:
                if self.in_frame:
                    raise EOFError("the file ends inside a frame")
                return b""
            out = []
            while block:
                self.in_frame = True
                out.append(self.obj.decompress(block))
                block = b""
                if self.obj.eof:
                    block, self.obj, self.in_frame = self.obj.unused_data, self.new(), False
            data = b"".join(out)
            if data:
                return data

    def read(self, size: int = -1) -> bytes:
        parts = []
        while part := self.read1():
            parts.append(part)
        return b"".join(parts)

    def close(self) -> None:
        self.raw.close()


class _Checked:
    """A decompressing reader whose decoding errors are OSErrors."""

    def __init__(self, reader: Any, kind: str, raw: BinaryIO) -> None:
        self.reader = reader
        self.kind = kind
        self.raw = raw

    def _call(self, method: str, size: int) -> bytes:
        try:
            return cast(bytes, getattr(self.reader, method)(size))
        except OSError as exc:
            raise OSError(f"corrupt {self.kind} data ({exc.strerror or exc})") from None
        except Exception as exc:  # EOFError, lzma.LZMAError, zstandard.ZstdError
            raise OSError(f"corrupt {self.kind} data ({exc})") from None

    def read(self, size: int = -1) -> bytes:
        return self._call("read", size)

    def read1(self, size: int = -1) -> bytes:
        return self._call("read1", size)

    def close(self) -> None:
        self.reader.close()
        self.raw.close()  # GzipFile and LZMAFile leave a file object they were given open

    def __enter__(self) -> _Checked:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def wrap_write(kind: str, raw: IO[bytes]) -> BinaryIO:
    """A compressing writer over ``raw``; closing it finishes the stream, not ``raw``."""
    if kind == "gz":
        import gzip

        return cast(BinaryIO, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0))
    if kind == "xz":
        import lzma

        return cast(BinaryIO, lzma.LZMAFile(raw, "wb"))
    import zstandard

    return cast(BinaryIO, zstandard.ZstdCompressor(write_checksum=True).stream_writer(raw, closefd=False))
