"""Which characters this document's filter hid.

A filter hides *every* occurrence of a character, so a character that appears
unmasked in a document was not hidden there. A character that does not appear is
only *probably* hidden: a page may simply not use 群 or 业. The prior returned here says
how probable it is that each remaining candidate was hidden, from how often pages of
this length lack the character though nothing hid it (:mod:`restore.absence`, learned
from the corpora) and, in a corpus, from the pages before this one
(:mod:`restore.filterevidence`). From all of a document's masks together follows the posterior over
which subset of the candidates was hidden (:func:`hidden_set_weights`), and each run's
readings are averaged over it (:func:`average_over_hidden_sets`): the ranker
(:meth:`restore.rank.Ranker.rank`) asks for both.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from functools import cache, lru_cache
from operator import add
from typing import NamedTuple

from .absence import absent_if_shown
from .config import RestoreConfig

#: Rough share of each character in running news text (per character), used to ask
#: "if these characters were hidden, how many masks would the page have?".
#: General figures for modern news Chinese; characters not listed get DEFAULT_RATE.
CHAR_RATE = {"党": 0.0020, "政": 0.0025, "业": 0.0040, "群": 0.0006}
DEFAULT_RATE = 0.0010
#: Most distinct candidate characters a document's hidden set is inferred over. Every
#: subset of them is weighed (2^n), so time and memory double with each one: 8 is 255
#: subsets (benchmarks/README.md, "Measurements behind the code").
MAX_CANDIDATES = 8
#: Prior probability that a listed candidate is one of the hidden characters, before
#: the page's and the corpus's evidence.
PRIOR_HIDDEN = 0.5
#: In the unnarrowed alphabet, the prior that a character seen unmasked was hidden
#: (and restored by an earlier run): a restored character was hidden by definition.
SEEN_PRIOR = 0.9


class Alphabet(NamedTuple):
    """The candidate characters for this document and the prior that each was hidden.

    A named tuple: the ranker's memos are keyed by alphabet, and a tuple's hash and
    equality run in C."""

    chars: str
    prior: tuple[float, ...]
    #: Characters ruled out because they appear unmasked.
    excluded: str = ""
    #: Whether the number of masks is evidence about which characters were hidden.
    #: Not in the unnarrowed alphabet: after an earlier run most masks are gone.
    count_masks: bool = True

    def weight(self, ch: str) -> float:
        i = self.chars.find(ch)
        return self.prior[i] if i >= 0 else 0.0

    def unnarrowed(self) -> Alphabet:
        """The alphabet as if no candidate had been seen unmasked.

        A character seen unmasked may have been restored by an earlier run rather than
        left visible by the filter; the ranker only fills a mask when this alphabet
        agrees, so that re-running restore over its own output changes nothing.
        """
        chars = self.chars + self.excluded
        prior = self.prior + tuple(SEEN_PRIOR for c in self.excluded)
        return Alphabet(chars, prior, "", count_masks=False)


def check_candidates(candidates: str) -> None:
    """Raise ValueError, in one line that says what to do, when there are too many
    distinct candidates to infer the hidden set over (:data:`MAX_CANDIDATES`)."""
    n = len(_distinct(candidates))
    if n > MAX_CANDIDATES:
        raise ValueError(
            f"--candidates names {n} different characters; at most {MAX_CANDIDATES} can be "
            "inferred (each subset of them is weighed): name the ones the filter hides"
        )


def infer_alphabet(
    text: str, config: RestoreConfig | None = None, filter_prior: Mapping[str, float] | None = None
) -> Alphabet:
    """Narrow the configured candidates to those this document may have hidden.

    ``filter_prior``: for each candidate, the probability that the input's filter hides
    it, from the pages before this one (:class:`restore.filterevidence.FilterEvidence`);
    without it, :data:`PRIOR_HIDDEN`.

    >>> infer_alphabet("企业的*建工作").chars
    '党政群'
    >>> infer_alphabet("企业的*建工作").excluded
    '业'
    """
    cfg = config or RestoreConfig()
    length = visible_length(text, cfg.mask_symbols)
    chars = unseen_candidates(text, cfg)
    excluded = "".join([ch for ch in _distinct(cfg.candidates) if ch not in chars])
    given = filter_prior or {}
    prior = tuple(_prior_hidden(ch, length, given.get(ch, PRIOR_HIDDEN)) for ch in chars)
    return Alphabet(chars, prior, excluded)


def unseen_candidates(text: str, config: RestoreConfig) -> str:
    """The candidates ``text`` never shows unmasked: those its filter may have hidden."""
    return "".join([ch for ch in _distinct(config.candidates) if ch not in text])


@cache
def _distinct(chars: str) -> str:
    """``chars`` without repeats, in order (asked once per document: remembered)."""
    return "".join(dict.fromkeys(chars))


def visible_length(text: str, symbols: str) -> int:
    """Characters that are not mask symbols: how much text the document shows."""
    return len(text) - sum(text.count(s) for s in set(symbols))


def _prior_hidden(ch: str, length: int, prior: float = PRIOR_HIDDEN) -> float:
    """P(hidden | not seen in ``length`` characters), from the ``prior`` that it was hidden."""
    unseen_if_shown = absent_if_shown(ch, length)
    return prior / (prior + (1 - prior) * unseen_if_shown)


#: How much the count of masks in a document says about which characters were
#: hidden (a tempered Poisson: topics vary, so the count is weaker evidence than a
#: strict Poisson would make it; as uneven as restore.absence finds the characters,
#: half, measured in docs/accuracy.md).
COUNT_EVIDENCE_WEIGHT = 0.5
#: How a mask stands in a clause; as a reading, "some character outside the alphabet".
OTHER = "\x00"


def hidden_set_posterior(
    alphabet: Alphabet, runs: list[tuple[tuple[str, float], ...]], length: int
) -> list[tuple[frozenset[str], float]]:
    """Posterior over which subset of ``alphabet`` this document's filter hid.

    ``runs`` holds, for each run of masks, its readings with their probabilities under
    the language model alone (every candidate allowed, no prior). A subset S is scored
    by (1) the prior that each character was hidden, (2) how well the count of masked
    characters fits S's expected count (a larger S predicts more masks), and (3) how
    much of each run's probability falls on readings made only of characters in S.
    With at most four candidates this is at most fifteen subsets.
    """
    weights = hidden_set_weights(alphabet, runs, length)
    return [(_subset(alphabet.chars, s), w) for s, w in enumerate(weights, 1)]


def hidden_set_weights(
    alphabet: Alphabet, runs: list[tuple[tuple[str, float], ...]], length: int
) -> list[float]:
    """:func:`hidden_set_posterior` as a list: entry ``s - 1`` is the weight of the
    subset whose bits are ``s`` (bit ``i`` for ``alphabet.chars[i]``)."""
    chars = alphabet.chars
    n = len(chars)
    # Subset 1 .. 2^n - 1: the prior that exactly its characters were hidden, less
    # the count evidence; then, run by run, the log of the mass it explains. A subset's
    # prior is its lowest member's change from "shown" to "hidden" added to the prior
    # of the subset without it (subset 0: every candidate shown).
    shown = [math.log(max(1 - p, 1e-9)) for p in alphabet.prior]
    flip = [math.log(max(p, 1e-9)) - s for p, s in zip(alphabet.prior, shown)]
    rates = [CHAR_RATE.get(c, DEFAULT_RATE) for c in chars]
    scale = COUNT_EVIDENCE_WEIGHT * max(length, 1) if alphabet.count_masks else 0.0
    prior = [math.fsum(shown)] + [0.0] * ((1 << n) - 1)
    lam = [0.0] * (1 << n)
    for subset in range(1, 1 << n):
        low = (subset & -subset).bit_length() - 1
        rest = subset & (subset - 1)
        prior[subset] = prior[rest] + flip[low]
        lam[subset] = lam[rest] + rates[low]
    logps = [prior[s] - scale * lam[s] for s in range(1, 1 << n)]
    for readings in runs:
        logps = list(map(add, logps, _log_masses(chars, readings)))
    top = max(logps)
    weights = [math.exp(lp - top) for lp in logps]
    z = sum(weights)
    return [w / z for w in weights]


#: How many runs' subset masses are remembered (a run's readings recur across a
#: corpus: every ``*建`` in the same context has the same ones).
RUN_MEMO = 16384


@lru_cache(maxsize=RUN_MEMO)
def run_masses(
    chars: str, readings: tuple[tuple[str, float], ...]
) -> tuple[tuple[int, ...], tuple[float, ...]]:
    """A run's readings seen through the subsets of ``chars``: the candidates each
    reading uses (:func:`reading_bits`), and for every subset (by its bits) the
    probability of the readings it explains. A reading adds its probability to each
    subset that holds its characters, in reading order, so each sum is the one that
    summing the filtered list of readings gives."""
    bit = _bits(chars)
    n_sets = 1 << len(chars)
    holding = _supersets(len(chars))
    used = tuple(reading_bits(r, bit) for r, _ in readings)
    mass = [0.0] * n_sets
    for u, (_, p) in zip(used, readings):
        if u < n_sets:
            for s in holding[u]:
                mass[s] += p
    return used, tuple(mass)


@lru_cache(maxsize=RUN_MEMO)
def _log_masses(chars: str, readings: tuple[tuple[str, float], ...]) -> tuple[float, ...]:
    """log of :func:`run_masses`' masses, for subsets 1 .. 2^n - 1."""
    _, mass = run_masses(chars, readings)
    return tuple(math.log(max(m, 1e-12)) for m in mass[1:])


