"""The checker's findings as Word comments in a DOCX, each anchored at its excerpt — and
nothing else in the file changed.

``annotate`` opens the package with python-docx (1.2: ``Document.add_comment(runs, text,
author, initials)``), finds each finding's excerpt in the paragraphs (body and table cells),
splits the runs at the excerpt's edges (a split run keeps its formatting) and adds the comment
on those runs. The package written back takes from python-docx only the parts a comment needs
(``word/document.xml`` with the range marks, the new ``word/comments.xml``, the content types
and the document's relationships); every other part is copied byte for byte from the input.

A finding whose excerpt is not found (a header fact, an empty excerpt) is put on the first
paragraph with text, saying its line. ``anchors`` reads the comments back with the text they
are anchored to (tests, and anyone checking a downloaded draft).
"""

from __future__ import annotations

import copy
import io
import re
import zipfile
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import docx
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from docx.text.run import Run

AUTHOR = "capuy — soát lỗi"
INITIALS = "CP"
SEVERITY = {"error": "Lỗi", "warning": "Cảnh báo", "info": "Ghi chú"}
# parts python-docx rewrites when it adds comments; the rest of the package is copied as is
TOUCHED = {
    "word/document.xml",
    "word/comments.xml",  # a file that had comments keeps them, with the new ones added
    "[Content_Types].xml",
    "word/_rels/document.xml.rels",
}


def _get(finding: Any, key: str) -> Any:
    if isinstance(finding, Mapping):
        return finding.get(key, "")
    return getattr(finding, key, "")


def comment_text(finding: Any) -> str:
    """What the comment says: severity, message, suggestion, rule."""
    severity = SEVERITY.get(str(_get(finding, "severity")), "Ý kiến")
    text = f"{severity}: {_get(finding, 'message')}"
    if _get(finding, "suggestion"):
        text += f"\nGợi ý: {_get(finding, 'suggestion')}"
    return text + f"\n[{_get(finding, 'rule')}]"


def _paragraphs(document: Any) -> Iterator[Paragraph]:
    """Body paragraphs and those in table cells, in document order."""
    body = document.element.body
    for element in body.iter(qn("w:p")):
        yield Paragraph(element, document._body)


def _simple(run: Run) -> bool:
    """A run holding only its properties and one text element (safe to split)."""
    kids = [k for k in run._r if k.tag != qn("w:rPr")]
    return len(kids) == 1 and kids[0].tag == qn("w:t")


def _set_text(r: Any, text: str) -> None:
    t = r.find(qn("w:t"))
    t.text = text
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")


def _split(run: Run, at: int) -> Run:
    """Cut ``run`` at ``at``: it keeps the left part; the returned run (same formatting) holds
    the right part."""
    text = run.text
    right = copy.deepcopy(run._r)
    run._r.addnext(right)
    _set_text(run._r, text[:at])
    _set_text(right, text[at:])
    return Run(right, run._parent)


def _isolate(paragraph: Paragraph, start: int, end: int) -> list[Run]:
    """The runs covering exactly [start, end) of the paragraph's run text (split where the
    runs allow; a run that cannot be split is taken whole)."""
    out: list[Run] = []
    pos = 0
    for run in list(paragraph.runs):
        text = run.text
        a, b = pos, pos + len(text)
        pos = b
        if b <= start or a >= end or not text:
            continue
        if b > end and _simple(run):
            _split(run, end - a)
        if a < start and _simple(run):
            run = _split(run, start - a)
        out.append(run)
    return out


