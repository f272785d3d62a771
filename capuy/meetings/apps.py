"""App config: audit trail for meetings and tasks; the overdue-tasks home panel and menu."""

from __future__ import annotations

from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "capuy.meetings"
    label = "meetings"
    verbose_name = "Hội nghị và nhiệm vụ"

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from capuy.meetings.models import AgendaItem, Meeting, Task, TaskProgress
        from capuy.meetings.panels import register_home

        auditlog.register(Meeting)
        auditlog.register(AgendaItem)
        auditlog.register(Task)
        auditlog.register(TaskProgress)

        from capuy.accounts.scoped import register_scoped

        register_scoped(Meeting, "organisation", "classification")
        register_scoped(AgendaItem, "meeting__organisation", "meeting__classification")
        register_scoped(Task, "organisation", "classification")
        register_scoped(TaskProgress, "task__organisation", "task__classification")
        register_home()
        from capuy.meetings.report_sections import register as register_report_sections

        register_report_sections()  # its sections of a composed report
        from capuy.meetings.search import register_search

        register_search()

        from capuy.meetings.demo import load_demo_meetings
        from capuy.web.demo import register_demo_step

        register_demo_step("meetings", load_demo_meetings, order=20, label="Hội nghị, nhiệm vụ")
