"""The upload, progress, report and review pages: real uploads, the background thread, scoping
by organisation and clearance, and the audit trail of a review."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from capuy.accounts.levels import Classification, Role
from capuy.archive import background
from capuy.archive.models import ImportItem, ImportRun
from capuy.documents.models import Direction, Document
from tests.web.archive.conftest import manifest
from tests.web.conftest import Tree, make_user

pytestmark = pytest.mark.django_db(transaction=True)


def _login(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _upload(client: Client, organisation, files: list[tuple[str, bytes]]) -> ImportRun:
    uploads = [SimpleUploadedFile(name, data) for name, data in files]
    response = client.post("/luu-tru/", {"organisation": organisation.pk, "files": uploads})
    assert response.status_code == 302, response.content.decode()[:2000]
    run = ImportRun.objects.get(pk=int(re.search(r"/lan-nhap/(\d+)/", response.url).group(1)))
    thread = background.thread_for(run.pk)
    if thread is not None:
        thread.join(timeout=300)
    run.refresh_from_db()
    return run


def _files(folder: Path, *paths: str) -> list[tuple[str, bytes]]:
    return [(Path(p).name, (folder / p).read_bytes()) for p in paths]


@pytest.fixture
def town_clerk_secret(archive_town: Tree):
    return make_user("vanthu.mat", archive_town.town, Role.CLERK, clearance=Classification.SECRET)


def test_upload_of_several_files_runs_and_reports(
    archive_town: Tree, town_clerk_secret, docx_archive: Path, settings, tmp_path: Path
) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.DATA_DIR = tmp_path
    truth = manifest(docx_archive)
    numbered = [p for p, e in truth.items() if e["expect"] == "imported" and e["format"] == "docx"]
    unnumbered = [p for p, e in truth.items() if e["expect"] == "review" and e["format"] == "docx"]
    chosen = numbered[:3] + unnumbered[:1] + ["Khác/hỏng.pdf"]
    client = _login(town_clerk_secret)
    run = _upload(client, archive_town.town, _files(docx_archive, *chosen))
    assert run.state == ImportRun.State.FINISHED and run.done == run.total == len(chosen)
    assert run.origin == ImportRun.Origin.UPLOAD and run.started_by == town_clerk_secret

    fragment = client.get(f"/luu-tru/lan-nhap/{run.pk}/tien-do/").content.decode()
    assert 'data-count="imported">3<' in fragment
    assert 'data-count="failed">1<' in fragment
    assert 'data-count="review">1<' in fragment or not unnumbered
    assert "hx-trigger" not in fragment, "a finished run stops polling"
    polled = client.get(f"/luu-tru/lan-nhap/{run.pk}/tien-do/", HTTP_HX_REQUEST="true")
    assert polled["HX-Refresh"] == "true", "the page polling a run that ended reloads its table"
    page = client.get(f"/luu-tru/lan-nhap/{run.pk}/").content.decode()
    assert "Tệp PDF hỏng" in page and str(tmp_path) not in page
    broken = run.items.get(status=ImportItem.Status.FAILED)
    assert broken.path == "hỏng.pdf" and broken.reason.startswith("Tệp PDF hỏng")
    assert "hỏng.pdf" not in broken.reason, "the report prints the file beside its reason"
    csv = client.get(f"/luu-tru/lan-nhap/{run.pk}/bao-cao.csv")
    text = csv.content.decode("utf-8-sig")
    assert text.splitlines()[0].startswith("Tệp,Kết quả,Số và ký hiệu")
    assert len(text.splitlines()) == len(chosen) + 1
    for item in run.items.filter(status=ImportItem.Status.IMPORTED):
        assert item.document.created_by == town_clerk_secret
    assert not list((tmp_path / "import-uploads").iterdir()), "the staged upload is removed"


def test_upload_refuses_bad_input_with_a_vietnamese_reason(
    archive_town: Tree, town_clerk_secret, settings, tmp_path: Path
) -> None:
    settings.DATA_DIR = tmp_path
    client = _login(town_clerk_secret)
    response = client.post(
        "/luu-tru/",
        {"organisation": archive_town.town.pk, "files": [SimpleUploadedFile("a.exe", b"MZ..")]},
    )
    assert response.status_code == 200
    assert "không phải định dạng văn bản" in response.content.decode()
    bad = io.BytesIO()
    with zipfile.ZipFile(bad, "w") as archive:
        archive.writestr("../../ngoai.docx", b"x")
    run = _upload(client, archive_town.town, [("kho.zip", bad.getvalue())])
    assert run.state == ImportRun.State.FAILED
    assert "trỏ ra ngoài" in run.message
    assert not run.items.exists() and not Document.objects.exists()
    page = client.get(f"/luu-tru/lan-nhap/{run.pk}/tien-do/").content.decode()
    assert "trỏ ra ngoài" in page


def test_upload_without_a_file_says_so_and_starts_no_run(
    archive_town: Tree, town_clerk_secret, settings, tmp_path: Path
) -> None:
    """Pressing "Tải lên và nhập" before choosing files: the form says what is missing, keeps
    the organisation chosen, and no import run of 0 files appears in the list of runs."""
    settings.DATA_DIR = tmp_path
    client = _login(town_clerk_secret)
    response = client.post("/luu-tru/", {"organisation": archive_town.town.pk})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Hãy chọn ít nhất một tệp." in page
    assert f'value="{archive_town.town.pk}" selected' in page
    assert not ImportRun.objects.exists()


def test_more_files_than_a_request_may_carry_says_how_many_and_to_zip_them(
    archive_town: Tree, town_clerk_secret, settings, tmp_path: Path
) -> None:
    """101 files chosen: Django refuses the request before the form (its 100-file cap), and the
    400 page says the limit and what to do instead of "Dữ liệu gửi lên không hợp lệ."."""
    settings.DATA_DIR = tmp_path
    uploads = [SimpleUploadedFile(f"bc-{n}.txt", b"BAO CAO") for n in range(101)]
    response = _login(town_clerk_secret).post(
        "/luu-tru/", {"organisation": archive_town.town.pk, "files": uploads}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "tối đa 100 tệp" in page and "ZIP" in page and 'href="/luu-tru/"' in page
    assert not ImportRun.objects.exists()


def test_a_run_still_going_keeps_polling_without_reloading(
    archive_town: Tree, town_clerk_secret, tmp_path: Path
) -> None:
    run = ImportRun.objects.create(
        organisation=archive_town.town,
        source=str(tmp_path),
        origin=ImportRun.Origin.UPLOAD,
        started_by=town_clerk_secret,
        total=6,
        done=2,
    )
    client = _login(town_clerk_secret)
    polled = client.get(f"/luu-tru/lan-nhap/{run.pk}/tien-do/", HTTP_HX_REQUEST="true")
    assert "HX-Refresh" not in polled and 'hx-trigger="every 1s"' in polled.content.decode()


@pytest.mark.parametrize(
    ("capacity", "code"), [("T/M ỦY BAN KIỂM TRA", "T/M"), ("TUQ. BAN THƯỜNG VỤ", "TUQ")]
)
def test_review_form_keeps_the_signature_capacity_read(
    archive_town: Tree, town_clerk_secret, tmp_path: Path, capacity: str, code: str
) -> None:
    """The review form of a file read with "T/M ỦY BAN KIỂM TRA" under its signature offers
    T/M, not "Ký trực tiếp" — a clerk who completes only the number would otherwise file the
    document as signed directly. The full stop of "TUQ." is Hướng dẫn 36's own form."""
    run = ImportRun.objects.create(
        organisation=archive_town.town, source=str(tmp_path), started_by=town_clerk_secret
    )
    item = ImportItem.objects.create(
        run=run,
        organisation=archive_town.town,
        path="2008/du-thao.docx",
        sha256="0" * 64,
        status=ImportItem.Status.REVIEW,
        problems=["no-number"],
        metadata={"type_code": "BC", "signer_name": "Đỗ Tâm Hiền", "signer_capacity": capacity},
    )
    form = _login(town_clerk_secret).get(f"/luu-tru/xem-lai/{item.pk}/").content.decode()
    chosen = re.search(r'name="signer_capacity".*?</select>', form, re.S)
    assert chosen is not None and f'<option value="{code}" selected>' in chosen.group(0)


