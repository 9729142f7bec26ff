"""RestoreStep inside a real datatrove pipeline (JsonlReader -> RestoreStep -> JsonlWriter)."""

from __future__ import annotations

import gzip
import json
import pickle
from pathlib import Path

import pytest

pytest.importorskip("datatrove")
pytest.importorskip("orjson")  # JsonlReader/JsonlWriter need it (part of zh-restore[datatrove])

from datatrove.data import Document
from datatrove.executor import LocalPipelineExecutor
from datatrove.pipeline.readers import JsonlReader
from datatrove.pipeline.writers import JsonlWriter

from restore import RestoreConfig
from restore.integrations.datatrove import RestoreStep

PARTY = "坚持以*建引领，切实加强*组织建设。"
GAPS = "截至年9月底，全区户建档立卡。"
CLEAN = "今天天气很好，我们去公园散步。"
GOV = "*务公开和*府信息"
BOTH = "*建工作取得新进展，截至年底共发展*员名。"
MIXED = "深化群团改革，推进*务工作。"

DOCS = {
    "a0": PARTY,
    "a1": GAPS,
    "a2": CLEAN,
    "b0": GOV,
    "b1": BOTH,
    "b2": MIXED,
}


def _write_input(folder: Path) -> None:
    folder.mkdir()
    for name, ids in (("part-a.jsonl", ["a0", "a1", "a2"]), ("part-b.jsonl", ["b0", "b1", "b2"])):
        with open(folder / name, "w", encoding="utf-8") as f:
            for doc_id in ids:
                f.write(json.dumps({"id": doc_id, "text": DOCS[doc_id]}, ensure_ascii=False) + "\n")


def _read_output(folder: Path) -> dict[str, dict]:
    out: dict[str, dict] = {}
    files = sorted(folder.glob("*.jsonl.gz"))  # JsonlWriter compresses with gzip by default
    assert files, f"no output in {folder}: {list(folder.iterdir())}"
    for path in files:
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for line in f:
                row = json.loads(line)
                assert row["id"] not in out, f"document {row['id']} written twice"
                out[row["id"]] = row
    return out


def _run(tmp_path: Path, step: RestoreStep, tag: str, workers: int = -1) -> dict[str, dict]:
    in_dir = tmp_path / "in"
    if not in_dir.exists():
        _write_input(in_dir)
    out_dir = tmp_path / f"out-{tag}"
    LocalPipelineExecutor(
        pipeline=[JsonlReader(str(in_dir)), step, JsonlWriter(str(out_dir))],
        tasks=2,
        workers=workers,  # -1: one process per task; 1: tasks run one after the other in this process
        logging_dir=str(tmp_path / f"logs-{tag}"),
    ).run()
    return _read_output(out_dir)


@pytest.fixture(scope="module")
def restored(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, dict]]:
    tmp_path = tmp_path_factory.mktemp("datatrove")
    return tmp_path, _run(tmp_path, RestoreStep(), "restore")


def test_every_document_comes_out_once(restored: tuple[Path, dict[str, dict]]) -> None:
    _, out = restored
    assert set(out) == set(DOCS)


def test_text_is_restored(restored: tuple[Path, dict[str, dict]]) -> None:
    _, out = restored
    assert out["a0"]["text"] == "坚持以党建引领，切实加强党组织建设。"
    assert out["b0"]["text"] == "政务公开和政府信息"
    assert "党建" in out["b1"]["text"] and "*" not in out["b1"]["text"]
    for doc_id, row in out.items():
        meta = row["metadata"]["restore"]
        if meta["counts"]["unresolved"] == 0:
            assert "*" not in row["text"], doc_id
    # gaps are reported, never marked in the text
    assert out["a1"]["text"] == GAPS


