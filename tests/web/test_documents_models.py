"""The register's model and its month appendix, checked against seed 000's own appendix."""

from __future__ import annotations

import csv
import datetime as dt
import io

import docx
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from capuy.accounts.levels import Classification
from capuy.documents.export import appendix_csv, appendix_docx, appendix_rows
from capuy.documents.models import Document, DocumentRelation
from capuy.documents.monthly import (
    group_by_type,
    issued_in_month,
    join_summaries,
    month_bounds,
    vietnamese_sort_key,
)
from capuy.documents.numbering import register_incoming, register_outgoing
from capuy.orgs.models import Body
from capuy.read import read_file
from capuy.text import search_key
from tests.conftest import seed


def seed_appendix_rows() -> list[list[str]]:
    """The appendix table of seed 000 as ``capuy.read`` reads it (page break joined)."""
    document = read_file(seed("000"))
    tables = [b for b in document.blocks if b.kind == "table"]
    return tables[-1].rows


SEED_ROWS = seed_appendix_rows()


def split_joined(text: str) -> list[str]:
    """ "(1) a; (2) b." → ["a", "b"]; a single summary → [itself] (without the full stop)."""
    import re

    parts = re.split(r"(?:^|;\s)\(\d+\)\s", text.rstrip("."))
    return [p for p in parts if p] if text.startswith("(1)") else [text.rstrip(".")]


@pytest.mark.parametrize("row", SEED_ROWS[1:], ids=[r[0] for r in SEED_ROWS[1:]])
def test_join_summaries_rebuilds_each_seed_row(row: list[str]) -> None:
    """Split a seed row into its summaries and join them back: the same text."""
    summaries = split_joined(row[1])
    assert join_summaries(summaries) == row[1]


def test_types_sort_as_the_seed_lists_them() -> None:
    names = [row[0] for row in SEED_ROWS[1:]]
    assert sorted(reversed(names), key=vietnamese_sort_key) == names


@pytest.mark.parametrize(
    ("earlier", "later"),
    [("Báo cáo", "Công văn"), ("Dự thảo", "Đề án"), ("Kế hoạch", "Kết luận"), ("Cà", "Cá")],
)
def test_vietnamese_order(earlier: str, later: str) -> None:
    assert vietnamese_sort_key(earlier) < vietnamese_sort_key(later)


@pytest.mark.parametrize(
    ("year", "month", "first", "last"),
    [
        (2024, 2, dt.date(2024, 2, 1), dt.date(2024, 2, 29)),
        (2023, 12, dt.date(2023, 12, 1), dt.date(2023, 12, 31)),
    ],
)
def test_month_bounds(year: int, month: int, first: dt.date, last: dt.date) -> None:
    assert month_bounds(year, month) == (first, last)


def btv(tree) -> Body:
    return Body.objects.get(organisation=tree.town, kind="btv")


def register_seed_appendix(tree) -> None:
    """Register every summary of seed 000's appendix (in the order of its numbering)."""
    for day, (type_name, joined) in enumerate(SEED_ROWS[1:], start=1):
        code = {
            "Báo cáo": "BC",
            "Công văn": "CV",
            "Đề án": "ĐA",
            "Kế hoạch": "KH",
            "Kết luận": "KL",
            "Quyết định": "QĐ",
            "Thông báo": "TB",
        }[type_name]
        for summary in split_joined(joined):
            register_outgoing(
                issuing_body=btv(tree),
                type_code=code,
                issued_on=dt.date(2024, 2, day),
                summary=summary,
            )


@pytest.mark.django_db
def test_month_appendix_equals_seed_000(tree) -> None:
    register_seed_appendix(tree)
    register_outgoing(
        issuing_body=btv(tree), type_code="BC", issued_on=dt.date(2024, 3, 1), summary="Tháng sau"
    )
    groups = issued_in_month(Document.objects.all(), 2024, 2)
    assert [list(r) for r in appendix_rows(groups)] == SEED_ROWS
    assert sum(len(g.documents) for g in groups) == 4 + 9 + 1 + 4 + 3 + 2 + 1


