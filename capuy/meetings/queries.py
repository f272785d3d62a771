"""Scoped querysets of meetings and tasks, for the list pages and the home page."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from capuy.accounts.access import scope_queryset
from capuy.meetings.models import Meeting, Task


def today() -> dt.date:
    """The office's date (Asia/Ho_Chi_Minh), not the server's UTC date."""
    return timezone.localdate()


def visible_meetings(user: Any) -> QuerySet[Meeting]:
    return scope_queryset(
        Meeting.objects.select_related("body", "term", "organisation"),
        user,
        org_field="organisation",
        classification_field="classification",
    )


def visible_tasks(user: Any) -> QuerySet[Task]:
    return scope_queryset(
        Task.objects.select_related("lead_body", "source_document", "source_meeting"),
        user,
        org_field="organisation",
        classification_field="classification",
    )


def overdue_tasks(user: Any, on: dt.date | None = None) -> QuerySet[Task]:
    """Open tasks past their due date that the user may see, oldest first (home page panel)."""
    return visible_tasks(user).overdue(on or today()).order_by("due_on", "pk")
