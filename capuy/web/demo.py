"""The demo data: Thị ủy Đức Phổ under Tỉnh ủy Quảng Ngãi in February 2024 (seed 000's month).

``load_demo()`` is deterministic and idempotent: it builds the units, bodies, terms and users
of ``demo.yaml`` once, then runs the demo steps the record apps registered (the document
register adds the documents of seed 000's appendix, etc.). Each step receives the
``DemoContext`` (units by name, bodies, terms, users) and returns a one-line summary.

A record app registers its step in ``AppConfig.ready()``::

    from capuy.web.demo import register_demo_step
    register_demo_step("documents", load_demo_documents, order=10)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import yaml
from django.contrib.auth.models import User
from django.db import transaction

from capuy.accounts.models import Profile, RoleAssignment
from capuy.orgs.history import rename, reorganise
from capuy.orgs.models import Body, CommitteeTerm, Organisation, OrgEvent
from capuy.text import nfc

__all__ = ["DemoContext", "DemoLogin", "demo_logins", "load_demo", "register_demo_step"]


@dataclass
class DemoContext:
    province: Organisation
    town: Organisation
    wards: dict[str, Organisation]  # "Phổ Hòa" → Đảng bộ phường Phổ Hòa
    units: dict[str, Organisation]  # every unit by its full name (valid ones win)
    bodies: dict[tuple[int, str], Body]  # (organisation id, body kind) → Body
    terms: dict[int, CommitteeTerm]  # organisation id → the term running in February 2024
    users: dict[str, User] = field(default_factory=dict)

    def body(self, organisation: Organisation, kind: str) -> Body:
        return self.bodies[(organisation.pk, kind)]


@dataclass(frozen=True)
class DemoLogin:
    username: str
    password: str
    name: str
    office: str
    roles: str


DemoStep = Callable[[DemoContext], str]
_STEPS: dict[str, tuple[int, DemoStep]] = {}
_LABELS: dict[str, str] = {}


def register_demo_step(name: str, step: DemoStep, order: int = 50, label: str = "") -> None:
    """Add (or replace, by name) a step run after the units and users exist; ``label`` is
    what the demo's log shows for it (Vietnamese), the name if none is given."""
    _STEPS[name] = (order, step)
    _LABELS[name] = label or name


