"""restore learn: a context model from clean text, and --model using it."""

import gzip
import json
import subprocess
import sys

import pytest

from restore import RestoreConfig
from restore.context import ContextModel, ModelError

#: A domain where 政 always stands before 乙.
CLEAN = "甲政乙。" * 5000 + "\n"


def learn(*args, input=None):
    return subprocess.run([sys.executable, "-m", "restore", "learn", *args], input=input, capture_output=True)


def restore(*args, input):
    return subprocess.run([sys.executable, "-m", "restore", *args], input=input, capture_output=True)


def test_learn_builds_a_model_that_changes_the_ranking(tmp_path):
    clean = tmp_path / "clean.txt"
    clean.write_text(CLEAN, encoding="utf-8")
    model = tmp_path / "domain.model"
    proc = learn(str(clean), "-o", str(model))
    assert proc.returncode == 0, proc.stderr
    assert b"characters read" in proc.stderr
    loaded = ContextModel.load(model)
    assert loaded.unigram["政"] == 5000
    # 政 and 业 both stand alone with the same count: without the model the mask is a
    # coin toss and is left alone; the domain's 政乙 settles it. (The page's *务 makes
    # a word, so the page shows a filter at work.)
    args = ("--no-gaps", "--candidates", "政业", "--min-confidence", "0.7")
    plain = restore(*args, input="*务。*乙。".encode())
    learned = restore(*args, "--model", str(model), input="*务。*乙。".encode())
    assert plain.stdout.decode().endswith("。*乙。")
    assert learned.stdout.decode().endswith("。政乙。")


def test_learn_reads_jsonl(tmp_path):
    corpus = tmp_path / "clean.jsonl"
    corpus.write_text(
        "".join(json.dumps({"id": i, "text": CLEAN}, ensure_ascii=False) + "\n" for i in range(2)),
        encoding="utf-8",
    )
    model = tmp_path / "m.gz"
    assert learn(str(corpus), "--jsonl", "-o", str(model)).returncode == 0
    assert ContextModel.load(model).unigram["政"] == 10000


def test_learn_refuses_damaged_text(tmp_path):
    damaged = tmp_path / "damaged.txt"
    damaged.write_text("坚持以*建引领\n", encoding="utf-8")
    proc = learn(str(damaged), "-o", str(tmp_path / "m.gz"))
    assert proc.returncode == 2
    assert "learn from clean text only" in proc.stderr.decode()
    assert "--damaged" in proc.stderr.decode()
    assert not (tmp_path / "m.gz").exists()


def test_learn_damaged_learns_from_restorations_and_never_across_a_mask_left_alone(tmp_path):
    damaged = tmp_path / "damaged.txt"
    # 党建 is restored with confidence; 甲*乙 is a coin toss and stays a mask.
    damaged.write_text("坚持以*建引领发展。\n甲*乙\n", encoding="utf-8")
    model_path = tmp_path / "self.gz"
    proc = learn(str(damaged), "--damaged", "-o", str(model_path))
    assert proc.returncode == 0, proc.stderr
    model = ContextModel.load(model_path)
    assert model.unigram == {"党": 1}
    assert model.right["建"] == {"党": 1} and model.left["以"] == {"党": 1}
    assert "甲" not in model.left and "乙" not in model.right
    assert not any("*" in context for context in (*model.left, *model.right))


def test_self_taught_texts_are_cut_at_unresolved_masks():
    from restore.learn import self_taught_texts

    parts = list(self_taught_texts(["坚持以*建引领。甲*乙"], RestoreConfig()))
    assert parts == ["坚持以党建引领。甲", "乙"]


def test_learn_reports_a_bad_jsonl_line(tmp_path):
    corpus = tmp_path / "bad.jsonl"
    corpus.write_text('{"text": "好"}\n{oops\n', encoding="utf-8")
    proc = learn(str(corpus), "--jsonl", "-o", str(tmp_path / "m.gz"))
    assert proc.returncode == 2
    assert f"{corpus}:2: invalid JSON" in proc.stderr.decode()


def test_a_file_that_is_not_a_model_is_a_one_line_error(tmp_path):
    bogus = tmp_path / "bogus.model"
    bogus.write_bytes(b"not a model")
    proc = restore("--model", str(bogus), input="坚持以*建引领".encode())
    assert proc.returncode == 2
    assert len(proc.stderr.decode().strip().splitlines()) == 1
    assert "not a restore model" in proc.stderr.decode()


def test_a_model_of_another_version_is_refused(tmp_path):
    old = tmp_path / "old.model"
    with gzip.open(old, "wt", encoding="utf-8") as fh:
        json.dump({"format": "restore-context-model", "version": 999}, fh)
    with pytest.raises(ModelError, match="rebuild it with 'restore learn'"):
        ContextModel.load(old)


def test_the_evidence_memo_stays_bounded(monkeypatch):
    """A corpus has unboundedly many contexts; the model's memo must not grow with it."""
    import restore.context as context

    monkeypatch.setattr(context, "MEMO_SIZE", 50)
    model = ContextModel.learn(["甲政乙。", "丙党丁。"], "党政")
    first = model.evidence("甲", "政", "乙", "党政")
    for i in range(500):
        model.evidence(chr(0x4E00 + i), "党", chr(0x5E00 + i), "党政")
        assert len(model._memo) <= 50
    assert model.evidence("甲", "政", "乙", "党政") == first


def test_learn_jsonl_keeps_a_line_separator_inside_a_string(tmp_path):
    """Issue 15: U+2028 (valid unescaped in a JSON string) cut the record in two."""
    corpus = tmp_path / "clean.jsonl"
    record = json.dumps({"text": "坚持以党建引领\u2028推进行政村建设"}, ensure_ascii=False)
    corpus.write_text(record + "\r\n" + record + "\n", encoding="utf-8")
    model = tmp_path / "m.model"
    proc = learn(str(corpus), "--jsonl", "-o", str(model))
    assert proc.returncode == 0, proc.stderr
    assert b": 30 characters read;" in proc.stderr  # two records of 15, the separator included
    assert ContextModel.load(model).unigram["党"] == 2
