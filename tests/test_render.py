"""(path, Result) -> findings, JSON report, annotated diff. Results are built by hand here."""

import json
import re

import click
import pytest

from restore.apply import apply_edits
from restore.model import BELOW_MIN_CONFIDENCE, Edit, Result
from restore.render import (
    annotated_diff,
    describe,
    display_width,
    findings,
    json_report,
    line_starts,
    position,
    summary,
)

MARKER = "\u2047"


def make(source, edits, marker=MARKER, alphabet="党政群业"):
    edits = tuple(sorted(edits, key=lambda e: (e.start, e.end)))
    return Result(source, apply_edits(source, edits, marker), edits, alphabet)


# 坚持以*建引领，落实**“一把手”责任制\r\n截至年9月底 : mask at 3, run at 10-12, gap at 2 of line 2
SOURCE = "坚持以*建引领，落实**“一把手”责任制\r\n截至年9月底"
GAP_AT = SOURCE.index("年")
EDITS = [
    Edit("mask", 3, 4, "党", 0.97, (("党", 0.97), ("政", 0.03))),
    Edit("mask", 10, 12, None, 0.55, (("党政", 0.55), ("政党", 0.30))),
    Edit("gap", GAP_AT, GAP_AT, None, 0.92, (), "before-year"),
]


@pytest.fixture
def result():
    return make(SOURCE, EDITS)


# -- positions -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, offset, expected",
    [
        ("abc", 0, (1, 1)),
        ("abc", 3, (1, 4)),
        ("a\r\nb", 3, (2, 1)),
        ("a\rb", 2, (2, 1)),
        ("a\nb\r\nc\rd", 7, (4, 1)),
        ("党政\n群*", 4, (2, 2)),
        ("a\n", 2, (2, 1)),
    ],
)
def test_position_counts_lines_and_characters(text, offset, expected):
    assert position(line_starts(text), offset) == expected


def test_display_width_counts_cjk_as_two_columns():
    assert display_width("党建") == 4
    assert display_width("ab，") == 4  # full-width comma
    assert display_width("ab") == 2


# -- findings ------------------------------------------------------------------------------------


def test_findings_lines(result):
    assert findings("news.txt", result) == [
        "news.txt:1:4: mask * ==> 党 (0.97)",
        "news.txt:1:11: unresolved mask ** (candidates 党政 0.55, 政党 0.30)",
        "news.txt:2:3: numeric gap (0.92)",
    ]


def test_findings_for_a_clean_result():
    assert findings("a.txt", make("干净的文字", [])) == []


def test_unresolved_without_candidates_says_why():
    assert describe(Edit("mask", 2, 7, None, 0.0, (), "redaction"), "他说*****了") == (
        "unresolved mask ***** (redaction)"
    )


def test_findings_leave_out_the_pages_own_stars_but_keep_doubtful_masks():
    own = Edit("mask", 2, 7, None, 0.0, (), "redaction")
    doubtful = Edit("mask", 11, 12, None, 0.6, (("业", 0.6), ("政", 0.3)), BELOW_MIN_CONFIDENCE)
    r = make("他说*****了，负责*务。", [own, doubtful])
    assert findings("a", r) == [
        "a:1:12: unresolved mask * (candidates 业 0.60, 政 0.30; below --min-confidence)"
    ]
    assert not own.is_damage and doubtful.is_damage


# -- JSON ----------------------------------------------------------------------------------------


def test_json_report_schema(result):
    report = json_report("news.txt", result)
    assert json.loads(json.dumps(report, ensure_ascii=False)) == report
    assert report["path"] == "news.txt"
    assert report["alphabet"] == "党政群业"
    assert report["counts"] == {"masks": 3, "restored": 1, "unresolved": 2, "gaps": 1}
    assert report["notes"] == []
    assert report["edits"] == [e.to_json() for e in result.edits]
    mask, run, gap = report["edits"]
    assert mask == {
        "kind": "mask",
        "start": 3,
        "end": 4,
        "replacement": "党",
        "confidence": 0.97,
        "candidates": [["党", 0.97], ["政", 0.03]],
    }
    assert run["replacement"] is None
    assert gap["start"] == gap["end"] == GAP_AT and gap["replacement"] is None


# -- summary -------------------------------------------------------------------------------------


