"""App config: audit trail for accounts and the cell's records; the handbook's menu and panel."""

from __future__ import annotations

from typing import Any

from django.apps import AppConfig


class HandbookConfig(AppConfig):
    name = "capuy.handbook"
    label = "handbook"
    verbose_name = "Sổ tay đảng viên"

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from capuy.handbook import models
        from capuy.handbook.panels import register_home

        for model in (
            models.MemberAccount,
            models.CellOfficer,
            models.CorrectionRequest,
            models.CellMeeting,
            models.Attendance,
            models.Reading,
            models.SelfReview,
            models.ReadingMark,
            models.Notification,
            models.ProfileView,
            models.CellMonthAttendance,
        ):
            auditlog.register(model)
        _register_scopes(models)
        register_home()


def _register_scopes(models: Any) -> None:
    """Where each record's unit is, for the admin and the audit trail (capuy.accounts.scoped):
    a cell's records through the cell, a member's through the member's unit."""
    from capuy.accounts.scoped import register_scoped

    for model in (models.CellOfficer, models.CellMeeting, models.CellMonthAttendance):
        register_scoped(model, "cell")
    register_scoped(models.Reading, "organisation", "classification")
    register_scoped(models.ReadingMark, "reading__organisation", "reading__classification")
    register_scoped(models.Attendance, "meeting__cell")
    for model in (
        models.MemberAccount,
        models.ProfileView,
        models.CorrectionRequest,
        models.SelfReview,
    ):
        register_scoped(model, "member__organisation")
