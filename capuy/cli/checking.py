"""``capuy check`` (proofreading, optionally against a committee's register and an office's
language model, optionally writing the findings into the DOCX as comments) and
``capuy language-model`` (the office's counts for the checker)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from capuy.cli.common import console, fail, quiet_django
from capuy.cli.registry import command
from capuy.errors import InputError
from capuy.model import CATEGORIES

# the options of ``capuy check``, named so that its signature reads as a list
SelectOption = Annotated[
    str | None,
    typer.Option(
        "--select",
        help="Chỉ các nhóm hoặc quy tắc này, cách nhau dấu phẩy / only these: "
        + ", ".join(CATEGORIES)
        + " (hoặc mã quy tắc như spelling.confusion)",
    ),
]
IgnoreOption = Annotated[
    str | None, typer.Option("--ignore", help="Bỏ các nhóm này / skip these categories")
]
ConfigOption = Annotated[
    Path | None,
    typer.Option("--config", help="Tệp cấu hình YAML (mặc định capuy-check.yaml)"),
]
RegisterOption = Annotated[
    str | None,
    typer.Option(
        "--register",
        help="Đối chiếu trích dẫn với sổ văn bản của cấp ủy này và các đơn vị trực thuộc "
        "(tên hoặc số hiệu) / compare citations with this committee's register",
    ),
]
ModelOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--model",
        help="Tệp mô hình ngôn ngữ của cơ quan (capuy language-model) / office model counts",
    ),
]
JobsOption = Annotated[
    int,
    typer.Option(
        "--jobs",
        min=1,
        max=64,
        help="Số tiến trình kiểm tra song song khi có nhiều tệp (mặc định 1) / "
        "check several files on this many processes",
    ),
]
AnnotateOption = Annotated[
    Path | None,
    typer.Option(
        "--annotate",
        help="Ghi bản DOCX kèm các phát hiện dưới dạng nhận xét Word (chỉ một tệp .docx) / "
        "write the DOCX with the findings as Word comments",
    ),
]


def _use_language_models(model: list[Path]) -> None:
    """Add the office's counts files to the shipped language model (``--model``)."""
    import os

    from capuy.check.language_model import ENV_VAR, default_model

    for path in model:
        if not path.is_file():
            fail(InputError(f"Không tìm thấy tệp mô hình: {path}", f"no model file: {path}"))
    os.environ[ENV_VAR] = os.pathsep.join(str(p) for p in model)
    default_model.cache_clear()


def _register_context(register: str | None) -> Any:
    """The committee's register the citations are compared with (``--register``), as a
    context manager; a no-op without the option."""
    from contextlib import nullcontext

    if register is None:
        return nullcontext()
    quiet_django()
    from capuy.check.known_documents import use_known_documents
    from capuy.documents.known import register_documents
    from capuy.web.users import find_organisation

    return use_known_documents(*register_documents(find_organisation(register)))


def _load_and_check(
    files: list[Path],
    select: str | None,
    ignore: str | None,
    config: Path | None,
    register: str | None,
    jobs: int = 1,
) -> tuple[list[Any], list[Any]]:
    """(documents, findings) of ``files`` under the configuration and the options."""
    from capuy.api import load_documents
    from capuy.check import RULES, all_rules, check, load_config
    from capuy.check.config import parse_names, validate_names

    known = {rule.id for rule in all_rules()} | set(RULES)
    settings = load_config(config)
    validate_names(
        settings.select | settings.ignore | settings.disable,
        known,
        "Tệp cấu hình",
        "config file",
    )
    selected, ignored = parse_names(select), parse_names(ignore)
    validate_names(selected | ignored, known, "--select/--ignore")
    docs = load_documents(files)
    with _register_context(register):
        if jobs > 1 and len(docs) > 1:
            from capuy.check.parallel import check_parallel

            findings = check_parallel(docs, settings.merged(selected, ignored), jobs)
        else:
            findings = check(docs, settings.merged(selected, ignored))
    return docs, findings


@command("check")
def check_command(
    files: Annotated[list[Path], typer.Argument(help="Tệp cần kiểm tra / files to check")],
    as_json: Annotated[
        bool, typer.Option("--json", help="In JSON theo hợp đồng / print the JSON contract")
    ] = False,
    select: SelectOption = None,
    ignore: IgnoreOption = None,
    config: ConfigOption = None,
    register: RegisterOption = None,
    model: ModelOption = None,
    annotate: AnnotateOption = None,
    jobs: JobsOption = 1,
) -> None:
    """Soát lỗi văn bản như người đọc kỹ / proofread reports (exit 0 even with findings)."""
    import json

    if model:
        _use_language_models(model)
    from capuy.check import findings_to_json, print_report

    try:
        docs, findings = _load_and_check(files, select, ignore, config, register, jobs)
    except InputError as error:
        fail(error)
    if annotate is not None:
        from capuy.render.comments import write_annotated

        try:
            count = write_annotated(files, findings, annotate)
        except InputError as error:
            fail(error)
        console.print(f"Đã ghi {count} nhận xét vào / wrote {count} comments to: {annotate}")
    if as_json:
        print(json.dumps(findings_to_json(findings), ensure_ascii=False, indent=2))
    else:
        print_report(console, docs, findings)


@command("language-model")
def language_model_command(
    files: Annotated[
        list[Path], typer.Argument(help="Văn bản của cơ quan (TXT, MD, DOCX, PDF) / documents")
    ],
    output: Annotated[Path, typer.Option("-o", "--output", help="Tệp đếm ra / counts file")],
) -> None:
    """Học từ văn bản lưu trữ của cơ quan cho bộ soát lỗi / build the office's language model.

    The counts file is added to the shipped model by ``capuy check --model FILE`` (or
    ``CAPUY_LANGUAGE_MODEL``); rebuild it whenever the archive grows."""
    from capuy.check.language_model import build_file

    try:
        counts = build_file(files, output)
    except InputError as error:
        fail(error)
    console.print(
        f"Đã học {len(counts.documents)} văn bản: {len(counts.unigrams)} âm tiết, "
        f"{len(counts.bigrams)} cặp âm tiết → {output}"
    )
