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
            decoded = _exact(data, name, b"")
        except DecodeError:
            continue
        if name == "gb18030" and looks_foreign(data, decoded.text):
            raise DecodeError(UNTELLABLE)
        return decoded
    raise DecodeError("cannot decode as UTF-8 or GB18030 (use --encoding)")


#: The message for bytes that GB18030 decodes but another East Asian encoding explains better.
UNTELLABLE = "cannot tell the encoding (use --encoding)"


#: Distinct GB2312 hanzi a text must show before their rows say it is Korean: a few
#: characters repeated (党党党党党党党党群群) keep to the early rows by chance.
KOREAN_DISTINCT = 10


def looks_foreign(data: bytes, text: str) -> bool:
    """True when bytes that decode as GB18030 read better as Big5, Shift-JIS, EUC-KR or EUC-JP.

    GB18030 decodes almost any byte string, so a Big5 or Korean file would otherwise be
    read as nonsense Chinese, its ``*`` filled with GB18030 bytes and the file rewritten.
    Fewer than four non-ASCII characters are too few to tell: they are read as GB18030,
    the documented default. Bytes with a four-byte GB18030 sequence (``[81-FE][30-39][81-FE][30-39]``, invalid in
    all four) are GB18030. Each other test is structural, not a guess from letter frequencies, and was measured on
    the dev sets (docs/robustness.md): simplified Chinese in GB18030 never trips one, and
    traditional Chinese in GBK never decodes as Big5.

    * Big5 and Shift-JIS: fewer than 70 % of the non-ASCII characters GB18030 gives are
      in GB2312, the common simplified set (simplified text: nearly all; Big5 read as
      GB18030: about 40 %; Shift-JIS kana: none), and the bytes decode strictly as
      Shift-JIS, or as Big5 with 95 % of the characters in its common rows.
    * EUC-JP: the bytes decode as EUC-JP and GB18030 gives kana for 30 % or more of the
      non-ASCII characters (EUC-JP kana sit where GB2312 keeps its own).
    * EUC-KR: the bytes decode as EUC-KR and at least 10 distinct GB2312 hanzi come out, all
      but 3 % from rows B0-C8, where EUC-KR keeps Hangul (Chinese text uses the rows
      from C9 on for about a third of its hanzi: 是, 我, 这, 中, 在, 有 ...), with a
      space for every six of them (Korean spaces its words) or 40 hanzi at least (a short
      Chinese title can keep to the early rows: 广东高考报名办法及公告).
    """
    wide = [ch for ch in text if ch > "\x7f"]
    if len(wide) < 4 or len(data) != len(text) + len(wide):
        return False  # a four-byte sequence: GB18030's own, which none of the others can hold
    common = kana = hanzi = late = 0
    distinct: set[str] = set()
    for ch in wide:
        if "\u3040" <= ch <= "\u30ff":
            kana += 1
        try:
            code = ch.encode("gb2312")
        except UnicodeEncodeError:
            continue
        common += 1
        if 0xB0 <= code[0] <= 0xF7:
            hanzi += 1
            late += code[0] >= 0xC9
            distinct.add(ch)
    if common < 0.7 * len(wide) and (_big5(data, text) or _decodes(data, "shift_jis", text)):
        return True
    if kana >= 0.3 * len(wide) and _decodes(data, "euc_jp", text):
        return True
    spaced = text.count(" ") * 6 >= hanzi
    varied = len(distinct) >= KOREAN_DISTINCT
    return varied and late < 0.03 * hanzi and (spaced or hanzi >= 40) and _decodes(data, "euc_kr", text)


def _big5(data: bytes, text: str) -> bool:
    """The bytes decode as Big5 and 95 % of its characters are in its common rows (A1-C6).

    Big5 keeps the 5,401 common hanzi in rows A4-C6 and punctuation in A1-A3; traditional
    Chinese in GBK that happens to decode as Big5 spreads over every row.
    """
    try:
        other = data.decode("big5")
    except UnicodeDecodeError:
        return False
    if other == text:
        return False
    leads = [ch.encode("big5")[0] for ch in other if ch > "\x7f"]
    return sum(lead <= 0xC6 for lead in leads) >= 0.95 * len(leads)


def _decodes(data: bytes, name: str, text: str) -> bool:
    """Whether ``data`` decodes strictly as ``name`` to another text than ``text`` (pure
    hiragana is the same bytes in GB2312 and EUC-JP: no doubt to resolve there)."""
    try:
        return data.decode(name) != text
    except UnicodeDecodeError:
        return False


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


#: Written where digits were deleted when the file's encoding cannot hold ``--gap-marker``
#: (``⁇`` is not in GBK): ASCII, which every supported encoding holds.
ASCII_GAP_MARKER = "??"


def narrow_encoding(data: bytes, decoded: Decoded) -> str:
    """The encoding whose bytes the output may use: ``gbk`` for GB18030 input that used none
    of GB18030's four-byte sequences, else ``decoded.encoding``.

    Most GB18030 files are GBK files; writing a four-byte sequence (``⁇`` is one) into
    one would make it unreadable to the GBK reader it was written for. The count needs
    no second decoding: GB18030 is one byte per ASCII character and two or four for the
    rest. A text GBK's codec cannot write (a private-use character) stays GB18030.
    """
    if decoded.encoding != "gb18030":
        return decoded.encoding
    ascii_chars = len(decoded.text.encode("ascii", "ignore"))
    wide = len(decoded.text) - ascii_chars
    two_bytes = len(data) - len(decoded.bom) - ascii_chars == 2 * wide
    # GB18030's two-byte codes also hold the private-use characters (U+E000 is AA A1),
    # which GBK's codec does not write back.
    return "gbk" if two_bytes and holds("gbk", decoded.text) else "gb18030"


def holds(encoding: str, text: str) -> bool:
    """Whether ``encoding`` can write ``text``.

    >>> holds("gbk", "\u2047"), holds("gb18030", "\u2047")
    (False, True)
    """
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


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
