"""restore: repair Chinese text damaged by a character filter and a digit scraper.

>>> from restore import restore_text
>>> restore_text("坚持以*建引领").text
'坚持以党建引领'
"""

from .apply import apply_edits
from .config import RestoreConfig
from .model import Edit, Gap, Mask, MaskState, Result
from .pipeline import Restorer, restore_text

__all__ = [
    "Edit",
    "Gap",
    "Mask",
    "MaskState",
    "RestoreConfig",
    "Restorer",
    "Result",
    "apply_edits",
    "restore_text",
]
__version__ = "0.11.1"
