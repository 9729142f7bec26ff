"""Outputs and terminal behaviour, and the messages (issue 16, findings 6, 7 and 9)."""

import gzip
import io
import json
import os
import pty
import re
import select
import signal
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner

from restore import runs
from restore.cli import EXIT_ERROR, EXIT_INTERRUPTED, cli, main
from restore.runs import RunOptions
from restore.runs.progress import Measure, Progress, Stats

DAMAGED = "坚持以*建引领\n"


def run(*args, input=None, env=None):
    return CliRunner(env=env).invoke(cli, ["--no-config", *args], input=input, catch_exceptions=False)


class Tty:
    def isatty(self):
        return True

    def fileno(self):
        raise OSError


def test_progress_is_never_drawn_into_a_pipe_nor_over_the_terminal_output(tmp_path):
    options = RunOptions(names=("a.txt",), show=runs.Show.DIFF)
    read, write = os.pipe()
    try:
        with os.fdopen(write, "wb", closefd=False) as pipe:
            assert not runs.wants_progress(options, Tty(), pipe)  # restore --diff a.txt | head
    finally:
        os.close(read)
        os.close(write)
    assert not runs.wants_progress(options, Tty(), Tty())
    with open(tmp_path / "out", "wb") as fh:
        assert runs.wants_progress(options, Tty(), fh)  # restore --diff a.txt > out
        assert not runs.wants_progress(options, object(), fh)
    assert runs.wants_progress(RunOptions(names=("a.txt",), progress=True), object(), object())
    assert not runs.wants_progress(RunOptions(names=("a.txt",), quiet=True), Tty(), object())


def test_color_option_and_force_color(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text(DAMAGED, encoding="utf-8")
    assert "\x1b[" in run("--diff", "--color", "always", str(src)).stdout
    assert "\x1b[" in run("--diff", str(src), env={"FORCE_COLOR": "1", "NO_COLOR": None}).stdout
    assert "\x1b[" not in run("--diff", str(src), env={"FORCE_COLOR": None, "NO_COLOR": None}).stdout
    assert "\x1b[" not in run("--diff", "--color", "never", str(src), env={"FORCE_COLOR": "1"}).stdout


def test_ctrl_c_exits_130():
    proc = subprocess.Popen(
        [sys.executable, "-m", "restore", "--no-config"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        proc.stdin.write("坚持以*建引领\n".encode())
        proc.stdin.flush()
        time.sleep(1.5)  # started, and waiting for the rest of stdin
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=30)
    finally:
        proc.kill()
    assert proc.returncode == EXIT_INTERRUPTED == 130
    assert b"Traceback" not in err


def test_bare_restore_on_a_terminal_says_it_reads_the_terminal():
    primary, secondary = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "restore", "--no-config"],
        stdin=secondary,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    os.close(secondary)
    try:
        ready, _, _ = select.select([proc.stderr], [], [], 30)
        assert ready
        hint = proc.stderr.readline().decode("utf-8")
        os.write(primary, b"\x04")  # Ctrl-D: end of the text
        proc.communicate(timeout=30)
    finally:
        proc.kill()
        os.close(primary)
    assert hint.startswith("restore: reading text from the terminal; end it with Ctrl-D")


def test_stats_path_is_checked_before_any_output(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text(DAMAGED, encoding="utf-8")
    result = run("--stats", str(tmp_path / "no" / "such" / "s.json"), str(src))
    assert result.exit_code == EXIT_ERROR
    assert result.stdout == ""
    assert "(given with --stats)" in result.stderr
    made = tmp_path / "s.json"
    assert run("--stats", str(made), str(src)).exit_code == 0 and made.is_file()


def test_help_lists_the_learn_subcommand():
    assert "restore learn FILES... -o MODEL" in run("--help").stdout


def test_unresolved_candidates_are_cut_to_those_worth_reading(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text("主要负责*务工作。\n", encoding="utf-8")
    (line,) = run("--check", "--min-confidence", "0.99", str(src)).stdout.splitlines()
    shown = line.split("(candidates ")[1].split(";")[0].split(", ")
    assert 1 <= len(shown) <= 3
    assert all(float(c.split()[1]) >= 0.01 for c in shown), line


def test_learn_names_the_file_with_mask_symbols(tmp_path, capsys):
    clean = tmp_path / "clean.txt"
    clean.write_text("今天天气很好。\n", encoding="utf-8")
    dirty = tmp_path / "dirty.txt"
    dirty.write_text("第一行。\n坚持以*建引领\n", encoding="utf-8")
    with pytest.raises(SystemExit):
        main(["learn", str(clean), str(dirty), "-o", str(tmp_path / "m.model")])
    assert f"{dirty}: line 2 holds a mask symbol (*)" in capsys.readouterr().err


def test_a_jieba_userdict_line_gets_a_hint_about_tabs(tmp_path):
    lexicon = tmp_path / "user.txt"
    lexicon.write_text("行业主管部门 50000 n\n", encoding="utf-8")
    result = run("--lexicon", str(lexicon), input=DAMAGED)
    assert result.exit_code == EXIT_ERROR
    assert "looks like a jieba userdict line" in result.stderr and "WORD<TAB>WEIGHT" in result.stderr


def test_progress_over_several_files_shows_a_percentage_and_time_left():
    stream = io.StringIO()
    stats = Stats()
    progress = Progress(stats, True, stream=stream, measure=Measure(4, "file", lambda: stats.documents))
    stats.documents, stats.characters = 1, 1200
    progress.update(force=True)
    progress.bar.refresh()
    drawn = stream.getvalue()
    progress.close()
    assert "25%" in drawn and "1/4" in drawn and "<" in drawn  # elapsed<remaining


def test_check_summary_says_what_was_found_not_what_was_done(tmp_path, monkeypatch):
    src = tmp_path / "a.txt"
    src.write_text(DAMAGED, encoding="utf-8")
    monkeypatch.setattr(runs, "is_terminal", lambda stream: True)  # stderr (and stdout) a terminal
    summary = run("--check", str(src)).stderr.splitlines()[-1]
    assert "1 mask restorable, 0 unresolved, 0 gaps found" in summary
    summary = run(str(src)).stderr.splitlines()[-1]
    assert "1 mask restored, 0 unresolved, 0 gaps marked" in summary


@pytest.mark.parametrize("name", ["c.jsonl", "c.jsonl.gz"])
def test_progress_over_jsonl_files_counts_their_bytes(tmp_path, name):
    data = "".join(json.dumps({"id": i, "text": "坚持以*建引领"}) + "\n" for i in range(50)).encode()
    src = tmp_path / name
    src.write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
    result = run("--jsonl", "--progress", str(src), "-o", str(tmp_path / "out.jsonl"))
    assert result.exit_code == 0
    assert re.search(r"restore: +\d+%\|", result.stderr), result.stderr  # a total: a percentage
    assert "B/s" in result.stderr
