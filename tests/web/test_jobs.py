"""Background jobs in one process, on the real database: claiming, progress, retries with
back-off, failures in Vietnamese, a dead worker's jobs taken back, the scoped pages, the health
report, and a report's PDF made by a job through a warm LibreOffice (``pdf``)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pypdf
import pytest
from django.urls import reverse
from django.utils import timezone

import tests.web.jobs_probe  # noqa: F401 — registers the probe kinds
from capuy.accounts.levels import Classification, Role
from capuy.jobs import pool, queue
from capuy.jobs.models import Job, WorkerBeat
from capuy.jobs.runner import enqueue, execute
from capuy.jobs.workers import beat, current_worker, reclaim_dead, resend_lost
from tests.web.conftest import make_user

pytestmark = pytest.mark.django_db(transaction=True)
S = Job.State


@pytest.fixture(autouse=True)
def data_dir(settings: Any, tmp_path: Path) -> Iterator[Path]:
    """The queue file and the results in a folder of the test's own."""
    settings.DATA_DIR = tmp_path
    settings.MEDIA_ROOT = tmp_path / "files"
    queue.app.cache_clear()
    yield tmp_path
    queue.app.cache_clear()


def _due(job: Job) -> None:
    Job.objects.filter(pk=job.pk).update(run_after=timezone.now())


def test_a_job_is_queued_run_once_and_finished(tmp_path: Path) -> None:
    (tmp_path / "gate").touch()
    job = enqueue(
        "probe_gate", "Thử", {"log": str(tmp_path / "log"), "gate": str(tmp_path / "gate")}
    )
    assert queue.backlog()["pending"] == 1  # sent to Huey once committed
    assert execute(job.pk, "w1") == S.DONE
    assert execute(job.pk, "w2") == "skipped"  # a second delivery runs nothing
    job.refresh_from_db()
    assert (job.state, job.attempts, job.worker, job.percent) == (S.DONE, 1, "w1", 100)
    assert job.message.startswith("Xong ở tiến trình")
    assert (tmp_path / "log").read_text().count("finish") == 1


def test_a_failed_attempt_is_retried_with_back_off_and_says_why() -> None:
    job = enqueue("probe_flaky", "Thử lỗi một lần")
    before = timezone.now()
    assert execute(job.pk, "w1") == S.QUEUED
    job.refresh_from_db()
    assert job.state == S.QUEUED and job.attempts == 1
    assert "Lần 1 lỗi: Máy chủ tệp chưa sẵn sàng — sẽ thử lại lúc" in job.message
    assert job.run_after is not None and job.run_after >= before + dt.timedelta(seconds=29)
    retry = [task for task in queue.huey().pending() if task.eta is not None]
    assert len(retry) == 1 and retry[0].args == (job.pk,)  # Huey delivers it at its time
    assert execute(job.pk, "w1") == "skipped"  # not before its time
    _due(job)
    assert execute(job.pk, "w2") == S.DONE
    job.refresh_from_db()
    assert (job.attempts, job.message) == (2, "Lần sau thì được.")


def test_the_last_failure_is_kept_in_vietnamese() -> None:
    job = enqueue("probe_broken", "Thử luôn lỗi")
    assert execute(job.pk, "w1") == S.QUEUED
    _due(job)
    assert execute(job.pk, "w1") == S.FAILED
    job.refresh_from_db()
    assert job.state == S.FAILED and job.finished_at is not None
    assert job.message == (
        "Không làm được sau 2 lần: Lỗi không lường trước (ZeroDivisionError): "
        "integer division or modulo by zero"
    )


def test_an_unknown_kind_is_refused_in_vietnamese() -> None:
    from capuy.errors import InputError

    with pytest.raises(InputError, match="Không có loại việc"):
        enqueue("khong_co", "?")


@pytest.mark.parametrize(
    ("beat_age_s", "attempts", "state"),
    [(5, 1, S.RUNNING), (120, 1, S.QUEUED), (120, 3, S.FAILED)],
    ids=["alive", "dead-requeued", "dead-last-attempt"],
)
def test_a_dead_workers_job_is_taken_back(beat_age_s: int, attempts: int, state: str) -> None:
    other = "may-khac:4242:abcd"  # another machine: only its heartbeat tells
    WorkerBeat.objects.create(
        name=other,
        host="may-khac",
        pid=4242,
        beat_at=timezone.now() - dt.timedelta(seconds=beat_age_s),
    )
    job = enqueue("probe_flaky", "Thử")
    Job.objects.filter(pk=job.pk).update(state=S.RUNNING, worker=other, attempts=attempts)
    requeued = reclaim_dead()
    job.refresh_from_db()
    assert job.state == state
    assert requeued == ([job.pk] if state == S.QUEUED else [])
    if state != S.RUNNING:
        assert f"Tiến trình xử lý {other} đã dừng đột ngột" in job.message


def test_a_lost_message_is_sent_again() -> None:
    job = enqueue("probe_flaky", "Thử")
    queue.huey().flush()  # the message is gone (taken by a worker that died before claiming)
    Job.objects.filter(pk=job.pk).update(dispatched_at=timezone.now() - dt.timedelta(minutes=1))
    assert resend_lost() == [job.pk]
    assert queue.backlog()["pending"] == 1


