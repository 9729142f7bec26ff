"""Nouns before a mask, and the candidates that make compounds after nouns, from jieba's
tagged dictionary (restore.nouns)."""

import pytest

from restore.nouns import makes_compounds, noun_before

WORDS = {"妇女", "柑橘", "捍卫", "关系", "时代", "规模", "大规模"}


@pytest.mark.parametrize(("ch", "makes"), [("业", True), ("群", True), ("党", True), ("政", False)])
def test_which_candidates_make_compounds_after_nouns(ch, makes):
    """工业, 人群 and 共产党 are nouns' compounds in the dictionary; 政 makes few (市政)."""
    assert makes_compounds(ch) is makes


@pytest.mark.parametrize(
    ("text", "noun"),
    [
        ("妇女*中", True),
        ("中国柑橘*将", True),
        ("就是捍卫*、", False),
        ("新时代*在", True),
        ("大规模*的", False),
        ("与*同心", False),
    ],
)
def test_the_longest_word_before_the_mask_decides(text, noun):
    assert noun_before(text, text.index("*"), WORDS.__contains__) is noun


def test_a_longer_word_that_is_no_noun_wins_over_a_noun_inside_it():
    """大规模 (tagged b, an attribute) is the word before the mask, not its noun 规模."""
    assert noun_before("新规模*", 3, WORDS.__contains__)
    assert not noun_before("大规模*", 3, WORDS.__contains__)


def test_the_tags_are_kept_in_the_cache_folder_and_a_damaged_copy_is_rebuilt(tmp_path, monkeypatch):
    """A second process reads the nouns back from restore's cache folder; a copy that
    makes no sense is ignored and written again."""
    from restore import nouns

    monkeypatch.setenv("RESTORE_CACHE_DIR", str(tmp_path))
    nouns._tags.cache_clear()
    try:
        made = nouns._tags()
        (kept,) = tmp_path.glob(f"{nouns.TAGS_KIND}-*.marshal")
        nouns._tags.cache_clear()
        assert nouns._tags() == made
        kept.write_bytes(b"not a table")
        nouns._tags.cache_clear()
        assert nouns._tags() == made
        assert nouns._unpacked(kept.read_bytes()) == made
    finally:
        nouns._tags.cache_clear()
