"""The ``capuy`` command (Typer + Rich).

Each command is a thin wrapper over the core's public API; every user error is an
``InputError`` that is printed as one line in Vietnamese and English with exit status 2.
"""

# Long: one Typer app, a section per command, each a thin wrapper over capuy.api or the web app; one file keeps the command list in view.

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from rich.console import Console

from capuy import __version__
from capuy.errors import InputError
from capuy.model import CATEGORIES

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


# --- web app (capuy.web): serve, demo, seeds, createuser, backup, restore ---


def _seed_summary() -> None:
    from capuy.seeds import run_demo

    run_demo(console)


@app.command("seeds")
def seeds_command() -> None:
    """Trích xuất và soát các báo cáo mẫu / extract and check the seed reports."""
    try:
        _seed_summary()
    except InputError as error:
        fail(error)


@app.command("serve")
def serve_command(
    host: Annotated[str, typer.Option(help="địa chỉ lắng nghe / address")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="cổng / port")] = 8000,
    workers: Annotated[int | None, typer.Option(help="số tiến trình / processes")] = None,
    no_worker: Annotated[
        bool,
        typer.Option("--no-worker", help="không chạy tiến trình công việc nền / no job worker"),
    ] = False,
) -> None:
    """Chạy ứng dụng web (gunicorn + WhiteNoise) và một tiến trình công việc nền / run the web
    app and a job worker beside it."""
    from capuy.web.server import prepare, serve

    worker = None
    try:
        prepare(report=console.print)
        if not no_worker:
            from capuy.web.jobs_command import spawn_worker

            worker = spawn_worker()
        console.print(f"capuy đang phục vụ tại http://{host}:{port}/ (Ctrl+C để dừng)")
        serve(host, port, workers)
    except InputError as error:
        fail(error)
    finally:
        if worker is not None:
            worker.terminate()
            worker.wait(timeout=60)


@app.command("demo")
def demo_command(
    port: Annotated[int, typer.Option(help="cổng / port")] = 8000,
    host: Annotated[str, typer.Option(help="địa chỉ / address")] = "127.0.0.1",
    seeds: Annotated[
        bool, typer.Option("--seeds", help="chỉ trích xuất và soát báo cáo mẫu / seeds only")
    ] = False,
    no_serve: Annotated[
        bool, typer.Option("--no-serve", help="nạp dữ liệu mẫu rồi dừng / load only")
    ] = False,
) -> None:
    """Nạp dữ liệu mẫu Thị ủy Đức Phổ, in tài khoản, chạy web / load the demo and serve."""
    try:
        if seeds:
            _seed_summary()
            return
        from capuy.web.server import check_port_free, prepare, serve

        if not no_serve:
            check_port_free(host, port)
        prepare(report=console.print)
        from capuy.web.demo import demo_logins, load_demo

        console.print("Nạp dữ liệu mẫu…")
        load_demo(report=lambda line: console.print(f"  {line}"))
        from rich.table import Table

        table = Table(title="Tài khoản dùng thử / demo logins")
        for column in ("Tên đăng nhập", "Mật khẩu", "Họ tên", "Đơn vị", "Vai trò"):
            table.add_column(column, no_wrap=column in ("Tên đăng nhập", "Mật khẩu"))
        for login in demo_logins():
            table.add_row(login.username, login.password, login.name, login.office, login.roles)
        console.print(table)
        if not no_serve:
            console.print(f"Mở http://{host}:{port}/ trong trình duyệt (Ctrl+C để dừng)")
            serve(host, port)
    except InputError as error:
        fail(error)


@app.command("migrate")
def migrate_command() -> None:
    """Tạo hoặc cập nhật cơ sở dữ liệu (không nạp dữ liệu mẫu) / create or update the database."""
    try:
        from capuy.web.server import pending_migrations, setup_django

        setup_django()
        from django.conf import settings
        from django.core.management import call_command

        pending = pending_migrations()
        if pending:
            call_command("migrate", interactive=False, verbosity=0)
        console.print(
            f"Cơ sở dữ liệu {settings.DATABASES['default']['NAME']}: "
            + (f"đã áp dụng {len(pending)} bước cập nhật" if pending else "đã cập nhật sẵn")
            + " / database up to date"
        )
    except InputError as error:
        fail(error)


