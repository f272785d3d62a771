"""Findings as the JSON contract (DESIGN.md §4) and as a human report grouped by section."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from rich.console import Console
from rich.text import Text

from capuy.check.units import section_path_at
from capuy.model import Document, Finding

JSON_KEYS = ("rule", "category", "severity", "line", "excerpt", "message", "suggestion")
_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
_LABEL = {"error": "lỗi", "warning": "cảnh báo", "info": "ghi chú"}


def _json_value(finding: Finding, key: str) -> Any:
    value = getattr(finding, key)
    # "A suggestion where one exists": none is null, never an empty string to test for.
    return value or None if key == "suggestion" else value


def findings_to_json(findings: Sequence[Finding]) -> dict[str, Any]:
    """``{"findings": [{rule, category, severity, line, excerpt, message, suggestion}]}``;
    ``suggestion`` is null when there is none."""
    return {"findings": [{key: _json_value(f, key) for key in JSON_KEYS} for f in findings]}


def _closing_line(doc: Document) -> int:
    """Where the closing (recipients, signature) starts, after the last heading; past the end
    when the document has none."""
    last_heading = max((s.line for s in doc.sections), default=0)
    starts = [doc.signature.line] if doc.signature and doc.signature.line > last_heading else []
    for number, text in enumerate(doc.lines[last_heading:], start=last_heading + 1):
        if text.strip().strip("*").startswith("Nơi nhận"):
            starts.append(number)
            break
    return min(starts, default=len(doc.lines) + 1)


def _section_title(doc: Document, line: int) -> str:
    """The heading a finding is grouped under: the chain of sections, or the appendix, the
    closing or the header it sits in (not the last body section, which it does not belong to)."""
    appendices = [a for a in doc.appendices if 0 < a.line <= line]
    if appendices:
        appendix = max(appendices, key=lambda a: a.line)
        caption = f" — {appendix.caption}" if appendix.caption else ""
        title = f"{appendix.title}{caption}"
        return title if len(title) <= 80 else title[:79].rstrip() + "…"
    if line >= _closing_line(doc):
        return "(phần cuối: nơi nhận, chữ ký)"
    path = section_path_at(doc, line)
    if not path:
        return "(đầu văn bản)"
    parts = [f"{s.label}. {s.title}".strip() if s.label else s.title for s in path]
    return " › ".join(p if len(p) <= 60 else p[:59].rstrip() + "…" for p in parts)


def _highlighted(doc: Document, finding: Finding) -> Text:
    """The source line with the excerpt highlighted, or the excerpt alone."""
    source_line = doc.lines[finding.line - 1] if 0 < finding.line <= len(doc.lines) else ""
    # A summarised excerpt ("51/256 … 21,5%", "19 đảng bộ (15 xã, phường + 03 cơ quan)") is
    # shown through its first piece, so the clerk still sees the sentence as written.
    whole = finding.excerpt.strip("…")
    pieces = [whole, whole.split(" … ")[0], whole.split(" (")[0]]
    core, at = next(((p, source_line.find(p)) for p in pieces if p and p in source_line), ("", -1))
    if at == -1:
        return Text(finding.excerpt, style="reverse")
    left = max(0, at - 40)
    right = min(len(source_line), at + len(core) + 60)
    text = Text("…" if left else "")
    text.append(source_line[left:at])
    text.append(core, style="reverse")
    text.append(source_line[at + len(core) : right])
    text.append("…" if right < len(source_line) else "")
    return text


def _print_indented(console: Console, text: Text, indent: int) -> None:
    """``text`` wrapped to the console with every line indented (no padding to the right)."""
    for line in text.wrap(console, max(20, console.width - indent)):
        line.rstrip()
        console.print(Text(" " * indent) + line, soft_wrap=True)


def _totals(findings: Sequence[Finding]) -> str:
    counts = Counter(f.severity for f in findings)
    return f"{counts['error']} lỗi, {counts['warning']} cảnh báo, {counts['info']} ghi chú"


def print_report(console: Console, docs: Sequence[Document], findings: Sequence[Finding]) -> None:
    """Per file, per section: severity, line, rule, message, the highlighted excerpt, the fix.
    Wrapped lines keep their indent, so each finding reads as one block."""
    by_source = {doc.source: doc for doc in docs}
    for doc in docs:
        mine = [f for f in findings if f.source == doc.source]
        console.print(Text(doc.source, style="bold underline"))
        if not mine:
            console.print("  Không phát hiện lỗi.")
            continue
        current = None
        for f in mine:
            section = _section_title(by_source[f.source], f.line)
            if section != current:
                _print_indented(console, Text(section, style="bold"), 2)
                current = section
            head = Text(f"dòng {f.line}: ")
            head.append(_LABEL[f.severity], style=_STYLE[f.severity])
            head.append(f" [{f.rule}] ", style="dim")
            head.append(f.message)
            _print_indented(console, head, 4)
            _print_indented(console, _highlighted(doc, f), 6)
            if f.suggestion:
                _print_indented(console, Text(f"→ {f.suggestion}", style="green"), 6)
        console.print(Text(f"  Tổng: {_totals(mine)}", style="bold"))
    if len(docs) > 1:
        console.print(Text(f"Tất cả {len(docs)} tệp: {_totals(findings)}", style="bold"))
