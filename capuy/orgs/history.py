"""The organisation tree at any date, and the operations that change it.

``reorganise`` is the only way units end and begin (merge, split, transfer, dissolve, create),
so the validity windows and the event that explains them are always written together.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet

from capuy.orgs.models import CommitteeTerm, Organisation, OrgEvent, valid_at_q

__all__ = [
    "TreeNode",
    "descendants",
    "name_at",
    "organisation_tree",
    "predecessors_of",
    "rename",
    "reorganise",
    "successors_of",
    "term_at",
]


@dataclass
class TreeNode:
    organisation: Organisation
    children: list[TreeNode] = field(default_factory=list)

    def walk(self) -> Iterable[tuple[int, Organisation]]:
        """(depth, organisation) in display order, the root at depth 0."""
        stack: list[tuple[int, TreeNode]] = [(0, self)]
        while stack:
            depth, node = stack.pop()
            yield depth, node.organisation
            stack.extend((depth + 1, c) for c in reversed(node.children))


def descendants(
    root: Organisation, at: dt.date | None = None, include_self: bool = True
) -> QuerySet[Organisation]:
    """The units under ``root`` (and itself), those valid on ``at`` if given — one query."""
    qs = Organisation.objects.filter(path__startswith=root.path)
    if not include_self:
        qs = qs.exclude(pk=root.pk)
    if at is not None:
        qs = qs.filter(valid_at_q(at))
    return qs


def organisation_tree(root: Organisation, at: dt.date | None = None) -> TreeNode:
    """``root`` with the units below it as they stood on ``at`` (all rows ever, if None).

    A unit whose parent was not valid that day is left out with its branch: it cannot have
    been under ``root`` then.
    """
    rows = list(descendants(root, at).order_by("tree_key"))
    nodes = {o.pk: TreeNode(o) for o in rows}
    if root.pk not in nodes:
        nodes[root.pk] = TreeNode(root)
    for org in sorted(rows, key=lambda o: (o.path.count("/"), o.position, o.name)):
        if org.pk == root.pk:
            continue
        parent = nodes.get(org.parent_id) if org.parent_id is not None else None
        if parent is not None:
            parent.children.append(nodes[org.pk])
    return nodes[root.pk]


@transaction.atomic
def reorganise(
    kind: str,
    date: dt.date,
    predecessors: Iterable[Organisation] = (),
    successors: Iterable[Organisation] = (),
    decision: str = "",
    note: str = "",
) -> OrgEvent:
    """Record a merger/split/transfer/dissolution/creation effective on ``date``.

    Predecessors end the day before ``date``; successors begin on ``date``. A predecessor may
    not keep units that stay valid after it ends (they must be reorganised in the same step
    or earlier), so the tree on any date never has orphans.
    """
    before, after = list(predecessors), list(successors)
    rules = {
        OrgEvent.Kind.MERGE: (2, 1),
        OrgEvent.Kind.SPLIT: (1, 2),
        OrgEvent.Kind.TRANSFER: (1, 1),
        OrgEvent.Kind.DISSOLVE: (1, 0),
        OrgEvent.Kind.CREATE: (0, 1),
    }
    if kind not in rules:
        raise ValidationError(f"Loại sự kiện không hợp lệ cho tổ chức lại: {kind}")
    min_before, min_after = rules[OrgEvent.Kind(kind)]
    if len(before) < min_before or len(after) < min_after:
        raise ValidationError(
            f"Sự kiện “{OrgEvent.Kind(kind).label}” cần ít nhất {min_before:02d} tổ chức trước "
            f"và {min_after:02d} tổ chức sau."
        )
    if {o.pk for o in before} & {o.pk for o in after}:
        raise ValidationError("Một tổ chức không thể vừa là tổ chức trước vừa là tổ chức sau.")
    if kind == OrgEvent.Kind.DISSOLVE and after:
        raise ValidationError("Giải thể không có tổ chức kế tục; hãy dùng hợp nhất hoặc chuyển.")
    last_day = date - dt.timedelta(days=1)
    ending = {o.pk for o in before}
    for org in before:
        if not org.is_valid_at(last_day):
            raise ValidationError(f"{org.name} không còn hoạt động trước ngày {date:%d/%m/%Y}.")
        orphans = descendants(org, at=date, include_self=False).exclude(pk__in=ending)
        if orphans.exists():
            names = ", ".join(o.name for o in orphans[:3])
            raise ValidationError(
                f"{org.name} còn tổ chức trực thuộc sau ngày {last_day:%d/%m/%Y}: {names}…"
            )
    for org in before:
        org.valid_to = last_day
        org.save(update_fields=["valid_to"])
    for org in after:
        if org.valid_from != date:
            org.valid_from = date
            org.save(update_fields=["valid_from"])
    event = OrgEvent.objects.create(kind=kind, date=date, decision=decision, note=note)
    event.predecessors.set(before)
    event.successors.set(after)
    return event


@transaction.atomic
def rename(
    org: Organisation,
    new_name: str,
    date: dt.date,
    committee_name: str | None = None,
    decision: str = "",
) -> OrgEvent:
    """Rename a unit in place (its records and subtree stay); the old name stays in history."""
    event = OrgEvent.objects.create(
        kind=OrgEvent.Kind.RENAME,
        date=date,
        old_name=org.name,
        new_name=new_name,
        decision=decision,
    )
    event.predecessors.set([org])
    event.successors.set([org])
    org.name = new_name
    fields = ["name"]
    if committee_name is not None:
        org.committee_name = committee_name
        fields.append("committee_name")
    org.save(update_fields=fields)
    return event


def name_at(org: Organisation, at: dt.date) -> str:
    """The unit's name on ``at``: the old name of the first rename after that date, if any."""
    later = (
        OrgEvent.objects.filter(kind=OrgEvent.Kind.RENAME, predecessors=org, date__gt=at)
        .order_by("date", "pk")
        .first()
    )
    return later.old_name if later else org.name


def _linked(org: Organisation, backwards: bool) -> list[Organisation]:
    """All units reached by following reorganisation events (renames excluded), transitively."""
    seen: dict[int, Organisation] = {}
    frontier = [org.pk]
    while frontier:
        events = OrgEvent.objects.exclude(kind=OrgEvent.Kind.RENAME)
        if backwards:
            events = events.filter(successors__in=frontier)
            found = Organisation.objects.filter(events_as_predecessor__in=events)
        else:
            events = events.filter(predecessors__in=frontier)
            found = Organisation.objects.filter(events_as_successor__in=events)
        fresh = [o for o in found.distinct() if o.pk not in seen and o.pk != org.pk]
        seen.update((o.pk, o) for o in fresh)
        frontier = [o.pk for o in fresh]
    return sorted(seen.values(), key=lambda o: (o.valid_from or dt.date.min, o.path))


def predecessors_of(org: Organisation) -> list[Organisation]:
    """Every unit that was merged, split or transferred into ``org``, however far back."""
    return _linked(org, backwards=True)


def successors_of(org: Organisation) -> list[Organisation]:
    """Every unit ``org`` became, however far forward."""
    return _linked(org, backwards=False)


def term_at(org: Organisation, at: dt.date) -> CommitteeTerm | None:
    """The committee term running on ``at`` for ``org`` (or None)."""
    for term in CommitteeTerm.objects.filter(organisation=org, start_date__lte=at).order_by(
        "-start_date"
    ):
        if term.contains(at):
            return term
    return None
