"""Property tests (hypothesis): what restore promises for any input.

1. Outside its edits, the output is the input, character for character.
2. Replaying the edits on the input gives the output.
3. Arbitrary Unicode never crashes the core.
4. A second run over the output changes nothing, and leaves the masks the first run
   left alone as they were.
"""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from restore import RestoreConfig, Restorer, apply_edits
from restore.config import DEFAULT_GAP_MARKER
from restore.pipeline import TWO_SYMBOLS, WITHDRAWN

RESTORER = Restorer(RestoreConfig())

# Text shaped like damaged news: Han (with the hidden characters' neighbours),
# masks, digits, punctuation, whitespace of every kind, line endings, a BOM.
PIECES = st.sampled_from(
    list("建委员村务府策治众体企产就行时财的是在和了年月日元个名户多%+-.*＊0123456789")
    + [
        "，",
        "。",
        "、",
        "“",
        "”",
        "：",
        "\n",
        "\r\n",
        "\r",
        "\t",
        "\u00a0",
        "\u3000",
        "\u200b",
        "\ufeff",
        " ",
        "**",
        "a",
    ]
)
NEWSLIKE = st.lists(PIECES, max_size=80).map("".join)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def outside_edits_equal(source: str, output: str, result) -> bool:
    """Walk source and output together, skipping each edit's span in both."""
    marker = RESTORER.config.gap_marker
    # A page read two symbols per hidden character restores one character per pair.
    per_char = 2 if TWO_SYMBOLS in result.notes else 1
    i = j = 0
    for e in sorted(result.edits, key=lambda e: (e.start, e.end)):
        keep = e.start - i
        if source[i : e.start] != output[j : j + keep]:
            return False
        j += keep
        if e.kind == "gap":
            if output[j : j + len(marker)] != marker:
                return False
            j += len(marker)
        else:
            width = e.end - e.start
            if e.replacement is not None and len(e.replacement) * per_char != width:
                return False
            j += width if e.replacement is None else len(e.replacement)
        i = e.end
    return source[i:] == output[j:]


@SETTINGS
@given(NEWSLIKE)
def test_output_equals_input_outside_edits(text):
    result = RESTORER.restore(text)
    assert result.source == text
    assert outside_edits_equal(text, result.text, result)


@SETTINGS
@given(NEWSLIKE)
def test_replaying_edits_gives_the_output(text):
    result = RESTORER.restore(text)
    assert apply_edits(text, result.edits, RESTORER.config.gap_marker) == result.text
    assert apply_edits(text, result.edits, "") == RESTORER.restore(text, mark_gaps=False).text


@SETTINGS
@given(st.text(max_size=200))
def test_arbitrary_unicode_never_crashes(text):
    result = RESTORER.restore(text)
    assert isinstance(result.text, str)
    for e in result.edits:
        assert 0 <= e.start <= e.end <= len(text)
        assert 0.0 <= e.confidence <= 1.0


@SETTINGS
@given(NEWSLIKE)
def test_second_run_finds_nothing_new(text):
    first = RESTORER.restore(text)
    if DEFAULT_GAP_MARKER in text:
        return  # a marker in the input is taken as an earlier run's mark
    second = RESTORER.restore(first.text)
    assert second.text == first.text
    assert not [e for e in second.edits if e.kind == "mask" and e.replacement is not None]
    assert not second.gaps
    assert len(second.unresolved) == len(first.unresolved)


def test_a_restoration_that_would_turn_masks_into_markup_is_withdrawn():
    """Filling the * of **建*建** would leave **建党建**, read as markdown bold by a second
    run: the * is left as it is, so both runs report the same three masks."""
    first = RESTORER.restore("**建*建**")
    assert first.text == "**建*建**"
    assert [(e.start, e.end) for e in first.unresolved] == [(0, 2), (3, 4), (5, 7)]
    second = RESTORER.restore(first.text)
    assert second.text == first.text and len(second.unresolved) == 3
    # Between Han characters the ** stay masks when the * is filled: the restoration stays.
    kept = RESTORER.restore("中**建*建**中")
    assert (4, 5) in [(e.start, e.end) for e in kept.restored]
    assert not [e for e in kept.edits if e.note == WITHDRAWN]


def test_a_mask_that_filling_reveals_is_ranked_in_the_same_run():
    """时*“*: the second * follows a quote with no Han before it, so it is no mask until
    时政 is restored; the first run ranks it as the second run would."""
    first = RESTORER.restore("时*“*")
    assert [(e.start, e.end) for e in first.edits if e.kind == "mask"] == [(1, 2), (3, 4)]
    second = RESTORER.restore(first.text)
    assert second.text == first.text and not second.edits


def test_masks_that_filling_would_turn_into_an_emphasis_pair_keep_the_text_as_it_came():
    """＊时*：＊: once 时政 is read, the two ＊ around a clause are an emphasis pair the
    ranker settles as markup; the restoration is withdrawn, and both runs agree."""
    first = RESTORER.restore("＊时*：＊")
    assert first.text == "＊时*：＊" and not first.restored
    second = RESTORER.restore(first.text)
    assert [(e.start, e.end) for e in second.unresolved] == [(e.start, e.end) for e in first.unresolved]


PRIORS = st.dictionaries(st.sampled_from("党政群业"), st.floats(0.02, 0.98), min_size=4, max_size=4)


@SETTINGS
@given(NEWSLIKE, PRIORS)
def test_with_any_filter_prior_the_edits_replay_and_a_second_run_restores_nothing(text, prior):
    first = RESTORER.restore(text, filter_prior=prior)
    if DEFAULT_GAP_MARKER in text:
        return  # a marker in the input is taken as an earlier run's mark
    assert (
        apply_edits(text, first.edits, "") == RESTORER.restore(text, mark_gaps=False, filter_prior=prior).text
    )
    second = RESTORER.restore(first.text, filter_prior=prior)
    assert [e for e in second.edits if e.replacement is not None] == []
