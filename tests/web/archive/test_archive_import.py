"""Importing a synthetic archive into a real database: what is filed, where, and only once."""

from __future__ import annotations

import datetime as dt
import hashlib
import zipfile
from pathlib import Path

import pytest
from django.core.files.storage import default_storage

from capuy.archive.models import ImportItem, ImportRun
from capuy.archive.runner import run_import
from capuy.documents.models import Direction, Document, NumberCounter
from capuy.documents.numbering import peek_next_number
from capuy.orgs.models import Body
from capuy.text import search_key
from tests.web.archive.conftest import manifest
from tests.web.conftest import Tree

READ_TODAY = {"docx", "txt", "pdf", "xlsx", "json"}
"""Formats the reader layer reads on main today; the others (.doc, .odt, scans, photos, legacy
fonts) come with the readers' half of issue 12 and are checked by what they produce."""


def _check_filed(item: ImportItem, truth: dict) -> None:
    """A filed document carries the true symbol, date, type, direction and classification."""
    document = item.document
    assert document is not None
    assert document.symbol.replace("/", "-") == truth["symbol"].replace("/", "-")
    assert document.issued_on == dt.date.fromisoformat(truth["date"])
    assert document.type_code == truth["type_code"]
    assert document.direction == truth["direction"]
    assert document.classification == truth["classification"]
    assert document.summary and search_key(document.summary) in document.search_text
    with default_storage.open(item.original.name, "rb") as handle:
        assert hashlib.sha256(handle.read()).hexdigest() == item.sha256
    assert document.attachment.name == item.original.name


@pytest.mark.pdf
def test_small_archive_is_filed_by_what_each_file_is(
    archive_town: Tree, small_archive: Path, settings, tmp_path: Path
) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"
    truth = manifest(small_archive)
    run = run_import(archive_town.town, small_archive, jobs=1)
    items = {item.path: item for item in run.items.all()}
    assert set(items) == set(truth), "every file of the folder has one line in the report"
    for path, entry in truth.items():
        item = items[path]
        if entry["format"] in READ_TODAY or item.status == ImportItem.Status.IMPORTED:
            assert item.status == entry["expect"], (path, item.status, item.reason)
        else:
            assert item.status in {"failed", "review"} and item.reason, (path, item.status)
        if item.status == ImportItem.Status.IMPORTED:
            _check_filed(item, entry)
        if item.status == ImportItem.Status.FAILED:
            assert str(small_archive) not in item.reason, "no server path in the report"
    assert run.state == ImportRun.State.FINISHED
    imported = [i for i in items.values() if i.status == ImportItem.Status.IMPORTED]
    assert len(imported) >= 1
    assert Document.objects.filter(import_items__run=run).distinct().count() == len(imported)


@pytest.mark.pdf
def test_second_import_of_the_same_folder_adds_nothing(
    archive_town: Tree, small_archive: Path, settings, tmp_path: Path
) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"
    run_import(archive_town.town, small_archive, jobs=1)
    documents = Document.objects.count()
    review = ImportItem.objects.filter(status=ImportItem.Status.REVIEW).count()
    again = run_import(archive_town.town, small_archive, jobs=1)
    assert again.pk != ImportRun.objects.order_by("pk").first().pk
    assert Document.objects.count() == documents
    statuses = set(again.items.values_list("status", flat=True))
    assert statuses <= {"duplicate", "failed", "skipped"}
    assert ImportItem.objects.filter(status=ImportItem.Status.REVIEW).count() == review


def test_outgoing_keeps_its_number_and_moves_the_counter(
    archive_town: Tree, docx_archive: Path, settings, tmp_path: Path
) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"
    truth = manifest(docx_archive)
    run_import(archive_town.town, docx_archive, jobs=1)
    filed = ImportItem.objects.filter(status=ImportItem.Status.IMPORTED).select_related(
        "document__issuing_body"
    )
    outgoing = [i for i in filed if i.document.direction == Direction.OUTGOING]
    incoming = [i for i in filed if i.document.direction == Direction.INCOMING]
    assert outgoing and incoming
    for item in filed:
        _check_filed(item, truth[item.path])
    for item in outgoing:
        document = item.document
        assert document.issuing_body.organisation == archive_town.town
        assert document.symbol.endswith("/" + document.issuing_body.code)
        assert document.number == int(truth[item.path]["symbol"].split("-")[0])
        counter = NumberCounter.objects.get(
            organisation=archive_town.town,
            symbol_code=document.symbol_code,
            type_code=document.type_code,
            term=document.term,
        )
        assert counter.last_number >= document.number
    for item in incoming:
        assert item.document.sender == truth[item.path]["issuer"]
    # the clerk's next number after the newest imported one in that series
    latest = max(outgoing, key=lambda i: i.document.number).document
    number, _ = peek_next_number(latest.issuing_body, latest.type_code, latest.issued_on)
    top = (
        Document.objects.filter(
            organisation=archive_town.town,
            symbol_code=latest.symbol_code,
            type_code=latest.type_code,
            term=latest.term,
        )
        .order_by("-number")
        .first()
    )
    assert number == top.number + 1


