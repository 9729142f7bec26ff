"""Corpus scale: chunked plain text, --jobs, progress, --stats and the clean-text fast path."""

import codecs
import gc
import json
import multiprocessing
import os
import re
import subprocess
import sys
from dataclasses import dataclass

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from restore import Restorer, restore_text
from restore.cli import EXIT_CLEAN, EXIT_DAMAGE, EXIT_ERROR, cli
from restore.runs import chunks, jsonl, reading
from restore.runs import workers as workers_module
from restore.runs.chunks import split_chunks
from restore.runs.workers import Passed, Workers

#: Paragraphs whose masks and gaps are decided by their own line: chunked or whole, the
#: same restoration (none of them shows 党, 政, 群 or 业 unmasked).
PARAGRAPHS = [
    "坚持以*建引领，推进乡村振兴。",
    "全市*府工作报告提出，截至年9月底，新建学校所。",
    "这项*策惠及农户万户，带动就*人数增长。",
    "今天天气很好，大家去公园散步。",
    "村里的*员干部带头参加义务劳动。",
    "会议强调，要把*建工作抓实抓细。",
]
CLEAN = "今天天气很好，大家去公园散步。"


def run(*args, input=None):
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


def restore_process(*args, input=b"", **kw):
    cmd = [sys.executable, "-m", "restore", *args]
    return subprocess.run(cmd, input=input, capture_output=True, timeout=300, check=False, **kw)


def document(paragraphs=40, newline="\r\n"):
    return newline.join(PARAGRAPHS[i % len(PARAGRAPHS)] for i in range(paragraphs))


@pytest.fixture
def small_chunks(monkeypatch):
    """Chunks of about 100 characters, and streaming for anything over 256 bytes."""
    monkeypatch.setattr(chunks, "CHUNK_CHARS", 100)
    monkeypatch.setattr(reading, "PROBE_BYTES", 256)
    monkeypatch.setattr(reading, "READ_BYTES", 97)  # blocks that end inside a UTF-8 character


# -- chunks --------------------------------------------------------------------------------------

TEXT_CHARS = st.sampled_from(list("党建工作*＊。，！ \u3000ab12.．\r\n年") + ["\r\n"])


@settings(max_examples=300, deadline=None)
@given(st.lists(TEXT_CHARS, max_size=400).map("".join), st.integers(1, 12), st.lists(st.integers(0, 400)))
def test_chunks_join_back_and_do_not_depend_on_how_the_text_is_read(text, size, cuts):
    chunks = list(split_chunks([text], size))
    assert "".join(chunks) == text
    assert all(chunks)
    bounds = sorted({c for c in cuts if c <= len(text)})
    pieces = [text[a:b] for a, b in zip([0, *bounds], [*bounds, len(text)])]
    assert list(split_chunks(pieces, size)) == chunks
    for before, after in zip(chunks, chunks[1:]):
        assert not (before.endswith("\r") and after.startswith("\n")), "a CRLF is never split"


def test_chunks_end_at_the_first_line_break_after_the_size():
    text = "一二三\n四五六七八\r\n九十\r十一"
    assert list(split_chunks([text], 5)) == ["一二三\n四五六七八\r\n", "九十\r十一"]


def test_a_long_line_is_cut_after_a_sentence_end_never_in_a_mask_or_number():
    sentence = "坚持以*建引领，截至年9月底完成.5亿元。"
    text = sentence * 200  # one line, no break
    chunks = list(split_chunks([text], 50))
    assert "".join(chunks) == text and len(chunks) > 10
    for chunk in chunks[:-1]:
        assert chunk.endswith("。")
    assert all(c.startswith("坚持") for c in chunks)


def test_advance_counts_lines_and_columns():
    line, col = 1, 1
    for piece in ["ab\r\n", "cd", "e\rf", ""]:
        line, col = chunks.advance(line, col, piece)
    assert (line, col) == (3, 2)


# -- plain text: chunked equals whole ------------------------------------------------------------


def whole(text, **kw):
    """What restoring the text as one document gives."""
    return restore_text(text, **kw)


