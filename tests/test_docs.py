"""The README documents every option and exit code, and CI runs the README's commands."""

import re
from pathlib import Path

import pytest

from restore.cli import EXIT_CLEAN, EXIT_DAMAGE, EXIT_ERROR, cli
from restore.learn import learn_command

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def options(command):
    for param in command.params:
        for opt in param.opts:
            if opt.startswith("--"):
                yield opt


@pytest.mark.parametrize("option", sorted(set(options(cli)) | set(options(learn_command))))
def test_every_option_is_in_the_readme(option):
    assert f"`{option}" in README or f"{option}" in README, option


def test_exit_codes_are_documented():
    table = README[README.index("### Exit status") :]
    for code in (EXIT_CLEAN, EXIT_DAMAGE, EXIT_ERROR):
        assert re.search(rf"^\| {code} \|", table, re.M), code


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    readme_cmd = re.search(r"pip install -e '(\.\[[^\]]+\])' && \.venv/bin/python -m pytest -q", README)
    assert readme_cmd, "README must give the install-and-test command"
    assert f"install -e '{readme_cmd.group(1)}'" in ci
    assert "-m pytest -q" in ci


def test_the_cache_folder_and_its_setting_are_documented():
    from restore import cache

    how = (ROOT / "docs" / "how-it-works.md").read_text(encoding="utf-8")
    section = how[how.index("## The cache folder") :]
    assert "RESTORE_CACHE_DIR" in README
    assert f"${cache.CACHE_ENV}" in section and f"{cache.CACHE_ENV}= (empty)" in section.replace("`", "")
    assert f"the {['no', 'one', 'two', 'three', 'four', 'five'][cache.KEEP]} newest tables" in section
