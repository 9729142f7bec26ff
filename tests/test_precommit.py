"""The pre-commit hooks, run for real: ``pre-commit`` installs this repository into its own
virtualenv with pip (so the lexicons must ship inside the wheel) and runs the hooks on a
temporary git repository of scraped text.

The hook repository is a committed copy of this checkout (the files a build needs), so
the tests see the working tree as it is, uncommitted edits included, and never touch
the checkout's own git state.

The hooks run as a user meets them: from a ``.pre-commit-config.yaml`` made from
``examples/pre-commit-config.yaml``, every test sharing one ``PRE_COMMIT_HOME``, so the
hook environment is built once. (``pre-commit try-repo``, how a hook author tries them,
builds it afresh each time, about 6 s; it reads the same ``.pre-commit-hooks.yaml``.)

pip needs to reach an index (or a cache) that has restore's dependencies.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
HOOKS_FILE = ROOT / ".pre-commit-hooks.yaml"
EXAMPLE = ROOT / "examples" / "pre-commit-config.yaml"
#: What a build of the hook repository needs.
HOOK_REPO_FILES = ("pyproject.toml", "README.md", ".pre-commit-hooks.yaml", "restore", "lexicons")

DAMAGED = "坚持以*建引领，全面加强*的建设。\n"
REPAIRED = "坚持以党建引领，全面加强党的建设。\n"
CLEAN = "今天天气很好，大家去公园散步。\n"

if shutil.which("git") is None:
    pytest.skip("git is not installed", allow_module_level=True)
if importlib.util.find_spec("pre_commit") is None:
    pytest.skip("pre-commit is not installed (pip install -e '.[test]')", allow_module_level=True)

yaml = pytest.importorskip("yaml")  # a dependency of pre-commit


def _env(pre_commit_home: Path) -> dict[str, str]:
    """The environment for git and pre-commit: no inherited git state, no colour, no SKIP."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_") and k != "SKIP"}
    env.update(
        PRE_COMMIT_HOME=str(pre_commit_home),
        NO_COLOR="1",
        GIT_CONFIG_GLOBAL=os.devnull,  # the tester's own git config stays out
        GIT_CONFIG_NOSYSTEM="1",
        GIT_AUTHOR_NAME="restore tests",
        GIT_AUTHOR_EMAIL="tests@example.invalid",
        GIT_COMMITTER_NAME="restore tests",
        GIT_COMMITTER_EMAIL="tests@example.invalid",
    )
    return env


def _git(cwd: Path, env: dict[str, str], *args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True
    ).stdout.strip()


def _git_init(path: Path, env: dict[str, str]) -> None:
    path.mkdir(parents=True, exist_ok=True)
    _git(path, env, "init", "-q")
    _git(path, env, "config", "user.name", "restore tests")
    _git(path, env, "config", "user.email", "tests@example.invalid")
    _git(path, env, "config", "commit.gpgsign", "false")


def _pre_commit(cwd: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", *args, "--color=never"],
        check=False,
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=600,
    )


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    return _env(tmp_path_factory.mktemp("pre-commit-home"))


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory: pytest.TempPathFactory, env: dict[str, str]) -> tuple[Path, str]:
    """A committed copy of this checkout: (path, commit)."""
    repo = tmp_path_factory.mktemp("hook-repo")
    for name in HOOK_REPO_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, repo / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy2(source, repo / name)
    _git_init(repo, env)
    _git(repo, env, "add", "-A")
    _git(repo, env, "commit", "-q", "-m", "hook repository under test")
    return repo, _git(repo, env, "rev-parse", "HEAD")


def _corpus(path: Path, env: dict[str, str], files: dict[str, str]) -> Path:
    """A git repository of text files, all staged."""
    _git_init(path, env)
    for name, text in files.items():
        (path / name).write_text(text, encoding="utf-8")
    _git(path, env, "add", "-A")
    return path


def _example() -> dict:
    return yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))


def _user_config(corpus: Path, env: dict[str, str], hook_repo: tuple[Path, str], *hook_ids: str) -> None:
    """The example config, pointed at the hook repository copy, with the given hooks
    (each given the example's ``files`` pattern); staged, as a user would have it."""
    config = _example()
    repo, rev = hook_repo
    (entry,) = config["repos"]
    files = entry["hooks"][0]["files"]
    entry.update(repo=str(repo), rev=rev, hooks=[{"id": i, "files": files} for i in hook_ids])
    (corpus / ".pre-commit-config.yaml").write_text(
        yaml.safe_dump(config, allow_unicode=True), encoding="utf-8"
    )
    _git(corpus, env, "add", ".pre-commit-config.yaml")


# -- the manifest and the example, checked by pre-commit itself ----------------------------------


def test_manifest_and_example_are_valid(env: dict[str, str]) -> None:
    result = _pre_commit(ROOT, env, "validate-manifest", str(HOOKS_FILE))
    assert result.returncode == 0, result.stdout
    result = _pre_commit(ROOT, env, "validate-config", str(EXAMPLE))
    assert result.returncode == 0, result.stdout


def test_manifest_declares_both_hooks() -> None:
    hooks = {hook["id"]: hook for hook in yaml.safe_load(HOOKS_FILE.read_text(encoding="utf-8"))}
    assert set(hooks) == {"restore-check", "restore", "restore-check-jsonl"}
    assert hooks["restore-check"]["entry"] == "restore --check"
    assert hooks["restore"]["entry"] == "restore --in-place"
    assert hooks.pop("restore-check-jsonl")["entry"] == "restore --check --jsonl"  # tests/test_jsonl_files.py
    for hook in hooks.values():
        assert hook["language"] == "python"
        assert hook["types"] == ["text"]
        assert hook["name"] and hook["description"]


