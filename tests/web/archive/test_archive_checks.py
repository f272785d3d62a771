"""The archive-wide check as a job: the seeds stored as register documents are checked by the
real job runner, their findings kept per document and shown (scoped) on /luu-tru/soat-loi/ and
on each document's page; a new run replaces the results; a document whose text changed after
its check shows as not checked; a ward clerk can neither start the town's check nor see a
town Mật document's result."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.test import Client

from capuy.accounts.levels import Classification, Role
from capuy.api import check_text, find_seeds_dir
from capuy.archive.checks import KIND
from capuy.archive.models import DocumentCheck
from capuy.documents.models import Direction, Document
from capuy.jobs import queue
from capuy.jobs.models import Job
from capuy.jobs.runner import execute
from capuy.jobs.workers import current_worker
from tests.web.conftest import Tree, make_user

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def data_dir(settings: Any, tmp_path: Path) -> Iterator[Path]:
    settings.DATA_DIR = tmp_path
    settings.MEDIA_ROOT = tmp_path / "media"
    queue.app.cache_clear()
    yield tmp_path
    queue.app.cache_clear()


def _seeds() -> list[Path]:
    seeds = sorted(find_seeds_dir().glob("*.txt"))
    if not seeds:
        pytest.skip("no seed reports (CAPUY_SEEDS)")
    return seeds


def _store(org: Any, seed: Path, level: int = 0) -> Document:
    """A seed report kept in the register as an incoming document with its file's text."""
    return Document.objects.create(
        direction=Direction.INCOMING,
        organisation=org,
        type_code="BC",
        issued_on=dt.date(2024, 3, 1),
        summary=f"Báo cáo {seed.stem}",
        sender="Đảng ủy cấp dưới",
        classification=level,
        text=seed.read_text(encoding="utf-8"),
    )


def _expected(doc: Document) -> Counter[str]:
    return Counter(f.severity for f in check_text(doc.text, f"van-ban-{doc.pk}.txt"))


@pytest.fixture
def archive(tree: Tree) -> dict[str, Document]:
    seeds = _seeds()
    made = {
        "town": _store(tree.town, seeds[0]),
        "town_secret": _store(tree.town, seeds[1], Classification.SECRET),
        "ward": _store(tree.pho_hoa, seeds[2 % len(seeds)]),
    }
    Document.objects.create(  # no stored text: nothing to check
        direction=Direction.INCOMING,
        organisation=tree.town,
        type_code="CV",
        issued_on=dt.date(2024, 3, 2),
        summary="Công văn không có tệp",
    )
    return made


def _run(client: Client, org: Any) -> Job:
    response = client.post("/luu-tru/soat-loi/chay/", {"organisation": org.pk})
    assert response.status_code == 302, response.status_code
    job = Job.objects.get(pk=int(response.url.rstrip("/").rsplit("/", 1)[1]))
    assert execute(job.pk, current_worker()) == Job.State.DONE
    job.refresh_from_db()
    return job


def test_the_town_clerk_checks_the_archive_and_sees_which_documents_have_errors(
    tree: Tree, archive: dict[str, Document]
) -> None:
    clerk = make_user("vanthu.soat", tree.town, Role.CLERK, clearance=Classification.SECRET)
    client = Client()
    client.force_login(clerk)
    page = client.get("/luu-tru/soat-loi/").content.decode()
    assert "data-confirm=" in page and "csrfmiddlewaretoken" in page  # asks first, CSRF
    job = _run(client, tree.town)
    assert (job.kind, job.organisation, job.requested_by) == (KIND, tree.town, clerk)
    assert (job.done, job.total) == (3, 3)  # the three texts, the town's and the ward's
    for doc in archive.values():
        result = DocumentCheck.objects.get(document=doc)
        expected = _expected(doc)
        assert (result.errors, result.warnings, result.infos) == (
            expected["error"],
            expected["warning"],
            expected["info"],
        )
        assert result.errors > 0  # the seeds are real reports, with real mistakes
        assert result.job == job and result.classification == doc.classification
        assert len(result.sample) == min(5, sum(expected.values()))
    with_errors = sum(1 for d in archive.values() if _expected(d)["error"])
    assert job.message == (f"Đã soát 3 văn bản của {tree.town.name}: {with_errors} văn bản có lỗi.")
    listing = client.get("/luu-tru/soat-loi/").content.decode()
    for doc in archive.values():
        assert f"/van-ban/{doc.pk}/" in listing
        assert f">{DocumentCheck.objects.get(document=doc).errors}<" in listing
    detail = client.get(f"/van-ban/{archive['town'].pk}/").content.decode()
    assert "Soát lỗi kho lưu trữ" in detail and "Có lỗi:" in detail


