"""restore.toml and [tool.restore] in pyproject.toml (issue 16, finding 3)."""

import json

import pytest
from click.testing import CliRunner

from restore import settings
from restore.cli import EXIT_DAMAGE, EXIT_ERROR, cli

DAMAGED = "坚持以*建引领\n"


def run(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.fixture
def project(tmp_path, monkeypatch):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(DAMAGED, encoding="utf-8")
    monkeypatch.chdir(tmp_path / "sub")
    return tmp_path


def test_pyproject_tool_restore_is_found_upwards_and_the_command_line_wins(project):
    (project / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.restore]\ncandidates = "政"\nmin_confidence = 0.999\n',
        encoding="utf-8",
    )
    report = json.loads(run("--format", "json", "a.txt").stdout)
    assert report["alphabet"] == "政" and report["edits"][0]["replacement"] is None
    assert (
        "mask * ==> 党" in run("--check", "--candidates", "党政", "--min-confidence", "0.5", "a.txt").stdout
    )
    assert "mask * ==> 党" in run("--check", "--no-config", "a.txt").stdout


def test_restore_toml_wins_over_pyproject_in_the_same_folder(project):
    (project / "pyproject.toml").write_text('[tool.restore]\ncandidates = "政"\n', encoding="utf-8")
    (project / "restore.toml").write_text("check = true\n", encoding="utf-8")
    result = run("a.txt")
    assert result.exit_code == EXIT_DAMAGE
    assert result.stdout == "a.txt:1:4: mask * ==> 党 (1.00)\n"


def test_a_pyproject_without_the_table_is_passed_over(project):
    (project / "sub" / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    (project / "restore.toml").write_text('gap-marker = "[?]"\n', encoding="utf-8")
    assert settings.find_config(project / "sub") == project / "restore.toml"


def test_config_option_names_a_file_and_relative_paths_are_read_from_its_folder(project, tmp_path_factory):
    elsewhere = tmp_path_factory.mktemp("conf")
    (elsewhere / "words.tsv").write_text("行 政\n", encoding="utf-8")
    (elsewhere / "c.toml").write_text('lexicon = ["words.tsv"]\n', encoding="utf-8")
    result = run("--config", str(elsewhere / "c.toml"), "a.txt")
    assert result.exit_code == EXIT_ERROR
    assert f"{elsewhere / 'words.tsv'}:1:" in result.stderr


def test_every_option_can_be_set_in_a_file():
    names = settings.option_names(cli)
    for param in cli.params:
        if param.name and param.expose_value and param.param_type_name == "option":
            assert param.name in names.values(), param.name


@pytest.mark.parametrize(
    "content, message",
    [
        ("bogus = 1\n", "unknown option 'bogus'"),
        ("max-run = 'many'\n", "'many' is not a valid integer"),
        ("check = \n", "invalid TOML"),
    ],
)
def test_bad_config_is_one_line_naming_the_file(project, content, message):
    (project / "restore.toml").write_text(content, encoding="utf-8")
    result = run("a.txt")
    assert result.exit_code == EXIT_ERROR
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_config_and_no_config_together_are_refused(project):
    result = run("--config", "x.toml", "--no-config", "a.txt")
    assert result.exit_code == EXIT_ERROR
    assert "cannot combine --config and --no-config" in result.stderr


def test_help_and_version_answer_despite_a_broken_config(project):
    (project / "restore.toml").write_text("bogus = 1\n", encoding="utf-8")
    assert run("--version").exit_code == 0
    assert run("--help").exit_code == 0
