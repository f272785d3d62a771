"""Finding organisations: the units that report to a committee (and, by name, the one a user
names)."""

from __future__ import annotations

import datetime as dt

from django.db.models import Q

from capuy.orgs.models import Organisation, valid_at_q

__all__ = ["subordinate_units"]


def subordinate_units(root: Organisation, at: dt.date) -> list[Organisation]:
    """The units that report to ``root``: those directly below it that have a committee."""
    return list(
        Organisation.objects.filter(Q(parent=root) & valid_at_q(at))
        .exclude(committee_name="")
        .order_by("position", "name")
    )
