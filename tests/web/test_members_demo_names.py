"""The demo's extra admissions (to reach seed 002's 165 in nine months) carry names as people
have them: "Lê Thị Quang 22" showed on every member list and, its "given name" a number,
sorted first."""

from __future__ import annotations

import re

import pytest

from capuy.members.demo import ADMISSIONS_9M, _admissions_to_nine_month_figure
from capuy.members.models import Member
from capuy.vocab.alphabet import name_sort_key

pytestmark = pytest.mark.django_db


def test_the_added_admissions_have_real_distinct_names_and_birth_dates(tree) -> None:  # type: ignore[no-untyped-def]
    added = _admissions_to_nine_month_figure(tree.town, [tree.pho_hoa_cell, tree.pho_minh])
    assert added == ADMISSIONS_9M
    members = list(Member.objects.filter(organisation__in=[tree.pho_hoa_cell, tree.pho_minh]))
    names = [m.full_name for m in members]
    assert len(names) == added and len(set(names)) == added
    assert not [n for n in names if re.search(r"\d", n)]
    assert all(m.birth_date is not None for m in members)
    assert all((m.gender == "nu") == (" Thị " in m.full_name) for m in members)
    first = sorted(names, key=name_sort_key)[0]
    assert first.split()[-1] == "An"  # the Vietnamese order, by given name
