"""tools/build_libime_lexicon.py's own reading, on a made-up model file: kenlm and the
Debian package it reads are for the developer who rebuilds the lexicon, not for CI."""


def test_the_vocabulary_is_read_from_the_strings_at_a_kenlm_files_end(tmp_path, load_tool):
    tool = load_tool("build_libime_lexicon")
    model = tmp_path / "zh_CN.lm"
    # A KenLM binary: a header and tables, then its words, NUL-terminated, after <unk>.
    model.write_bytes(
        b"mmap lm http://kheafield.com/code\x00"
        + bytes(range(256))
        + "<unk>\x00手机党\x00微信群\x00的\x00".encode()
    )
    assert tool.vocabulary(model) == ["手机党", "微信群", "的"]


def test_names_and_non_han_words_are_left_out(load_tool):
    tool = load_tool("build_libime_lexicon")
    assert tool.may_be_a_name("陈群") and tool.may_be_a_name("王政")
    assert not tool.may_be_a_name("党媒")  # opens with a candidate, itself a surname
    assert not tool.may_be_a_name("手机党")  # 手 is no common surname
    assert not tool.may_be_a_name("吉尔伯特群岛")  # too long for a name
    assert tool.is_han_word("微信群") and not tool.is_han_word("QQ群") and not tool.is_han_word("群")
