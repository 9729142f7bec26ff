"""tools/build_sibling_lexicon.py on a made-up sample, and the siblings it wrote in use."""

from restore import RestoreConfig, restore_text


def test_a_compound_split_by_the_dictionary_is_found(load_tool):
    tool = load_tool("build_sibling_lexicon")
    dictionary = {"政务": 1, "数据": 1, "业务": 1}
    assert tool.splits("政务数据", dictionary)
    assert not tool.splits("政务", dictionary)  # one word is no compound
    assert not tool.splits("政务数", dictionary)


def test_a_sibling_is_written_only_where_the_text_uses_it_far_more(load_tool):
    tool = load_tool("build_sibling_lexicon")
    text = "同步业务数据。" * tool.MIN_SEEN + "政务数据共享。" * 2 + "行业标准。" * tool.MIN_SEEN
    found = tool.siblings({"政务数据": 200, "行政标准": 100, "行业规范": 100}, {"行政规范"}, text)
    # 业务数据: 50 against 2; 行业标准 stands as often but its compound 行政标准 never does
    # (written, capped at CAP times its weight); 行政规范 is listed already.
    assert found == {"业务数据": min(round(200 * 50.5 / 2.5), tool.CAP * 200), "行业标准": tool.CAP * 100}


def test_the_shipped_siblings_read_a_page_that_means_them():
    """lexicons/siblings.tsv holds 业务数据: without it 政务数据 (official.tsv) wins."""
    result = restore_text("系统每天同步*务数据和日志。", RestoreConfig(find_gaps=False))
    assert result.text == "系统每天同步业务数据和日志。"
