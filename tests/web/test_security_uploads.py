"""The upload corpus: hostile files generated here (nothing big is committed), each sent
through the register's real form, with its expected outcome.

| file | expected |
|---|---|
| DOCX whose document.xml inflates to 300.000 paragraphs (the probe: 1.000.000, 76 s, 1,6 GB) | refused before parsing: "bom nén" |
| DOCX holding a 210 MB image of zeros (the probe: a 1 GB image) | refused before parsing: "bom nén" |
| DOCX with a zip entry named ``../../etc/cron.d/x`` | refused: unsafe path |
| DOCX with an external entity (XXE) on /etc/passwd | registered or refused, never the file's content |
| DOCX with nested entities (billion laughs) | registered or refused in bounded time, no expansion |
| Windows executable renamed .docx / .pdf | refused: content is not DOCX/PDF |
| attachment named ``../../../etc/passwd.docx`` | stored under the media folder with a plain name |
| PDF with JavaScript (``/OpenAction`` → ``/JavaScript``) | refused: "mã hoặc lệnh tự chạy" |
| PDF with a ``/Launch`` action on a page link | refused |
| PDF encrypted with a password | refused: "mã hóa" |
| DOCX encrypted by Word (an OLE compound file) | refused |

A refusal shows a Vietnamese message on the form, no number is taken, and no message names a
server path. The LibreOffice-made PDF of a real report goes through (tests/web/
test_documents_models.py), so the checks are not simply refusing every PDF.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import docx
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from pypdf import PdfWriter
from pypdf.generic import DictionaryObject, NameObject, TextStringObject

from capuy.documents.models import Document
from tests.web.test_documents_views import form_data, logged_in, register  # noqa: F401 (fixture)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("register")]


def _word() -> bytes:
    word = docx.Document()
    word.add_paragraph("Về công tác cán bộ đoàn các cấp trên địa bàn thị xã")
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


def _replace_parts(
    base: bytes, parts: dict[str, bytes], extra: dict[str, int] | None = None
) -> bytes:
    """``base`` with some parts replaced, and ``extra`` parts of N zero bytes streamed in."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(base)) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            dst.writestr(info.filename, parts.pop(info.filename, None) or src.read(info.filename))
        for name, data in parts.items():
            dst.writestr(name, data)
        for name, size in (extra or {}).items():
            with dst.open(name, "w", force_zip64=True) as handle:
                chunk = bytes(1024 * 1024)
                for _ in range(size // len(chunk)):
                    handle.write(chunk)
    return out.getvalue()


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _document_xml(body: str, doctype: str = "") -> bytes:
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{doctype}'
        f"<w:document {W}><w:body>{body}</w:body></w:document>"
    ).encode()


def paragraph_bomb() -> bytes:
    body = "<w:p><w:r><w:t>x</w:t></w:r></w:p>" * 300_000
    return _replace_parts(_word(), {"word/document.xml": _document_xml(body)})


def image_bomb() -> bytes:
    return _replace_parts(_word(), {}, extra={"word/media/image1.png": 210 * 1024 * 1024})


def traversal_entry() -> bytes:
    return _replace_parts(_word(), {"../../etc/cron.d/x": b"* * * * * root true\n"})


def xxe() -> bytes:
    doctype = '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    body = "<w:p><w:r><w:t>Nội dung &xxe; hết</w:t></w:r></w:p>"
    return _replace_parts(_word(), {"word/document.xml": _document_xml(body, doctype)})


def billion_laughs() -> bytes:
    entities = '<!ENTITY l0 "cuoi">' + "".join(
        f'<!ENTITY l{i} "{("&l" + str(i - 1) + ";") * 10}">' for i in range(1, 10)
    )
    body = "<w:p><w:r><w:t>&l9;</w:t></w:r></w:p>"
    return _replace_parts(
        _word(), {"word/document.xml": _document_xml(body, f"<!DOCTYPE w:document [{entities}]>")}
    )


EXECUTABLE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + bytes(200)


