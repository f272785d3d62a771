"""The members' tallies (``capuy.members.tallies``), kept by database triggers, and the
statements that read them (issue 17: a never-stale summary for the nation's member figures).

The tests change ratings, members and affiliations every way the code base does — the
services (admit, move, leave), ``save()``, ``QuerySet.update``, ``bulk_create``, ``delete``
and a cascade — and read, at once, that each tally is the recount of the records, that the
counts read from the tallies are the live counts for every unit and many days, and that a
statement states the new figure straight after the change.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest
from django.db import connection

from capuy.indicators.statements import STATEMENTS, statement_rows
from capuy.members import stats
from capuy.members.coarse import COUNT_COARSE, RATING_COARSE
from capuy.members.models import (
    Affiliation,
    Member,
    MemberCountTally,
    MemberRating,
    MemberRatingTally,
)
from capuy.members.services import admit, members_at, record_event
from capuy.members.tallies import (
    GOOD_RATINGS,
    TALLY_FROM,
    member_count_at,
    rating_counts,
    rebuild_tallies,
)
from capuy.orgs.models import Organisation
from tests.web.conftest import Tree

pytestmark = pytest.mark.django_db
D = dt.date


def _bucket(day: dt.date) -> dt.date:
    return D(1, 1, 1) if day < TALLY_FROM else day.replace(day=1)


def recount() -> tuple[dict, dict]:
    """Both tallies as they should be, counted from the records in Python: each record
    counted under its own unit only (a rating under its member's unit), and only if that unit
    is there (in the middle of a transaction that deletes in any order, a record may outlive
    its unit until the commit: ``tests/web/test_members_tallies_deletes.py``)."""
    units = Organisation.objects.values("pk")
    ratings: Counter[tuple[int, int, str]] = Counter(
        MemberRating.objects.filter(member__organisation_id__in=units).values_list(
            "member__organisation_id", "year", "rating"
        )
    )
    net: Counter[tuple[int, dt.date]] = Counter()
    affiliations = Affiliation.objects.filter(organisation_id__in=units)
    for org, start, end in affiliations.values_list("organisation_id", "start", "end"):
        net[(org, _bucket(start))] += 1
        if end is not None:
            net[(org, _bucket(end))] -= 1
    return dict(ratings), {k: v for k, v in net.items() if v}


def tallies() -> tuple[dict, dict]:
    """The per-unit tallies as they are. On PostgreSQL it also checks, every time it is read,
    that the coarse copies (``capuy.members.coarse``) are the per-unit rows summed by coarse
    unit — so every test that compares the tallies with the records checks those too."""
    ratings = {
        (t.organisation_id, t.year, t.rating): t.total
        for t in MemberRatingTally.objects.exclude(total=0)
    }
    counts = {(t.organisation_id, t.month): t.net for t in MemberCountTally.objects.exclude(net=0)}
    if connection.vendor == "postgresql":
        assert coarse_tables() == coarse_of(ratings, counts)
    return ratings, counts


def coarse_tables() -> tuple[dict, dict]:
    """The coarse copies as they are (PostgreSQL), rows of zero left out."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT coarse_id, year, rating, total FROM {RATING_COARSE}")
        ratings = {(c, y, r): n for c, y, r, n in cursor.fetchall() if n}
        cursor.execute(f"SELECT coarse_id, month, net FROM {COUNT_COARSE}")
        counts = {(c, m): n for c, m, n in cursor.fetchall() if n}
    return ratings, counts


def coarse_of(ratings: dict, counts: dict) -> tuple[dict, dict]:
    """The per-unit rows summed under each unit's coarse unit — its ancestor at depth 2 (the
    third id of its path), or itself above that — counted in Python; a coarse unit that is
    gone (midway through a delete) holds nothing."""
    units = dict(Organisation.objects.values_list("pk", "path"))

    def coarse(unit: int) -> int | None:
        ids = units[unit].strip("/").split("/") if unit in units else []
        if not ids:
            return None
        top = int(ids[2]) if len(ids) > 2 else unit
        return top if top in units else None

    out: tuple[Counter, Counter] = (Counter(), Counter())
    for i, rows in enumerate((ratings, counts)):
        for (unit, *key), n in rows.items():
            if (top := coarse(unit)) is not None:
                out[i][(top, *key)] += n
    return tuple({k: v for k, v in c.items() if v} for c in out)  # type: ignore[return-value]


DAYS = [
    D(2019, 6, 30),  # before TALLY_FROM: counted live
    D(2020, 1, 1),
    D(2023, 12, 31),
    D(2024, 1, 1),
    D(2024, 3, 1),
    D(2024, 3, 14),
    D(2024, 3, 15),
    D(2024, 3, 31),
    D(2024, 4, 1),
    D(2024, 12, 31),
]