@app.command("createuser")
def createuser_command(
    username: Annotated[str, typer.Argument(help="tên đăng nhập / user name")],
    org: Annotated[str, typer.Option("--org", help="tổ chức (tên hoặc số hiệu) / unit")],
    role: Annotated[
        list[str], typer.Option("--role", help="van_thu, chuyen_vien, lanh_dao, quan_tri")
    ],
    clearance: Annotated[
        str, typer.Option(help="thuong, mat, toi_mat, tuyet_mat / clearance")
    ] = "thuong",
    first_name: Annotated[str, typer.Option("--first-name", help="tên / given name")] = "",
    last_name: Annotated[str, typer.Option("--last-name", help="họ đệm / family name")] = "",
    superuser: Annotated[bool, typer.Option("--superuser", help="quản trị Django")] = False,
    password: Annotated[
        str | None, typer.Option(help="mật khẩu (bỏ trống để nhập ẩn) / password")
    ] = None,
) -> None:
    """Tạo người dùng với vai trò và độ mật / create a user with roles and clearance."""
    try:
        from capuy.web.server import prepare

        prepare(report=lambda line: None, collect_static=False)
        from capuy.web.users import create_user, find_organisation, parse_clearance, parse_role

        unit = find_organisation(org)
        roles = [parse_role(r) for r in role]
        level = parse_clearance(clearance)
        if password is None:
            password = typer.prompt("Mật khẩu", hide_input=True, confirmation_prompt=True)
        user = create_user(username, password, unit, roles, level, first_name, last_name, superuser)
        console.print(f"Đã tạo người dùng {user.username} tại {unit.name}.")
    except InputError as error:
        fail(error)


def _progress_reporter() -> tuple:  # (rich Progress, report(stage, done, total))
    from rich.progress import BarColumn, Progress, TaskID, TaskProgressColumn, TextColumn

    bar = Progress(TextColumn("{task.description}"), BarColumn(), TaskProgressColumn())
    tasks: dict[str, TaskID] = {}

    def report(stage: str, done: int, total: int) -> None:
        if stage not in tasks:
            tasks[stage] = bar.add_task(stage, total=max(total, 1))
        bar.update(tasks[stage], completed=done, total=max(total, 1))

    return bar, report


@app.command("backup")
def backup_command(
    file: Annotated[Path | None, typer.Argument(help="tệp sao lưu (.tar.gz) / archive")] = None,
) -> None:
    """Sao lưu cơ sở dữ liệu và tệp đính kèm / back up the database and attached files."""
    try:
        from capuy.web.server import prepare

        prepare(report=lambda line: None, collect_static=False)
        from capuy.web.backup import backup

        bar, report = _progress_reporter()
        with bar:
            path = backup(file, progress=report)
        console.print(f"Đã sao lưu vào {path}")
    except InputError as error:
        fail(error)


