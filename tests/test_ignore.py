"""Accepting findings: inline markers and a baseline keyed on context (issue 16, finding 5)."""

import json

from click.testing import CliRunner

from restore.cli import EXIT_CLEAN, EXIT_DAMAGE, EXIT_ERROR, cli

NAME = "记者刘**报道。\n"
MASK = "坚持以*建引领\n"


def run(*args):
    return CliRunner().invoke(cli, ["--no-config", *args], catch_exceptions=False)


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_restore_ignore_accepts_the_findings_of_its_line(tmp_path):
    src = write(tmp_path, "a.txt", "记者刘**报道。 <!-- restore: ignore -->\n" + MASK)
    result = run("--check", str(src))
    assert result.exit_code == EXIT_DAMAGE
    assert result.stdout == f"{src}:2:4: mask * ==> 党 (1.00)\n"


def test_off_and_on_accept_a_block_which_is_also_left_unrepaired(tmp_path):
    text = "坚持以*建\n# restore: off\n充分发挥*委\n坚持以*建\n# restore: on\n坚持以*建\n"
    src = write(tmp_path, "a.txt", text)
    assert [line.split(":")[1] for line in run("--check", str(src)).stdout.splitlines()] == ["1", "6"]
    restored = run(str(src)).stdout
    assert restored == "坚持以党建\n# restore: off\n充分发挥*委\n坚持以*建\n# restore: on\n坚持以党建\n"


def test_a_baseline_accepts_todays_findings_and_survives_edits_elsewhere(tmp_path):
    src = write(tmp_path, "a.txt", NAME + MASK)
    baseline = tmp_path / "restore-baseline.json"
    written = run("--check", "--baseline", str(baseline), "--write-baseline", str(src))
    assert written.exit_code == EXIT_CLEAN, written.stderr
    # The masked name is the page's own, not damage: never a finding, so never recorded.
    assert {f["context"] for f in json.loads(baseline.read_text(encoding="utf-8"))["findings"]} == {
        "坚持以[*]建引领",
    }
    assert run("--check", "--baseline", str(baseline), str(src)).exit_code == EXIT_CLEAN
    # Lines added above move every finding down: the baseline still holds.
    src.write_text("新的一行。\n\n" + NAME + MASK + "充分发挥*委的作用\n", encoding="utf-8")
    result = run("--check", "--baseline", str(baseline), str(src))
    assert result.exit_code == EXIT_DAMAGE
    (only,) = result.stdout.splitlines()
    assert only.startswith(f"{src}:5:5: mask * ==> 党")


def test_a_finding_seen_more_often_than_listed_is_reported_again(tmp_path):
    src = write(tmp_path, "a.txt", MASK)
    baseline = tmp_path / "b.json"
    run("--check", "--baseline", str(baseline), "--write-baseline", str(src))
    src.write_text(MASK + MASK, encoding="utf-8")
    result = run("--check", "--baseline", str(baseline), str(src))
    assert result.stdout == f"{src}:2:4: mask * ==> 党 (1.00)\n"


def test_baseline_errors_are_one_line(tmp_path):
    src = write(tmp_path, "a.txt", MASK)
    assert "needs --check" in run("--baseline", "b.json", "--write-baseline", str(src)).stderr
    bad = write(tmp_path, "b.json", "[]")
    result = run("--check", "--baseline", str(bad), str(src))
    assert result.exit_code == EXIT_ERROR
    assert "not a restore baseline" in result.stderr


def test_jsonl_check_takes_a_baseline_by_id_and_markers_per_record(tmp_path):
    records = [
        {"id": "a", "text": "记者刘**报道。"},
        {"id": "b", "text": "坚持以*建引领 restore: off"},
        {"id": "c", "text": "坚持以*建引领"},
    ]
    src = write(tmp_path, "c.jsonl", "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))
    baseline = tmp_path / "b.json"
    result = run("--check", "--baseline", str(baseline), "--write-baseline", str(src))
    assert result.exit_code == EXIT_CLEAN
    paths = [f["path"] for f in json.loads(baseline.read_text(encoding="utf-8"))["findings"]]
    # a's masked name is not damage; b is accepted inline; its 'off' ends with it
    assert paths == [f"{src}:c"]
    assert run("--check", "--baseline", str(baseline), str(src)).exit_code == EXIT_CLEAN
    reported = [line.split(": ")[0:2] for line in run("--check", str(src)).stdout.splitlines()]
    assert reported == [[f"{src}:3", "id=c"]]
