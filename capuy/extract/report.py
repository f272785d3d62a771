"""Rich display of an extracted document for ``capuy extract FILE`` (the non-JSON view).

An outline tree (labels, titles, lines), a citations table and a quantities table — what a
clerk checks by eye. Kept beside the extractor so the CLI section stays a thin wrapper.
"""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.tree import Tree

from capuy.extract.header import issuer_name
from capuy.model import Document, Quantity, Section
from capuy.text import format_number


def _add_sections(node: Tree, sections: list[Section]) -> None:
    for section in sections:
        title = section.title if len(section.title) <= 110 else section.title[:107] + "…"
        child = node.add(
            f"[bold]{escape(section.label)}[/] {escape(title)} [dim](dòng {section.line})[/]"
        )
        _add_sections(child, section.children)


def outline_tree(doc: Document) -> Tree:
    header = doc.header
    number = header.symbol or "—"
    date = header.date.strftime("%d/%m/%Y") if header.date else "—"
    label = f"[bold]{escape(doc.title or header.kind or doc.source)}[/]\nSố {escape(number)} · ngày {date}"
    if issuer := issuer_name(header, doc.signature, doc.recipients):
        label += f" · {escape(issuer)}"
    if header.draft:
        label += " · [yellow]Dự thảo[/]"
    tree = Tree(label)
    _add_sections(tree, doc.sections)
    return tree


def citations_table(doc: Document) -> Table:
    table = Table(title=f"Văn bản được viện dẫn / citations ({len(doc.citations):02d})")
    for column in ("Dòng", "Số, ký hiệu", "Loại (như viết)", "Ngày", "Cơ quan ban hành", "Khóa"):
        table.add_column(column)
    for citation in doc.citations:
        table.add_row(
            *(
                escape(cell)
                for cell in (
                    str(citation.line),
                    citation.symbol,
                    citation.type_word or "—",
                    citation.date.strftime("%d/%m/%Y")
                    if citation.date
                    else (citation.raw_date or "—"),
                    citation.author or "—",
                    citation.term or "",
                )
            )
        )
    return table


def _value(quantity: Quantity) -> str:
    if quantity.kind == "percent":
        return format_number(quantity.value) + "%"
    if quantity.kind == "ratio" and quantity.denominator is not None:
        return f"{format_number(quantity.value)}/{format_number(quantity.denominator)}"
    return format_number(quantity.value)


def quantities_table(doc: Document) -> Table:
    table = Table(title=f"Số liệu / quantities ({len(doc.quantities):02d})")
    for column in ("Dòng", "Loại", "Như viết", "Giá trị", "Nhãn", "Chi tiết"):
        table.add_column(column)
    for quantity in doc.quantities:
        details = ", ".join(f"{p.label} {format_number(p.value)}" for p in quantity.parts)
        if quantity.of:
            details = (details + "; " if details else "") + f"của: {quantity.of}"
        if quantity.ratio is not None:
            details = (details + "; " if details else "") + f"tỷ số: {quantity.ratio.text}"
        table.add_row(
            *(
                escape(cell)
                for cell in (
                    str(quantity.line),
                    quantity.kind,
                    quantity.text,
                    _value(quantity),
                    quantity.label,
                    details,
                )
            )
        )
    return table


def print_extraction(console: Console, doc: Document) -> None:
    console.print(outline_tree(doc))
    console.print(citations_table(doc))
    console.print(quantities_table(doc))
