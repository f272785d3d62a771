"""The life of a report: composed as a draft, checked on every save, approved by a leader,
issued (registered in the document register, taking its number, e.g. 708-BC/TU), submitted to
the level above.

    draft ──save, no error found──▶ checked ──leader approves──▶ approved
      ▲                               │                            │ clerk or leader issues
      └──save with errors─────────────┘                            ▼
      ▲                                            issued ──submit──▶ submitted
      └──revert (checked or approved, e.g. after issuing failed)───┘

Acts are for the roles that hold them (``holds_role``: the user's own assignments): a leader
approves, a clerk or leader issues; the IT administrator (a superuser, or the role quản trị)
does none of them unless also assigned the role. The text is checked strictly at every save —
the front matter must build the document's header, signature and recipients as the renderer
will (``capuy.render.parse_authoring``) — so a report that passed cannot fail at issue time;
and should issuing still fail, the report stays approved, nothing is numbered, and "trả về dự
thảo" (revert) makes it editable again: a report is never stuck.

Who did what and when is kept on the row (``approved_by``/``approved_at`` …) and, with the
before/after of every field, in the audit trail (django-auditlog; the acting user is set by
``auditlog``'s middleware on web requests and by ``set_actor`` here otherwise).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import yaml
from auditlog.context import set_actor
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from capuy.accounts.access import holds_role
from capuy.accounts.levels import Role
from capuy.errors import InputError
from capuy.orgs.models import Body, Organisation
from capuy.read.frontmatter import front_matter_of
from capuy.reports import dismissals, versions
from capuy.reports.compose import compose
from capuy.reports.models import Report, ReportVersion
from capuy.reports.output import findings_of, parse
from capuy.reports.periods import text_date
from capuy.reports.templating import load_template

# roles as plain strings (what the access API compares)
LEADER: str = str(Role.LEADER)
SPECIALIST: str = str(Role.SPECIALIST)
WRITERS: tuple[str, ...] = (SPECIALIST, LEADER, str(Role.CLERK))
ISSUERS: tuple[str, ...] = (str(Role.CLERK), LEADER)
SUBMITTERS: tuple[str, ...] = ISSUERS + (SPECIALIST,)
DRAFT: str = str(Report.State.DRAFT)
CHECKED: str = str(Report.State.CHECKED)
APPROVED: str = str(Report.State.APPROVED)
ISSUED: str = str(Report.State.ISSUED)
SUBMITTED: str = str(Report.State.SUBMITTED)


def _require(user: Any, org: Organisation, roles: tuple[str, ...], action: str) -> None:
    if user is not None and not holds_role(user, *roles, organisation=org):
        raise PermissionDenied(f"Bạn không có quyền {action} báo cáo của {org}.")


def _require_state(report: Report, *states: str, action: str) -> None:
    if report.state not in states:
        raise InputError(
            f"Không thể {action}: báo cáo đang ở trạng thái “{report.get_state_display()}”.",
            f"cannot {action} a report in state {report.state}",
        )


def create_report(
    org: Organisation, kind: str, period: str, user: Any = None, *, topic: str = ""
) -> Report:
    """Compose and keep the draft (or return the one already made for this period)."""
    _require(user, org, WRITERS, "soạn")
    composition = compose(org, kind, period, topic=topic)
    existing = Report.objects.filter(
        organisation=org, kind=kind, period=composition.period.spec
    ).first()
    if existing is not None:
        return existing
    with set_actor(user), transaction.atomic():
        report = Report.objects.create(
            organisation=org,
            kind=kind,
            period=composition.period.spec,
            start=composition.period.start,
            end=composition.period.end,
            title=composition.title,
            body=composition.markdown,
            due_on=composition.due_on,
            provenance=[s.as_dict() for s in composition.provenance],
            created_by=user if getattr(user, "is_authenticated", False) else None,
        )
        _run_check(report)
        report.save()
        versions.record(report, user, source=str(ReportVersion.Source.COMPOSED))
    return report


def _authoring_error(body: str) -> InputError | None:
    """Why the text cannot be laid out (front matter, signature, recipients), or None."""
    try:
        parse(body)
    except InputError as error:
        return error
    return None


def _run_check(report: Report) -> None:
    """Findings of ``capuy check`` on the text; the state follows (errors keep it a draft).

    The text is first read as the renderer will read it: a header the renderer refuses (a
    signature written as plain text, recipients not a list…) is an error finding, so such a
    draft can neither be approved nor issued. Citations are compared with the committee's
    register and those under it (issue 13)."""
    from capuy.check.known_documents import use_known_documents
    from capuy.documents.known import register_documents

    try:
        error = _authoring_error(report.body)
        if error is not None:
            raise error
        with use_known_documents(*register_documents(report.organisation)):
            report.findings = findings_of(report.body)
    except InputError as error:
        report.findings = [
            {
                "rule": "format.authoring",
                "category": "format",
                "severity": "error",
                "line": 1,
                "excerpt": "",
                "message": error.vi,
                "suggestion": "",
            }
        ]
    # errors count until set aside with a reason (capuy.reports.dismissals)
    report.state = Report.State.DRAFT if dismissals.blocking(report) else Report.State.CHECKED
    report.checked_at = timezone.now()


def save_text(report: Report, body: str, user: Any = None, *, source: str = "edited") -> Report:
    """Keep the staff's text and check it again; the text is kept as a version
    (``capuy.reports.versions``: an editor's saves within 10 minutes are one)."""
    _require(user, report.organisation, WRITERS, "sửa")
    _require_state(report, DRAFT, CHECKED, action="sửa")
    report.body = body.replace("\r\n", "\n")
    _run_check(report)
    with set_actor(user), transaction.atomic():
        report.save()
        versions.record(report, user, source=source)
    return report


def approve(report: Report, user: Any) -> Report:
    _require(user, report.organisation, (LEADER,), "duyệt")
    _require_state(report, CHECKED, action="duyệt")
    dismissals.require_clear(report, "duyệt")
    report.state = Report.State.APPROVED
    report.approved_by = user
    report.approved_at = timezone.now()
    with set_actor(user):
        report.save()
    return report


def set_front_matter(body: str, **values: Any) -> str:
    """The text with some front-matter keys replaced (others kept in their order)."""
    if not body.startswith("---\n"):
        raise InputError("Văn bản thiếu phần đầu YAML", "the text lacks its YAML front matter")
    end = body.index("\n---", 4)
    data = front_matter_of(body)
    data.update(values)
    head = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)
    return "---\n" + head + body[end + 1 :]


