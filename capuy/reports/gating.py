"""Who must act next on a report, said in the office's words ("Chờ lãnh đạo Đảng ủy phường
Phổ Hòa duyệt"), and which acts cannot be undone and so ask for confirmation first."""

from __future__ import annotations

from typing import Any

from capuy.reports import dismissals
from capuy.reports.models import Report

# acts that cannot be taken back: the number is taken in the register; the report leaves
IRREVERSIBLE: dict[str, dict[str, str]] = {
    "ban-hanh": {
        "title": "Ban hành — cấp số",
        "what": "Báo cáo sẽ được vào sổ văn bản đi và lấy số tiếp theo của sổ. Số đã cấp "
        "không thu hồi được; sau khi ban hành không sửa được nội dung.",
        "button": "Xác nhận ban hành và cấp số",
    },
    "gui": {
        "title": "Gửi cấp trên",
        "what": "Báo cáo sẽ được ghi là đã gửi cấp trên hôm nay (ngày gửi tính đúng hạn "
        "hay trễ hạn). Việc gửi không hoàn tác được.",
        "button": "Xác nhận gửi cấp trên",
    },
}


def _committee(report: Report) -> str:
    org = report.organisation
    return org.committee_name or org.name


def _people(report: Report, role: str) -> str:
    from capuy.accounts.models import RoleAssignment

    rows = RoleAssignment.objects.filter(
        organisation=report.organisation, role=role
    ).select_related("user")
    names = []
    for row in rows[:3]:
        user: Any = row.user
        full = f"{user.last_name} {user.first_name}".strip() or user.username
        names.append(full)
    return f" ({', '.join(names)})" if names else ""


def next_step(report: Report) -> str:
    """One sentence: whose turn it is and to do what."""
    from capuy.reports.workflow import LEADER

    committee = _committee(report)
    state = report.state
    if state == Report.State.DRAFT:
        marks = dismissals.unfilled_placeholders(report.body)
        errors = len(dismissals.blocking(report))
        if marks:
            return (
                f"Chờ chuyên viên viết nội dung vào {len(marks)} chỗ còn để trống, rồi trình "
                f"lãnh đạo {committee} duyệt."
            )
        return (
            f"Chờ chuyên viên sửa {errors} lỗi (hoặc bỏ qua có lý do), rồi trình lãnh đạo "
            f"{committee} duyệt."
        )
    if state == Report.State.CHECKED:
        return f"Chờ lãnh đạo {committee}{_people(report, LEADER)} duyệt."
    if state == Report.State.APPROVED:
        return f"Chờ văn thư {committee} ban hành (cấp số)."
    if state == Report.State.ISSUED:
        return f"Chờ văn thư {committee} gửi cấp trên."
    return "Đã gửi cấp trên: không còn việc phải làm."