def assert_right(units: list[Organisation]) -> None:
    """Each tally is its recount, and every figure read from it is the live count."""
    assert tallies() == recount()
    for unit in units:
        for day in DAYS:
            assert member_count_at(unit, day) == members_at(unit, day).count(), (unit, day)
        for year in (2023, 2024):
            live = MemberRating.objects.filter(
                year=year, member__organisation__path__startswith=unit.path
            )
            expected = {
                "total": live.count(),
                "good": live.filter(rating__in=GOOD_RATINGS).count(),
            }
            assert rating_counts(unit, year) == expected, (unit, year)


def test_the_tallies_follow_every_kind_of_change(tree: Tree) -> None:
    units = [tree.province, tree.town, tree.pho_hoa, tree.pho_hoa_cell, tree.pho_minh]
    assert_right(units)
    lan = admit(tree.pho_hoa_cell, "Nguyễn Thị Lan", "Nữ", D(2015, 5, 19))
    hung = admit(tree.pho_hoa_cell, "Trần Văn Hùng", "Nam", D(2024, 3, 10))
    minh = admit(tree.pho_minh, "Lê Văn Minh", "Nam", D(2024, 3, 15))
    assert_right(units)

    rating = MemberRating.objects.create(member=lan, year=2024, rating="tot")
    MemberRating.objects.create(member=hung, year=2024, rating="hoan_thanh")
    MemberRating.objects.create(member=lan, year=2023, rating="xuat_sac")
    assert_right(units)

    rating.rating = "khong_hoan_thanh"  # an edit
    rating.save()
    MemberRating.objects.filter(member=hung).update(rating="xuat_sac")  # QuerySet.update
    assert_right(units)

    record_event(lan, "transfer_internal", D(2024, 3, 14), organisation=tree.pho_minh)  # a move
    assert Member.objects.get(pk=lan.pk).organisation == tree.pho_minh
    assert_right(units)

    record_event(hung, "resignation", D(2024, 3, 31))  # leaves: the affiliation is closed
    Affiliation.objects.filter(member=minh).update(start=D(2024, 4, 1))  # a date corrected
    assert_right(units)

    extra = Member.objects.bulk_create(
        Member(organisation=tree.pho_minh, full_name=f"Đảng viên {i}", gender="Nam")
        for i in range(6)
    )
    Affiliation.objects.bulk_create(
        Affiliation(
            member=m,
            organisation=tree.pho_minh,
            start=D(2010 + i, 3, 1),
            end=D(2024, 3, 1 + i) if i % 2 else None,
        )
        for i, m in enumerate(extra)
    )
    MemberRating.objects.bulk_create(
        MemberRating(member=m, year=2024, rating="tot" if i % 3 else "hoan_thanh")
        for i, m in enumerate(extra)
    )
    assert_right(units)

    Member.objects.filter(pk__in=[m.pk for m in extra[:2]]).update(organisation=tree.pho_hoa)
    MemberRating.objects.filter(member=extra[2]).delete()
    extra[3].delete()  # the member's ratings and affiliations go with it (cascade)
    Affiliation.objects.filter(member=extra[4]).delete()
    assert_right(units)

    # a unit moved elsewhere in the tree (its path and its cell's rewritten): the members and
    # ratings below it now count under the new parent, no longer under the old one
    other = Organisation.objects.create(
        name="Đảng bộ Khối cơ quan tỉnh", kind="dang_bo_huyen", parent=tree.province
    )
    tree.pho_hoa.parent = other
    tree.pho_hoa.save()
    units = [Organisation.objects.get(pk=u.pk) for u in [*units, other]]
    assert member_count_at(other, D(2024, 3, 20)) > 0 and rating_counts(other, 2024)["total"] > 0
    assert_right(units)

    MemberRatingTally.objects.update(total=0)  # damaged by hand: the rebuild repairs it
    MemberCountTally.objects.all().delete()
    rebuild_tallies()
    assert_right(units)


def test_a_statement_states_the_new_figure_at_once(tree: Tree) -> None:
    """A rating, a member joining, leaving and moving: the next statement says it."""
    end = D(2024, 12, 31)

    def members(unit: Organisation) -> object:
        return stats.member_count(unit, end).numbers["members"]

    def rated(unit: Organisation) -> tuple[object, object]:
        numbers = stats.quality_ratings(unit, 2024).numbers
        return numbers["members_good"], numbers["members_rated"]

    assert members(tree.town) == 0
    lan = admit(tree.pho_hoa_cell, "Nguyễn Thị Lan", "Nữ", D(2024, 12, 2))
    assert members(tree.town) == members(tree.pho_hoa) == 1
    assert rated(tree.town) == (0, 0)
    rating = MemberRating.objects.create(member=lan, year=2024, rating="hoan_thanh")
    assert rated(tree.town) == (0, 1)
    rating.rating = "tot"
    rating.save()
    assert rated(tree.town) == (1, 1)
    record_event(lan, "transfer_internal", D(2024, 12, 20), organisation=tree.pho_minh)
    assert (members(tree.pho_hoa), members(tree.pho_minh), members(tree.town)) == (0, 1, 1)
    assert rated(tree.pho_hoa) == (0, 0) and rated(tree.pho_minh) == (1, 1)
    record_event(lan, "resignation", D(2024, 12, 31))
    assert members(tree.town) == 0
    assert stats.member_count(tree.town, D(2024, 12, 30)).numbers["members"] == 1


