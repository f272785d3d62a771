"""The archive-wide check: every document of an organisation's archive checked, as a job.

The ``archive_check`` job reads the stored text of the register documents of a unit and the
units below it — only those the requesting user may see (their units, their clearance: the same
``scope_queryset`` as the register) — checks each one with the checker (``capuy.api.check_text``:
the text read back like a ``.txt`` file, the per-document and corpus rules of ``capuy check``
on that one document) and keeps, per document, its findings by severity in ``DocumentCheck``
(one row per document: a new run replaces it). A job with no requesting user (``capuy jobs run
archive_check --param org=ID`` by the server's administrator) checks every document of the
subtree, unless ``--param user=USERNAME`` names the user it runs as.

Safe to run again from the start (a worker killed mid-way): each document's row is replaced.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from capuy.errors import InputError
from capuy.jobs.registry import JobKind, Progress, Result, register_kind

KIND = "archive_check"
SAMPLE_SIZE = 5  # findings kept per document for its page (the counts cover all of them)


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def documents_to_check(org: Any, user: Any = None) -> QuerySet[Any]:
    """The documents of ``org``'s subtree that have a stored text, limited to what ``user``
    may see (None: every one — the command line run by the server's administrator)."""
    from capuy.accounts.access import scope_queryset
    from capuy.documents.models import Document

    docs = Document.objects.filter(organisation__path__startswith=org.path).exclude(text="")
    if user is not None:
        docs = scope_queryset(docs, user, "organisation", "classification")
    return docs.order_by("pk")


def may_start(user: Any, org: Any) -> bool:
    """A clerk (văn thư) or administrator of ``org`` (or of a unit above it)."""
    from capuy.accounts.access import has_role
    from capuy.documents.forms import REGISTERING_ROLES

    return has_role(user, *REGISTERING_ROLES, organisation=org)


def _user_of(job: Any) -> Any:
    if job.requested_by is not None:
        return job.requested_by
    username = str(job.params.get("user", "")).strip()
    if not username:
        return None
    from django.contrib.auth import get_user_model

    found = get_user_model().objects.filter(username=username, is_active=True).first()
    if found is None:
        raise InputError(f"Không có người dùng {username!r}", f"no user {username!r}")
    return found


def _organisation(job: Any) -> Any:
    from capuy.orgs.models import Organisation

    raw = str(job.params.get("org", ""))
    org = Organisation.objects.filter(pk=int(raw)).first() if raw.isdigit() else None
    if org is None:
        raise InputError(
            "Cần chọn đơn vị có kho lưu trữ cần soát (--param org=SỐ)", "org=ID is required"
        )
    return org


def check_one(text: str, pk: int) -> tuple[Counter[str], Counter[str], list[dict[str, Any]], str]:
    """(findings by severity, by rule, the first few, a note) of one stored text."""
    from capuy.api import check_text
    from capuy.check.engine import MAX_CHECK_CHARS

    if len(text) > MAX_CHECK_CHARS:
        return Counter(), Counter(), [], "Nội dung quá dài để soát lỗi (quá 600 trang)."
    try:
        findings = check_text(text, f"van-ban-{pk}.txt")
    except InputError as error:
        return Counter(), Counter(), [], f"Không soát được: {error.vi}"[:300]
    severities: Counter[str] = Counter(str(f.severity) for f in findings)
    rules = Counter(f.rule for f in findings)
    sample = [
        {"line": f.line, "severity": f.severity, "rule": f.rule, "message": f.message[:300]}
        for f in findings[:SAMPLE_SIZE]
    ]
    return severities, rules, sample, ""


def check_archive(job: Any, progress: Progress) -> Result:
    """The ``archive_check`` job (see the module's docstring)."""
    from capuy.archive.models import DocumentCheck

    org, user = _organisation(job), _user_of(job)
    if user is not None and not may_start(user, org):
        raise InputError(
            f"Không có quyền soát kho lưu trữ của {org.name}", "no clerk role on the unit"
        )
    docs = documents_to_check(org, user)
    ids = list(docs.values_list("pk", flat=True))
    total, with_errors = len(ids), 0
    progress(0, total, f"Soát lỗi {total} văn bản")
    for index, pk in enumerate(ids, start=1):
        doc = docs.only("pk", "text", "organisation_id", "classification").filter(pk=pk).first()
        if doc is None:  # deleted meanwhile
            continue
        severities, rules, sample, note = check_one(doc.text, doc.pk)
        with_errors += bool(severities["error"])
        DocumentCheck.objects.update_or_create(
            document_id=doc.pk,
            defaults={
                "organisation_id": doc.organisation_id,
                "classification": doc.classification,
                "text_sha256": text_hash(doc.text),
                "errors": severities["error"],
                "warnings": severities["warning"],
                "infos": severities["info"],
                "rules": dict(rules.most_common(20)),
                "sample": sample,
                "note": note,
                "job_id": job.pk,
                "checked_at": timezone.now(),
            },
        )
        progress(index, total, f"Đã soát {index}/{total} văn bản")
    from django.urls import reverse

    from capuy.text.numbers import format_number

    return Result(
        message=f"Đã soát {format_number(total)} văn bản của {org.name}: "
        f"{format_number(with_errors)} văn bản có lỗi.",
        url=reverse("archive:checks") + f"?don_vi={org.pk}",
    )


def start_check(org: Any, user: Any) -> Any:
    """Queue the check of ``org``'s archive as ``user`` (the one already waiting or running
    for this unit, if any)."""
    from capuy.jobs.models import Job
    from capuy.jobs.runner import enqueue

    waiting = Job.objects.filter(
        kind=KIND, organisation=org, state__in=[Job.State.QUEUED, Job.State.RUNNING]
    ).first()
    if waiting is not None:
        return waiting
    return enqueue(
        KIND,
        f"Soát lỗi kho lưu trữ: {org.name}"[:300],
        {"org": org.pk},
        user=user,
        organisation=org,
    )


def register() -> None:
    register_kind(JobKind(KIND, "Soát lỗi kho lưu trữ", check_archive, max_attempts=2))
