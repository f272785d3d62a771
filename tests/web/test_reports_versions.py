"""Every text a report had is kept (issue 11): a version per save with who and when, an
editor's saves within 10 minutes folded into one (autosave), Word uploads and the composer's
text always versions of their own; the versions page shows a word-level, escaped diff."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from capuy.accounts.levels import Role
from capuy.reports import versions, workflow
from capuy.reports.models import ReportVersion
from tests.web.conftest import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(tree):  # type: ignore[no-untyped-def]
    return {
        "lan": make_user("chuyenvien.lan", tree.town, Role.SPECIALIST),
        "hung": make_user("chuyenvien.hung", tree.town, Role.SPECIALIST),
    }


def _numbers(report):  # type: ignore[no-untyped-def]
    return [
        (v.number, v.source, v.author.username if v.author else None, v.saves)
        for v in ReportVersion.objects.filter(report=report).order_by("number")
    ]


def test_every_save_is_kept_and_autosaves_coalesce(tree, people) -> None:  # type: ignore[no-untyped-def]
    lan, hung = people["lan"], people["hung"]
    report = workflow.create_report(tree.town, "monthly", "2024-02", lan)
    first = report.body
    assert _numbers(report) == [(1, "composed", "chuyenvien.lan", 1)]

    workflow.save_text(report, first.replace("cụ thể:", "cụ thể như sau:", 1), lan)
    workflow.save_text(report, first.replace("cụ thể:", "cụ thể như dưới đây:", 1), lan)
    assert _numbers(report)[1:] == [(2, "edited", "chuyenvien.lan", 2)]  # one autosaved version
    workflow.save_text(report, report.body, lan)  # nothing changed: no version
    assert len(_numbers(report)) == 2

    workflow.save_text(report, first, hung)  # another person: a version of its own
    assert _numbers(report)[2] == (3, "edited", "chuyenvien.hung", 1)

    # ten minutes later the same person's save is a new version
    ReportVersion.objects.filter(report=report, number=3).update(
        saved_at=ReportVersion.objects.get(report=report, number=3).saved_at
        - dt.timedelta(minutes=11)
    )
    workflow.save_text(report, first.replace("cụ thể:", "cụ thể là:", 1), hung)
    assert [n for n, *_ in _numbers(report)] == [1, 2, 3, 4]
    workflow.save_text(
        report, first.replace("cụ thể:", "cụ thể là:", 1) + "\n", hung, source="word"
    )
    assert _numbers(report)[-1][:2] == (5, "word")


@pytest.mark.parametrize(
    ("old", "new", "marked"),
    [
        ("Tiếp nhận 12 đơn.", "Tiếp nhận 15 đơn.", "Tiếp nhận <del>12</del><ins>15</ins> đơn."),
        ("Kết nạp đảng viên.", "Kết nạp 03 đảng viên.", "Kết nạp<ins> 03</ins> đảng viên."),
        ("a <b> c", "a <i> c", "a &lt;<del>b</del><ins>i</ins>&gt; c"),  # escaped
    ],
)
def test_diff_is_word_by_word_and_escaped(old, new, marked) -> None:  # type: ignore[no-untyped-def]
    hunks = versions.diff(f"Dòng 1\n{old}\nDòng 3", f"Dòng 1\n{new}\nDòng 3")
    assert [h.kind for h in hunks] == ["same", "change", "same"]
    assert hunks[1].html == marked
    assert hunks[1].line == 2


def test_versions_page_lists_and_compares(client, tree, people) -> None:  # type: ignore[no-untyped-def]
    lan = people["lan"]
    report = workflow.create_report(tree.town, "monthly", "2024-02", lan)
    workflow.save_text(report, report.body.replace("cụ thể:", "cụ thể <em>như sau</em>:", 1), lan)
    client.force_login(lan, backend="django.contrib.auth.backends.ModelBackend")
    page = client.get(reverse("reports:versions", args=[report.pk]) + "?a=1&b=2").content.decode()
    assert 'data-version="1"' in page and 'data-version="2"' in page
    assert "Soạn tự động" in page and "Sửa trên trang" in page
    assert "&lt;em&gt;như sau&lt;/em&gt;</ins>" in page and "<em>như" not in page
    text = client.get(reverse("reports:version_text", args=[report.pk, 1]))
    assert text.content.decode() == ReportVersion.objects.get(report=report, number=1).body
    ward = make_user("vanthu.phuong", tree.pho_hoa, Role.CLERK)
    client.force_login(ward, backend="django.contrib.auth.backends.ModelBackend")
    assert client.get(reverse("reports:versions", args=[report.pk])).status_code == 404
