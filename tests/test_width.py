"""Filters that write two symbols per hidden character."""

import pytest

from restore import restore_text
from restore.model import Edit, Mask, MaskState
from restore.width import LONE_SYMBOL, collapse, expand, infer_width


def test_width_follows_the_runs_of_the_page():
    assert infer_width([Mask(0, 2), Mask(5, 7), Mask(9, 13)]) == 2
    assert infer_width([Mask(0, 2), Mask(5, 6)]) == 1  # a single symbol: one per character
    assert infer_width([Mask(0, 2)]) == 1  # one run alone says nothing
    assert infer_width([Mask(0, 2), Mask(5, 7)]) == 1  # nor two: 党政 twice
    emphasis = [Mask(0, 2, MaskState.EMPHASIS_OPEN_QUESTION), Mask(5, 7, MaskState.EMPHASIS_CLOSE_QUESTION)]
    assert infer_width([*emphasis, Mask(9, 10)]) == 1  # bold says nothing of the filter
    assert infer_width([]) == 1


def test_collapse_and_expand_map_offsets_both_ways():
    text = "**员干部和**风建设，****同责"
    masks = [Mask(0, 2), Mask(6, 8), Mask(12, 16)]
    short, origin = collapse(text, masks)
    assert short == "*员干部和*风建设，**同责"
    assert [text[origin[i]] for i in range(len(short))] == list(short)
    edits = [
        Edit("mask", 0, 1, "党", 0.99),
        Edit("mask", 5, 6, "党", 0.98),
        Edit("mask", 10, 12, "党政", 0.97),
        Edit("gap", 3, 3, None, 0.9),
    ]
    back = expand(edits, origin)
    assert [(e.start, e.end, e.replacement) for e in back] == [
        (0, 2, "党"),
        (6, 8, "党"),
        (12, 16, "党政"),
        (4, 4, None),
    ]


def test_a_run_of_odd_length_stays_whole():
    text = "**员干部和*风"
    masks = [Mask(0, 2), Mask(6, 7)]
    short, origin = collapse(text, masks)
    assert short == "*员干部和*风"
    back = expand([Edit("mask", 5, 6, "党", 0.9)], origin)
    assert [(e.start, e.end) for e in back] == [(6, 7)]


def test_a_run_of_odd_length_on_a_two_symbol_page_is_left_alone():
    """collapse keeps an odd run whole (no two-symbol filter writes one); expand then
    reports it rather than fill one symbol with one character (found by the fuzz test:
    ``**“一把手”**共*产*党**“一把手”``)."""
    text = "共*产**党"
    masks = [Mask(1, 2, MaskState.OPEN), Mask(3, 5, MaskState.OPEN)]
    short, back = collapse(text, masks)
    assert short == "共*产*党"
    odd, even = expand(
        [Edit("mask", 1, 2, "业", 0.98), Edit("mask", 3, 4, "党", 0.99)],
        back,
    )
    assert (odd.start, odd.end, odd.replacement, odd.note) == (1, 2, None, LONE_SYMBOL)
    assert (even.start, even.end, even.replacement) == (3, 5, "党")


@pytest.mark.parametrize("text", ["**产**体**", "*建建**建**员**务"])
def test_a_page_whose_restorations_change_its_width_rereads_the_same(text):
    """Three runs of ** make a two-symbol page; restoring one leaves two, which a second
    run would read one symbol per character (产**体 as 产业群体). An odd run makes a
    one-symbol page; restoring it leaves three even runs, which a second run would read
    two symbols per character. The first run then withdraws its restorations, so that
    every run over the page decides alike."""
    first = restore_text(text)
    assert restore_text(first.text).text == first.text
    assert not [e for e in restore_text(first.text).edits if e.kind == "mask" and e.replacement]
