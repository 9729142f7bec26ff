"""A learned context model: which candidate character fits between these neighbours.

``restore learn`` counts, in clean text from the user's domain, every occurrence of a
candidate character with the up-to-three characters on each side. At ranking time the
model gives P(c | left context) and P(c | right context), with interpolated backoff
from three characters down to the character's base rate, and the ranker multiplies
their ratio to the base rate into the lattice posterior (a product of experts).

The file is gzip'd JSON with a format tag and a version, a few hundred kB for a
million characters of text, and loads in milliseconds.

The package ships one such model, learned from the People's Daily of January 1998
(``lexicons/context-pd1998.json.gz``, built by ``tools/build_builtin_context.py``): the
neighbours a unigram word lattice cannot see across a word boundary (行政|令 against
行业|令, 治党|治国) are what it adds.
"""

from __future__ import annotations

import gzip
import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from .lexicon import builtin_lexicon_dir

FORMAT = "restore-context-model"
VERSION = 1
#: How many characters of context on each side ``restore learn`` keeps by default.
ORDER = 3
#: How many computed evidence ratios a model keeps before it starts afresh.
MEMO_SIZE = 1 << 16
#: Name of the shipped model inside the lexicon folder.
BUILTIN_CONTEXT = "context-pd1998.json.gz"
#: Backoff strength: how many observations a longer context needs to outweigh a shorter one.
BETA = 2.0


class ModelError(ValueError):
    """A model file is missing, not a model, or of another version."""


@dataclass
class ContextModel:
    candidates: str
    unigram: dict[str, int]
    left: dict[str, dict[str, int]]
    right: dict[str, dict[str, int]]
    chars: int = 0
    #: The longest context, in characters on each side, the model holds.
    order: int = ORDER
    #: Evidence already computed, by (left, character, right, alphabet); and base rates.
    _memo: dict[tuple[str, str, str, str], float] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    _bases: dict[str, dict[str, float]] = field(default_factory=dict, init=False, repr=False, compare=False)
    #: Each context's count over an alphabet, by (the context's counts table, alphabet):
    #: the same for every candidate asked about there.
    _totals: dict[tuple[int, str], int] = field(default_factory=dict, init=False, repr=False, compare=False)

    # -- building --------------------------------------------------------------
    @classmethod
    def learn(cls, texts: Iterable[str], candidates: str, order: int = ORDER) -> ContextModel:
        wanted = set(candidates)
        unigram: Counter[str] = Counter()
        left: dict[str, Counter[str]] = defaultdict(Counter)
        right: dict[str, Counter[str]] = defaultdict(Counter)
        chars = 0
        for text in texts:
            chars += len(text)
            for i, ch in enumerate(text):
                if ch not in wanted:
                    continue
                unigram[ch] += 1
                for k in range(1, order + 1):
                    if i - k >= 0:
                        left[text[i - k : i]][ch] += 1
                    if i + k <= len(text) - 1:
                        right[text[i + 1 : i + 1 + k]][ch] += 1
        return cls(candidates, dict(unigram), _plain(left), _plain(right), chars, order)

    # -- files -------------------------------------------------------------------
    def save(self, path: Path) -> None:
        payload = {
            "format": FORMAT,
            "version": VERSION,
            "order": self.order,
            "candidates": self.candidates,
            "chars": self.chars,
            "unigram": self.unigram,
            "left": self.left,
            "right": self.right,
        }
        data = json.dumps(payload, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
        with gzip.open(path, "wt", encoding="utf-8", compresslevel=6) as fh:
            fh.write(data)

    @classmethod
    def load(cls, path: Path) -> ContextModel:
        return _load_cached(str(Path(path).resolve()))

    # -- scoring -------------------------------------------------------------------
    def evidence(self, left: str, ch: str, right: str, alphabet: str) -> float:
        """How much more likely ``ch`` is between these neighbours than anywhere:
        P(ch | neighbours) / P(ch).

        This ratio, not P(ch | neighbours) itself, is what multiplies into the
        lattice's posterior: the lattice already holds a prior for each candidate (its
        words' counts), and a context the model never saw must leave that posterior as
        it is (ratio 1). The two sides are taken as independent given ``ch``.
        """
        if self.order < len(left):
            left = left[-self.order :]
        right = right[: self.order]
        key = (left, ch, right, alphabet)
        memo = self._memo
        found = memo.get(key)
        if found is None:
            if len(memo) >= MEMO_SIZE:
                memo.clear()  # a corpus has unboundedly many contexts; memory stays flat
            base = self._base(alphabet)
            b = max(base[ch], 1e-9)
            pl = self._side(self.left, left, ch, alphabet, base, from_end=True)
            pr = self._side(self.right, right, ch, alphabet, base, from_end=False)
            found = memo[key] = (pl / b) * (pr / b)
        return found

    def _base(self, alphabet: str) -> dict[str, float]:
        base = self._bases.get(alphabet)
        if base is None:
            counts = {c: self.unigram.get(c, 0) + 1 for c in alphabet}
            z = sum(counts.values())
            base = self._bases[alphabet] = {c: n / z for c, n in counts.items()}
        return base

    def _side(
        self,
        table: dict[str, dict[str, int]],
        ctx: str,
        ch: str,
        alphabet: str,
        base: dict[str, float],
        *,
        from_end: bool,
    ) -> float:
        """P(ch | one side's context), backed off from the longest context seen to the base rate."""
        totals = self._totals
        p = base[ch]
        for k in range(1, min(self.order, len(ctx)) + 1):
            seen = table.get(ctx[-k:] if from_end else ctx[:k])
            if not seen:
                break
            # The tables are never changed after loading, so a table's id names it.
            n = totals.get((id(seen), alphabet))
            if n is None:
                if len(totals) >= MEMO_SIZE:
                    totals.clear()
                n = totals[(id(seen), alphabet)] = sum(seen.get(c, 0) for c in alphabet)
            p = (seen.get(ch, 0) + BETA * p) / (n + BETA)
        return p


def _plain(d: dict[str, Counter[str]]) -> dict[str, dict[str, int]]:
    return {k: dict(v) for k, v in d.items()}


@cache
def _load_cached(path: str) -> ContextModel:
    from . import untrusted  # regular files only, size-capped, gzip bombs refused, schema checked

    try:
        payload = untrusted.read_json_gz(path)
    except FileNotFoundError:
        raise ModelError(f"{path}: no such model file (build one with 'restore learn')") from None
    except OSError as exc:
        raise ModelError(f"{path}: cannot read model ({exc.strerror or exc})") from None
    except ValueError as exc:
        raise ModelError(f"{path}: not a restore model ({exc})") from None
    if not isinstance(payload, dict) or payload.get("format") != FORMAT:
        raise ModelError(f"{path}: not a restore model")
    if payload.get("version") != VERSION:
        raise ModelError(
            f"{path}: model version {payload.get('version')} is not {VERSION}; rebuild it with 'restore learn'"
        )
    try:
        untrusted.check_model(payload)
    except ValueError as exc:
        raise ModelError(f"{path}: not a restore model ({exc})") from None
    return ContextModel(
        payload["candidates"],
        payload["unigram"],
        payload["left"],
        payload["right"],
        int(payload.get("chars", 0)),
        int(payload.get("order", ORDER)),
    )


def builtin_context_path() -> Path:
    """The context model shipped in the package's lexicon folder."""
    return builtin_lexicon_dir() / BUILTIN_CONTEXT