@app.command("restore")
def restore_command(
    file: Annotated[Path, typer.Argument(help="tệp sao lưu (.tar.gz) / archive")],
    yes: Annotated[bool, typer.Option("--yes", help="không hỏi lại / do not ask")] = False,
) -> None:
    """Khôi phục từ bản sao lưu (thay toàn bộ dữ liệu) / restore from a backup."""
    try:
        from capuy.web.server import setup_django

        setup_django()
        from capuy.web.backup import read_manifest, restore

        manifest = read_manifest(file)
        console.print(
            f"Bản sao lưu {file.name}: {manifest['engine']}, tạo lúc {manifest['created']}"
        )
        if not yes and not typer.confirm(
            "Khôi phục sẽ thay thế toàn bộ dữ liệu hiện có. Tiếp tục?", default=False
        ):
            console.print("Đã hủy.")
            raise typer.Exit(1)
        bar, report = _progress_reporter()
        with bar:
            restore(file, progress=report)
        from capuy.web.server import prepare

        prepare(report=lambda line: None, collect_static=False)  # a newer capuy migrates it
        console.print("Đã khôi phục xong. Hãy khởi động lại capuy serve nếu đang chạy.")
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
        typer.Option(
            "--select",
            help="Chỉ các nhóm hoặc quy tắc này, cách nhau dấu phẩy / only these: "
            + ", ".join(CATEGORIES)
            + " (hoặc mã quy tắc như spelling.confusion)",
        ),
    ] = None,
    ignore: Annotated[
        str | None, typer.Option("--ignore", help="Bỏ các nhóm này / skip these categories")
    ] = None,
    config: Annotated[
        Path | None,
        typer.Option("--config", help="Tệp cấu hình YAML (mặc định capuy-check.yaml)"),
    ] = None,
    register: Annotated[
        str | None,
        typer.Option(
            "--register",
            help="Đối chiếu trích dẫn với sổ văn bản của cấp ủy này và các đơn vị trực thuộc "
            "(tên hoặc số hiệu) / compare citations with this committee's register",
        ),
    ] = None,
    model: Annotated[
        list[Path] | None,
        typer.Option(
            "--model",
            help="Tệp mô hình ngôn ngữ của cơ quan (capuy language-model) / office model counts",
        ),
    ] = None,
    annotate: Annotated[
        Path | None,
        typer.Option(
            "--annotate",
            help="Ghi bản DOCX kèm các phát hiện dưới dạng nhận xét Word (chỉ một tệp .docx) / "
            "write the DOCX with the findings as Word comments",
        ),
    ] = None,
) -> None:
    """Soát lỗi văn bản như người đọc kỹ / proofread reports (exit 0 even with findings)."""
    # Long: Typer options declared in the signature; the body is short.
    import json
    import os

    if model:
        from capuy.check.language_model import ENV_VAR, default_model

        for path in model:
            if not path.is_file():
                fail(InputError(f"Không tìm thấy tệp mô hình: {path}", f"no model file: {path}"))
        os.environ[ENV_VAR] = os.pathsep.join(str(p) for p in model)
        default_model.cache_clear()

    from capuy.api import load_documents
    from capuy.check import (
        RULES,
        all_rules,
        check,
        findings_to_json,
        load_config,
        print_report,
    )
    from capuy.check.config import parse_names, validate_names

    try:
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
        from contextlib import nullcontext

        registers: Any = nullcontext()
        if register is not None:
            from capuy.web.server import prepare

            prepare(report=lambda line: None, collect_static=False)
            from capuy.check.known_documents import use_known_documents
            from capuy.documents.known import register_documents
            from capuy.web.users import find_organisation

            registers = use_known_documents(*register_documents(find_organisation(register)))
        with registers:
            findings = check(docs, settings.merged(selected, ignored))
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


# --- search (capuy.search: the site-wide index) ---