def _login(client: Any, user: Any) -> None:
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")


def test_the_jobs_page_is_scoped(client: Any, tree: Any) -> None:
    town = enqueue("probe_flaky", "Việc của thị ủy", organisation=tree.town)
    ward = enqueue("probe_flaky", "Việc của phường Phổ Hòa", organisation=tree.pho_hoa)
    secret = enqueue(
        "probe_flaky",
        "Việc mật của phường",
        organisation=tree.pho_hoa,
        classification=Classification.SECRET,
    )
    _login(client, make_user("vanthu.phohoa", tree.pho_hoa, Role.CLERK))
    page = client.get(reverse("jobs:list")).content.decode()
    assert "Việc của phường Phổ Hòa" in page
    assert "Việc của thị ủy" not in page and "Việc mật của phường" not in page
    assert 'hx-get="/cong-viec/' in page and "<script>" not in page and "style=" not in page
    assert client.get(reverse("jobs:detail", args=[town.pk])).status_code == 404
    assert client.get(reverse("jobs:progress", args=[secret.pk])).status_code == 404
    fragment = client.get(reverse("jobs:progress", args=[ward.pk])).content.decode()
    assert "Chờ" in fragment and "hx-trigger" in fragment


def test_progress_then_the_result_file(client: Any, tree: Any, tmp_path: Path) -> None:
    job = enqueue("probe_flaky", "Việc có tệp", organisation=tree.town)
    Job.objects.filter(pk=job.pk).update(state=S.RUNNING, done=3, total=4, message="Đang làm")
    _login(client, make_user("vanthu.thi", tree.town, Role.CLERK))
    running = client.get(reverse("jobs:progress", args=[job.pk])).content.decode()
    assert 'value="75"' in running and "3/4" in running and "hx-trigger" in running
    assert client.get(reverse("jobs:result", args=[job.pk])).status_code == 404
    out = tmp_path / "files" / "cong-viec" / str(job.pk) / "ket-qua.txt"
    out.parent.mkdir(parents=True)
    out.write_text("kết quả")
    Job.objects.filter(pk=job.pk).update(
        state=S.DONE, result_file=f"cong-viec/{job.pk}/ket-qua.txt"
    )
    done = client.get(reverse("jobs:progress", args=[job.pk])).content.decode()
    assert "hx-trigger" not in done and "Tải kết quả" in done  # polling stops
    response = client.get(reverse("jobs:result", args=[job.pk]))
    assert b"".join(response.streaming_content).decode() == "kết quả"


def test_health_report_staff_or_token(client: Any, tree: Any, monkeypatch: Any) -> None:
    monkeypatch.setenv("CAPUY_HEALTH_TOKEN", "ma-giam-sat-thu")
    assert client.get("/healthz/full").status_code == 302  # anonymous: log in
    assert client.get("/healthz/full", HTTP_AUTHORIZATION="Bearer sai").status_code == 302
    _login(client, make_user("vanthu.thi", tree.town, Role.CLERK))
    assert client.get("/healthz/full").status_code == 403  # not staff
    client.logout()
    enqueue("probe_flaky", "Chờ")
    no_worker = client.get("/healthz/full", HTTP_AUTHORIZATION="Bearer ma-giam-sat-thu")
    assert no_worker.status_code == 503
    data = json.loads(no_worker.content)
    assert data["database"]["ok"] and data["queue"]["jobs"]["queued"] == 1
    assert data["queue"]["pending"] == 1 and data["workers"]["alive"] == 0
    assert data["disk"]["free_bytes"] > 0
    beat({"lo_pool": {"size": 2, "warm": 2, "busy": 1}})  # a worker of this process
    staff = make_user("quantri", tree.town, Role.CLERK, is_staff=True)
    _login(client, staff)
    healthy = client.get("/healthz/full")
    data = json.loads(healthy.content)
    assert healthy.status_code == 200 and data["ok"]
    assert (
        data["workers"]["alive"] == 1 and data["workers"]["workers"][0]["name"] == current_worker()
    )
    assert data["libreoffice"] == {"ok": True, "size": 2, "warm": 2, "busy": 1}


@pytest.mark.pdf
def test_report_pdf_download_goes_through_a_job_and_a_warm_libreoffice(
    client: Any, tree: Any
) -> None:
    specialist = make_user("chuyenvien", tree.town, Role.SPECIALIST)
    _login(client, specialist)
    response = client.post(
        reverse("reports:compose"),
        {"to_chuc": tree.town.pk, "loai": "monthly", "ky": "2024-02", "chu_de": ""},
    )
    assert response.status_code == 302
    from capuy.reports.models import Report

    report = Report.objects.get(organisation=tree.town, kind="monthly", period="2024-02")
    beat()  # a worker is alive: the download becomes a job
    response = client.get(reverse("reports:download", args=[report.pk, "pdf"]))
    job = Job.objects.get(kind="report_pdf")
    assert response.status_code == 302 and response["Location"] == f"/cong-viec/{job.pk}/"
    assert (job.organisation, job.requested_by) == (tree.town, specialist)
    converters = pool.install(1)
    converters.start()
    try:
        assert execute(job.pk, current_worker()) == S.DONE
    finally:
        converters.close()
        pool._POOL = None
    result = client.get(reverse("jobs:result", args=[job.pk]))
    assert result.status_code == 200
    pdf = pypdf.PdfReader(__import__("io").BytesIO(b"".join(result.streaming_content)))
    text = "".join(page.extract_text() for page in pdf.pages)
    assert "BÁO CÁO" in text and "02/2024" in text


