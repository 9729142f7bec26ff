"""tools/compare_outputs.sh, the byte-identical check a refactor is held to, on made-up data.

The real check runs over the evaluation kit (CONTRIBUTING.md); here a small JSON Lines
file written by the test stands in for a dev set, so the script itself is tested
without any evaluation text.
"""

from __future__ import annotations

import json
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "tools" / "compare_outputs.sh"
RESTORE = f"{shlex.quote(sys.executable)} -m restore"

if shutil.which("bash") is None:
    pytest.skip("bash is not installed", allow_module_level=True)


def compare(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", str(SCRIPT), *args, RESTORE], capture_output=True, text=True, timeout=300, check=False
    )


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    kit = tmp_path_factory.mktemp("kit")
    records = [{"id": 1, "text": "坚持以*建引领，截至年9月底"}, {"id": 2, "text": "今天天气很好。"}]
    (kit / "dev-tiny.jsonl").write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
    )
    ref = tmp_path_factory.mktemp("ref")
    result = compare("--make", str(ref), str(kit))
    assert result.returncode == 0, result.stderr
    return ref, kit


def test_make_writes_every_reference(made):
    ref, _ = made
    names = sorted(p.name for p in ref.iterdir())
    assert names == ["dev-tiny.out.jsonl", "seed.diff", "seed.json", "seed.txt"]
    assert "党建" in (ref / "dev-tiny.out.jsonl").read_text(encoding="utf-8")
    assert (ref / "seed.txt").read_bytes() == (
        ROOT / "seeds" / "000_1ac4172153e80d19.restored.txt"
    ).read_bytes()


def test_the_same_build_compares_the_same(made):
    ref, kit = made
    result = compare(str(ref), str(kit))
    assert result.returncode == 0, result.stdout
    assert all(line.startswith("same      ") for line in result.stdout.splitlines())


def test_a_changed_byte_is_reported_and_the_rest_compares_the_same(made, tmp_path):
    ref, kit = made
    changed = tmp_path / "ref"
    shutil.copytree(ref, changed)
    data = (changed / "seed.json").read_bytes()
    (changed / "seed.json").write_bytes(data.replace(b"0.93", b"0.94", 1))
    result = compare(str(changed), str(kit))
    assert result.returncode == 1, result.stdout
    assert result.stdout.splitlines() == [
        "same      dev-tiny.out.jsonl",
        "same      seed.txt",
        "same      seed.diff",
        "DIFFERENT seed.json",
    ]
