"""JSON Lines as a first-class input: compressed files, --check per record, the hook (issue 16, finding 4)."""

import gzip
import json
import lzma
import re
from pathlib import Path

import pytest
import yaml
import zstandard
from click.testing import CliRunner

from restore.cli import EXIT_CLEAN, EXIT_DAMAGE, EXIT_ERROR, cli

ROOT = Path(__file__).resolve().parent.parent
RECORDS = [
    {"id": "a1", "text": "坚持以*建引领"},
    {"id": 2, "text": "今天天气很好"},
    {"text": "充分发挥*委的作用"},
]


def lines(records, ensure_ascii=False):
    return "".join(json.dumps(r, ensure_ascii=ensure_ascii) + "\n" for r in records).encode("utf-8")


WRITERS = {
    "jsonl.gz": gzip.compress,
    "jsonl.xz": lzma.compress,
    "jsonl.zst": lambda data: zstandard.ZstdCompressor().compress(data),
}
READERS = {
    "jsonl.gz": gzip.decompress,
    "jsonl.xz": lzma.decompress,
    "jsonl.zst": lambda data: zstandard.ZstdDecompressor().stream_reader(data).read(),
}


def run(*args, input=None):
    return CliRunner().invoke(cli, ["--no-config", *args], input=input, catch_exceptions=False)


@pytest.mark.parametrize("ext", sorted(WRITERS))
def test_compressed_jsonl_is_read_and_written_by_extension(tmp_path, ext):
    src = tmp_path / f"in.{ext}"
    src.write_bytes(WRITERS[ext](lines(RECORDS)))
    out = tmp_path / f"out.{ext}"
    result = run("--jsonl", str(src), "-o", str(out))
    assert result.exit_code == EXIT_CLEAN, result.stderr
    records = [json.loads(line) for line in READERS[ext](out.read_bytes()).decode("utf-8").splitlines()]
    assert [r["text"] for r in records] == ["坚持以党建引领", "今天天气很好", "充分发挥党委的作用"]


def test_check_jsonl_reports_path_line_and_id(tmp_path):
    src = tmp_path / "c.jsonl"
    src.write_bytes(lines(RECORDS))
    result = run("--check", "--jsonl", str(src))
    assert result.exit_code == EXIT_DAMAGE
    first, second = result.stdout.splitlines()
    assert first == f"{src}:1: id=a1: text[3]: mask * ==> 党 (1.00)"
    assert second.startswith(f"{src}:3: text[4]: mask * ==> 党 (")


@pytest.mark.parametrize("name", ["c.jsonl", "c.jsonl.gz"])
def test_check_on_a_jsonl_file_reads_records_even_with_ensure_ascii(tmp_path, name):
    """Issue 16: --check read an ensure_ascii file as text and found nothing in it."""
    data = lines(RECORDS, ensure_ascii=True)
    assert b"*" in data and "党".encode() not in data
    src = tmp_path / name
    src.write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
    result = run("--check", str(src))
    assert result.exit_code == EXIT_DAMAGE
    assert len(result.stdout.splitlines()) == 2
    assert result.stdout.startswith(f"{src}:1: id=a1: ")


def test_check_jsonl_reports_a_bad_line_and_goes_on(tmp_path):
    src = tmp_path / "c.jsonl"
    src.write_bytes(b'{"text": "x"\n' + lines(RECORDS[:1]))
    result = run("--check", str(src))
    assert result.exit_code == EXIT_ERROR
    assert result.stderr.startswith(f"{src}:1: invalid JSON")
    assert result.stdout.startswith(f"{src}:2: id=a1: ")


def test_a_hook_checks_jsonl_corpora():
    hooks = {
        h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    }
    hook = hooks["restore-check-jsonl"]
    assert hook["entry"] == "restore --check --jsonl"

    for name in ("a.jsonl", "b/c.jsonl.gz", "d.jsonl.zst", "e.jsonl.xz"):
        assert re.search(hook["files"], name), name
    assert not re.search(hook["files"], "a.txt")


def test_check_with_format_json_reports_a_jsonl_file_as_text(tmp_path):
    src = tmp_path / "c.jsonl"
    src.write_bytes(lines(RECORDS))
    (report,) = [
        json.loads(line) for line in run("--check", "--format", "json", str(src)).stdout.splitlines()
    ]
    assert report["path"] == str(src) and report["counts"]["masks"] == 2


@pytest.mark.parametrize("ext", sorted(WRITERS))
def test_a_damaged_compressed_file_is_one_line_and_the_others_go_on(tmp_path, ext):
    bad = tmp_path / f"bad.{ext}"
    bad.write_bytes(WRITERS[ext](lines(RECORDS))[:-8])  # cut short
    good = tmp_path / "good.jsonl"
    good.write_bytes(lines(RECORDS))
    for mode in (["--jsonl"], ["--check"]):
        result = run(*mode, str(bad), str(good))
        assert result.exit_code == EXIT_ERROR
        assert result.stderr.startswith(f"{bad}: corrupt {ext.split('.')[-1]} data (")
        assert len(result.stderr.splitlines()) == 1
        assert str(good) in result.stdout or "坚持以党建引领" in result.stdout


def test_concatenated_zstd_frames_are_read_whole(tmp_path):
    src = tmp_path / "two.jsonl.zst"
    src.write_bytes(WRITERS["jsonl.zst"](lines(RECORDS[:1])) + WRITERS["jsonl.zst"](lines(RECORDS[2:])))
    assert len(run("--check", str(src)).stdout.splitlines()) == 2