def test_example_shows_both_hooks_one_commented() -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    (entry,) = _example()["repos"]
    assert entry["repo"].startswith("https://") and entry["rev"]
    assert [hook["id"] for hook in entry["hooks"]] == ["restore-check"]
    assert re.search(r"^\s*#\s*- id: restore\s*$", text, re.MULTILINE)
    files = re.compile(entry["hooks"][0]["files"])
    assert files.search("corpus/page.txt") and files.search("README.md")
    assert not files.search(".pre-commit-config.yaml")


def test_check_hook_fails_on_damage_and_reports_it(
    tmp_path: Path, env: dict[str, str], hook_repo: tuple[Path, str]
) -> None:
    corpus = _corpus(tmp_path / "corpus", env, {"damaged.txt": DAMAGED, "clean.txt": CLEAN})
    _user_config(corpus, env, hook_repo, "restore-check")
    result = _pre_commit(corpus, env, "run", "restore-check", "--files", "damaged.txt", "clean.txt")
    assert result.returncode == 1, result.stdout
    assert re.search(r"restore \(check.*\.+Failed", result.stdout)
    assert "damaged.txt:1:4: mask * ==> 党" in result.stdout
    assert "damaged.txt:1:13: mask * ==> 党" in result.stdout
    assert "clean.txt:" not in result.stdout
    assert (corpus / "damaged.txt").read_text(encoding="utf-8") == DAMAGED  # report only


# -- a user's .pre-commit-config.yaml (the example), one shared PRE_COMMIT_HOME ----------------------


def test_clean_repository_passes_both_hooks(
    tmp_path: Path, env: dict[str, str], hook_repo: tuple[Path, str]
) -> None:
    corpus = _corpus(tmp_path / "corpus", env, {"clean.txt": CLEAN, "notes.md": REPAIRED})
    _user_config(corpus, env, hook_repo, "restore-check", "restore")
    result = _pre_commit(corpus, env, "run", "--all-files")
    assert result.returncode == 0, result.stdout
    assert len(re.findall(r"\.+Passed$", result.stdout, re.MULTILINE)) == 2, result.stdout
    assert (corpus / "clean.txt").read_text(encoding="utf-8") == CLEAN


def test_fix_hook_fails_once_then_passes(
    tmp_path: Path, env: dict[str, str], hook_repo: tuple[Path, str]
) -> None:
    corpus = _corpus(tmp_path / "corpus", env, {"damaged.txt": DAMAGED, "clean.txt": CLEAN})
    _user_config(corpus, env, hook_repo, "restore")

    first = _pre_commit(corpus, env, "run", "--all-files")
    assert first.returncode == 1, first.stdout
    assert "files were modified by this hook" in first.stdout
    assert (corpus / "damaged.txt").read_text(encoding="utf-8") == REPAIRED
    assert (corpus / "clean.txt").read_text(encoding="utf-8") == CLEAN

    _git(corpus, env, "add", "-A")
    second = _pre_commit(corpus, env, "run", "--all-files")
    assert second.returncode == 0, second.stdout
    assert re.search(r"\.+Passed$", second.stdout, re.MULTILINE)
    assert (corpus / "damaged.txt").read_text(encoding="utf-8") == REPAIRED


def test_check_hook_blocks_a_commit(tmp_path: Path, env: dict[str, str], hook_repo: tuple[Path, str]) -> None:
    """``pre-commit install`` then ``git commit``: the damaged file keeps the commit out."""
    corpus = _corpus(tmp_path / "corpus", env, {"damaged.txt": DAMAGED})
    _user_config(corpus, env, hook_repo, "restore-check")
    assert _pre_commit(corpus, env, "install").returncode == 0

    commit = subprocess.run(
        ["git", "commit", "-q", "-m", "scraped page"],
        check=False,
        cwd=corpus,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    assert commit.returncode != 0, commit.stdout
    assert "damaged.txt:1:4: mask * ==> 党" in commit.stdout
    head = subprocess.run(["git", "rev-parse", "--verify", "-q", "HEAD"], cwd=corpus, env=env, check=False)
    assert head.returncode != 0


def test_files_pattern_limits_the_hook(
    tmp_path: Path, env: dict[str, str], hook_repo: tuple[Path, str]
) -> None:
    """The example's ``files:`` pattern: a damaged file it does not match is left alone."""
    corpus = _corpus(tmp_path / "corpus", env, {"page.log": DAMAGED, "clean.txt": CLEAN})
    _user_config(corpus, env, hook_repo, "restore")
    result = _pre_commit(corpus, env, "run", "--all-files")
    assert result.returncode == 0, result.stdout
    assert (corpus / "page.log").read_text(encoding="utf-8") == DAMAGED


def test_example_and_readme_pin_a_tag_that_exists() -> None:
    """Issue 16: the example pinned v0.1.0, which no tag named. The rev is this version's tag,
    the README gives the same, and in a checkout that has tags, git knows it."""
    from restore import __version__

    (entry,) = _example()["repos"]
    assert entry["rev"] == f"v{__version__}"
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"rev: {entry['rev']}\n" in readme
    tags = subprocess.run(["git", "tag", "--list"], cwd=ROOT, capture_output=True, text=True, check=False)
    if tags.returncode != 0 or not tags.stdout.strip():
        pytest.skip("not a git checkout with tags (a shallow CI clone)")
    assert entry["rev"] in tags.stdout.split()
