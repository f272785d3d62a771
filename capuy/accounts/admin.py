"""Admin (Vietnamese) for users: Django's user admin plus clearance and role assignments."""

from __future__ import annotations

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.db.models import QuerySet
from django.http import HttpRequest

from capuy.accounts.admin_scoping import ScopedAdminMixin
from capuy.accounts.models import Profile, RoleAssignment


class ProfileInline(ScopedAdminMixin, admin.StackedInline):
    model = Profile
    can_delete = False
    verbose_name_plural = "độ mật được tiếp cận, chức vụ"


class RoleInline(ScopedAdminMixin, admin.TabularInline):
    model = RoleAssignment
    extra = 1
    autocomplete_fields = ("organisation",)


User = get_user_model()
admin.site.unregister(User)


@admin.register(User)
class CapuyUserAdmin(UserAdmin):
    inlines = [ProfileInline, RoleInline]
    list_display = ("username", "first_name", "last_name", "is_active", "is_staff")


@admin.register(RoleAssignment)
class RoleAssignmentAdmin(ScopedAdminMixin, admin.ModelAdmin):
    list_display = ("user", "role", "organisation")
    list_filter = ("role",)
    search_fields = ("user__username", "organisation__name")
    autocomplete_fields = ("user", "organisation")


# --- the audit trail, scoped (django-auditlog's own admin shows every entry to every admin) --

from auditlog.admin import LogEntryAdmin  # noqa: E402
from auditlog.models import LogEntry  # noqa: E402

from capuy.accounts.audit import visible_log_entries  # noqa: E402

admin.site.unregister(LogEntry)


@admin.register(LogEntry)
class ScopedLogEntryAdmin(LogEntryAdmin):
    """The audit trail with the entries of records the reader may not see left out (list,
    search, filters and each entry's page: a hidden entry answers "does not exist")."""

    def get_queryset(self, request: HttpRequest) -> QuerySet[LogEntry]:
        return visible_log_entries(super().get_queryset(request), request.user)
