"""Pages of inspections, supervisions and discipline (scoped by the access API)."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from capuy.accounts.access import has_role, require_role, scope_queryset
from capuy.oversight.forms import DisciplineForm, OversightForm
from capuy.oversight.models import DisciplineDecision, Oversight, OversightSubject
from capuy.web.records import ENTRY_ROLES, READ_ROLES, record_list_page


@require_http_methods(["GET", "POST"])
@require_role(*READ_ROLES)
def oversight_list(request: HttpRequest) -> HttpResponse:
    records = scope_queryset(
        Oversight.objects.select_related("organisation").annotate(n_subjects=Count("subjects")),
        request.user,
    )
    form = (
        OversightForm(request.POST or None, user=request.user)
        if has_role(request.user, *ENTRY_ROLES)
        else None
    )

    @transaction.atomic
    def save(form: OversightForm) -> Oversight:
        d = form.cleaned_data
        record = Oversight.objects.create(
            organisation=d["organisation"],
            activity=d["activity"],
            body=d["body"],
            kind=d["kind"],
            subject_matter=d["subject_matter"],
            started_on=d["started_on"],
            concluded_on=d["concluded_on"],
            conclusion=d["conclusion"],
            violation_found=d["violation_found"],
        )
        for org in d["subject_organisations"]:
            OversightSubject.objects.create(oversight=record, subject_organisation=org)
        for member in d["subject_members"]:
            OversightSubject.objects.create(oversight=record, subject_member=member)
        return record

    return record_list_page(
        request,
        title="Kiểm tra, giám sát",
        lead="Các cuộc kiểm tra, giám sát của cấp ủy và ủy ban kiểm tra.",
        records=records.order_by("-started_on", "-pk"),
        columns=["Ngày", "Hoạt động", "Loại", "Nội dung", "Tiến hành", "Số lượt", "Vi phạm"],
        row=lambda o: [
            o.started_on.strftime("%d/%m/%Y"),
            o.get_activity_display(),
            o.get_kind_display(),
            o.subject_matter,
            o.organisation,
            o.n_subjects,
            "có" if o.violation_found else "",
        ],
        form=form,
        form_title="Ghi cuộc kiểm tra, giám sát",
        save=save,
        links=[{"label": "Xác minh tài sản, thu nhập", "url": reverse("oversight:assets")}],
    )


@require_http_methods(["GET", "POST"])
@require_role(*READ_ROLES)
def discipline_list(request: HttpRequest) -> HttpResponse:
    records = scope_queryset(
        DisciplineDecision.objects.select_related(
            "organisation", "subject_member", "subject_organisation"
        ),
        request.user,
    )
    form = (
        DisciplineForm(request.POST or None, user=request.user)
        if has_role(request.user, *ENTRY_ROLES)
        else None
    )

    def save(form: DisciplineForm) -> DisciplineDecision:
        d = form.cleaned_data
        member = d["member"]
        org = d["subject_organisation"]
        return DisciplineDecision.objects.create(
            organisation=member.organisation if member else org,
            subject_member=member,
            subject_organisation=org,
            form=d["form"],
            deciding_body=d["deciding_body"],
            decided_on=d["decided_on"],
            reason=d["reason"],
            decision=d["decision"],
        )

    return record_list_page(
        request,
        title="Kỷ luật",
        lead="Quyết định thi hành kỷ luật tổ chức đảng, đảng viên.",
        records=records.order_by("-decided_on", "-pk"),
        columns=["Ngày", "Đối tượng", "Hình thức", "Cấp quyết định", "Thuộc", "Nội dung vi phạm"],
        row=lambda d: [
            d.decided_on.strftime("%d/%m/%Y"),
            d.subject_member or d.subject_organisation,
            d.get_form_display(),
            d.get_deciding_body_display(),
            d.organisation,
            d.reason,
        ],
        form=form,
        form_title="Ghi quyết định kỷ luật",
        save=save,
        links=[{"label": "Xác minh tài sản, thu nhập", "url": reverse("oversight:assets")}],
    )