def test_other_units_and_lower_clearance_see_nothing(
    archive_town: Tree, town_clerk_secret, ward_clerk, docx_archive: Path, settings, tmp_path: Path
) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.DATA_DIR = tmp_path
    truth = manifest(docx_archive)
    secret = [p for p, e in truth.items() if e["classification"] and e["expect"] == "imported"]
    ordinary = [p for p, e in truth.items() if not e["classification"] and e["expect"] == "review"]
    assert secret and ordinary, "the synthetic archive has a Mật document and an unnumbered one"
    run = _upload(
        _login(town_clerk_secret), archive_town.town, _files(docx_archive, secret[0], ordinary[0])
    )
    secret_item = run.items.get(classification=Classification.SECRET)
    assert secret_item.document.classification == Classification.SECRET

    ward = _login(ward_clerk)
    assert ward.get(f"/luu-tru/lan-nhap/{run.pk}/").status_code == 404
    assert ward.get(f"/luu-tru/lan-nhap/{run.pk}/bao-cao.csv").status_code == 404
    assert ward.get(f"/luu-tru/xem-lai/{run.items.first().pk}/").status_code == 404
    assert ward.get(f"/luu-tru/tep-goc/{secret_item.pk}/").status_code == 404

    plain = make_user("vanthu.thuong", archive_town.town, Role.CLERK)  # clearance: ordinary
    client = _login(plain)
    page = client.get(f"/luu-tru/lan-nhap/{run.pk}/").content.decode()
    assert Path(secret_item.path).name not in page
    csv = client.get(f"/luu-tru/lan-nhap/{run.pk}/bao-cao.csv").content.decode("utf-8-sig")
    assert Path(secret_item.path).name not in csv
    assert client.get(f"/luu-tru/tep-goc/{secret_item.pk}/").status_code == 404
    assert _login(town_clerk_secret).get(f"/luu-tru/tep-goc/{secret_item.pk}/").status_code == 200