def with_appendix_note(body: str, note: str) -> str:
    """The text with the appendix's "(kèm theo … số 708-BC/TU ngày 26/02/2024 của …)" line
    after the appendix caption, as seed 000 writes it (left as it is if a note is there)."""
    marker = "\n# PHỤ LỤC"
    if marker not in body:
        return body
    head, appendix = body.split(marker, 1)
    parts = appendix.split("\n\n")
    # parts[0] is the rest of the heading line, parts[1] the caption
    if len(parts) < 2 or any(p.lstrip().startswith("(kèm theo") for p in parts[:4]):
        return body
    parts.insert(2, note)
    return head + marker + "\n\n".join(parts)


def _issuing_body(report: Report, template: dict[str, Any]) -> Body:
    """The committee's body that issues reports of this kind (the standing committee…)."""
    body = Body.objects.filter(
        organisation=report.organisation, kind=template.get("issuing_body", "btv")
    ).first()
    if body is None:
        raise InputError(
            f"{report.organisation} chưa khai báo cơ quan ban hành báo cáo",
            "the committee has no issuing body for reports",
        )
    return body


def _require_issuable(report: Report, day: dt.date) -> None:
    """No open finding left undismissed, a text that lays out, a plausible day."""
    dismissals.require_clear(report, "ban hành")
    problem = _authoring_error(report.body)
    if problem is not None:
        raise InputError(
            f"Không thể ban hành: {problem.vi}. Hãy trả báo cáo về dự thảo để sửa.",
            f"cannot issue: {problem.en}",
        )
    if not (dt.date(1945, 1, 1) <= day <= timezone.localdate() + dt.timedelta(days=366)):
        raise InputError(
            f"Ngày ban hành {day:%d/%m/%Y} không hợp lệ.", f"implausible issue date {day}"
        )


