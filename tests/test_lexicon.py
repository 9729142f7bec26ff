"""Lexicon files: every shipped file is well formed, sorted and unique; bad lines are reported."""

from pathlib import Path

import pytest

from restore.lexicon import LexiconError, builtin_lexicon_files, parse_lexicon
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


def test_user_lexicon_adds_words_and_prefixes(tmp_path):
    user = tmp_path / "user.tsv"
    user.write_text("政党测试词语\t77\n", encoding="utf-8")
    table = load_word_table((user,))
    assert table.count("政党测试词语") == 77
    assert table.count("政党测试词") is not None  # a prefix (count 0) or a word
    assert table.count("政党测试") is not None
    assert table.count("政党测试词语外") is None
