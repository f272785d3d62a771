"""Edit in Word (issue 11): the draft downloads as DOCX with the checker's findings as Word
comments at their excerpts; a DOCX uploaded back becomes the next version (read with capuy's
DOCX reader, written back as the authoring text); a bad file is refused in Vietnamese and
nothing is lost."""

from __future__ import annotations

import pytest
from django.urls import reverse

from capuy.accounts.levels import Role
from capuy.render.comments import anchors
from capuy.reports import workflow
from tests.web.conftest import make_user

pytestmark = pytest.mark.django_db

DUPLICATE = "Tiếp tục thực hiện thực hiện các nhiệm vụ đã đề ra."


@pytest.fixture
def specialist(tree):  # type: ignore[no-untyped-def]
    return make_user("chuyenvien", tree.town, Role.SPECIALIST)


@pytest.fixture
def report(tree, specialist):  # type: ignore[no-untyped-def]
    return workflow.create_report(tree.town, "monthly", "2024-02", specialist)


def _login(client, user) -> None:  # type: ignore[no-untyped-def]
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")


def test_draft_docx_carries_the_findings_as_comments(client, report, specialist) -> None:  # type: ignore[no-untyped-def]
    body = report.body.replace("cụ thể:", f"cụ thể: {DUPLICATE}", 1)
    workflow.save_text(report, body, specialist)
    _login(client, specialist)
    response = client.get(reverse("reports:docx_commented", args=[report.pk]))
    assert response.status_code == 200
    assert "kem-y-kien-kiem-tra.docx" in response["Content-Disposition"]
    comments = anchors(response.content)
    assert len(comments) == len(report.findings) >= 1
    doubled = [c for c in comments if "[duplicate.word]" in c[0]]
    assert doubled and "thực hiện thực hiện" in doubled[0][1]
    page = client.get(reverse("reports:detail", args=[report.pk])).content.decode()
    assert reverse("reports:docx_commented", args=[report.pk]) in page


def _same(a, b):  # type: ignore[no-untyped-def]
    """The parts of two documents a reader of the report sees."""

    def view(d):  # type: ignore[no-untyped-def]
        h = d.header
        return {
            "header": (
                h.superior,
                h.issuer,
                h.number,
                h.symbol,
                h.place,
                h.date,
                h.kind,
                h.summary,
                h.draft,
            ),
            "signature": (d.signature.capacity, d.signature.title, d.signature.name)
            if d.signature
            else None,
            "recipients": [r.rstrip(",;.") for r in d.recipients],
            "blocks": [
                (
                    x.kind,
                    x.text,
                    x.label,
                    x.level,
                    x.rows,
                    sorted(x.emphasis),
                    [(f.label, f.offset) for f in x.footnote_refs],
                )
                for x in d.blocks
            ],
            "footnotes": [(f.label, f.text) for f in d.footnotes],
            "appendices": [
                (x.title, x.caption, x.note, [t.rows for t in x.tables]) for x in d.appendices
            ],
        }

    va, vb = view(a), view(b)
    for key in va:
        assert va[key] == vb[key], key


@pytest.mark.parametrize(("kind", "period"), [("monthly", "2024-02"), ("quarterly", "2024-Q1")])
def test_word_round_trip_unchanged_gives_the_same_document(
    client, tree, specialist, kind, period
) -> None:  # type: ignore[no-untyped-def]
    from django.core.files.uploadedfile import SimpleUploadedFile

    from capuy.reports.output import parse

    report = workflow.create_report(tree.town, kind, period, specialist)
    _login(client, specialist)
    data = client.get(reverse("reports:docx_commented", args=[report.pk])).content
    upload = SimpleUploadedFile("bao-cao.docx", data)
    response = client.post(
        reverse("reports:upload_docx", args=[report.pk]), {"tep": upload}, follow=True
    )
    assert "Đã nhận bản Word thành phiên bản 2" in response.content.decode()
    report.refresh_from_db()
    first = report.versions.get(number=1).body
    _same(parse(first), parse(report.body))
    assert report.versions.get(number=2).source == "word"
    assert report.body.split("\n---", 1)[0] == first.split("\n---", 1)[0]  # as written


def _zip_bomb() -> bytes:
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document>" + "<w:p/>" * 12_000_000 + "</w:document>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "data", "says"),
    [
        ("bao-cao.pdf", b"%PDF-1.4\n", "Chỉ nhận tệp Word (.docx)"),
        ("bao-cao.docx", b"not a zip at all", "không phải DOCX"),
        ("bao-cao.docx", b"PK\x03\x04broken", "hỏng"),
        ("bao-cao.docx", "zip-bomb", "bom nén"),
    ],
)
def test_a_bad_file_is_refused_in_vietnamese_and_nothing_is_lost(
    client, report, specialist, name, data, says
) -> None:  # type: ignore[no-untyped-def]
    from django.core.files.uploadedfile import SimpleUploadedFile

    before = (report.body, report.versions.count())
    _login(client, specialist)
    content = _zip_bomb() if data == "zip-bomb" else data
    response = client.post(
        reverse("reports:upload_docx", args=[report.pk]),
        {"tep": SimpleUploadedFile(name, content)},
        follow=True,
    )
    page = response.content.decode()
    assert "Không nhận tệp Word:" in page and says in page and "Báo cáo giữ nguyên." in page
    report.refresh_from_db()
    assert (report.body, report.versions.count()) == before


def test_a_word_edit_becomes_the_next_version_with_its_diff(client, report, specialist) -> None:  # type: ignore[no-untyped-def]
    import io

    import docx
    from django.core.files.uploadedfile import SimpleUploadedFile

    _login(client, specialist)
    data = client.get(reverse("reports:docx_commented", args=[report.pk])).content
    document = docx.Document(io.BytesIO(data))
    paragraph = next(p for p in document.paragraphs if "cụ thể:" in p.text)
    run = next(r for r in paragraph.runs if "cụ thể:" in r.text)
    run.text = run.text.replace("cụ thể:", "cụ thể như sau:")
    out = io.BytesIO()
    document.save(out)
    client.post(
        reverse("reports:upload_docx", args=[report.pk]),
        {"tep": SimpleUploadedFile("sua.docx", out.getvalue())},
    )
    report.refresh_from_db()
    assert "cụ thể như sau:" in report.body and report.versions.count() == 2
    page = client.get(reverse("reports:versions", args=[report.pk])).content.decode()
    assert "<ins> như sau</ins>" in page and "Tải lên từ Word" in page
