"""Run the enabled rules over documents and collect their findings in reading order."""

from __future__ import annotations

from collections.abc import Sequence

from capuy.check.config import CheckConfig
from capuy.check.registry import all_rules
from capuy.check.shared import shared_work
from capuy.model import Document, Finding

_SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


def check(docs: Sequence[Document], config: CheckConfig | None = None) -> list[Finding]:
    """Every finding of the enabled rules on ``docs`` (read and extracted: reading and
    extracting is ``capuy.api``'s job, ``check_documents`` and ``check_files``).

    Findings come back grouped by document (in the order given), then by line; the
    cross-document rules' findings carry the ``source`` of the document they point into.
    """
    config = config or CheckConfig()
    docs = list(docs)
    findings: list[Finding] = []
    with shared_work():  # what several rules read of a document is made once (shared.py)
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


MAX_CHECK_CHARS = 2_000_000
"""About 600 A4 pages: more than any report; beyond it a proofreading run takes minutes and
gigabytes, so the file is refused with a one-line reason instead (the reader takes up to 50 MB
for ``capuy extract``)."""


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
