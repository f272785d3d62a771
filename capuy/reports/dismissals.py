"""Findings set aside ("bỏ qua") with a reason: a false finding (a table row compared with the
row above it) must not block approval forever, yet an error counts until someone says why it
does not apply — and the reason is kept in the report's history and shown to the approver.

A dismissal is keyed by rule and excerpt (not line: lines move as text is added above), so it
survives every later check of the same text. Some rules cannot be set aside
(``NOT_DISMISSABLE``): a text the renderer cannot lay out, an unfilled template placeholder.
"""

from __future__ import annotations

from typing import Any

from auditlog.context import set_actor

from capuy.errors import InputError
from capuy.reports.models import FindingDismissal, Report

NOT_DISMISSABLE = frozenset({"format.authoring", "format.placeholder"})
REASON_MIN = 5


def _key(finding: dict[str, Any]) -> tuple[str, str]:
    return str(finding.get("rule", "")), str(finding.get("excerpt", ""))[:500]


def dismissed_keys(report: Report) -> dict[tuple[str, str], FindingDismissal]:
    if report.pk is None:
        return {}
    return {(d.rule, d.excerpt): d for d in report.dismissals.select_related("user")}


def annotated_findings(report: Report) -> list[dict[str, Any]]:
    """The report's findings, each with ``dismissal`` (the FindingDismissal or None), its
    ``index`` in ``report.findings`` and whether it may be set aside."""
    keys = dismissed_keys(report)
    out = []
    for index, finding in enumerate(report.findings):
        out.append(
            {
                **finding,
                "index": index,
                "dismissal": keys.get(_key(finding)),
                "dismissable": finding.get("rule") not in NOT_DISMISSABLE,
            }
        )
    return out


def open_findings(report: Report) -> list[dict[str, Any]]:
    """The findings nobody has set aside."""
    keys = dismissed_keys(report)
    return [f for f in report.findings if _key(f) not in keys]


def blocking(report: Report) -> list[dict[str, Any]]:
    """Errors that stop approval and issuing: those not set aside."""
    return [f for f in open_findings(report) if f.get("severity") == "error"]


def dismiss(report: Report, index: int, reason: str, user: Any) -> FindingDismissal:
    """Set aside finding number ``index`` of the report with ``reason``."""
    reason = " ".join(reason.split())
    if not 0 <= index < len(report.findings):
        raise InputError(
            "Không có phát hiện này (văn bản đã được kiểm tra lại?).", "no such finding"
        )
    finding = report.findings[index]
    if finding.get("rule") in NOT_DISMISSABLE:
        raise InputError(
            "Không thể bỏ qua lỗi này: phải sửa trong văn bản.",
            f"{finding.get('rule')} cannot be dismissed",
        )
    if len(reason) < REASON_MIN:
        raise InputError("Hãy ghi lý do bỏ qua (ít nhất vài chữ).", "a reason is required")
    rule, excerpt = _key(finding)
    with set_actor(user):
        dismissal, _ = FindingDismissal.objects.update_or_create(
            report=report,
            rule=rule,
            excerpt=excerpt,
            defaults={
                "reason": reason[:500],
                "message": str(finding.get("message", ""))[:500],
                "user": user if getattr(user, "is_authenticated", False) else None,
            },
        )
    return dismissal


def unfilled_placeholders(body: str) -> list[str]:
    """The template marks still in the text (read as the renderer reads it)."""
    from capuy.reports.reading import reading

    return list(reading(body).marks)  # parsed once per text, with the page's preview


def require_clear(report: Report, action: str) -> None:
    """Refuse approving or issuing a text with an error nobody set aside, or with a template
    mark unfilled (checked on the text itself, whatever the stored findings say)."""
    marks = unfilled_placeholders(report.body)
    if marks:
        raise InputError(
            f"Không thể {action}: văn bản còn {len(marks)} chỗ chưa điền nội dung "
            f"(ví dụ {marks[0]}). Hãy trả về dự thảo và viết nội dung.",
            f"cannot {action}: {len(marks)} template placeholders left unfilled",
        )
    errors = blocking(report)
    if errors:
        raise InputError(
            f"Không thể {action}: còn {len(errors)} lỗi chưa sửa hoặc chưa được bỏ qua có lý do.",
            f"cannot {action}: {len(errors)} errors neither fixed nor dismissed",
        )
