"""Script detection and conversion: Traditional pages are ranked in Simplified form and
restored in their own script."""

from restore.script import read_script, to_simplified


def test_simplified_page_is_left_as_it_is():
    s = read_script("坚持*建引领，发挥*委作用")
    assert not s.traditional
    assert s.simplified == "坚持*建引领，发挥*委作用"
    assert s.written("党", 2, "坚持*建引领") == "党"


def test_traditional_page_is_read_in_simplified_and_written_back_in_traditional():
    text = "堅持*建引領，發揮*委作用，推動產*發展"
    s = read_script(text)
    assert s.traditional
    assert s.simplified == "坚持*建引领，发挥*委作用，推动产*发展"
    assert len(s.simplified) == len(text)
    assert s.written("党", 2, text) == "黨"
    assert s.written("业", 16, text) == "業"
    assert s.written("政", 2, text) == "政"


def test_qun_follows_the_page():
    plain = "堅持走*眾路線，聯繫群眾"
    variant = "堅持走*眾路線，聯繫羣眾"
    assert read_script(plain).written("群", 3, plain) == "群"
    assert read_script(variant).written("群", 3, variant) == "羣"


def test_mixed_page_is_decided_line_by_line():
    text = "堅持*建引領，發揮*委的領導作用\n坚持*建引领，发挥*委的领导作用"
    s = read_script(text)
    assert s.traditional_lines == (True, False)
    assert s.written("党", 2, text) == "黨"
    assert s.written("党", text.index("\n") + 3, text) == "党"


def test_conversion_keeps_every_offset():
    text = "後臺發展，乾燥的頭髮，*建\r\n**“一把手”"
    out = to_simplified(text)
    assert len(out) == len(text)
    assert [i for i, ch in enumerate(text) if ch in "*\r\n“”"] == [
        i for i, ch in enumerate(out) if ch in "*\r\n“”"
    ]


def test_a_lone_surrogate_stays_where_it_was():
    text = "堅持*建\ud800引領"
    out = to_simplified(text)
    assert out == "坚持*建\ud800引领"


def test_a_mostly_simplified_page_keeps_its_script_and_its_traditional_candidates():
    """A forum quoting a Traditional post: its filter hid Simplified characters, and the
    quoted 業 must not make 业 look visible."""
    text = "计算机专*的课也太难了吧？我就想顺利毕*，找份工作，爸妈也是这个意思。\n引用：這個產業很好。"
    s = read_script(text, "党政群业")
    assert not s.traditional
    assert s.simplified == text.replace("這個產", "这个产")


def test_a_mostly_simplified_page_is_ranked_in_simplified_but_keeps_traditional_candidates():
    """The quoted Traditional line is read in Simplified (執* as 执*, which the model
    knows), but its 業 and 黨 stay: they are not a visible 业 or 党."""
    text = "这部纪录片讲的是缅甸的历史，很多人都没看过。\n引用：軍人執*，這個產業很好，黨的"
    s = read_script(text, "党政群业")
    assert not s.traditional
    assert len(s.simplified) == len(text)
    assert "军人执*" in s.simplified
    assert "产業" in s.simplified and "黨" in s.simplified
    assert read_script(text).simplified.count("业") == 1  # without candidates, all converted
