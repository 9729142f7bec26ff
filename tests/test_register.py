"""An informal page (posts, chat, stories) trusts the 1998 news context model less."""

from restore import RestoreConfig, restore_text
from restore.rank import BUILTIN_CONTEXT_WEIGHT, INFORMAL_NEWS_SHARE, Ranker
from restore.register import informal

NO_GAPS = RestoreConfig(find_gaps=False)
SPEECH = "哈哈，我跟你说啊，{}呢，你知道吗？"


def test_a_page_in_the_words_of_speech_is_informal():
    assert informal(SPEECH.format("他在中心工作"))
    assert not informal("国务院常务会议审议通过了有关条例草案，会议要求各地区各部门抓好落实。")
    assert not informal("")
    assert not informal("书单：我与地坛")  # one 我, however short the page, is no register


def test_the_news_model_counts_half_on_an_informal_page():
    ranker = Ranker.load(NO_GAPS)
    (news, weight), *_ = ranker.contexts
    (same, informal_weight), *_ = ranker.informal_contexts
    assert same is news and weight == BUILTIN_CONTEXT_WEIGHT
    assert informal_weight == BUILTIN_CONTEXT_WEIGHT * INFORMAL_NEWS_SHARE


def share(text: str, reading: str) -> float:
    (edit,) = [e for e in restore_text(text, NO_GAPS).edits if e.kind == "mask"]
    return dict(edit.candidates).get(reading, 0.0)


def test_the_same_clause_reads_with_less_news_weight_in_speech():
    """1998 news writes 行业中 far more than 行政中: at full weight the news model pulls
    行*中心 to 行业中心; on a page of speech it pulls half as hard."""
    formal = "他在行*中心工作。"
    spoken = SPEECH.format("他在行*中心工作")
    assert not informal(formal) and informal(spoken)
    assert share(spoken, "政") > share(formal, "政") + 0.2
