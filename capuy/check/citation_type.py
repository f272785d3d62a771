"""Citation types: the type word written in the text must match the type code of the symbol
("Chương trình hành động số 39-CT/TU": CT is Chỉ thị, a Chương trình is CTr). Where practice
varies (a Quy định numbered QĐ instead of QĐi) the symbol is compared with how the document was
really issued (``citation_known``); a Quy định capuy does not know gets at most an info."""

from __future__ import annotations

from collections.abc import Iterator

from capuy.check.known_documents import candidates
from capuy.check.registry import RULES, register
from capuy.model import Document, Finding
from capuy.vocab import type_by_code, types_for_word


def _with_code(symbol: str, old: str | None, new: str) -> str:
    return symbol.replace(f"-{old}/", f"-{new}/", 1) if f"-{old}/" in symbol else symbol


@register("citation-type.code", "citation-type", "type word and symbol type code disagree")
def type_code_mismatch(doc: Document) -> Iterator[Finding]:
    rule = RULES["citation-type.code"]
    for citation in doc.citations:
        if not citation.type_word or not citation.type_code:
            continue
        types = [t for t in types_for_word(citation.type_word) if t.system == citation.system]
        if not types:
            continue
        if any(citation.type_code == t.code for t in types):
            continue
        variant_of = [t for t in types if citation.type_code in t.variants]
        if variant_of:
            # How the document was really issued decides (citation-type.known); a document
            # capuy does not know gets a note, not a warning: both codes are in use.
            if candidates(citation):
                continue
            expected = variant_of[0]
            yield rule.finding(
                "info",
                citation.line,
                citation.text or citation.symbol,
                f"{citation.type_word} {citation.symbol}: theo Hướng dẫn 36-HD/VPTW, "
                f"{expected.name} ký hiệu {expected.code}, nhưng nhiều văn bản được ban hành với "
                f"ký hiệu {citation.type_code}; văn bản này không có trong danh mục đã biết — "
                "đối chiếu với bản gốc",
                _with_code(citation.symbol, citation.type_code, expected.code or ""),
            )
            continue
        expected = types[0]
        actual = type_by_code(citation.type_code, system=citation.system)
        meaning = f" là ký hiệu của {actual.name}" if actual else " không phải ký hiệu thể loại này"
        yield rule.finding(
            "error",
            citation.line,
            citation.text or citation.symbol,
            f"“{citation.type_word}” nhưng số hiệu {citation.symbol} mang ký hiệu "
            f"{citation.type_code}{meaning}; {expected.name} ký hiệu {expected.code}",
            _with_code(citation.symbol, citation.type_code, expected.code or ""),
        )
