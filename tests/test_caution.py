"""A candidate seen unmasked may be an earlier run's restoration, so a mask is filled
only if the unnarrowed alphabet agrees, unless the page shows the reading's characters
hidden."""

from restore import RestoreConfig, Restorer, restore_text
from restore.rank import DISAGREED, RunScore, _cautious, _shown

NO_GAPS = RestoreConfig(find_gaps=False)


def mask_edits(text):
    return [e for e in restore_text(text, NO_GAPS).edits if e.kind == "mask"]


def test_the_lower_of_the_two_alphabets_counts_unless_the_page_shows_the_character():
    narrow = RunScore((("政", 0.99), ("党", 0.01)))
    wide = RunScore((("业", 0.97), ("政", 0.02), ("党", 0.01)))
    assert dict(_cautious(narrow, wide).readings)["政"] == 0.02
    assert dict(_cautious(narrow, wide, frozenset("政")).readings)["政"] == 0.99
    assert dict(_cautious(narrow, wide, frozenset("党")).readings)["政"] == 0.02


def test_a_page_shows_a_character_by_two_runs_the_wide_alphabet_is_sure_of():
    sure = RunScore((("政", 0.995), ("党", 0.005)))
    unsure = RunScore((("党", 0.6), ("政", 0.4)))
    assert _shown([sure, sure]) == frozenset("政")
    assert _shown([sure]) == frozenset()
    assert _shown([sure, unsure, unsure]) == frozenset()
    assert _shown([RunScore((("党政", 0.95),)), RunScore((("党政", 0.92),))]) == frozenset("党政")


def test_a_mask_beside_a_seen_competitor_is_filled_once_the_page_shows_its_character():
    """渔* reads 渔业 to an alphabet that ignores the printed 业; 镇*府 and 县*府 show that this
    page's filter hid 政, so 渔政 stands."""
    alone = "应当支持渔业和农业发展，县渔*站负责水上执法检查。"
    shown = "镇*府与县*府都支持渔业和农业发展，县渔*站负责水上执法检查。"
    (left,) = mask_edits(alone)
    assert left.replacement is None
    *government, station = mask_edits(shown)
    assert [e.replacement for e in government] == ["政", "政"]
    assert station.replacement == "政"


def test_a_second_run_over_the_output_changes_nothing():
    text = "镇*府与县*府都支持渔业和农业发展，县渔*站负责水上执法检查。行*二字。"
    once = restore_text(text, NO_GAPS).text
    assert restore_text(once, NO_GAPS).text == once


def test_a_restoration_the_slot_model_would_not_make_reports_at_most_the_capped_confidence():
    """一*专* reads 一群专业 to the lattice; the slot model, learned from varied text,
    prefers 党 between 一 and 专, so that restoration is reported at DISAGREED, not at its
    posterior, while the second mask, where the two agree, keeps its posterior."""
    first, second = mask_edits("坚持一*专*。")
    assert first.candidates[0][1] > DISAGREED
    assert first.confidence == DISAGREED
    assert second.confidence == second.candidates[0][1] > DISAGREED


FREE = "她挤在熙来攘往的妇女*中，从这个商店跑到那个商店。"


def test_a_restoration_no_word_holds_where_the_slot_model_is_blind_is_capped_too():
    """No word holds the mask of 妇女*中 and the slot model never saw a candidate between
    女 and 中: the lattice's choice rests on the candidates' own frequencies alone, so it
    is reported at most at DISAGREED. Where a word holds the mask (*建), it is not."""
    from restore.rank import Ranker

    slots = Ranker.load(RestoreConfig()).slots
    assert slots is not None and not slots[0].knows("妇女", "中，")
    free, word, _ = mask_edits(FREE + "全面加强*建工作，加强*的领导。")
    assert free.replacement is not None
    assert free.candidates[0][1] > DISAGREED
    assert free.confidence == DISAGREED
    assert word.confidence > DISAGREED


def test_a_suffix_the_slot_model_is_blind_to_is_left_unless_the_page_shows_it_hidden():
    """妇女*中 follows a noun, and 党, 群 and 业 all make compounds after nouns (妇女群):
    the lattice's 党 rests on the news' frequencies, so the mask is left, reported with
    its candidates. Two other runs sure of 党 show the page hides it (above)."""
    from restore.rank import BARE_SUFFIX

    free, word = mask_edits(FREE + "全面加强*建工作。")
    assert word.replacement == "党"
    assert free.replacement is None
    assert free.confidence == BARE_SUFFIX
    assert free.candidates[0][0] == "党"
    # With only 党 and 政 to choose from, 政 makes no new compounds: no such doubt.
    only = RestoreConfig(find_gaps=False, candidates="党政")
    (alone, _) = [e for e in restore_text(FREE + "全面加强*建工作。", only).edits if e.kind == "mask"]
    assert alone.confidence != BARE_SUFFIX


def test_a_free_mask_is_left_when_nothing_shows_a_filter():
    """Alone on its page, 妇女*中 has nothing for it but the candidates' frequencies: no
    mask of the page makes a word, and no page before it showed the filter. Once the
    input has shown that its filter hides the best reading, the same page is restored."""
    from restore.rank import UNSUPPORTED

    (alone,) = mask_edits(FREE)
    assert alone.replacement is None and alone.note == UNSUPPORTED
    restorer = Restorer(RestoreConfig(find_gaps=False))
    shown = restorer.restore(FREE, filter_prior={"党": 0.98, "政": 0.98, "群": 0.02, "业": 0.02})
    (restored,) = [e for e in shown.edits if e.kind == "mask"]
    assert restored.replacement is not None and restored.confidence == DISAGREED
    # A filter that hides 群 and 业 as well leaves more than one candidate that makes
    # compounds after a noun (妇女群): the suffix stays unread.
    every = restorer.restore(FREE, filter_prior=dict.fromkeys("党政群业", 0.98))
    (left,) = [e for e in every.edits if e.kind == "mask"]
    assert left.replacement is None and left.candidates[0][0] == "党"


def test_the_cap_comes_before_the_threshold():
    strict = RestoreConfig(find_gaps=False, min_confidence=0.85)
    first, _ = [e for e in restore_text("坚持一*专*。", strict).edits if e.kind == "mask"]
    assert first.replacement is None and first.note == "below --min-confidence"


def test_a_restoration_beside_a_latin_word_the_slot_model_does_not_back_is_left():
    """QQ*可以: the word the mask ends (QQ群) is half in Latin letters, which the lattice
    does not read, so its 党 rests on the frequencies alone. Unbacked, it is reported
    under the threshold; beside a Latin word, a mask a Han word holds (PC*务, 业务) is
    restored as anywhere."""
    from restore.rank import LATIN_BLIND

    page = "大家加*建工作群。⏎QQ*可以用来联系。⏎他们在PC*务中获利。".replace("⏎", "\n")
    _, latin, held = mask_edits(page)
    assert latin.replacement is None
    assert latin.confidence == LATIN_BLIND
    assert held.replacement == "业"
