"""Writing documents in the official layout: ``capuy render`` (an authored Markdown file),
``capuy convert`` (existing files re-laid out) and ``capuy report`` (a report composed from
the records of a period)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from capuy.cli.common import console, err_console, fail, pdf_ready
from capuy.cli.registry import command
from capuy.errors import InputError

OutputOption = Annotated[Path, typer.Option("-o", "--output", help="Tệp DOCX ra / output DOCX")]
KindOption = Annotated[
    str,
    typer.Option(
        "--kind",
        help="loại (bỏ trống: theo kỳ) / kind: “quý”, “tổng kết năm”, “kết luận hội nghị”, "
        "quarterly …",
    ),
]
PdfOption = Annotated[Path | None, typer.Option("--pdf", help="Thêm bản PDF / also write a PDF")]


@command("render")
def render_command(
    source: Annotated[Path, typer.Argument(help="Tệp Markdown + YAML / authoring file (.md)")],
    output: OutputOption,
    kind: KindOption = "",
    pdf: PdfOption = None,
) -> None:
    """Dàn trang văn bản soạn bằng Markdown / lay out an authored document (DOCX, PDF)."""
    from capuy.api import render_markdown_file

    try:
        if pdf is not None:
            pdf_ready()
        render_markdown_file(source, output, pdf)
    except InputError as error:
        fail(error)
    console.print(
        f"Đã ghi / written: {output}" + (f", {pdf}" if pdf else ""), soft_wrap=True, highlight=False
    )


def _check_targets(many: bool, output: Path, pdf: Path | None) -> None:
    """Several sources write into folders (made here); one source writes to a file name."""
    if many:
        for folder in (output, pdf):
            if folder is not None:
                folder.mkdir(parents=True, exist_ok=True)
        return
    for target in (output, pdf):
        if target is not None and target.is_dir():
            raise InputError(
                f"“{target}” là một thư mục: hãy ghi tên tệp ra, ví dụ {target}/ra.docx",
                f"{target} is a folder: give the output file's name",
            )


def _convert_all(sources: list[Path], output: Path, pdf: Path | None, converter: Any) -> None:
    """Convert each source, with a progress bar when there are several."""
    from rich.progress import Progress

    from capuy.api import convert_file

    many = len(sources) > 1
    with Progress(console=err_console, disable=not many, transient=True) as progress:
        task = progress.add_task("Đang dàn trang / converting", total=len(sources))
        for source in sources:
            docx_out = output / f"{source.stem}.docx" if many else output
            pdf_out = (pdf / f"{source.stem}.pdf" if many else pdf) if pdf else None
            convert_file(source, docx_out, pdf_out, converter=converter)
            progress.advance(task)
            if not many:
                console.print(
                    f"Đã ghi / written: {docx_out}" + (f", {pdf_out}" if pdf_out else ""),
                    soft_wrap=True,
                    highlight=False,
                )


@command("convert")
def convert_command(
    sources: Annotated[
        list[Path], typer.Argument(help="Tệp .txt .md .docx .pdf / files to convert")
    ],
    output: Annotated[
        Path,
        typer.Option(
            "-o", "--output", help="DOCX ra (một tệp) hoặc thư mục (nhiều tệp) / DOCX or folder"
        ),
    ],
    pdf: Annotated[
        Path | None,
        typer.Option("--pdf", help="PDF ra (một tệp) hoặc thư mục (nhiều tệp) / PDF or folder"),
    ] = None,
) -> None:
    """Dàn lại theo thể thức văn bản của Đảng / re-lay out files in the official format."""
    from capuy.render import PdfConverter

    many = len(sources) > 1
    try:
        if pdf is not None:
            pdf_ready()
        _check_targets(many, output, pdf)
        converter = PdfConverter() if pdf is not None else None
        try:
            _convert_all(sources, output, pdf, converter)
        finally:
            if converter is not None:
                converter.close()
    except InputError as error:
        fail(error)
    if many:
        console.print(f"Đã dàn trang {len(sources):02d} tệp / converted {len(sources)} files")


@command("report")
def report_command(
    org: Annotated[str, typer.Option("--org", help="tổ chức đảng (tên hoặc số hiệu) / unit")],
    period: Annotated[
        str,
        typer.Option(
            "--period",
            help="kỳ như thường viết / the period: “tháng 2/2024”, “quý I/2024”, “6 tháng đầu "
            "năm 2024”, “năm 2024”, “nhiệm kỳ 2020 - 2025” (or 2024-02, 2024-Q1 …)",
        ),
    ],
    output: OutputOption,
    kind: KindOption = "",
    pdf: PdfOption = None,
    markdown: Annotated[
        Path | None, typer.Option("--md", help="Ghi cả văn bản soạn thảo / also write the .md")
    ] = None,
) -> None:
    """Soạn báo cáo từ hồ sơ của kỳ / compose a report from the records (DOCX, PDF)."""
    from capuy.web.server import require_database

    try:
        require_database()
    except InputError as error:
        fail(error)
    from capuy.reports.compose import compose, organisation_by_name
    from capuy.reports.output import write_docx, write_pdf
    from capuy.reports.period_words import read_period

    try:
        kind, period = read_period(period, kind)
        if pdf is not None:
            pdf_ready()
        composition = compose(organisation_by_name(org), kind, period)
        if markdown is not None:
            markdown.write_text(composition.markdown, encoding="utf-8")
        write_docx(composition.markdown, output)
        if pdf is not None:
            write_pdf(composition.markdown, pdf)
    except InputError as error:
        fail(error)
    console.print(
        f"Đã soạn {composition.title} ({composition.period.start:%d/%m/%Y}–"
        f"{composition.period.end:%d/%m/%Y}) / written: {output}" + (f", {pdf}" if pdf else "")
    )
