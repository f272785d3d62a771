"""The vocabulary page: the domain lists capuy uses, each entry with its source, read-only.

The lists live in ``capuy/vocab/*.yaml`` (reviewed, versioned data, changed by a release, not
in the database), so the administrator's view of them is a page, not an editable admin model.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from capuy.accounts.levels import Classification, Role
from capuy.orgs.kinds import body_kinds, org_kinds
from capuy.vocab import document_types, issuers


@require_GET
@login_required
def vocabulary(request: HttpRequest) -> HttpResponse:
    # a signed-in user who may not see it gets the 403 page: staff_member_required sent them
    # to the log-in page, which sends a signed-in user back here, and so on
    if not (request.user.is_active and request.user.is_staff):
        raise PermissionDenied("Danh mục dùng chung chỉ dành cho quản trị hệ thống.")
    return render(
        request,
        "web/vocabulary.html",
        {
            "org_kinds": org_kinds(),
            "body_kinds": body_kinds(),
            "party_types": document_types("party"),
            "party_issuers": issuers("party"),
            "roles": Role.choices,
            "classifications": Classification.choices,
        },
    )
