"""What every statistics function returns: the numbers and the sentence that states them."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

__all__ = ["Statement"]


@dataclass(frozen=True)
class Statement:
    """A figure a report states: named numbers, the Vietnamese clause, the records behind it.

    ``sentence`` is a clause as it sits inside a report's sentence (lower-case start, no final
    full stop) so a composer can embed it; ``as_sentence()`` gives it standalone. ``records``
    maps a number's name to the queryset it was counted from, for drill-down; the pure phrasing
    functions leave it empty and the database layer fills it.
    """

    kind: str
    numbers: dict[str, int | Decimal | None]
    sentence: str
    records: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def as_sentence(self) -> str:
        """The clause on its own: first letter capitalised, ending with a full stop."""
        text = self.sentence
        if not text:
            return text
        text = text[0].upper() + text[1:]
        return text if text.endswith((".", "!", "?")) else text + "."

    def __str__(self) -> str:
        return self.sentence
