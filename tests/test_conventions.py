"""Pages with conventions of their own (labelled cases in tests/cases/conventions.json)."""

import json
from pathlib import Path

import pytest

from restore import RestoreConfig, Restorer
from restore.pipeline import TWO_SYMBOLS

CASES = json.loads((Path(__file__).parent / "cases" / "conventions.json").read_text(encoding="utf-8"))[
    "cases"
]


def test_every_convention_has_cases():
    kinds = {c["kind"] for c in CASES}
    assert {"traditional", "width-2", "symbol", "markdown", "code", "markup", "not-a-candidate"} <= kinds


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:24] for c in CASES])
def test_a_page_comes_out_as_its_conventions_say(case):
    options = dict(case.get("options", {}))
    result = Restorer(RestoreConfig(**options)).restore(case["text"])
    expect = case["text"] if case["expect"] == "unchanged" else case["expect"]
    assert result.text == expect
    if case["expect"] == "unchanged":
        assert not [e for e in result.edits if e.replacement is not None or e.kind == "gap"]


@pytest.mark.parametrize("index", [0, 1])
def test_a_two_symbol_page_says_so_and_each_edit_covers_two_symbols_per_character(index):
    """The page of many even runs, and the page of two whose reading doubles them."""
    case = [c for c in CASES if c["kind"] == "width-2" and "options" not in c and "**员" in c["text"]][index]
    result = Restorer(RestoreConfig()).restore(case["text"])
    assert TWO_SYMBOLS in result.notes
    for e in result.edits:
        if e.kind == "mask" and e.replacement is not None:
            assert e.end - e.start == 2 * len(e.replacement)


def test_a_reduplication_a_word_holds_is_read_at_one_symbol():
    (case,) = [c for c in CASES if "一**野鸭" in c["text"]]
    assert TWO_SYMBOLS not in Restorer(RestoreConfig()).restore(case["text"]).notes
