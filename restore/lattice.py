"""The word lattice of one clause, and forward-backward over it.

Every dictionary word that can be read in the clause is an edge, a mask (``OTHER``
in the clause) standing for each candidate character; the probability of a reading is
the product of its words' probabilities (count/total, jieba's unigram model), summed
over all segmentations. Forward-backward gives each mask's exact posterior, and a
run's joint readings, in time linear in the clause length.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from .alphabet import OTHER

if TYPE_CHECKING:
    from .wordtable import WordTable

#: Count given to "some character outside the alphabet" standing alone.
OTHER_COUNT = 30.0
#: Longest word looked up in the lattice.
MAX_WORD = 16
#: Counts for "any character + this candidate" read as one word, for candidates that
#: form words freely as a suffix: X业 is an industry (刷业, 种业), X群 a group (打击群).
SUFFIX_COUNT = {"业": 5.0, "群": 2.0}

#: A word read in the clause: (end position, the word, its log probability).
Edge = tuple[int, str, float]


class Lattice:
    """Forward-backward over the word lattice of one clause (log space).

    ``first``: the lowest position whose marginal will be asked for; the backward
    pass stops there (nothing before it is needed).

    Every sum of probabilities is taken in one order: edges by start, then as listed
    (:func:`build_edges`), summed by :func:`logsumexp`.
    """

    def __init__(self, clause: str, table: WordTable, log_total: float, chars: str, first: int = 0):
        self.clause = clause
        self.n = len(clause)
        self.log_total = log_total
        #: By start position: the (end, word, log probability) of every word read from there.
        self.edges = build_edges(clause, table, log_total, chars)
        self.alpha = forward(self.edges, self.n)
        self.log_z = self.alpha[self.n]
        self.beta = backward(self.edges, self.n, first)

    def marginal_in_word(self, pos: int) -> tuple[dict[str, float], float]:
        """Posterior of each reading of the mask at ``pos`` (OTHER included), and the
        posterior that it is inside a word with a visible character, in one pass over the
        edges that cover it. A word made only of masks (``**`` read as 政党) is no evidence
        from context."""
        alpha = self.alpha
        beta = self.beta
        all_edges = self.edges
        clause = self.clause
        acc: dict[str, list[float]] = {}
        inside: list[float] = []
        for i in range(pos - MAX_WORD + 1 if pos >= MAX_WORD else 0, pos + 1):
            ai = alpha[i]
            k = pos - i
            for end, word, lp in all_edges[i]:
                if end > pos:
                    t = ai + lp + beta[end]
                    c = word[k]
                    got = acc.get(c)
                    if got is None:
                        acc[c] = [t]
                    else:
                        got.append(t)
                    if end - i > 1 and clause.count(OTHER, i, end) < end - i:
                        inside.append(t)
        log_z = self.log_z
        exp = math.exp
        out = {c: exp(logsumexp(v) - log_z) for c, v in acc.items()}
        z = sum(out.values()) or 1.0
        in_word = min(1.0, exp(logsumexp(inside) - log_z)) if inside else 0.0
        return {c: p / z for c, p in out.items()}, in_word

    def joint(self, start: int, reading: str) -> float:
        """Posterior that the masks from ``start`` read ``reading`` (forward pass, constrained).

        Up to ``start`` the constrained pass equals the free one, so it starts from
        the free pass's values and only redoes the edges that end after ``start``.
        """
        n = self.n
        end_run = start + len(reading)
        inf = math.inf
        alpha = self.alpha[: start + 1] + [-inf] * (n - start)
        incoming: list[list[float]] = [[] for _ in range(n + 1)]
        all_edges = self.edges
        for i in range(max(0, start - MAX_WORD), n):
            if i > start:
                ai = alpha[i] = logsumexp(incoming[i])
            else:
                ai = alpha[i]
            if ai == -inf:
                continue
            for end, word, lp in all_edges[i]:
                if end <= start:
                    continue
                lo = i if i > start else start
                hi = end if end < end_run else end_run
                if lo < hi and word[lo - i : hi - i] != reading[lo - start : hi - start]:
                    continue
                incoming[end].append(ai + lp)
        return math.exp(logsumexp(incoming[n]) - self.log_z)


def logsumexp(values: list[float]) -> float:
    """log(sum(exp(values))), summed in list order, so that a sum does not depend on
    how the passes are arranged; -inf for no values.

    >>> logsumexp([math.log(1), math.log(3)]) == math.log(4)
    True
    """
    if not values:
        return -math.inf
    if len(values) == 1:
        return values[0] + 0.0
    m = max(values)
    if m == -math.inf:
        return m
    exp = math.exp
    return m + math.log(sum([exp(v - m) for v in values]))


def build_edges(clause: str, table: WordTable, log_total: float, chars: str) -> list[list[Edge]]:
    """Every word that can be read in ``clause``, by start position.

    From each position the words are read first through the plain text up to the next
    mask (one prefix at a time, while the table holds it as a prefix), then, if a word
    is still alive there, through the masks, each standing for every candidate in
    ``chars``. Every position can also be read as one character on its own: a mask as
    each candidate or as OTHER, a character the table lacks with count 1.
    """
    n = len(clause)
    get = table.freq.get
    other_lp = math.log(OTHER_COUNT) - log_total
    unknown_lp = -log_total
    suffixes = [(c, math.log(SUFFIX_COUNT[c]) - log_total) for c in chars if SUFFIX_COUNT.get(c)]

    def logp(word: str, count: int) -> float:
        """log(count / total), remembered in the table (the ranker meets a word many times)."""
        lp = table.logp.get(word)
        if lp is None:
            lp = table.logp[word] = math.log(count) - log_total
        return lp

    all_edges: list[list[Edge]] = []
    next_other = clause.find(OTHER)
    if next_other < 0:
        next_other = n
    for i in range(n):
        if next_other < i:
            next_other = clause.find(OTHER, i)
            if next_other < 0:
                next_other = n
        stop = min(i + MAX_WORD, n)
        plain = min(next_other, stop)
        edges: list[Edge] = []
        # Through the plain text: one prefix at a time.
        alive: list[str] | None = None
        j = i
        while j < plain:
            j += 1
            word = clause[i:j]
            f = get(word)
            if f is None:
                break
            if f > 0:
                edges.append((j, word, logp(word, f)))
        else:
            if plain < stop:
                alive = [clause[i:plain]]
        # Through the masks: every word still alive, grown by each candidate.
        if alive is not None:
            for j in range(plain, stop):
                cj = clause[j]
                grown = [p + c for p in alive for c in chars] if cj == OTHER else [p + cj for p in alive]
                alive = []
                for word in grown:
                    f = get(word)
                    if f is None:
                        continue
                    alive.append(word)
                    if f > 0:
                        edges.append((j + 1, word, logp(word, f)))
                if not alive:
                    break
        ch = clause[i]
        if ch == OTHER:
            singles = {e[1] for e in edges if e[0] == i + 1}
            edges.extend((i + 1, c, unknown_lp) for c in chars if c not in singles)
            edges.append((i + 1, OTHER, other_lp))
        else:
            if plain == i + 1 and i + 1 < n:
                # a candidate that is a productive suffix (刷业, 打击群) can close an
                # unlisted two-character word with the character before it
                edges.extend((i + 2, ch + c, lp) for c, lp in suffixes if not get(ch + c))
            if not get(ch):
                edges.append((i + 1, ch, unknown_lp))
        all_edges.append(edges)
    return all_edges


def forward(edges: list[list[Edge]], n: int) -> list[float]:
    """alpha[i]: log of the summed probability of every reading of the clause's first
    ``i`` characters; alpha[n] is log Z."""
    incoming: list[list[float]] = [[] for _ in range(n + 1)]
    alpha = [0.0] * (n + 1)
    for i in range(n):
        if i:
            alpha[i] = logsumexp(incoming[i])
        ai = alpha[i]
        for end, _, lp in edges[i]:
            incoming[end].append(ai + lp)
    alpha[n] = logsumexp(incoming[n])
    return alpha


def backward(edges: list[list[Edge]], n: int, first: int = 0) -> list[float]:
    """beta[i]: log of the summed probability of every reading of the clause from ``i``
    on, for i > ``first`` (all of it for ``first`` 0); -inf below."""
    beta = [-math.inf] * (n + 1)
    beta[n] = 0.0
    for i in range(n - 1, first if first > 0 else -1, -1):
        beta[i] = logsumexp([lp + beta[end] for end, _, lp in edges[i]])
    return beta
