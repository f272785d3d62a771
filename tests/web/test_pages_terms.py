"""Terms roll over: a meeting held, or a document issued, after the committee's term 2020 -
2025 has ended is not stamped with it silently: the form says the term has ended and asks for
the new one; once declared, the record takes it. The demo declares the terms in force today."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from capuy.documents.numbering import peek_next_number
from capuy.orgs.models import Body, CommitteeTerm, term_in_force
from tests.web.test_meetings_records import logged_in, records  # noqa: F401 — the fixture

pytestmark = pytest.mark.django_db


def _meeting(bch: Body, held_on: str) -> dict[str, str]:
    return {
        "body": str(bch.pk),
        "kind": "thuong_ky",
        "ordinal": "",
        "title": "Hội nghị Thị ủy",
        "held_on": held_on,
        "place": "Hội trường Thị ủy",
        "chair": "",
        "attendance": "",
        "classification": "0",
        "notes": "",
        "noi_dung-TOTAL_FORMS": "0",
        "noi_dung-INITIAL_FORMS": "0",
        "noi_dung-MIN_NUM_FORMS": "0",
        "noi_dung-MAX_NUM_FORMS": "1000",
    }


def test_a_record_after_the_term_asks_for_the_new_term(town_clerk, tree, records) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    CommitteeTerm.objects.filter(organisation=tree.town, ordinal=22).delete()  # not declared
    CommitteeTerm.objects.filter(organisation=tree.town, ordinal=21).update(end_date=None)
    bch = Body.objects.get(organisation=tree.town, kind="bch")
    client = logged_in(town_clerk)
    page = client.post("/hoi-nghi/them/", _meeting(bch, "15/01/2026")).content.decode()
    assert "khóa XXI, nhiệm kỳ 2020 - 2025 đã kết thúc" in page
    assert "hãy khai báo nhiệm kỳ mới" in page
    btv = Body.objects.get(organisation=tree.town, kind="btv")
    with pytest.raises(Exception, match="đã kết thúc"):
        peek_next_number(btv, "KH", dt.date(2026, 1, 15))
    # the new term declared: the meeting takes it, numbering restarts
    CommitteeTerm.objects.filter(organisation=tree.town, ordinal=21).update(
        end_date=dt.date(2025, 9, 30)
    )
    CommitteeTerm.objects.create(
        organisation=tree.town,
        ordinal=22,
        start_year=2025,
        end_year=2030,
        start_date=dt.date(2025, 10, 1),
    )
    saved = client.post("/hoi-nghi/them/", _meeting(bch, "15/01/2026"), follow=True)
    assert "Đã lưu" in saved.content.decode()
    assert term_in_force(tree.town, dt.date(2026, 1, 15)).ordinal == 22  # type: ignore[union-attr]
    assert term_in_force(tree.town, dt.date(2024, 2, 26)).ordinal == 21  # type: ignore[union-attr]


def test_the_demo_has_a_term_in_force_today() -> None:
    from importlib import resources

    demo = yaml.safe_load(resources.files("capuy.web").joinpath("demo.yaml").read_text("utf-8"))
    town_terms = demo["town"]["terms"]
    ward_terms = [demo["wards"]["term"], demo["wards"]["next_term"]]
    today = dt.date.today()
    for terms in (town_terms, ward_terms):
        assert any(
            t["start_date"] <= today <= (t.get("end_date") or dt.date(t["end_year"], 12, 31))
            for t in terms
        )
