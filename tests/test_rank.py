"""mask + context + lexicon -> ranked candidates with a confidence."""

import json
from dataclasses import replace
from pathlib import Path

import pytest

from restore import RestoreConfig, Restorer, restore_text
from restore.context import ContextModel
from restore.rank import EMPHASIS_PAIR, TOO_LONG

CASES = Path(__file__).parent / "cases"
OUT_OF_ALPHABET = json.loads((CASES / "out_of_alphabet.json").read_text(encoding="utf-8"))["cases"]


def masks(result):
    return [e for e in result.edits if e.kind == "mask"]


@pytest.mark.parametrize(
    "damaged, restored",
    [
        ("坚持以*建引领", "坚持以党建引领"),
        ("严格落实**“一把手”工作责任制", "严格落实党政“一把手”工作责任制"),
        ("全面落实各项*策", "全面落实各项政策"),
        ("增补为*治局委员", "增补为政治局委员"),
        ("加快发展现代产*体系", "加快发展现代产业体系"),
        ("密切联系*众", "密切联系群众"),
    ],
)
def test_clear_contexts_are_restored(damaged, restored):
    result = restore_text(damaged, RestoreConfig(find_gaps=False))
    assert result.text == restored
    assert all(e.confidence >= 0.9 for e in masks(result))


def test_runs_are_decoded_jointly_with_one_edit():
    (edit,) = masks(restore_text("严格落实**“一把手”", RestoreConfig(find_gaps=False)))
    assert (edit.start, edit.end) == (4, 6)
    assert edit.replacement == "党政"
    assert all(len(reading) == 2 for reading, _ in edit.candidates)


def test_candidates_are_ranked_probabilities():
    (edit,) = masks(restore_text("充分发挥*委的作用", RestoreConfig(find_gaps=False, min_confidence=0)))
    probs = [p for _, p in edit.candidates]
    assert probs == sorted(probs, reverse=True)
    assert all(0.0 <= p <= 1.0 for p in probs)
    assert 0.0 <= edit.confidence <= 1.0
    assert sum(probs) <= 1.0 + 1e-9


def test_below_min_confidence_is_left_with_its_candidates():
    result = restore_text("充分发挥*委的作用", RestoreConfig(find_gaps=False, min_confidence=1.0))
    (edit,) = masks(result)
    assert edit.replacement is None
    assert edit.candidates, "an unresolved mask reports its ranked candidates"
    assert result.text == "充分发挥*委的作用"


def test_same_context_in_one_document_gets_the_same_answer():
    text = "一是加强*委建设。二是加强*委建设。三是加强*委建设。"
    edits = masks(restore_text(text, RestoreConfig(find_gaps=False, min_confidence=0)))
    assert len({(e.replacement, round(e.confidence, 6)) for e in edits}) == 1


def test_a_character_seen_unmasked_is_never_a_candidate():
    # 政 appears unmasked, so the filter did not hide it here.
    result = restore_text("政府支持，*委领导", RestoreConfig(find_gaps=False, min_confidence=0))
    (edit,) = masks(result)
    assert "政" not in result.alphabet
    assert all("政" not in reading for reading, _ in edit.candidates)


def test_censor_insertion_is_reported_not_restored():
    result = restore_text("打倒共*产*党的谣言", RestoreConfig(find_gaps=False))
    assert result.text == "打倒共*产*党的谣言"
    assert {e.note for e in masks(result)} == {"censor-insertion"}


def test_redaction_is_reported_not_restored():
    result = restore_text("据悉*****建设", RestoreConfig(find_gaps=False))
    (edit,) = masks(result)
    assert edit.replacement is None and edit.note == "redaction"


def test_a_run_longer_than_any_filter_leaves_is_the_pages_own():
    # Four candidates never stand together in running text: 政党政党 is no filter's run.
    result = restore_text("验证码已发送至您的手机，请输入****。", RestoreConfig(find_gaps=False))
    (edit,) = masks(result)
    assert edit.replacement is None and edit.note == TOO_LONG


def test_a_bold_pair_that_no_word_holds_is_the_pages_own():
    result = restore_text("这次活动**非常成功**，感谢大家的支持！", RestoreConfig(find_gaps=False))
    assert result.text == "这次活动**非常成功**，感谢大家的支持！"
    assert [e.note for e in masks(result)] == [EMPHASIS_PAIR, EMPHASIS_PAIR]