def test_chunked_output_is_byte_exact_with_bom_and_crlf(tmp_path, small_chunks):
    text = document() + "\r\n末行没有换行"
    data = codecs.BOM_UTF8 + text.encode("utf-8")
    src = tmp_path / "in.txt"
    src.write_bytes(data)
    expected = codecs.BOM_UTF8 + whole(text).text.encode("utf-8")
    assert expected.count(b"\r\n") == text.count("\r\n")
    assert "党建" in expected.decode("utf-8-sig")

    result = CliRunner().invoke(cli, [str(src)])  # a file: streamed, chunked
    assert (result.exit_code, result.stderr) == (EXIT_CLEAN, "")
    assert result.stdout_bytes == expected
    result = CliRunner().invoke(cli, [], input=data)  # stdin: streamed, chunked
    assert result.stdout_bytes == expected
    assert len(list(split_chunks([text], chunks.CHUNK_CHARS))) > 5


def test_chunked_output_in_gb18030_and_utf16(tmp_path, small_chunks):
    text = document(newline="\n") + "\n"
    restored = whole(text).text
    for encode in (
        lambda t: t.replace("⁇", "??").encode("gb18030"),  # GBK's range holds no ⁇: the ASCII marker
        lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"),
    ):
        src = tmp_path / "in.txt"
        src.write_bytes(encode(text))
        result = CliRunner().invoke(cli, [str(src)])
        assert (result.exit_code, result.stdout_bytes) == (EXIT_CLEAN, encode(restored))


def test_a_file_that_turns_out_not_utf8_is_decoded_whole(tmp_path, small_chunks):
    """The first bytes are ASCII (UTF-8 and GB18030 alike); GB18030 comes later."""
    text = "header line\n" * 40 + document(newline="\n")
    src = tmp_path / "in.txt"
    src.write_bytes(text.encode("gb18030"))
    result = CliRunner().invoke(cli, [str(src)])
    assert (result.exit_code, result.stderr) == (EXIT_CLEAN, "")
    assert result.stdout_bytes == whole(text).text.replace("⁇", "??").encode("gb18030")


def test_stdin_that_turns_out_not_utf8_stops_with_the_byte_offset(small_chunks):
    data = ("header line\n" * 40).encode("utf-8") + "坚持*建".encode("gb18030")
    result = CliRunner().invoke(cli, [], input=data)
    assert result.exit_code == EXIT_ERROR
    assert re.fullmatch(r"<stdin>: cannot decode as UTF-8: invalid start byte at byte 480\n", result.stderr)


def test_check_json_and_diff_positions_are_those_of_the_whole_file(tmp_path, small_chunks):
    text = document(paragraphs=9, newline="\n")
    src = tmp_path / "news.txt"
    src.write_text(text, encoding="utf-8")
    modes = [("--check",), ("--diff",), ("--format", "json")]
    chunked = {mode: run(*mode, str(src)).stdout for mode in modes}
    assert len(list(split_chunks([text], chunks.CHUNK_CHARS))) > 1
    chunks.CHUNK_CHARS = 10**6  # one chunk (the fixture restores it)
    unchunked = {mode: run(*mode, str(src)).stdout for mode in modes}
    # Findings and the diff show confidences to two places: the same. The JSON report
    # has four, where the per-chunk document figures (the alphabet's prior depends on
    # the length) may show: its edits' places and replacements are the same.
    assert chunked[("--check",)] == unchunked[("--check",)]
    assert chunked[("--diff",)] == unchunked[("--diff",)]
    assert f"{src}:7:4: mask * ==> 党 (" in chunked[("--check",)]
    assert "\n-7: 坚持以*建引领，推进乡村振兴。\n+7: 坚持以党[1.00]建引领" in chunked[("--diff",)]

    def places(report):
        report = json.loads(report)
        edits = [(e["kind"], e["start"], e["end"], e["replacement"]) for e in report["edits"]]
        return report["counts"], edits

    assert places(chunked[("--format", "json")]) == places(unchunked[("--format", "json")])
    starts = [e[1] for e in places(chunked[("--format", "json")])[1]]
    assert max(starts) > 100, "offsets count from the start of the file, not of the chunk"


def test_in_place_streamed(tmp_path, small_chunks):
    clean = tmp_path / "clean.txt"
    clean.write_bytes(((CLEAN + "\r\n") * 40).encode("utf-8"))
    inode = clean.stat().st_ino
    late = tmp_path / "late.txt"  # its only mask is in its last chunk
    text = (CLEAN + "\r\n") * 40 + "坚持以*建引领"
    late.write_bytes(codecs.BOM_UTF8 + text.encode("utf-8"))
    late.chmod(0o640)
    result = run("--in-place", str(clean), str(late))
    assert result.exit_code == EXIT_DAMAGE
    assert result.stderr == f"{late}: 1 mask restored, 0 unresolved, 0 gaps marked\n"
    assert late.read_bytes() == codecs.BOM_UTF8 + text.replace("*", "党").encode("utf-8")
    assert oct(late.stat().st_mode & 0o777) == oct(0o640)
    assert clean.stat().st_ino == inode, "an unchanged file is not rewritten"
    assert sorted(os.listdir(tmp_path)) == ["clean.txt", "late.txt"], "no temporary file left"


