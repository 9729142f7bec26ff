"""Whether a page is written the way people talk: forum posts, chat, blogs, stories.

The built-in context model counts which candidate stands between which neighbours in the
People's Daily of 1998. On a page in that register its counts are right (我*的 is 我党的);
on a page of posts and chat they mislead (我*里的那些人 is a chat group, 我群里). A page
says which register it is in by its own words: the first and second person and the
sentence-final particles of speech (我 你 吧 呢 啊 哈 嘛 呀 哦 嗯), which news and laws
hardly use (a median of 1 and 0 per 1,000 characters on the dev sets) and forums, blogs and
stories use all the time (14, 28 and 19). The ranker (:mod:`restore.rank`) trusts the
news model less on such a page, and the gap model (:mod:`restore.gapmodel`) asks even a
confident place for company there: stories hold few numbers.
"""

from __future__ import annotations

#: Characters of speech: the first and second person and sentence-final particles.
SPEECH = "我你吧呢啊哈嘛呀哦嗯"
#: Per 1,000 characters, how many of them make a page informal.
INFORMAL_DENSITY = 10.0
#: And how many at the least: one 我 in a short page (a book called 我与地坛) is no register.
INFORMAL_LEAST = 3


def informal(text: str) -> bool:
    """Whether ``text`` uses the words of speech as often as posts and chat do."""
    count = sum(text.count(ch) for ch in SPEECH)
    return count >= INFORMAL_LEAST and count * 1000 >= INFORMAL_DENSITY * len(text)
