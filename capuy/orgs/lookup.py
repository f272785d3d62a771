"""Finding organisations: the one a user names (command line, import), and the units that
report to a committee."""

from __future__ import annotations

import datetime as dt

from django.db.models import Q

from capuy.errors import InputError
from capuy.orgs.models import Organisation, valid_at_q
from capuy.text import search_key

__all__ = ["organisation_by_name", "subordinate_units"]


def organisation_by_name(text: str) -> Organisation:
    """The unit a user names: by id, else by its exact name or committee name, else by either
    folded (tone placement, marks and case ignored: "thi uy duc pho") — a current unit, found
    by an indexed query on ``name_key``/``committee_key``. ``InputError`` when none matches,
    or several (listed with their ids, so the user can give one)."""
    text = (text or "").strip()
    if text.isdigit():
        found = Organisation.objects.filter(pk=int(text)).first()
        if found:
            return found
    current = Organisation.objects.filter(valid_to__isnull=True)
    matches = list(current.filter(Q(name__iexact=text) | Q(committee_name__iexact=text))[:2])
    if len(matches) != 1:
        key = search_key(text)
        matches = (
            list(current.filter(Q(name_key=key) | Q(committee_key=key)).order_by("tree_key")[:20])
            if key
            else []
        )
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise InputError(
            f"Không tìm thấy tổ chức “{text}” (nhập đúng tên, tên cấp ủy hoặc số hiệu)",
            f"no organisation named {text!r} (give its name, committee name or id)",
        )
    raise InputError(
        f"Có {len(matches):02d} tổ chức tên “{text}”; hãy dùng số hiệu: "
        + ", ".join(f"{o.pk} ({o.name})" for o in matches),
        f"{len(matches)} organisations match {text!r}; use the id",
    )


def subordinate_units(root: Organisation, at: dt.date) -> list[Organisation]:
    """The units that report to ``root``: those directly below it that have a committee."""
    return list(
        Organisation.objects.filter(Q(parent=root) & valid_at_q(at))
        .exclude(committee_name="")
        .order_by("position", "name")
    )