@pytest.mark.django_db
def test_csv_and_docx_exports_carry_the_seed_table(tree) -> None:
    register_seed_appendix(tree)
    groups = issued_in_month(Document.objects.all(), 2024, 2)
    data = appendix_csv(groups)
    assert data.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows == SEED_ROWS

    word = docx.Document(
        io.BytesIO(
            appendix_docx(
                groups,
                2,
                2024,
                note="(kèm theo Báo cáo số 708-BC/TU ngày 26/02/2024 của Ban Thường vụ Thị ủy)",
            )
        )
    )
    texts = [p.text for p in word.paragraphs]
    assert texts[:3] == [
        "PHỤ LỤC",
        "một số văn bản quan trọng ban hành trong tháng 02/2024",
        "(kèm theo Báo cáo số 708-BC/TU ngày 26/02/2024 của Ban Thường vụ Thị ủy)",
    ]
    table = word.tables[0]
    assert [[c.text for c in row.cells] for row in table.rows] == SEED_ROWS
    run = table.rows[1].cells[1].paragraphs[0].runs[0]
    assert run.font.name == "Times New Roman"


@pytest.mark.django_db
def test_group_by_type_orders_documents_by_number(tree) -> None:
    body = btv(tree)
    late = register_outgoing(
        issuing_body=body, type_code="KH", issued_on=dt.date(2024, 2, 1), summary="A"
    )
    early = register_outgoing(
        issuing_body=body, type_code="KH", issued_on=dt.date(2024, 2, 2), summary="B"
    )
    groups = group_by_type([early, late])
    assert [d.summary for d in groups[0].documents] == ["A", "B"]
    assert groups[0].joined_summary == "(1) A; (2) B."


@pytest.mark.django_db
def test_document_properties(tree) -> None:
    doc = register_outgoing(
        issuing_body=btv(tree),
        type_code="BC",
        issued_on=dt.date(2024, 2, 26),
        summary="Công tác tháng 02, nhiệm vụ trọng tâm tháng 3 năm 2024",
        signer_capacity="T/M",
        signer_title="BÍ THƯ",
        signer_name="Đỗ Tâm Hiền",
        recipients="- Thường trực Tỉnh ủy,\n- Ủy ban Kiểm tra Tỉnh ủy,\n- Lưu Văn phòng Thị ủy.",
        classification=Classification.SECRET,
    )
    assert doc.type_name == "Báo cáo"
    assert doc.signature_line == "T/M BAN THƯỜNG VỤ / BÍ THƯ / Đỗ Tâm Hiền"
    assert doc.recipient_list == [
        "Thường trực Tỉnh ủy",
        "Ủy ban Kiểm tra Tỉnh ủy",
        "Lưu Văn phòng Thị ủy",
    ]
    assert doc.is_secret
    assert search_key("nhiem vu trong tam") in doc.search_text
    assert search_key("Đỗ Tâm Hiền") in doc.search_text


@pytest.mark.django_db
def test_relations_and_incoming(tree) -> None:
    incoming = register_incoming(
        organisation=tree.town,
        sender="Ban Tổ chức Tỉnh ủy",
        symbol="5169-CV/BTCTU",
        type_code="CV",
        issued_on=dt.date(2024, 2, 5),
        received_on=dt.date(2024, 2, 6),
        summary="Công văn của Ban Tổ chức Tỉnh ủy",
    )
    answer = register_outgoing(
        issuing_body=btv(tree),
        type_code="CV",
        issued_on=dt.date(2024, 2, 20),
        summary="Phúc đáp Công văn số 5169-CV/BTCTU ngày 05/02/2024 của Ban Tổ chức Tỉnh ủy",
    )
    DocumentRelation.objects.create(source=answer, target=incoming, kind="answers")
    assert str(answer.relations_out.get()) == "01-CV/TU trả lời, phúc đáp 5169-CV/BTCTU"
    assert incoming.number is None and incoming.direction == "den"


