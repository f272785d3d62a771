"""App config: audit trail for accounts and the cell's records; the handbook's menu and panel."""

from __future__ import annotations

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
        register_home()