def test_copies_and_resaves_are_duplicates(
    archive_town: Tree, docx_archive: Path, settings, tmp_path: Path
) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"
    run = run_import(archive_town.town, docx_archive, jobs=1)
    copy = run.items.get(path__startswith="Bản sao/", path__endswith=").docx")
    same_bytes = run.items.exclude(pk=copy.pk).get(path__startswith="Bản sao/")
    assert same_bytes.status == copy.status == ImportItem.Status.DUPLICATE
    assert same_bytes.duplicate_of is not None and same_bytes.duplicate_of.document is not None
    assert copy.document == same_bytes.duplicate_of.document  # by symbol, issuer and date
    assert copy.sha256 != same_bytes.sha256


def test_old_outgoing_waits_for_its_term_then_files_without_reading(
    tree: Tree, docx_archive: Path, settings, tmp_path: Path
) -> None:
    """Without khóa XVIII–XX an outgoing document of 2008 cannot be numbered in the register:
    it waits on the review page; once the terms are declared, importing again files it."""
    from tests.web.archive.conftest import add_old_terms

    settings.MEDIA_ROOT = tmp_path / "media"
    Body.objects.create(organisation=tree.town, kind="ban_to_chuc", name="Ban Tổ chức Thị ủy")
    run_import(tree.town, docx_archive, jobs=1)
    waiting = ImportItem.objects.filter(status=ImportItem.Status.REVIEW)
    waiting_paths = {i.path for i in waiting if i.problems == ["no-term"]}
    assert waiting_paths
    # the reason the review page shows says where the terms are declared
    reasons = {i.reason for i in waiting if i.problems == ["no-term"]}
    assert all("quản trị › Tổ chức đảng" in r and "Nhiệm kỳ" in r for r in reasons), reasons
    before = Document.objects.count()
    add_old_terms(tree)
    run_import(tree.town, docx_archive, jobs=1)
    filed = ImportItem.objects.filter(path__in=waiting_paths, status=ImportItem.Status.IMPORTED)
    assert filed.count() == len(waiting_paths)
    assert Document.objects.count() == before + len(waiting_paths)


def test_zip_gives_the_same_result_as_the_folder(
    archive_town: Tree, docx_archive: Path, settings, tmp_path: Path
) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.DATA_DIR = tmp_path
    bundle = tmp_path / "kho.zip"
    with zipfile.ZipFile(bundle, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(docx_archive.rglob("*")):
            if path.is_file():
                archive.write(path, path.relative_to(docx_archive).as_posix())
    run = run_import(archive_town.town, bundle, jobs=1)
    truth = manifest(docx_archive)
    statuses = dict(run.items.values_list("path", "status"))
    assert statuses == {path: entry["expect"] for path, entry in truth.items()}
    assert not list((tmp_path / "tmp").iterdir()), "the unpacked copy is removed"


def test_process_pool_files_the_same_as_one_process(
    archive_town: Tree, docx_archive: Path, settings, tmp_path: Path
) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"
    run = run_import(archive_town.town, docx_archive, jobs=2)
    truth = manifest(docx_archive)
    statuses = dict(run.items.values_list("path", "status"))
    assert statuses == {path: entry["expect"] for path, entry in truth.items()}


def test_low_ocr_confidence_files_the_document_and_flags_it(
    archive_town: Tree, docx_archive: Path, settings, tmp_path: Path
) -> None:
    """A reader that reports per-block confidence (``Block.confidence``, as the OCR reader is
    asked to) below 80 % gets the document filed and listed for review; above, not listed."""
    from capuy.api import read_document
    from capuy.archive import filing, reading, report
    from capuy.extract import extract

    settings.MEDIA_ROOT = tmp_path / "media"
    truth = manifest(docx_archive)
    paths = [p for p, e in truth.items() if e["format"] == "docx" and e["expect"] == "imported"]
    run = ImportRun.objects.create(organisation=archive_town.town, source="ocr", origin="cli")
    for relpath, level in zip(paths[:2], (0.62, 0.97), strict=True):
        path = docx_archive / relpath
        doc = extract(read_document(path))
        for block in doc.blocks:
            block.confidence = level  # type: ignore[attr-defined]
        result = {
            "ok": True,
            "meta": reading.metadata_of(doc),
            "text": reading.text_of(doc),
            "format": doc.format,
            "confidence": reading.ocr_confidence(doc),
        }
        sha = filing.sha256_of(path)
        item = filing.file_result(run, relpath, path, sha, path.stat().st_size, result)
        assert item.status == ImportItem.Status.IMPORTED and item.document is not None
        assert item.ocr_confidence == pytest.approx(level)
        assert item.low_confidence is (level < reading.LOW_CONFIDENCE)
        assert item.needs_person is (level < reading.LOW_CONFIDENCE)
        # printed the project's way (a space before the sign) in the report and its CSV
        label = {0.62: "62,0%", 0.97: "97,0%"}[level]
        assert report.confidence_label(item.ocr_confidence) == label
        assert label in report.row_of(item)