@app.command("search")
def search_command(
    query: Annotated[str | None, typer.Argument(help="Từ cần tìm / what to find")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="In JSON / print JSON")] = False,
    user: Annotated[
        str | None,
        typer.Option(
            "--user",
            help="Tìm với quyền của người dùng này (mặc định: mọi văn bản không mật) / search "
            "as this user (default: unclassified records only)",
        ),
    ] = None,
    page: Annotated[int, typer.Option("--page", help="trang / page")] = 1,
    kind: Annotated[
        str | None, typer.Option("--kind", help="document, report, meeting, task, member, petition")
    ] = None,
    rebuild: Annotated[
        bool, typer.Option("--rebuild", help="Dựng lại toàn bộ chỉ mục / rebuild the index")
    ] = False,
) -> None:
    """Tìm trong văn bản, báo cáo, hội nghị, nhiệm vụ, đảng viên, đơn thư / site-wide search."""
    # Long: Typer options in the signature; rebuild, query and printing in one command.
    import json

    from capuy.web.server import prepare

    try:
        prepare(report=lambda line: None, collect_static=False)
        from capuy.search import service

        if rebuild:
            bar, report = _progress_reporter()
            with bar:
                counts = service.rebuild(progress=report)
            console.print(
                "Đã dựng lại chỉ mục / index rebuilt: "
                + ", ".join(f"{k} {v:,}".replace(",", ".") for k, v in counts.items())
            )
            if not query:
                return
        if not query:
            raise InputError("Cần từ khóa tìm kiếm.", "a query is required")
        reader: object = service.UNCLASSIFIED_ONLY
        if user is not None:
            from django.contrib.auth.models import User

            found = User.objects.filter(username=user, is_active=True).first()
            if found is None:
                raise InputError(f"Không có người dùng {user}.", f"no active user {user!r}")
            reader = found
        results = service.search(reader, query, {"kind": kind} if kind else {}, page)
    except InputError as error:
        fail(error)
    if as_json:
        print(json.dumps(results.as_json(), ensure_ascii=False, indent=2))
        return
    from capuy.search.snippets import marked_text

    console.print(f"{results.total:,} kết quả / results".replace(",", "."))
    for hit in results.hits:
        when = f"{hit.date:%d/%m/%Y}" if hit.date else ""
        head = " · ".join(p for p in (hit.kind_label, hit.symbol, when) if p)
        console.print(marked_text(str(hit.title), prefix=f"{head}  "))
        if str(hit.snippet):
            console.print(marked_text(str(hit.snippet), prefix="    "))


@app.command("citations")
def citations_command(
    rebuild: Annotated[
        bool, typer.Option("--rebuild", help="Tìm lại mọi dẫn chiếu / find every citation again")
    ] = False,
) -> None:
    """Dẫn chiếu giữa các văn bản trong sổ: tỷ lệ tìm được văn bản / the citation graph."""
    from capuy.web.server import prepare

    try:
        prepare(report=lambda line: None, collect_static=False)
        from capuy.citations.resolve import rebuild_citations, resolution_stats

        if rebuild:
            bar, report = _progress_reporter()
            with bar:
                stats = rebuild_citations(progress=report)
        else:
            stats = resolution_stats()
    except InputError as error:
        fail(error)
    rate = stats["resolved"] / stats["citations"] * 100 if stats["citations"] else 0.0
    from capuy.text import format_count, format_percent

    console.print(
        f"{format_count(stats['citations'])} dẫn chiếu, {format_count(stats['resolved'])} tìm "
        f"được văn bản trong sổ ({format_percent(rate, 1)})"
    )


@app.command("language-model")
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
    kind: Annotated[
        str,
        typer.Option(
            "--kind",
            help="loại (bỏ trống: theo kỳ) / kind: “quý”, “tổng kết năm”, “kết luận hội nghị”, "
            "quarterly …",
        ),
    ] = "",
    pdf: Annotated[
        Path | None, typer.Option("--pdf", help="Thêm bản PDF / also write a PDF")
    ] = None,
) -> None:
    """Dàn trang văn bản soạn bằng Markdown / lay out an authored document (DOCX, PDF)."""
    from capuy.api import render_markdown_file

    try:
        if pdf is not None:
            _pdf_ready()
        render_markdown_file(source, output, pdf)
    except InputError as error:
        fail(error)
    console.print(
        f"Đã ghi / written: {output}" + (f", {pdf}" if pdf else ""), soft_wrap=True, highlight=False
    )


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

    from capuy.api import convert_file
    from capuy.render import PdfConverter

    many = len(sources) > 1
    try:
        if pdf is not None:
            _pdf_ready()
        if many:
            for folder in (output, pdf):
                if folder is not None:
                    folder.mkdir(parents=True, exist_ok=True)
        else:
            for target in (output, pdf):
                if target is not None and target.is_dir():
                    raise InputError(
                        f"“{target}” là một thư mục: hãy ghi tên tệp ra, ví dụ {target}/ra.docx",
                        f"{target} is a folder: give the output file's name",
                    )
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
                            f"Đã ghi / written: {docx_out}" + (f", {pdf_out}" if pdf_out else ""),
                            soft_wrap=True,
                            highlight=False,
                        )
        finally:
            if converter is not None:
                converter.close()
    except InputError as error:
        fail(error)
    if many:
        console.print(f"Đã dàn trang {len(sources):02d} tệp / converted {len(sources)} files")


