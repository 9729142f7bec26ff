"""The ``restore`` command: files and streams, output modes, exit codes, bytes kept exact."""

import codecs
import json
import os
import re
import stat
import subprocess
import sys

import click
import pytest
from click.testing import CliRunner

from restore import cli as cli_module
from restore import pipeline, runs
from restore.apply import apply_edits
from restore.cli import EXIT_CLEAN, EXIT_DAMAGE, EXIT_ERROR, cli, main
from restore.model import Edit, Gap

DAMAGED = "坚持以*建引领，落实**“一把手”责任制"
#: The run ``**`` may be filled with two candidates or left alone; ``*建`` must become 党建.
RESTORED = re.compile(r"坚持以党建引领，落实([党政群业]{2}|\*\*)“一把手”责任制")
GAPPY = "截至年9月底"
CLEAN = "今天天气很好，大家去公园散步。\n"
MARKER = "\u2047"

#: The JSON of the one gap the ``fake_gaps`` fixture reports in GAPPY.
FAKE_GAP_JSON = {
    "kind": "gap",
    "start": 2,
    "end": 2,
    "replacement": None,
    "confidence": 0.9,
    "candidates": [],
    "note": "test",
}


def run(*args, input=None):
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


def write(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


@pytest.fixture
def fake_gaps(monkeypatch):
    """A gap finder that finds exactly the gap in 截至年9月底 (the real one is tested elsewhere)."""

    def find_gaps(text, masks=(), min_confidence=0.0):
        return [Gap(m.start() + 1, 0.9, "test") for m in re.finditer("至年", text)]

    monkeypatch.setattr(pipeline, "find_gaps", find_gaps)


def test_exit_codes_are_pinned_and_documented():
    assert (EXIT_CLEAN, EXIT_DAMAGE, EXIT_ERROR) == (0, 1, 2)
    help_text = run("--help").output
    assert "0  nothing to repair" in help_text
    assert "1  damage found with --check, or files rewritten with --in-place" in help_text
    assert "2  usage or input error (the other files are still processed)" in help_text


def test_every_option_is_in_help():
    help_text = run("--help").output
    for param in cli.params:
        for opt in param.opts:
            if opt.startswith("-"):
                assert opt in help_text


def test_version():
    result = run("--version")
    assert result.exit_code == 0
    assert re.fullmatch(r"restore \d+\.\d+\.\d+\S*\n", result.output)


# -- default mode: restored text -----------------------------------------------------------------


def test_stdin_to_stdout():
    result = run(input=DAMAGED)
    assert result.exit_code == EXIT_CLEAN
    assert RESTORED.fullmatch(result.stdout)
    assert result.stderr == ""


def test_dash_is_stdin():
    assert RESTORED.fullmatch(run("-", input=DAMAGED).stdout)


def test_files_are_concatenated_in_order(tmp_path):
    a = write(tmp_path, "a.txt", DAMAGED + "\n")
    b = write(tmp_path, "b.txt", CLEAN)
    result = run(str(b), str(a))
    assert result.exit_code == EXIT_CLEAN
    first, second = result.stdout.splitlines()
    assert first + "\n" == CLEAN
    assert RESTORED.fullmatch(second)


def test_output_file(tmp_path):
    src = write(tmp_path, "in.txt", DAMAGED)
    out = tmp_path / "out.txt"
    result = run(str(src), "-o", str(out))
    assert result.exit_code == EXIT_CLEAN
    assert result.stdout == ""
    assert RESTORED.fullmatch(out.read_text(encoding="utf-8"))
    assert src.read_text(encoding="utf-8") == DAMAGED


def test_output_file_may_be_the_input(tmp_path):
    src = write(tmp_path, "in.txt", DAMAGED)
    assert run(str(src), "-o", str(src)).exit_code == EXIT_CLEAN
    assert RESTORED.fullmatch(src.read_text(encoding="utf-8"))


def test_clean_text_comes_back_unchanged(tmp_path):
    result = run(input=CLEAN)
    assert result.stdout == CLEAN
    assert result.exit_code == EXIT_CLEAN


def test_gaps_are_marked(fake_gaps):
    assert run(input=GAPPY).stdout == f"截至{MARKER}年9月底"
    assert run("--gap-marker", "[?]", input=GAPPY).stdout == "截至[?]年9月底"
    assert run("--gap-marker", "", input=GAPPY).stdout == GAPPY
    assert run("--no-gaps", input=GAPPY).stdout == GAPPY


def test_gap_min_confidence_keeps_only_the_surer_marks():
    # The real gap rules: a year before 年9月底 is surer than a count before 户 and 名.
    text = "截至年9月底，全区户名建档立卡贫困人口全部脱贫。"
    everything = run("--check", input=text).stdout.splitlines()
    surest = run("--check", "--gap-min-confidence", "0.9", input=text).stdout.splitlines()
    assert len(everything) == 3 and surest == everything[:1]
    assert surest[0].startswith("<stdin>:1:3: numeric gap")
    assert run("--gap-min-confidence", "1", input=text).stdout == text


def test_marker_already_in_input_is_an_earlier_mark(tmp_path, fake_gaps):
    """A second run over marked output marks nothing new (idempotence)."""
    once = run(input=GAPPY).stdout
    assert once == f"截至{MARKER}年9月底"
    twice = run(input=once)
    assert twice.exit_code == EXIT_CLEAN
    assert twice.stdout == once
    assert run("--check", input=once).stdout == ""


# -- errors: one line each, the other files go on ------------------------------------------------


def test_undecodable_file_and_good_file(tmp_path):
    bad = write(tmp_path, "bad.txt", b"abc\x80\xff\xfe")
    good = write(tmp_path, "good.txt", DAMAGED)
    result = run(str(bad), str(good))
    assert result.exit_code == EXIT_ERROR
    assert result.stderr == f"{bad}: cannot decode as UTF-8 or GB18030 (use --encoding)\n"
    assert RESTORED.fullmatch(result.stdout)


def test_missing_file_is_reported_and_the_others_go_on(tmp_path):
    good = write(tmp_path, "good.txt", CLEAN)
    missing = tmp_path / "missing.txt"
    result = run(str(missing), str(good))
    assert result.exit_code == EXIT_ERROR
    assert result.stderr.splitlines() == [f"{missing}: No such file or directory"]
    assert result.stdout == CLEAN


def test_binary_file(tmp_path):
    binary = write(tmp_path, "x.bin", b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    result = run(str(binary))
    assert result.exit_code == EXIT_ERROR
    assert result.stderr.startswith(f"{binary}: looks binary")


def test_named_encoding(tmp_path):
    src = write(tmp_path, "a.txt", DAMAGED.encode("gb18030"))
    result = CliRunner().invoke(cli, ["--encoding", "gb18030", str(src)])
    assert RESTORED.fullmatch(result.stdout_bytes.decode("gb18030"))


@pytest.mark.parametrize(
    "args, message",
    [
        (["--in-place", "-o", "x"], "cannot combine --in-place and --output"),
        (["--check", "--in-place", "x"], "cannot combine --check and --in-place"),
        (["--diff", "--format", "json"], "cannot combine --diff and --format json"),
        (["--jsonl", "--diff"], "cannot combine --jsonl and"),
        (["--jsonl", "--encoding", "gbk"], "cannot combine --jsonl and --encoding"),
        (["--in-place"], "--in-place needs file arguments"),
        (["--encoding", "no-such-codec"], "unknown encoding 'no-such-codec'"),
        (["--min-confidence", "2"], "--min-confidence must be between 0 and 1"),
        (["--gap-min-confidence", "-0.1"], "--gap-min-confidence must be between 0 and 1"),
        (["--candidates", "*党"], "must not share a character"),
        (["--candidates", "党政群业工农商学兵"], "--candidates names 9 different characters; at most 8"),
    ],
)
def test_usage_errors(args, message):
    result = run(*args, input="")
    assert result.exit_code == EXIT_ERROR
    assert result.stderr.startswith("Error: ") and message in result.stderr
    assert len(result.stderr.splitlines()) == 1


def test_missing_lexicon_is_a_usage_error(tmp_path):
    result = run("--lexicon", str(tmp_path / "nope.tsv"), input=DAMAGED)
    assert result.exit_code == EXIT_ERROR


# -- --in-place ----------------------------------------------------------------------------------


def test_in_place_rewrites_changed_files_and_keeps_mode(tmp_path):
    damaged = write(tmp_path, "damaged.txt", DAMAGED + "\r\n")
    damaged.chmod(0o640)
    clean = write(tmp_path, "clean.txt", CLEAN)
    clean_inode = clean.stat().st_ino
    result = run("--in-place", str(damaged), str(clean))
    assert result.exit_code == EXIT_DAMAGE
    assert result.stdout == ""
    assert RESTORED.fullmatch(damaged.read_bytes().decode("utf-8").removesuffix("\r\n"))
    assert damaged.read_bytes().endswith(b"\r\n")
    assert stat.S_IMODE(damaged.stat().st_mode) == 0o640
    assert clean.read_text(encoding="utf-8") == CLEAN
    assert clean.stat().st_ino == clean_inode, "an unchanged file is not rewritten"
    assert sorted(os.listdir(tmp_path)) == ["clean.txt", "damaged.txt"], "no temporary file left"
    assert re.fullmatch(
        rf"{re.escape(str(damaged))}: \d+ masks? restored, \d+ unresolved, 0 gaps marked\n", result.stderr
    )


def test_in_place_quiet(tmp_path):
    damaged = write(tmp_path, "damaged.txt", DAMAGED)
    result = run("--in-place", "-q", str(damaged))
    assert result.exit_code == EXIT_DAMAGE
    assert result.stderr == ""


def test_in_place_on_clean_files_exits_clean(tmp_path):
    clean = write(tmp_path, "clean.txt", CLEAN)
    result = run("--in-place", str(clean))
    assert result.exit_code == EXIT_CLEAN
    assert result.stderr == ""


def test_in_place_read_only_file(tmp_path):
    ro = write(tmp_path, "ro.txt", DAMAGED)
    ro.chmod(0o444)
    rw = write(tmp_path, "rw.txt", DAMAGED)
    result = run("--in-place", "-q", str(ro), str(rw))
    assert result.exit_code == EXIT_ERROR
    assert result.stderr == f"{ro}: file is read-only; not rewritten\n"
    assert ro.read_text(encoding="utf-8") == DAMAGED
    assert RESTORED.fullmatch(rw.read_text(encoding="utf-8"))


def test_in_place_failed_write_keeps_the_original(tmp_path, monkeypatch):
    src = write(tmp_path, "a.txt", DAMAGED)

    def boom(a, b):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", boom)
    result = run("--in-place", str(src))
    assert result.exit_code == EXIT_ERROR
    assert result.stderr == f"{src}: cannot rewrite: No space left on device\n"
    assert src.read_text(encoding="utf-8") == DAMAGED
    assert os.listdir(tmp_path) == ["a.txt"]


# -- --check -------------------------------------------------------------------------------------


def test_check_prints_findings_and_changes_nothing(tmp_path, fake_gaps):
    src = write(tmp_path, "news.txt", DAMAGED + "\n" + GAPPY)
    result = run("--check", str(src))
    assert result.exit_code == EXIT_DAMAGE
    lines = result.stdout.splitlines()
    assert re.fullmatch(rf"{re.escape(str(src))}:1:4: mask \* ==> 党 \(\d\.\d\d\)", lines[0])
    assert re.fullmatch(
        rf"{re.escape(str(src))}:1:11: (mask \*\* ==> [党政群业]{{2}} \(\d\.\d\d\)|unresolved mask \*\* \(.*\))",
        lines[1],
    )
    assert lines[-1] == f"{src}:2:3: numeric gap (0.90)"
    assert src.read_text(encoding="utf-8") == DAMAGED + "\n" + GAPPY
    assert result.stderr == ""


def test_check_clean_file(tmp_path):
    src = write(tmp_path, "clean.txt", CLEAN)
    result = run("--check", str(src))
    assert (result.exit_code, result.stdout) == (EXIT_CLEAN, "")


def test_check_passes_what_in_place_leaves_alone(tmp_path):
    """A page's own stars (bold, italics, a masked name, a redaction) are reported in the
    JSON but are not damage: --check passes the file, as --in-place leaves it as it is."""
    text = "# 说明\n\n这是**重要**的内容，其实*非常*简单。记者刘**报道。他说*****了。\n"
    src = write(tmp_path, "notes.md", text)
    report = json.loads(run("--format", "json", str(src)).stdout)
    assert report["edits"] and all(e["replacement"] is None for e in report["edits"])
    assert (run("--check", str(src)).exit_code, run("--check", str(src)).stdout) == (EXIT_CLEAN, "")
    assert run("--in-place", str(src)).exit_code == EXIT_CLEAN
    assert src.read_text(encoding="utf-8") == text
    damaged = write(tmp_path, "page.md", "# 说明\n\n坚持以*建引领\n")
    result = run("--check", str(src), str(damaged))
    assert result.exit_code == EXIT_DAMAGE
    (line,) = result.stdout.splitlines()
    assert line.startswith(f"{damaged}:3:4: mask * ==> 党")


def test_check_stdin_is_named():
    assert run("--check", input=DAMAGED).stdout.startswith("<stdin>:1:4: mask * ==> 党 (")


def test_check_error_wins_over_damage(tmp_path):
    damaged = write(tmp_path, "a.txt", DAMAGED)
    result = run("--check", str(damaged), str(tmp_path / "missing"))
    assert result.exit_code == EXIT_ERROR
    assert result.stdout.startswith(f"{damaged}:1:4:")


# -- --diff --------------------------------------------------------------------------------------


def test_diff(tmp_path, fake_gaps):
    src = write(tmp_path, "news.txt", "标题\n" + DAMAGED + "\n" + GAPPY + "\n")
    result = run("--diff", str(src))
    assert result.exit_code == EXIT_CLEAN
    lines = result.stdout.splitlines()
    assert lines[:3] == [f"--- {src}", f"+++ {src} (restored)", f"-2: {DAMAGED}"]
    assert lines[3].startswith("+2: 坚持以党[") and "]建引领" in lines[3]
    assert lines[4:6] == ["-3: 截至‸年9月底", f"+3: 截至{MARKER}[0.90]年9月底"]
    assert re.fullmatch(
        rf"{re.escape(str(src))}: 3 masks restored, 0 unresolved, 1 gap marked", lines[6]
    ) or (re.fullmatch(rf"{re.escape(str(src))}: 1 mask restored, 2 unresolved, 1 gap marked", lines[6]))
    assert "\x1b[" not in result.stdout, "no colour when stdout is not a terminal"
    assert src.read_text(encoding="utf-8").startswith("标题\n坚持以*建"), "--diff changes nothing"


def test_check_with_diff_sets_the_exit_code(tmp_path):
    src = write(tmp_path, "a.txt", DAMAGED)
    result = run("--check", "--diff", str(src))
    assert result.exit_code == EXIT_DAMAGE
    assert result.stdout.startswith(f"--- {src}\n")


@pytest.mark.parametrize(
    "mode, starts",
    [
        (["--diff"], "--- {src}\n"),
        (["--format", "json"], '{{"path": "{src}"'),
        (["--check"], "{src}:1:4: mask"),
    ],
    ids=["diff", "json", "check"],
)
def test_output_file_takes_what_the_mode_produces(tmp_path, mode, starts):
    """Issue 16: -o got the restored text while the report went to stdout."""
    src = write(tmp_path, "a.txt", DAMAGED)
    out = tmp_path / "out.txt"
    result = run(*mode, "-o", str(out), str(src))
    assert result.stdout == ""
    assert out.read_text(encoding="utf-8").startswith(starts.format(src=src))
    assert src.read_text(encoding="utf-8") == DAMAGED


def test_colour_only_on_a_terminal_without_no_color(monkeypatch):
    class Tty:
        def isatty(self):
            return True

    monkeypatch.delenv("NO_COLOR", raising=False)
    assert runs.use_color(Tty())
    assert not runs.use_color(object())
    monkeypatch.setenv("NO_COLOR", "1")
    assert not runs.use_color(Tty())


# -- --format json -------------------------------------------------------------------------------


def test_format_json_one_object_per_line(tmp_path, fake_gaps):
    a = write(tmp_path, "a.txt", DAMAGED)
    b = write(tmp_path, "b.txt", GAPPY)
    result = run("--format", "json", str(a), str(b))
    assert result.exit_code == EXIT_CLEAN
    reports = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["path"] for r in reports] == [str(a), str(b)]
    for report in reports:
        assert set(report) == {"path", "alphabet", "edits", "counts", "notes"}
        assert set(report["counts"]) == {"masks", "restored", "unresolved", "gaps"}
        for edit in report["edits"]:
            assert {"kind", "start", "end", "replacement", "confidence", "candidates"} <= set(edit)
    first = reports[0]["edits"][0]
    assert (first["kind"], first["start"], first["end"], first["replacement"]) == ("mask", 3, 4, "党")
    assert reports[0]["counts"]["masks"] == 3
    assert reports[1]["edits"] == [FAKE_GAP_JSON]
    assert a.read_text(encoding="utf-8") == DAMAGED


# -- --jsonl -------------------------------------------------------------------------------------


def test_jsonl_keeps_fields_order_and_adds_edits(fake_gaps):
    records = [
        {"id": "a", "text": DAMAGED, "meta": {"x": [1, 2]}, "z": None},
        {"text": GAPPY, "id": "b"},
        {"id": "c", "text": CLEAN},
    ]
    stdin = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    result = run("--jsonl", input=stdin)
    assert result.exit_code == EXIT_CLEAN
    assert result.stderr == ""
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [list(o) for o in out] == [
        ["id", "text", "meta", "z", "edits"],
        ["text", "id", "edits"],
        ["id", "text", "edits"],
    ]
    assert out[0]["meta"] == {"x": [1, 2]} and out[0]["z"] is None
    assert RESTORED.fullmatch(out[0]["text"])
    assert out[1]["text"] == GAPPY, "gaps are reported, not written into the text"
    assert out[1]["edits"] == [FAKE_GAP_JSON]
    assert out[2] == {"id": "c", "text": CLEAN, "edits": []}
    for record, o in zip(records, out):
        edits = [Edit(e["kind"], e["start"], e["end"], e["replacement"], e["confidence"]) for e in o["edits"]]
        assert apply_edits(record["text"], edits) == o["text"]
    assert "党" in result.stdout, "ensure_ascii=False"


def test_jsonl_blank_lines_pass_through():
    stdin = '{"text": "*建", "id": 1}\n\n   \n{"text": "好"}'
    lines = run("--jsonl", input=stdin).stdout.split("\n")
    assert len(lines) == 5 and lines[-1] == ""
    first = json.loads(lines[0])
    assert list(first) == ["text", "id", "edits"] and first["text"] == "党建"
    assert lines[1:3] == ["", "   "]
    assert json.loads(lines[3]) == {"text": "好", "edits": []}


def test_jsonl_record_with_nothing_found_keeps_its_bytes():
    """A clean record is written as it came, with the edits field added at the end."""
    escaped = '{ "text":"\\u597d\\u7684" ,"n":1.50}'  # escapes, odd spacing, 1.50
    lines = run("--jsonl", input=escaped + "\n").stdout.split("\n")
    assert lines[0] == escaped[:-1] + ', "edits": []}'
    assert json.loads(lines[0]) == {"text": "好的", "n": 1.5, "edits": []}


def test_jsonl_field_option():
    result = run("--jsonl", "--field", "body", input='{"text": "*建", "body": "以*建引领"}\n')
    out = json.loads(result.stdout)
    assert out["text"] == "*建" and out["body"] == "以党建引领"


def test_jsonl_bad_line_stops(tmp_path):
    src = write(tmp_path, "in.jsonl", '{"text": "*建"}\n{"text": \n{"text": "*策"}\n')
    result = run("--jsonl", str(src))
    assert result.exit_code == EXIT_ERROR
    assert re.fullmatch(rf"{re.escape(str(src))}:2: invalid JSON \(.+\)\n", result.stderr)
    assert len(result.stdout.splitlines()) == 1, "the lines after the bad one are not processed"


def test_jsonl_bad_lines_skipped(tmp_path):
    src = write(
        tmp_path, "in.jsonl", '{"text": "*建"}\n{"text": \n{"id": 3}\n[1]\n{"text": 5}\n{"text": "*策"}\n'
    )
    result = run("--jsonl", "--skip-bad-lines", str(src))
    assert result.exit_code == EXIT_CLEAN
    out = result.stdout.splitlines()
    assert out[1:5] == ['{"text": ', '{"id": 3}', "[1]", '{"text": 5}'], "bad lines pass through unchanged"
    assert json.loads(out[5])["text"] == "政策"
    errors = result.stderr.splitlines()
    assert errors[0].startswith(f"{src}:2: invalid JSON (")
    assert errors[1:] == [
        f"{src}:3: no 'text' field (name it with --field)",
        f"{src}:4: expected a JSON object, got list",
        f"{src}:5: field 'text' is not a string",
    ]


def test_jsonl_missing_field_without_skip_is_an_error():
    result = run("--jsonl", input='{"id": 1}\n{"text": "*建"}\n')
    assert result.exit_code == EXIT_ERROR
    assert result.stderr == "<stdin>:1: no 'text' field (name it with --field)\n"
    assert result.stdout == ""


def test_jsonl_output_file_left_alone_when_stopped(tmp_path):
    out = write(tmp_path, "out.jsonl", "previous\n")
    result = run("--jsonl", "-o", str(out), input='{"text": "*建"}\nnot json\n')
    assert result.exit_code == EXIT_ERROR
    assert out.read_text(encoding="utf-8") == "previous\n"
    assert os.listdir(tmp_path) == ["out.jsonl"]
    assert run("--jsonl", "-o", str(out), input='{"text": "*建"}\n').exit_code == EXIT_CLEAN
    assert json.loads(out.read_text(encoding="utf-8"))["text"] == "党建"


def test_jsonl_invalid_utf8_line():
    result = CliRunner().invoke(
        cli, ["--jsonl", "--skip-bad-lines"], input=b'{"text": "\xff"}\n{"text": "ok"}\n'
    )
    assert result.stderr.startswith("<stdin>:1: invalid UTF-8 (")
    assert result.stdout_bytes.splitlines()[0] == b'{"text": "\xff"}'


# -- subcommand hook -----------------------------------------------------------------------------


def test_subcommands_are_dispatched_before_file_arguments(monkeypatch, tmp_path):
    seen = []

    @click.command()
    @click.argument("corpus")
    def learn(corpus):
        seen.append(corpus)

    monkeypatch.setitem(cli_module.SUBCOMMANDS, "learn", learn)
    with pytest.raises(SystemExit) as info:
        main(["learn", "clean.txt"])
    assert info.value.code == 0 and seen == ["clean.txt"]
    monkeypatch.chdir(tmp_path)
    (tmp_path / "learn").write_text("*建", encoding="utf-8")
    with pytest.raises(SystemExit):
        main(["--check", "--", "learn"])
    assert seen == ["clean.txt"], "after --, learn is a file name"


# -- bytes, end to end (subprocess) --------------------------------------------------------------


def restore_process(*args, input=b""):
    return subprocess.run(
        [sys.executable, "-m", "restore", *args], input=input, capture_output=True, timeout=120, check=False
    )


SNIPPET = "坚持以*建引领\r\n标题\r无换行结尾"
ENCODERS = {
    "utf-8": lambda t: t.encode("utf-8"),
    "utf-8-bom": lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
    "utf-16-le": lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"),
    "utf-16-be": lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"),
    "gb18030": lambda t: t.encode("gb18030"),
    "final-newline": lambda t: (t + "\n").encode("utf-8"),
}


@pytest.mark.parametrize("encode", ENCODERS.values(), ids=ENCODERS.keys())
def test_bytes_round_trip_exactly(tmp_path, encode):
    src = tmp_path / "in.txt"
    src.write_bytes(encode(SNIPPET))
    expected = encode(SNIPPET.replace("*", "党"))
    runner = CliRunner()
    result = runner.invoke(cli, [str(src)])
    assert (result.exit_code, result.stdout_bytes, result.stderr) == (EXIT_CLEAN, expected, "")
    assert runner.invoke(cli, [], input=encode(SNIPPET)).stdout_bytes == expected
    result = runner.invoke(cli, ["--in-place", "-q", str(src)])
    assert (result.exit_code, result.stderr) == (EXIT_DAMAGE, "")
    assert src.read_bytes() == expected


def test_real_stdio_bytes_and_quiet_stderr(tmp_path):
    """One process, real stdout and stderr: exact bytes out, nothing on stderr (jieba included)."""
    utf16 = tmp_path / "a.txt"
    utf16.write_bytes(ENCODERS["utf-16-le"](SNIPPET))
    gb = tmp_path / "b.txt"
    gb.write_bytes(ENCODERS["gb18030"](SNIPPET))
    expected = [ENCODERS[e](SNIPPET.replace("*", "党")) for e in ("utf-16-le", "gb18030")]
    proc = restore_process(str(utf16), str(gb))
    assert (proc.returncode, proc.stderr) == (EXIT_CLEAN, b"")
    assert proc.stdout == b"".join(expected)
    proc = restore_process("--in-place", "-q", str(utf16), str(gb))
    assert (proc.returncode, proc.stderr) == (EXIT_DAMAGE, b"")
    assert [utf16.read_bytes(), gb.read_bytes()] == expected


def test_nothing_on_stderr_on_success(tmp_path):
    src = write(tmp_path, "a.jsonl", json.dumps({"id": 1, "text": DAMAGED}) + "\n")
    proc = restore_process("--jsonl", str(src))
    assert (proc.returncode, proc.stderr) == (EXIT_CLEAN, b"")
    assert json.loads(proc.stdout)["text"].startswith("坚持以党建")
    proc = restore_process("--check", "-", input=DAMAGED.encode("utf-8"))
    assert (proc.returncode, proc.stderr) == (EXIT_DAMAGE, b"")


def test_broken_pipe_is_quiet(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text(CLEAN * 100_000, encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "restore", str(big)], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert proc.stdout.read(100)
    proc.stdout.close()
    err = proc.stderr.read()
    proc.stderr.close()
    assert proc.wait(timeout=120) == EXIT_CLEAN
    assert err == b""


def test_python_dash_m_help():
    proc = restore_process("--help")
    assert proc.returncode == 0
    assert b"Usage: restore [OPTIONS] [FILES]..." in proc.stdout