def test_summary_counts(result):
    assert summary("news.txt", result) == "news.txt: 1 mask restored, 2 unresolved, 1 gap marked"
    assert summary("x", make("干净", [])) == "x: 0 masks restored, 0 unresolved, 0 gaps marked"


# -- annotated diff ------------------------------------------------------------------------------


def test_diff_shows_changed_lines_before_and_after(result):
    out = annotated_diff("news.txt", result)
    assert out.splitlines() == [
        "--- news.txt",
        "+++ news.txt (restored)",
        "-1: 坚持以*建引领，落实**“一把手”责任制",
        "+1: 坚持以党[0.97]建引领，落实**[? 党政 0.55 政党 0.30]“一把手”责任制",
        "-2: 截至‸年9月底",
        f"+2: 截至{MARKER}[0.92]年9月底",
        "news.txt: 1 mask restored, 2 unresolved, 1 gap marked",
    ]


def test_diff_skips_untouched_lines():
    source = "标题\n第二行\n以*建引领\n尾行"
    r = make(source, [Edit("mask", 8, 9, "党", 0.9)])
    lines = annotated_diff("a", r).splitlines()
    assert [ln for ln in lines if ln[:1] in "-+" and not ln.startswith(("---", "+++"))] == [
        "-3: 以*建引领",
        "+3: 以党[0.90]建引领",
    ]


def test_diff_of_a_clean_result_is_only_the_summary():
    assert (
        annotated_diff("a.txt", make("干净\n", []))
        == "a.txt: 0 masks restored, 0 unresolved, 0 gaps marked\n"
    )


def test_diff_pads_line_numbers():
    source = "\n".join(["行"] * 11 + ["*建"])
    r = make(source, [Edit("mask", 22, 23, "党", 0.9)])
    assert "-12: *建" in annotated_diff("a", r).splitlines()
    r2 = make("*建\n" + source, [Edit("mask", 0, 1, "党", 0.9), Edit("mask", 25, 26, "党", 0.9)])
    assert "- 1: *建" in annotated_diff("a", r2).splitlines()


def test_diff_uses_the_given_gap_marker_or_the_default(result):
    assert "截至#[0.92]年" in annotated_diff("a", result, gap_marker="#")
    assert f"截至{MARKER}[0.92]年" in annotated_diff("a", result, gap_marker="")


def test_diff_gap_at_end_without_final_newline():
    r = make("收入增加到", [Edit("gap", 5, 5, None, 0.8)])
    assert f"+1: 收入增加到{MARKER}[0.80]" in annotated_diff("a", r).splitlines()


def test_color_is_styling_only(result):
    plain = annotated_diff("news.txt", result, color=False)
    colored = annotated_diff("news.txt", result, color=True)
    assert "\x1b[" not in plain
    assert "\x1b[" in colored
    assert click.unstyle(colored) == plain


def test_long_lines_are_cut_around_edits():
    left, right = "甲" * 80, "乙" * 80
    source = left + "*建" + right + "，" + "丙" * 80 + "*策" + "丁" * 80
    second = source.index("*策")
    r = make(source, [Edit("mask", 80, 81, "党", 0.99), Edit("mask", second, second + 1, "政", 0.98)])
    before, after = annotated_diff("a", r, context=5).splitlines()[2:4]
    assert before == "-1: …甲甲甲甲甲*建乙乙乙乙…丙丙丙丙丙*策丁丁丁丁…"
    assert after == "+1: …甲甲甲甲甲党[0.99]建乙乙乙乙…丙丙丙丙丙政[0.98]策丁丁丁丁…"
    assert len(annotated_diff("a", r, context=None).splitlines()[2]) == len(source) + 4


ANNOTATION = re.compile(r"\[(?:\? [^\]]*|\d\.\d\d)\]")


@pytest.mark.parametrize(
    "source, edits",
    [
        (SOURCE, EDITS),
        ("a\r\n*建\rb\n**群众\n", [Edit("mask", 3, 4, "党", 0.9), Edit("mask", 8, 10, "党政", 0.7)]),
    ],
)
def test_after_side_is_the_restored_line_plus_annotations(source, edits):
    r = make(source, edits)
    restored_lines = re.split(r"\r\n|\r|\n", r.text)
    for line in annotated_diff("a", r).splitlines():
        if line.startswith("+") and not line.startswith("+++"):
            number, shown = line[1:].split(": ", 1)
            assert ANNOTATION.sub("", shown) == restored_lines[int(number) - 1]
