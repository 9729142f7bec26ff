import time

import pytest

from restore import RestoreConfig, Restorer
from restore.alphabet import MAX_CANDIDATES, infer_alphabet


def test_character_seen_unmasked_was_not_hidden():
    a = infer_alphabet("群众和企业都支持*建工作")
    assert a.chars == "党政"
    assert set(a.excluded) == {"群", "业"}


def test_prior_grows_with_document_length_for_unseen_characters():
    short = infer_alphabet("*建")
    long = infer_alphabet("*建" + "很长的文本" * 400)
    assert long.weight("业") > short.weight("业")
    assert 0 < short.weight("群") <= 1


def test_configured_candidates_are_respected():
    a = infer_alphabet("*建", RestoreConfig(candidates="党政"))
    assert a.chars == "党政"
    assert a.weight("业") == 0.0


def test_unnarrowed_alphabet_puts_seen_characters_back():
    a = infer_alphabet("企业的*建工作")
    wide = a.unnarrowed()
    assert set(wide.chars) == set("党政群业") and wide.excluded == ""
    assert wide.weight("业") > 0 and not wide.count_masks


def test_hidden_set_posterior_follows_what_the_masks_want():
    from restore.alphabet import hidden_set_posterior

    a = infer_alphabet("*建" + "很长的文本" * 200)
    runs = [(("党", 0.98), ("政", 0.02))] * 5
    posterior = hidden_set_posterior(a, runs, 1000)
    p_hidden = {c: sum(p for subset, p in posterior if c in subset) for c in a.chars}
    assert abs(sum(p for _, p in posterior) - 1) < 1e-9
    assert p_hidden["党"] > 0.99
    assert p_hidden["党"] > p_hidden["政"] and p_hidden["党"] > p_hidden["群"]


def test_a_reading_outside_the_alphabet_is_explained_by_no_subset():
    from restore.alphabet import hidden_set_posterior

    a = infer_alphabet("企业的*建工作" * 50)  # 业 seen, so not a candidate
    only_ye = [(("业", 1.0),)]
    posterior = hidden_set_posterior(a, only_ye, 400)
    assert all("业" not in subset for subset, _ in posterior)


def test_more_candidates_than_the_cap_is_a_one_line_error():
    many = "党政群业工农商学兵"
    assert len(many) == MAX_CANDIDATES + 1
    with pytest.raises(ValueError, match=r"^--candidates names 9 different characters; at most 8") as caught:
        Restorer(RestoreConfig(candidates=many))
    assert "\n" not in str(caught.value)
    Restorer(RestoreConfig(candidates=many[:MAX_CANDIDATES] + many[0]))  # repeats do not count


def test_the_most_candidates_allowed_restore_a_line_quickly():
    restorer = Restorer(RestoreConfig(candidates="党政群业工农商学"))
    started = time.perf_counter()
    result = restorer.restore("坚持以*建引领*务")
    assert time.perf_counter() - started < 5, "the hidden-set inference is bounded"
    assert len(result.edits) == 2
