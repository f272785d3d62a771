"""``capuy check draft.docx --annotate out.docx`` (issue 11): the findings become Word comments
anchored at their excerpts, and nothing else in the file changes — every part of the package
but the comment-bearing ones is byte-identical, and the text read back is the same."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from typer.testing import CliRunner

from capuy.api import check_files, find_seeds_dir
from capuy.cli import app
from capuy.render.comments import TOUCHED, anchors

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def seed_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Seed 000 (a real report) laid out as DOCX by capuy itself."""
    out = tmp_path_factory.mktemp("annotate") / "bao-cao.docx"
    seed = sorted(find_seeds_dir().glob("000_*"))[0]
    result = CliRunner().invoke(app, ["convert", str(seed), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


def _text(data: bytes) -> list[str]:
    document = docx.Document(io.BytesIO(data))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    return [p.text for p in document.paragraphs] + cells


def test_annotate_puts_each_finding_at_its_excerpt_and_changes_nothing_else(
    seed_docx: Path, tmp_path: Path
) -> None:
    out = tmp_path / "kem-nhan-xet.docx"
    result = CliRunner().invoke(app, ["check", str(seed_docx), "--annotate", str(out)])
    assert result.exit_code == 0, result.output
    findings = check_files([seed_docx])
    assert len(findings) >= 5
    assert f"Đã ghi {len(findings)} nhận xét" in result.output

    original, annotated = seed_docx.read_bytes(), out.read_bytes()
    with zipfile.ZipFile(io.BytesIO(original)) as a, zipfile.ZipFile(io.BytesIO(annotated)) as b:
        assert set(a.namelist()) <= set(b.namelist())
        assert set(b.namelist()) - set(a.namelist()) == {"word/comments.xml"}
        for name in a.namelist():
            if name not in TOUCHED:
                assert a.read(name) == b.read(name), name  # byte for byte
    assert _text(original) == _text(annotated)  # the text read back is the same

    comments = anchors(annotated)
    assert len(comments) == len(findings)
    for finding, (comment, anchored) in zip(findings, comments, strict=True):
        assert finding.message in comment and f"[{finding.rule}]" in comment
        core = " ".join(finding.excerpt.strip("…").split())
        # the comment is on the excerpt (or, for one crossing two cells, its longer part)
        assert anchored and (anchored in core or core in anchored), (anchored, core)
    doubled = next(c for c in comments if "“thực hiện thực hiện”" in c[0])
    assert "thực hiện thực hiện" in doubled[1]


@pytest.mark.parametrize("args", [["a.md"], ["a.docx", "b.docx"]])
def test_annotate_needs_exactly_one_docx(args: list[str], tmp_path: Path, seed_docx: Path) -> None:
    files = []
    for name in args:
        path = tmp_path / name
        path.write_bytes(seed_docx.read_bytes() if name.endswith(".docx") else b"# A\n\nB.\n")
        files.append(str(path))
    result = CliRunner().invoke(app, ["check", *files, "--annotate", str(tmp_path / "o.docx")])
    assert result.exit_code != 0 and "chỉ dùng với đúng một tệp .docx" in result.output
    assert not (tmp_path / "o.docx").exists()


def test_a_file_that_has_comments_keeps_them(seed_docx: Path, tmp_path: Path) -> None:
    from capuy.render.comments import annotate

    findings = check_files([seed_docx])
    once = annotate(seed_docx.read_bytes(), findings[:2])
    twice = annotate(once, findings[2:4])
    texts = [c for c, _ in anchors(twice)]
    assert len(texts) == 4 and texts[:2] == [c for c, _ in anchors(once)]