def test_every_report_of_a_subtree_is_composed_by_one_job(tree: Any) -> None:
    from capuy.reports.models import Report

    specialist = make_user("chuyenvien", tree.town, Role.SPECIALIST)
    job = enqueue(
        "reports_subtree",
        "Soạn báo cáo tháng 02/2024 của thị xã",
        {"org": tree.town.pk, "kind": "monthly", "period": "2024-02"},
        user=specialist,
        organisation=tree.town,
    )
    assert execute(job.pk, "w1") == S.DONE
    job.refresh_from_db()
    made = set(Report.objects.filter(period="2024-02").values_list("organisation__name", flat=True))
    assert made == {tree.town.name, tree.pho_hoa.name, tree.pho_minh.name}  # no sub-cell
    # the period as people write it, not its stored code "2024-02"
    assert job.message == "Đã soạn 3/3 báo cáo tháng 02/2024." and (job.done, job.total) == (3, 3)
    ward_clerk = make_user("vanthu.phominh", tree.pho_minh, Role.SPECIALIST)
    again = enqueue(
        "reports_subtree", "Lại", {"org": tree.town.pk, "kind": "monthly", "period": "2024-03"},
        user=ward_clerk,
    )  # fmt: skip
    assert execute(again.pk, "w1") == S.DONE  # its own ward only: the rest is refused, named
    again.refresh_from_db()
    assert again.message.startswith("Đã soạn 1/3 báo cáo tháng 3/2024; không soạn được 2: ")
    assert f"{tree.town.name}: Bạn không có quyền soạn báo cáo của" in again.message


def test_the_queue_in_the_database(monkeypatch: Any) -> None:
    """``CAPUY_QUEUE_URL=db`` (the default on PostgreSQL): Huey's messages, schedule and locks
    in the application's tables; a message is taken once, by priority then age."""
    import datetime as dt_

    from capuy.jobs.models import QueueMessage

    monkeypatch.setenv("CAPUY_QUEUE_URL", "db")
    queue.app.cache_clear()
    assert queue.backend_name() == "db"
    storage = queue.huey().storage
    for data, priority in ((b"a", 0), (b"b", 5), (b"c", 0)):
        storage.enqueue(data, priority)
    assert storage.queue_size() == 3 and storage.enqueued_items() == [b"b", b"a", b"c"]
    assert [storage.dequeue() for _ in range(4)] == [b"b", b"a", b"c", None]
    now = dt_.datetime.now()
    storage.add_to_schedule(b"later", now + dt_.timedelta(minutes=5))
    storage.add_to_schedule(b"due", now - dt_.timedelta(seconds=1))
    assert storage.read_schedule(now) == [b"due"] and storage.schedule_size() == 1
    assert storage.put_if_empty("khoa", b"1") and not storage.put_if_empty("khoa", b"2")
    assert storage.pop_data("khoa") == b"1" and not storage.has_data_for_key("khoa")
    job = enqueue("probe_flaky", "Thử")  # a job's message goes to the same table
    assert QueueMessage.objects.count() == 1
    task = queue.huey().dequeue()
    assert task.args == (job.pk,)


def test_staff_start_installation_wide_jobs_others_cannot(client: Any, tree: Any) -> None:
    clerk = make_user("vanthu.thi", tree.town, Role.ADMIN)
    _login(client, clerk)
    assert "Xây lại chỉ mục tìm kiếm" not in client.get(reverse("jobs:list")).content.decode()
    assert client.post(reverse("jobs:start"), {"loai": "backup"}).status_code == 403
    assert client.get(reverse("jobs:start")).status_code == 405
    staff = make_user("quantri.maychu", tree.town, Role.ADMIN, is_staff=True)
    _login(client, staff)
    page = client.get(reverse("jobs:list")).content.decode()
    assert 'value="search_rebuild"' in page and 'value="backup"' in page
    assert client.post(reverse("jobs:start"), {"loai": "probe_flaky"}).status_code == 404
    response = client.post(reverse("jobs:start"), {"loai": "search_rebuild"})
    job = Job.objects.get()
    assert response["Location"] == f"/cong-viec/{job.pk}/"
    assert (job.kind, job.requested_by, job.organisation) == ("search_rebuild", staff, None)
    assert client.get(response["Location"]).status_code == 200  # staff see unit-less jobs
    _login(client, clerk)
    assert client.get(response["Location"]).status_code == 404  # a unit's admin does not
    assert execute(job.pk, "w1") == S.DONE
    job.refresh_from_db()
    assert job.message.startswith("Đã lập chỉ mục ")
