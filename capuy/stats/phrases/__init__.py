"""How a Party report states each kind of figure, from numbers alone (no database).

One function per kind of statement. Each takes counts and returns a ``Statement`` whose
sentence follows the seeds' wording: counts padded to two digits ("09 đảng viên"), breakdowns
in parentheses in the order of the vocabulary ("khiển trách 08, cảnh cáo 01"), percentages with
a decimal comma ("19,92%"). Where the seeds phrase one figure in more than one accepted way, a
``style`` argument picks the wording; the numbers never change with the style.

The words for codes (discipline forms, petition kinds…) come from ``capuy/vocab/records``.
The statements live by subject — ``members`` (admissions, recognitions, strike-offs, the
member count, quality ratings), ``oversight`` (discipline, inspections, asset verifications),
``letters`` (petitions, letters and cases, resolution rate, dialogues) — over the shared
helpers of ``common``; this package exports them all under one name, ``phrases``.
"""

from __future__ import annotations

from capuy.stats.phrases.common import achievement_percent
from capuy.stats.phrases.letters import dialogues, letters_and_cases, petitions, resolution_rate
from capuy.stats.phrases.members import (
    admissions,
    member_count,
    quality_ratings,
    recognitions,
    strike_offs_and_removals,
)
from capuy.stats.phrases.oversight import asset_verifications, discipline, inspections

__all__ = [
    "achievement_percent",
    "admissions",
    "asset_verifications",
    "dialogues",
    "discipline",
    "inspections",
    "letters_and_cases",
    "member_count",
    "petitions",
    "quality_ratings",
    "recognitions",
    "resolution_rate",
    "strike_offs_and_removals",
]
