"""The members' tallies survive any order of deletes (issue 17; the reason ``nationsum2`` was
taken out of the stop: ``docs/national.md``).

Django's flush of a test database deletes every table, on SQLite one ``DELETE`` per table in
the order of a Python set (so it changes from process to process), in one transaction whose
foreign keys are checked at commit. The tallies' triggers once wrote rows again for units the
same flush deleted, and the commit failed. These tests delete the tables of real records in
every order of the six that matter (the units, members, affiliations, ratings and both
tallies; the other tables at seeded places around them) and check that nothing is left in the
tallies and no foreign key is broken; for some orders, after every statement, that the
tallies are the recount of what is left. Then a flush committed for real in the orders that
broke it, and a unit's records deleted by hand in every order.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
from collections.abc import Iterator

import pytest
from django.core.management.color import no_style
from django.core.management.sql import emit_post_migrate_signal
from django.db import IntegrityError, connection, transaction

from capuy.members.coarse import COUNT_COARSE, RATING_COARSE
from capuy.members.models import (
    Affiliation,
    Member,
    MemberCountTally,
    MemberEvent,
    MemberRating,
    MemberRatingTally,
)
from capuy.members.services import admit, record_event
from capuy.orgs.models import Organisation
from tests.web.conftest import Tree
from tests.web.test_members_tallies import recount, tallies

D = dt.date
RATING, MEMBER, AFF = "members_memberrating", "members_member", "members_affiliation"
ORG, RT, CT = "orgs_organisation", "members_memberratingtally", "members_membercounttally"
RELEVANT = (ORG, MEMBER, AFF, RATING, RT, CT)


def _records(cell: Organisation, ward: Organisation, other: Organisation) -> None:
    """Members in three units: ratings of two years, a move (an affiliation in each unit), a
    resignation, an affiliation before the tallies' first month."""
    lan = admit(cell, "Nguyễn Thị Lan", "Nữ", D(2015, 5, 19))
    hung = admit(cell, "Trần Văn Hùng", "Nam", D(2024, 3, 10))
    minh = admit(other, "Lê Văn Minh", "Nam", D(2019, 3, 15))
    tam = admit(ward, "Phạm Thị Tâm", "Nữ", D(2021, 7, 1))
    for member, rating in [(lan, "tot"), (hung, "hoan_thanh"), (minh, "xuat_sac"), (tam, "tot")]:
        MemberRating.objects.create(member=member, year=2024, rating=rating)
        MemberRating.objects.create(member=member, year=2023, rating="hoan_thanh")
    record_event(lan, "transfer_internal", D(2024, 6, 14), organisation=other)
    record_event(hung, "resignation", D(2024, 9, 30))
    assert MemberRatingTally.objects.exists() and MemberCountTally.objects.exists()
    assert tallies() == recount()


def _tables() -> list[str]:
    """Every table a flush empties (what ``manage.py flush`` passes to ``sql_flush``)."""
    return sorted(connection.introspection.django_table_names(only_existing=True))


def _orders() -> Iterator[list[str]]:
    """Every order of the six tables, each merged at seeded places into the other tables."""
    others = [t for t in _tables() if t not in RELEVANT]
    for seed, order in enumerate(itertools.permutations(RELEVANT)):
        rng = random.Random(seed)
        merged = list(others)
        rng.shuffle(merged)
        places = sorted(rng.randrange(len(merged) + 1) for _ in order)
        for shift, (place, table) in enumerate(zip(places, order, strict=True)):
            merged.insert(place + shift, table)
        yield merged


def _delete_all(table: str) -> str:
    return f"DELETE FROM {connection.ops.quote_name(table)}"


