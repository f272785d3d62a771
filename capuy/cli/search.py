"""``capuy search`` (the site-wide index) and ``capuy citations`` (the citation graph)."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from capuy.cli.common import console, fail, progress_reporter, quiet_django
from capuy.cli.registry import command
from capuy.errors import InputError


def _rebuild_index() -> None:
    from capuy.search import service

    bar, report = progress_reporter()
    with bar:
        counts = service.rebuild(progress=report)
    console.print(
        "Đã dựng lại chỉ mục / index rebuilt: "
        + ", ".join(f"{k} {v:,}".replace(",", ".") for k, v in counts.items())
    )


def _reader(user: str | None) -> object:
    """Whose permissions the search runs with: an active user, or unclassified records only."""
    from capuy.search import service

    if user is None:
        return service.UNCLASSIFIED_ONLY
    from django.contrib.auth.models import User

    found = User.objects.filter(username=user, is_active=True).first()
    if found is None:
        raise InputError(f"Không có người dùng {user}.", f"no active user {user!r}")
    return found


def _print_results(results: Any) -> None:
    from capuy.search.snippets import marked_text

    more = "" if results.total_exact else "hơn / more than "
    console.print(f"{more}{results.total:,} kết quả / results".replace(",", "."))
    for hit in results.hits:
        when = f"{hit.date:%d/%m/%Y}" if hit.date else ""
        head = " · ".join(p for p in (hit.kind_label, hit.symbol, when) if p)
        console.print(marked_text(str(hit.title), prefix=f"{head}  "))
        if str(hit.snippet):
            console.print(marked_text(str(hit.snippet), prefix="    "))


@command("search")
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
    import json

    try:
        quiet_django()
        from capuy.search import service

        if rebuild:
            _rebuild_index()
            if not query:
                return
        if not query:
            raise InputError("Cần từ khóa tìm kiếm.", "a query is required")
        results = service.search(_reader(user), query, {"kind": kind} if kind else {}, page)
    except InputError as error:
        fail(error)
    if as_json:
        print(json.dumps(results.as_json(), ensure_ascii=False, indent=2))
        return
    _print_results(results)


@command("citations")
def citations_command(
    rebuild: Annotated[
        bool, typer.Option("--rebuild", help="Tìm lại mọi dẫn chiếu / find every citation again")
    ] = False,
) -> None:
    """Dẫn chiếu giữa các văn bản trong sổ: tỷ lệ tìm được văn bản / the citation graph."""
    try:
        quiet_django()
        from capuy.citations.resolve import rebuild_citations, resolution_stats

        if rebuild:
            bar, report = progress_reporter()
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
