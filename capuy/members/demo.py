"""The records of the demo town (Thị ủy Đức Phổ), so its reports compose with the seeds' figures.

Synthetic records of every family (``capuy.stats.synth.run_families``) fill 2020–2024 in the demo's wards and cells, keeping
the reporting window of seed 000 (27/01/2024 – 26/02/2024) free of member events; then the
month's own facts are added exactly as seed 000 states them: "kết nạp đảng viên (06 đồng
chí)", "công nhận đảng viên chính thức (09 đồng chí)", "Cho ra khỏi Đảng (02 trường hợp) và
xóa tên trong danh sách đảng viên (01 trường hợp)". Admissions of January–September 2024 are
brought to seed 002's 165 against the province's target of 180 ("đạt 91,7% chỉ tiêu tỉnh
giao"). Idempotent: a second run finds the records and does nothing.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Q

from capuy.members.models import Member, MemberEvent
from capuy.members.services import admit, record_event
from capuy.orgs.models import Organisation, valid_at_q
from capuy.stats.synth import Generator, Scale, SynthUnits, run_demo_facts, run_families
from capuy.text import shift_months

__all__ = ["FEBRUARY_2024", "load_demo_records"]

FEBRUARY_2024 = (dt.date(2024, 1, 27), dt.date(2024, 2, 26))  # seed 000's reporting period
NINE_MONTHS_2024 = (dt.date(2024, 1, 1), dt.date(2024, 9, 30))
ADMISSIONS_9M = 165  # seed 002
MEMBERS_PER_WARD = 290

_ADMITTED = [(29, 1), (1, 2), (5, 2), (15, 2), (20, 2), (23, 2)]
_RECOGNISED = [(30, 1), (31, 1), (2, 2), (6, 2), (8, 2), (16, 2), (19, 2), (21, 2), (26, 2)]
_FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Phan", "Đặng"]
_MIDDLE = ["Thị", "Văn", "Minh", "Thu", "Hữu", "Ngọc"]
_GIVEN = ["An", "Bình", "Châu", "Dũng", "Hà", "Hải", "Lan", "Mai", "Nam", "Quang", "Sơn", "Tâm"]


def _units(ctx: Any) -> list[Organisation]:
    """Where members live: each ward's cells valid in February 2024, or the ward itself."""
    units: list[Organisation] = []
    for ward in ctx.wards.values():
        cells = list(
            Organisation.objects.filter(Q(parent=ward) & valid_at_q(FEBRUARY_2024[0])).order_by(
                "pk"
            )
        )
        units.extend(cells or [ward])
    return units


def load_demo_records(ctx: Any) -> str:
    town: Organisation = ctx.town
    if Member.objects.filter(organisation__path__startswith=town.path).exists():
        return "đã có hồ sơ đảng viên, kiểm tra, đơn thư, chỉ tiêu"
    units = _units(ctx)
    per_ward = {w.pk: 0 for w in ctx.wards.values()}
    for unit in units:
        per_ward[unit.parent_id if unit.parent_id in per_ward else unit.pk] += 1

    def per_cell(unit: Organisation) -> int:
        ward = unit.parent_id if unit.parent_id in per_ward else unit.pk
        return MEMBERS_PER_WARD // per_ward[ward]

    wards = list(ctx.wards.values())
    gen = Generator(
        Scale(1, len(ctx.wards), 1, 1),
        2024,
        lambda _l, _n: None,
        quiet=FEBRUARY_2024,
        recent_share=0.08,
    )
    run_families(
        gen,
        SynthUnits(
            town,
            [town],
            wards,
            units,
            rating_units=list(dict.fromkeys([*wards, *units])),
            petition_units=[*wards, town],
            per_cell=per_cell,
        ),
    )
    run_demo_facts(town)
    _february(units)
    added = _admissions_to_nine_month_figure(town, units)
    return (
        f"{Member.objects.filter(organisation__path__startswith=town.path).count():,} đảng viên; "
        f"tháng 02/2024 như Báo cáo 708-BC/TU; {added} kết nạp bổ sung để 9 tháng đạt {ADMISSIONS_9M}"
    ).replace(",", ".")


def _february(units: list[Organisation]) -> None:
    """The facts seed 000 reports for its month, spread over the wards' units."""
    for i, (day, month) in enumerate(_ADMITTED):
        admit(
            units[(i * 7) % len(units)],
            f"Nguyễn Thị {_GIVEN[i]}",
            "nu" if i % 2 else "nam",
            dt.date(2024, month, day),
        )
    for i, (day, month) in enumerate(_RECOGNISED):
        recognised = dt.date(2024, month, day)
        member = admit(
            units[(i * 5 + 3) % len(units)],
            f"Trần Văn {_GIVEN[i]}",
            "nam",
            shift_months(recognised, -12),
        )
        record_event(member, "recognition", recognised)
    active = Member.objects.filter(
        organisation__in=units,
        left_on__isnull=True,
        recognised_on__isnull=False,
        admitted_on__lt=dt.date(2020, 1, 1),
    ).order_by("pk")
    leaving = list(active[:3])
    record_event(
        leaving[0],
        "removal",
        dt.date(2024, 2, 7),
        decision="Quyết định cho ra khỏi Đảng (minh họa)",
    )
    record_event(
        leaving[1],
        "removal",
        dt.date(2024, 2, 14),
        decision="Quyết định cho ra khỏi Đảng (minh họa)",
    )
    record_event(
        leaving[2], "strike_off", dt.date(2024, 2, 21), decision="Quyết định xóa tên (minh họa)"
    )


def _admissions_to_nine_month_figure(town: Organisation, units: list[Organisation]) -> int:
    so_far = MemberEvent.objects.filter(
        kind="admission", date__range=NINE_MONTHS_2024, organisation__path__startswith=town.path
    ).count()
    missing = max(ADMISSIONS_9M - so_far, 0)
    for i in range(missing):
        day = dt.date(
            2024, 3 + i % 7, 1 + (i * 3) % 28
        )  # March–September, outside seed 000's window
        # a name as people have ("Lê Thị Quang 22" showed on every list, sorted first), each
        # one different, with a birth date so namesakes elsewhere are told apart
        family, middle = _FAMILY[i % len(_FAMILY)], _MIDDLE[(i // len(_FAMILY)) % len(_MIDDLE)]
        given = _GIVEN[(i + i // (len(_FAMILY) * len(_MIDDLE))) % len(_GIVEN)]
        admit(
            units[(i * 11) % len(units)],
            f"{family} {middle} {given}",
            "nu" if middle == "Thị" else "nam",
            day,
            birth_date=dt.date(1990 + i % 10, 1 + i % 12, 1 + i % 28),
        )
    return missing
