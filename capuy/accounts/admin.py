"""Admin (Vietnamese) for users: Django's user admin plus clearance and role assignments."""

from __future__ import annotations

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin

from capuy.accounts.models import Profile, RoleAssignment


class ProfileInline(admin.StackedInline):
    model = Profile
    can_delete = False
    verbose_name_plural = "độ mật được tiếp cận, chức vụ"


class RoleInline(admin.TabularInline):
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
class RoleAssignmentAdmin(admin.ModelAdmin):
    list_display = ("user", "role", "organisation")
    list_filter = ("role",)
    search_fields = ("user__username", "organisation__name")
    autocomplete_fields = ("user", "organisation")
