"""An issuer a scan was read with that names no known body sends the filed document to a person,
however sure Tesseract was (issue 12: a 200-dpi scan filed at 96 % with the issuer "TỈNH ỦY
QUẢNG NGÃI Ổ CHỨ BẠN" and not reviewed). Real DOCX of the synthetic archive, read and extracted,
filed through ``capuy.archive.filing`` into a real database with the issuer line as a scan could
have read it."""

from __future__ import annotations

from pathlib import Path

import pytest

from capuy.archive.models import ImportItem, ImportRun
from tests.web.archive.conftest import manifest
from tests.web.conftest import Tree

CASES = [
    # (issuer as read, OCR confidence, flagged)
    ("TỈNH ỦY QUẢNG NGÃI Ổ CHỨ BẠN", 0.96, True),  # the user's scan: garbage after the name
    ("HUYỆN ỦY BÌNH SƠN ẢNG Ủ", 0.97, True),
    ("ĐẢNG ỦY PHƯỜNG PHỔ HÒA NG", 0.95, True),
    ("TỈNH ỦY QUẢNG NGÃI", 0.96, False),  # an organisation of the register
    ("ĐẢNG ỦY PHƯỜNG PHỔ HÒA", 0.95, False),
    ("ỦY BAN KIỂM TRA TỈNH ỦY QUẢNG NGÃI", 0.96, False),  # a body of one
    ("HUYỆN ỦY BÌNH SƠN", 0.96, False),  # a committee of the vocab with a known place
    ("ĐẢNG ỦY XÃ BÌNH CHÂU", 0.96, False),
    ("BAN TỔ CHỨC TRUNG ƯƠNG", 0.96, False),  # a central body
    ("TỈNH ỦY QUẢNG NGÃI Ổ CHỨ BẠN", None, False),  # typed, not scanned: the author's words
]


@pytest.mark.parametrize(("issuer", "confidence", "flagged"), CASES)
def test_a_scan_with_an_unknown_issuer_goes_to_a_person(
    archive_town: Tree,
    docx_archive: Path,
    settings: object,
    tmp_path: Path,
    issuer: str,
    confidence: float | None,
    flagged: bool,
) -> None:
    from capuy.api import read_document
    from capuy.archive import filing, reading
    from capuy.extract import extract

    settings.MEDIA_ROOT = tmp_path / "media"  # type: ignore[attr-defined]
    truth = manifest(docx_archive)
    relpath = next(
        p
        for p, e in truth.items()
        if e["format"] == "docx" and e["expect"] == "imported" and e.get("direction") == "den"
    )
    path = docx_archive / relpath
    doc = extract(read_document(path))
    meta = {**reading.metadata_of(doc), "issuer": issuer, "superior": ""}
    result = {
        "ok": True,
        "meta": meta,
        "text": reading.text_of(doc),
        "format": doc.format,
        "confidence": confidence,
    }
    run = ImportRun.objects.create(organisation=archive_town.town, source="ocr", origin="cli")
    item = filing.file_result(run, relpath, path, "0" * 64, path.stat().st_size, result)
    assert item.status == ImportItem.Status.IMPORTED and item.document is not None
    assert ("unknown-issuer" in item.problems) is flagged
    assert item.needs_person is flagged
    assert item.document.sender == issuer
