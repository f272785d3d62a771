"""An upload's import becomes a background job when a worker runs: the same import, done by
the worker, with the job's progress and a link to the run's report."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from capuy.accounts.levels import Role
from capuy.archive import background
from capuy.archive.models import ImportItem, ImportRun
from capuy.jobs import queue
from capuy.jobs.models import Job
from capuy.jobs.runner import execute
from capuy.jobs.workers import beat, current_worker
from tests.web.archive.conftest import manifest
from tests.web.conftest import Tree, make_user

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def data_dir(settings: Any, tmp_path: Path) -> Iterator[Path]:
    settings.DATA_DIR = tmp_path
    settings.MEDIA_ROOT = tmp_path / "media"
    queue.app.cache_clear()
    yield tmp_path
    queue.app.cache_clear()


def test_an_upload_is_imported_by_a_job_when_a_worker_runs(
    archive_town: Tree, docx_archive: Path, data_dir: Path
) -> None:
    truth = manifest(docx_archive)
    chosen = [p for p, e in truth.items() if e["expect"] == "imported" and e["format"] == "docx"]
    chosen = chosen[:2]
    clerk = make_user("vanthu.thi", archive_town.town, Role.CLERK)
    client = Client()
    client.force_login(clerk)
    beat()  # a worker is alive
    uploads = [SimpleUploadedFile(Path(p).name, (docx_archive / p).read_bytes()) for p in chosen]
    response = client.post("/luu-tru/", {"organisation": archive_town.town.pk, "files": uploads})
    assert response.status_code == 302
    run = ImportRun.objects.get(pk=int(re.search(r"/lan-nhap/(\d+)/", response.url).group(1)))
    assert background.thread_for(run.pk) is None  # no thread in the web process
    job = Job.objects.get(kind="archive_import")
    assert (job.organisation, job.requested_by, job.params["run"]) == (
        archive_town.town,
        clerk,
        run.pk,
    )
    assert execute(job.pk, current_worker()) == Job.State.DONE
    job.refresh_from_db()
    run.refresh_from_db()
    assert run.state == ImportRun.State.FINISHED and run.done == run.total == 2
    assert run.items.filter(status=ImportItem.Status.IMPORTED).count() == 2
    assert (job.done, job.total, job.message) == (2, 2, "Đã nhập 2/2 tệp.")
    assert job.result_url == f"/luu-tru/lan-nhap/{run.pk}/"
    assert not list((data_dir / "import-uploads").iterdir()), "the staged upload is removed"
    fragment = client.get(f"/cong-viec/{job.pk}/tien-do/").content.decode()
    assert "Xem kết quả" in fragment and f"/luu-tru/lan-nhap/{run.pk}/" in fragment
