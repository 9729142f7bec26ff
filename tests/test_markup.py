"""Markdown pages and emphasis pairs: stars that are markup, not masks."""

from restore.markup import Pair, emphasis_pairs, looks_like_markdown

MARKDOWN_PAGE = """# 如何写出好的代码

命名变量时要注意**一致性**，做到这点*并不*困难。

- 用 `git` 管理代码
- 参考[文档](https://example.org/docs)
"""


def test_a_page_with_two_kinds_of_sign_is_markdown():
    assert looks_like_markdown(MARKDOWN_PAGE)


def test_scraped_plain_text_is_not_markdown():
    assert not looks_like_markdown(
        "坚持以*建引领乡村治理，各级*委要把责任扛在肩上，认真落实**“一把手”负责制。"
    )
    # one sign alone is chance
    assert not looks_like_markdown("# 通知\n各单位：请于本周五前提交材料。**工作要点见附件。")


def test_pairs_are_matched_by_length_and_leave_a_mask_inside_bold():
    text = "这是**落实*委各项部署**的要求"
    assert emphasis_pairs(text, "*") == [Pair(2, 4, 12, 14)]


def test_bold_fused_with_a_mask_pairs_its_outer_two_stars():
    """**政府……** filtered is ***府……**, and **……失业** is **……失***: the bold is the
    two outer stars of the run of three, the star beside the text a mask."""
    opened = "说***府会投资这些方向**。"
    assert emphasis_pairs(opened, "*") == [Pair(1, 3, 12, 14)]
    closed = "这会**造成失***。"
    assert emphasis_pairs(closed, "*") == [Pair(2, 4, 8, 10)]
    # three stars on both sides stay a pair of three (bold italics)
    assert emphasis_pairs("这是***重点***。", "*") == [Pair(2, 5, 7, 10)]


def test_bold_pairs_before_single_stars_so_masks_do_not_swallow_it():
    """从*人员 … 分析行*数据 would pair as italics across the bold opener between them and
    leave the bold unpaired; bold is paired first, and a pair of single stars may not
    cross it (one star outside the bold, one inside): both stay masks."""
    text = "从*人员简称数据师。就是**数据分析师，分析行*数据。** 现在"
    assert emphasis_pairs(text, "*") == [Pair(12, 14, 27, 29)]
    # italics around bold, and bold around italics, still pair
    assert emphasis_pairs("*x **y** z*", "*") == [Pair(0, 1, 10, 11), Pair(3, 5, 6, 8)]
    assert emphasis_pairs("**x *y* z**", "*") == [Pair(0, 2, 9, 11), Pair(4, 5, 6, 7)]
    # two single stars in two different bold spans do not pair
    assert emphasis_pairs("**x *y** **z* w**", "*") == [Pair(0, 2, 6, 8), Pair(9, 11, 15, 17)]


def test_a_single_star_does_not_open_before_a_comma_nor_close_after_an_opening_mark():
    """服务*，尤其是旅游*， holds two masks (服务业, 旅游业): italics never open before a
    comma. Italics around a parenthesis, and bold before a colon, still pair."""
    assert emphasis_pairs("集中在服务*，尤其是旅游*，他希望", "*") == []
    assert emphasis_pairs("加一个*（如果需要）*。", "*") == [Pair(3, 4, 10, 11)]
    assert emphasis_pairs("**注意：**内容", "*") == [Pair(0, 2, 5, 7)]


def test_a_mask_inside_italics_gives_the_opener_back_to_the_last_star():
    """*看共产*宣言，解读演讲*: the star between two Han characters is a mask inside the
    italics (共产党宣言), and the lone last star closes them; a star before ] opens nothing."""
    assert emphasis_pairs("- [*看共产*宣言，解读演讲*](./a.md)", "*") == [Pair(3, 4, 15, 16)]
    # two italic words on a line keep their own pairs
    assert emphasis_pairs("这是*斜体*文字，另一个*词*。", "*") == [Pair(2, 3, 5, 6), Pair(12, 13, 14, 15)]


def test_a_list_marker_opens_nothing_and_runs_do_not_pair_across_lines():
    text = "* *建工作要点\n其实*非常\n简单*"
    assert emphasis_pairs(text, "*") == []


def test_single_stars_pair_as_italics():
    text = "其实*非常*简单"
    assert emphasis_pairs(text, "*") == [Pair(2, 3, 5, 6)]


def test_a_lone_closing_star_takes_the_opener_from_a_star_after_a_han_word():
    """*一些有趣的商* idea*: the greedy pairing closes at 商*, leaving the last star alone;
    the last star closes the italics, and 商* (商业, its 业 hidden) is left to be read."""
    text = "— *一些有趣的商* idea*"
    assert emphasis_pairs(text, "*") == [Pair(2, 3, 15, 16)]


def test_italics_closed_before_a_space_keep_their_pair_without_a_lone_star_after():
    text = "— *一些有趣的商* idea"
    assert emphasis_pairs(text, "*") == [Pair(2, 3, 9, 10)]