@cache
def _bits(chars: str) -> dict[str, int]:
    """A bit per candidate, in alphabet order."""
    return {c: 1 << i for i, c in enumerate(chars)}


@lru_cache(maxsize=256)
def _subset(chars: str, subset: int) -> frozenset[str]:
    """The characters of ``chars`` whose bits ``subset`` holds."""
    return frozenset(c for i, c in enumerate(chars) if subset >> i & 1)


@cache
def _supersets(n: int) -> list[list[int]]:
    """For each bitmask over ``n`` characters, the bitmasks that contain it."""
    return [[s for s in range(1 << n) if s & used == used] for used in range(1 << n)]


def reading_bits(reading: str, bit: dict[str, int]) -> int:
    """The candidates a reading uses, as bits; a character outside the alphabet
    (other than OTHER) sets a bit no subset has, so no subset explains it."""
    used = 0
    for ch in reading:
        if ch != OTHER:
            used |= bit.get(ch, 1 << 30)
    return used


#: A hidden-set hypothesis this improbable is left out of the average over them: it
#: changes no probability by more than this.
NEGLIGIBLE = 1e-12


def worth_counting(weights: list[float]) -> list[tuple[int, float]]:
    """The hidden sets worth averaging over, as (bits, weight), from
    :func:`hidden_set_weights`' list."""
    return [(subset, w) for subset, w in enumerate(weights, 1) if w >= NEGLIGIBLE]


