"""The report pages through Django's test client: compose, HTMX save with findings, actions by
role, DOCX download read back, scoping (a ward never sees the town's report)."""

from __future__ import annotations

import io

import docx
import pytest
from django.urls import reverse

from capuy.accounts.levels import Role
from capuy.reports.models import Report
from tests.web.conftest import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def specialist(tree):  # type: ignore[no-untyped-def]
    return make_user("chuyenvien", tree.town, Role.SPECIALIST)


def _login(client, user) -> None:  # type: ignore[no-untyped-def]
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")


def _compose(client, tree) -> Report:  # type: ignore[no-untyped-def]
    response = client.post(
        reverse("reports:compose"),
        {"to_chuc": tree.town.pk, "loai": "monthly", "ky": "2024-02", "chu_de": ""},
    )
    assert response.status_code == 302
    return Report.objects.get(organisation=tree.town, kind="monthly", period="2024-02")


def test_compose_edit_and_findings_beside_the_text(client, tree, specialist) -> None:  # type: ignore[no-untyped-def]
    _login(client, specialist)
    assert client.get(reverse("reports:list")).status_code == 200
    report = _compose(client, tree)
    page = client.get(reverse("reports:detail", args=[report.pk])).content.decode()
    assert 'name="noi_dung"' in page and "Kết quả kiểm tra" in page
    assert 'id="approve"' not in page  # a specialist does not approve
    body = report.body.replace("cụ thể:", "cụ thể: thực hiện thực hiện nhiệm vụ.", 1)
    partial = client.post(
        reverse("reports:save", args=[report.pk]), {"noi_dung": body}, HTTP_HX_REQUEST="true"
    ).content.decode()
    assert 'data-rule="duplicate.word"' in partial and "<html" not in partial
    report.refresh_from_db()
    assert report.state == Report.State.DRAFT


@pytest.mark.parametrize(
    ("period", "message"),
    [("2024-13", "Kỳ báo cáo “2024-13” không hợp lệ"), ("tháng hai", "không hợp lệ")],
)
def test_bad_period_is_refused_in_vietnamese(client, tree, specialist, period, message) -> None:  # type: ignore[no-untyped-def]
    _login(client, specialist)
    response = client.post(
        reverse("reports:compose"), {"to_chuc": tree.town.pk, "loai": "monthly", "ky": period}
    )
    assert response.status_code == 400 and message in response.content.decode()


def test_docx_download_is_the_official_layout(client, tree, specialist) -> None:  # type: ignore[no-untyped-def]
    _login(client, specialist)
    report = _compose(client, tree)
    response = client.get(reverse("reports:download", args=[report.pk, "docx"]))
    assert response.status_code == 200
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(response.content)).paragraphs)
    assert "BÁO CÁO" in text and "I- MỘT SỐ HOẠT ĐỘNG TRỌNG TÂM TRONG THÁNG 02/2024" in text
    assert "(kỳ báo cáo từ ngày 27/01/2024 đến ngày 26/02/2024)" in text


def test_a_ward_user_never_sees_the_towns_report(client, tree, specialist, ward_clerk) -> None:  # type: ignore[no-untyped-def]
    _login(client, specialist)
    report = _compose(client, tree)
    client.logout()
    _login(client, ward_clerk)
    assert client.get(reverse("reports:detail", args=[report.pk])).status_code == 404
    assert client.get(reverse("reports:download", args=[report.pk, "docx"])).status_code == 404
    assert report.title not in client.get(reverse("reports:list")).content.decode()


def test_home_reminds_of_reports_not_yet_submitted(client, tree, specialist) -> None:  # type: ignore[no-untyped-def]
    _login(client, specialist)
    report = _compose(client, tree)
    home = client.get("/").content.decode()
    assert "Báo cáo chưa gửi cấp trên" in home
    assert reverse("reports:detail", args=[report.pk]) in home and "quá hạn" in home


def test_board_page_lists_the_subordinate_units(client, tree, specialist) -> None:  # type: ignore[no-untyped-def]
    _login(client, specialist)
    page = client.get(reverse("reports:board"), {"loai": "quarterly", "ky": "2024-Q1"})
    text = page.content.decode()
    assert page.status_code == 200
    assert tree.pho_hoa.committee_name in text and tree.pho_minh.committee_name in text
    assert "Chưa nhận, quá hạn" in text