def test_italics_that_close_a_clause_and_no_word_holds_are_the_pages_own():
    result = restore_text("昨天跟朋友去吃了火锅，味道*真不错*，下次还来。", RestoreConfig(find_gaps=False))
    assert result.text == "昨天跟朋友去吃了火锅，味道*真不错*，下次还来。"
    assert [e.note for e in masks(result)] == [EMPHASIS_PAIR, EMPHASIS_PAIR]


def test_a_pair_of_runs_a_word_holds_at_one_end_is_two_masks():
    # 执政党 holds the first run; the second reads 政党 on its own.
    text = "在欧洲议会选举中，法国执**得票率远低于极右翼**，总统马克龙随即宣布解散国民议会。"
    result = restore_text(text, RestoreConfig(find_gaps=False))
    assert (
        result.text == "在欧洲议会选举中，法国执政党得票率远低于极右翼政党，总统马克龙随即宣布解散国民议会。"
    )


def test_four_symbols_of_a_two_symbol_filter_are_two_characters():
    result = restore_text("**员干部要加强**风建设，落实****“一把手”责任", RestoreConfig(find_gaps=False))
    assert result.text == "党员干部要加强党风建设，落实党政“一把手”责任"


@pytest.mark.parametrize("case", OUT_OF_ALPHABET, ids=[c["text"] for c in OUT_OF_ALPHABET])
def test_out_of_alphabet_masks_are_not_filled(case):
    result = restore_text(case["text"], RestoreConfig(find_gaps=False))
    assert [e.replacement for e in masks(result)] == [None] * len(masks(result))
    assert masks(result), "the mask must still be reported"


def test_user_lexicon_changes_the_ranking(tmp_path, monkeypatch):
    monkeypatch.setenv("RESTORE_CACHE_DIR", "")  # the cache has its own tests; packing it is slow
    text = "甲*乙"
    default = masks(restore_text(text, RestoreConfig(find_gaps=False, min_confidence=0)))[0]
    lexicon = tmp_path / "mine.tsv"
    lexicon.write_text("甲政乙\t100000\n", encoding="utf-8")
    custom = masks(
        Restorer(RestoreConfig(find_gaps=False, min_confidence=0, lexicons=(lexicon,))).restore(text)
    )[0]
    assert default.replacement != "政"
    assert custom.replacement == "政"


def test_learned_model_changes_the_ranking(tmp_path):
    path = tmp_path / "model.gz"
    ContextModel.learn(["甲政乙。"] * 5000, "党政群业").save(path)
    # 政 and 业 stand alone with the same count: a coin toss for the lattice. The pages
    # before showed that the filter hides both.
    text = "。*乙。"
    shown = dict.fromkeys("政业", 0.98)
    config = RestoreConfig(find_gaps=False, min_confidence=0, candidates="政业")
    default = masks(Restorer(config).restore(text, filter_prior=shown))[0]
    learned = masks(Restorer(replace(config, model=path)).restore(text, filter_prior=shown))[0]
    assert default.confidence < 0.5
    assert learned.replacement == "政"
    assert learned.confidence > 0.75


def test_a_context_model_moves_probability_only_between_candidates(tmp_path):
    """It knows the candidates, not "some other character": OTHER keeps its share."""
    from restore.model import Mask
    from restore.rank import OTHER, RunScore, _rescore

    model = ContextModel.learn(["甲政乙。"] * 50 + ["丙党丁。"] * 50, "党政")
    score = RunScore((("党", 0.3), ("政", 0.3), (OTHER, 0.4)), 0.2)
    text = "甲*乙"
    rescored = dict(_rescore(text, Mask(1, 2), score, [(model, 1.0)], "党政", "*").readings)
    assert rescored[OTHER] == pytest.approx(0.4)
    assert rescored["政"] > 0.55 > 0.05 > rescored["党"]


def test_a_context_the_model_never_saw_is_no_evidence():
    model = ContextModel.learn(["甲政乙。", "丙党丁。"], "党政")
    for ch in "党政":
        assert model.evidence("子丑", ch, "寅卯", "党政") == pytest.approx(1.0)
    assert model.evidence("甲", "政", "乙", "党政") > 1.0 > model.evidence("甲", "党", "乙", "党政")


def test_the_builtin_context_model_reads_across_word_boundaries():
    """行政 and 行业 are both words; only the next character (政令, 政检查) tells them apart."""
    text = "该市临时出台的行*令被法院撤销。"
    with_model = masks(restore_text(text, RestoreConfig(find_gaps=False, min_confidence=0)))[0]
    without = masks(
        restore_text(text, RestoreConfig(find_gaps=False, min_confidence=0, builtin_context=False))
    )[0]
    assert with_model.replacement == "政"
    assert with_model.confidence > dict(without.candidates).get("政", 0.0)


