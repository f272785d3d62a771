"""Who may see what in the handbook: a member their own things and their own cell's business,
a cell's officers their cell, the committee office (specialists, admins) the cells below it.

Everything out of scope answers 404 (``Http404``), never 403, as in ``capuy.accounts.access``:
a member of another cell who types a meeting's URL learns nothing, not even that it exists.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404

from capuy.accounts.access import clearance_of, has_role
from capuy.accounts.levels import Role
from capuy.handbook.models import CellMeeting, CellOfficer, MemberAccount, Reading
from capuy.members.models import Member
from capuy.orgs.models import Organisation

__all__ = [
    "OFFICE_ROLES",
    "can_manage_cell",
    "managed_cells",
    "meeting_for_member",
    "member_of",
    "readings_for",
    "require_member",
]

# office roles that create accounts and run a cell's business from the committee
OFFICE_ROLES: tuple[str, ...] = (str(Role.SPECIALIST), str(Role.ADMIN))


def member_of(user: Any) -> Member | None:
    """The register entry behind a member's login (None for an office user)."""
    if not (user and user.is_authenticated and user.is_active):
        return None
    cache = user.__dict__.setdefault("_capuy_handbook", {})
    if "member" not in cache:
        account = (
            MemberAccount.objects.select_related("member__organisation")
            .filter(user=user, member__left_on__isnull=True)
            .first()
        )
        cache["member"] = account.member if account else None
    member = cache["member"]
    return member if isinstance(member, Member) else None


def require_member(user: Any) -> Member:
    member = member_of(user)
    if member is None:
        raise Http404("Không tìm thấy.")
    return member


def can_manage_cell(user: Any, cell: Organisation) -> bool:
    """A cell's secretary or deputy, or a specialist/admin of the committee above it."""
    member = member_of(user)
    if (
        member is not None
        and member.organisation_id == cell.pk
        and CellOfficer.objects.filter(cell=cell, member=member).exists()
    ):
        return True
    return has_role(user, *OFFICE_ROLES, organisation=cell)


def managed_cells(user: Any) -> list[Organisation]:
    """Cells whose business the user runs as an officer (office users go through the register)."""
    member = member_of(user)
    if member is None:
        return []
    return list(
        Organisation.objects.filter(
            cell_officers__member=member, pk=member.organisation_id
        ).distinct()
    )


def cell_or_404(user: Any, cell_id: int) -> Organisation:
    try:
        cell = Organisation.objects.get(pk=cell_id)
    except (Organisation.DoesNotExist, ValueError, TypeError) as exc:
        raise Http404("Không tìm thấy.") from exc
    if not can_manage_cell(user, cell):
        raise Http404("Không tìm thấy.")
    return cell


def meeting_for_member(member: Member, pk: int) -> CellMeeting:
    try:
        return CellMeeting.objects.get(pk=pk, cell_id=member.organisation_id)
    except (CellMeeting.DoesNotExist, ValueError, TypeError) as exc:
        raise Http404("Không tìm thấy.") from exc


def readings_for(user: Any, member: Member) -> QuerySet[Reading]:
    """Readings sent to the member's cell or to a unit above it, within the user's clearance."""
    cell_path = member.organisation.path
    ancestors = [int(p) for p in cell_path.strip("/").split("/") if p]
    return Reading.objects.filter(
        Q(organisation_id__in=ancestors),
        classification__lte=clearance_of(user),
    )