@pytest.mark.parametrize(
    ("period", "title"),
    [
        ("Quý I/2024", "tình hình công tác quý I/2024; nhiệm vụ trọng tâm quý II/2024"),
        ("6 tháng đầu năm 2024", "2024; phương hướng, nhiệm vụ 6 tháng cuối năm 2024"),
    ],
)
def test_the_report_keeps_its_whole_two_line_summary(
    client, tree, specialist, period, title
) -> None:  # type: ignore[no-untyped-def]
    """A two-line summary ("…quý I/2024;" / "nhiệm vụ trọng tâm quý II/2024") became the
    title "tình hình công tác quý I/2024;" — its first line with a stray ";"."""
    _login(client, specialist)
    response = client.post(
        reverse("reports:compose"), {"to_chuc": tree.town.pk, "loai": "", "ky": period}
    )
    assert response.status_code == 302
    report = Report.objects.get(organisation=tree.town)
    assert title in report.title and not report.title.endswith(";")
    page = client.get(reverse("reports:list")).content.decode()
    assert title in page


def test_the_editor_versions_and_confirmation_name_the_period_in_words(
    client, tree, specialist
) -> None:  # type: ignore[no-untyped-def]
    """The editor's heading read "Soạn thảo báo cáo quý 2024-Q1" (the stored code), so did
    the versions page and the confirmation before issuing: "quý I/2024" now."""
    import re

    _login(client, specialist)
    client.post(
        reverse("reports:compose"), {"to_chuc": tree.town.pk, "loai": "", "ky": "Quý I/2024"}
    )
    report = Report.objects.get(organisation=tree.town)
    leader = make_user("lanhdao", tree.town, Role.LEADER)
    pages = [
        (specialist, reverse("reports:editor", args=[report.pk])),
        (specialist, reverse("reports:versions", args=[report.pk])),
        (leader, reverse("reports:confirm", args=[report.pk, "ban-hanh"])),
    ]
    for user, url in pages:
        if user == leader:  # approved, it can be issued
            Report.objects.filter(pk=report.pk).update(state=Report.State.APPROVED)
        _login(client, user)
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        text = re.sub(r"<[^>]+>", " ", html.split("<main", 1)[1])
        assert "2024-Q1" not in text, url
        assert "quý I/2024" in text, url


def test_the_sources_of_figures_speak_vietnamese(client, tree, specialist) -> None:  # type: ignore[no-untyped-def]
    """ "Nguồn số liệu" named the records by their code ("indicators.IndicatorValue, 45 bản
    ghi") and wrote figures as stored ("66345"); the long code also pushed the page past a
    phone's width."""
    import re

    _login(client, specialist)
    client.post(
        reverse("reports:compose"), {"to_chuc": tree.town.pk, "loai": "", "ky": "Quý I/2024"}
    )
    report = Report.objects.get(organisation=tree.town)
    # a figure read from the indicators, as compose records it when the unit has values
    report.provenance.append(
        {"label": "Tổng số hộ dân", "value": "66345", "model": "indicators.IndicatorValue",
         "ids": [1, 2, 3]}
    )  # fmt: skip
    report.save(update_fields=["provenance"])
    html = client.get(reverse("reports:detail", args=[report.pk])).content.decode()
    sources = html.split('class="provenance"', 1)[1].split("</ul>", 1)[0]
    assert not re.search(r"\b[a-z]+\.[A-Z][A-Za-z]+\b", sources)  # no "meetings.Meeting"
    assert "Tổng số hộ dân</strong>: 66.345" in sources
    assert "(số liệu chỉ tiêu, 3 bản ghi)" in sources


def test_required_choice_lists_say_choose_not_dashes(client, tree, specialist) -> None:  # type: ignore[no-untyped-def]
    """The compose form's "Cấp ủy" and the register's "Cơ quan ban hành" opened on Django's
    "---------"; they ask the office worker to choose, in Vietnamese."""
    _login(client, specialist)
    compose = client.get(reverse("reports:list")).content.decode()
    assert '<option value="" selected>— chọn cấp ủy —</option>' in compose
    _login(client, make_user("vanthu", tree.town, Role.CLERK))
    register = client.get(reverse("documents:register")).content.decode()
    assert "— chọn cơ quan —" in register
    assert "---------" not in compose + register
