"""Polls as a state machine: created → open → closed; casting, counting and sealing.

Learnt from OpenSlides (poll types analog / named / pseudo-anonymous; who voted kept apart
from the votes; the entitled users frozen), written for the Party's rules:

- ``open_poll`` freezes the options (or candidates), the electorate (members present with the
  right to vote, as ``Entitlement`` rows) and the base of the majority (all members of the
  body where the rule says so, not those present);
- ``cast`` records, in one transaction, a ``Voter`` row (unique per poll and user: a second
  ballot is refused by the database even when two requests race) and the ballot — a
  ``Ballot`` with nothing but the choice for a secret poll, a ``NamedVote`` for an open one;
  the poll row is held FOR SHARE so a close cannot slip between the check and the insert;
- ``close_poll`` (FOR UPDATE, waits for casts in flight) counts, decides by the rule, seals
  (SHA-256 of the sorted ballots and the tally: ``capuy.meetingroom.tally``) and, for a secret poll, rewrites the poll's
  voters and ballots so nothing physical (order, rowid/ctid, xmin) links them;
- after close nothing changes but an analog poll's figures, corrected by the secretary and
  kept, before and after, in the audit trail.
"""

from __future__ import annotations

import contextlib
import fcntl
import secrets
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from auditlog.context import set_actor
from django.db import connection, transaction
from django.utils import timezone

from capuy.errors import InputError
from capuy.meetingroom.live import bump
from capuy.meetingroom.models import Ballot, Entitlement, NamedVote, Poll, Session, Voter
from capuy.meetingroom.tally import pct as pct  # the old import path
from capuy.meetingroom.tally import (  # counting and sealing: re-exported from here too
    seal_of,
    tally_election,
    tally_vote,
)
from capuy.text.normalize import nfc
from capuy.vocab.meeting_rules import body_rule, election_rule, vote_options

MAX_CANDIDATES = 200


class VoteRefused(InputError):
    """A ballot that cannot be taken (closed, not entitled, already voted, malformed)."""


def _refuse(vi: str, en: str) -> VoteRefused:
    return VoteRefused(vi, en)


def create_poll(
    session: Session,
    *,
    title: str,
    method: str,
    kind: str = "vote",
    item: Any = None,
    candidates: list[str] | None = None,
    seats: int = 1,
    user: Any = None,
) -> Poll:
    """A poll in state ``created``; an election takes the list of candidates' names."""
    title = nfc(title).strip()[:500]
    if not title:
        raise InputError("Chưa nhập nội dung biểu quyết.", "empty poll title")
    if method not in Poll.Method.values:
        raise InputError("Hình thức biểu quyết không hợp lệ.", f"bad method {method!r}")
    entries: list[dict[str, str]] = []
    if kind == Poll.Kind.ELECTION:
        names = [nfc(n).strip()[:120] for n in (candidates or []) if n and n.strip()]
        if not names or len(names) > MAX_CANDIDATES:
            raise InputError("Danh sách bầu cử trống hoặc quá dài.", "bad candidate list")
        if len(set(names)) != len(names):
            raise InputError("Danh sách bầu cử có tên trùng nhau.", "duplicate candidate")
        if not 1 <= seats <= len(names):
            raise InputError(
                "Số lượng cần bầu phải từ 1 đến số người trong danh sách.", "bad number of seats"
            )
        entries = [{"key": f"c{i}", "name": name} for i, name in enumerate(names, 1)]
        if method == Poll.Method.NAMED:
            raise InputError("Bầu cử phải bỏ phiếu kín.", "an election is secret")
    with set_actor(user):
        poll = Poll.objects.create(
            session=session,
            item=item,
            kind=kind,
            method=method,
            title=title,
            candidates=entries,
            seats=seats if kind == Poll.Kind.ELECTION else 1,
        )
    bump(session.pk)
    return poll


def open_poll(poll: Poll, user: Any = None) -> Poll:
    """Freeze options, electorate and majority base, and start taking ballots."""
    with transaction.atomic():
        poll = Poll.objects.select_for_update().get(pk=poll.pk)
        if poll.state != Poll.State.CREATED:
            raise InputError("Biểu quyết này đã được mở.", "poll already opened")
        session = Session.objects.select_related("meeting__body").get(pk=poll.session_id)
        if session.state != Session.State.OPEN:
            raise InputError("Hội nghị chưa khai mạc hoặc đã kết thúc.", "session not open")
        present = list(
            session.invitees.filter(may_vote=True, attendance__in=("hall", "online")).values_list(
                "user_id", flat=True
            )
        )
        if poll.kind == Poll.Kind.ELECTION:
            rule = election_rule()
            poll.majority_base = rule.elected_base
            poll.base_count = session.members_total
            poll.rule_source = rule.source
        else:
            body = body_rule(session.meeting.body.kind)
            poll.options = [{"key": o.key, "name": o.name} for o in vote_options()]
            poll.majority_base = body.majority_base
            poll.base_count = session.members_total if body.majority_base == "members" else 0
            if body.majority_base == "present":
                poll.base_count = len(present)
            poll.rule_source = body.source
        poll.electorate_size = len(present)
        if poll.method != Poll.Method.ANALOG:
            Entitlement.objects.bulk_create(Entitlement(poll=poll, user_id=u) for u in present)
        poll.state = Poll.State.OPEN
        poll.opened_at = timezone.now()
        with set_actor(user):
            poll.save()
        bump(session.pk)
    return poll


