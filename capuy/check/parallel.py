"""Checking several documents on several cores: what ``capuy check`` with many files can call.

The per-document rules of each document run in a worker process (one document per task); the
rules that compare documents (``scope="corpus"``) run afterwards in the calling process on all
of them. The findings are the engine's, in the engine's order (``engine.check``): the same
de-duplication and the same sort, and one rule's findings on one document come in the order
the rule gives them either way.

Workers are forked (Linux), so they inherit the loaded vocabularies and the language model in
use (``language_model.using_model``) instead of loading them again. Meant for the command line,
not for a threaded server (forking a process with threads is unsafe). CPU time is the same or a
little more (forking, findings pickled back); wall time falls only when cores are free.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Sequence

from capuy.check.config import CheckConfig
from capuy.check.engine import _ordered, _unique, check
from capuy.check.registry import all_rules
from capuy.check.shared import shared_work
from capuy.model import Document, Finding

_TASK: tuple[list[Document], CheckConfig] = ([], CheckConfig())
"""The documents and configuration of the run, set before the workers are forked: they inherit
it, so only a document's number goes to a worker and only its findings come back."""


def _document_findings(number: int) -> list[Finding]:
    """The findings of the enabled per-document rules on document ``number`` (in a worker)."""
    docs, config = _TASK
    doc = docs[number]
    findings: list[Finding] = []
    with shared_work():
        for rule in all_rules():
            if rule.scope == "corpus" or not config.enabled(rule.id, rule.category):
                continue
            for finding in rule.run(doc):
                finding.source = finding.source or doc.source
                findings.append(finding)
    return findings


def check_parallel(
    docs: Sequence[Document], config: CheckConfig | None = None, workers: int | None = None
) -> list[Finding]:
    """What ``check(docs, config)`` returns, the documents checked on up to ``workers``
    processes (default: the machine's cores). One document, one core or no ``fork`` (not
    Linux): plain ``check``."""
    config = config or CheckConfig()
    docs = list(docs)
    workers = min(len(docs), workers or os.cpu_count() or 1)
    if workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return check(docs, config)
    global _TASK
    _TASK = (docs, config)
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            per_document = pool.map(_document_findings, range(len(docs)))
    finally:
        _TASK = ([], CheckConfig())
    findings = [finding for found in per_document for finding in found]
    with shared_work():
        for rule in all_rules():
            if rule.scope == "corpus" and config.enabled(rule.id, rule.category):
                findings.extend(rule.run(docs))
    return _ordered(_unique(findings), [doc.source for doc in docs])
