"""Golden test on the seed page (seeds/), the real page exactly as scraped.

All 21 masks must come out right (12 x 党, 9 x 政, the ``**`` as 党政), every place
listed in the issue must carry a gap marker, and the listed non-gaps must not. The
expected characters are written here from reading the page, not from the tool.
"""

from pathlib import Path

import pytest

from restore import RestoreConfig, restore_text

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_1ac4172153e80d19.txt"
M = RestoreConfig().gap_marker

# Each mask, in page order, with a snippet that locates it and its true reading.
MASKS = [
    ("个行*村", "政"),
    ("最大*治任务", "政"),
    ("\n*建引领", "党"),
    ("各村*支部", "党"),
    ("坚持以*建", "党"),
    ("发挥*委", "党"),
    ("落实**“一把手”", "党政"),
    ("强化*组织", "党"),
    ("建立*组织", "党"),
    ("、*小组", "党"),
    ("推行*员", "党"),
    ("多名*员", "党"),
    ("率下,*员", "党"),
    ("搬迁*策", "政"),
    ("广场、*群活动", "党"),
    ("民之所盼,*之所向", "政"),
    ("倾斜*策", "政"),
    ("各项*策", "政"),
    ("整合财*专项", "政"),
    ("时*、社会", "政"),
]

GAPS = [
    "由{M}年的{M}元增加到{M}年的{M}.39元",
    "\n{M}个行政村",
    "“成绩单”:{M}年8月",
    "截至{M}年9月底",
    "全区{M}户{M}名建档立卡",
    "、{M}个帮扶单位、{M}名帮扶干部",
    "有{M}平方米",
    "道路{M}条{M}.03公里",
    "管网{M}公里",
    "达到{M}%",
    "。{M}年,他回村",
    "达到{M}多亩",
    "{M}元-{M}元",
    "“{M}+”",
    "{M}年以来",
    "配股{M}元",
    "扶持{M}户贫困户",
]
NOT_GAPS = ["逐年", "近年来", "今年", "常年", "3年前", "十二个", "万头规模", "一户", "每亩"]

pytestmark = pytest.mark.skipif(not SEED.exists(), reason="seed page not in this checkout")


@pytest.fixture(scope="module")
def seed_result():
    return restore_text(SEED.read_text(encoding="utf-8"))


def test_all_21_masks_are_restored_right(seed_result):
    source = seed_result.source
    masks = [e for e in seed_result.edits if e.kind == "mask"]
    assert sum(e.end - e.start for e in masks) == 21
    truth: dict[int, str] = {}
    for snippet, reading in MASKS:
        at = source.index(snippet) + snippet.index("*")
        for k, ch in enumerate(reading):
            truth[at + k] = ch
    assert sorted(truth) == sorted(k for e in masks for k in range(e.start, e.end))
    for e in masks:
        assert e.replacement == "".join(truth[k] for k in range(e.start, e.end)), source[
            e.start - 4 : e.end + 4
        ]
    counts = "".join(e.replacement or "" for e in masks)
    assert (counts.count("党"), counts.count("政")) == (12, 9)


def test_every_listed_gap_is_marked(seed_result):
    for pattern in GAPS:
        assert pattern.format(M=M) in seed_result.text, pattern


@pytest.mark.parametrize("word", NOT_GAPS)
def test_listed_non_gaps_are_not_marked(seed_result, word):
    text = seed_result.text
    assert word in text
    at = text.index(word)
    assert M not in text[at - 1 : at + len(word)], word


def test_judgement_call_gets_a_lower_confidence(seed_result):
    source = seed_result.source
    place = source.index("全区多名") + 2
    (gap,) = [e for e in seed_result.gaps if e.start == place]
    clear = [e for e in seed_result.gaps if source[e.start : e.start + 2] == "年8"]
    assert clear and gap.confidence < min(e.confidence for e in clear)


def test_checked_in_outputs_match_the_tool(seed_result):
    restored = SEED.with_name(SEED.stem + ".restored.txt")
    assert restored.read_text(encoding="utf-8") == seed_result.text
