"""The entries of a work list that are not work: an input opened, ended or failed.

They travel through :meth:`restore.runs.workers.Workers.map` beside the work items and
come out in order, so the consumer knows which input the next results belong to.
(Plain classes: a frozen dataclass costs about a millisecond of start-up to create.)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .workers import Passed

if TYPE_CHECKING:
    from .reading import TextSource


class Opened(Passed):
    """An input was opened; its work items follow. ``source`` is None for JSON Lines."""

    __slots__ = ("name", "source")

    def __init__(self, name: str, source: TextSource | None = None) -> None:
        self.name = name
        self.source = source


class Ended(Passed):
    """Every work item of the input ``name`` has been listed."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name


class Failed(Passed):
    """The input ``name`` could not be opened or read; ``message`` says why."""

    __slots__ = ("message", "name")

    def __init__(self, name: str, message: str) -> None:
        self.name = name
        self.message = message