@cache
def demo_data() -> dict[str, Any]:
    text = resources.files("capuy.web").joinpath("demo.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(nfc(text))
    assert isinstance(data, dict)
    return data


def demo_logins() -> list[DemoLogin]:
    """The demo accounts, to print for whoever runs the demo."""
    from capuy.accounts.levels import Role

    result = []
    for u in demo_data()["users"]:
        office = "Thị ủy Đức Phổ" if u["unit"] == "town" else f"Đảng ủy phường {u['unit']}"
        roles = ", ".join(Role(r).label for r in u["roles"])
        name = f"{u['last_name']} {u['first_name']}".strip()
        result.append(DemoLogin(u["username"], u["password"], name, office, roles))
    return result


def _committee_short(committee_name: str) -> str:
    """ "Thị ủy Đức Phổ" → "Thị ủy" (how its bodies name it: Ban Thường vụ Thị ủy)."""
    for short in ("Tỉnh ủy", "Thành ủy", "Thị ủy", "Huyện ủy", "Đảng ủy", "Chi ủy"):
        if committee_name.startswith(short):
            return short
    return committee_name


def _make_bodies(
    org: Organisation, kinds: list[str], names: dict[str, str], unit_label: str
) -> dict[tuple[int, str], Body]:
    short = _committee_short(org.committee_name)
    made = {}
    for kind in kinds:
        body, _ = Body.objects.get_or_create(
            organisation=org,
            kind=kind,
            valid_from=None,
            defaults={"name": names[kind].format(committee=short, unit=unit_label)},
        )
        made[(org.pk, kind)] = body
    return made


def _unit(name: str, parent: Organisation | None, **fields: Any) -> Organisation:
    org, _ = Organisation.objects.get_or_create(
        name=name, parent=parent, valid_to=fields.get("valid_to"), defaults=fields
    )
    return org


def _town(province: Organisation, t: dict[str, Any]) -> Organisation:
    """The town under its current name: made under its former name, then renamed (2020)."""
    town = Organisation.objects.filter(committee_name=t["committee_name"], parent=province).first()
    if town is None:
        town = _unit(
            t["former_name"],
            province,
            committee_name=t["former_committee_name"],
            kind=t["kind"],
            code="HU",
        )
        rename(
            town,
            t["name"],
            t["renamed_on"],
            committee_name=t["committee_name"],
            decision="Nghị quyết số 867/NQ-UBTVQH14 ngày 10/01/2020",
        )
        town.code = t["code"]
        town.save(update_fields=["code"])
    return town


def _wards(
    town: Organisation,
    w: dict[str, Any],
    names: dict[str, str],
    bodies: dict[tuple[int, str], Body],
    terms: dict[int, CommitteeTerm],
) -> dict[str, Organisation]:
    """The wards and communes, each with its bodies (into ``bodies``) and its terms (the one
    of February 2024 into ``terms``, and the next one so today's records have a term)."""
    wards: dict[str, Organisation] = {}
    for level, places in (("phường", w["phuong"]), ("xã", w["xa"])):
        for position, place in enumerate(places, start=1):
            ward = _unit(
                f"Đảng bộ {level} {place}",
                town,
                committee_name=f"Đảng ủy {level} {place}",
                kind=w["kind"],
                code=w["code"],
                position=position if level == "phường" else 100 + position,
            )
            wards[place] = ward
            bodies |= _make_bodies(ward, w["bodies"], names, f"{level} {place}")
            term, _ = CommitteeTerm.objects.get_or_create(
                organisation=ward,
                ordinal=None,
                start_year=w["term"]["start_year"],
                defaults=w["term"],
            )
            terms[ward.pk] = term
            if "next_term" in w:  # today's records need a term in force
                CommitteeTerm.objects.get_or_create(
                    organisation=ward,
                    ordinal=None,
                    start_year=w["next_term"]["start_year"],
                    defaults=w["next_term"],
                )
    return wards


def _cell_merger(merger: dict[str, Any], wards: dict[str, Organisation]) -> None:
    """Two cells of a ward merged into one (once), so the demo shows a merger."""
    ward = wards[merger["ward"]]
    if OrgEvent.objects.filter(kind=OrgEvent.Kind.MERGE, predecessors__parent=ward).exists():
        return
    olds = [
        _unit(name, ward, kind="chi_bo_truc_thuoc", code="CB", position=10 + i)
        for i, name in enumerate(merger["merged"])
    ]
    merged = Organisation.objects.create(
        name=merger["into"], parent=ward, kind="chi_bo_truc_thuoc", code="CB", position=5
    )
    reorganise(OrgEvent.Kind.MERGE, merger["date"], olds, [merged], decision=merger["decision"])


def _build_units() -> DemoContext:
    """The demo's units, bodies and terms from demo.yaml, top down: province, town (and its
    terms), wards, agencies, cells, and a merger of cells."""
    data = demo_data()
    names = data["body_names"]
    p = data["province"]
    province = _unit(
        p["name"], None, committee_name=p["committee_name"], kind=p["kind"], code=p["code"]
    )
    bodies = _make_bodies(province, p["bodies"], names, "tỉnh")
    t = data["town"]
    town = _town(province, t)
    bodies |= _make_bodies(town, t["bodies"], names, "thị xã")
    terms: dict[int, CommitteeTerm] = {}
    for spec in t["terms"]:
        term, _ = CommitteeTerm.objects.get_or_create(
            organisation=town, ordinal=spec["ordinal"], defaults=spec
        )
        if term.contains(dt.date(2024, 2, 26)):
            terms[town.pk] = term
    wards = _wards(town, data["wards"], names, bodies, terms)
    units = {province.name: province, town.name: town}
    units.update((ward.name, ward) for ward in wards.values())
    for position, spec in enumerate(data["agency_units"], start=200):
        units[spec["name"]] = _unit(
            spec["name"], town, kind=spec["kind"], code=spec["code"], position=position
        )
    for place, cells in data["cells"].items():
        for position, name in enumerate(cells, start=1):
            _unit(name, wards[place], kind="chi_bo_truc_thuoc", code="CB", position=position)
    _cell_merger(data["cell_merger"], wards)
    return DemoContext(province, town, wards, units, bodies, terms)


def _build_users(ctx: DemoContext) -> None:
    for spec in demo_data()["users"]:
        unit = ctx.town if spec["unit"] == "town" else ctx.wards[spec["unit"]]
        user = User.objects.filter(username=spec["username"]).first()
        if user is None:
            user = User.objects.create_user(
                spec["username"],
                password=spec["password"],
                first_name=spec["first_name"],
                last_name=spec["last_name"],
                is_staff=bool(spec.get("superuser")),
                is_superuser=bool(spec.get("superuser")),
            )
        Profile.objects.update_or_create(
            user=user, defaults={"clearance": spec["clearance"], "title": spec["title"]}
        )
        for role in spec["roles"]:
            RoleAssignment.objects.get_or_create(user=user, organisation=unit, role=role)
        ctx.users[spec["username"]] = user


def load_demo(report: Callable[[str], None] = lambda line: None, steps: bool = True) -> DemoContext:
    """Create the demo units and users (once), then run every registered demo step
    (``steps=False``: only the units and users, for tests that need nothing more)."""
    with transaction.atomic():
        ctx = _build_units()
        _build_users(ctx)
    report(
        f"Tổ chức: {Organisation.objects.count():02d} tổ chức đảng, "
        f"{Body.objects.count():02d} cơ quan, {CommitteeTerm.objects.count():02d} nhiệm kỳ; "
        f"người dùng: {len(ctx.users):02d}"
    )
    registered = sorted(_STEPS.items(), key=lambda item: (item[1][0], item[0]))
    for name, (_, step) in registered if steps else []:
        with transaction.atomic():
            summary = step(ctx)
        report(f"{_LABELS.get(name, name)}: {summary}")
    return ctx