def test_in_place_streamed_read_only(tmp_path, small_chunks):
    ro = tmp_path / "ro.txt"
    text = (CLEAN + "\n") * 40 + "坚持以*建引领"
    ro.write_text(text, encoding="utf-8")
    ro.chmod(0o444)
    result = run("--in-place", "-q", str(ro))
    assert (result.exit_code, result.stderr) == (EXIT_ERROR, f"{ro}: file is read-only; not rewritten\n")
    assert ro.read_text(encoding="utf-8") == text
    assert os.listdir(tmp_path) == ["ro.txt"]


# -- JSON Lines with --jobs ----------------------------------------------------------------------


def corpus(n=50):
    lines = []
    for i in range(n):
        text = CLEAN if i % 3 == 0 else "".join(PARAGRAPHS[(i + k) % len(PARAGRAPHS)] for k in range(3))
        lines.append(json.dumps({"id": f"doc-{i:03d}", "text": text, "n": i}, ensure_ascii=False))
    return "\n".join(lines) + "\n"


def test_jobs_output_is_identical_and_in_order(monkeypatch):
    monkeypatch.setattr(jsonl, "JSONL_BATCH", 4)  # 13 work items for 50 records: the pool is used
    data = corpus().encode("utf-8")
    one = CliRunner().invoke(cli, ["--jsonl"], input=data)
    two = CliRunner().invoke(cli, ["--jsonl", "--jobs", "2"], input=data)
    assert (one.exit_code, two.exit_code, two.stderr) == (EXIT_CLEAN, EXIT_CLEAN, "")
    assert two.stdout_bytes == one.stdout_bytes
    ids = [json.loads(line)["id"] for line in two.stdout_bytes.splitlines()]
    assert ids == [f"doc-{i:03d}" for i in range(50)]
    assert sum("党" in json.loads(line)["text"] for line in two.stdout_bytes.splitlines()) > 20


def test_jobs_in_a_real_process():
    data = corpus(200).encode("utf-8")  # four batches
    one = restore_process("--jsonl", input=data)
    two = restore_process("--jsonl", "-j", "2", input=data)
    assert (two.returncode, two.stderr) == (EXIT_CLEAN, b"")
    assert two.stdout == one.stdout


def test_jobs_bad_lines_are_reported_with_their_numbers(monkeypatch):
    monkeypatch.setattr(jsonl, "JSONL_BATCH", 3)
    lines = corpus(20).splitlines()
    lines[4] = '{"text": '
    lines[11] = '{"id": 3}'
    data = "\n".join(lines) + "\n"
    one = run("--jsonl", "--skip-bad-lines", input=data)
    two = run("--jsonl", "--skip-bad-lines", "--jobs", "2", input=data)
    assert two.stdout == one.stdout and two.stderr == one.stderr
    assert two.stderr.splitlines()[0].startswith("<stdin>:5: invalid JSON (")
    assert two.stderr.splitlines()[1] == "<stdin>:12: no 'text' field (name it with --field)"
    stopped = run("--jsonl", "--jobs", "2", input=data)
    assert stopped.exit_code == EXIT_ERROR
    assert stopped.stdout.splitlines() == one.stdout.splitlines()[:4]
    assert stopped.stderr.startswith("<stdin>:5: invalid JSON (")


def test_jobs_for_plain_files(tmp_path, small_chunks):
    names = []
    for i in range(4):
        path = tmp_path / f"{i}.txt"
        path.write_text(document(paragraphs=10 + i, newline="\n"), encoding="utf-8")
        names.append(str(path))
    for args in ([], ["--check"], ["--format", "json"]):
        one = run(*args, *names)
        two = run(*args, "--jobs", "2", *names)
        assert (two.exit_code, two.stdout, two.stderr) == (one.exit_code, one.stdout, one.stderr)


def _pid_and_restorer(restorer, item):
    return item, os.getpid(), id(restorer)


@dataclass(frozen=True)
class Mark(Passed):
    """A work-list entry that is not work, for the tests of Workers."""

    value: object


