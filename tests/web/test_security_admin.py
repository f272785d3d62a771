"""Classification holds in the admin and the audit trail (issue 18, finding 1).

An administrator with ordinary clearance reads nothing of a Mật document, meeting or report:
not in the audit trail's list, search or entry pages, not in the Report admin, not beside a
raw id on an ordinary meeting's edit form (admin or the meeting's own page). The same pages
show it to a cleared administrator, so the tests can fail. Then two guards keep it so: every
model with an organisation or a classification is registered in ``capuy.accounts.scoped``,
and every admin page of such a model (or pointing to one) uses ``ScopedAdminMixin``.
"""

from __future__ import annotations

import datetime as dt

import pytest
from auditlog.context import set_actor
from auditlog.models import LogEntry
from django.apps import apps
from django.contrib import admin
from django.contrib.auth.models import User
from django.db import models
from django.test import Client

from capuy.accounts.admin_scoping import ScopedAdminMixin
from capuy.accounts.levels import Classification, Role
from capuy.accounts.models import Profile
from capuy.accounts.scoped import scope_of
from capuy.documents.numbering import register_outgoing
from capuy.meetings.models import AgendaItem, Meeting
from capuy.orgs.models import Body, Organisation
from capuy.reports.models import Report
from tests.web.conftest import PASSWORD, Tree, make_user

SECRET_SUMMARY = "Phương án nhân sự bí mật khóa XXII"
SECRET_SIGNER = "Trần Văn Bảo Mật"
SECRET_MEETING = "Hội nghị kín bàn nhân sự"
SECRET_NOTES = "Ghi chú kín về nhân sự"
SECRET_REPORT = "Báo cáo kín về tình hình nội bộ"


@pytest.fixture
def secrets(tree: Tree) -> dict[str, object]:
    clerk = make_user("vanthu", tree.town, Role.CLERK, clearance=Classification.MOST_SECRET)
    btv = Body.objects.get(organisation=tree.town, kind="btv")
    with set_actor(clerk):
        document = register_outgoing(
            issuing_body=btv,
            type_code="TB",
            issued_on=dt.date(2024, 3, 1),
            summary=SECRET_SUMMARY,
            signer_name=SECRET_SIGNER,
            classification=Classification.SECRET,
        )
        meeting = Meeting.objects.create(
            organisation=tree.town,
            body=btv,
            title=SECRET_MEETING,
            held_on=dt.date(2024, 3, 2),
            notes=SECRET_NOTES,
            classification=Classification.SECRET,
        )
        ordinary = Meeting.objects.create(
            organisation=tree.town,
            body=btv,
            title="Hội nghị thường kỳ",
            held_on=dt.date(2024, 3, 5),
        )
        item = AgendaItem.objects.create(meeting=ordinary, title="Thông qua", document=document)
        report = Report.objects.create(
            organisation=tree.town,
            kind="monthly",
            period="2024-03",
            start=dt.date(2024, 2, 27),
            end=dt.date(2024, 3, 26),
            title=SECRET_REPORT,
            body="---\nkind: BÁO CÁO\n---\n",
            due_on=dt.date(2024, 3, 28),
            classification=Classification.SECRET,
        )
    return {"document": document, "meeting": meeting, "ordinary": ordinary, "item": item,
            "report": report}  # fmt: skip


def _admin(clearance: int) -> Client:
    user = User.objects.create_superuser(f"quantri{clearance}", password=PASSWORD)
    Profile.objects.create(user=user, clearance=clearance)
    client = Client()
    client.force_login(user)
    return client


def _entry(obj: models.Model) -> LogEntry:
    return LogEntry.objects.get_for_object(obj).earliest("timestamp")


SECRETS = (SECRET_SUMMARY, SECRET_SIGNER, SECRET_MEETING, SECRET_NOTES, SECRET_REPORT, "01-TB/TU")


@pytest.mark.django_db
def test_audit_trail_hides_classified_records_from_an_uncleared_admin(
    secrets: dict[str, models.Model],
) -> None:
    client = _admin(Classification.NORMAL)
    pages = [client.get("/quan-tri/auditlog/logentry/")]
    for word in ("bí mật", "Bảo Mật", "kín", "TB/TU"):
        pages.append(client.get("/quan-tri/auditlog/logentry/", {"q": word}))
    for page in pages:
        assert page.status_code == 200
        text = page.content.decode()
        for secret in SECRETS:
            assert secret not in text
    for name in ("document", "meeting", "report"):
        response = client.get(f"/quan-tri/auditlog/logentry/{_entry(secrets[name]).pk}/change/")
        assert response.status_code in (302, 404)
        assert not any(s in response.content.decode() for s in SECRETS)
    # the ordinary meeting's entries stay visible
    assert "Hội nghị thường kỳ" in pages[0].content.decode()


@pytest.mark.django_db
def test_a_cleared_admin_reads_the_same_entries(secrets: dict[str, models.Model]) -> None:
    client = _admin(Classification.MOST_SECRET)
    text = client.get("/quan-tri/auditlog/logentry/", {"q": "bí mật"}).content.decode()
    assert SECRET_SUMMARY in text
    response = client.get(f"/quan-tri/auditlog/logentry/{_entry(secrets['document']).pk}/change/")
    assert response.status_code == 200 and SECRET_SIGNER in response.content.decode()