@pytest.mark.slow
def test_on_the_demo_the_tallies_give_the_live_counts() -> None:
    from capuy.web.demo import load_demo

    ctx = load_demo()
    assert MemberRating.objects.exists() and Affiliation.objects.exists()
    units = list(Organisation.objects.filter(path__startswith=ctx.town.path))
    assert_right(units)
    # every day of 2024 for the town and one ward: a month's first and last days included
    for unit in (ctx.town, ctx.wards["Phổ Hòa"]):
        day = D(2024, 1, 1)
        while day.year == 2024:
            assert member_count_at(unit, day) == members_at(unit, day).count(), day
            day += dt.timedelta(days=1)


@pytest.mark.slow
def test_statement_rows_give_each_part_its_records_count() -> None:
    """The rows reuse the counts the statements carry; each link's count is still the count
    of the records behind it, part by part, as before."""
    from capuy.web.demo import load_demo

    ctx = load_demo()
    start, end = D(2024, 1, 1), D(2024, 12, 31)
    for root in (ctx.town, ctx.wards["Phổ Hòa"]):
        rows = statement_rows(root, start, end)
        assert len(rows) == len(STATEMENTS)
        for kind, row in zip(STATEMENTS, rows, strict=True):
            statement = kind.compute(root, start, end)
            assert row["sentence"] == statement.as_sentence()
            counts = [link["count"] for link in row["links"]]
            assert counts == [qs.count() for qs in statement.records.values()], kind.key
        assert any(link["count"] for row in rows for link in row["links"])


def test_thousands_of_new_units_get_their_paths_and_the_tallies_stay_right(tree: Tree) -> None:
    """What the synthetic generators do: ``bulk_create_level`` creates a level of units and
    sets their paths with one ``bulk_update`` per 2.000. The withdrawn first version of the
    tallies had a statement trigger on paths that made this run for minutes on PostgreSQL;
    now no trigger fires on a path (a unit's rows do not depend on it). Timed by nothing: it
    must complete, then members join the new cells, one commune is moved with its cells, and
    the tallies are still the records' recount and give the live counts."""
    lan = admit(tree.pho_hoa_cell, "Nguyễn Thị Lan", "Nữ", D(2015, 5, 19))
    MemberRating.objects.create(member=lan, year=2024, rating="tot")
    communes = Organisation.objects.bulk_create_level(
        [
            Organisation(name=f"Đảng bộ xã số {i}", kind="dang_bo_co_so", parent=tree.town)
            for i in range(150)
        ],
        batch_size=2000,
    )
    cells = Organisation.objects.bulk_create_level(
        [
            Organisation(name=f"Chi bộ thôn {j}", kind="chi_bo_truc_thuoc", parent=commune)
            for commune in communes
            for j in range(20)
        ],
        batch_size=2000,
    )
    assert len(cells) == 3000
    assert Organisation.objects.filter(path__startswith=tree.town.path).count() > 3150
    assert all(c.path.startswith(tree.town.path) and c.path.endswith(f"/{c.pk}/") for c in cells)

    joined = Member.objects.bulk_create(
        Member(organisation=cell, full_name=f"Đảng viên {i}", gender="Nam")
        for i, cell in enumerate(cells[:60])
    )
    Affiliation.objects.bulk_create(
        Affiliation(member=m, organisation=m.organisation, start=D(2018 + i % 7, 1 + i % 12, 1))
        for i, m in enumerate(joined)
    )
    MemberRating.objects.bulk_create(
        MemberRating(member=m, year=2024, rating=("tot", "hoan_thanh")[i % 2])
        for i, m in enumerate(joined)
    )
    moved = communes[0]  # its 20 cells (members in them) go under Phổ Minh
    moved.parent = tree.pho_minh
    moved.save()
    units = [Organisation.objects.get(pk=u.pk) for u in (tree.town, tree.pho_minh, moved)]
    assert rating_counts(units[1], 2024)["total"] == 20
    assert_right([*units, tree.province, cells[25]])