def test_workers_keep_order_bound_the_work_in_flight_and_build_one_restorer_each():
    pulled = []

    def items():
        for i in range(200):
            pulled.append(i)
            yield Mark(i) if i % 7 == 0 else i

    with Workers(Restorer(), jobs=2) as workers:
        results = workers.map(_pid_and_restorer, items())
        first = next(results)
        assert len(pulled) <= workers_module.IN_FLIGHT_PER_JOB * 2 + 3, (
            "the input is read only as far as needed"
        )
        rest = [first, *results]
    assert [r.value if isinstance(r, Mark) else r[0] for r in rest] == list(range(200))
    done = [r for r in rest if not isinstance(r, Passed)]
    pids = {pid for _, pid, _ in done}
    assert os.getpid() not in pids and len(pids) >= 1
    for pid in pids:
        assert len({rid for _, p, rid in done if p == pid}) == 1, "one Restorer per worker"


def _frozen_in_worker(restorer, item):
    return gc.get_freeze_count()


@pytest.mark.skipif(
    multiprocessing.get_start_method() != "fork", reason="only forked workers share the parent's pages"
)
def test_forked_workers_find_the_parents_objects_frozen_and_the_parent_gets_them_back():
    assert gc.get_freeze_count() == 0
    with Workers(Restorer(), jobs=2) as workers:
        counts = list(workers.map(_frozen_in_worker, range(8)))
        assert gc.get_freeze_count() == 0, "the parent's collector walks its objects again"
    assert all(n > 0 for n in counts), "a worker's collector leaves the objects it inherited alone"


def test_one_work_item_does_not_start_a_pool():
    with Workers(Restorer(), jobs=4) as workers:
        out = list(workers.map(_pid_and_restorer, [Mark("a"), 1, Mark("b")]))
        assert workers._pool is None
    assert out[1][:2] == (1, os.getpid())


# -- statistics, progress, quiet -----------------------------------------------------------------


def test_stats_file_has_the_right_counts(tmp_path):
    lines = corpus(30).splitlines()
    lines.insert(3, "")
    lines.insert(7, "not json")
    stats = tmp_path / "stats.json"
    result = run("--jsonl", "--skip-bad-lines", "--stats", str(stats), input="\n".join(lines) + "\n")
    assert result.exit_code == EXIT_CLEAN
    figures = json.loads(stats.read_text(encoding="utf-8"))
    out = [json.loads(line) for line in result.stdout.splitlines() if line.strip() and line != "not json"]
    edits = [e for o in out for e in o["edits"]]
    masks = [e for e in edits if e["kind"] == "mask"]
    assert figures["documents"] == 30
    assert figures["characters"] == sum(len(json.loads(line)["text"]) for line in corpus(30).splitlines())
    assert (
        figures["masks"]
        == sum(e["end"] - e["start"] for e in masks)
        == sum(json.loads(line)["text"].count("*") for line in corpus(30).splitlines())
    )
    assert figures["restored"] == sum(e["end"] - e["start"] for e in masks if e["replacement"] is not None)
    assert figures["unresolved"] == figures["masks"] - figures["restored"]
    assert figures["gaps"] == sum(e["kind"] == "gap" for e in edits) > 0
    assert figures["errors"] == 1
    assert figures["exit_status"] == EXIT_CLEAN
    assert figures["seconds"] >= 0


def test_stats_file_for_plain_files(tmp_path):
    a = tmp_path / "a.txt"
    a.write_text("坚持以*建引领\n", encoding="utf-8")
    b = tmp_path / "b.txt"
    b.write_text(CLEAN, encoding="utf-8")
    stats = tmp_path / "stats.json"
    result = run("--check", "--stats", str(stats), str(a), str(b), str(tmp_path / "missing.txt"))
    assert result.exit_code == EXIT_ERROR
    figures = json.loads(stats.read_text(encoding="utf-8"))
    assert (figures["documents"], figures["characters"], figures["masks"]) == (2, 8 + len(CLEAN), 1)
    assert (figures["restored"], figures["errors"], figures["exit_status"]) == (1, 1, EXIT_ERROR)


def test_nothing_on_stderr_when_it_is_not_a_terminal(tmp_path):
    src = tmp_path / "a.jsonl"
    src.write_text(corpus(10), encoding="utf-8")
    proc = restore_process("--jsonl", str(src))
    assert (proc.returncode, proc.stderr) == (EXIT_CLEAN, b"")
    proc = restore_process("--jsonl", "--jobs", "2", str(src))
    assert (proc.returncode, proc.stderr) == (EXIT_CLEAN, b"")