def _pdf(configure: Any) -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    configure(writer)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def pdf_javascript() -> bytes:
    def javascript(writer: PdfWriter) -> None:
        action = DictionaryObject(
            {
                NameObject("/S"): NameObject("/JavaScript"),
                NameObject("/JS"): TextStringObject("app.alert('capuy');"),
            }
        )
        writer._root_object[NameObject("/OpenAction")] = writer._add_object(action)

    return _pdf(javascript)


def pdf_launch() -> bytes:
    def launch(writer: PdfWriter) -> None:
        action = DictionaryObject(
            {
                NameObject("/S"): NameObject("/Launch"),
                NameObject("/F"): TextStringObject("cmd.exe"),
            }
        )
        writer._root_object[NameObject("/OpenAction")] = writer._add_object(action)

    return _pdf(launch)


def pdf_encrypted() -> bytes:
    return _pdf(lambda w: w.encrypt("mat-khau-rieng", algorithm="RC4-128"))


OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1024)

CORPUS: list[tuple[str, Any, str, str]] = [
    # id, builder, uploaded name, expected: "refused:<words>" or "accepted"
    ("paragraph-bomb", paragraph_bomb, "bao-cao.docx", "refused:bom nén"),
    ("image-bomb", image_bomb, "bao-cao.docx", "refused:bom nén"),
    ("zip-path-traversal", traversal_entry, "bao-cao.docx", "refused:đường dẫn không hợp lệ"),
    ("xxe", xxe, "bao-cao.docx", "either"),
    ("billion-laughs", billion_laughs, "bao-cao.docx", "either"),
    ("exe-as-docx", lambda: EXECUTABLE, "bao-cao.docx", "refused:không phải DOCX"),
    ("exe-as-pdf", lambda: EXECUTABLE, "bao-cao.pdf", "refused:không phải PDF"),
    ("pdf-javascript", pdf_javascript, "bao-cao.pdf", "refused:lệnh tự chạy"),
    ("pdf-launch", pdf_launch, "bao-cao.pdf", "refused:lệnh tự chạy"),
    ("pdf-encrypted", pdf_encrypted, "bao-cao.pdf", "refused:mã hóa"),
    ("docx-encrypted", lambda: OLE, "bao-cao.docx", "refused:không phải DOCX"),
]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("builder", "name", "expected"), [c[1:] for c in CORPUS], ids=[c[0] for c in CORPUS]
)
def test_hostile_upload(town_clerk, tree, settings, tmp_path, builder, name, expected) -> None:
    settings.MEDIA_ROOT = tmp_path
    data = builder()
    response = logged_in(town_clerk).post(
        "/van-ban/vao-so/di/", form_data(tree, attachment=SimpleUploadedFile(name, data))
    )
    page = response.content.decode()
    for secret in ("root:x", "/tmp/", "capuy-attach", str(tmp_path), "Traceback"):
        assert secret not in page, secret
    registered = Document.objects.filter(symbol="02-KH/TU").first()
    if expected.startswith("refused:"):
        assert response.status_code == 200 and registered is None
        assert expected.split(":", 1)[1] in page, page[page.find("errorlist") - 200 :][:600]
        assert not any(tmp_path.rglob("*.docx")) and not any(tmp_path.rglob("*.pdf"))
        return
    assert response.status_code in (200, 302)
    if registered is not None:
        assert "root:x" not in registered.text
        assert len(registered.text) < 10_000  # no entity expansion


def test_an_attachment_name_cannot_leave_the_media_folder(
    town_clerk,
    tree,
    settings,
    tmp_path,
) -> None:
    settings.MEDIA_ROOT = tmp_path / "files"
    upload = SimpleUploadedFile("../../../etc/passwd.docx", _word())
    client: Client = logged_in(town_clerk)
    response = client.post("/van-ban/vao-so/di/", form_data(tree, attachment=upload))
    assert response.status_code == 302
    stored = Document.objects.get(symbol="02-KH/TU").attachment
    path = Path(stored.path).resolve()
    assert path.is_relative_to((tmp_path / "files").resolve())
    assert ".." not in stored.name and not (tmp_path / "etc").exists()
