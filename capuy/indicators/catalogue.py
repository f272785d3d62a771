"""The indicators every committee computes from its records, created from the vocabulary."""

from __future__ import annotations

from capuy.indicators.models import Indicator
from capuy.vocab.records import load


def ensure_computed_indicators() -> list[Indicator]:
    """Create (or update) the computed indicators listed in ``indicators.yaml``; idempotent."""
    out = []
    for position, entry in enumerate(load("indicators")["computed"], start=1):
        indicator, _ = Indicator.objects.update_or_create(
            code=entry["code"],
            defaults={
                "name": entry["name"],
                "unit": entry["unit"],
                "rollup": entry["rollup"],
                "source": entry["source"],
                "position": position,
            },
        )
        out.append(indicator)
    return out
