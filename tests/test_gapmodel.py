"""The gap model: clean text says where the gap rules are right, and the pipeline listens."""

import gzip
import json

import pytest

from restore import restore_text
from restore.config import RestoreConfig
from restore.gapmodel import GapModel, GapModelError, builtin_gap_model_path, rule_family, rule_name
from restore.gaps import find_gaps
from restore.gaptrain import count, train

# Our own sentences. 船名 and 品名 are words; 120名 and 1500名 are numbers.
SAMPLE = [
    "渔船应当标明船名和船籍港，船名不得涂改。",
    "申报单应写明货物品名、规格和数量。",
    "本次招聘共录用120名工作人员。",
    "全县共有1500名志愿者参加活动。",
] * 10


def test_rule_names_and_families():
    assert rule_name("unit:名+intact") == "unit:名"
    assert rule_family("unit:名") == "unit"
    assert rule_family("year+month") == "year"


def test_counts_label_each_place_the_rules_find():
    rules, tables, chars = count(SAMPLE)
    assert chars == sum(len(text) for text in SAMPLE) - 7 * 10  # 120 and 1500 deleted
    # the rules find 名 five times a round: twice after 船, once after 品 (words), and
    # after the two deleted numbers
    assert rules == {"unit:名": [20, 0, 30]}
    assert tables[4] == {"船名": [0, 0, 20], "品名": [0, 0, 10], "用名": [10, 0, 0], "有名": [10, 0, 0]}


def test_a_short_number_counts_where_a_number_belongs():
    """The scraper keeps 25, so 收治25例 is no gap; but read without its number it shows
    a place where a number belongs, in the short column."""
    rules, tables, _ = count(["本院收治的25例患者。"])
    assert rules == {"unit:例": [0, 1, 0]}
    assert tables[4] == {"的例": [0, 1, 0]}


def test_the_model_counts_the_places_the_filters_drop():
    """The filters (an age, an idiom, a name) drop places after the rules propose them; the
    model is counted on what the rules propose, so a better filter leaves its counts, and
    every other place's probability, where they were."""
    text = "她年逾九旬，身体硬朗。"
    assert [g.reason for g in find_gaps(text)] == []
    assert [g.reason for g in find_gaps(text, filtered=False)] == ["year"]
    rules, _, _ = count([text])
    assert rules == {"year": [0, 0, 1]}


def test_where_short_numbers_stand_a_bare_unit_is_a_deleted_number():
    """例患 never follows a deleted number in these texts, but often a short one: the model
    reads a bare 例患 as a deleted number far more readily than a 例 it has never seen a
    number before."""
    texts = ["收治的25例患者。", "治疗的12例患者。", "书中的例题。", "课本的例题很难。"] * 20
    texts += ["共收治的1234例。"] * 4  # deletions, for the rule's share of long numbers
    model = train(texts, ["sample"])
    seen_with_numbers = model.probability("院收治的例患者", 4, "unit:例")
    never_seen = model.probability("院收治的例谈", 4, "unit:例")
    # without the short column the two contexts would be equally unknown
    assert seen_with_numbers > never_seen + 0.05


@pytest.fixture(scope="module")
def model() -> GapModel:
    return train(SAMPLE, ["sample"])


def test_the_model_tells_a_word_from_a_deleted_number(model):
    assert model.probability("共录用名工作", 3, "unit:名") > 0.9
    assert model.probability("标明船名和船籍", 3, "unit:名") < 0.1


def test_a_saved_model_loads_back_the_same(model, tmp_path):
    path = tmp_path / "gaps.gz"
    model.save(path)
    again = GapModel.load(path)
    assert again.rules == model.rules
    assert [t.rows() for t in again.tables] == [t.rows() for t in model.tables]
    assert again.probability("共录用名工作", 3, "unit:名") == model.probability("共录用名工作", 3, "unit:名")


@pytest.mark.parametrize(
    ("header", "reason"),
    [
        ({"format": "restore-slot-model", "version": 1}, "not a restore gap model"),
        ({"format": "restore-gap-model", "version": 7}, "version 7"),
        ({"format": "restore-gap-model", "version": 2, "rules": {"year": [1, 0, -1]}}, "three counts"),
        ({"format": "restore-gap-model", "version": 2, "rules": {"year": [0, 0, 0]}}, "no counts"),
        ({"format": "restore-gap-model", "version": 2, "rules": {"year": [1, 0, 1]}}, "sizes"),
    ],
)
def test_a_bad_model_file_is_refused_with_its_reason(tmp_path, header, reason):
    bad = tmp_path / "bad.gz"
    bad.write_bytes(gzip.compress(json.dumps(header).encode() + b"\n"))
    with pytest.raises(GapModelError, match=reason):
        GapModel.load(bad)


def test_the_shipped_model_loads_and_knows_words_from_numbers():
    shipped = GapModel.load(builtin_gap_model_path())
    assert shipped.chars > 50_000_000
    # a product's name, "impose (a fine)" and a forum's trailing tilde hold no number;
    # "by the end of (year)" and "in all, (n) firms" do
    assert shipped.probability("货物的品名、规格", 4, "unit:名") < 0.1
    assert shipped.probability("规定的，处以罚款", 4, "unit:处") < 0.1
    assert shipped.probability("好想去看看~\n", 6, "range") < 0.1
    assert shipped.probability("截至年底", 2, "year") > 0.5
    assert shipped.probability("全省共有家企业", 4, "unit:家") > 0.5


