"""Secrecy proven on the database itself: after a secret vote, a full dump cannot re-link
voters to ballots — by any column, by the physical order of rows (SQLite rowid, PostgreSQL
ctid), by the inserting transaction (PostgreSQL xmin), by the audit trail or by the logs.

The same attack is first run with the close-time mixing switched off, and there it DOES
re-link every voter: the test is shown able to fail.

Voters vote in an order unrelated to their user ids (a fixed shuffle), and the choice of
each is known to the test, so "re-linking" is measured: the share of voters whose choice an
ordering attack predicts. Random pairing gets about half of 40 right; the attack must do no
better than 90 % (with the mixing the chance of ≥ 36/40 by luck is below one in a million).
"""

from __future__ import annotations

import logging
import random
from pathlib import Path
from typing import Any

import pytest
from auditlog.models import LogEntry
from django.db import connection

from capuy.meetingroom import room as rooms
from capuy.meetingroom import voting
from capuy.meetingroom.models import Ballot, Poll, Voter
from tests.web.meetingroom_helpers import all_present, build_room

pytestmark = pytest.mark.django_db(transaction=True)

VOTERS = 40


def _dump_rows(table: str) -> list[dict[str, Any]]:
    """Every row of ``table`` with its physical position and, on PostgreSQL, its xmin."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"SELECT ctid::text AS ctid_, xmin::text AS xmin_, * FROM {table}")
        else:
            cursor.execute(f"SELECT rowid AS rowid_, * FROM {table}")
        names = [c[0] for c in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _physical_key(row: dict[str, Any]) -> tuple:
    if "ctid_" in row:
        block, offset = row["ctid_"].strip("()").split(",")
        return (int(block), int(offset))
    return (int(row["rowid_"]),)


def _run_secret_vote(tree: Any, caplog: Any) -> tuple[Poll, dict[int, str], dict[str, Any]]:
    """A secret vote of 40; ``built["old_keys"]`` are the ballots' and voters' keys as they
    were before the close (what an attacker reading leftovers would look for)."""
    built = build_room(tree, VOTERS)
    session = built["session"]
    rooms.open_room(session, built["chair"])
    all_present(session)
    poll = voting.create_poll(
        session, title="Thông qua dự thảo Kết luận", method="secret", user=built["chair"]
    )
    voting.open_poll(poll, built["chair"])
    people = list(built["people"])
    order = people[:]
    random.Random(15).shuffle(order)  # voting order unrelated to user ids
    truth: dict[int, str] = {}
    caplog.set_level(logging.DEBUG)
    for position, user in enumerate(order):
        # first half of the voting order says yes, second half no: order would betray them
        choice = "dong_y" if position < VOTERS // 2 else "khong_dong_y"
        voting.cast(poll.pk, user, choice)
        truth[user.pk] = choice
    built["old_keys"] = [
        k.hex
        for model in (Ballot, Voter)
        for k in model.objects.filter(poll=poll).values_list("id", flat=True)
    ]
    voting.close_poll(poll, built["chair"])
    poll.refresh_from_db()
    return poll, truth, built


def _order_attacks(truth: dict[int, str]) -> dict[str, float]:
    """Pair the n-th voter with the n-th ballot under every ordering the dump offers."""
    voter_rows = _dump_rows(Voter._meta.db_table)
    ballot_rows = _dump_rows(Ballot._meta.db_table)
    assert len(voter_rows) == len(ballot_rows) == VOTERS
    orderings = {
        "physical": _physical_key,
        "primary key": lambda r: str(r["id"]),
    }
    if connection.vendor == "postgresql":
        orderings["xmin"] = lambda r: int(r["xmin_"])
    hits = {}
    for name, key in orderings.items():
        voters = sorted(voter_rows, key=key)
        ballots = sorted(ballot_rows, key=key)
        right = sum(
            1
            for v, b in zip(voters, ballots, strict=True)
            if truth[v["user_id"]] == _choice(b["choice"])
        )
        hits[name] = right / VOTERS
    return hits


def _choice(value: Any) -> str:
    import json

    return json.loads(value) if isinstance(value, str) and value.startswith('"') else value


def test_without_mixing_the_dump_betrays_every_voter(
    tree: Any, caplog: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The attack works when the close does not rewrite the tables: the test can fail."""
    monkeypatch.setattr(voting, "_mix", lambda poll: None)
    _poll, truth, _built = _run_secret_vote(tree, caplog)
    hits = _order_attacks(truth)
    assert hits["physical"] == 1.0, hits


