"""Admin pages for meetings and tasks, scoped like every page (clearance applies to admins)."""

from __future__ import annotations

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from capuy.accounts.access import scope_queryset
from capuy.accounts.admin_scoping import ScopedAdminMixin
from capuy.meetings.models import AgendaItem, Meeting, Task, TaskProgress


class AgendaInline(ScopedAdminMixin, admin.TabularInline):
    model = AgendaItem
    extra = 0
    raw_id_fields = ("document",)


class ProgressInline(ScopedAdminMixin, admin.TabularInline):
    model = TaskProgress
    extra = 0


class ScopedAdmin(ScopedAdminMixin, admin.ModelAdmin):
    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return scope_queryset(
            super().get_queryset(request), request.user, "organisation", "classification"
        )


@admin.register(Meeting)
class MeetingAdmin(ScopedAdmin):
    list_display = ("__str__", "body", "kind", "held_on")
    list_filter = ("kind", "body__kind")
    date_hierarchy = "held_on"
    raw_id_fields = ("organisation", "body", "term")
    inlines = [AgendaInline]


@admin.register(Task)
class TaskAdmin(ScopedAdmin):
    list_display = ("__str__", "lead_body", "due_on", "status")
    list_filter = ("status",)
    raw_id_fields = ("organisation", "lead_body", "source_document", "source_meeting")
    inlines = [ProgressInline]
