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


def findings_to_json(findings: Sequence[Finding]) -> dict[str, Any]:
    """``{"findings": [{rule, category, severity, line, excerpt, message, suggestion}]}``."""
    return {"findings": [{key: getattr(f, key) for key in JSON_KEYS} for f in findings]}


def _section_title(doc: Document, line: int) -> str:
    path = section_path_at(doc, line)
    if not path:
        return "(đầu văn bản)"
    parts = [f"{s.label}. {s.title}".strip() if s.label else s.title for s in path]
    return " › ".join(p if len(p) <= 60 else p[:59].rstrip() + "…" for p in parts)


def _highlighted(doc: Document, finding: Finding) -> Text:
    """The source line with the excerpt highlighted, or the excerpt alone."""
    core = finding.excerpt.strip("…")
    source_line = doc.lines[finding.line - 1] if 0 < finding.line <= len(doc.lines) else ""
    at = source_line.find(core) if core else -1
    if at == -1:
        return Text(finding.excerpt, style="reverse")
    left = max(0, at - 40)
    right = min(len(source_line), at + len(core) + 40)
    text = Text("…" if left else "")
    text.append(source_line[left:at])
    text.append(core, style="reverse")
    text.append(source_line[at + len(core) : right])
    text.append("…" if right < len(source_line) else "")
    return text


def print_report(console: Console, docs: Sequence[Document], findings: Sequence[Finding]) -> None:
    """Per file, per section: severity, line, rule, message, the highlighted excerpt, the fix."""
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
                console.print(Text(f"  {section}", style="bold"))
                current = section
            head = Text(f"    dòng {f.line}: ")
            head.append(_LABEL[f.severity], style=_STYLE[f.severity])
            head.append(f" [{f.rule}] ", style="dim")
            head.append(f.message)
            console.print(head)
            console.print(Text("      ") + _highlighted(doc, f))
            if f.suggestion:
                console.print(Text(f"      → {f.suggestion}", style="green"))
        counts = Counter(f.severity for f in mine)
        console.print(
            Text(
                f"  Tổng: {counts['error']} lỗi, {counts['warning']} cảnh báo, {counts['info']} ghi chú",
                style="bold",
            )
        )
