"""Extract the sample corpora and fine-tuning datasets shipped with UER-py (``dbiir/UER-py``).

UER-py is distributed under the Apache License 2.0 (LICENSE file), which
covers the data files in the repository. These are third-party Chinese NLP
datasets that the UER-py authors redistribute; they give registers that are
otherwise hard to find with a licence:

* ``corpora/chnsenticorp.txt``, ``datasets/chnsenticorp/*.tsv``: hotel,
  laptop and book reviews (ChnSentiCorp) - user reviews.
* ``corpora/book_review_cls.txt``, ``datasets/book_review/*.tsv``: Douban
  book reviews - user reviews.
* ``datasets/smp2020-ewect/{usual,virus}/*.tsv``: Weibo posts (SMP2020-EWECT)
  - social media; ``//@user:`` repost chains and ``[表情]`` emoticon codes
  are removed.
* ``datasets/c3/{dev,test}.json``: C3 exam reading passages and dialogues
  (human-written, mixed genres) with their questions.
* ``corpora/CLUECorpusSmall_sampled.txt``: a sample of CLUECorpusSmall
  (web news, Q&A, reviews).
* ``corpora/news-commentary-v13-en-zh_sampled.txt``: Chinese side of News
  Commentary v13 (human translations of opinion columns).

MSRA NER (one character per line) and CMRC 2018 (taken from its own
repository) are not used; the ``*_bert_*`` and ``test_nolabel`` files are
skipped as duplicates.

Usage: python tools/corpus/extract_uer.py GITDIR COMMIT OUTDIR
"""

from __future__ import annotations

import json
import re

from _common import URL_RE, Git, Writer, main_args

EMOTICON_RE = re.compile(r"\[[^\[\]\s]{1,8}\]")
REPOST_RE = re.compile(r"//@[^:：\s]{1,30}[:：]?|@[^\s:：,，。!！?？@]{1,30}[:：]?")


def weibo(text: str) -> str:
    """Strip repost markers, @mentions, emoticon codes and URLs from a Weibo post."""
    text = URL_RE.sub("", text)
    text = REPOST_RE.sub(" ", text)
    text = EMOTICON_RE.sub("", text)
    return re.sub(r"\s+", " ", text).strip()


def tsv_column(text: str, column: str = "text_a") -> list[str]:
    """One column of a tab-separated file with a header row."""
    lines = text.splitlines()
    if not lines:
        return []
    header = lines[0].split("\t")
    if column not in header:
        return []
    idx = header.index(column)
    return [cols[idx] for cols in (line.split("\t") for line in lines[1:]) if len(cols) > idx]


def main() -> None:
    """Run the extraction."""
    gitdir, commit, outdir = main_args()
    git = Git(gitdir, commit)
    writer = Writer(outdir)
    for line in git.text("corpora/chnsenticorp.txt").splitlines():
        writer.add(line)
    for split in ("train", "dev", "test"):
        writer.add_all(tsv_column(git.text(f"datasets/chnsenticorp/{split}.tsv")))
    for line in git.text("corpora/book_review_cls.txt").splitlines():
        writer.add(line.split("\t", 1)[-1])
    for split in ("train", "dev", "test"):
        writer.add_all(tsv_column(git.text(f"datasets/book_review/{split}.tsv")))
    for sub in ("usual", "virus"):
        for split in ("train", "dev", "test"):
            for post in tsv_column(git.text(f"datasets/smp2020-ewect/{sub}/{split}.tsv")):
                writer.add(weibo(post))
    for split in ("dev", "test"):
        raw = git.text(f"datasets/c3/{split}.json")
        if not raw:
            continue
        for item in json.loads(raw):
            writer.add_all(item[0])
            for q in item[1] if len(item) > 1 else []:
                writer.add(q.get("question", ""))
    for line in git.text("corpora/CLUECorpusSmall_sampled.txt").splitlines():
        writer.add(URL_RE.sub("", line))
    for line in git.text("corpora/news-commentary-v13-en-zh_sampled.txt").splitlines():
        parts = line.split("\t")
        if len(parts) == 2:
            writer.add(parts[1])
    writer.close()


if __name__ == "__main__":
    main()