@pytest.mark.parametrize("text", ["会见后，吴*隆出席了签字仪式。", "吴*隆出席座谈会。"])
def test_a_listed_public_figure_is_restored_in_a_name_slot(text):
    (edit,) = masks(restore_text(text, RestoreConfig(find_gaps=False)))
    assert edit.replacement == "政"


def test_an_unlisted_name_stays_unknown():
    (edit,) = masks(restore_text("吴*明参加会见。", RestoreConfig(find_gaps=False)))
    assert edit.replacement is None


def test_a_mask_left_alone_keeps_the_report_of_the_text_as_given():
    """After every candidate is restored somewhere, a second round sees none of them hidden;
    the mask it leaves keeps the first round's candidates, which a person can act on."""
    text = "坚持以*建引领，全面落实各项*策，密切联系*众，加快发展现代产*体系。甲*乙"
    *restored, left = masks(restore_text(text, RestoreConfig(find_gaps=False)))
    assert [e.replacement for e in restored] == list("党政群业")
    assert left.replacement is None
    assert left.note == "below --min-confidence"
    assert len(left.candidates) >= 2


@pytest.mark.parametrize(
    "damaged, restored",
    [
        (
            "通讯：\n*的二十大以来，全市持续壮大特色产*。",
            "通讯：\n党的二十大以来，全市持续壮大特色产业。",
        ),
        ("落实“厂务公开”、“*务公开”。力求勤*、高效。", "落实“厂务公开”、“政务公开”。力求勤政、高效。"),
    ],
)
def test_a_pair_shaped_like_emphasis_is_two_masks_when_both_ends_make_words(damaged, restored):
    assert restore_text(damaged, RestoreConfig(find_gaps=False)).text == restored


def test_a_unit_that_makes_a_word_with_what_follows_is_no_number_slot():
    """名 after a mask is a measure word in 共*名干部 (a hidden digit), but 名誉 is a word."""
    party = masks(restore_text("国民*名誉主席访问大陆。", RestoreConfig(find_gaps=False)))[0]
    count = masks(restore_text("共*名干部参加。", RestoreConfig(find_gaps=False)))[0]
    assert party.replacement == "党"
    assert count.replacement is None


@pytest.mark.parametrize("text", ["这家店味道不错，**，下次还来。", "评分：好、**、差", "第一，**，第二"])
def test_an_isolated_run_is_reported_not_filled_from_its_prior(text):
    (edit,) = masks(restore_text(text, RestoreConfig(find_gaps=False)))
    assert edit.replacement is None


@pytest.mark.parametrize(
    "text",
    [
        "老周说：我年轻时读过马克思的“***宣言”，那时候群众都爱读书。",
        "新帖 闲聊\n再也没有***思想了。\n大伙都进企业打工。",
    ],
)
def test_a_seen_character_does_not_lend_its_words_to_the_lattice(text):
    """A poster's own ``***`` (共产党) is no reading of 党政群业 once 群 or 业 is seen:
    with them out of the lattice, no reading of the run is good enough to fill."""
    (edit,) = [e for e in restore_text(text).edits if e.kind == "mask"]
    assert edit.replacement is None


def test_a_later_scan_that_splits_a_reported_run_never_overlaps_its_report(monkeypatch):
    """The fixpoint rescans the filled text; should a page convention then read only part
    of a run left alone as a mask, the run keeps its first report: edits never overlap."""
    from restore.model import Mask
    from restore.pipeline import Restorer

    restorer = Restorer(RestoreConfig(find_gaps=False, min_confidence=0.9))
    scan = Restorer._scan

    def splitting(self, text):
        return [Mask(m.start, m.end - 1, m.state) if m.length > 1 else m for m in scan(self, text)]

    monkeypatch.setattr(Restorer, "_scan", splitting)
    result = restorer.restore("坚持*建引领，这是**的事，加强*委建设。")  # ** left alone, the rest filled
    spans = sorted((e.start, e.end) for e in result.edits)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))
    assert (9, 11) in spans


@pytest.mark.parametrize(
    "text, restored",
    [
        ("坚持***机关作风建设。", "党政群"),  # 党政群机关
        ("研究***治的发展。", "政党政"),  # 政党|政治
    ],
)
def test_a_long_run_that_words_hold_is_restored(text, restored):
    config = RestoreConfig(find_gaps=False, candidates="党政群业")
    (edit,) = masks(restore_text(text, config))
    assert edit.replacement == restored


