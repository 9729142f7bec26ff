"""Lexicon files: every shipped file is well formed, sorted and unique; bad lines are reported."""

from pathlib import Path

import pytest

from restore.gaps import words as gapwords
from restore.lexicon import LexiconError, builtin_lexicon_dir, builtin_lexicon_files, parse_lexicon
from restore.wordtable import load_word_table

HIDDEN = set("党政群业")


def test_shipped_lexicons_exist():
    assert builtin_lexicon_files(), "lexicons/*.tsv must ship with the package"


@pytest.mark.parametrize("path", builtin_lexicon_files(), ids=lambda p: p.name)
def test_shipped_lexicon_is_well_formed(path: Path):
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("# file:"), "each lexicon opens with an OpenCC-style header"
    header = "\n".join(line for line in lines if line.startswith("#"))
    for field in ("format:", "source:", "licence:", "used by:"):
        assert field in header
    entries = parse_lexicon(path)
    words = [e.word for e in entries]
    assert words == sorted(words), "entries must be sorted"
    assert len(words) == len(set(words)), "entries must be unique"
    assert all(HIDDEN & set(w) for w in words), "every entry must contain a character a filter hides"


GAP_LISTS = sorted((builtin_lexicon_dir() / gapwords.FOLDER).glob("*.tsv"))


def test_the_gap_rules_word_lists_ship():
    names = {p.stem for p in GAP_LISTS}
    assert {"number_words", "year_words", "units", "measures", "unit_left_words"} <= names


@pytest.mark.parametrize("path", GAP_LISTS, ids=lambda p: p.name)
def test_gap_word_list_is_headed_sorted_and_unique(path: Path):
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == f"# file: lexicons/gaps/{path.name}", "each list opens with an OpenCC-style header"
    header = "\n".join(line for line in lines if line.startswith("#"))
    for field in ("format:", "source:", "licence:", "used by:"):
        assert field in header
    pairs = gapwords.pairs(path.stem)
    assert pairs, "a list holds entries"
    assert list(pairs) == sorted(pairs), "entries must be sorted"
    assert len(pairs) == len(set(pairs)), "entries must be unique"
    assert all(not part.isspace() and part.strip() == part for pair in pairs for part in pair)


@pytest.mark.parametrize("name", ["not_number_words", "measures", "unit_left_words", "unit_right_words"])
def test_a_gap_map_names_each_key_once(name):
    keys = [key for key, _ in gapwords.pairs(name)]
    assert len(keys) == len(set(keys))


def test_gap_lists_are_what_the_rules_read():
    from restore.gaps import left, unit_makes_word, units

    assert "达到" in left._STRONG_LEFT and "的" in left._WEAK_LEFT
    assert units._MEASURES["个"] == "BHW" and units._MEASURES["家"] == ""
    assert "无人机" in units._MEASURE_NOUNS["架"]
    assert unit_makes_word("名", "单") and not unit_makes_word("名", "学")


def test_bad_lines_are_reported_with_their_line_number(tmp_path):
    bad = tmp_path / "user.tsv"
    bad.write_text("# comment\n党建\t10\n政 务\t5\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"user.tsv:3: "):
        parse_lexicon(bad)
    bad.write_text("党建\tmany\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"user.tsv:1: weight"):
        parse_lexicon(bad)
    bad.write_text("党建\t0\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"at least 1"):
        parse_lexicon(bad)


def test_missing_lexicon_is_a_clear_error(tmp_path):
    with pytest.raises(LexiconError, match="cannot read lexicon"):
        parse_lexicon(tmp_path / "nope.tsv")


def test_user_lexicon_adds_words_and_prefixes(tmp_path, monkeypatch):
    monkeypatch.setenv("RESTORE_CACHE_DIR", "")  # the cache has its own tests; packing it is slow
    user = tmp_path / "user.tsv"
    user.write_text("政党测试词语\t77\n", encoding="utf-8")
    table = load_word_table((user,))
    assert table.count("政党测试词语") == 77
    assert table.count("政党测试词") is not None  # a prefix (count 0) or a word
    assert table.count("政党测试") is not None
    assert table.count("政党测试词语外") is None


def test_the_input_method_words_are_ones_jieba_lacks_and_are_read():
    """lexicons/base_libime.tsv adds today's words (手机党, 微信群) that jieba's 1990s
    dictionary lacks, and only those: jieba's own words keep its counts."""
    import jieba

    from restore import RestoreConfig, restore_text

    path = builtin_lexicon_dir() / "base_libime.tsv"
    words = {e.word for e in parse_lexicon(path)}
    jieba_words = {
        line.split(" ", 1)[0]
        for line in (Path(jieba.__file__).parent / "dict.txt").read_text(encoding="utf-8").splitlines()
    }
    assert {"手机党", "微信群"} <= words
    assert not words & jieba_words
    result = restore_text("我是手机*，打字慢，见谅。", RestoreConfig(find_gaps=False))
    assert result.text == "我是手机党，打字慢，见谅。"


def test_a_measured_count_is_a_floor_for_the_hand_written_lists_not_for_the_user(tmp_path, monkeypatch):
    """lexicons/base_*.tsv were counted in running text; the hand-written files after them
    may raise a word's count but not lower it. A user's lexicon still has the last word."""
    from restore.wordtable import _built_word_table, jieba_dict_path

    monkeypatch.setenv("RESTORE_CACHE_DIR", "")
    measured = tmp_path / "base_counted.tsv"
    measured.write_text("群组测试词\t500\n政务测试词\t500\n", encoding="utf-8")
    hand = tmp_path / "official.tsv"
    hand.write_text("群组测试词\t100\n政务测试词\t900\n", encoding="utf-8")
    user = tmp_path / "mine.tsv"
    user.write_text("群组测试词\t50\n", encoding="utf-8")
    source = jieba_dict_path()
    built = _built_word_table([measured, hand], source, None)
    assert built.count("群组测试词") == 500
    assert built.count("政务测试词") == 900
    assert _built_word_table([measured, hand, user], source, None, users=1).count("群组测试词") == 50
    shipped = load_word_table()
    assert shipped.count("群组") == max(
        e.weight for e in parse_lexicon(builtin_lexicon_dir() / "base_wordfreq.tsv") if e.word == "群组"
    )