def _lock_poll_shared(poll_id: int, user_id: int) -> Poll | None:
    """The poll, held against a concurrent close (FOR SHARE on PostgreSQL: casts do not block
    each other; on SQLite the IMMEDIATE transaction is the lock), with ``entitled`` — whether
    the user is in its frozen electorate — read in the same round trip."""
    poll_table = Poll._meta.db_table
    entitlement_table = Entitlement._meta.db_table
    lock = " FOR SHARE OF p" if connection.vendor == "postgresql" else ""
    sql = (
        f"SELECT p.*, EXISTS (SELECT 1 FROM {entitlement_table} e "
        f"WHERE e.poll_id = p.id AND e.user_id = %s) AS entitled "
        f"FROM {poll_table} p WHERE p.id = %s{lock}"
    )
    found = list(Poll.objects.raw(sql, [user_id, poll_id]))
    return found[0] if found else None


def _record_voter(poll_id: int, user_id: int) -> bool:
    """Insert the voter row; False when there is one already (the unique constraint, read
    with ON CONFLICT DO NOTHING: one round trip, no savepoint)."""
    table = Voter._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (id, poll_id, user_id) VALUES (%s, %s, %s) "
            "ON CONFLICT (poll_id, user_id) DO NOTHING",
            [Voter._meta.pk.get_db_prep_value(uuid.uuid4(), connection), poll_id, user_id],
        )
        return cursor.rowcount == 1


def _valid_choice(poll: Poll, choice: Any) -> Any:
    """The choice as stored: an option key for a vote, the sorted kept keys for an election."""
    if poll.kind == Poll.Kind.VOTE:
        keys = {o["key"] for o in poll.options}
        if not isinstance(choice, str) or choice not in keys:
            raise _refuse("Phương án không hợp lệ.", "unknown option")
        return choice
    keys = {c["key"] for c in poll.candidates}
    if not isinstance(choice, list) or len(choice) > len(keys):
        raise _refuse("Phiếu bầu không đọc được.", "malformed ballot")
    kept = sorted({str(k) for k in choice})
    if any(k not in keys for k in kept):
        raise _refuse("Phiếu bầu có tên ngoài danh sách.", "name outside the list")
    return kept  # a ballot keeping too many names is taken, and counted invalid


_SQLITE_WRITERS = threading.Lock()


@contextlib.contextmanager
def _sqlite_turn() -> Iterator[None]:
    """A thread lock (threads of this process), then ``flock`` on a file beside the database
    (the other web worker processes): the kernel wakes the next writer as soon as the lock is
    free, where SQLite's busy handler sleeps in growing steps (up to 100 ms) and let the
    slowest ballots of a burst wait seconds."""
    path = Path(str(connection.settings_dict["NAME"])).with_suffix(".writers.lock")
    with _SQLITE_WRITERS, open(path, "a+b") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def _writer_turn() -> Any:
    """Queue for SQLite's single writer lock fairly; PostgreSQL needs no such queue."""
    return _sqlite_turn() if connection.vendor == "sqlite" else contextlib.nullcontext()


def cast(poll_id: int, user: Any, choice: Any) -> None:
    """Take one ballot from ``user``; refuses a closed poll, a stranger, a second ballot."""
    with _writer_turn(), transaction.atomic():
        poll = _lock_poll_shared(poll_id, user.pk)
        if poll is None or poll.state != Poll.State.OPEN:
            raise _refuse("Biểu quyết đã kết thúc hoặc chưa mở.", "poll not open")
        if poll.method == Poll.Method.ANALOG:
            raise _refuse("Biểu quyết giơ tay do thư ký ghi kết quả.", "analog poll")
        if not poll.entitled:
            raise _refuse(
                "Bạn không có trong danh sách biểu quyết của lần này.", "not in the electorate"
            )
        stored = _valid_choice(poll, choice)
        if not _record_voter(poll.pk, user.pk):
            raise _refuse("Bạn đã biểu quyết rồi; phiếu không thể thay đổi.", "already voted")
        if poll.is_secret:
            Ballot.objects.create(poll_id=poll.pk, choice=stored)
        else:
            NamedVote.objects.create(poll_id=poll.pk, user_id=user.pk, choice=stored)
        bump(poll.session_id, version=False)