def run_on_terminal(args, stdin_data=b""):
    """Run ``restore ARGS`` with stderr on a pseudo-terminal (80x24); return (status, stderr text)."""
    pty = pytest.importorskip("pty")
    import fcntl
    import select
    import struct
    import termios

    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    proc = subprocess.Popen(
        [sys.executable, "-m", "restore", *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=follower,
    )
    os.close(follower)
    proc.stdin.write(stdin_data)
    proc.stdin.close()
    out = b""
    while True:
        ready, _, _ = select.select([leader], [], [], 1.0)
        if not ready:
            if proc.poll() is not None:
                break
            continue
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # EIO: the child closed its end
            break
        if not chunk:
            break
        out += chunk
    os.close(leader)
    return proc.wait(timeout=300), out.decode("utf-8", "replace")


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_on_a_terminal_progress_and_one_summary_line():
    status, err = run_on_terminal(["--jsonl"], corpus(30).encode("utf-8"))
    assert status == EXIT_CLEAN
    summary = err.replace("\r", "\n").strip().splitlines()[-1]
    assert re.fullmatch(
        r"restore: 30 documents, [\d,]+ characters, [\d,]+ masks restored, \d+ unresolved, "
        r"[\d,]+ gaps? marked in \d+\.\d s; filter: [党政群业]+ \(\d+ pages?\)",
        summary,
    ), summary
    assert "char" in err, "the tqdm bar counts characters"


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_quiet_prints_nothing_even_on_a_terminal(tmp_path):
    status, err = run_on_terminal(["--jsonl", "-q"], corpus(30).encode("utf-8"))
    assert (status, err) == (EXIT_CLEAN, "")


def test_quiet_prints_nothing():
    result = run("-q", "--jsonl", input=corpus(5))
    assert (result.exit_code, result.stderr) == (EXIT_CLEAN, "")
    result = run("-q", input="坚持以*建引领")
    assert (result.exit_code, result.stderr) == (EXIT_CLEAN, "")


# -- the clean-text fast path --------------------------------------------------------------------


def test_restoring_clean_text_does_not_import_jieba():
    code = (
        "import sys; from restore import restore_text; restore_text('干净的文本'); "
        "print('jieba' in sys.modules)"
    )
    cmd = [sys.executable, "-c", code]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=True)
    assert proc.stdout.strip() == "False"


@pytest.mark.parametrize("args", [["--check"], [], ["--jsonl"], ["--jsonl", "--jobs", "2"]])
def test_the_command_on_clean_input_does_not_import_jieba(tmp_path, args):
    src = tmp_path / ("clean.jsonl" if "--jsonl" in args else "clean.txt")
    src.write_text(corpus(3).replace("*", "") if "--jsonl" in args else CLEAN * 3, encoding="utf-8")
    code = (
        "import sys\nfrom restore.cli import main\n"
        "try:\n    main(sys.argv[1:])\nexcept SystemExit as e:\n    code = e.code\n"
        "print('jieba' in sys.modules, code, file=sys.stderr)"
    )
    cmd = [sys.executable, "-c", code, *args, str(src)]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)
    assert proc.stderr.strip() == f"False {EXIT_CLEAN}"


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from([b"a", b"\xe5\x85\x9a", b"\n", b"\r", b"\r\n", b"{}", b" "]), max_size=60),
    st.integers(min_value=1, max_value=9),
)
def test_arrived_lines_are_the_file_lines_in_groups(pieces, chunk):
    import io

    data = b"".join(pieces)
    old = jsonl.READ_CHUNK
    jsonl.READ_CHUNK = chunk
    try:
        groups = list(jsonl._arrived_lines(io.BufferedReader(io.BytesIO(data), buffer_size=chunk)))
    finally:
        jsonl.READ_CHUNK = old
    assert [line for group in groups for line in group] == list(io.BytesIO(data))
    assert all(group for group in groups)


def test_jsonl_co_process_is_answered_line_by_line():
    """A program that writes one record and waits for its answer gets it before EOF."""
    import select

    proc = subprocess.Popen(
        [sys.executable, "-m", "restore", "--jsonl"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        for text in ("坚持以*建引领", "好的"):
            proc.stdin.write(json.dumps({"text": text}, ensure_ascii=False).encode() + b"\n")
            proc.stdin.flush()
            ready, _, _ = select.select([proc.stdout], [], [], 60)
            assert ready, "no answer while the input is still open"
            answer = json.loads(proc.stdout.readline())
            assert "*" not in answer["text"]
        proc.stdin.close()
        assert proc.wait(timeout=60) in (EXIT_CLEAN, EXIT_DAMAGE)
    finally:
        proc.kill()
