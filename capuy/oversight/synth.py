"""The oversight synthetic records: inspections and supervisions with their subjects,
discipline decisions and asset verifications (``capuy.stats.synth`` runs it after the members;
registered from ``OversightConfig.ready()``)."""

from __future__ import annotations

import datetime as dt

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


def oversight(gen: Generator, units: list[Organisation], members: list[Member]) -> None:
    # Long: the random draws must stay in this order (one scale and seed give the same records), which one function keeps visible.
    rng = gen.rng
    by_unit: dict[int, list[Member]] = {}
    for m in members:
        by_unit.setdefault(m.organisation_id, []).append(m)
    cells_of: dict[int, list[int]] = {}
    for org_id, parent_id in Organisation.objects.filter(parent__in=units).values_list(
        "pk", "parent_id"
    ):
        cells_of.setdefault(parent_id, []).append(org_id)
    oversights, subjects_plan, decisions = [], [], []
    verifications: list[AssetVerification] = []
    for unit in units:
        pool = [m for c in [*cells_of.get(unit.pk, []), unit.pk] for m in by_unit.get(c, [])]
        for year in range(START.year, END.year + 1):
            for activity, n in (
                ("inspection", rng.randint(2, 5)),
                ("supervision", rng.randint(3, 7)),
            ):
                for _ in range(n):
                    kind = (
                        rng.choice(
                            ["thuong_xuyen", "chuyen_de", "dau_hieu_vi_pham", "tai_chinh_dang"]
                        )
                        if activity == "inspection"
                        else rng.choice(["gs_thuong_xuyen", "gs_chuyen_de"])
                    )
                    started = random_day(rng, dt.date(year, 1, 1), dt.date(year, 12, 31))
                    oversights.append(
                        Oversight(
                            organisation=unit,
                            activity=activity,
                            body=rng.choice(["committee", "inspection_commission"]),
                            kind=kind,
                            subject_matter="Việc thực hiện nghị quyết, quy chế làm việc",
                            started_on=started,
                            concluded_on=min(started + dt.timedelta(days=30), END),
                            violation_found=rng.random() < 0.1,
                        )
                    )
                    subjects_plan.append(
                        [rng.choice(pool) for _ in range(rng.randint(0, 3))] if pool else []
                    )
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
    created = []
    for batch in batches(oversights):
        created.extend(Oversight.objects.bulk_create(batch))
    subjects = []
    for record, chosen in zip(created, subjects_plan, strict=True):
        subjects.append(
            OversightSubject(oversight=record, subject_organisation_id=record.organisation_id)
        )
        subjects.extend(OversightSubject(oversight=record, subject_member=m) for m in chosen)
    for batch in batches(subjects):
        OversightSubject.objects.bulk_create(batch)
    for batch in batches(decisions):
        DisciplineDecision.objects.bulk_create(batch)
    for verification_batch in batches(verifications):
        AssetVerification.objects.bulk_create(verification_batch)
    gen.advance("kiểm tra, giám sát, kỷ luật", len(created) + len(decisions))


def fill(gen: Generator, units: SynthUnits) -> None:
    oversight(gen, units.communes, units.members)


def register() -> None:
    register_family("oversight", fill, order=20)
