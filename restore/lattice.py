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


class Lattice:
    """Forward-backward over the word lattice of one clause (log space).

    ``first``: the lowest position whose marginal will be asked for; the backward
    pass stops there (nothing before it is needed).

    Every sum of probabilities is taken in the same order, with the same floating-point
    operations, as the plain formulation (edges by start, then as listed; see
    :func:`lse`), so the numbers do not depend on how the passes are arranged.
    """

    def __init__(self, clause: str, table: WordTable, log_total: float, chars: str, first: int = 0):
        self.clause = clause
        self.n = n = len(clause)
        self.log_total = log_total
        get = table.freq.get
        logp = table.logp
        get_lp = logp.get
        log = math.log
        exp = math.exp
        other_lp = log(OTHER_COUNT) - log_total
        unknown_lp = -log_total
        suffixes = [(c, log(SUFFIX_COUNT[c]) - log_total) for c in chars if SUFFIX_COUNT.get(c)]
        all_edges: list[list[tuple[int, str, float]]] = []  # by start: [(end, text, logp)]
        self.edges = all_edges
        # The forward pass runs as the edges are built: alpha[i] is complete once every
        # edge that ends at i (all start before i) has been listed.
        incoming: list[list[float]] = [[] for _ in range(n + 1)]
        alpha = [0.0] * (n + 1)
        next_other = clause.find(OTHER)
        if next_other < 0:
            next_other = n
        for i in range(n):
            if i:
                vals = incoming[i]
                if len(vals) == 1:
                    ai = vals[0] + 0.0
                elif not vals:
                    ai = -math.inf
                else:
                    m = max(vals)
                    ai = m if m == -math.inf else m + log(sum([exp(v - m) for v in vals]))
                alpha[i] = ai
            else:
                ai = 0.0
            if next_other < i:
                next_other = clause.find(OTHER, i)
                if next_other < 0:
                    next_other = n
            stop = i + MAX_WORD
            if stop > n:
                stop = n
            edges: list[tuple[int, str, float]] = []
            ch = clause[i]
            # The words read from i: first through the plain text up to the next mask
            # (one prefix at a time), then, if a word is still alive there, through
            # the masks, letting each stand for every candidate.
            plain = next_other if next_other < stop else stop
            alive: list[str] | None = None
            j = i
            while j < plain:
                j += 1
                word = clause[i:j]
                f = get(word)
                if f is None:
                    break
                if f > 0:
                    lp = get_lp(word)
                    if lp is None:
                        lp = logp[word] = log(f) - log_total
                    edges.append((j, word, lp))
            else:
                if plain < stop:
                    alive = [clause[i:plain]]
            if alive is not None:
                for j in range(plain, stop):
                    cj = clause[j]
                    nxt = [p + c for p in alive for c in chars] if cj == OTHER else [p + cj for p in alive]
                    alive = []
                    for word in nxt:
                        f = get(word)
                        if f is None:
                            continue
                        alive.append(word)
                        if f > 0:
                            lp = get_lp(word)
                            if lp is None:
                                lp = logp[word] = log(f) - log_total
                            edges.append((j + 1, word, lp))
                    if not alive:
                        break
            if ch == OTHER:
                # every position can be read as one character on its own
                singles = {e[1] for e in edges if e[0] == i + 1}
                for c in chars:
                    if c not in singles:
                        edges.append((i + 1, c, unknown_lp))
                edges.append((i + 1, OTHER, other_lp))
            else:
                if plain == i + 1 and i + 1 < n:
                    # a candidate that is a productive suffix (刷业, 打击群) can close
                    # an unlisted two-character word with the character before it
                    for c, lp in suffixes:
                        word = ch + c
                        if not get(word):
                            edges.append((i + 2, word, lp))
                if not get(ch):
                    edges.append((i + 1, ch, unknown_lp))
            for end, _, lp in edges:
                incoming[end].append(ai + lp)
            all_edges.append(edges)
        alpha[n] = lse(incoming[n])
        self.alpha = alpha
        self.log_z = alpha[n]
        self.beta = self._backward(first)

    def _backward(self, first: int = 0) -> list[float]:
        """beta[i] for i > first (all of it for first=0), -inf below."""
        n = self.n
        log = math.log
        exp = math.exp
        inf = math.inf
        beta = [-inf] * (n + 1)
        beta[n] = 0.0
        stop = first if first > 0 else -1
        all_edges = self.edges
        for i in range(n - 1, stop, -1):
            edges = all_edges[i]
            if len(edges) == 1:
                end, _, lp = edges[0]
                beta[i] = lp + beta[end] + 0.0
                continue
            vals = [lp + beta[end] for end, _, lp in edges]
            m = max(vals)
            beta[i] = m if m == -inf else m + log(sum([exp(v - m) for v in vals]))
        return beta

    def marginal_in_word(self, pos: int) -> tuple[dict[str, float], float]:
        """:meth:`marginal` and :meth:`in_word` of one position, in one pass over its edges."""
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
        out = {c: exp(lse(v) - log_z) for c, v in acc.items()}
        z = sum(out.values()) or 1.0
        in_word = min(1.0, exp(lse(inside) - log_z)) if inside else 0.0
        return {c: p / z for c, p in out.items()}, in_word

    def marginal(self, pos: int) -> dict[str, float]:
        """Posterior of each reading of the mask at ``pos`` (OTHER included)."""
        return self.marginal_in_word(pos)[0]

    def in_word(self, pos: int) -> float:
        """Posterior that the mask at ``pos`` is inside a word with a visible character.

        A word made only of masks (``**`` read as 政党) is no evidence from context.
        """
        return self.marginal_in_word(pos)[1]

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
                ai = alpha[i] = lse(incoming[i])
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
        return math.exp(lse(incoming[n]) - self.log_z)


def lse(values: list[float]) -> float:
    """log(sum(exp(values))), summed in list order (the lattice relies on that order)."""
    if not values:
        return -math.inf
    if len(values) == 1:
        return values[0] + 0.0
    m = max(values)
    if m == -math.inf:
        return m
    exp = math.exp
    return m + math.log(sum([exp(v - m) for v in values]))
