"""The reports composed from the demo records, byte for byte as before (issue 10).

The February 2024 monthly report of Thị ủy Đức Phổ is the issue's yardstick; the other kinds
are kept too, since their composition goes through the same seams (periods, sections,
providers). Each golden file holds the Markdown and the provenance (key, value, model, how
many records — ids differ between databases).
"""

from __future__ import annotations

import datetime as dt
import json

import pytest

from capuy.reports.compose import compose
from capuy.web.demo import load_demo
from tests.golden import assert_golden

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

CASES = [
    ("monthly", "2024-02"),
    ("quarterly", "2024-Q1"),
    ("six_month", "2024-H1"),
    ("nine_month", "2024"),
    ("yearly", "2023"),
    ("conclusion", "2024-9M"),
    ("mid_term", "2020-2025"),
    ("term", "2020-2025"),
    ("thematic", "2021-05-18..2024-02-26"),
]


def test_composed_reports_are_unchanged(db: None) -> None:
    ctx = load_demo()
    for kind, spec in CASES:
        report = compose(ctx.town, kind, spec, today=dt.date(2024, 3, 1))
        provenance = [
            {
                "key": s.key,
                "label": s.label,
                "value": str(s.value),
                "model": s.model,
                "n": len(s.ids),
            }
            for s in report.provenance
        ]
        name = f"reports/{kind}_{spec.replace('..', '_')}"
        assert_golden(f"{name}.md", report.markdown)
        assert_golden(
            f"{name}.provenance.json",
            json.dumps(provenance, ensure_ascii=False, indent=1) + "\n",
        )
        assert report.title and report.due_on
