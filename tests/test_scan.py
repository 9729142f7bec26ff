"""text -> masks: what is a mask and what is not (labelled cases in tests/cases/)."""

import json
from pathlib import Path

import pytest

from restore import RestoreConfig, restore_text
from restore.model import MaskState
from restore.scan import find_masks

CASES = Path(__file__).parent / "cases"
NOT_MASKS = json.loads((CASES / "not_masks.json").read_text(encoding="utf-8"))["cases"]
MASKS = json.loads((CASES / "masks.json").read_text(encoding="utf-8"))["cases"]


@pytest.mark.parametrize("case", NOT_MASKS, ids=[c["why"] for c in NOT_MASKS])
def test_not_a_mask(case):
    assert find_masks(case["text"]) == []


@pytest.mark.parametrize("case", MASKS, ids=[c["text"] for c in MASKS])
def test_mask_spans(case):
    assert [[m.start, m.end] for m in find_masks(case["text"])] == case["spans"]


def test_long_run_is_a_redaction():
    (mask,) = find_masks("他说*****建设")
    assert (mask.start, mask.end, mask.state) == (2, 7, MaskState.REDACTION)


def test_max_run_is_configurable():
    assert find_masks("他说***建设", RestoreConfig(max_run=2))[0].state is MaskState.REDACTION
    assert find_masks("他说***建设", RestoreConfig(max_run=3))[0].state is MaskState.OPEN


def test_mask_symbols_are_configurable():
    assert find_masks("坚持#建引领") == []
    assert [(m.start, m.end) for m in find_masks("坚持#建引领", RestoreConfig(mask_symbols="#"))] == [(2, 3)]


def test_censor_chain_is_marked_for_the_ranker():
    masks = find_masks("打倒共*产*党！")
    assert [m.state for m in masks] == [MaskState.INSERTION_QUESTION] * 2


def test_clean_text_has_no_masks():
    assert find_masks("这里没有任何星号。") == []


def test_a_double_footnote_marker_opens_a_note_but_a_word_before_it_makes_a_mask():
    assert find_masks("注**：见附录。", RestoreConfig()) == []
    assert [(m.start, m.end) for m in find_masks("我们关注**：一是作风。", RestoreConfig())] == [(4, 6)]


def test_bold_inline_code_on_a_markdown_page_is_markup():
    """``**`编号`**和**`金额`**``: the pairs are CommonMark's, so the ``**`` around 和
    (which look like one bold span from outside) close one and open the other."""
    text = "## 示例\n\n接口会把订单的**`编号`**和**`金额`**写进日志，最后调用 `flush` 保存。\n"
    assert find_masks(text) == []


def test_stars_a_page_writes_before_numbers_are_its_notation():
    text = "工资构成：岗位工资*40%，绩效奖金*35%，工龄补贴*5%，其他津贴*（15%+5%），由*委研究决定。"
    masks = find_masks(text)
    assert [text[m.start - 1 : m.end + 1] for m in masks] == ["由*委"]


def test_the_notation_is_the_last_star_of_a_run_the_stars_before_it_are_masks():
    """On a page whose filter hid 业 and whose author writes rates with a star, 企**20%
    is a mask (企业) and the rate's star; a third of the runs before different numbers
    is enough when the filter's own masks are many."""
    text = (
        "单位缴费：养老企**16%，养老个人*8%，失*企**0.5%，失*个人*0.5%，医疗企**（8%+1%），"
        "医疗个人*2%。企*和个人都要缴纳，就*和创*也都要考虑，农*户口另行规定，专*机构代办。"
    )
    masks = find_masks(text)
    starred = {i for m in masks for i in range(m.start, m.end)}
    before_numbers = [i for i, ch in enumerate(text) if ch == "*" and text[i + 1] in "0123456789（"]
    assert len(before_numbers) == 6 and not starred & set(before_numbers)
    assert len(masks) == 10 and all(m.length == 1 for m in masks)
    assert text.index("企**16") + 1 in starred
    restored = restore_text(text).text
    assert "养老企业*16%" in restored and "医疗个人*2%" in restored


def test_one_number_repeated_after_masks_is_no_notation():
    """A list's name (企*50强) repeated is a filter's masks before one number, however
    many of the page's runs it makes."""
    text = "民营企*50强名单公布。民营企*50强中，科技企*50强占一半。*委、*府都来了。"
    assert len(find_masks(text)) == 5


def test_a_mask_before_a_number_on_a_filtered_page_is_still_a_mask():
    text = "老*员入*56年了，一直坚持*的领导，*委书记来看望他。"
    masks = find_masks(text)
    assert "入*5" in [text[m.start - 1 : m.end + 1] for m in masks]


def test_half_of_a_filtered_pages_masks_before_numbers_are_still_masks():
    text = "民营企*50强名单公布，创新型民营企*50强名单公布，入围企*50强。*委、*府、产*园区都来了。"
    assert len(find_masks(text)) == 6


def test_spans_say_where_the_positions_they_hold_end_and_begin():
    from restore.scan import Spans

    spans = Spans([(2, 4), (4, 6), (10, 12)])
    assert spans.end_from(2) == 6 and spans.end_from(5) == 6 and spans.end_from(7) == 7
    assert spans.start_before(5) == 2 and spans.start_before(11) == 10 and spans.start_before(8) == 9
