"""The entries of a work list that are not work: an input opened, ended or failed.

They travel through :meth:`restore.runs.workers.Workers.map` beside the work items and
come out in order, so the consumer knows which input the next results belong to.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .workers import Passed

if TYPE_CHECKING:
    from .reading import TextSource


@dataclass(frozen=True)
class Opened(Passed):
    """An input was opened; its work items follow. ``source`` is None for JSON Lines."""

    name: str
    source: TextSource | None = None


@dataclass(frozen=True)
class Ended(Passed):
    """Every work item of the input ``name`` has been listed."""

    name: str


@dataclass(frozen=True)
class Failed(Passed):
    """The input ``name`` could not be opened or read; ``message`` says why."""

    name: str
    message: str