def average_over_hidden_sets(
    readings: tuple[tuple[str, float], ...], chars: str, sets: list[tuple[int, float]]
) -> list[tuple[str, float]]:
    """A run's readings averaged over the posterior of which characters were hidden
    (not renormalised; empty when no hidden set explains any reading).

    Under hidden set S a reading r made of S's characters has p(r) / Z(S), where Z(S)
    sums the readings S explains. So r's average is p(r) · C(r), with C(r) the sum of
    w(S) / Z(S) over the subsets S that hold r's characters. ``sets`` are the subsets
    worth counting (:func:`worth_counting`), by their bits (bit ``i`` for ``chars[i]``),
    in order, with their weights; Z comes from :func:`run_masses`, remembered per run.
    """
    used, mass = run_masses(chars, readings)
    shares = [(inside, w / mass[inside]) for inside, w in sets if mass[inside] > 0]
    n_sets = len(mass)
    total = []
    for (r, p), u in zip(readings, used):
        if u >= n_sets:
            continue  # a character no subset holds (one seen unmasked)
        c = 0.0
        for inside, share in shares:
            if inside & u == u:
                c += share
        if c > 0:
            total.append((r, p * c))
    return total


def likely_hidden(chars: str, weights: list[float]) -> str:
    """The candidates whose posterior probability of being hidden is at least one half
    (``weights[s - 1]`` is the weight of the subset with bits ``s``)."""
    weight = weights.__getitem__
    return "".join(c for i, c in enumerate(chars) if math.fsum(map(weight, _holding(len(chars), i))) >= 0.5)


@lru_cache(maxsize=64)
def _holding(n: int, i: int) -> tuple[int, ...]:
    """Indices into a list of subset weights (subset ``s`` at ``s - 1``) of the
    subsets of ``n`` candidates that hold candidate ``i``."""
    return tuple(s - 1 for s in range(1, 1 << n) if s >> i & 1)
