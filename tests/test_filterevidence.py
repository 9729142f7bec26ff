"""One input, one filter: the pages before a page say which characters its filter hides
(restore.filterevidence), and a character's absence from a page is weighed by how unevenly
it spreads over text (restore.absence)."""

import json
import math

import pytest
from click.testing import CliRunner

from restore import Restorer
from restore.absence import DEFAULT, absent_if_shown
from restore.alphabet import infer_alphabet
from restore.cli import cli
from restore.filterevidence import BOUND, FilterEvidence

#: A page that has masks (党建, 政务) and shows 群 and 业: its filter hid 党 and 政 only.
SHOWS_QUN_YE = "*建工作落到实处，*务服务方便群众，企业和群众都满意。" * 40
#: A short page that, read alone, could hide 党 (党里) or 群 (群里, a group chat).
AMBIGUOUS = "听说他们*里的人都很忙。"


def test_absence_table_loads_and_is_a_probability_falling_with_length():
    for ch in "党政群业":
        values = [absent_if_shown(ch, n) for n in (0, 100, 1000, 10000)]
        assert values[0] == 1.0
        assert all(0 < v <= 1 for v in values)
        assert values == sorted(values, reverse=True), ch


def test_absence_is_weaker_evidence_than_a_poisson_at_news_rates():
    # Half the 2,000-character pages that hide nothing still lack 业 in varied text; a
    # Poisson at 0.4 % per character said one in 3,000.
    assert absent_if_shown("业", 2000) > 0.1 > math.exp(-2000 * 0.004)


def test_a_character_not_in_the_table_gets_the_default_spread():
    rate, k = DEFAULT
    assert absent_if_shown("龘", 500) == pytest.approx((1 + 500 * rate / k) ** -k)


def test_pages_that_show_a_character_make_it_unlikely_hidden():
    ev = FilterEvidence("党政群业", "*＊")
    for _ in range(10):
        ev.observe(SHOWS_QUN_YE)
    prior = ev.prior()
    assert prior["群"] == prior["业"] == BOUND
    assert prior["党"] > 0.8 and prior["政"] > 0.9
    assert ev.pages == 10


def test_pages_without_masks_say_nothing_about_the_filter():
    ev = FilterEvidence("党政群业", "*＊")
    for _ in range(10):
        ev.observe("企业和群众都满意。" * 50)
        ev.observe("* 列表项\n* 另一项\n")  # asterisks, but none beside a Han character
    assert ev.pages == 0
    assert set(ev.prior().values()) == {0.5}


def test_characters_an_earlier_run_wrote_do_not_count_as_shown():
    restored = SHOWS_QUN_YE.replace("*建", "党建").replace("*务", "政务")
    written = "党政" * 40
    ev = FilterEvidence("党政群业", "*＊")
    for _ in range(10):
        ev.observe(restored, written)
    assert ev.prior()["党"] > 0.8 and ev.prior()["政"] > 0.9


def test_evidence_stays_bounded_and_turns_round_over_a_long_input():
    ev = FilterEvidence("党政群业", "*＊")
    for _ in range(100_000):
        ev.observe(SHOWS_QUN_YE)
    assert ev.prior()["业"] == BOUND
    hides_ye = "*务和*绩都要抓，行*管理也要抓。" * 60  # shows none of the four
    for _ in range(40):
        ev.observe(hides_ye)
    assert ev.prior()["业"] > 0.5


def test_a_traditional_form_counts_as_showing_the_character():
    ev = FilterEvidence("党政群业", "*＊")
    for _ in range(10):
        ev.observe("*建工作落到實處，企業和羣眾都滿意。" * 40)
    assert ev.prior()["业"] == BOUND and ev.prior()["群"] == BOUND


def test_the_prior_moves_the_alphabet():
    alone = infer_alphabet(AMBIGUOUS)
    told = infer_alphabet(AMBIGUOUS, filter_prior={"党": 0.98, "政": 0.98, "群": 0.02, "业": 0.02})
    assert told.weight("群") < alone.weight("群")
    assert told.weight("党") > alone.weight("党")


