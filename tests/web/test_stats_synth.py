"""The synthetic generator: deterministic, consistent records, and its command's refusals."""

from __future__ import annotations

import datetime as dt

import pytest
from typer.testing import CliRunner

from capuy.cli import app
from capuy.errors import InputError
from capuy.members import stats as member_stats
from capuy.members.models import Affiliation, Member, MemberEvent
from capuy.members.services import member_count
from capuy.orgs.models import Organisation
from capuy.oversight import stats as oversight_stats
from capuy.petitions import stats as petition_stats
from capuy.petitions.models import Petition
from capuy.stats.synth import generate
from capuy.text import shift_months as add_months

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


def fingerprint(root: Organisation) -> tuple:  # type: ignore[type-arg]
    year = (dt.date(2023, 1, 1), dt.date(2023, 12, 31))
    return (
        member_count(root, dt.date(2024, 12, 31)),
        member_stats.admissions(root, *year).sentence,
        oversight_stats.discipline(root, *year).sentence,
        petition_stats.petitions(root, *year).sentence,
        oversight_stats.inspections(root, *year, activity="supervision").sentence,
    )


def test_town_scale_is_consistent_and_deterministic() -> None:
    first = generate("town")
    units = Organisation.objects.filter(path__startswith=first.path)
    assert units.filter(kind="dang_bo_co_so").count() == 15
    assert 4000 <= Member.objects.count() <= 5000
    # every member has one open affiliation, or none once they left, and never overlapping ones
    for member in Member.objects.filter(left_on__isnull=False)[:200]:
        assert not Affiliation.objects.filter(member=member, end__isnull=True).exists()
        assert MemberEvent.objects.filter(
            member=member, kind=member.left_reason, date=member.left_on
        ).exists()
    for member in Member.objects.filter(
        recognised_on__isnull=False, admitted_on__gte=dt.date(2020, 1, 1)
    )[:200]:
        assert member.recognised_on == add_months(member.admitted_on, 12)
    assert not Petition.objects.filter(
        handling__in=["forwarded", "filed", "resolved"], handled_on__isnull=True
    ).exists()
    # the same seed gives the same figures (a second town, built beside the first)
    second = generate("town")
    assert second.pk != first.pk
    assert fingerprint(first) == fingerprint(second)


def test_unknown_scale_is_refused() -> None:
    with pytest.raises(InputError, match="Quy mô không hợp lệ"):
        generate("country")


def test_command_refuses_an_unknown_scale_in_one_line() -> None:
    result = CliRunner().invoke(app, ["synth", "--scale", "country"])
    assert result.exit_code == 2
    assert "Quy mô không hợp lệ: country" in result.output
