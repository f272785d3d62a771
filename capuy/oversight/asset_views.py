"""Pages of asset-declaration verifications (xác minh tài sản, thu nhập): a list and entry form
scoped to the user's units, and one page per verification (another unit's: 404)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from capuy.accounts.access import get_scoped_object_or_404, has_role, require_role, scope_queryset
from capuy.oversight.asset_forms import AssetVerificationForm
from capuy.oversight.models import AssetVerification
from capuy.web.records import ENTRY_ROLES, READ_ROLES, record_list_page


@require_http_methods(["GET", "POST"])
@require_role(*READ_ROLES)
def asset_list(request: HttpRequest) -> HttpResponse:
    records = scope_queryset(
        AssetVerification.objects.select_related("organisation", "member"), request.user
    )
    form = (
        AssetVerificationForm(request.POST or None, user=request.user)
        if has_role(request.user, *ENTRY_ROLES)
        else None
    )

    def save(form: AssetVerificationForm) -> AssetVerification:
        d = form.cleaned_data
        return AssetVerification.objects.create(
            organisation=d["organisation"],
            member=d["member"],
            declaration_year=d["declaration_year"],
            verified_on=d["verified_on"],
            outcome=d["outcome"],
            conclusion=d["conclusion"],
        )

    return record_list_page(
        request,
        title="Xác minh tài sản, thu nhập",
        lead="Kết quả xác minh việc kê khai tài sản, thu nhập của đảng viên.",
        records=records.order_by("-verified_on", "-pk"),
        columns=["Ngày kết luận", "Đảng viên", "Năm kê khai", "Kết quả", "Đơn vị xác minh"],
        row=lambda v: [
            {
                "text": v.verified_on.strftime("%d/%m/%Y"),
                "url": reverse("oversight:asset", args=[v.pk]),
            },
            v.member.full_name,
            str(v.declaration_year),
            v.get_outcome_display(),
            v.organisation,
        ],
        form=form,
        form_title="Ghi kết quả xác minh tài sản, thu nhập",
        save=save,
        links=[
            {"label": "Kiểm tra, giám sát", "url": reverse("oversight:list")},
            {"label": "Kỷ luật", "url": reverse("oversight:discipline")},
        ],
    )


@require_http_methods(["GET"])
@require_role(*READ_ROLES)
def asset_detail(request: HttpRequest, pk: int) -> HttpResponse:
    record = get_scoped_object_or_404(
        AssetVerification.objects.select_related("organisation", "member"), request.user, pk=pk
    )
    return render(request, "oversight/asset_detail.html", {"record": record})
