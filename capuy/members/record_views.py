"""List and entry pages for badges (Huy hiệu Đảng) and yearly member and organisation ratings: read by
anyone with a records role over the unit, written by specialists and admins of the unit; the
models are in the audit trail (see ``apps.py``)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from capuy.accounts.access import has_role, require_role, scope_queryset
from capuy.members.models import Badge, MemberRating, OrganisationRating
from capuy.members.record_forms import BadgeForm, MemberRatingForm, OrganisationRatingForm
from capuy.members.services import award_badge
from capuy.web.records import ENTRY_ROLES, READ_ROLES, record_list_page


@require_http_methods(["GET", "POST"])
@require_role(*READ_ROLES)
def badge_list(request: HttpRequest) -> HttpResponse:
    records = scope_queryset(
        Badge.objects.select_related("member", "member__organisation"),
        request.user,
        org_field="member__organisation",
    )
    form = (
        BadgeForm(request.POST or None, user=request.user)
        if has_role(request.user, *ENTRY_ROLES)
        else None
    )

    def save(form: BadgeForm) -> Badge:
        d = form.cleaned_data
        return award_badge(d["member"], d["years"], d["awarded_on"], d["decision"])

    return record_list_page(
        request,
        title="Huy hiệu Đảng",
        lead="Huy hiệu Đảng đã trao cho đảng viên của các tổ chức đảng bạn được xem.",
        records=records.order_by("-awarded_on", "-pk"),
        columns=["Ngày trao", "Đảng viên", "Chi bộ", "Huy hiệu", "Ngày vào Đảng", "Quyết định"],
        row=lambda b: [
            b.awarded_on.strftime("%d/%m/%Y"),
            {"text": b.member.full_name, "url": reverse("members:detail", args=[b.member.pk])},
            b.member.organisation,
            f"{b.years} năm tuổi Đảng",
            b.member.admitted_on.strftime("%d/%m/%Y") if b.member.admitted_on else "",
            b.decision,
        ],
        form=form,
        form_title="Ghi trao Huy hiệu Đảng",
        save=save,
        links=[
            {"label": "Đảng viên đến hạn xét tặng Huy hiệu", "url": reverse("members:due")},
            {"label": "Danh sách đảng viên", "url": reverse("members:list")},
        ],
    )


@require_http_methods(["GET", "POST"])
@require_role(*READ_ROLES)
def organisation_rating_list(request: HttpRequest) -> HttpResponse:
    records = scope_queryset(
        OrganisationRating.objects.select_related("organisation"), request.user
    )
    form = (
        OrganisationRatingForm(request.POST or None, user=request.user)
        if has_role(request.user, *ENTRY_ROLES)
        else None
    )

    def save(form: OrganisationRatingForm) -> OrganisationRating:
        d = form.cleaned_data
        return OrganisationRating.objects.create(
            organisation=d["organisation"], year=d["year"], rating=d["rating"]
        )

    return record_list_page(
        request,
        title="Xếp loại tổ chức đảng",
        lead="Đánh giá, xếp loại chất lượng hằng năm của các tổ chức đảng bạn được xem.",
        records=records.order_by("-year", "organisation__tree_key", "pk"),
        columns=["Năm", "Tổ chức đảng", "Xếp loại"],
        row=lambda r: [str(r.year), r.organisation, r.get_rating_display()],
        form=form,
        form_title="Ghi xếp loại tổ chức đảng",
        save=save,
        links=[
            {"label": "Xếp loại đảng viên", "url": reverse("members:ratings")},
            {"label": "Danh sách đảng viên", "url": reverse("members:list")},
        ],
    )


@require_http_methods(["GET", "POST"])
@require_role(*READ_ROLES)
def member_rating_list(request: HttpRequest) -> HttpResponse:
    records = scope_queryset(
        MemberRating.objects.select_related("member", "member__organisation"),
        request.user,
        org_field="member__organisation",
    )
    form = (
        MemberRatingForm(request.POST or None, user=request.user)
        if has_role(request.user, *ENTRY_ROLES)
        else None
    )

    def save(form: MemberRatingForm) -> MemberRating:
        d = form.cleaned_data
        return MemberRating.objects.create(member=d["member"], year=d["year"], rating=d["rating"])

    return record_list_page(
        request,
        title="Xếp loại đảng viên",
        lead="Đánh giá, xếp loại chất lượng hằng năm của đảng viên các tổ chức đảng bạn được xem.",
        records=records.order_by(
            "-year", "member__organisation__tree_key", "member__full_name", "pk"
        ),
        columns=["Năm", "Đảng viên", "Chi bộ", "Xếp loại"],
        row=lambda r: [
            str(r.year),
            {"text": r.member.full_name, "url": reverse("members:detail", args=[r.member.pk])},
            r.member.organisation,
            r.get_rating_display(),
        ],
        form=form,
        form_title="Ghi xếp loại đảng viên",
        save=save,
        links=[
            {"label": "Xếp loại tổ chức đảng", "url": reverse("members:org_ratings")},
            {"label": "Danh sách đảng viên", "url": reverse("members:list")},
        ],
    )