@pytest.mark.django_db
def test_entries_of_a_deleted_classified_record_need_the_highest_clearance(
    secrets: dict[str, models.Model],
) -> None:
    meeting = secrets["meeting"]
    entry = _entry(meeting)
    meeting.delete()
    low = _admin(Classification.TOP_SECRET)
    assert low.get(f"/quan-tri/auditlog/logentry/{entry.pk}/change/").status_code != 200
    high = _admin(Classification.MOST_SECRET)
    assert high.get(f"/quan-tri/auditlog/logentry/{entry.pk}/change/").status_code == 200


@pytest.mark.django_db
def test_record_admins_are_scoped_by_clearance(secrets: dict[str, models.Model]) -> None:
    client = _admin(Classification.NORMAL)
    listing = client.get("/quan-tri/reports/report/").content.decode()
    assert f"/quan-tri/reports/report/{secrets['report'].pk}/change/" not in listing
    for url in (
        f"/quan-tri/reports/report/{secrets['report'].pk}/change/",
        f"/quan-tri/meetings/meeting/{secrets['meeting'].pk}/change/",
        f"/quan-tri/documents/document/{secrets['document'].pk}/change/",
    ):
        response = client.get(url)
        assert response.status_code in (302, 404), url
        assert not any(s in response.content.decode() for s in SECRETS), url
    cleared = _admin(Classification.SECRET)
    listing = cleared.get("/quan-tri/reports/report/").content.decode()
    assert f"/quan-tri/reports/report/{secrets['report'].pk}/change/" in listing
    page = cleared.get(f"/quan-tri/reports/report/{secrets['report'].pk}/change/")
    assert SECRET_REPORT in page.content.decode()


@pytest.mark.django_db
def test_an_ordinary_meetings_edit_forms_do_not_show_a_classified_symbol(
    tree: Tree, secrets: dict[str, models.Model]
) -> None:
    ordinary = secrets["ordinary"]
    client = _admin(Classification.NORMAL)
    page = client.get(f"/quan-tri/meetings/meeting/{ordinary.pk}/change/").content.decode()
    assert "Hội nghị thường kỳ" in page
    assert "01-TB/TU" not in page and SECRET_SUMMARY not in page
    # the meeting's own edit page, for the town's clerk with ordinary clearance
    clerk = make_user("vanthu.thuong", tree.town, Role.CLERK)
    own = Client()
    own.force_login(clerk)
    response = own.get(f"/hoi-nghi/{ordinary.pk}/sua/")
    assert response.status_code == 200
    assert "01-TB/TU" not in response.content.decode()
    assert "độ mật trên mức bạn được xem" in response.content.decode()
    # and a cleared admin sees it, so the test above can fail
    cleared = _admin(Classification.SECRET)
    page = cleared.get(f"/quan-tri/meetings/meeting/{ordinary.pk}/change/").content.decode()
    assert "01-TB/TU" in page


EXEMPT_APPS = {"orgs", "accounts", "vocabedit", "web"}  # the tree and the users themselves


def _capuy_models() -> list[type[models.Model]]:
    return [
        m
        for m in apps.get_models()
        if m.__module__.startswith("capuy.") and m._meta.app_label not in EXEMPT_APPS
    ]


def _points_to_a_unit(model: type[models.Model]) -> bool:
    return any(
        isinstance(f, models.ForeignKey | models.OneToOneField)
        and f.remote_field.model is Organisation
        for f in model._meta.get_fields()
    ) or any(f.name == "classification" for f in model._meta.get_fields())


@pytest.mark.parametrize(
    "model", [m for m in _capuy_models() if _points_to_a_unit(m)], ids=lambda m: m._meta.label
)
def test_every_record_model_declares_its_scope(model: type[models.Model]) -> None:
    spec = scope_of(model)
    assert spec is not None, f"{model._meta.label}: register_scoped() it in ready()"
    if any(f.name == "classification" for f in model._meta.get_fields()):
        assert spec.classification_field == "classification"


def _admins() -> list[tuple[str, object]]:
    found: list[tuple[str, object]] = []
    for model, model_admin in admin.site._registry.items():
        found.append((model._meta.label, model_admin))
        for inline in model_admin.inlines:
            found.append((f"{model._meta.label}/{inline.model._meta.label}", inline))
    return found


def _touches_a_scoped_model(model: type[models.Model]) -> bool:
    if scope_of(model) is not None:
        return True
    return any(
        f.is_relation and f.concrete and f.related_model and scope_of(f.related_model)
        for f in model._meta.get_fields()
    )


def test_every_admin_of_a_scoped_model_uses_the_mixin() -> None:
    missing = []
    for label, model_admin in _admins():
        model = model_admin.model
        if _touches_a_scoped_model(model):
            cls = model_admin if isinstance(model_admin, type) else type(model_admin)
            if not issubclass(cls, ScopedAdminMixin):
                missing.append(label)
    assert missing == []