def test_a_new_run_replaces_results_and_a_changed_document_shows_as_not_checked(
    tree: Tree, archive: dict[str, Document]
) -> None:
    clerk = make_user("vanthu.soat", tree.town, Role.CLERK, clearance=Classification.SECRET)
    client = Client()
    client.force_login(clerk)
    first = _run(client, tree.town)
    doc = archive["town"]
    doc.text = doc.text + "\nđoạn văn thêm sau lần soát ."
    doc.save()
    listing = client.get("/luu-tru/soat-loi/?loc=").content.decode()
    assert "Đã sửa sau lần soát — chưa soát lại" in listing
    detail = client.get(f"/van-ban/{doc.pk}/").content.decode()
    assert "Đã sửa sau lần soát — chưa soát lại" in detail
    second = _run(client, tree.town)
    assert second.pk != first.pk
    assert DocumentCheck.objects.count() == 3  # replaced, not added
    assert set(DocumentCheck.objects.values_list("job", flat=True)) == {second.pk}
    # the trail keeps who ran each check (the job), not 3 rewritten results per run
    logged = LogEntry.objects.filter(content_type=ContentType.objects.get_for_model(Job))
    assert {int(e.object_pk) for e in logged} >= {first.pk, second.pk}
    checks = ContentType.objects.get_for_model(DocumentCheck)
    assert not LogEntry.objects.filter(content_type=checks).exists()
    assert "Đã sửa sau lần soát" not in client.get("/luu-tru/soat-loi/?loc=").content.decode()
    assert DocumentCheck.objects.get(document=doc).errors == _expected(doc)["error"]


def test_a_ward_clerk_cannot_start_the_towns_check_nor_see_a_town_secret_result(
    tree: Tree, archive: dict[str, Document]
) -> None:
    ward = make_user("vanthu.phuong", tree.pho_hoa, Role.CLERK, clearance=Classification.SECRET)
    client = Client()
    client.force_login(ward)
    assert client.post("/luu-tru/soat-loi/chay/", {"organisation": tree.town.pk}).status_code == 403
    assert not Job.objects.filter(kind=KIND).exists()
    job = _run(client, tree.pho_hoa)  # their own ward: only the ward's document
    assert (job.done, job.total) == (1, 1)
    assert list(DocumentCheck.objects.values_list("document", flat=True)) == [archive["ward"].pk]
    # the town clerk checks the town; the ward clerk still sees only the ward's result
    town = make_user("vanthu.thi", tree.town, Role.CLERK, clearance=Classification.SECRET)
    other = Client()
    other.force_login(town)
    _run(other, tree.town)
    listing = client.get("/luu-tru/soat-loi/?loc=").content.decode()
    assert f"/van-ban/{archive['ward'].pk}/" in listing
    for name in ("town", "town_secret"):
        assert f"/van-ban/{archive[name].pk}/" not in listing
        assert archive[name].summary not in listing
    assert client.get(f"/luu-tru/soat-loi/?don_vi={tree.town.pk}").status_code == 404
    town_job = Job.objects.filter(kind=KIND, organisation=tree.town).get()
    assert client.get(f"/cong-viec/{town_job.pk}/").status_code == 404
    # a town user without the Mật clearance does not see the Mật document's result either
    reader = make_user("chuyenvien.thi", tree.town, Role.SPECIALIST)
    other.force_login(reader)
    listing = other.get("/luu-tru/soat-loi/?loc=").content.decode()
    assert f"/van-ban/{archive['town'].pk}/" in listing
    assert f"/van-ban/{archive['town_secret'].pk}/" not in listing


def test_the_command_line_job_without_a_user_checks_the_whole_subtree(
    tree: Tree, archive: dict[str, Document]
) -> None:
    from capuy.jobs.runner import enqueue

    job = enqueue(KIND, "Soát lỗi kho lưu trữ", {"org": str(tree.town.pk)}, organisation=tree.town)
    assert execute(job.pk, current_worker()) == Job.State.DONE
    assert DocumentCheck.objects.count() == 3  # every text of the subtree, Mật included
    bad = enqueue(KIND, "Soát lỗi kho lưu trữ", {"org": "x"})
    assert execute(bad.pk, "w1") == Job.State.QUEUED
    bad.refresh_from_db()
    assert "Cần chọn đơn vị có kho lưu trữ cần soát" in bad.message
