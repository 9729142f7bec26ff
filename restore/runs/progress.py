"""What a run did (:class:`Stats`), and how it shows it: a progress bar on a terminal,
messages above it, the closing summary line and ``--stats FILE``."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import IO, Any

import click


@dataclass
class Stats:
    """What a run did, summed over documents (JSON Lines records, or files)."""

    documents: int = 0
    characters: int = 0
    #: Mask symbols found, restored and left unresolved, counted in characters.
    masks: int = 0
    restored: int = 0
    unresolved: int = 0
    gaps: int = 0
    errors: int = 0
    started: float = field(default_factory=time.perf_counter)
    seconds: float = 0.0
    #: A --check run changes nothing: its summary says what was found, not what was done.
    check: bool = False
    #: What the records of a JSON Lines input showed about its filter (the input with
    #: the most pages with masks): the characters it hides, and how many pages said so.
    filter_hides: str | None = None
    filter_pages: int = 0

    def add(self, characters: int, counts: dict[str, int]) -> None:
        self.characters += characters
        self.masks += counts["masks"]
        self.restored += counts["restored"]
        self.unresolved += counts["unresolved"]
        self.gaps += counts["gaps"]

    def stop(self) -> None:
        self.seconds = time.perf_counter() - self.started

    def summary(self) -> str:
        """``restore: 400 documents, 262,698 characters, 1,709 masks restored, 24 unresolved, ...``

        >>> Stats(1, 1200, 3, 2, 1, 1, seconds=0.25).summary()
        'restore: 1 document, 1,200 characters, 2 masks restored, 1 unresolved, 1 gap marked in 0.2 s'
        >>> Stats(1, 1200, 3, 2, 1, 1, seconds=0.25, check=True).summary()
        'restore: 1 document, 1,200 characters, 2 masks restorable, 1 unresolved, 1 gap found in 0.2 s'
        >>> Stats(150, 263941, 800, 776, 24, 401, seconds=1.2, filter_hides="党政", filter_pages=135).summary().split(", ")[-1]
        '401 gaps marked in 1.2 s; filter: 党政 (135 pages)'
        """

        def n(count: int, noun: str) -> str:
            return f"{count:,} {noun}{'' if count == 1 else 's'}"

        errors = f", {n(self.errors, 'error')}" if self.errors else ""
        restored, marked = ("restorable", "found") if self.check else ("restored", "marked")
        return (
            f"restore: {n(self.documents, 'document')}, {n(self.characters, 'character')}, "
            f"{n(self.restored, 'mask')} {restored}, {self.unresolved:,} unresolved, "
            f"{n(self.gaps, 'gap')} {marked}{errors} in {self.seconds:.1f} s{self._filter()}"
        )

    def _filter(self) -> str:
        if self.filter_hides is None or not self.filter_pages:
            return ""
        return f"; filter: {self.filter_hides or 'none of the candidates'} ({n_pages(self.filter_pages)})"

    def to_json(self) -> dict[str, object]:
        rate = self.characters / self.seconds if self.seconds > 0 else None
        return {
            "documents": self.documents,
            "characters": self.characters,
            "masks": self.masks,
            "restored": self.restored,
            "unresolved": self.unresolved,
            "gaps": self.gaps,
            "errors": self.errors,
            "seconds": round(self.seconds, 3),
            "characters_per_second": round(rate) if rate is not None else None,
            "filter": None
            if self.filter_hides is None
            else {"hides": self.filter_hides, "pages": self.filter_pages},
        }


def n_pages(count: int) -> str:
    return f"{count:,} page{'' if count == 1 else 's'}"


class Measure:
    """What a bar counts when its total is known: ``done()`` of ``total`` ``unit``."""

    __slots__ = ("done", "total", "unit")

    def __init__(self, total: int, unit: str, done: Callable[[], int]) -> None:
        self.total = total
        self.unit = unit
        self.done = done


class Progress:
    """A tqdm bar on stderr counting characters, with documents, masks and gaps as postfix.

    With a :class:`Measure` (a known total: the number of files, or the bytes of the
    JSON Lines files to read), it counts that instead, so it shows a percentage and the
    time left; characters go into the postfix.

    Disabled, it does nothing and tqdm is never imported. The bar is redrawn at most
    every :data:`INTERVAL` seconds; :meth:`write` prints a message above it.
    """

    INTERVAL = 0.2

    def __init__(
        self, stats: Stats, enabled: bool, stream: IO[str] | None = None, measure: Measure | None = None
    ) -> None:
        self.stats = stats
        self.bar: Any = None
        self.measure = measure
        self._shown = 0
        self._last = 0.0
        if enabled:
            from tqdm import tqdm

            tqdm.monitor_interval = 0  # no monitor thread (worker processes may be forked)
            self.bar = tqdm(
                file=stream or sys.stderr,
                total=measure.total if measure else None,
                unit=measure.unit if measure else "char",
                unit_scale=measure is None or measure.unit == "B",
                dynamic_ncols=True,
                leave=False,
                desc="restore",
            )

    def update(self, force: bool = False) -> None:
        if self.bar is None:
            return
        now = time.monotonic()
        if not force and now - self._last < self.INTERVAL:
            return
        self._last = now
        s = self.stats
        postfix = {"docs": f"{s.documents:,}", "restored": f"{s.restored:,}", "gaps": f"{s.gaps:,}"}
        done = self.measure.done() if self.measure else s.characters
        if self.measure:
            postfix = {"chars": f"{s.characters:,}", **postfix}
        self.bar.set_postfix(postfix, refresh=False)
        self.bar.update(done - self._shown)
        self._shown = done

    def message(self, message: str) -> None:
        """One line on stderr: above the bar while one is shown, else as click writes it."""
        if self.bar is not None:
            self.write(message)
        else:
            click.echo(message, err=True)

    def write(self, message: str) -> None:
        if self.bar is None:
            print(message, file=sys.stderr)
        else:
            self.bar.write(message, file=sys.stderr)

    def close(self) -> None:
        if self.bar is not None:
            self.update(force=True)
            self.bar.close()
            self.bar = None
