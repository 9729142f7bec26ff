"""The slot model: clean text labels itself, and the model reads it back."""

import gzip
import json

import pytest

from restore.slotmodel import OTHER, SlotModel, SlotModelError, builtin_slot_model_path, normalise
from restore.slottrain import count, damage, train

# Our own sentences, of the shapes the filter damages.
SAMPLE = [
    "截至2019年底，全市共有1200家企业，比上年增长12%。",
    "今年以来，各地党委和政府认真落实党政同责。",
    "去年，这个县的产业发展很快，群众收入明显提高。",
    "行政审批事项减少了三百多项，行业协会积极开展工作。",
    "各地党委要加强党风建设，坚持党的领导。",
] * 10


def test_damage_deletes_runs_of_three_or_more_digits_and_says_where():
    assert damage("由2013年的2600元增加到12.5%") == ("由年的元增加到12.5%", [1, 3])
    assert damage("２０１９年") == ("年", [0])
    assert damage("2019-2020") == ("-", [0, 1])


def test_normalise_keeps_every_offset():
    text = "Abc 12\r\n党\u3000政"
    assert normalise(text) == "aaa 00\n\n党 政"


def test_counts_say_which_character_stood_between_neighbours():
    tables, chars = count(SAMPLE, "党政群业")
    assert chars >= sum(len(damage(s)[0]) for s in SAMPLE)
    assert tables[0][""][:4] == [sum(s.count(c) for s in SAMPLE) for c in "党政群业"]
    # 各地党委 twice a round: between 地 and 委 stands 党, every time
    assert tables[4]["地委"] == [20, 0, 0, 0, 0]
    # 行政 and 行业: between 行 and 审 stands 政, between 行 and 协 stands 业
    assert tables[4]["行审"][1] == 10 and tables[4]["行协"][3] == 10
    # OTHER counts every other character between kept neighbours (各地X委 never)
    assert tables[2]["委"][-1] == 0


@pytest.fixture(scope="module")
def model() -> SlotModel:
    return train(SAMPLE, "党政群业", ["sample"])


def test_the_hidden_character_follows_its_neighbours(model):
    dist = model.distribution("各地", "委要")
    assert max(dist, key=dist.__getitem__) == "党"
    assert set(dist) == set("党政群业" + OTHER)
    assert sum(dist.values()) == pytest.approx(1.0)
    assert model.evidence("行", "政", "审批") > model.evidence("行", "业", "审批")
    assert model.evidence("行", "业", "协会") > model.evidence("行", "政", "协会")


def test_an_unseen_context_falls_back_to_shorter_ones(model):
    # 各地*委员 was never seen; 各地*委 was, and it was always 党委
    assert "各地委员" not in model.tables[-1]
    dist = model.distribution("各地", "委员")
    assert max(dist, key=dist.__getitem__) == "党"


def test_a_saved_model_loads_back_the_same(model, tmp_path):
    path = tmp_path / "slots.gz"
    model.save(path)
    again = SlotModel.load(path)
    assert [t.rows() for t in again.tables] == [t.rows() for t in model.tables]
    assert again.distribution("各地", "委要") == model.distribution("各地", "委要")


@pytest.mark.parametrize(
    ("payload", "reason"),
    [
        (b"not gzip", "not a restore slot model"),
        (gzip.compress(b"[1, 2]\n"), "not a restore slot model"),
        (
            gzip.compress(json.dumps({"format": "restore-slot-model", "version": 99}).encode() + b"\n"),
            "version 99",
        ),
    ],
)
def test_a_file_that_is_not_a_model_is_refused(tmp_path, payload, reason):
    bad = tmp_path / "bad.gz"
    bad.write_bytes(payload)
    with pytest.raises(SlotModelError, match=reason):
        SlotModel.load(bad)


@pytest.mark.parametrize(
    ("damage", "reason"),
    [
        (lambda body: body[:-3], "cut short"),
        (lambda body: body + b"\0", "trailing bytes"),
        (
            lambda body: body.replace("地委".encode(), b"abcdef", 1),
            "bad contexts",
        ),  # same bytes, 6 characters
    ],
)
def test_a_damaged_model_names_what_is_wrong(model, tmp_path, damage, reason):
    path = tmp_path / "bad.gz"
    model.save(path)
    header, _, body = gzip.decompress(path.read_bytes()).partition(b"\n")
    path.write_bytes(gzip.compress(header + b"\n" + damage(body)))
    with pytest.raises(SlotModelError, match=reason):
        SlotModel.load(path)


def test_the_shipped_model_loads_and_knows_common_words():
    shipped = SlotModel.load(builtin_slot_model_path())
    assert shipped.candidates == "党政群业"
    assert shipped.chars > 50_000_000
    for left, right, expected in [
        ("共产", "员和", "党"),
        ("市", "府工", "政"),
        ("人民", "众的", "群"),
        ("企", "发展", "业"),
    ]:
        dist = shipped.distribution(left, right)
        assert max(dist, key=dist.__getitem__) == expected, (left, right, dist)
