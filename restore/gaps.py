"""text -> numeric gaps (placeholder; being written)."""
from __future__ import annotations

from collections.abc import Sequence

from .model import Gap, Mask


def find_gaps(text: str, masks: Sequence[Mask] = ()) -> list[Gap]:
    return []
