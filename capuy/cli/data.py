"""The database's commands: ``capuy demo``, ``migrate``, ``createuser``, ``backup``,
``restore`` and ``synth`` (synthetic records at town or province scale)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from capuy.cli.common import console, fail, progress_reporter, quiet_django
from capuy.cli.documents import seed_summary
from capuy.cli.registry import command
from capuy.errors import InputError


def _print_demo_logins() -> None:
    from rich.table import Table

    from capuy.web.demo import demo_logins

    table = Table(title="Tài khoản dùng thử / demo logins")
    for column in ("Tên đăng nhập", "Mật khẩu", "Họ tên", "Đơn vị", "Vai trò"):
        table.add_column(column, no_wrap=column in ("Tên đăng nhập", "Mật khẩu"))
    for login in demo_logins():
        table.add_row(login.username, login.password, login.name, login.office, login.roles)
    console.print(table)


@command("demo")
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
            seed_summary()
            return
        from capuy.web.server import check_port_free, prepare, serve

        if not no_serve:
            check_port_free(host, port)
        prepare(report=console.print)
        from capuy.web.demo import load_demo

        console.print("Nạp dữ liệu mẫu…")
        load_demo(report=lambda line: console.print(f"  {line}"))
        _print_demo_logins()
        if not no_serve:
            console.print(f"Mở http://{host}:{port}/ trong trình duyệt (Ctrl+C để dừng)")
            serve(host, port)
    except InputError as error:
        fail(error)


@command("migrate")
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


@command("createuser")
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
        quiet_django()
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


@command("backup")
def backup_command(
    file: Annotated[Path | None, typer.Argument(help="tệp sao lưu (.tar.gz) / archive")] = None,
) -> None:
    """Sao lưu cơ sở dữ liệu và tệp đính kèm / back up the database and attached files."""
    try:
        quiet_django()
        from capuy.web.backup import backup

        bar, report = progress_reporter()
        with bar:
            path = backup(file, progress=report)
        console.print(f"Đã sao lưu vào {path}")
    except InputError as error:
        fail(error)


@command("restore")
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
        bar, report = progress_reporter()
        with bar:
            restore(file, progress=report)
        quiet_django()  # a newer capuy migrates it
        console.print("Đã khôi phục xong. Hãy khởi động lại capuy serve nếu đang chạy.")
    except InputError as error:
        fail(error)


def _generate_with_progress(scale: str, seed: int, fraction: float = 1.0) -> str:
    """Fill the database at ``scale`` with a progress bar; the root organisation's name.
    The national scale (PostgreSQL, COPY) builds ``fraction`` of the whole Party."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from capuy.stats import national
    from capuy.stats.synth import expected_rows, generate

    def build(advance: object) -> object:
        if scale == "national":
            return national.generate_national(fraction, seed=seed, advance=advance)  # type: ignore[arg-type]
        return generate(scale, seed=seed, advance=advance)  # type: ignore[arg-type]

    total = national.expected_rows(fraction) if scale == "national" else expected_rows(scale)

    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=console) as progress:
        task = progress.add_task("Sinh dữ liệu", total=total)

        def advance(label: str, n: int) -> None:
            progress.update(task, advance=n, description=f"Sinh dữ liệu: {label}")

        try:
            root = build(advance)
        except InputError as error:
            fail(error)
        progress.update(task, completed=total)
    return root.name  # type: ignore[attr-defined]


@command("synth")
def synth_command(
    scale: str = typer.Option(
        "town",
        "--scale",
        help="town (một thị xã), province (một tỉnh) hoặc national (toàn quốc, PostgreSQL).",
    ),
    fraction: float = typer.Option(
        1.0, "--fraction", help="Tỷ lệ quy mô toàn quốc (0,01 = 1/100) / share of national size."
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
    from capuy.web.server import setup_django

    setup_django()
    from django.core.management import call_command

    from capuy.stats.synth import SCALES

    if scale not in [*SCALES, "national"]:
        fail(
            InputError(
                f"Quy mô không hợp lệ: {scale} (town, province hoặc national).",
                f"unknown scale {scale!r}",
            )
        )
    if scale == "national":
        from django.db import connection

        if connection.vendor != "postgresql":
            fail(
                InputError(
                    "Quy mô toàn quốc (--scale national) chỉ chạy trên PostgreSQL: đặt "
                    "CAPUY_DATABASE_URL=postgresql://… rồi chạy lại.",
                    "--scale national needs PostgreSQL (CAPUY_DATABASE_URL)",
                )
            )
    call_command("migrate", verbosity=0)
    root_name = _generate_with_progress(scale, seed, fraction)
    # bulk inserts bypass the signals that keep the search index current
    from capuy.search.service import rebuild as rebuild_search_index

    bar, report = progress_reporter()
    with bar:
        rebuild_search_index(progress=report)
    console.print(f"Đã sinh dữ liệu mẫu cho {root_name} / synthetic records created")
