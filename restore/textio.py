"""Bytes <-> text with a byte-exact round trip.

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
from typing import NamedTuple

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
