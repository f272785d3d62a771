"""The synthetic cells generator: its per-cell monthly rows agree with the raw rows they sum."""

from __future__ import annotations

import datetime as dt

import pytest

from capuy.dues.book import naive_rollup, rollup
from capuy.dues.synth import generate_cells
from capuy.handbook.stats import attendance_rollup, naive_attendance

pytestmark = pytest.mark.slow


@pytest.mark.django_db
def test_town_two_months_summaries_equal_raw_rows() -> None:
    root = generate_cells("town", months=2, first_month=dt.date(2025, 3, 1))
    for month in (dt.date(2025, 3, 1), dt.date(2025, 4, 1)):
        dues = rollup(root, month)
        assert (dues.members, dues.due, dues.paid) == naive_rollup(root, month)
        assert dues.members == 15 * 10 * 30 and dues.cells == 150
        att = attendance_rollup(root, month)
        assert (att.invited, att.present, att.excused) == naive_attendance(root, month)
        assert att.meetings == 150 * (2 if month.month == 3 else 1)
        for child in dues.children:
            assert (child.members, child.due, child.paid) == naive_rollup(child.unit, month)