def _patterns(excerpt: str) -> Iterator[re.Pattern[str]]:
    """The excerpt's words (spaces may differ), then ever shorter runs of them down to half:
    an excerpt that crosses two table cells or paragraphs is found by its longer part."""
    words = excerpt.strip().strip("…").strip().split()
    for size in range(len(words), max(1, (len(words) + 1) // 2) - 1, -1):
        for start in range(len(words) - size + 1):
            part = words[start : start + size]
            yield re.compile(r"\s+".join(re.escape(w) for w in part))


def _place(paragraphs: list[Paragraph], excerpt: str, skip: int) -> list[Run]:
    """Runs of the ``skip``-th occurrence (else the first) of the excerpt, or []."""
    texts = [(p, "".join(r.text for r in p.runs)) for p in paragraphs]
    for pattern in _patterns(excerpt):
        hits = [(p, m.start(), m.end()) for p, text in texts for m in pattern.finditer(text)]
        if hits:
            paragraph, start, end = hits[skip] if skip < len(hits) else hits[0]
            return _isolate(paragraph, start, end)
    return []


def add_comments(document: Any, findings: Iterable[Any]) -> int:
    """Add each finding as a comment anchored at its excerpt; returns how many."""
    paragraphs = list(_paragraphs(document))
    fallback = next((p for p in paragraphs if any(r.text.strip() for r in p.runs)), None)
    seen: dict[str, int] = {}
    count = 0
    for finding in findings:
        excerpt = str(_get(finding, "excerpt") or "")
        runs = _place(paragraphs, excerpt, seen.get(excerpt, 0))
        text = comment_text(finding)
        if runs:
            seen[excerpt] = seen.get(excerpt, 0) + 1
        elif fallback is not None:
            runs = [r for r in fallback.runs if r.text][:1]
            text = f"(Dòng {_get(finding, 'line')}) {text}"
        if not runs:
            continue
        document.add_comment(runs, text=text, author=AUTHOR, initials=INITIALS)
        count += 1
    return count


def _merge(original: bytes, rewritten: bytes) -> bytes:
    """The original package with only the comment-bearing parts taken from ``rewritten``."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(original)) as old,
        zipfile.ZipFile(io.BytesIO(rewritten)) as new,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout,
    ):
        names = set(old.namelist())
        for info in old.infolist():
            if info.filename in TOUCHED:
                zout.writestr(info, new.read(info.filename))
            else:
                zout.writestr(info, old.read(info.filename))
        for info in new.infolist():
            if info.filename not in names:
                zout.writestr(info.filename, new.read(info.filename))
    return out.getvalue()


def annotate(data: bytes, findings: Iterable[Any]) -> bytes:
    """The DOCX ``data`` with the findings as Word comments (nothing else changed)."""
    document = docx.Document(io.BytesIO(data))
    add_comments(document, findings)
    buffer = io.BytesIO()
    document.save(buffer)
    return _merge(data, buffer.getvalue())


def anchors(data: bytes) -> list[tuple[str, str]]:
    """(comment text, the document text it is anchored to) of each comment, in id order."""
    document = docx.Document(io.BytesIO(data))
    texts = {c.comment_id: c.text for c in document.comments}
    spans: dict[int, list[str]] = {}
    open_ids: set[int] = set()
    for element in document.element.body.iter():
        if element.tag == qn("w:commentRangeStart"):
            open_ids.add(int(element.get(qn("w:id"))))
        elif element.tag == qn("w:commentRangeEnd"):
            open_ids.discard(int(element.get(qn("w:id"))))
        elif element.tag == qn("w:t"):
            for cid in open_ids:
                spans.setdefault(cid, []).append(element.text or "")
    return [(texts[cid], "".join(spans.get(cid, []))) for cid in sorted(texts)]


def write_annotated(files: list[Any], findings: list[Any], out: Any) -> int:
    """``capuy check draft.docx --annotate out.docx``: the one DOCX checked, with its findings
    as comments, written to ``out``; returns the number of comments."""
    from pathlib import Path

    from capuy.errors import InputError

    if len(files) != 1 or Path(files[0]).suffix.lower() != ".docx":
        raise InputError(
            "--annotate chỉ dùng với đúng một tệp .docx",
            "--annotate takes exactly one .docx file",
        )
    data = Path(files[0]).read_bytes()
    Path(out).write_bytes(annotate(data, findings))
    return len(anchors_count(Path(out).read_bytes()))


def anchors_count(data: bytes) -> list[int]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        if "word/comments.xml" not in package.namelist():
            return []
        xml = package.read("word/comments.xml").decode("utf-8")
    return [int(m) for m in re.findall(r'<w:comment [^>]*w:id="(\d+)"', xml)]
