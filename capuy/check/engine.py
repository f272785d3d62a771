"""Run the enabled rules over documents and collect their findings in reading order."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from capuy.check.config import CheckConfig
from capuy.check.registry import all_rules
from capuy.errors import InputError
from capuy.model import Document, Finding

_SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


def check(docs: Sequence[Document], config: CheckConfig | None = None) -> list[Finding]:
    """Every finding of the enabled rules on ``docs`` (read and extracted; a document with
    nothing extracted yet is extracted here).

    Findings come back grouped by document (in the order given), then by line; the
    cross-document rules' findings carry the ``source`` of the document they point into.
    """
    config = config or CheckConfig()
    docs = [_extracted(doc) for doc in docs]
    findings: list[Finding] = []
    for rule in all_rules():
        if not config.enabled(rule.id, rule.category):
            continue
        if rule.scope == "corpus":
            findings.extend(rule.run(docs))
            continue
        for doc in docs:
            for finding in rule.run(doc):
                finding.source = finding.source or doc.source
                findings.append(finding)
    return _ordered(_unique(findings), [d.source for d in docs])


def _extracted(doc: Document) -> Document:
    """A document straight from a reader (blocks but nothing extracted) is extracted first, so
    ``check([read_file(path)])`` means the same as ``check_files([path])``."""
    nothing_extracted = not (
        doc.sections or doc.citations or doc.quantities or doc.header.kind or doc.signature
    )
    if doc.blocks and nothing_extracted:
        from capuy.extract import extract

        return extract(doc)
    return doc


def check_files(paths: Iterable[str | Path], config: CheckConfig | None = None) -> list[Finding]:
    """Read, extract and check files (raises ``InputError`` on a bad file)."""
    return check(load_documents(paths), config)


MAX_CHECK_CHARS = 2_000_000
"""About 600 A4 pages: more than any report; beyond it a proofreading run takes minutes and
gigabytes, so the file is refused with a one-line reason instead (the reader takes up to 50 MB
for ``capuy extract``)."""


def load_documents(paths: Iterable[str | Path]) -> list[Document]:
    from capuy.extract import read_document

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
        docs.append(_extract(doc))
    return docs


def _extract(doc: Document) -> Document:
    from capuy.extract import extract

    return extract(doc)


def _unique(findings: list[Finding]) -> list[Finding]:
    """One finding per (source, rule, line, excerpt): a pattern met twice is reported once."""
    seen: set[tuple[str, str, int, str]] = set()
    out = []
    for f in findings:
        key = (f.source, f.rule, f.line, f.excerpt)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


def _ordered(findings: list[Finding], sources: list[str]) -> list[Finding]:
    position = {s: i for i, s in enumerate(sources)}
    return sorted(
        findings,
        key=lambda f: (
            position.get(f.source, len(sources)),
            f.line,
            _SEVERITY_ORDER[f.severity],
            f.rule,
        ),
    )
