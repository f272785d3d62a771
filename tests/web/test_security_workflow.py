"""Role separation in the report's workflow, and a report that can always be corrected.

Every action × every role, on a real database: the act is done by exactly the roles that hold
it (``workflow.ACTIONS``) — never by the IT administrator (a superuser, or the role quản trị)
unless also assigned that role, never by a unit's staff for another unit. Then a draft whose
signature is plain text (the probe's 500) is refused at save time, and an issue that fails
leaves the report approved, unnumbered, and revertible to a draft.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.test import Client

from capuy.accounts.levels import Role
from capuy.documents.models import Document
from capuy.errors import InputError
from capuy.reports import workflow
from capuy.reports.models import Report
from tests.web.conftest import PASSWORD, Tree, make_user
from tests.web.report_text import filled

pytestmark = pytest.mark.django_db

ROLES = {
    "chuyen_vien": (Role.SPECIALIST,),
    "lanh_dao": (Role.LEADER,),
    "van_thu": (Role.CLERK,),
    "quan_tri": (Role.ADMIN,),
    "superuser": (),
    "lanh_dao_phuong": (),  # a leader of another unit (the ward), see the fixture
}

# (action, the state the report is put in first, the roles that may do it)
EXPECTED = {
    "save": ({"chuyen_vien", "lanh_dao", "van_thu"}, Report.State.CHECKED),
    "approve": ({"lanh_dao"}, Report.State.CHECKED),
    "issue": ({"lanh_dao", "van_thu"}, Report.State.APPROVED),
    "submit": ({"chuyen_vien", "lanh_dao", "van_thu"}, Report.State.ISSUED),
    "revert": ({"chuyen_vien", "lanh_dao", "van_thu"}, Report.State.APPROVED),
}


def _person(tree: Tree, who: str) -> User:
    if who == "superuser":
        return User.objects.create_superuser("quantri.he.thong", password=PASSWORD)
    if who == "lanh_dao_phuong":
        return make_user("lanhdao.phohoa", tree.pho_hoa, Role.LEADER)
    return make_user(f"nguoi.{who}", tree.town, *ROLES[who])


@pytest.fixture
def report(tree: Tree) -> Report:
    author = make_user("soan.thao", tree.town, Role.SPECIALIST)
    made = workflow.create_report(tree.town, "monthly", "2024-02", author)
    workflow.save_text(made, filled(made.body), author)  # the marks left for the specialist
    made.state = Report.State.CHECKED
    made.save()
    return made


def _do(action: str, report: Report, user: Any) -> None:
    if action == "save":
        workflow.save_text(report, report.body, user)
    elif action == "issue":
        workflow.issue(report, user, on=dt.date(2024, 2, 26))
    elif action == "submit":
        workflow.submit(report, user, on=dt.date(2024, 2, 27))
    else:
        getattr(workflow, action)(report, user)


def test_the_table_covers_every_action() -> None:
    assert set(EXPECTED) == set(workflow.ACTIONS)


@pytest.mark.parametrize("who", sorted(ROLES))
@pytest.mark.parametrize("action", sorted(EXPECTED))
def test_every_action_by_every_role(tree: Tree, report: Report, action: str, who: str) -> None:
    allowed, state = EXPECTED[action]
    if state == Report.State.ISSUED:
        clerk = make_user("vanthu.cap.so", tree.town, Role.CLERK)
        report.state = Report.State.APPROVED
        workflow.issue(report, clerk, on=dt.date(2024, 2, 26))
    report.state = state
    report.save()
    user = _person(tree, who)
    assert workflow.can(user, action, report) == (who in allowed)
    if who in allowed:
        _do(action, report, user)
        return
    with pytest.raises(PermissionDenied):
        _do(action, report, user)
    report.refresh_from_db()
    assert report.state == state


def test_the_administrator_sees_no_approve_button_and_cannot_post_it(
    tree: Tree, report: Report
) -> None:
    admin = User.objects.create_superuser("quantri", password=PASSWORD)
    client = Client()
    client.force_login(admin)
    page = client.get(f"/bao-cao/{report.pk}/").content.decode()
    assert 'id="approve"' not in page
    response = client.post(f"/bao-cao/{report.pk}/duyet/")
    assert response.status_code == 403
    report.refresh_from_db()
    assert report.state == Report.State.CHECKED and report.approved_by is None


PLAIN_SIGNATURE = "signature: T/M BAN THƯỜNG VỤ PHÓ BÍ THƯ Nguyễn Văn A\n"


def _with_plain_signature(body: str) -> str:
    """The composed text with its signature mapping written as one line of plain text."""
    replaced = re.sub(r"^signature:\n(?:  .*\n)+", PLAIN_SIGNATURE, body, count=1, flags=re.M)
    assert replaced != body
    return replaced


def test_a_plain_text_signature_is_refused_at_save(tree: Tree, report: Report) -> None:
    writer = make_user("chuyenvien", tree.town, Role.SPECIALIST)
    body = _with_plain_signature(report.body)
    assert PLAIN_SIGNATURE in body
    workflow.save_text(report, body, writer)
    assert report.state == Report.State.DRAFT
    messages = [f["message"] for f in report.findings if f["severity"] == "error"]
    assert any("signature" in m for m in messages), messages
    leader = make_user("lanhdao", tree.town, Role.LEADER)
    with pytest.raises(InputError):
        workflow.approve(report, leader)


def test_a_failed_issue_leaves_the_report_correctable(tree: Tree, report: Report) -> None:
    """A bad text that reached "approved" (as before this check existed) is not numbered; the
    clerk is told, and a writer reverts it to a draft, fixes it and it goes through."""
    leader = make_user("lanhdao", tree.town, Role.LEADER)
    good = report.body
    Report.objects.filter(pk=report.pk).update(
        body=_with_plain_signature(good), state=Report.State.APPROVED
    )
    report.refresh_from_db()
    client = Client()
    client.force_login(leader)
    response = client.post(f"/bao-cao/{report.pk}/ban-hanh/", {"xac_nhan": "1"}, follow=True)
    assert response.status_code == 200
    assert "Không thể ban hành" in response.content.decode()
    report.refresh_from_db()
    assert report.state == Report.State.APPROVED and report.document_id is None
    assert not Document.objects.exists()

    assert 'id="revert"' in response.content.decode()
    client.post(f"/bao-cao/{report.pk}/tra-ve/")
    report.refresh_from_db()
    assert report.state == Report.State.DRAFT
    workflow.save_text(report, good, leader)
    assert report.state == Report.State.CHECKED
    workflow.approve(report, leader)
    workflow.issue(report, leader, on=dt.date(2024, 2, 26))
    assert report.state == Report.State.ISSUED and report.symbol == "01-BC/TU"


def test_an_issue_date_far_in_the_future_is_refused(tree: Tree, report: Report) -> None:
    leader = make_user("lanhdao", tree.town, Role.LEADER)
    report.state = Report.State.APPROVED
    report.save()
    with pytest.raises(InputError, match="không hợp lệ"):
        workflow.issue(report, leader, on=dt.date(9999, 12, 31))
    assert not Document.objects.exists()
