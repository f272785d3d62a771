"""What sends an imported file to a person, from its metadata alone (``capuy.archive.problems``):
a date after the import day is checked against the original, the document still filed (issue
12: held-out set 13's scans read "2035" for "2025" in two headers, filed without a word)."""

from __future__ import annotations

import datetime as dt

import pytest

from capuy.archive.problems import BLOCKING, FLAGGED, PROBLEMS, problems_of

TODAY = dt.date(2026, 12, 4)
COMPLETE = {"number": "231-QĐ/ĐU", "type_code": "QĐ", "summary": "kết nạp", "issuer": "X"}


@pytest.mark.parametrize(
    ("date", "confidence", "expected"),
    [
        ("2025-12-18", 0.95, []),
        ("2026-12-04", None, []),  # dated the day it is imported
        ("2035-12-18", 0.95, ["future-date"]),  # a scan's misread year
        ("2026-12-05", None, ["future-date"]),  # a typed file's slip
        ("", 0.95, ["no-date"]),
        ("2035-12-18", 0.40, ["future-date", "low-ocr"]),
    ],
)
def test_a_date_after_the_import_day_goes_to_a_person(
    date: str, confidence: float | None, expected: list[str]
) -> None:
    assert problems_of({**COMPLETE, "date": date}, confidence, today=TODAY) == expected


def test_a_future_date_is_flagged_not_blocking_and_said_in_vietnamese() -> None:
    assert "future-date" in FLAGGED
    assert "future-date" not in BLOCKING  # filed, and listed on the review page
    assert PROBLEMS["future-date"].startswith("ngày ban hành sau ngày hôm nay")