def test_metadata_edits_index_the_input(restored: tuple[Path, dict[str, dict]]) -> None:
    _, out = restored
    for doc_id, row in out.items():
        meta = row["metadata"]["restore"]
        assert set(meta) == {"edits", "alphabet", "counts"}
        source = DOCS[doc_id]
        for edit in meta["edits"]:
            if edit["kind"] == "mask":
                assert set(source[edit["start"] : edit["end"]]) <= set("*＊"), (doc_id, edit)
                if edit["replacement"] is not None:
                    assert row["text"][edit["start"] : edit["end"]] == edit["replacement"]
            else:
                assert edit["kind"] == "gap" and edit["start"] == edit["end"]
                assert edit["replacement"] is None
        counts = meta["counts"]
        assert counts["masks"] == source.count("*")
        assert counts["masks"] == counts["restored"] + counts["unresolved"]
        assert counts["gaps"] == sum(e["kind"] == "gap" for e in meta["edits"])

    # the deleted year in 截至年9月底 is reported as a gap at its offset in the input
    gap_offsets = [e["start"] for e in out["a1"]["metadata"]["restore"]["edits"] if e["kind"] == "gap"]
    assert GAPS.index("年") in gap_offsets
    assert set(gap_offsets) <= {GAPS.index("年"), GAPS.index("户")}
    assert out["b1"]["metadata"]["restore"]["counts"]["gaps"] >= 1
    alphabet = out["a0"]["metadata"]["restore"]["alphabet"]
    assert isinstance(alphabet, str) and "党" in alphabet and set(alphabet) <= set("党政群业")


def test_clean_document_is_unchanged(restored: tuple[Path, dict[str, dict]]) -> None:
    _, out = restored
    assert out["a2"]["text"] == CLEAN
    assert out["a2"]["metadata"]["restore"]["edits"] == []
    assert out["a2"]["metadata"]["restore"]["counts"] == {
        "masks": 0,
        "restored": 0,
        "unresolved": 0,
        "gaps": 0,
    }


def test_stats_are_counted(restored: tuple[Path, dict[str, dict]]) -> None:
    tmp_path, out = restored
    stats = json.loads((tmp_path / "logs-restore" / "stats.json").read_text(encoding="utf-8"))
    # datatrove names a step's stats "<type>: <name>"
    step = next(s for s in stats if s["name"].endswith(RestoreStep.name))
    assert step["time_stats"]["n"] == len(DOCS)  # track_time() ran once per document

    def total(stat: int | dict) -> float:  # a counter that only ever got value=1 is saved as a bare int
        return stat if isinstance(stat, (int, float)) else stat["total"]

    for label in ("masks", "restored", "unresolved", "gaps"):
        expected = sum(row["metadata"]["restore"]["counts"][label] for row in out.values())
        assert total(step["stats"][label]) == expected, label
    assert total(step["stats"]["total"]) == len(DOCS)
    assert total(step["stats"]["masks"]) == sum(text.count("*") for text in DOCS.values())


def test_annotate_only_leaves_text(tmp_path: Path) -> None:
    out = _run(tmp_path, RestoreStep(annotate_only=True, metadata_key="fix"), "annotate", workers=1)
    assert set(out) == set(DOCS)
    for doc_id, row in out.items():
        assert row["text"] == DOCS[doc_id]
        assert "restore" not in row["metadata"]
        assert set(row["metadata"]["fix"]) == {"edits", "alphabet", "counts"}
    edits = out["a0"]["metadata"]["fix"]["edits"]
    assert [(e["start"], e["replacement"]) for e in edits] == [(3, "党"), (12, "党")]


def test_step_pickles_without_a_restorer() -> None:
    step = RestoreStep(RestoreConfig(min_confidence=0.9))
    clone = pickle.loads(pickle.dumps(step))
    assert clone.config == step.config
    assert "Restorer" not in repr(vars(clone))
    docs = list(clone.run(iter([Document(text=PARTY, id="x")])))
    assert docs[0].text == "坚持以党建引领，切实加强党组织建设。"
    assert docs[0].metadata["restore"]["counts"]["restored"] == 2


def test_bad_config_fails_at_construction() -> None:
    with pytest.raises(ValueError):
        RestoreStep(RestoreConfig(candidates=""))


@pytest.mark.parametrize("per_document", [False, True])
def test_a_tasks_documents_share_their_filter(per_document):
    from test_filterevidence import AMBIGUOUS, SHOWS_QUN_YE

    docs = [Document(text=SHOWS_QUN_YE, id=str(i)) for i in range(12)]
    docs.append(Document(text=AMBIGUOUS, id="last"))
    step = RestoreStep(RestoreConfig(per_document=per_document))
    out = list(step.run(iter(docs)))
    assert out[-1].text == (AMBIGUOUS if per_document else "听说他们党里的人都很忙。")
