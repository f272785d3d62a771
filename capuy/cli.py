"""The ``capuy`` command (Typer + Rich).

Each command is a thin wrapper over the core's public API; every user error is an
``InputError`` that is printed as one line in Vietnamese and English with exit status 2.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console

from capuy import __version__
from capuy.errors import InputError

app = typer.Typer(
    name="capuy",
    help="capuy — văn bản, báo cáo và hồ sơ của văn phòng cấp ủy.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
console = Console()
err_console = Console(stderr=True)


def fail(error: InputError) -> NoReturn:
    """Print a user error on one line and exit with its status (2)."""
    err_console.print(
        f"[bold red]Lỗi:[/] {error.vi} [dim]/ Error: {error.en}[/]", highlight=False, soft_wrap=True
    )
    raise typer.Exit(error.exit_code)


@app.callback()
def root() -> None:
    """capuy — văn bản, báo cáo và hồ sơ của văn phòng cấp ủy."""


@app.command()
def version() -> None:
    """In phiên bản / print the version."""
    console.print(f"capuy {__version__}")


# --- commands are added below, one section per part (extract, check, render, web) ---


# --- extract (capuy.extract) ---


@app.command("extract")
def extract_command(
    file: Annotated[Path, typer.Argument(help="Tệp .txt .md .docx .pdf / file to read")],
    as_json: Annotated[
        bool, typer.Option("--json", help="In JSON theo hợp đồng / print the JSON contract")
    ] = False,
) -> None:
    """Đọc cấu trúc, viện dẫn và số liệu / extract outline, citations and quantities."""
    import json

    from capuy.extract import extract_file, to_json
    from capuy.extract.report import print_extraction

    try:
        doc = extract_file(file)
    except InputError as error:
        fail(error)
    if as_json:
        sys.stdout.write(json.dumps(to_json(doc), ensure_ascii=False, indent=2) + "\n")
    else:
        print_extraction(console, doc)


# --- demo (until the web app exists; the web engineer replaces this section) ---


@app.command("demo")
def demo_command() -> None:
    """Trích xuất và soát các báo cáo mẫu / extract and check the seed reports."""
    from capuy.extract.demo import run_demo

    try:
        run_demo(console)
    except InputError as error:
        fail(error)


# --- check (capuy.check) ---


@app.command("check")
def check_command(
    files: Annotated[list[Path], typer.Argument(help="Tệp cần kiểm tra / files to check")],
    as_json: Annotated[
        bool, typer.Option("--json", help="In JSON theo hợp đồng / print the JSON contract")
    ] = False,
    select: Annotated[
        str | None,
        typer.Option("--select", help="Chỉ các nhóm này, cách nhau dấu phẩy / only these"),
    ] = None,
    ignore: Annotated[
        str | None, typer.Option("--ignore", help="Bỏ các nhóm này / skip these categories")
    ] = None,
    config: Annotated[
        Path | None,
        typer.Option("--config", help="Tệp cấu hình YAML (mặc định capuy-check.yaml)"),
    ] = None,
) -> None:
    """Soát lỗi văn bản như người đọc kỹ / proofread reports (exit 0 even with findings)."""
    import json

    from capuy.check import (
        RULES,
        all_rules,
        check,
        findings_to_json,
        load_config,
        load_documents,
        print_report,
    )
    from capuy.check.config import parse_names, validate_names

    try:
        known = {rule.id for rule in all_rules()} | set(RULES)
        settings = load_config(config)
        validate_names(settings.select | settings.ignore | settings.disable, known, "cấu hình")
        selected, ignored = parse_names(select), parse_names(ignore)
        validate_names(selected | ignored, known, "--select/--ignore")
        docs = load_documents(files)
        findings = check(docs, settings.merged(selected, ignored))
    except InputError as error:
        fail(error)
    if as_json:
        print(json.dumps(findings_to_json(findings), ensure_ascii=False, indent=2))
    else:
        print_report(console, docs, findings)


# --- render and convert (capuy.render) ---


def _pdf_ready() -> None:
    """Stop with a clear error before any work when LibreOffice cannot make the PDF."""
    from capuy.errors import MissingProgramError
    from capuy.render.pdf import find_soffice

    try:
        find_soffice()
    except MissingProgramError as error:
        fail(error)


@app.command("render")
def render_command(
    source: Annotated[Path, typer.Argument(help="Tệp Markdown + YAML / authoring file (.md)")],
    output: Annotated[Path, typer.Option("-o", "--output", help="Tệp DOCX ra / output DOCX")],
    pdf: Annotated[
        Path | None, typer.Option("--pdf", help="Thêm bản PDF / also write a PDF")
    ] = None,
) -> None:
    """Dàn trang văn bản soạn bằng Markdown / lay out an authored document (DOCX, PDF)."""
    from capuy.render import docx_to_pdf, parse_authoring, render_docx

    try:
        if pdf is not None:
            _pdf_ready()
        try:
            text = source.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise InputError(f"Không có tệp {source}", f"no such file: {source}") from None
        except (UnicodeDecodeError, IsADirectoryError):
            raise InputError(
                f"{source} không phải tệp văn bản UTF-8", f"{source} is not a UTF-8 text file"
            ) from None
        render_docx(parse_authoring(text, str(source)), output)
        if pdf is not None:
            docx_to_pdf(output, pdf)
    except InputError as error:
        fail(error)
    console.print(f"Đã ghi / written: {output}" + (f", {pdf}" if pdf else ""))


@app.command("convert")
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
    from rich.progress import Progress

    from capuy.render import PdfConverter, convert_file

    many = len(sources) > 1
    try:
        if pdf is not None:
            _pdf_ready()
        if many:
            for folder in (output, pdf):
                if folder is not None:
                    folder.mkdir(parents=True, exist_ok=True)
        converter = PdfConverter() if pdf is not None else None
        try:
            with Progress(console=err_console, disable=not many, transient=True) as progress:
                task = progress.add_task("Đang dàn trang / converting", total=len(sources))
                for source in sources:
                    docx_out = output / f"{source.stem}.docx" if many else output
                    pdf_out = (pdf / f"{source.stem}.pdf" if many else pdf) if pdf else None
                    convert_file(source, docx_out, pdf_out, converter=converter)
                    progress.advance(task)
                    if not many:
                        console.print(
                            f"Đã ghi / written: {docx_out}" + (f", {pdf_out}" if pdf_out else "")
                        )
        finally:
            if converter is not None:
                converter.close()
    except InputError as error:
        fail(error)
    if many:
        console.print(f"Đã dàn trang {len(sources):02d} tệp / converted {len(sources)} files")


def main() -> None:
    """Entry point of the ``capuy`` script."""
    try:
        app()
    except InputError as error:  # raised outside a command's own handler
        err_console.print(f"Lỗi: {error.vi} / Error: {error.en}", highlight=False)
        sys.exit(error.exit_code)


if __name__ == "__main__":
    main()