# --- attachments ----------------------------------------------------------------------------


def make_docx(text: str) -> bytes:
    document = docx.Document()
    document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


SEED_LINE = "Tiếp tục chỉ đạo thực hiện các nhiệm vụ trên các lĩnh vực kinh tế - xã hội, quốc phòng, an ninh"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("bao-cao.exe", b"MZ\x90\x00", "Chỉ nhận tệp DOCX hoặc PDF"),
        ("bao-cao.pdf", b"PK\x03\x04 not a pdf", "Nội dung tệp không phải PDF"),
        ("bao-cao.docx", b"%PDF-1.7 not a docx", "Nội dung tệp không phải DOCX"),
        ("bao-cao.docx", b"", "Tệp đính kèm rỗng"),
        ("bao-cao.docx", b"PK\x03\x04broken zip", "Tệp DOCX bị hỏng"),
    ],
)
def test_bad_attachments_are_refused(name: str, content: bytes, message: str) -> None:
    from django.core.exceptions import ValidationError

    from capuy.documents.attachments import validate_attachment

    upload = SimpleUploadedFile(name, content)
    with pytest.raises(ValidationError) as refused:
        validate_attachment(upload, name, len(content))
    assert message in refused.value.messages[0]


def test_too_large_attachment_is_refused(settings) -> None:
    from django.core.exceptions import ValidationError

    from capuy.documents.attachments import validate_attachment

    settings.CAPUY_ATTACHMENT_MAX_BYTES = 1024 * 1024
    data = make_docx(SEED_LINE * 2)
    upload = SimpleUploadedFile("lon.docx", data)
    with pytest.raises(ValidationError) as refused:
        validate_attachment(upload, "lon.docx", 3 * 1024 * 1024)
    assert "Tệp quá lớn: 3,0 MB, tối đa 1 MB" in refused.value.messages[0]


def test_docx_attachment_text_is_extracted() -> None:
    from capuy.documents.attachments import extract_text, validate_attachment

    data = make_docx(SEED_LINE)
    upload = SimpleUploadedFile("bao-cao.docx", data)
    validate_attachment(upload, "bao-cao.docx", len(data))
    assert SEED_LINE in extract_text(upload, "bao-cao.docx")


@pytest.mark.pdf
def test_pdf_attachment_text_is_extracted(tmp_path) -> None:
    from capuy.documents.attachments import extract_text, validate_attachment
    from capuy.render import docx_to_pdf

    source = tmp_path / "bao-cao.docx"
    source.write_bytes(make_docx(SEED_LINE))
    pdf = docx_to_pdf(source, tmp_path / "bao-cao.pdf").read_bytes()
    upload = SimpleUploadedFile("bao-cao.pdf", pdf)
    validate_attachment(upload, "bao-cao.pdf", len(pdf))
    assert search_key(SEED_LINE) in search_key(
        " ".join(extract_text(upload, "bao-cao.pdf").split())
    )


@pytest.mark.parametrize(
    ("summaries", "joined"),
    [
        # a summary typed on two lines keeps both, on one line, with no stranded ";"
        (["Về công tác tuyển quân năm 2024;\nvề công tác giao, nhận quân"],
         "Về công tác tuyển quân năm 2024; về công tác giao, nhận quân."),
        (["Tổ chức Hội nghị\n  sơ kết 6 tháng", "Công tác tháng 02"],
         "(1) Tổ chức Hội nghị sơ kết 6 tháng; (2) Công tác tháng 02."),
    ],
)  # fmt: skip
def test_join_summaries_keeps_a_multiline_summary_whole(summaries: list[str], joined: str) -> None:
    assert join_summaries(summaries) == joined
    assert "\n" not in join_summaries(summaries)
