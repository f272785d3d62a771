"""The oversight synthetic records: inspections and supervisions with their subjects,
discipline decisions and asset verifications (``capuy.stats.synth`` runs it after the members;
registered from ``OversightConfig.ready()``)."""

from __future__ import annotations

import datetime as dt
import random

from capuy.members.models import Member
from capuy.orgs.models import Organisation
from capuy.oversight.models import (
    AssetVerification,
    DisciplineDecision,
    Oversight,
    OversightSubject,
)
from capuy.stats.synth import (
    END,
    START,
    Generator,
    SynthUnits,
    batches,
    random_day,
    register_family,
)

# The draws of one unit's year happen in this order — oversights, asset verifications, members'
# discipline, the unit's own — and their order is the records' identity (one scale and seed
# give the same records): the functions below must be called, and draw, in this order.


def _year_oversights(
    rng: random.Random, unit: Organisation, year: int, pool: list[Member]
) -> list[tuple[Oversight, list[Member]]]:
    """The year's inspections and supervisions of ``unit``, each with the members it covers."""
    made = []
    for activity, n in (
        ("inspection", rng.randint(2, 5)),
        ("supervision", rng.randint(3, 7)),
    ):
        for _ in range(n):
            kind = (
                rng.choice(["thuong_xuyen", "chuyen_de", "dau_hieu_vi_pham", "tai_chinh_dang"])
                if activity == "inspection"
                else rng.choice(["gs_thuong_xuyen", "gs_chuyen_de"])
            )
            started = random_day(rng, dt.date(year, 1, 1), dt.date(year, 12, 31))
            record = Oversight(
                organisation=unit,
                activity=activity,
                body=rng.choice(["committee", "inspection_commission"]),
                kind=kind,
                subject_matter="Việc thực hiện nghị quyết, quy chế làm việc",
                started_on=started,
                concluded_on=min(started + dt.timedelta(days=30), END),
                violation_found=rng.random() < 0.1,
            )
            chosen = [rng.choice(pool) for _ in range(rng.randint(0, 3))] if pool else []
            made.append((record, chosen))
    return made


def _year_verifications(
    rng: random.Random, year: int, pool: list[Member]
) -> list[AssetVerification]:
    """Up to two cadres' asset declarations of the year before, verified."""
    verifications = []
    for _ in range(rng.randint(0, 2) if pool else 0):
        cadre = rng.choice(pool)
        verifications.append(
            AssetVerification(
                organisation_id=cadre.organisation_id,
                member=cadre,
                declaration_year=year - 1,
                verified_on=random_day(rng, dt.date(year, 3, 1), dt.date(year, 11, 30)),
                outcome="trung_thuc" if rng.random() < 0.97 else "khong_trung_thuc",
            )
        )
    return verifications


def _year_discipline(
    rng: random.Random, unit: Organisation, year: int, pool: list[Member]
) -> list[DisciplineDecision]:
    """Up to four members disciplined in the year, and rarely the unit itself."""
    decisions = []
    for _ in range(rng.randint(0, 4)):
        if not pool:
            break
        member = rng.choice(pool)
        decisions.append(
            DisciplineDecision(
                organisation_id=member.organisation_id,
                subject_member=member,
                form=rng.choices(
                    ["khien_trach", "canh_cao", "cach_chuc", "khai_tru"],
                    weights=[70, 22, 5, 3],
                )[0],
                deciding_body=rng.choice(["chi_bo", "dang_uy_co_so", "ubkt_co_so", "ubkt"]),
                decided_on=random_day(rng, dt.date(year, 1, 1), dt.date(year, 12, 31)),
                reason="Vi phạm những điều đảng viên không được làm",
            )
        )
    if rng.random() < 0.05:
        decisions.append(
            DisciplineDecision(
                organisation=unit,
                subject_organisation=unit,
                form="khien_trach",
                deciding_body="ban_thuong_vu",
                decided_on=random_day(rng, dt.date(year, 1, 1), dt.date(year, 12, 31)),
                reason="Thiếu trách nhiệm trong lãnh đạo, chỉ đạo",
            )
        )
    return decisions


def _member_pools(units: list[Organisation], members: list[Member]) -> dict[int, list[Member]]:
    """For each unit, the members of its cells and its own, in that order."""
    by_unit: dict[int, list[Member]] = {}
    for m in members:
        by_unit.setdefault(m.organisation_id, []).append(m)
    cells_of: dict[int, list[int]] = {}
    for org_id, parent_id in Organisation.objects.filter(parent__in=units).values_list(
        "pk", "parent_id"
    ):
        cells_of.setdefault(parent_id, []).append(org_id)
    return {
        unit.pk: [m for c in [*cells_of.get(unit.pk, []), unit.pk] for m in by_unit.get(c, [])]
        for unit in units
    }


def _save_oversights(planned: list[tuple[Oversight, list[Member]]]) -> list[Oversight]:
    """The oversights, then their subjects: the unit itself and the members chosen."""
    created = []
    for batch in batches([record for record, _ in planned]):
        created.extend(Oversight.objects.bulk_create(batch))
    subjects = []
    for record, (_, chosen) in zip(created, planned, strict=True):
        subjects.append(
            OversightSubject(oversight=record, subject_organisation_id=record.organisation_id)
        )
        subjects.extend(OversightSubject(oversight=record, subject_member=m) for m in chosen)
    for batch in batches(subjects):
        OversightSubject.objects.bulk_create(batch)
    return created


def oversight(gen: Generator, units: list[Organisation], members: list[Member]) -> None:
    """Each unit's years of inspection, supervision, asset verification and discipline."""
    rng = gen.rng
    pools = _member_pools(units, members)
    planned: list[tuple[Oversight, list[Member]]] = []
    decisions: list[DisciplineDecision] = []
    verifications: list[AssetVerification] = []
    for unit in units:
        pool = pools[unit.pk]
        for year in range(START.year, END.year + 1):
            planned += _year_oversights(rng, unit, year, pool)
            verifications += _year_verifications(rng, year, pool)
            decisions += _year_discipline(rng, unit, year, pool)
    created = _save_oversights(planned)
    for batch in batches(decisions):
        DisciplineDecision.objects.bulk_create(batch)
    for verification_batch in batches(verifications):
        AssetVerification.objects.bulk_create(verification_batch)
    gen.advance("kiểm tra, giám sát, kỷ luật", len(created) + len(decisions))


def fill(gen: Generator, units: SynthUnits) -> None:
    oversight(gen, units.communes, units.members)


def register() -> None:
    register_family("oversight", fill, order=20)
