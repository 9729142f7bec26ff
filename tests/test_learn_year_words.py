"""tools/learn_year_words.py on a small made-up sample, and the list it learned in use."""

from restore.gaps import find_gaps


def test_a_year_word_is_learned_only_where_no_number_ever_stands_before_it(load_tool):
    tool = load_tool("learn_year_words")
    lines = (
        ["请填写出生年份和月份。"] * tool.MIN_SEEN  # 年份: never after a number
        + ["2019年底完成，年底前验收。"] * tool.MIN_SEEN  # 年底: after a year's number too
        + ["青年志愿者参加了活动。"] * tool.MIN_SEEN  # 年志: only after 青, where the rule never fires
        + ["他的年薪很高。"] * (tool.MIN_SEEN - 1)  # 年薪: too rare to say
    )
    assert tool.learn(lines, frozenset("青")) == ["份"]


def test_the_learned_words_keep_the_year_rule_off_them():
    """年份 and 年薪 are in lexicons/gaps/year_words_learned.tsv: no gap before them, while
    a deleted year before 年底 is still found."""
    assert find_gaps("注册为会员年份：，去年的年薪") == []
    assert [g.offset for g in find_gaps("截至年底，全区完成了任务")] == [2]
