"""Pages of meetings and tasks; every query is scoped through ``capuy.meetings.queries``."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Q
from django.forms import inlineformset_factory
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from capuy.accounts.access import get_scoped_object_or_404, has_role, require_role
from capuy.documents.queries import visible_documents
from capuy.meetings.forms import (
    EDITING_ROLES,
    AgendaItemForm,
    MeetingFilterForm,
    MeetingForm,
    ProgressForm,
    TaskFilterForm,
    TaskForm,
)
from capuy.meetings.models import AgendaItem, Meeting, Task, TaskProgress
from capuy.meetings.queries import today, visible_meetings, visible_tasks

PAGE_SIZE = 25


def _is_htmx(request: HttpRequest) -> bool:
    return request.headers.get("HX-Request") == "true"


def _query_without_page(request: HttpRequest) -> str:
    query = request.GET.copy()
    query.pop("trang", None)
    return query.urlencode()


def _can_edit(request: HttpRequest, organisation: Any) -> bool:
    return has_role(request.user, *EDITING_ROLES, organisation=organisation)


@require_GET
@require_role()
def meeting_list(request: HttpRequest) -> HttpResponse:
    form = MeetingFilterForm(request.GET or None)
    meetings = visible_meetings(request.user)
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        if data.get("q"):
            meetings = meetings.filter(
                Q(title__icontains=data["q"]) | Q(agenda_items__title__icontains=data["q"])
            ).distinct()
        if data.get("co_quan"):
            meetings = meetings.filter(body__kind=data["co_quan"])
        if data.get("nam"):
            meetings = meetings.filter(held_on__year=data["nam"])
    page = Paginator(meetings.order_by("-held_on", "-pk"), PAGE_SIZE).get_page(
        request.GET.get("trang")
    )
    context = {
        "form": form,
        "page": page,
        "query": _query_without_page(request),
        "can_add": has_role(request.user, *EDITING_ROLES),
    }
    template = "meetings/_meeting_results.html" if _is_htmx(request) else "meetings/list.html"
    return render(request, template, context)


@require_GET
@require_role()
def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_scoped_object_or_404(
        visible_meetings(request.user),
        request.user,
        org_field="organisation",
        classification_field="classification",
        pk=pk,
    )
    items = list(AgendaItem.objects.filter(meeting=meeting).select_related("document"))
    document_ids = [item.document_id for item in items if item.document_id]
    visible_ids = set(
        visible_documents(request.user).filter(pk__in=document_ids).values_list("pk", flat=True)
    )
    agenda = [
        {"item": item, "document": item.document if item.document_id in visible_ids else None}
        for item in items
    ]
    tasks = visible_tasks(request.user).filter(source_meeting=meeting)
    return render(
        request,
        "meetings/detail.html",
        {
            "meeting": meeting,
            "agenda": agenda,
            "tasks": tasks,
            "today": today(),
            "can_edit": _can_edit(request, meeting.organisation),
        },
    )


AgendaFormSet = inlineformset_factory(
    Meeting, AgendaItem, form=AgendaItemForm, extra=3, can_delete=True
)


@require_http_methods(["GET", "POST"])
@require_role(*EDITING_ROLES)
def meeting_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    meeting = (
        get_scoped_object_or_404(
            Meeting.objects.all(),
            request.user,
            org_field="organisation",
            classification_field="classification",
            pk=pk,
        )
        if pk
        else Meeting()
    )
    if pk and not _can_edit(request, meeting.organisation):
        return render(request, "403.html", status=403)
    form = MeetingForm(request.POST or None, instance=meeting, user=request.user)
    formset = AgendaFormSet(
        request.POST or None,
        instance=meeting,
        form_kwargs={"user": request.user},
        prefix="noi_dung",
    )
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        with transaction.atomic():
            meeting = form.save()
            formset.instance = meeting
            items = formset.save(commit=False)
            for obj in formset.deleted_objects:
                obj.delete()
            used = set(
                meeting.agenda_items.exclude(pk__in=[i.pk for i in items if i.pk]).values_list(
                    "position", flat=True
                )
            )
            for item in items:
                if not item.position:
                    item.position = max(used, default=0) + 1
                used.add(item.position)
                item.save()
        messages.success(request, f"Đã lưu {meeting.full_title}.")
        return redirect("meetings:detail", pk=meeting.pk)
    return render(
        request, "meetings/edit.html", {"form": form, "formset": formset, "meeting": meeting}
    )


# --- tasks ----------------------------------------------------------------------------------


@require_GET
@require_role()
def task_list(request: HttpRequest) -> HttpResponse:
    form = TaskFilterForm(request.GET or None, user=request.user)
    tasks = visible_tasks(request.user)
    on = today()
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        if data.get("q"):
            tasks = tasks.filter(Q(title__icontains=data["q"]) | Q(lead_text__icontains=data["q"]))
        status = data.get("tinh_trang")
        if status == "qua_han":
            tasks = tasks.overdue(on)
        elif status:
            tasks = tasks.filter(status=status)
        if data.get("chu_tri"):
            tasks = tasks.filter(lead_body=data["chu_tri"])
    page = Paginator(tasks.order_by("due_on", "pk"), PAGE_SIZE).get_page(request.GET.get("trang"))
    context = {
        "form": form,
        "page": page,
        "today": on,
        "query": _query_without_page(request),
        "can_add": has_role(request.user, *EDITING_ROLES),
    }
    template = "meetings/_task_results.html" if _is_htmx(request) else "meetings/tasks.html"
    return render(request, template, context)


def _scoped_task(request: HttpRequest, pk: int) -> Task:
    return get_scoped_object_or_404(
        visible_tasks(request.user),
        request.user,
        org_field="organisation",
        classification_field="classification",
        pk=pk,
    )


@require_GET
@require_role()
def task_detail(request: HttpRequest, pk: int) -> HttpResponse:
    task = _scoped_task(request, pk)
    form = ProgressForm(initial={"noted_on": today(), "status": task.status})
    return render(request, "meetings/task.html", _task_context(request, task, form))


def _task_context(request: HttpRequest, task: Task, form: ProgressForm) -> dict[str, Any]:
    source_document = None
    if task.source_document_id:
        source_document = visible_documents(request.user).filter(pk=task.source_document_id).first()
    return {
        "task": task,
        "form": form,
        "today": today(),
        "notes": task.progress_notes.select_related("author"),
        "source_document": source_document,
        "can_edit": _can_edit(request, task.organisation),
    }


@require_POST
@require_role(*EDITING_ROLES)
def task_progress(request: HttpRequest, pk: int) -> HttpResponse:
    """Add a progress note (and set the status); HTMX swaps the progress section in place."""
    task = _scoped_task(request, pk)
    if not _can_edit(request, task.organisation):
        return render(request, "403.html", status=403)
    form = ProgressForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        with transaction.atomic():
            TaskProgress.objects.create(
                task=task, noted_on=data["noted_on"], text=data["text"].strip(), author=request.user
            )
            task.status = data["status"]
            task.completed_on = data["noted_on"] if task.status == Task.Status.DONE else None
            task.save(update_fields=["status", "completed_on"])
        form = ProgressForm(initial={"noted_on": today(), "status": task.status})
        if not _is_htmx(request):
            messages.success(request, "Đã cập nhật tiến độ.")
            return redirect("meetings:task", pk=task.pk)
    template = "meetings/_progress.html" if _is_htmx(request) else "meetings/task.html"
    return render(request, template, _task_context(request, task, form))


@require_http_methods(["GET", "POST"])
@require_role(*EDITING_ROLES)
def task_create(request: HttpRequest) -> HttpResponse:
    form = TaskForm(request.POST or None, user=request.user, initial={"due_on": None})
    if request.method == "POST" and form.is_valid():
        task = form.save()
        messages.success(request, "Đã thêm nhiệm vụ.")
        return redirect("meetings:task", pk=task.pk)
    return render(request, "meetings/task_form.html", {"form": form})