# --- synth (capuy.stats.synth: synthetic records at town or province scale) ---


@app.command("synth")
def synth_command(
    scale: str = typer.Option(
        "town", "--scale", help="town (một thị xã) hoặc province (một tỉnh)."
    ),
    seed: int = typer.Option(2024, "--seed", help="Hạt giống ngẫu nhiên / random seed."),
    archive: Annotated[
        Path | None,
        typer.Option("--archive", help="Ghi một kho văn bản cũ vào thư mục / write a test archive"),
    ] = None,
    count: int = typer.Option(0, "--count", help="Số văn bản của kho (0: bộ nhỏ) / documents"),
) -> None:
    """Sinh dữ liệu mẫu (đảng viên, kiểm tra, đơn thư, chỉ tiêu) / generate synthetic records."""
    if archive is not None:  # capuy.archive.synth: files on disk, no database
        from capuy.archive.synth import run_synth_command

        run_synth_command(archive, count, seed, console, fail)
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from capuy.web.server import setup_django

    setup_django()
    from django.core.management import call_command

    from capuy.stats.synth import SCALES, expected_rows, generate

    if scale not in SCALES:
        fail(
            InputError(
                f"Quy mô không hợp lệ: {scale} (town hoặc province).", f"unknown scale {scale!r}"
            )
        )
    call_command("migrate", verbosity=0)
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=console) as progress:
        task = progress.add_task("Sinh dữ liệu", total=expected_rows(scale))

        def advance(label: str, n: int) -> None:
            progress.update(task, advance=n, description=f"Sinh dữ liệu: {label}")

        try:
            root = generate(scale, seed=seed, advance=advance)
        except InputError as error:
            fail(error)
        progress.update(task, completed=expected_rows(scale))
    # bulk inserts bypass the signals that keep the search index current
    from capuy.search.service import rebuild as rebuild_search_index

    bar, report = _progress_reporter()
    with bar:
        rebuild_search_index(progress=report)
    console.print(f"Đã sinh dữ liệu mẫu cho {root.name} / synthetic records created")


# --- report (capuy.reports: periodic reports composed from the records) ---


@app.command("report")
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
    output: Annotated[Path, typer.Option("-o", "--output", help="Tệp DOCX ra / output DOCX")],
    kind: Annotated[
        str,
        typer.Option(
            "--kind",
            help="loại (bỏ trống: theo kỳ) / kind: “quý”, “tổng kết năm”, “kết luận hội nghị”, "
            "quarterly …",
        ),
    ] = "",
    pdf: Annotated[
        Path | None, typer.Option("--pdf", help="Thêm bản PDF / also write a PDF")
    ] = None,
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
            _pdf_ready()
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


# --- import (capuy.archive: an office's whole archive into the register) ---

from capuy.archive.command import register as _register_archive  # noqa: E402

_register_archive(app, console, fail)

from capuy.web.jobs_command import register as _register_jobs  # noqa: E402

_register_jobs(app, console, fail)


def main() -> None:
    """Entry point of the ``capuy`` script."""
    try:
        app()
    except InputError as error:  # raised outside a command's own handler
        err_console.print(f"Lỗi: {error.vi} / Error: {error.en}", highlight=False)
        sys.exit(error.exit_code)


if __name__ == "__main__":
    main()
