"""The one place that runs the stages in order: load, extract, check, render.

Each core package is one stage and knows nothing of the others' work: ``capuy.read`` turns a
file into a ``Document``, ``capuy.extract`` fills its structure, ``capuy.check`` proofreads an
extracted document, ``capuy.render`` lays a document out. Whatever chains them — the command
line, the web app (reports, documents), the benchmarks — calls this module, so "read a file
for a command", "the checker's size limit" and "check a text as if it were a file on disk"
are each written once. Pure: no Django.
"""

from __future__ import annotations

import logging
import os
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from capuy.check import CheckConfig, check
from capuy.check.engine import MAX_CHECK_CHARS
from capuy.errors import InputError
from capuy.extract import extract
from capuy.model import Document, Finding
from capuy.read import read_file
from capuy.read.limits import check_length
from capuy.read.markdown import parse_authoring
from capuy.render import layout_document, render_docx
from capuy.render.pdf import PdfConverter, docx_to_pdf

__all__ = [
    "check_documents",
    "check_files",
    "check_text",
    "convert_file",
    "ensure_extracted",
    "extract_file",
    "find_seeds_dir",
    "load_documents",
    "parse_markdown",
    "read_document",
    "render_markdown_file",
]

REPO = Path(__file__).resolve().parents[1]


# --- load ----------------------------------------------------------------------------------


def read_document(path: str | Path) -> Document:
    """``capuy.read.read_file`` for a command: a directory is named as such (the reader would
    say "not found") and libraries print nothing beside the one-line ``InputError``."""
    if Path(path).is_dir():
        raise InputError(
            f"{path} là một thư mục, không phải tệp: hãy ghi tên tệp (ví dụ {path}/*.docx)",
            f"{path} is a directory, not a file: name the files (e.g. {path}/*.docx)",
        )
    with _library_warnings_silenced():
        return read_file(path)


@contextmanager
def _library_warnings_silenced() -> Iterator[None]:
    """pypdf logs what it repairs ("EOF marker not found") to stderr before the reader raises
    its own one-line error; the command must print that one line only."""
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def parse_markdown(text: str, source: str = "<md>") -> Document:
    """The authoring format (``docs/authoring.md``) as a model document."""
    return parse_authoring(text, source)


def find_seeds_dir() -> Path:
    """The seed reports: ``CAPUY_SEEDS``, else ``../shared/seeds`` beside the repository, else
    ``/work/shared/seeds`` (the one place that knows; the tests and ``capuy seeds`` ask here)."""
    candidates = (
        os.environ.get("CAPUY_SEEDS", ""),
        str(REPO.parent / "shared" / "seeds"),
        "/work/shared/seeds",
    )
    for candidate in candidates:
        if candidate and Path(candidate, "000_2325aac391aebd80.txt").is_file():
            return Path(candidate)
    raise InputError(
        "Không tìm thấy thư mục báo cáo mẫu (đặt CAPUY_SEEDS hoặc ../shared/seeds)",
        "seed reports not found: set CAPUY_SEEDS or put them in ../shared/seeds",
    )


# --- extract -------------------------------------------------------------------------------


def extract_file(path: str | Path) -> Document:
    """Read ``path`` (.txt .md .docx .pdf) and extract it. Bad input raises ``InputError``."""
    return extract(read_document(path))


def ensure_extracted(doc: Document) -> Document:
    """A document straight from a reader (blocks but nothing extracted) is extracted first, so
    ``check_documents([read_file(path)])`` means the same as ``check_files([path])``."""
    nothing_extracted = not (
        doc.sections or doc.citations or doc.quantities or doc.header.kind or doc.signature
    )
    if doc.blocks and nothing_extracted:
        return extract(doc)
    return doc


# --- check ---------------------------------------------------------------------------------


def load_documents(paths: Iterable[str | Path]) -> list[Document]:
    """Read and extract files for the checker, refusing one too long to proofread."""
    docs = []
    for path in map(Path, paths):
        doc = read_document(path)
        size = sum(len(line) for line in doc.lines)
        if size > MAX_CHECK_CHARS:
            vi_size, vi_max = (f"{n:,}".replace(",", ".") for n in (size, MAX_CHECK_CHARS))
            raise InputError(
                f"Tệp quá dài để soát lỗi ({vi_size} ký tự; tối đa {vi_max} ≈ 600 trang): {path}",
                f"file too long to proofread ({size:,} characters; at most "
                f"{MAX_CHECK_CHARS:,} ≈ 600 pages): {path}",
            )
        docs.append(extract(doc))
    return docs


def check_documents(docs: Sequence[Document], config: CheckConfig | None = None) -> list[Finding]:
    """``capuy.check.check`` on documents, extracting those that come straight from a reader."""
    return check([ensure_extracted(doc) for doc in docs], config)


def check_files(paths: Iterable[str | Path], config: CheckConfig | None = None) -> list[Finding]:
    """Read, extract and check files (raises ``InputError`` on a bad file)."""
    return check(load_documents(paths), config)


def check_text(markdown: str, source: str = "bao-cao.md") -> list[Finding]:
    """What ``capuy check`` says of a text, line numbers being those of the text itself: the
    text is read back like a file, so the checker sees it exactly as the .md on disk."""
    with tempfile.TemporaryDirectory(prefix="capuy-check-") as tmp:
        path = Path(tmp) / source
        path.write_text(markdown, encoding="utf-8")
        doc = extract(read_file(path))
        return check([doc])


# --- render --------------------------------------------------------------------------------


def render_markdown_file(source: Path, output: Path, pdf: Path | None = None) -> None:
    """``capuy render``: an authoring-format file → DOCX (and PDF)."""
    try:
        text = source.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"Không có tệp {source}", f"no such file: {source}") from None
    except (UnicodeDecodeError, IsADirectoryError):
        raise InputError(
            f"{source} không phải tệp văn bản UTF-8", f"{source} is not a UTF-8 text file"
        ) from None
    render_docx(parse_authoring(text, str(source)), output)
    if pdf is not None:
        docx_to_pdf(output, pdf)


def convert_file(
    path: str | Path,
    out_docx: str | Path,
    pdf: str | Path | None = None,
    converter: PdfConverter | None = None,
) -> Path:
    """Read and extract ``path``, write it in the official layout to ``out_docx`` (and ``pdf``,
    through ``converter`` when given so a batch reuses one LibreOffice)."""
    read = read_file(Path(path))
    check_length(sum(len(line) for line in read.lines), str(path))  # before extract and layout
    doc = extract(read)
    out = render_docx(layout_document(doc), out_docx)
    if pdf is not None:
        if converter is not None:
            converter.convert(out, pdf)
        else:
            docx_to_pdf(out, pdf)
    return out