def test_full_dump_cannot_relink_voters_to_ballots(tree: Any, caplog: Any) -> None:
    poll, truth, built = _run_secret_vote(tree, caplog)
    # the tally is exact
    counts = {o["key"]: o["count"] for o in poll.result["options"]}
    assert counts == {"dong_y": 20, "khong_dong_y": 20, "khong_bieu_quyet": 0}
    assert poll.result["passed"] is False  # 20 of 40 is not more than half of the members
    assert len(poll.seal) == 64

    # 1. ordering attacks: rowid/ctid, primary keys, xmin
    hits = _order_attacks(truth)
    assert all(rate < 0.9 for rate in hits.values()), hits

    # 2. no column of a ballot holds anything of a voter (and vice versa), the poll apart
    voter_rows = _dump_rows(Voter._meta.db_table)
    ballot_rows = _dump_rows(Ballot._meta.db_table)
    assert {c for c in ballot_rows[0] if not c.endswith("_")} == {"id", "poll_id", "choice"}
    assert {c for c in voter_rows[0] if not c.endswith("_")} == {"id", "poll_id", "user_id"}
    # (physical columns — rowid, ctid, xmin — were the ordering attacks above)
    voter_values = {str(v) for r in voter_rows for k, v in r.items() if k[-1] != "_"} - {
        str(poll.pk)
    }
    for row in ballot_rows:
        for key, value in row.items():
            if key == "poll_id" or key.endswith("_"):
                continue
            assert str(value) not in voter_values, (key, value)
    if connection.vendor == "postgresql":
        assert len({r["xmin_"] for r in voter_rows + ballot_rows}) == 1

    # 3. every other table of the database: nothing mentions a ballot or a voter row's key
    keys = {str(r["id"]) for r in ballot_rows + voter_rows} | {
        str(r["id"]).replace("-", "") for r in ballot_rows + voter_rows
    }
    tables = connection.introspection.table_names()
    for table in tables:
        if table in (Voter._meta.db_table, Ballot._meta.db_table):
            continue
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
            text = repr(cursor.fetchall())
        assert not any(k in text for k in keys), table

    # 4. the audit trail: opening and closing are there, no ballot, no voter, no voter's act
    audited = {e.content_type.model for e in LogEntry.objects.all()}
    assert "voter" not in audited and "ballot" not in audited
    voter_ids = [u.pk for u in built["people"] if u.pk != built["chair"].pk]
    assert not LogEntry.objects.filter(actor_id__in=voter_ids).exists()
    poll_entries = LogEntry.objects.filter(content_type__model="poll", object_pk=str(poll.pk))
    assert poll_entries.count() >= 3  # created, opened, closed

    # 5. the logs written while voting mention no choice and no ballot key
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "dong_y" not in logged and not any(k in logged for k in keys)

    # 6. SQLite: the pre-mix rows are not left in the file or its write-ahead log
    if connection.vendor == "sqlite":
        path = Path(connection.settings_dict["NAME"])
        raw = b"".join(p.read_bytes() for p in [path, Path(f"{path}-wal")] if p.exists())
        leftovers = [k for k in built["old_keys"] if k.encode() in raw]
        assert leftovers == [], f"{len(leftovers)} pre-mix keys left in the file"


def test_a_second_ballot_is_refused_and_nothing_changes_after_close(tree: Any) -> None:
    built = build_room(tree, 5)
    session = built["session"]
    rooms.open_room(session, built["chair"])
    all_present(session)
    poll = voting.create_poll(session, title="Biểu quyết", method="secret")
    voting.open_poll(poll)
    voter = built["people"][1]
    voting.cast(poll.pk, voter, "dong_y")
    with pytest.raises(voting.VoteRefused, match="đã biểu quyết"):
        voting.cast(poll.pk, voter, "khong_dong_y")
    voting.close_poll(poll)
    with pytest.raises(voting.VoteRefused, match="đã kết thúc"):
        voting.cast(poll.pk, built["people"][2], "dong_y")
    assert Ballot.objects.filter(poll=poll).count() == 1
    assert Voter.objects.filter(poll=poll).count() == 1
