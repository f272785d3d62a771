"""The helpers every statement uses: an achievement percentage, a list joined the way the
seeds join it, and a breakdown by the vocabulary's codes."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal

from capuy.text import format_count
from capuy.vocab.records import terms


def achievement_percent(actual: int | Decimal, target: int | Decimal | None) -> Decimal | None:
    """``actual`` as a percentage of ``target`` (None when there is no positive target)."""
    if target is None or Decimal(target) <= 0:
        return None
    return (Decimal(actual) * 100 / Decimal(target)).quantize(
        Decimal("0.0001"), rounding=ROUND_HALF_UP
    )


def join(parts: list[str], last: str = ", ") -> str:
    """ "a, b, c" or, with ``last=" và "``, "a, b và c"."""
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + last + parts[-1]


def breakdown(counts: Mapping[str, int], vocab: str, key: str, label_first: bool = True) -> str:
    """Non-zero counts in vocabulary order: "khiển trách 08, cảnh cáo 01"."""
    parts = []
    for term in terms(vocab, key):
        n = counts.get(term.code, 0)
        if n:
            parts.append(
                f"{term.label} {format_count(n)}"
                if label_first
                else f"{format_count(n)} {term.label}"
            )
    return ", ".join(parts)
