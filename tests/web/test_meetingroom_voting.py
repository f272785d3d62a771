"""Votes, elections, quorum and the rules of the body, on a real database."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from auditlog.models import LogEntry
from django.db import connections

from capuy.errors import InputError
from capuy.meetingroom import room as rooms
from capuy.meetingroom import voting
from capuy.meetingroom.models import Ballot, Entitlement, Invitee, Poll, Voter
from capuy.vocab.meeting_rules import body_rule
from tests.web.meetingroom_helpers import all_present, build_room


def _open_room(tree: Any, count: int, members_total: int | None = None) -> dict[str, Any]:
    built = build_room(tree, count, members_total=members_total)
    rooms.open_room(built["session"], built["chair"])
    return built


@pytest.mark.django_db
def test_quorum_is_two_thirds_of_the_members_and_says_its_source(tree: Any) -> None:
    built = _open_room(tree, 31)
    session = built["session"]
    invitees = list(session.invitees.all())
    for invitee in invitees[:20]:
        rooms.set_attendance(invitee, "hall")
    rooms.set_attendance(invitees[20], "excused", "Đi công tác tỉnh")
    rooms.set_attendance(invitees[21], "absent")
    q = rooms.quorum(session)
    assert (q.needed, q.present, q.reached) == (21, 20, False)
    assert (q.excused, q.absent, q.unknown) == (1, 1, 9)
    rooms.set_attendance(invitees[22], "online")
    assert rooms.quorum(session).reached
    assert "2/3" in body_rule("bch").source
    assert Invitee.objects.get(pk=invitees[20].pk).reason == "Đi công tác tỉnh"


@pytest.mark.django_db
def test_majority_is_of_the_members_of_the_committee_not_of_those_present(tree: Any) -> None:
    """31 members, 22 present, 15 say yes: a majority of those present but not of 31."""
    built = _open_room(tree, 31)
    session = built["session"]
    invitees = list(session.invitees.select_related("user"))
    for invitee in invitees[:22]:
        rooms.set_attendance(invitee, "hall")
    poll = voting.create_poll(session, title="Thông qua Kết luận", method="named")
    poll = voting.open_poll(poll, built["chair"])
    assert (poll.electorate_size, poll.base_count) == (22, 31)
    for i, invitee in enumerate(invitees[:22]):
        voting.cast(poll.pk, invitee.user, "dong_y" if i < 15 else "khong_dong_y")
    # someone absent at the opening is not in the frozen electorate, even if present now
    rooms.set_attendance(invitees[25], "hall")
    with pytest.raises(voting.VoteRefused, match="không có trong danh sách"):
        voting.cast(poll.pk, invitees[25].user, "dong_y")
    poll = voting.close_poll(poll, built["chair"])
    assert poll.result["needed"] == 16 and poll.result["passed"] is False
    assert [o["count"] for o in poll.result["options"]] == [15, 7, 0]
    assert Entitlement.objects.filter(poll=poll).count() == 22


@pytest.mark.django_db
def test_an_election_counts_valid_ballots_percentages_and_ties(tree: Any) -> None:
    """9 members elect 2 of 4; a ballot keeping 3 names is invalid."""
    built = _open_room(tree, 9)
    session = built["session"]
    all_present(session)
    poll = voting.create_poll(
        session,
        title="Bầu Ban Thường vụ (bổ sung)",
        method="secret",
        kind="election",
        candidates=["Nguyễn Văn An", "Trần Thị Bình", "Lê Minh Châu", "Phạm Quốc Dũng"],
        seats=2,
    )
    voting.open_poll(poll)
    kept = [
        ["c1", "c2"],
        ["c1", "c2"],
        ["c1", "c2"],
        ["c1", "c3"],
        ["c1", "c3"],
        ["c2", "c3"],
        ["c2"],
        ["c1", "c2", "c3"],  # too many names kept: invalid
        [],  # every name crossed out: valid, for no one
    ]
    for person, ballot in zip(built["people"], kept, strict=True):
        voting.cast(poll.pk, person, ballot)
    poll = voting.close_poll(poll)
    r = poll.result
    assert (r["ballots"], r["valid"], r["invalid"], r["base"], r["needed"]) == (9, 8, 1, 9, 5)
    rows = {c["name"]: c for c in r["candidates"]}
    assert rows["Nguyễn Văn An"]["votes"] == 5 and rows["Trần Thị Bình"]["votes"] == 5
    assert rows["Nguyễn Văn An"]["pct_valid"] == 62.5
    assert rows["Nguyễn Văn An"]["pct_base"] == 55.56
    assert r["elected"] == ["Nguyễn Văn An", "Trần Thị Bình"]
    assert rows["Lê Minh Châu"]["status"] == "not_elected"


@pytest.mark.django_db
def test_a_tie_across_the_last_seat_elects_no_one_of_the_tied(tree: Any) -> None:
    built = _open_room(tree, 5)
    all_present(built["session"])
    poll = voting.create_poll(
        built["session"],
        title="Bầu Phó Bí thư",
        method="secret",
        kind="election",
        candidates=["Võ Văn Hải", "Đặng Thị Lan", "Bùi Đức Minh"],
        seats=1,
    )
    voting.open_poll(poll)
    for person, ballot in zip(
        built["people"], [["c1"], ["c1"], ["c1", "c2"], ["c2"], ["c2"]], strict=True
    ):
        voting.cast(poll.pk, person, ballot)
    r = voting.close_poll(poll).result
    assert r["invalid"] == 1 and r["valid"] == 4
    # 2 votes each (the ballot keeping two names is void): not more than half of 5 members
    assert r["elected"] == [] and r["tied"] == [] and r["needed"] == 3
    assert [c["votes"] for c in r["candidates"]] == [2, 2, 0]
    assert {c["status"] for c in r["candidates"]} == {"not_elected"}


def test_tie_marks_the_tied_for_a_new_round() -> None:
    people = [{"key": "c1", "name": "A"}, {"key": "c2", "name": "B"}, {"key": "c3", "name": "C"}]
    poll = Poll(seats=2, base_count=5, candidates=people)
    ballots = [["c1", "c2"], ["c1", "c3"], ["c1", "c2"], ["c2", "c3"], ["c1", "c3"]]
    r = voting.tally_election(poll, ballots)
    # A 4; B 3 and C 3 (≥ 3 of base 5) for the one seat left: A elected, B and C tie
    assert r["elected"] == ["A"] and r["tied"] == ["B", "C"]


@pytest.mark.django_db
def test_analog_vote_and_the_secretary_corrections_are_audited(tree: Any) -> None:
    built = _open_room(tree, 9)
    all_present(built["session"])
    poll = voting.create_poll(built["session"], title="Thông qua chương trình", method="analog")
    voting.open_poll(poll, built["chair"])
    with pytest.raises(InputError, match="vượt quá"):
        voting.record_analog(poll, {"dong_y": 9, "khong_dong_y": 1}, built["clerk"])
    voting.record_analog(poll, {"dong_y": 7, "khong_dong_y": 2}, built["clerk"])
    poll = voting.close_poll(poll, built["chair"])
    first_seal = poll.seal
    assert poll.result["passed"] is True
    poll = voting.record_analog(poll, {"dong_y": 8, "khong_dong_y": 1}, built["clerk"])
    assert poll.seal != first_seal and poll.result["options"][0]["count"] == 8
    entries = LogEntry.objects.filter(content_type__model="poll", object_pk=str(poll.pk))
    assert entries.filter(actor=built["clerk"]).count() == 2
    assert entries.filter(actor=built["chair"]).count() >= 2  # opened, closed


@pytest.mark.django_db
def test_options_and_electorate_cannot_be_reopened_or_changed_after_close(tree: Any) -> None:
    built = _open_room(tree, 3)
    all_present(built["session"])
    poll = voting.create_poll(built["session"], title="Biểu quyết", method="secret")
    voting.open_poll(poll)
    with pytest.raises(InputError):
        voting.open_poll(poll)
    voting.close_poll(poll)
    with pytest.raises(InputError):
        voting.close_poll(poll)
    with pytest.raises(voting.VoteRefused):
        voting.cast(poll.pk, built["people"][0], ["c1"])


@pytest.mark.django_db(transaction=True)
def test_concurrent_ballots_none_lost_none_doubled(tree: Any) -> None:
    """12 members vote at once, each twice from two threads: 12 ballots, 12 refusals."""
    built = _open_room(tree, 12)
    all_present(built["session"])
    poll = voting.create_poll(built["session"], title="Biểu quyết đồng thời", method="secret")
    voting.open_poll(poll)
    outcomes: list[str] = []
    lock = threading.Lock()
    start = threading.Barrier(24)

    def vote(user: Any) -> None:
        try:
            start.wait()
            voting.cast(poll.pk, user, "dong_y")
            result = "ok"
        except voting.VoteRefused:
            result = "refused"
        finally:
            connections.close_all()
        with lock:
            outcomes.append(result)

    threads = [threading.Thread(target=vote, args=(u,)) for u in built["people"] for _ in (1, 2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes).count("ok") == 12 and outcomes.count("refused") == 12
    assert Ballot.objects.filter(poll=poll).count() == 12
    assert Voter.objects.filter(poll=poll).count() == 12
    poll = voting.close_poll(poll)
    assert poll.result["options"][0]["count"] == 12
