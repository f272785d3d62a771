"""Stage — JSON: the ``capuy extract FILE --json`` contract of DESIGN.md §4, exactly.

Top-level keys, section, footnote and citation keys are the contract's, no more: other parts
and outside checks parse it. Dates are ISO strings or null. Quantities (left open by the
contract) carry ``kind, value, text, line, unit, label, of, denominator, denominator_unit,
parts, ratio`` with numbers as JSON numbers (money in đồng).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from capuy.extract.header import issuer_name
from capuy.model import Citation, Document, Footnote, Quantity, Section


def _number(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def section_json(section: Section) -> dict[str, Any]:
    return {
        "label": section.label,
        "title": section.title,
        "level": section.level,
        "line": section.line,
        "children": [section_json(child) for child in section.children],
    }


def footnote_json(footnote: Footnote) -> dict[str, Any]:
    return {"label": footnote.label, "line": footnote.line, "text": footnote.text}


def citation_json(citation: Citation) -> dict[str, Any]:
    return {
        "symbol": citation.symbol,
        "number": citation.number,
        "type_code": citation.type_code,
        "issuer_code": citation.issuer_code,
        "type_word": citation.type_word,
        "date": citation.date.isoformat() if citation.date else None,
        "line": citation.line,
        "text": citation.text,
    }


def quantity_json(quantity: Quantity) -> dict[str, Any]:
    return {
        "kind": quantity.kind,
        "value": _number(quantity.value),
        "text": quantity.text,
        "line": quantity.line,
        "unit": quantity.unit,
        "label": quantity.label,
        "of": quantity.of,
        "denominator": _number(quantity.denominator),
        "denominator_unit": quantity.denominator_unit,
        "parts": [quantity_json(part) for part in quantity.parts],
        "ratio": quantity_json(quantity.ratio) if quantity.ratio else None,
    }


def to_json(doc: Document) -> dict[str, Any]:
    """The extracted document as the JSON object of the contract."""
    return {
        "source": doc.source,
        "kind": doc.header.kind,
        "number": doc.header.symbol,
        "date": doc.header.date.isoformat() if doc.header.date else None,
        "issuer": issuer_name(doc.header, doc.signature, doc.recipients),
        "title": doc.title,
        "sections": [section_json(s) for s in doc.sections],
        "footnotes": [footnote_json(f) for f in doc.footnotes],
        "citations": [citation_json(c) for c in doc.citations],
        "quantities": [quantity_json(q) for q in doc.quantities],
    }
