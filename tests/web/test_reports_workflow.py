"""The report's workflow on a real database: compose → check on save → approve (leader) →
issue (register number) → submit, with the audit trail; and the roll-up at the town: a ward's
late quarterly report shows late, the town's quarterly report sums the wards' indicators."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import PermissionDenied

from capuy.accounts.levels import Role
from capuy.documents.models import Document
from capuy.documents.numbering import register_outgoing
from capuy.errors import InputError
from capuy.indicators.models import Indicator, IndicatorValue, Target
from capuy.orgs.models import Body, CommitteeTerm
from capuy.reports import workflow
from capuy.reports.board import subordinate_board
from capuy.reports.compose import compose
from capuy.reports.models import Report
from tests.web.conftest import make_user
from tests.web.report_text import filled

pytestmark = pytest.mark.django_db

DUPLICATE = "Tiếp tục thực hiện thực hiện các nhiệm vụ đã đề ra."


@pytest.fixture
def people(tree):  # type: ignore[no-untyped-def]
    return {
        "specialist": make_user("chuyenvien", tree.town, Role.SPECIALIST),
        "leader": make_user("lanhdao", tree.town, Role.LEADER),
        "clerk": make_user("vanthu", tree.town, Role.CLERK),
        "ward_clerk": make_user("vanthu.phuong", tree.pho_hoa, Role.CLERK, Role.LEADER),
    }


def _with_sentence(body: str, sentence: str) -> str:
    """The text with ``sentence`` put at the end of the first paragraph of section I."""
    head, rest = body.split("\n# I- ", 1)
    first, after = rest.split("\n\n", 1)
    second, tail = after.split("\n\n", 1)
    return f"{head}\n# I- {first}\n\n{second} {sentence}\n\n{tail}"


def test_whole_path_compose_check_approve_issue_submit(tree, people) -> None:  # type: ignore[no-untyped-def]
    register_outgoing(
        issuing_body=Body.objects.get(organisation=tree.town, kind="btv"),
        type_code="KH",
        issued_on=dt.date(2024, 2, 8),
        summary="Đối thoại trực tiếp giữa Bí thư Thị ủy với công dân năm 2024",
    )
    report = workflow.create_report(tree.town, "monthly", "2024-02", people["specialist"])
    assert report.state in (Report.State.DRAFT, Report.State.CHECKED)
    assert (report.start, report.end) == (dt.date(2024, 1, 27), dt.date(2024, 2, 26))
    assert report.due_on == dt.date(2024, 2, 28)

    workflow.save_text(report, _with_sentence(report.body, DUPLICATE), people["specialist"])
    assert report.state == Report.State.DRAFT
    assert any(f["rule"] == "duplicate.word" for f in report.findings)

    workflow.save_text(
        report,
        filled(_with_sentence(report.body.replace(" " + DUPLICATE, ""), "")),
        people["specialist"],
    )
    errors = [f for f in report.findings if f["severity"] == "error"]
    assert errors == [] and report.state == Report.State.CHECKED

    with pytest.raises(PermissionDenied):
        workflow.approve(report, people["specialist"])
    workflow.approve(report, people["leader"])
    with pytest.raises(PermissionDenied):
        workflow.issue(report, people["specialist"])
    workflow.issue(report, people["clerk"], on=dt.date(2024, 2, 26))
    document = Document.objects.get(pk=report.document_id)
    assert document.symbol == "01-BC/TU" and document.type_code == "BC"
    assert "symbol: 01-BC/TU" in report.body and "draft: false" in report.body
    # the appendix says which report it goes with, as seed 000's does
    assert (
        "(kèm theo Báo cáo số 01-BC/TU ngày 26/02/2024 của Ban Thường vụ Thị ủy)"
        in (report.body.split("# PHỤ LỤC", 1)[1])
    )
    assert report.state == Report.State.ISSUED
    with pytest.raises(InputError):
        workflow.save_text(report, report.body, people["specialist"])  # issued: no more edits

    workflow.submit(report, people["clerk"], on=dt.date(2024, 2, 27))
    assert report.state == Report.State.SUBMITTED and not report.is_late()
    actors = set(LogEntry.objects.get_for_object(report).values_list("actor__username", flat=True))
    assert {"chuyenvien", "lanhdao", "vanthu"} <= actors


def _ward_ready(ward):  # type: ignore[no-untyped-def]
    Body.objects.create(organisation=ward, kind="btv", name=f"Ban Thường vụ {ward.committee_name}")
    CommitteeTerm.objects.create(
        organisation=ward, start_year=2020, end_year=2025, start_date=dt.date(2020, 6, 1)
    )


@pytest.mark.parametrize(
    ("submitted", "status"),
    [
        (dt.date(2024, 4, 2), "on_time"),
        (dt.date(2024, 4, 3), "on_time"),
        (dt.date(2024, 4, 10), "late"),
    ],
)
def test_ward_quarterly_report_late_or_on_time_at_the_town(tree, people, submitted, status) -> None:  # type: ignore[no-untyped-def]
    _ward_ready(tree.pho_hoa)
    who = people["ward_clerk"]
    report = workflow.create_report(tree.pho_hoa, "quarterly", "2024-Q1", who)
    assert report.due_on == dt.date(2024, 4, 3)  # quarter's end + 3 days (quarterly.yaml)
    workflow.save_text(report, filled(report.body), who)
    assert report.state == Report.State.CHECKED, report.findings
    workflow.approve(report, who)
    workflow.issue(report, who, on=submitted)
    workflow.submit(report, who, on=submitted)
    rows = {
        r.unit.pk: r
        for r in subordinate_board(tree.town, "quarterly", "2024-Q1", dt.date(2024, 5, 1))
    }
    assert rows[tree.pho_hoa.pk].status == status
    assert rows[tree.pho_minh.pk].status == "missing"
    early = subordinate_board(tree.town, "quarterly", "2024-Q1", dt.date(2024, 4, 1))
    assert {r.unit.pk: r.status for r in early}[tree.pho_minh.pk] == "pending"
    town = compose(tree.town, "quarterly", "2024-Q1")
    late_word = "trễ hạn" if status == "late" else "đúng hạn"
    assert f"{tree.pho_hoa.committee_name}: Báo cáo số {report.symbol}" in town.markdown
    assert f"({late_word})." in town.markdown
    assert f"{tree.pho_minh.committee_name}: chưa nhận báo cáo." in town.markdown


# values each ward entered for January, February and March 2024 (households supported, say)
WARD_VALUES = {"pho_hoa": [12, 7, 9], "pho_minh": [4, 15, 1]}


@pytest.mark.parametrize(("target", "percent"), [(Decimal(80), "60,00%"), (Decimal(32), "150,00%")])
def test_town_quarterly_report_sums_the_wards_indicators(tree, target, percent) -> None:  # type: ignore[no-untyped-def]
    indicator = Indicator.objects.create(
        code="ho_ngheo_ho_tro", name="Số hộ nghèo được hỗ trợ", unit="hộ", rollup="sum"
    )
    for name, values in WARD_VALUES.items():
        ward = getattr(tree, name)
        for month, value in enumerate(values, start=1):
            last = [31, 29, 31][month - 1]
            IndicatorValue.objects.create(
                indicator=indicator,
                organisation=ward,
                period_start=dt.date(2024, month, 1),
                period_end=dt.date(2024, month, last),
                value=Decimal(value),
                submitted_on=dt.date(2024, month, last),
            )
    # a value of April must not count in quarter I
    IndicatorValue.objects.create(
        indicator=indicator,
        organisation=tree.pho_hoa,
        period_start=dt.date(2024, 4, 1),
        period_end=dt.date(2024, 4, 30),
        value=Decimal(100),
        submitted_on=dt.date(2024, 4, 30),
    )
    Target.objects.create(
        indicator=indicator,
        organisation=tree.town,
        start=dt.date(2024, 1, 1),
        end=dt.date(2024, 12, 31),
        label="năm 2024",
        value=target,
        source="tỉnh giao",
    )
    town = compose(tree.town, "quarterly", "2024-Q1")
    total = sum(sum(v) for v in WARD_VALUES.values())
    assert town.value("indicators.ho_ngheo_ho_tro") == Decimal(total)
    assert (
        f"| Số hộ nghèo được hỗ trợ | hộ | {total} | {int(target)} | {percent} |" in town.markdown
    )
    assert len(town.source("indicators.ho_ngheo_ho_tro").ids) == 6


# (ward, admissions, recognitions) recorded in quarter I; one admission straight at the town
UNIT_EVENTS = [("pho_hoa", 3, 1), ("pho_hoa_cell", 2, 0), ("pho_minh", 1, 2), ("town", 1, 0)]


def test_town_quarterly_report_merges_the_wards_member_figures(tree) -> None:  # type: ignore[no-untyped-def]
    from capuy.members.services import admit, record_event

    n = 0
    for unit_name, admitted, recognised in UNIT_EVENTS:
        unit = getattr(tree, unit_name)
        for i in range(admitted):
            admit(unit, f"Người thứ {n}", "nam", dt.date(2024, 2, 1 + i))
            n += 1
        for i in range(recognised):
            member = admit(unit, f"Người thứ {n}", "nu", dt.date(2023, 1, 5 + i))
            record_event(member, "recognition", dt.date(2024, 1, 10 + i))
            n += 1
    town = compose(tree.town, "quarterly", "2024-Q1")
    table = town.markdown.split("Phát triển, quản lý đảng viên ở các tổ chức đảng trực thuộc", 1)[1]
    assert f"| {tree.pho_hoa.committee_name} | 05 | 01 | 00 | 00 |" in table  # ward + its cell
    assert f"| {tree.pho_minh.committee_name} | 01 | 02 | 00 | 00 |" in table
    assert "| Thị ủy (trực tiếp) | 01 | 00 | 00 | 00 |" in table
    assert "| Cộng | 07 | 03 | 00 | 00 |" in table
    assert town.value("members.admissions") == 7 and town.value("members.recognitions") == 3