def test_review_files_the_document_and_is_audited(
    archive_town: Tree, town_clerk_secret, docx_archive: Path, settings, tmp_path: Path
) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.DATA_DIR = tmp_path
    truth = manifest(docx_archive)
    unnumbered = [p for p, e in truth.items() if e["expect"] == "review" and e["format"] == "docx"]
    client = _login(town_clerk_secret)
    run = _upload(client, archive_town.town, _files(docx_archive, unnumbered[0]))
    item = run.items.get()
    assert item.status == ImportItem.Status.REVIEW and "no-number" in item.problems

    listing = client.get("/luu-tru/xem-lai/").content.decode()
    assert f"/luu-tru/xem-lai/{item.pk}/" in listing and "không tìm thấy số" in listing
    form = client.get(f"/luu-tru/xem-lai/{item.pk}/").content.decode()
    assert item.metadata["summary"] in form

    body = archive_town.town.bodies.get(kind="btv")
    data = {
        "direction": Direction.OUTGOING,
        "issuing_body": body.pk,
        "type_code": item.metadata["type_code"] or "BC",
        "number": "",
        "issued_on": "26/02/2024",
        "summary": item.metadata["summary"],
        "classification": 0,
    }
    refused = client.post(f"/luu-tru/xem-lai/{item.pk}/", data)
    assert refused.status_code == 200 and "cần số" in refused.content.decode()
    data["number"] = "57"
    response = client.post(f"/luu-tru/xem-lai/{item.pk}/", data)
    assert response.status_code == 302
    item.refresh_from_db()
    document = item.document
    assert item.status == ImportItem.Status.IMPORTED and item.reviewed_by == town_clerk_secret
    assert document.symbol == f"57-{data['type_code']}/TU" and document.direction == "di"
    assert document.attachment.name == item.original.name and document.text == item.text
    for model, pk in ((Document, document.pk), (ImportItem, item.pk)):
        entries = LogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(model), object_pk=str(pk)
        )
        assert entries.filter(actor=town_clerk_secret).exists(), model
    assert f"/luu-tru/xem-lai/{item.pk}/" not in client.get("/luu-tru/xem-lai/").content.decode()
