"""Folders, --exclude, .gitignore and --files-from (issue 16, finding 2)."""

import subprocess

from click.testing import CliRunner

from restore import paths
from restore.cli import EXIT_CLEAN, EXIT_DAMAGE, EXIT_ERROR, cli

DAMAGED = "坚持以*建引领\n"


def run(*args, input=None):
    return CliRunner().invoke(cli, ["--no-config", *args], input=input, catch_exceptions=False)


def tree(root, files):
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def found(result):
    return sorted({line.split(":")[0] for line in result.stdout.splitlines()})


def test_a_folder_is_walked_for_text_files(tmp_path, monkeypatch):
    tree(tmp_path, {"pages/a.txt": DAMAGED, "pages/sub/b.md": DAMAGED, "pages/c.bin": DAMAGED})
    monkeypatch.chdir(tmp_path)
    result = run("--check", "pages")
    assert result.exit_code == EXIT_DAMAGE, result.stderr
    assert found(result) == ["pages/a.txt", "pages/sub/b.md"]


def test_extensions_choose_what_a_folder_is_walked_for(tmp_path, monkeypatch):
    tree(tmp_path, {"pages/a.txt": DAMAGED, "pages/c.html": DAMAGED})
    monkeypatch.chdir(tmp_path)
    assert found(run("--check", "--extensions", "html", "pages")) == ["pages/c.html"]


def test_exclude_leaves_out_walked_and_named_files(tmp_path, monkeypatch):
    tree(tmp_path, {"pages/a.txt": DAMAGED, "pages/drafts/b.txt": DAMAGED, "pages/c.txt": DAMAGED})
    monkeypatch.chdir(tmp_path)
    result = run("--check", "--exclude", "drafts/", "--exclude", "c.txt", "pages", "pages/c.txt")
    assert found(result) == ["pages/a.txt"]


def test_gitignore_is_honoured_unless_turned_off(tmp_path, monkeypatch):
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    tree(
        tmp_path,
        {
            ".gitignore": "build/\n",
            "pages/.gitignore": "*.tmp.txt\n",
            "pages/a.txt": DAMAGED,
            "pages/b.tmp.txt": DAMAGED,
            "pages/build/c.txt": DAMAGED,
        },
    )
    monkeypatch.chdir(tmp_path / "pages")
    assert found(run("--check", ".")) == ["a.txt"]
    assert found(run("--check", "--no-gitignore", ".")) == ["a.txt", "b.tmp.txt", "build/c.txt"]


def test_files_from_a_file_and_from_stdin_nul_separated(tmp_path, monkeypatch):
    tree(tmp_path, {"a.txt": DAMAGED, "b.txt": "今天天气很好\n", "c.txt": DAMAGED})
    monkeypatch.chdir(tmp_path)
    (tmp_path / "list").write_text("a.txt\n\nb.txt\n", encoding="utf-8")
    assert found(run("--check", "--files-from", "list")) == ["a.txt"]
    result = run("--check", "--files-from", "-", "-0", input=b"b.txt\0c.txt\0")
    assert found(result) == ["c.txt"]


def test_an_unreadable_entry_is_reported_and_the_others_go_on(tmp_path, monkeypatch):
    tree(tmp_path, {"pages/a.txt": DAMAGED})
    (tmp_path / "pages" / "gone.txt").symlink_to(tmp_path / "nowhere")
    monkeypatch.chdir(tmp_path)
    result = run("--check", "pages")
    assert result.exit_code == EXIT_ERROR
    assert result.stderr.splitlines() == ["pages/gone.txt: No such file or directory"]
    assert found(result) == ["pages/a.txt"]


def test_a_folder_with_nothing_to_restore_is_clean(tmp_path):
    result = run("--check", str(tmp_path))
    assert result.exit_code == EXIT_CLEAN
    assert "no files" in result.stderr


def test_a_folder_that_cannot_be_listed_is_reported():
    out = paths.Expanded()
    walked = list(paths._walk("/nonexistent-restore-folder", ("txt",), None, False, out.errors))
    assert walked == []
    assert out.errors == ["/nonexistent-restore-folder: No such file or directory"]


def test_check_walks_for_jsonl_corpora_too(tmp_path, monkeypatch):
    tree(tmp_path, {"pages/a.txt": DAMAGED, "pages/c.jsonl": '{"id": 1, "text": "坚持以*建引领"}\n'})
    monkeypatch.chdir(tmp_path)
    assert run("--check", "pages").stdout.splitlines()[-1].startswith("pages/c.jsonl:1: id=1: text[3]: mask")
    assert found(run("--jsonl", "--check", "pages")) == ["pages/c.jsonl"]
    diff = run("--diff", "pages").stdout
    assert "--- pages/a.txt" in diff and "c.jsonl" not in diff


def test_a_nested_gitignore_takes_back_a_rule_above_it(tmp_path, monkeypatch):
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    tree(tmp_path, {".gitignore": "*.raw.txt\n", "pages/.gitignore": "!keep.raw.txt\n"})
    tree(tmp_path, {"pages/a.raw.txt": DAMAGED, "pages/keep.raw.txt": DAMAGED, "pages/b.txt": DAMAGED})
    monkeypatch.chdir(tmp_path)
    assert found(run("--check", "pages")) == ["pages/b.txt", "pages/keep.raw.txt"]
