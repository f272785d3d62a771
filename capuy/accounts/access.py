"""Access control: who may see which records. Every app's views go through this module.

Rules
-----
- A user holds roles (``Role``: văn thư, chuyên viên, lãnh đạo, quản trị) on organisations
  (``RoleAssignment``). A role on a unit covers the unit and every unit below it, at any date,
  and the units it succeeded (a merged ward inherits the archives of the wards it came from).
- A user has a clearance (``Profile.clearance``, a ``Classification``); a record classified
  above it is invisible to them.
- Superusers see every organisation; clearance applies to them too (being the IT
  administrator gives no right to read a Tối mật document).
- Anonymous or inactive users see nothing.
- Both conditions are added to the queryset (a subquery on the organisation path and a
  ``<=`` on the classification), so counts, pagination and aggregates never include what the
  user may not see. Objects out of scope answer 404, never 403, so guessing URLs reveals
  nothing.

Public API
----------
``visible_organisations(user)``
    QuerySet of the organisations the user may see.
``scope_queryset(qs, user, org_field="organisation", classification_field=None)``
    ``qs`` restricted to records whose ``org_field`` (a lookup path to an Organisation, e.g.
    ``"issuing_body__organisation"``) is visible and, if given, whose ``classification_field``
    is ≤ the user's clearance.
``get_scoped_object_or_404(qs, user, org_field=..., classification_field=..., **lookups)``
    One object of the scoped queryset, else ``Http404``.
``clearance_of(user)``, ``roles_of(user, organisation=None)``, ``has_role(user, *roles,
organisation=None)``, ``organisations_with_role(user, *roles)``, ``primary_organisation(user)``
    Questions about the user, e.g. to choose the home page or fill a form's choices.
``holds_role(user, *roles, organisation=None)``
    Like ``has_role`` but only through the user's own assignments: being a superuser (the IT
    administrator) grants no act of office. Approving, issuing and signing use this — the
    system's administrator manages accounts, he does not approve a committee's report.
``require_role(*roles)`` (function views) and ``RoleRequiredMixin`` (class views, set
``required_roles``)
    Log-in required (redirect to the login page), then 403 unless the user holds one of the
    roles somewhere (or is a superuser). Object-level checks use the scoping above.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from django.contrib.auth.mixins import LoginRequiredMixin
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db.models import Model, Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse

from capuy.accounts.levels import Classification, Role
from capuy.accounts.models import Profile, RoleAssignment
from capuy.orgs.history import predecessors_of
from capuy.orgs.models import Organisation, OrgEvent

__all__ = [
    "Classification",
    "Role",
    "RoleRequiredMixin",
    "clearance_of",
    "get_scoped_object_or_404",
    "has_role",
    "holds_role",
    "organisations_with_role",
    "primary_organisation",
    "require_role",
    "roles_of",
    "scope_queryset",
    "visible_organisations",
]

M = TypeVar("M", bound=Model)
_CACHE = "_capuy_access"


def _active(user: Any) -> bool:
    return bool(user is not None and user.is_authenticated and user.is_active)


def _assignments(user: Any) -> list[RoleAssignment]:
    """The user's role assignments, read once per user object (i.e. once per request).

    The memo (``_CACHE`` in the object's ``__dict__``: assignments, covered paths, clearance,
    the visible units' queryset) lives as long as the object: ``request.user`` is loaded
    afresh for every request by ``AuthenticationMiddleware``, so a role or clearance changed
    between two requests counts from the next one, and nothing is shared between users or
    threads (``tests/web/test_access_memo.py``)."""
    cache = user.__dict__.setdefault(_CACHE, {})
    if "assignments" not in cache:
        cache["assignments"] = list(
            RoleAssignment.objects.filter(user=user).select_related("organisation")
        )
    return cache["assignments"]


def _root_paths(user: Any) -> list[str]:
    """Paths of the subtrees the user covers: assigned units and the units they succeeded."""
    cache = user.__dict__.setdefault(_CACHE, {})
    if "paths" not in cache:
        assigned = [a.organisation for a in _assignments(user)]
        paths = {org.path for org in assigned}
        reorganised = (
            OrgEvent.objects.exclude(kind=OrgEvent.Kind.RENAME)
            .filter(successors__in=[org.pk for org in assigned])
            .exists()
        )
        if reorganised:  # one query in the usual case; follow the history only when there is one
            for org in assigned:
                paths.update(p.path for p in predecessors_of(org))
        # a path inside another covered path adds nothing
        cache["paths"] = sorted(
            p for p in paths if not any(p != q and p.startswith(q) for q in paths)
        )
    return cache["paths"]


def clearance_of(user: Any) -> int:
    """The highest classification the user may read (0 = ordinary records only)."""
    if not _active(user):
        return 0  # Classification.NORMAL
    cache = user.__dict__.setdefault(_CACHE, {})
    if "clearance" not in cache:
        cache["clearance"] = (
            Profile.objects.filter(user=user).values_list("clearance", flat=True).first()
            or 0  # Classification.NORMAL
        )
    return int(cache["clearance"])


def visible_organisations(user: Any) -> QuerySet[Organisation]:
    """The organisations whose records the user may see (a lazy queryset, usable as subquery)."""
    if not _active(user):
        return Organisation.objects.none()
    cache = user.__dict__.setdefault(_CACHE, {})
    if "visible" not in cache:  # built once per user object (a request); a clone each call
        cache["visible"] = _visible(user)
    return cache["visible"].all()


def _visible(user: Any) -> QuerySet[Organisation]:
    if user.is_superuser:
        return _units().all()
    paths = _root_paths(user)
    if not paths:
        return Organisation.objects.none()
    condition = Q()
    for path in paths:
        condition |= Q(path__startswith=path)
    return _units().filter(condition)


def _units() -> QuerySet[Organisation]:
    """Organisations with their parent: a choice list labels a cell with its parent's name
    (``Organisation.choice_label``), one query per cell without the join. A subquery
    (``.values("pk")``) drops the join."""
    return Organisation.objects.select_related("parent")


def scope_queryset(
    qs: QuerySet[M],
    user: Any,
    org_field: str = "organisation",
    classification_field: str | None = None,
) -> QuerySet[M]:
    """``qs`` limited to what ``user`` may see — by organisation subtree and clearance."""
    if not _active(user):
        return qs.none()
    if not user.is_superuser:
        visible = visible_organisations(user).values("pk")
        qs = qs.filter(**{f"{org_field}__in": visible})
    if classification_field:
        qs = qs.filter(**{f"{classification_field}__lte": clearance_of(user)})
    return qs


def get_scoped_object_or_404(
    qs: QuerySet[M],
    user: Any,
    org_field: str = "organisation",
    classification_field: str | None = None,
    **lookups: Any,
) -> Any:
    """The one object matching ``lookups`` that ``user`` may see; 404 otherwise (never 403)."""
    try:
        return scope_queryset(qs, user, org_field, classification_field).get(**lookups)
    except (qs.model.DoesNotExist, ValueError, TypeError) as exc:
        raise Http404("Không tìm thấy.") from exc


def roles_of(user: Any, organisation: Organisation | None = None) -> set[str]:
    """Roles the user holds on ``organisation`` (directly or on a unit above it), or anywhere."""
    if not _active(user):
        return set()
    if user.is_superuser:
        return set(Role.values)
    roles = set()
    for assignment in _assignments(user):
        covers = organisation is None or organisation.path.startswith(assignment.organisation.path)
        if covers:
            roles.add(assignment.role)
    return roles


def has_role(user: Any, *roles: str, organisation: Organisation | None = None) -> bool:
    """Whether the user holds one of ``roles`` (on ``organisation``, if given)."""
    return bool(roles_of(user, organisation) & set(roles))


def holds_role(user: Any, *roles: str, organisation: Organisation | None = None) -> bool:
    """Whether one of the user's own assignments gives one of ``roles`` (superuser or not)."""
    if not _active(user):
        return False
    for assignment in _assignments(user):
        covers = organisation is None or organisation.path.startswith(assignment.organisation.path)
        if covers and assignment.role in roles:
            return True
    return False


def organisations_with_role(user: Any, *roles: str) -> QuerySet[Organisation]:
    """Units where the user holds one of ``roles`` — the assigned units and all below them."""
    if not _active(user):
        return Organisation.objects.none()
    if user.is_superuser:
        return _units().all()
    condition = Q()
    for assignment in _assignments(user):
        if assignment.role in roles:
            condition |= Q(path__startswith=assignment.organisation.path)
    return _units().filter(condition) if condition else Organisation.objects.none()


def primary_organisation(user: Any) -> Organisation | None:
    """The highest unit the user is assigned to (their office), for home pages and defaults."""
    if not _active(user):
        return None
    assignments = _assignments(user)
    if not assignments:
        return (
            Organisation.objects.filter(parent__isnull=True, valid_to__isnull=True).first()
            if user.is_superuser
            else None
        )
    return min((a.organisation for a in assignments), key=lambda o: (o.path.count("/"), o.path))


def _check(request: HttpRequest, roles: tuple[str, ...]) -> HttpResponse | None:
    if not _active(request.user):
        return redirect_to_login(request.get_full_path())
    if roles and not has_role(request.user, *roles):
        raise PermissionDenied("Bạn không có quyền thực hiện chức năng này.")
    return None


def require_role(
    *roles: str,
) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """Decorator for function views: log-in required, then one of ``roles`` (none = any user)."""

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            refused = _check(request, roles)
            return refused if refused is not None else view(request, *args, **kwargs)

        return wrapped

    return decorator


class RoleRequiredMixin(LoginRequiredMixin):
    """Class-based views: set ``required_roles = (Role.CLERK, …)``; empty means any user."""

    required_roles: tuple[str, ...] = ()

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        refused = _check(request, tuple(self.required_roles))
        if refused is not None:
            return refused
        return super().dispatch(request, *args, **kwargs)
