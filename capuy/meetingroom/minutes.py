"""The minutes (biên bản) drafted from what happened in the room, and the conclusion.

The minutes list the attendance, each agenda item with its speakers and the time each took,
every vote and election with its result and its seal (so a later change of the ballots or
the figures is detectable), and the opening and closing times. The conclusion is composed by
``capuy.reports`` (kind ``conclusion``, the layout of seed 002) after the tasks the
conference assigned are recorded as ``meetings.Task`` rows, which the composer puts under
section II; it then follows the report workflow (draft → checked → approved → issued).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from auditlog.context import set_actor
from django.db import transaction
from django.utils import timezone

from capuy.errors import InputError
from capuy.meetingroom.models import Invitee, Poll, Session, Speaker
from capuy.meetingroom.room import quorum
from capuy.meetings.models import Task
from capuy.orgs.models import Body
from capuy.text.normalize import nfc

MAX_TASK_LINES = 200


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}".replace(".", ",") + "%"


def _time(value: dt.datetime | None) -> str:
    return timezone.localtime(value).strftime("%H giờ %M, ngày %d/%m/%Y") if value else "…"


def poll_lines(poll: Poll) -> list[str]:
    r = poll.result
    head = f"{poll.get_kind_display()} ({poll.get_method_display().lower()}): {poll.title}."
    if poll.kind == Poll.Kind.ELECTION:
        lines = [
            head,
            f"Số phiếu thu vào {r['ballots']}, hợp lệ {r['valid']}, không hợp lệ {r['invalid']}; "
            f"căn cứ tính {r['base']} (cần từ {r['needed']} phiếu).",
        ]
        for c in r["candidates"]:
            status = {"elected": "trúng cử", "tie": "bằng phiếu, bầu lại"}.get(
                c["status"], "không trúng cử"
            )
            lines.append(
                f"- {c['name']}: {c['votes']} phiếu, {_pct(c['pct_valid'])} số phiếu hợp lệ, "
                f"{_pct(c['pct_base'])} so với {r['base']}; {status}."
            )
    else:
        parts = ", ".join(f"{o['name']} {o['count']} ({_pct(o['pct_base'])})" for o in r["options"])
        verdict = "thông qua" if r["passed"] else "không thông qua"
        lines = [head, f"Kết quả: {parts}; {verdict} (cần {r['needed']}/{r['base']})."]
    lines.append(f"Niêm phong kết quả (SHA-256): {poll.seal}")
    return lines


def _poll_blocks(poll: Poll) -> list[tuple[str, str]]:
    return [("li", ln[2:]) if ln.startswith("- ") else ("p", ln) for ln in poll_lines(poll)]


def minutes_blocks(session: Session) -> list[tuple[str, str]]:
    """The minutes' body as (style, text) blocks: ``h1`` (I-, II-), ``h2`` (an agenda item),
    ``p`` (a paragraph) and ``li`` (a list line). The text page and the DOCX share them."""
    meeting = session.meeting
    q = quorum(session)
    by_state: dict[str, list[str]] = {}
    for i in session.invitees.select_related("user").order_by("pk"):
        label = i.display_name + (f" ({i.reason})" if i.reason else "")
        by_state.setdefault(i.attendance, []).append(label)
    blocks = [
        (
            "p",
            f"Thời gian: khai mạc {_time(session.opened_at)}; bế mạc {_time(session.closed_at)}.",
        ),
        ("p", f"Địa điểm: {meeting.place or '…'}."),
        ("p", f"Chủ trì: {_name(session.chair)}. Thư ký: {_name(session.secretary)}."),
        ("h1", "I- THÀNH PHẦN"),
        (
            "p",
            f"Tổng số thành viên: {q.members}; có mặt {q.present} (tại hội trường "
            f"{q.present_hall}, trực tuyến {q.present_online}); vắng có lý do {q.excused}; "
            f"vắng không lý do {q.absent}. Hội nghị {'đủ' if q.reached else 'không đủ'} điều "
            f"kiện tiến hành (cần {q.needed}).",
        ),
    ]
    for state, label in Invitee.Attendance.choices:
        if by_state.get(state):
            blocks.append(("li", f"{label}: {', '.join(by_state[state])}."))
    blocks.append(("h1", "II- NỘI DUNG VÀ DIỄN BIẾN"))
    polls = list(session.polls.filter(state=Poll.State.CLOSED).order_by("closed_at"))
    for n, item in enumerate(meeting.agenda_items.order_by("position", "pk"), 1):
        blocks.append(("h2", f"{n}. {item.title}"))
        if item.presenter:
            blocks.append(("p", f"Trình bày: {item.presenter}."))
        speakers = Speaker.objects.filter(item=item, started_at__isnull=False).select_related(
            "invitee__user"
        )
        for s in speakers.order_by("position"):
            took = f"{s.seconds // 60} phút {s.seconds % 60} giây" if s.seconds else "…"
            blocks.append(("li", f"Đồng chí {s.invitee.display_name} phát biểu ({took})."))
        for poll in [p for p in polls if p.item_id == item.pk]:
            blocks += _poll_blocks(poll)
    other = [p for p in polls if p.item_id is None]
    if other:
        blocks.append(("p", "Biểu quyết khác:"))
        for poll in other:
            blocks += _poll_blocks(poll)
    blocks.append(("p", f"Hội nghị kết thúc lúc {_time(session.closed_at)}."))
    return [(style, nfc(text)) for style, text in blocks]


def minutes_text(session: Session) -> str:
    lines = ["BIÊN BẢN", session.meeting.full_title.upper(), ""]
    for style, text in minutes_blocks(session):
        if style in ("h1", "h2"):
            lines += ["", text]
        else:
            lines.append(f"- {text}" if style == "li" else text)
    lines += ["", "THƯ KÝ                                   CHỦ TRÌ"]
    return nfc("\n".join(lines))


def _name(user: Any) -> str:
    if user is None:
        return "…"
    return f"{user.last_name} {user.first_name}".strip() or user.get_username()


def parse_tasks(text: str, today: dt.date) -> list[dict[str, Any]]:
    """Lines "nhiệm vụ | cơ quan chủ trì | hạn dd/mm/yyyy" → task fields; errors name the line."""
    out = []
    lines = [ln for ln in nfc(text).splitlines() if ln.strip()]
    if len(lines) > MAX_TASK_LINES:
        raise InputError("Quá nhiều nhiệm vụ (tối đa 200 dòng).", "too many tasks")
    for n, line in enumerate(lines, 1):
        parts = [p.strip() for p in line.split("|")]
        if len(parts) != 3 or not parts[0]:
            raise InputError(
                f"Dòng {n}: cần dạng “nhiệm vụ | cơ quan chủ trì | hạn dd/mm/yyyy”.",
                f"line {n}: expected 'task | lead | dd/mm/yyyy'",
            )
        try:
            due = dt.datetime.strptime(parts[2], "%d/%m/%Y").date()
        except ValueError as exc:
            raise InputError(
                f"Dòng {n}: hạn “{parts[2]}” không phải ngày dd/mm/yyyy.", f"line {n}: bad date"
            ) from exc
        out.append({"title": parts[0][:2000], "lead": parts[1][:300], "due_on": due})
    return out


def assign_tasks(session: Session, tasks: list[dict[str, Any]], user: Any) -> list[Task]:
    """The conclusion's tasks as meetings.Task rows (lead body matched by name when it is one)."""
    meeting = session.meeting
    bodies = {b.name.casefold(): b for b in Body.objects.filter(organisation=meeting.organisation)}
    created = []
    with set_actor(user), transaction.atomic():
        for t in tasks:
            body = bodies.get(t["lead"].casefold())
            created.append(
                Task.objects.create(
                    organisation=meeting.organisation,
                    title=t["title"],
                    lead_body=body,
                    lead_text="" if body else t["lead"],
                    source_meeting=meeting,
                    due_on=t["due_on"],
                    due_label=f"{t['due_on']:%d/%m/%Y}",
                    classification=meeting.classification,
                )
            )
    return created


def draft_conclusion(session: Session, period: str, user: Any) -> Any:
    """Compose the conclusion (seed 002's layout) into the report workflow; kept on the room."""
    from capuy.reports.workflow import create_report

    if session.state != Session.State.CLOSED:
        raise InputError("Chỉ soạn kết luận sau khi hội nghị kết thúc.", "room not closed")
    report = create_report(session.meeting.organisation, "conclusion", period, user)
    session.conclusion = report
    with set_actor(user):
        session.save(update_fields=["conclusion"])
    return report