def _broken_keys() -> list:
    """The foreign keys the commit would find broken (none, or the error on PostgreSQL)."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("PRAGMA foreign_key_check")
            return list(cursor.fetchall())
        try:
            with transaction.atomic():
                cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
                cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        except IntegrityError as error:
            return [str(error)]
    return []


def _check_step(done: list[str]) -> None:
    """Midway through a flush: a tally not yet emptied is the recount of what is left, and
    neither holds a row for a unit that is gone (the row the commit would refuse)."""
    now, expected = tallies(), recount()
    for i, table in enumerate((RT, CT)):
        if table not in done:
            assert now[i] == expected[i], done
    units = set(Organisation.objects.values_list("pk", flat=True))
    for model in (MemberRatingTally, MemberCountTally):
        assert set(model.objects.values_list("organisation_id", flat=True)) <= units, done


def _tally_rows() -> int:
    """Rows left in the tallies, the coarse copies on PostgreSQL included."""
    n = MemberRatingTally.objects.count() + MemberCountTally.objects.count()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT (SELECT COUNT(*) FROM {RATING_COARSE}) + COUNT(*) FROM {COUNT_COARSE}"
            )
            n += cursor.fetchone()[0]
    return n


@pytest.mark.django_db
def test_deleting_every_table_in_any_order_leaves_no_tally_and_no_broken_key(tree: Tree) -> None:
    _records(tree.pho_hoa_cell, tree.pho_hoa, tree.pho_minh)
    checked = 0
    for n, order in enumerate(_orders()):
        step_by_step = n % 60 == 0  # 12 of the 720 orders: the recount after every statement
        with transaction.atomic():  # a savepoint, rolled back below
            with connection.cursor() as cursor:
                for table in order:
                    cursor.execute(_delete_all(table))
                    if step_by_step and table in RELEVANT:
                        _check_step(order[: order.index(table) + 1])
            assert _tally_rows() == 0, order
            assert _broken_keys() == [], order
            checked += 1
            transaction.set_rollback(True)
        assert tallies() == recount() != ({}, {})  # the savepoint gave everything back
    assert checked == 720


@pytest.mark.django_db
def test_a_units_records_deleted_by_hand_in_any_order(tree: Tree) -> None:
    """An administrator's or a script's delete of one unit and everything in it, statement by
    statement in every order (the foreign keys wait for the commit): after each statement the
    tallies are the recount of what is left, and at the end the other units' rows are intact
    and no key is broken. Then the same through the ORM (what the admin's bulk delete does)."""
    cell, ward = tree.pho_hoa_cell, tree.pho_hoa
    _records(cell, ward, tree.pho_minh)
    ids = Member.objects.filter(organisation=cell).values_list("pk", flat=True)
    inside = "(" + ", ".join(str(pk) for pk in ids) + ")"  # fixed: the members go too
    deletes = {
        RATING: f"DELETE FROM {RATING} WHERE member_id IN {inside}",
        "events": (
            f"DELETE FROM members_memberevent WHERE organisation_id = {cell.pk} "
            f"OR member_id IN {inside}"
        ),
        AFF: f"DELETE FROM {AFF} WHERE organisation_id = {cell.pk} OR member_id IN {inside}",
        MEMBER: f"DELETE FROM {MEMBER} WHERE organisation_id = {cell.pk}",
        ORG: f"DELETE FROM {ORG} WHERE id = {cell.pk}",
    }
    kept = {k: v for k, v in tallies()[0].items() if k[0] != cell.pk}
    for order in itertools.permutations(deletes):
        with transaction.atomic():
            with connection.cursor() as cursor:
                for key in order:
                    cursor.execute(deletes[key])
                    assert tallies() == recount(), (order, key)
            assert not MemberRatingTally.objects.filter(organisation_id=cell.pk).exists()
            assert tallies()[0] == kept, order
            assert _broken_keys() == [], order
            transaction.set_rollback(True)
    Member.objects.filter(organisation=cell).delete()  # ratings, affiliations, events: cascade
    assert tallies() == recount()
    Affiliation.objects.filter(organisation=cell).delete()  # Lan's, who moved away
    MemberEvent.objects.filter(organisation=cell).delete()
    cell.delete()
    assert tallies() == recount() and tallies()[0] == kept


def _hierarchy() -> tuple[Organisation, Organisation, Organisation]:
    province = Organisation.objects.create(name="Đảng bộ tỉnh Quảng Ngãi", kind="dang_bo_tinh")
    ward = Organisation.objects.create(
        name="Đảng bộ phường Phổ Hòa", kind="dang_bo_co_so", parent=province
    )
    cell = Organisation.objects.create(
        name="Chi bộ Tổ dân phố 1", kind="chi_bo_truc_thuoc", parent=ward
    )
    other = Organisation.objects.create(
        name="Đảng bộ phường Phổ Minh", kind="dang_bo_co_so", parent=province
    )
    return cell, ward, other


@pytest.mark.django_db(transaction=True)
def test_a_flush_committed_in_the_orders_that_broke_it() -> None:
    """The flush itself, committed (``execute_sql_flush``, what ``manage.py flush`` and every
    transactional test's teardown run): the tallies first, the tallies last, the units first,
    the ratings last, seeded shuffles — and this process's own ``sql_flush`` (on SQLite a
    ``DELETE`` per table in a set's order; on PostgreSQL one ``TRUNCATE``). Each commit must
    go through and leave the tallies empty; the next records count from zero."""
    rest = [t for t in _tables() if t not in RELEVANT]
    orders = [
        [RT, CT, *rest, ORG, MEMBER, AFF, RATING],
        [*rest, RATING, AFF, MEMBER, ORG, RT, CT],
        [ORG, RT, RATING, CT, MEMBER, AFF, *rest],
        [RT, ORG, CT, MEMBER, *rest, AFF, RATING],
    ]
    for seed in (1, 2, 3):
        shuffled = [*rest, *RELEVANT]
        random.Random(seed).shuffle(shuffled)
        orders.append(shuffled)
    flushes = [[_delete_all(t) for t in order] for order in orders]
    flushes.append(connection.ops.sql_flush(no_style(), _tables(), allow_cascade=True))
    for statements in flushes:
        _records(*_hierarchy())
        connection.ops.execute_sql_flush(statements)  # commits; raised here before the fix
        emit_post_migrate_signal(0, False, connection.alias)  # as flush does: content types
        assert _tally_rows() == 0 and not Organisation.objects.exists()
    _records(*_hierarchy())
    assert tallies() == recount()
