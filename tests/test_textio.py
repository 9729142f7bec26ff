"""bytes <-> text: every byte the tool does not mean to change comes back as it was."""

import codecs
import os
import stat

import pytest
from hypothesis import given
from hypothesis import strategies as st

from restore import atomic, textio
from restore.atomic import write_atomic
from restore.textio import Decoded, DecodeError, EncodeError, decode, encode

SAMPLE = "坚持以*建引领，落实**“一把手”责任制\r\n截至年9月底\r旧行\n无换行结尾"


@pytest.mark.parametrize(
    "data, encoding, bom",
    [
        (SAMPLE.encode("utf-8"), "utf-8", b""),
        (codecs.BOM_UTF8 + SAMPLE.encode("utf-8"), "utf-8", codecs.BOM_UTF8),
        (codecs.BOM_UTF16_LE + SAMPLE.encode("utf-16-le"), "utf-16-le", codecs.BOM_UTF16_LE),
        (codecs.BOM_UTF16_BE + SAMPLE.encode("utf-16-be"), "utf-16-be", codecs.BOM_UTF16_BE),
        (SAMPLE.encode("gb18030"), "gb18030", b""),
        (SAMPLE.encode("gbk"), "gb18030", b""),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-le", "utf-16-be", "gb18030", "gbk"],
)
def test_detects_encoding_and_round_trips(data, encoding, bom):
    decoded = decode(data, None)
    assert decoded == Decoded(SAMPLE, encoding, bom)
    assert encode(decoded.text, decoded) == data


def test_line_endings_are_never_translated():
    text = decode(b"a\r\nb\rc\nd", None).text
    assert text == "a\r\nb\rc\nd"


def test_empty_input_is_utf8():
    assert decode(b"", None) == Decoded("", "utf-8", b"")


def test_restored_text_is_written_in_the_input_encoding():
    decoded = decode("以*建引领\r\n".encode("gb18030"), None)
    assert encode(decoded.text.replace("*", "党"), decoded) == "以党建引领\r\n".encode("gb18030")


def test_undecodable_bytes_say_what_to_do():
    with pytest.raises(DecodeError) as info:
        decode(b"abc\x80\xff", None)
    assert str(info.value) == "cannot decode as UTF-8 or GB18030 (use --encoding)"


def test_binary_data_is_refused():
    with pytest.raises(DecodeError, match="NUL"):
        decode(b"PK\x03\x04\x00\x00abc", None)


def test_bom_with_wrong_body_is_refused():
    with pytest.raises(DecodeError, match="UTF-8"):
        decode(codecs.BOM_UTF8 + b"\xff\xfe\xfd", None)


def test_named_encoding_is_used():
    data = "党建".encode("big5", errors="ignore") + "引領".encode("big5")
    assert decode(data, "big5").text.endswith("引領")
    assert decode(data, "big5").encoding == "big5"


def test_named_encoding_that_does_not_fit():
    with pytest.raises(DecodeError, match="cannot decode as utf-8"):
        decode("党".encode("gb18030"), "utf-8")


def test_named_utf16_keeps_its_bom():
    data = codecs.BOM_UTF16_BE + "*建".encode("utf-16-be")
    decoded = decode(data, "utf-16")
    assert decoded == Decoded("*建", "utf-16-be", codecs.BOM_UTF16_BE)
    assert encode("党建", decoded) == codecs.BOM_UTF16_BE + "党建".encode("utf-16-be")


def test_named_utf16_without_bom_is_little_endian():
    decoded = decode("*建".encode("utf-16-le"), "utf-16")
    assert decoded == Decoded("*建", "utf-16-le", b"")
    assert encode(decoded.text, decoded) == "*建".encode("utf-16-le")


def test_unknown_encoding_is_a_lookup_error():
    with pytest.raises(LookupError):
        textio.check_encoding("no-such-codec")


def test_unencodable_output_names_the_character():
    with pytest.raises(EncodeError, match=r"U\+2047"):
        encode("截至\u2047年", Decoded("截至年", "gbk", b""))


def test_a_private_use_character_keeps_its_file_gb18030():
    """Hypothesis found it: U+E000 is a two-byte GB18030 code (AA A1) that GBK's codec
    cannot write, so such a file is written back as GB18030, not narrowed to GBK."""
    from restore.textio import narrow_encoding

    data = "党建\ue000".encode("gb18030")
    decoded = decode(data, None)
    assert narrow_encoding(data, decoded) == "gb18030"
    assert narrow_encoding("党建".encode("gb18030"), decode("党建".encode("gb18030"), None)) == "gbk"


@pytest.mark.parametrize("text", ["  党党党党党党党党群群", "党 党 党 党 党 党 党 党 党 党 党 党"])
def test_a_few_characters_repeated_are_not_taken_for_korean(text):
    """Hypothesis found it: ten hanzi of the early GB2312 rows, spaced, decode as EUC-KR.
    Korean shows many distinct syllables; two characters repeated say nothing."""
    data = text.encode("gb18030")
    assert decode(data, None) == Decoded(text, "gb18030", b"")


@given(st.text(alphabet=st.sampled_from("党政群业*＊建引领，。“”a1\r\n\t "), max_size=60))
def test_round_trip_is_byte_exact(text):
    for name in ("utf-8", "gb18030"):
        data = text.encode(name)
        decoded = decode(data, None)
        # A short GB18030 text can also be valid UTF-8 ('群' is C8 BA, 'Ⱥ' in UTF-8): the text
        # may then differ, but the bytes must still come back unchanged.
        assert encode(decoded.text, decoded) == data
    assert decode(text.encode("utf-8"), None).text == text
    data = codecs.BOM_UTF16_LE + text.encode("utf-16-le")
    assert encode(decode(data, None).text, decode(data, None)) == data


# -- atomic writes -------------------------------------------------------------------------------


def test_write_atomic_replaces_and_keeps_mode(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"old")
    path.chmod(0o640)
    inode = path.stat().st_ino
    write_atomic(path, b"new")
    assert path.read_bytes() == b"new"
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert path.stat().st_ino != inode, "a new file was renamed over the old one"
    assert os.listdir(tmp_path) == ["a.txt"]


def test_write_atomic_creates_a_new_file(tmp_path):
    path = tmp_path / "new.txt"
    write_atomic(path, b"x")
    assert path.read_bytes() == b"x"
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~umask


def test_write_atomic_failure_leaves_the_original(tmp_path, monkeypatch):
    path = tmp_path / "a.txt"
    path.write_bytes(b"old")

    def boom(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "replace", boom)
    with pytest.raises(OSError):
        write_atomic(path, b"new")
    assert path.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["a.txt"], "the temporary file is removed"


def test_write_atomic_follows_a_symlink(tmp_path):
    target = tmp_path / "target.txt"
    target.write_bytes(b"old")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    write_atomic(link, b"new")
    assert link.is_symlink()
    assert target.read_bytes() == b"new"


def test_read_only_detection(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"x")
    assert not atomic.is_read_only(path)
    path.chmod(0o444)
    assert atomic.is_read_only(path)
