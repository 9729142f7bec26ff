"""Never lose a byte: outside its reported edits, the command gives back the input's bytes.

The check is the same everywhere: decode the input as the tool does, replay the
edits of its ``--format json`` report on it (offsets are code points into the
decoded text), encode the result back with the input's encoding and BOM, and
compare with the bytes the command wrote. With no edits, output bytes == input bytes.
"""

import codecs
import json
import os
import shutil
import tempfile
from pathlib import Path
from types import SimpleNamespace

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from restore import Edit, RestoreConfig, apply_edits, restore_text, textio
from restore.cli import EXIT_CLEAN, EXIT_DAMAGE, EXIT_ERROR, cli
from restore.config import DEFAULT_GAP_MARKER

ROOT = Path(__file__).resolve().parent.parent
MASK_SYMBOLS = "*＊"


def run_json(path: Path, out: Path, *args: str):
    """Run the command once on a copy of ``path`` at ``out``: rewritten in place, the JSON
    report on stdout (``-o`` takes the report itself, so it cannot carry the text too).
    Returns the result, its exit status as a run without --in-place would give it."""
    shutil.copyfile(path, out)
    result = CliRunner().invoke(cli, ["--format", "json", "--in-place", *args, str(out)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    rewritten = out.read_bytes() != path.read_bytes()
    if result.exit_code == (EXIT_DAMAGE if rewritten else EXIT_CLEAN):
        return SimpleNamespace(exit_code=EXIT_CLEAN, stdout=result.stdout, stderr=result.stderr)
    return result


def replay(source: str, edits: list[Edit], marker: str) -> str:
    """The edits applied by hand (not by the library under test): fills replace, gaps insert ``marker``."""
    out = []
    pos = 0
    for e in edits:
        out.append(source[pos : e.start])
        if e.kind == "gap":
            out.append(marker)
        else:
            out.append(source[e.start : e.end] if e.replacement is None else e.replacement)
        pos = e.end
    return "".join(out) + source[pos:]


def check_bytes_kept(data: bytes, result, out_bytes: bytes, marker: str = DEFAULT_GAP_MARKER) -> None:
    """The promise, byte for byte: output = input with the reported edits replayed, nothing else."""
    assert result.exit_code == EXIT_CLEAN, result.stderr
    (report,) = [json.loads(line) for line in result.stdout.splitlines()]
    decoded = textio.decode(data, None)
    source = decoded.text
    if not textio.holds(textio.narrow_encoding(data, decoded), marker):
        marker = textio.ASCII_GAP_MARKER  # GB18030 in GBK's range: ⁇ would be its first four-byte code
    edits = [
        Edit(e["kind"], e["start"], e["end"], e["replacement"], e["confidence"]) for e in report["edits"]
    ]
    pos = 0
    for e in edits:
        assert pos <= e.start <= e.end <= len(source), "edits are sorted, in range, not overlapping"
        if e.kind == "gap":
            assert e.start == e.end and e.replacement is None
        else:
            assert e.end > e.start
            assert set(source[e.start : e.end]) <= set(MASK_SYMBOLS), "a mask edit covers mask symbols only"
            # one character per symbol, or per two on a page of a two-symbol filter
            assert e.replacement is None or len(e.replacement) in (e.end - e.start, (e.end - e.start) / 2)
        pos = e.end
    replayed = replay(source, edits, marker)
    assert apply_edits(source, edits, marker) == replayed, "the library's replay agrees"
    assert out_bytes == decoded.bom + replayed.encode(decoded.encoding)
    if not edits:
        assert out_bytes == data


# -- generated text, every encoding --------------------------------------------------------------

PIECES = st.sampled_from(
    [
        # damage and things that look like it
        "*",
        "**",
        "＊",
        "*建",
        "行*村",
        "**“一把手”",
        "时*、",
        "财*专项",
        "共*产*党",
        "3*4",
        "138****5678",
        "***",
        "* * *",
        "`a*b`",
        "```\n",
        "★★★★☆",
        DEFAULT_GAP_MARKER,
        # Han text and digits around deleted numbers
        "截至",
        "年",
        "月底",
        "元",
        "坚持",
        "引领",
        "工作",
        "9",
        "12",
        "2024",
        "的",
        "，",
        "。",
        "“",
        "”",
        "截至年9月底",
        "于年月日召开",
        "共计.39元",
        "“+”",
        "占%",
        # every kind of line ending and space
        "\n",
        "\r\n",
        "\r",
        "\n\r",
        "\t",
        " ",
        "\u00a0",
        "\u3000",
        "\u200b",
        "\u200d",
        "\ufeff",
        "\u2028",
        # other scripts, combining marks, astral characters
        "Привет",
        "مرحبا",
        "שלום",
        "こんにちは",
        "한국어",
        "e\u0301",
        "ﬁ",
        "🙂",
        "𠀀",
        "a",
        "Z",
    ]
)
ANY_CHAR = st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")
#: Mostly the pieces above (so that most examples have something to restore), some arbitrary Unicode.
TEXT = st.lists(st.one_of(PIECES, PIECES, PIECES, st.text(ANY_CHAR, max_size=4)), max_size=40).map("".join)
ENCODERS = {
    "utf-8": lambda t: t.encode("utf-8"),
    "utf-8-bom": lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
    "utf-16-le-bom": lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"),
    "utf-16-be-bom": lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"),
    "gb18030": lambda t: t.encode("gb18030"),
}


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXT, encoding=st.sampled_from(sorted(ENCODERS)))
def test_cli_keeps_every_byte_outside_its_edits(text, encoding):
    data = ENCODERS[encoding](text)
    with tempfile.TemporaryDirectory() as tmp:
        src, out = Path(tmp, "in.txt"), Path(tmp, "out.txt")
        src.write_bytes(data)
        result = run_json(src, out)
        if encoding == "gb18030" and "cannot tell the encoding" in result.stderr:
            # こんにちは in GB18030 is byte for byte EUC-JP: refused, and never written.
            assert result.exit_code == EXIT_ERROR
            assert out.read_bytes() == data
            return
        check_bytes_kept(data, result, out.read_bytes())
        assert src.read_bytes() == data, "the input is never touched without --in-place"
    if encoding != "gb18030":  # short GB18030 text may also be valid UTF-8, and is then read as such
        # Without a BOM of its own, a UTF-8 text's leading U+FEFF is read as its BOM (and written back).
        expected = text.removeprefix("\ufeff") if encoding == "utf-8" else text
        assert textio.decode(data, None).text == expected


def _repository_text_files() -> list[Path]:
    files = []
    for folder in ("tests", "examples"):
        for path in sorted((ROOT / folder).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts and not path.name.startswith("."):
                files.append(path)
    return files


REPO_FILES = _repository_text_files()


def test_the_repository_walk_finds_files():
    names = {p.name for p in REPO_FILES}
    assert {"test_cli.py", "masks.json", "not_masks_more.json", "datatrove_pipeline.py"} <= names


@pytest.mark.parametrize("path", REPO_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_repository_files_keep_every_byte(path, tmp_path):
    data = path.read_bytes()
    try:
        textio.decode(data, None)
    except textio.DecodeError:
        pytest.skip("not text")
    out = tmp_path / "out"
    result = run_json(path, out)
    check_bytes_kept(data, result, out.read_bytes())
    assert path.read_bytes() == data


# -- encodings, written back the way they came ---------------------------------------------------

DAMAGED = "坚持以*建引领，\r\n个行*村都达到了\r𠀀🙂\u3000末行无换行"
RESTORED = DAMAGED.replace("以*建", "以党建").replace("行*村", "行政村")


@pytest.mark.parametrize(
    "encode",
    [
        lambda t: t.encode("gbk", errors="ignore"),  # 𠀀 and 🙂 are not in GBK
        lambda t: t.encode("gb18030"),  # four-byte GB18030 sequences
        lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
        lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"),
    ],
    ids=["gbk", "gb18030-four-byte", "utf-8-bom", "utf-16-be-bom"],
)
def test_in_place_writes_back_in_the_same_encoding(tmp_path, encode):
    src = tmp_path / "a.txt"
    src.write_bytes(encode(DAMAGED))
    result = CliRunner().invoke(cli, ["--in-place", "-q", "--no-gaps", str(src)])
    assert (result.exit_code, result.stderr) == (EXIT_DAMAGE, "")
    assert src.read_bytes() == encode(RESTORED)
    assert os.listdir(tmp_path) == ["a.txt"]


@pytest.mark.parametrize(
    "data", [b"", codecs.BOM_UTF8, codecs.BOM_UTF16_LE, b"\r", b"\r\n\r\n", "\ufeff".encode()]
)
def test_empty_and_bom_only_files_come_back_unchanged(tmp_path, data):
    src = tmp_path / "a.txt"
    src.write_bytes(data)
    result = CliRunner().invoke(cli, [str(src)])
    assert (result.exit_code, result.stdout_bytes) == (EXIT_CLEAN, data)


def test_undecodable_file_is_never_written(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xd5\xfe*\xbd\xa8\x80\xff\xfe")
    before = bad.stat()
    good = tmp_path / "good.txt"
    good.write_bytes("以*建引领".encode("gb18030"))
    result = CliRunner().invoke(cli, ["--in-place", "-q", str(bad), str(good)])
    assert result.exit_code == EXIT_ERROR
    assert result.stderr == f"{bad}: cannot decode as UTF-8 or GB18030 (use --encoding)\n"
    assert good.read_bytes() == "以党建引领".encode("gb18030"), "the other files are still processed"
    after = bad.stat()
    assert bad.read_bytes() == b"\xd5\xfe*\xbd\xa8\x80\xff\xfe"
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    assert sorted(os.listdir(tmp_path)) == ["bad.txt", "good.txt"]


def test_utf16_without_bom_is_refused_not_garbled(tmp_path):
    src = tmp_path / "a.txt"
    data = "以*建引领".encode("utf-16-le")
    src.write_bytes(data)
    result = CliRunner().invoke(cli, ["--in-place", str(src)])
    assert result.exit_code == EXIT_ERROR
    assert result.stderr.startswith(f"{src}: looks binary") and "--encoding" in result.stderr
    assert src.read_bytes() == data
    result = CliRunner().invoke(cli, ["--in-place", "-q", "--encoding", "utf-16-le", str(src)])
    assert result.exit_code == EXIT_DAMAGE
    assert src.read_bytes() == "以党建引领".encode("utf-16-le")


def test_gbk_file_gets_the_ascii_gap_marker_and_keeps_it_on_a_second_run(tmp_path):
    """The gap marker ⁇ does not exist in GBK: ``--ascii-gap-marker`` (``??``) is written
    instead, and read back as a marker, so a second run changes nothing."""
    src = tmp_path / "a.txt"
    src.write_bytes("截至年9月底，以*建引领".encode("gbk"))
    for args in (["--encoding", "gbk"], []):  # named, or detected (GB18030 without four-byte codes)
        src.write_bytes("截至年9月底，以*建引领".encode("gbk"))
        result = CliRunner().invoke(cli, ["--in-place", "-q", *args, str(src)])
        assert (result.exit_code, result.stderr) == (EXIT_DAMAGE, "")
        assert src.read_bytes() == "截至??年9月底，以党建引领".encode("gbk")
        result = CliRunner().invoke(cli, ["--in-place", "-q", *args, str(src)])
        assert (result.exit_code, result.stderr) == (EXIT_CLEAN, "")
        assert os.listdir(tmp_path) == ["a.txt"]
    src.write_bytes("截至年9月底".encode("gbk"))
    result = CliRunner().invoke(cli, ["--ascii-gap-marker", "[?]", str(src)])
    assert result.stdout_bytes == "截至[?]年9月底".encode("gbk")
    # GB18030 that already uses four-byte codes holds ⁇ itself.
    src.write_bytes("😀截至年9月底".encode("gb18030"))
    assert CliRunner().invoke(cli, [str(src)]).stdout_bytes == "😀截至⁇年9月底".encode("gb18030")


# -- idempotence over the dev set ----------------------------------------------------------------

#: The dev set, from the evaluation kit named by $RESTORE_EVAL (CONTRIBUTING.md); skipped without it.
DEV = Path(os.environ.get("RESTORE_EVAL") or "/nonexistent") / "dev-pzqy.jsonl"
DEV_DOCS = 40


def _dev_documents() -> list[str]:
    with DEV.open(encoding="utf-8") as fh:
        return [json.loads(line)["text"] for _, line in zip(range(DEV_DOCS), fh)]


def _twice():
    if not DEV.exists():
        pytest.skip(f"{DEV} is not here (set RESTORE_EVAL)")
    config = RestoreConfig()
    for text in _dev_documents():
        first = restore_text(text, config)
        yield first, restore_text(first.text, config)


def _unresolved_in_output(first) -> set[int]:
    """Offsets in ``first.text`` of the symbols of the masks the first run left alone."""
    marker = len(DEFAULT_GAP_MARKER)
    gaps = sorted(e.start for e in first.gaps)
    out: set[int] = set()
    for e in first.unresolved:
        shift = marker * sum(1 for g in gaps if g <= e.start)
        out.update(range(e.start + shift, e.end + shift))
    return out


def test_second_run_changes_nothing_but_masks_left_unresolved():
    """Over the first 40 dev documents: a second run adds no gap and fills no restored place."""
    for first, second in _twice():
        allowed = _unresolved_in_output(first)
        for e in second.edits:
            if e.kind == "gap":
                context = first.text[e.start - 10 : e.start + 10]
                raise AssertionError(f"second run marks a new gap at {e.start}: {context!r}")
            if e.replacement is not None:
                context = first.text[e.start - 5 : e.end + 5]
                assert set(range(e.start, e.end)) <= allowed, f"second run fills {context!r}"
        changed = {i for i, (a, b) in enumerate(zip(first.text, second.text)) if a != b}
        assert len(first.text) == len(second.text) and changed <= allowed


def test_masks_left_unresolved_stay_unresolved():
    for first, second in _twice():
        assert second.text == first.text
