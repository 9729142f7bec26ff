"""The wheel carries the lexicons and the ``py.typed`` marker, and the package finds them.

The lexicons live at the top of the repository; hatchling's ``force-include`` puts them
in the wheel as ``restore/lexicons``. pre-commit installs the hook repository from a
wheel, so a lexicon missing there is missing exactly where the hook runs.

The wheel is built from a copy of the checkout (the files a build needs), so the build
leaves nothing behind in the checkout. ``python -m build`` fetches hatchling into an
isolated environment, so pip needs to reach an index or a cache that has it.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from restore import lexicon

ROOT = Path(__file__).resolve().parent.parent
BUILD_FILES = ("pyproject.toml", "README.md", "restore", "lexicons")
LEXICONS = sorted(p.name for p in (ROOT / "lexicons").glob("*.tsv"))
DATA = (
    LEXICONS
    + sorted(p.name for p in (ROOT / "lexicons").glob("*.json.gz"))
    + sorted(f"gaps/{p.name}" for p in (ROOT / "lexicons" / "gaps").glob("*.tsv"))
)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if importlib.util.find_spec("build") is None:
        pytest.skip("the build package is not installed (pip install -e '.[test]')")
    source = tmp_path_factory.mktemp("source")
    for name in BUILD_FILES:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy2(ROOT / name, source / name)
    out = tmp_path_factory.mktemp("dist")
    result = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(out), str(source)],
        check=False,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout
    (built,) = out.glob("zh_restore-*.whl")
    return built


def test_the_checkout_has_lexicons_and_marker() -> None:
    assert "official.tsv" in LEXICONS
    assert "context-pd1998.json.gz" in DATA
    assert "gaps/measures.tsv" in DATA
    assert (ROOT / "restore" / "py.typed").is_file()


def test_wheel_carries_every_lexicon_and_py_typed(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
        assert "restore/lexicons/official.tsv" in names
        for name in DATA:
            member = f"restore/lexicons/{name}"
            assert member in names, f"{name} is missing from the wheel"
            assert zf.read(member) == (ROOT / "lexicons" / name).read_bytes()
        assert "restore/py.typed" in names
        for schema in ("edit", "report", "jsonl-record"):
            assert f"restore/schema/{schema}.schema.json" in names
        assert "restore/cli.py" in names
        entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
        assert "restore = restore.cli:main" in zf.read(entry_points).decode()


def test_unpacked_wheel_finds_its_own_lexicons(wheel: Path, tmp_path: Path) -> None:
    """Import restore from the unpacked wheel (not the checkout) and ask it for its lexicons."""
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as zf:
        zf.extractall(site)
    probe = (
        "import json, restore, restore.lexicon as lx, restore.context as cx; "
        "print(json.dumps([restore.__file__, str(lx.builtin_lexicon_dir()), "
        "[p.name for p in lx.builtin_lexicon_files()], "
        "cx.ContextModel.load(cx.builtin_context_path()).candidates]))"
    )
    env = dict(os.environ, PYTHONPATH=str(site))
    result = subprocess.run(
        [sys.executable, "-c", probe],
        check=False,
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    module_file, lexicon_dir, files, modelled = json.loads(result.stdout)
    assert Path(module_file).is_relative_to(site)
    assert Path(lexicon_dir) == site / "restore" / "lexicons"
    assert files == LEXICONS
    assert modelled == "党政群业"


def test_installed_package_finds_its_lexicons() -> None:
    files = lexicon.builtin_lexicon_files()
    assert files
    assert "official.tsv" in {p.name for p in files}
    assert all(p.is_file() for p in files)


def test_wheel_is_named_zh_restore_and_keeps_the_restore_command(wheel: Path) -> None:
    """PyPI's ``restore`` is an unrelated package: ours is distributed as ``zh-restore``."""
    with zipfile.ZipFile(wheel) as zf:
        metadata = next(n for n in zf.namelist() if n.endswith(".dist-info/METADATA"))
        assert "\nName: zh-restore\n" in zf.read(metadata).decode()


def test_every_install_hint_names_the_distribution() -> None:
    """README, the example and the ImportError message install zh-restore, never PyPI's restore."""
    hinted = [
        ROOT / "README.md",
        ROOT / "examples" / "datatrove_pipeline.py",
        ROOT / "restore" / "integrations" / "datatrove.py",
    ]
    for path in hinted:
        text = path.read_text(encoding="utf-8")
        assert "pip install 'restore[" not in text, path
        assert "zh-restore[datatrove]" in text, path


def test_python_dash_m_restore_runs_the_command() -> None:
    """``python -m restore`` avoids Debian's /sbin/restore when both are on PATH."""
    result = subprocess.run(
        [sys.executable, "-m", "restore", "--version"],
        check=False,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("restore ")
