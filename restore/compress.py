"""Compressed JSON Lines, chosen by extension: ``.gz`` and ``.xz`` (standard library) and
``.zst`` (:mod:`zstandard`, a dependency for this alone).

>>> compression("corpus.jsonl.zst")
'zst'
>>> compression("page.txt") is None
True
"""

from __future__ import annotations

from typing import IO, BinaryIO, cast

#: Extension -> compression, for reading and for writing.
SUFFIXES = {".gz": "gz", ".xz": "xz", ".zst": "zst"}


def compression(name: str) -> str | None:
    """The compression a file's name asks for, or None."""
    for suffix, kind in SUFFIXES.items():
        if name.lower().endswith(suffix):
            return kind
    return None


def open_read(name: str) -> BinaryIO:
    """``name`` opened for reading bytes, decompressed as its extension says."""
    kind = compression(name)
    if kind == "gz":
        import gzip

        return cast(BinaryIO, gzip.open(name, "rb"))
    if kind == "xz":
        import lzma

        return cast(BinaryIO, lzma.open(name, "rb"))
    if kind == "zst":
        import zstandard

        fh = open(name, "rb")  # noqa: SIM115 (closed with the reader)
        return cast(
            BinaryIO, zstandard.ZstdDecompressor().stream_reader(fh, read_across_frames=True, closefd=True)
        )
    return open(name, "rb")


def wrap_write(kind: str, raw: IO[bytes]) -> BinaryIO:
    """A compressing writer over ``raw``; closing it finishes the stream, not ``raw``."""
    if kind == "gz":
        import gzip

        return cast(BinaryIO, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0))
    if kind == "xz":
        import lzma

        return cast(BinaryIO, lzma.LZMAFile(raw, "wb"))
    import zstandard

    return cast(BinaryIO, zstandard.ZstdCompressor().stream_writer(raw, closefd=False))
