import pytest

from restore.apply import apply_edits
from restore.model import Edit


def test_unresolved_mask_keeps_its_symbols():
    assert apply_edits("**机关", [Edit("mask", 0, 2, None, 0.4)]) == "**机关"


def test_gap_marker_is_inserted_only_when_given():
    edits = [Edit("gap", 1, 1, None, 0.9), Edit("mask", 3, 4, "党", 0.99)]
    assert apply_edits("由年的*建", edits) == "由年的党建"
    assert apply_edits("由年的*建", edits, "⁇") == "由⁇年的党建"


def test_overlapping_edits_are_refused():
    with pytest.raises(ValueError, match="overlapping"):
        apply_edits("**", [Edit("mask", 0, 2, "党政", 1.0), Edit("mask", 1, 2, "政", 1.0)])
