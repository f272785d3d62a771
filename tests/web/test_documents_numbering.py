"""Numbering of outgoing documents (DESIGN.md §5): series per body code, type and term; no gaps
and no duplicates, including when many clerks take numbers at the same moment.

Runs on SQLite and on PostgreSQL (scripts/test.sh); the concurrent test uses real threads, each
with its own database connection, against a committed (transactional) test database.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import Counter

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, connections, transaction

from capuy.accounts.levels import Classification
from capuy.documents.models import Document, NumberCounter
from capuy.documents.numbering import format_symbol, peek_next_number, register_outgoing
from capuy.orgs.models import Body, CommitteeTerm

FEB = dt.date(2024, 2, 26)


def btv(tree) -> Body:
    return Body.objects.get(organisation=tree.town, kind="btv")


@pytest.mark.parametrize(
    ("number", "type_code", "body_code", "symbol"),
    [
        (708, "BC", "TU", "708-BC/TU"),  # seed 000, line 140: "Báo cáo số 708-BC/TU"
        (7, "NQ", "TU", "07-NQ/TU"),  # Nghị quyết 07-NQ/TU of the 15th conference
        (1, "KH", "TU", "01-KH/TU"),  # each type restarts at 01 in a term
        (5169, "CV", "BTCTU", "5169-CV/BTCTU"),  # seed 000, line 144
        (12, "QĐi", "TU", "12-QĐi/TU"),
    ],
)
def test_symbol_form(number: int, type_code: str, body_code: str, symbol: str) -> None:
    assert format_symbol(number, type_code, body_code) == symbol


@pytest.mark.django_db
def test_numbers_follow_per_type_and_secret_shares_the_sequence(tree) -> None:
    body = btv(tree)
    first = register_outgoing(
        issuing_body=body, type_code="KH", issued_on=FEB, summary="Kế hoạch một"
    )
    secret = register_outgoing(
        issuing_body=body,
        type_code="KH",
        issued_on=FEB,
        summary="Kế hoạch mật",
        classification=Classification.SECRET,
    )
    report = register_outgoing(issuing_body=body, type_code="BC", issued_on=FEB, summary="Báo cáo")
    third = register_outgoing(
        issuing_body=body, type_code="KH", issued_on=FEB, summary="Kế hoạch ba"
    )
    assert [first.symbol, secret.symbol, third.symbol] == ["01-KH/TU", "02-KH/TU", "03-KH/TU"]
    assert report.symbol == "01-BC/TU"
    assert peek_next_number(body, "KH", FEB) == (4, "04-KH/TU")


@pytest.mark.django_db
def test_bodies_with_the_same_code_share_a_series(tree) -> None:
    """BCH and BTV of a Thị ủy both sign …/TU: their Nghị quyết must not both be 01-NQ/TU."""
    bch = Body.objects.create(
        organisation=tree.town, kind="bch", name="Ban Chấp hành Đảng bộ thị xã"
    )
    ubkt = Body.objects.get(organisation=tree.town, kind="ubkt")
    a = register_outgoing(issuing_body=bch, type_code="NQ", issued_on=FEB, summary="Nghị quyết BCH")
    b = register_outgoing(
        issuing_body=btv(tree), type_code="NQ", issued_on=FEB, summary="Nghị quyết BTV"
    )
    c = register_outgoing(
        issuing_body=ubkt, type_code="NQ", issued_on=FEB, summary="Nghị quyết UBKT"
    )
    assert [a.symbol, b.symbol, c.symbol] == ["01-NQ/TU", "02-NQ/TU", "01-NQ/UBKTTU"]


@pytest.mark.django_db
def test_a_new_term_restarts_at_01(tree) -> None:
    old = CommitteeTerm.objects.get(organisation=tree.town, ordinal=21)
    old.end_date = dt.date(2025, 9, 30)
    old.save()
    CommitteeTerm.objects.get_or_create(  # the tree fixture declares it already
        organisation=tree.town,
        ordinal=22,
        defaults={"start_year": 2025, "end_year": 2030, "start_date": dt.date(2025, 10, 1)},
    )
    body = btv(tree)
    NumberCounter.objects.create(
        organisation=tree.town, symbol_code="TU", type_code="BC", term=old, last_number=707
    )
    before = register_outgoing(
        issuing_body=body, type_code="BC", issued_on=FEB, summary="Cuối khóa XXI"
    )
    after = register_outgoing(
        issuing_body=body, type_code="BC", issued_on=dt.date(2025, 10, 20), summary="Đầu khóa XXII"
    )
    assert before.symbol == "708-BC/TU" and before.term == old
    assert after.symbol == "01-BC/TU" and after.term.ordinal == 22


@pytest.mark.django_db
def test_joint_document_takes_the_lead_bodys_number(tree) -> None:
    ubkt = Body.objects.get(organisation=tree.town, kind="ubkt")
    joint = register_outgoing(
        issuing_body=btv(tree),
        type_code="HD",
        issued_on=FEB,
        summary="Hướng dẫn liên tịch",
        co_issuers=[ubkt],
    )
    assert joint.symbol == "01-HD/TU"
    assert list(joint.co_issuers.all()) == [ubkt]
    assert peek_next_number(ubkt, "HD", FEB) == (1, "01-HD/UBKTTU")


@pytest.mark.django_db
def test_a_refused_document_burns_no_number(tree) -> None:
    body = btv(tree)
    register_outgoing(issuing_body=body, type_code="TB", issued_on=FEB, summary="Thông báo một")
    with pytest.raises(ValidationError) as refused:
        register_outgoing(issuing_body=body, type_code="TB", issued_on=FEB, summary="")
    assert "summary" in refused.value.message_dict
    with pytest.raises(ValidationError) as unknown:
        register_outgoing(issuing_body=body, type_code="XYZ", issued_on=FEB, summary="Loại lạ")
    assert "type_code" in unknown.value.message_dict
    nxt = register_outgoing(
        issuing_body=body, type_code="TB", issued_on=FEB, summary="Thông báo hai"
    )
    assert nxt.symbol == "02-TB/TU"


@pytest.mark.django_db
def test_no_term_no_number(tree) -> None:
    with pytest.raises(ValidationError) as refused:
        register_outgoing(
            issuing_body=btv(tree),
            type_code="BC",
            issued_on=dt.date(2019, 5, 1),
            summary="Trước khóa",
        )
    assert "nhiệm kỳ" in refused.value.message_dict["issued_on"][0]


@pytest.mark.django_db
def test_the_database_refuses_a_duplicate_number(tree) -> None:
    doc = register_outgoing(
        issuing_body=btv(tree), type_code="CV", issued_on=FEB, summary="Công văn"
    )
    clone = Document.objects.get(pk=doc.pk)
    clone.pk = None
    clone.summary = "Bản sao trùng số"
    with pytest.raises(IntegrityError), transaction.atomic():
        clone.save()


WORKERS = 8
PER_WORKER = 10


@pytest.mark.django_db(transaction=True)
def test_concurrent_clerks_get_no_gaps_and_no_duplicates(tree) -> None:
    """8 threads × 10 documents, each thread on its own connection, all in the same series."""
    body = btv(tree)
    start = threading.Barrier(WORKERS)
    errors: list[BaseException] = []

    def clerk(worker: int) -> None:
        try:
            start.wait()
            for i in range(PER_WORKER):
                register_outgoing(
                    issuing_body=body,
                    type_code="KH",
                    issued_on=FEB,
                    summary=f"Kế hoạch của văn thư {worker}, lần {i}",
                    classification=Classification.SECRET if i % 3 == 0 else Classification.NORMAL,
                )
        except BaseException as error:  # reported to the main thread below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=clerk, args=(w,)) for w in range(WORKERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    numbers = list(Document.objects.filter(type_code="KH").values_list("number", flat=True))
    total = WORKERS * PER_WORKER
    assert Counter(numbers).most_common(1)[0][1] == 1, "a number was issued twice"
    assert sorted(numbers) == list(range(1, total + 1)), "the sequence has a gap"
    assert NumberCounter.objects.get(type_code="KH").last_number == total
    per_worker = Counter(
        s.split(",")[0] for s in Document.objects.values_list("summary", flat=True)
    )
    assert set(per_worker.values()) == {PER_WORKER}
    assert connection.vendor in {"sqlite", "postgresql"}
