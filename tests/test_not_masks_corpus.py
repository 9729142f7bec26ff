"""Asterisks that are not masks, beside the masks they must not be confused with.

The labelled set is ``tests/cases/not_masks_more.json``. Both sides are checked, so
that a scanner made more cautious (finding fewer masks) or more eager (finding more)
fails here rather than drifting silently.
"""

import json
from pathlib import Path

import pytest

from restore import RestoreConfig, restore_text
from restore.scan import find_masks

CASES = json.loads((Path(__file__).parent / "cases" / "not_masks_more.json").read_text(encoding="utf-8"))
NOT_MASKS = CASES["not_masks"]
CENSOR = CASES["censor_insertions"]
MASKS = CASES["masks"]
#: Gaps are another stage; these cases are about asterisks only.
CONFIG = RestoreConfig(find_gaps=False)
#: Every kind of non-mask the issue names must stay in the set.
KINDS = {"emphasis", "bullet", "arithmetic", "code", "footnote", "separator", "masked-number", "rating"}


def test_the_set_is_large_and_covers_every_kind():
    assert len(NOT_MASKS) >= 30
    assert {c["kind"] for c in NOT_MASKS} >= KINDS
    texts = [c["text"] for c in NOT_MASKS + CENSOR + MASKS]
    assert len(texts) == len(set(texts)), "a case is listed twice"
    assert {
        "*建引领",
        "个行*村都达到了",
        "时*、社会、生活",
        "整合财*专项扶贫资金",
        "民之所盼,*之所向。",
    } <= set(texts)
    assert any("**“一把手”" in t for t in texts)


@pytest.mark.parametrize("case", NOT_MASKS, ids=[c["why"] for c in NOT_MASKS])
def test_not_a_mask_comes_back_unchanged(case):
    result = restore_text(case["text"], CONFIG)
    assert result.text == case["text"]
    filled = [e for e in result.edits if e.kind == "mask" and e.replacement is not None]
    assert filled == []


@pytest.mark.parametrize("case", CENSOR, ids=[c["why"] for c in CENSOR])
def test_censor_insertion_is_reported_not_restored(case):
    text = case["text"]
    result = restore_text(text, CONFIG)
    assert result.text == text
    symbols = [i for i, ch in enumerate(text) if ch == "*"]
    assert [(e.start, e.end) for e in result.edits] == [(i, i + 1) for i in symbols]
    assert all(e.kind == "mask" and e.replacement is None for e in result.edits)
    assert {e.note for e in result.edits} == {"censor-insertion"}


@pytest.mark.parametrize("case", MASKS, ids=[c["text"] for c in MASKS])
def test_real_masks_are_found(case):
    text = case["text"]
    spans = [[m.start, m.end] for m in find_masks(text, CONFIG)]
    assert spans == case["spans"]
    result = restore_text(text, CONFIG)
    assert [[e.start, e.end] for e in result.edits if e.kind == "mask"] == case["spans"]
    if "restored" in case:
        assert result.text == case["restored"]
