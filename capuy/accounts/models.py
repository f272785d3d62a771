"""A user's roles on organisations (each covering the unit and everything below it) and clearance.

Users themselves are Django's ``auth.User`` (username, password, names, is_active); capuy adds
only what access control needs.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from capuy.accounts.levels import Classification, Role
from capuy.orgs.models import Organisation


class Profile(models.Model):
    """What capuy knows about a user beyond Django's auth: clearance and job title."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name="người dùng",
        on_delete=models.CASCADE,
        related_name="capuy_profile",
    )
    clearance = models.PositiveSmallIntegerField(
        "được tiếp cận đến độ mật",
        choices=Classification.choices,
        default=Classification.NORMAL,
    )
    title = models.CharField("chức vụ", max_length=200, blank=True)

    class Meta:
        verbose_name = "hồ sơ người dùng"
        verbose_name_plural = "hồ sơ người dùng"

    def __str__(self) -> str:
        return f"{self.user} ({self.get_clearance_display()})"


class RoleAssignment(models.Model):
    """A role a user holds on an organisation and (implicitly) on all units below it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người dùng",
        on_delete=models.CASCADE,
        related_name="role_assignments",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name="tổ chức đảng",
        on_delete=models.PROTECT,
        related_name="role_assignments",
    )
    role = models.CharField("vai trò", max_length=20, choices=Role.choices)

    class Meta:
        verbose_name = "phân quyền"
        verbose_name_plural = "phân quyền"
        ordering = ["user__username", "organisation__tree_key", "role"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation", "role"], name="role_assignment_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()} — {self.organisation}"