def _choices(poll: Poll) -> list[Any]:
    if poll.is_secret:
        return list(Ballot.objects.filter(poll=poll).values_list("choice", flat=True))
    return list(NamedVote.objects.filter(poll=poll).values_list("choice", flat=True))


def _mix(poll: Poll) -> None:
    """Rewrite a secret poll's voters (in user order) and ballots (in random order).

    New random keys, one transaction: on PostgreSQL every row now carries the closing
    transaction's xmin and a ctid in the new order; on SQLite new rowids in the new order,
    and ``secure_delete`` overwrites the old rows' bytes in the file.
    """
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA secure_delete=ON")
    choices = _choices(poll)
    users = sorted(Voter.objects.filter(poll=poll).values_list("user_id", flat=True))
    Ballot.objects.filter(poll=poll).delete()
    Voter.objects.filter(poll=poll).delete()
    secrets.SystemRandom().shuffle(choices)
    Ballot.objects.bulk_create(Ballot(poll=poll, choice=c) for c in choices)
    Voter.objects.bulk_create(Voter(poll=poll, user_id=u) for u in users)


def close_poll(poll: Poll, user: Any = None) -> Poll:
    """Stop taking ballots, count, decide, seal; a secret poll's tables are mixed."""
    with transaction.atomic():
        poll = Poll.objects.select_for_update().get(pk=poll.pk)
        if poll.state != Poll.State.OPEN:
            raise InputError("Chỉ kết thúc được biểu quyết đang mở.", "poll not open")
        if poll.method == Poll.Method.ANALOG:
            counts = {k: int(v) for k, v in (poll.result.get("entered") or {}).items()}
            result = tally_vote(poll, counts)
            result["entered"] = counts
            choices: list[Any] = [counts]
        else:
            if poll.is_secret:
                _mix(poll)
            choices = _choices(poll)
            if poll.kind == Poll.Kind.ELECTION:
                result = tally_election(poll, choices)
            else:
                counts = {}
                for c in choices:
                    counts[c] = counts.get(c, 0) + 1
                result = tally_vote(poll, counts)
        result["voted"] = len(choices) if poll.method != Poll.Method.ANALOG else None
        poll.result = result
        poll.seal = seal_of(poll, choices, result)
        poll.state = Poll.State.CLOSED
        poll.closed_at = timezone.now()
        with set_actor(user):
            poll.save()
        bump(poll.session_id)
        if poll.is_secret and connection.vendor == "sqlite":
            transaction.on_commit(_checkpoint)
    return poll


def _checkpoint() -> None:
    """Fold the write-ahead log into the database file and empty it (best effort: readers
    may hold it), so the pre-mix pages do not linger in ``-wal``."""
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def record_analog(poll: Poll, counts: dict[str, int], user: Any) -> Poll:
    """The secretary's count of a show of hands; after close it is a correction, re-sealed.

    Every save is in the audit trail with the before and after of ``result``.
    """
    keys = {o["key"] for o in (poll.options or [{"key": o.key} for o in vote_options()])}
    clean: dict[str, int] = {}
    for key, value in counts.items():
        if key not in keys:
            raise InputError("Phương án không hợp lệ.", f"unknown option {key!r}")
        if not isinstance(value, int) or not 0 <= value <= 10000:
            raise InputError("Số phiếu phải là số nguyên không âm.", "bad count")
        clean[key] = value
    with transaction.atomic():
        poll = Poll.objects.select_for_update().get(pk=poll.pk)
        if poll.method != Poll.Method.ANALOG:
            raise InputError("Chỉ nhập kết quả cho biểu quyết giơ tay.", "not analog")
        if poll.state == Poll.State.CREATED:
            raise InputError("Hãy mở biểu quyết trước khi ghi kết quả.", "poll not opened")
        if sum(clean.values()) > max(poll.electorate_size, 0):
            raise InputError(
                "Tổng số biểu quyết vượt quá số người có mặt có quyền biểu quyết.",
                "more hands than voters",
            )
        result = dict(poll.result)
        result["entered"] = clean
        if poll.state == Poll.State.CLOSED:
            result.update(tally_vote(poll, clean))
            result["corrected_at"] = timezone.now().isoformat()
            poll.seal = seal_of(poll, [clean], result)
        poll.result = result
        with set_actor(user):
            poll.save()
        bump(poll.session_id)
    return poll


def voted_count(poll: Poll) -> int:
    return Voter.objects.filter(poll=poll).count()
