"""``capuy extract`` and ``capuy seeds``: reading documents and printing what was found."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from capuy.cli.common import console, fail
from capuy.cli.registry import command
from capuy.errors import InputError


@command("extract")
def extract_command(
    files: Annotated[
        list[Path],
        typer.Argument(
            help="Tệp .txt .md .docx .pdf .doc .rtf .odt .wpd .png .jpg .tif / files to read"
        ),
    ],
    as_json: Annotated[
        bool,
        typer.Option(
            "--json",
            help="In JSON theo hợp đồng (nhiều tệp: một danh sách) / the JSON contract "
            "(several files: a list)",
        ),
    ] = False,
) -> None:
    """Đọc cấu trúc, viện dẫn và số liệu / extract outline, citations and quantities."""
    import json

    from capuy.api import extract_file
    from capuy.extract import to_json
    from capuy.extract.report import print_extraction

    try:
        docs = [extract_file(file) for file in files]
    except InputError as error:
        fail(error)
    if as_json:
        data = [to_json(doc) for doc in docs]
        out = data[0] if len(data) == 1 else data
        sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=2) + "\n")
    else:
        for number, doc in enumerate(docs):
            if number:
                console.print()
            print_extraction(console, doc)


def seed_summary() -> None:
    """Extract and check the seed reports and print a summary (``capuy seeds``)."""
    from capuy.seeds import run_demo

    run_demo(console)


@command("seeds")
def seeds_command() -> None:
    """Trích xuất và soát các báo cáo mẫu / extract and check the seed reports."""
    try:
        seed_summary()
    except InputError as error:
        fail(error)
