from restore import RestoreConfig
from restore.alphabet import infer_alphabet


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


def test_without_drops_characters():
    a = infer_alphabet("*建").without("群")
    assert "群" not in a.chars and "群" in a.excluded