def test_a_short_page_reads_better_with_the_pages_before_it():
    restorer = Restorer()
    alone = restorer.restore(AMBIGUOUS, mark_gaps=False)
    told = restorer.restore(
        AMBIGUOUS, mark_gaps=False, filter_prior={"党": 0.98, "政": 0.98, "群": 0.02, "业": 0.02}
    )
    assert [e.replacement for e in alone.edits] == [None]
    assert [e.replacement for e in told.edits] == ["党"]


def corpus(ambiguous_at: int, n: int = 12, ensure_ascii: bool = False) -> bytes:
    """``n`` pages like SHOWS_QUN_YE (its masks written ＊, which ensure_ascii escapes),
    with AMBIGUOUS at ``ambiguous_at``."""
    texts = [SHOWS_QUN_YE.replace("*", "＊")] * n
    texts.insert(ambiguous_at, AMBIGUOUS)
    lines = [json.dumps({"id": i, "text": t}, ensure_ascii=ensure_ascii) for i, t in enumerate(texts)]
    return "".join(line + "\n" for line in lines).encode()


def restored(output: bytes) -> list[str]:
    return [json.loads(line)["text"] for line in output.decode().splitlines()]


def run(data: bytes, *args: str) -> bytes:
    result = CliRunner().invoke(cli, ["--no-config", "--jsonl", "--quiet", *args], input=data)
    assert result.exit_code == 0, result.output
    return result.stdout_bytes


@pytest.mark.parametrize("ensure_ascii", [False, True])
def test_jsonl_reads_a_record_with_the_records_before_it(ensure_ascii):
    out = restored(run(corpus(ambiguous_at=12, ensure_ascii=ensure_ascii)))
    assert out[12] == "听说他们党里的人都很忙。"
    assert out[0] == SHOWS_QUN_YE.replace("*建", "党建").replace("*务", "政务")


def test_only_the_records_before_count():
    assert restored(run(corpus(ambiguous_at=0)))[0] == AMBIGUOUS


def test_per_document_reads_each_record_alone():
    assert restored(run(corpus(ambiguous_at=12), "--per-document"))[12] == AMBIGUOUS


def test_the_output_does_not_depend_on_the_number_of_jobs():
    data = corpus(ambiguous_at=7, n=150)
    assert run(data, "--jobs", "1") == run(data, "--jobs", "2")


def test_a_second_run_over_the_output_changes_nothing():
    data = corpus(ambiguous_at=12)
    first = run(data)
    assert restored(run(first, "--merge-edits")) == restored(first)


def test_the_stats_say_what_the_input_showed_of_its_filter(tmp_path):
    stats = tmp_path / "stats.json"
    run(corpus(ambiguous_at=12), "--stats", str(stats))
    assert json.loads(stats.read_text())["filter"] == {"hides": "党政", "pages": 13}
    run(corpus(ambiguous_at=12), "--stats", str(stats), "--per-document")
    assert json.loads(stats.read_text())["filter"] is None


def test_a_first_lines_bom_and_an_escaped_record_count_as_pages():
    from restore.runs.jsonl import _observe

    ev = FilterEvidence("党政群业", "*＊")
    _observe(ev, '\ufeff{"text": "*建工作和企业发展"}\r\n'.encode(), "text", "edits")
    _observe(ev, json.dumps({"text": "＊建工作和企业发展"}).encode(), "text", "edits")
    _observe(ev, b'{"text": 7}', "text", "edits")  # not a page: the worker reports the line
    assert ev.pages == 2


def test_check_finds_what_a_restoring_run_would_do():
    result = CliRunner().invoke(cli, ["--no-config", "--check", "--jsonl"], input=corpus(ambiguous_at=12))
    last = [line for line in result.stdout.splitlines() if line.startswith("<stdin>:13:")]
    assert len(last) == 1 and "==> 党" in last[0], result.stdout