def test_the_pipeline_drops_a_gap_the_model_vetoes_and_keeps_the_rest():
    text = "申报单应写明货物的品名、规格。截至年底，全省共有家企业。"
    with_model = {e.start for e in restore_text(text).edits if e.kind == "gap"}
    rules_alone = {
        e.start for e in restore_text(text, RestoreConfig(builtin_context=False)).edits if e.kind == "gap"
    }
    name = text.index("品名") + 1
    assert name in rules_alone and name not in with_model
    assert {text.index("年底"), text.index("家企业")} <= with_model


@pytest.mark.parametrize("text", ["建建建建名*", "共有名*员参加，品名*", "截至年底*建名录"])
def test_the_model_reads_the_text_as_a_second_run_would(text):
    """The veto is decided on the text with its restorations filled in, so a second
    run over the output, where they are plain text, decides the same."""
    first = restore_text(text)
    assert restore_text(first.text).text == first.text


def _with_probabilities(model, monkeypatch, odds):
    """``model`` answering each offset's probability from ``odds``."""
    monkeypatch.setattr(model, "probability", lambda text, offset, reason: odds[offset])
    return model


def test_a_doubtful_place_needs_confident_company_on_its_page(model, monkeypatch):
    short = "甲" * 100
    model = _with_probabilities(model, monkeypatch, {0: 0.9, 1: 0.9, 2: 0.45, 3: 0.2, 4: 0.05})
    assert model.supported(short, [(2, "unit:个")]) == [False]
    assert model.supported(short, [(3, "unit:个")]) == [False]
    # one confident place in 100 characters: company enough for both doubtful ones
    assert model.supported(short, [(1, "year"), (2, "unit:个"), (3, "unit:个")]) == [True, True, True]
    # ... and nothing lifts a place under the veto
    assert model.supported(short, [(1, "year"), (4, "unit:个")]) == [True, False]
    # in 800 characters one confident place vouches for a fairly doubtful place only
    middling = "甲" * 800
    assert model.supported(middling, [(1, "year"), (2, "unit:个"), (3, "unit:个")]) == [True, True, False]
    # in 2,000 characters one is too thin a company even for that (a story with one year)
    long = "甲" * 2000
    assert model.supported(long, [(1, "year"), (2, "unit:个"), (3, "unit:个")]) == [True, False, False]
    assert model.supported(long, [(0, "year"), (1, "year"), (2, "unit:个")]) == [True, True, True]
    # a rule the model is not asked about stands, and is no company
    assert model.supported(short, [(4, "url"), (2, "unit:个")]) == [True, False]
    # ... except a “+” in quotes, which needs company as a fairly doubtful place does
    assert model.supported(short, [(4, "quoted-plus")]) == [False]
    assert model.supported(short, [(1, "year"), (4, "quoted-plus")]) == [True, True]
    assert model.supported(long, [(1, "year"), (4, "quoted-plus")]) == [True, False]


def test_a_story_keeps_its_measure_word_while_a_report_marks_the_same_place():
    """盖了座小木屋 drops 一 in speech; in a report full of deleted figures the same
    doubtful place is a deleted count."""
    story = "那年冬天，他们在山脚下盖了座小木屋，一住就是很多年。"
    report = "据统计，年全市新建了座小木屋，总投资亿元，比上年增长.5%。"
    assert not [e for e in restore_text(story).edits if e.kind == "gap"]
    marked = {e.start for e in restore_text(report).edits if e.kind == "gap"}
    assert report.index("座小木屋") in marked


def test_on_a_page_of_speech_a_confident_place_under_sure_needs_company_too(model, monkeypatch):
    """Posts and stories hold few numbers: there a place the model gives 0.7 is kept only
    beside another confident place; one it gives 0.95 stands alone, as on any page."""
    spoken = "我跟你说吧" * 20
    formal = "甲" * 100
    model = _with_probabilities(model, monkeypatch, {1: 0.7, 2: 0.95, 3: 0.7})
    assert model.supported(formal, [(1, "year")]) == [True]
    assert model.supported(spoken, [(1, "year")]) == [False]
    assert model.supported(spoken, [(2, "year")]) == [True]
    assert model.supported(spoken, [(1, "year"), (3, "unit:个")]) == [True, True]


def test_an_empty_pair_of_quotes_needs_a_damaged_page_around_it():
    """“” is an empty string on a clean technical page and a deleted number (《1984》) on a
    damaged one: two characters each side cannot tell them apart, the page can."""
    clean = "将变量设为“”即可清空。字符串“”表示空值，长度为 0。"
    damaged = "截至年底，全省共有家企业参加《》评选。"
    assert not [e for e in restore_text(clean).edits if e.kind == "gap"]
    assert damaged.index("》") in {e.start for e in restore_text(damaged).edits if e.kind == "gap"}