def _register(report: Report, user: Any, template: dict[str, Any], body: Body, day: dt.date) -> Any:
    """The report's entry in the outgoing register: its number, signer and recipients."""
    from capuy.documents.numbering import register_outgoing

    document_model = parse(report.body)
    signature = document_model.signature
    return register_outgoing(
        issuing_body=body,
        type_code=str(template["type_code"]),
        issued_on=day,
        summary=report.title[:1].upper() + report.title[1:],
        signer_capacity=(signature.capacity if signature else "").split(" ")[0][:4],
        signer_title=signature.title if signature else "",
        signer_name=signature.name if signature else "",
        recipients="\n".join(document_model.recipients),
        classification=report.classification,
        important=False,
        created_by=user if getattr(user, "is_authenticated", False) else None,
    )


def issue(report: Report, user: Any, on: dt.date | None = None) -> Report:
    """Register the report as an outgoing document: it takes the next number of its series.

    Checked first, then numbered, stamped and saved in one transaction (no number is taken
    by a report that is not saved as issued)."""
    _require(user, report.organisation, ISSUERS, "ban hành")
    _require_state(report, APPROVED, action="ban hành")
    template = load_template(report.kind)
    body = _issuing_body(report, template)
    day = on or timezone.localdate()
    _require_issuable(report, day)
    with set_actor(user), transaction.atomic():
        document = _register(report, user, template, body, day)
        report.document = document
        report.body = set_front_matter(
            report.body,
            number=document.number,
            symbol=document.symbol,
            date=day.isoformat(),
            draft=False,
        )
        report.body = with_appendix_note(
            report.body,
            f"(kèm theo {str(template['document_kind']).capitalize()} số {document.symbol} "
            f"ngày {text_date(day)} của {body.name})",
        )
        report.state = Report.State.ISSUED
        report.issued_by = user
        report.issued_at = timezone.now()
        report.save()
        versions.record(report, user, source=str(ReportVersion.Source.ISSUED))
    return report


def submit(report: Report, user: Any, on: dt.date | None = None) -> Report:
    """Send the issued report to the level above (its day decides on time or late)."""
    _require(user, report.organisation, SUBMITTERS, "gửi")
    _require_state(report, ISSUED, action="gửi cấp trên")
    report.state = Report.State.SUBMITTED
    report.submitted_by = user
    report.submitted_on = on or timezone.localdate()
    with set_actor(user):
        report.save()
    return report


def revert(report: Report, user: Any) -> Report:
    """Back to draft (checked or approved, not yet numbered): the way out of any failed step."""
    _require(user, report.organisation, WRITERS, "trả về dự thảo")
    _require_state(report, CHECKED, APPROVED, action="trả về dự thảo")
    report.state = Report.State.DRAFT
    report.approved_by = None
    report.approved_at = None
    with set_actor(user):
        report.save()
    return report


# who may do what (the pages ask this to show a button; the functions above enforce it)
ACTIONS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "save": (WRITERS, (DRAFT, CHECKED)),
    "approve": ((LEADER,), (CHECKED,)),
    "issue": (ISSUERS, (APPROVED,)),
    "submit": (SUBMITTERS, (ISSUED,)),
    "revert": (WRITERS, (CHECKED, APPROVED)),
}


def can(user: Any, action: str, report: Report) -> bool:
    roles, states = ACTIONS[action]
    return report.state in states and holds_role(user, *roles, organisation=report.organisation)
