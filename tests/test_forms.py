"""Stars that open a form's labels: required-field marks, or a filtered page's masks.

The scanner leaves two or more stars before labels at line or cell starts as a
``FIELD_QUESTION``; the ranker reads each as a mask, and as the form's mark where no word
holds it (``*姓名：``), or, on a page that is a form, where its label begins a word of its
own. Marks are reported, never filled, and are not damage.
"""

from restore import restore_text
from restore.config import RestoreConfig
from restore.model import MaskState
from restore.scan import find_masks

CONFIG = RestoreConfig(find_gaps=False)


def restored(text):
    return [(text[e.start : e.end], e.replacement) for e in restore_text(text, CONFIG).edits if e.replacement]


def damage(text):
    return [e for e in restore_text(text, CONFIG).edits if e.is_damage]


def test_a_filtered_form_keeps_its_required_field_marks_and_restores_its_masks():
    text = "流动*员登记表\n*姓名   *性别   *民族\n*原所在*组织：____"
    states = [m.state for m in find_masks(text, CONFIG)]
    assert states.count(MaskState.FIELD_QUESTION) == 4  # 姓名 性别 民族 原所在
    assert restore_text(text, CONFIG).text == "流动党员登记表\n*姓名   *性别   *民族\n*原所在党组织：____"
    assert restored(text) == [("*", "党"), ("*", "党")]
    assert len(damage(text)) == 2  # the marks are reported, and are not damage


def test_labels_that_need_a_candidate_are_a_filtered_list():
    officials = "领导班子\n*委书记：王某\n*委副书记：李某\n*组成员：赵某"
    assert (
        restore_text(officials, CONFIG).text == "领导班子\n党委书记：王某\n党委副书记：李某\n党组成员：赵某"
    )


def test_labels_that_begin_words_of_their_own_are_a_form():
    """委托人 begins with 委托, though a candidate could make 党委 of it."""
    text = "委托书\n*委托人：\n*受托人：\n*委托事项：代为办理工商登记"
    assert restore_text(text, CONFIG).text == text
    assert damage(text) == []


def test_one_starred_label_is_no_form():
    text = "基层组织建设\n*建工作：全面推进"
    assert [m.state for m in find_masks(text, CONFIG)] == [MaskState.OPEN]
    assert restore_text(text, CONFIG).text == "基层组织建设\n党建工作：全面推进"


def test_a_page_that_writes_its_own_notes_doubts_a_star_no_word_holds():
    """*注： shows the page writing stars itself: the *本计划 that no word holds is one more
    of its notes, while the masks words hold (党员, 党组织) are still filled."""
    plan = "计划发展*员1—2名。\n*本计划根据上级*组织要求制定。\n"
    assert restore_text(plan, CONFIG).text == "计划发展党员1—2名。\n党本计划根据上级党组织要求制定。\n"
    noted = plan + "*注：以上为初步安排。\n"
    assert (
        restore_text(noted, CONFIG).text
        == "计划发展党员1—2名。\n*本计划根据上级党组织要求制定。\n*注：以上为初步安排。\n"
    )


def test_labels_at_line_ends_are_read_in_crlf_files_too():
    text = "登记表\r\n*姓名\r\n*性别\r\n*民族\r\n"
    assert [m.state for m in find_masks(text, CONFIG)] == [MaskState.FIELD_QUESTION] * 3
    assert restore_text(text, CONFIG).text == text


def test_a_form_page_takes_labels_that_begin_words_of_their_own():
    """身高 and 血压 are marks no word holds, so the page is a form: 体重 and 内科检查 begin
    words of their own, and their stars are marks too, though 群体 and 党内 are likelier."""
    text = "体检表\n*体重：____kg  *身高：____cm\n*血压：____/____mmHg\n*内科检查：心肺未见异常"
    assert restore_text(text, CONFIG).text == text


def test_stars_that_words_hold_are_masks_though_their_labels_begin_words():
    text = "主要任务\n*史学习教育：深入开展\n*组织建设：持续加强"
    assert restore_text(text, CONFIG).text == "主要任务\n党史学习教育：深入开展\n党组织建设：持续加强"


def test_a_note_line_is_no_field_and_a_second_run_changes_nothing():
    text = "领导班子\n*委书记：王某\n*组成员：赵某\n*注：以上排名不分先后"
    first = restore_text(text, CONFIG).text
    assert first == "领导班子\n党委书记：王某\n党组成员：赵某\n*注：以上排名不分先后"
    assert restore_text(first, CONFIG).text == first