@pytest.mark.django_db(transaction=True)
def test_two_offices_rate_members_at_once_without_waiting_for_each_other(tree: Tree) -> None:
    """The write hot spot the per-unit rows remove (docs/decisions.md): while one office's
    transaction has rated a member and not committed, another office rates a member of
    another unit under the same town. With rows for every unit above (the withdrawn first
    version) the second would wait at the town's and the province's rows until the first
    commits — here it would fail on its lock timeout. Per unit it goes through at once.
    PostgreSQL only: SQLite lets one writer in at a time whatever the rows."""
    import threading

    from django.db import connection, transaction

    if connection.vendor != "postgresql":
        pytest.skip("row locks between concurrent writers: PostgreSQL")
    lan = admit(tree.pho_hoa_cell, "Nguyễn Thị Lan", "Nữ", D(2015, 5, 19))
    minh = admit(tree.pho_minh, "Lê Văn Minh", "Nam", D(2016, 3, 15))
    errors: list[BaseException] = []

    def other_office() -> None:
        try:
            with transaction.atomic():
                with connection.cursor() as cursor:
                    cursor.execute("SET LOCAL lock_timeout = '5s'")
                MemberRating.objects.create(member=minh, year=2024, rating="tot")
        except BaseException as error:  # noqa: BLE001 - reported to the test's thread
            errors.append(error)
        finally:
            connection.close()

    with transaction.atomic():
        MemberRating.objects.create(member=lan, year=2024, rating="tot")
        worker = threading.Thread(target=other_office)
        worker.start()
        worker.join(60)
        assert not worker.is_alive()
        assert errors == []
    assert tallies() == recount()
    assert rating_counts(tree.town, 2024) == {"total": 2, "good": 2}


def test_the_nation_and_a_province_state_a_change_at_once(tree: Tree) -> None:
    """Issue 17's never-stale test, for the figures the whole tree and a unit near its top
    read: on PostgreSQL from the coarse copies (the root with no join at all, the town by
    path), on SQLite from the per-unit rows. Each change is read back at once — a member
    joining, a rating given and changed, a member moved to another ward, a cell moved to
    another ward (its coarse unit changes), a member deleted — and the statement says it too.
    Then a second tree: the first root is no longer the whole database, and its figures stay
    its own."""
    end = D(2024, 12, 31)

    def check(*expected: tuple[Organisation, int, int]) -> None:
        for unit, members, good in expected:
            unit = Organisation.objects.get(pk=unit.pk)  # a fresh instance, as a request has
            assert member_count_at(unit, end) == members_at(unit, end).count() == members
            assert rating_counts(unit, 2024)["good"] == good
            assert stats.member_count(unit, end).numbers["members"] == members
            assert stats.quality_ratings(unit, 2024).numbers["members_good"] == good
        assert tallies() == recount()

    lan = admit(tree.pho_hoa_cell, "Nguyễn Thị Lan", "Nữ", D(2019, 5, 19))
    hung = admit(tree.pho_minh, "Trần Văn Hùng", "Nam", D(2024, 12, 2))
    check((tree.province, 2, 0), (tree.town, 2, 0), (tree.pho_hoa, 1, 0))
    rating = MemberRating.objects.create(member=lan, year=2024, rating="hoan_thanh")
    check((tree.province, 2, 0), (tree.pho_hoa, 1, 0))
    rating.rating = "xuat_sac"
    rating.save()
    check((tree.province, 2, 1), (tree.town, 2, 1), (tree.pho_hoa, 1, 1))
    record_event(lan, "transfer_internal", D(2024, 12, 20), organisation=tree.pho_minh)
    check((tree.province, 2, 1), (tree.pho_hoa, 0, 0), (tree.pho_minh, 2, 1))
    MemberRating.objects.create(member=hung, year=2024, rating="tot")
    cell = tree.pho_hoa_cell  # a cell with a member and a rating moves to the other ward
    mai = admit(cell, "Phạm Thị Mai", "Nữ", D(2021, 1, 4))
    MemberRating.objects.create(member=mai, year=2024, rating="tot")
    check((tree.province, 3, 3), (tree.pho_hoa, 1, 1), (tree.pho_minh, 2, 2))
    cell.parent = tree.pho_minh
    cell.save()
    check((tree.province, 3, 3), (tree.pho_hoa, 0, 0), (tree.pho_minh, 3, 3), (cell, 1, 1))
    hung.delete()
    check((tree.province, 2, 2), (tree.town, 2, 2), (tree.pho_minh, 2, 2))
    other = Organisation.objects.create(name="Đảng bộ tỉnh Bình Định", kind="dang_bo_tinh")
    admit(other, "Võ Văn Tâm", "Nam", D(2020, 2, 2))
    check((tree.province, 2, 2), (other, 1, 0))
