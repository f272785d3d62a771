"""The petitions synthetic records: letters and cases, dialogues and receptions
(``capuy.stats.synth`` runs it; registered from ``PetitionsConfig.ready()``)."""

from __future__ import annotations

import datetime as dt

from capuy.orgs.models import Organisation
from capuy.petitions.models import Petition, PetitionCase, Reception
from capuy.stats.synth import (
    END,
    START,
    Generator,
    SynthUnits,
    batches,
    random_day,
    register_family,
)


def petitions(gen: Generator, units: list[Organisation]) -> None:
    rng = gen.rng
    kinds = ["to_cao", "khieu_nai", "phan_anh", "yeu_cau", "kien_nghi"]
    letters: list[Petition] = []
    receptions: list[Reception] = []
    for unit in units:
        cases = PetitionCase.objects.bulk_create(
            PetitionCase(
                organisation=unit, title=f"Vụ việc {i + 1}", opened_on=random_day(rng, START, END)
            )
            for i in range(rng.randint(15, 30))
        )
        for case in cases:
            for _ in range(1 if rng.random() < 0.85 else 2):
                received = random_day(
                    rng, case.opened_on, min(case.opened_on + dt.timedelta(days=60), END)
                )
                own = rng.random() < 0.15
                handled = received + dt.timedelta(days=rng.randint(3, 90))
                if own:
                    handling = (
                        "resolved" if handled <= END and rng.random() < 0.8 else "in_progress"
                    )
                elif handled > END:
                    handling = ""  # not handled yet when the records end
                else:
                    handling = "forwarded" if rng.random() < 0.7 else "filed"
                letters.append(
                    Petition(
                        organisation=unit,
                        case=case,
                        kind=rng.choices(kinds, weights=[25, 25, 15, 15, 20])[0],
                        received_on=received,
                        summary="Tranh chấp, bồi thường đất đai",
                        jurisdiction="own" if own else "other",
                        handling=handling,
                        handled_on=None if handling in ("", "in_progress") else handled,
                    )
                )
        for year in range(START.year, END.year + 1):
            for _ in range(rng.randint(2, 5)):
                raised = rng.randint(5, 30)
                receptions.append(
                    Reception(
                        organisation=unit,
                        kind=rng.choice(["dialogue", "reception"]),
                        date=gen.event_day(dt.date(year, 1, 1), dt.date(year, 12, 31)),
                        place=f"Thôn {rng.randint(1, 12)}",
                        host="Bí thư",
                        attendance=rng.randint(40, 200),
                        opinions_raised=raised,
                        opinions_resolved=rng.randint(0, raised),
                    )
                )
    for letter_batch in batches(letters):
        Petition.objects.bulk_create(letter_batch)
    for reception_batch in batches(receptions):
        Reception.objects.bulk_create(reception_batch)
    gen.advance("đơn thư, đối thoại", len(letters) + len(receptions))


# --- indicators ---------------------------------------------------------------------------


def fill(gen: Generator, units: SynthUnits) -> None:
    petitions(gen, units.petition_units)


def register() -> None:
    register_family("petitions", fill, order=30)