def test_a_long_run_no_words_hold_is_left_with_its_reading():
    """A poster's own ``***`` (共产党) reads best as 党政党 among four candidates, but
    no split into words holds all three: the filter's runs stand where its characters
    stand together."""
    config = RestoreConfig(find_gaps=False, candidates="党政群业")
    (edit,) = masks(restore_text("他引用了“***宣言”里的一句话。", config))
    assert edit.replacement is None
    assert edit.candidates[0][0] == "党政党"
    assert "no words" in (edit.note or "")


@pytest.mark.parametrize("repeats", [2, 4])
def test_a_repeated_context_is_one_piece_of_evidence_about_the_filter(repeats):
    """「太子*」 read by the word lattice leans to 群. Four copies of it on a page must not
    outvote what the input's earlier pages showed (a filter of 党 and 政): the page's
    answer is the same as with one copy (before, four copies read 群 at 0.87)."""
    prior = {"党": 0.98, "政": 0.98, "群": 0.02, "业": 0.02}
    restorer = Restorer(RestoreConfig(find_gaps=False))

    def last_mask(n):
        text = "共产*的干部。" + "这在中共「太子*」成员中是绝无仅有的。" * n
        edits = [e for e in restorer.restore(text, filter_prior=prior).edits if e.kind == "mask"]
        return edits[-1].replacement, edits[-1].confidence

    once, again = last_mask(1), last_mask(repeats)
    assert once[0] == again[0] == "党"
    assert again[1] == pytest.approx(once[1], abs=0.01)  # only the page's length differs


@pytest.mark.parametrize(
    "text",
    [
        "几位连长赶到现场，*委赵振国介绍了情况。",
        "守候在路口的孙立平*委发现了问题。",
        "报道说，*委叫钱文斌，今年四十岁。",
    ],
)
def test_the_committee_beside_a_personal_name_is_the_title(text):
    """党委 and the title 政委 differ in one hidden character; beside a personal name the
    title stands, so it is written where the alphabet holds 政 (TITLE_CONFIDENCE), and
    where it does not, 党委 stays under the threshold (TITLE_OR_BODY_CAP)."""
    from restore.rank import TITLE_CONFIDENCE, TITLE_OR_BODY_CAP

    (edit,) = masks(restore_text(text, RestoreConfig(find_gaps=False)))
    assert edit.replacement == "政"
    assert edit.confidence == TITLE_CONFIDENCE == edit.candidates[0][1]
    assert sum(p for _, p in edit.candidates) <= 1.0 + 1e-9
    (party,) = masks(restore_text(text, RestoreConfig(find_gaps=False, candidates="党群")))
    assert party.replacement is None
    assert party.candidates[0][0] == "党" and party.confidence <= TITLE_OR_BODY_CAP


@pytest.mark.parametrize("text", ["县*委张明书记主持会议。", "县*委张明副书记主持会议。"])
def test_beside_a_name_that_holds_an_office_the_title_is_not_written(text):
    """张明书记 is the committee's secretary: the body before the name is 党委, the title
    政委 is not written, and 党委 stays under the threshold."""
    from restore.rank import TITLE_OR_BODY_CAP

    (edit,) = masks(restore_text(text, RestoreConfig(find_gaps=False)))
    assert edit.replacement is None
    assert edit.candidates[0][0] == "党" and edit.confidence <= TITLE_OR_BODY_CAP


@pytest.mark.parametrize("text", ["镇*委王书记主持会议，", "学院*委常委会研究决定。"])
def test_the_committee_before_a_surname_and_a_title_is_still_written(text):
    (edit,) = masks(restore_text(text, RestoreConfig(find_gaps=False)))
    assert edit.replacement == "党"


def test_a_posts_action_between_stars_is_not_two_masks():
    """学生*捂脸*: the closing star makes no word with any candidate (捂脸党?), so the pair is
    the post's own action, opener included (学生党 would be a word). A filter's pair at a
    line's end has a word at its closing star too (一*专*: 专政), and stays two masks."""
    config = RestoreConfig(find_gaps=False)
    action = restore_text("又是一个人吃饭的学生*捂脸*", config)
    assert action.text == "又是一个人吃饭的学生*捂脸*"
    assert [e.note for e in action.edits] == [EMPHASIS_PAIR, EMPHASIS_PAIR]
    masked = restore_text("缅甸军政府继续一*专*", config)
    assert [e.note for e in masked.edits] != [EMPHASIS_PAIR, EMPHASIS_PAIR]
    assert all(e.candidates for e in masked.edits)
