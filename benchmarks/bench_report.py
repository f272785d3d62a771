"""Compose + render of the monthly report on province-scale records.

Builds the province-scale synthetic records (``capuy.stats.synth.generate("province")``, as
``capuy synth --scale province``: ~100 communes, ~3.000 cells, ~100.000 members, five years of
events, petitions and monthly indicator values) in a throwaway SQLite database, then gives the
province committee and one district committee a register, meetings and tasks for February 2024
(the synthetic generator has none): documents numbered through the real ``register_outgoing``,
BTV and Thường trực meetings with agenda items. It then times, for the province (whole tree)
and for a district:

- compose: ``capuy.reports.compose.compose(org, "monthly", "2024-02")`` — every figure counted
  live over the subtree, the lists, the appendix;
- DOCX: ``capuy.render`` of the composed Markdown;
- PDF (warm): the DOCX through one running LibreOffice (``PdfConverter``), first call excluded;

beside a baseline measured in the same run: rendering the hand-written authoring example of
seed 000 (``tests/fixtures/authoring/bao-cao-thang-02-2024.md``) to DOCX.

Runs in a child process so its database never mixes with another benchmark's.
Environment: ``CAPUY_BENCH_REPEAT`` (default 7).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    env = {k: v for k, v in os.environ.items() if k != "CAPUY_DATABASE_URL"}
    with tempfile.TemporaryDirectory(prefix="capuy-bench-report-") as data_dir:
        env["CAPUY_DATA_DIR"] = data_dir
        env["DJANGO_SETTINGS_MODULE"] = "capuy.web.settings"
        subprocess.run(
            [sys.executable, "-m", "benchmarks.bench_report", "--child"], env=env, check=True
        )


def _register(org, days: int) -> int:  # type: ignore[no-untyped-def]
    """A month's register, meetings and tasks for ``org`` (its committee gets a BTV, a
    Thường trực and a term first)."""
    import datetime as dt

    from capuy.documents.numbering import register_outgoing
    from capuy.meetings.models import AgendaItem, Meeting, Task
    from capuy.orgs.models import Body, CommitteeTerm

    bodies = {
        kind: Body.objects.get_or_create(
            organisation=org,
            kind=kind,
            valid_from=None,
            defaults={"name": f"{name} {org.committee_name}"},
        )[0]
        for kind, name in (("btv", "Ban Thường vụ"), ("thuong_truc", "Thường trực"))
    }
    CommitteeTerm.objects.get_or_create(
        organisation=org,
        ordinal=20,
        defaults={"start_year": 2020, "end_year": 2025, "start_date": dt.date(2020, 10, 1)},
    )
    types = ["BC", "CV", "KH", "KL", "QĐ", "TB", "ĐA"]
    n = 0
    for day in range(days):
        on = dt.date(2024, 1, 27) + dt.timedelta(days=day)
        for i, code in enumerate(types[: 2 + day % 5]):
            register_outgoing(
                issuing_body=bodies["btv"],
                type_code=code,
                issued_on=on,
                summary=f"Văn bản số {n + 1} về công tác xây dựng Đảng và hệ thống chính trị năm 2024 ({i})",
            )
            n += 1
    for week in range(4):
        for kind in ("btv", "thuong_truc"):
            meeting = Meeting.objects.create(
                organisation=org,
                body=bodies[kind],
                kind="thuong_ky",
                title=f"Hội nghị {bodies[kind].name}",
                held_on=dt.date(2024, 2, 2 + 7 * week),
                chair="Đồng chí Bí thư",
            )
            for position, title in enumerate(
                [
                    "Công tác cán bộ",
                    "Kế hoạch tuyên truyền về tư tưởng, đạo đức",
                    "Xem xét kết nạp đảng viên",
                    "Quy hoạch dự án giải phóng mặt bằng",
                    "Báo cáo đại hội đảng bộ các cấp",
                ],
                start=1,
            ):
                AgendaItem.objects.create(
                    meeting=meeting, position=position, title=f"{title} (phiên {week + 1})"
                )
    for i in range(30):
        Task.objects.create(
            organisation=org,
            title=f"Nhiệm vụ trọng tâm số {i + 1} về kinh tế - xã hội",
            due_on=dt.date(2024, 3, 1 + i % 28),
            status="moi",
        )
    return n


def _child() -> None:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from capuy.members.models import Member
    from capuy.orgs.models import Organisation
    from capuy.render import PdfConverter
    from capuy.reports.compose import compose
    from capuy.reports.output import write_docx
    from capuy.stats.synth import generate

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    province = generate("province")
    district = Organisation.objects.filter(parent=province).order_by("pk").first()
    assert district is not None
    docs = _register(province, 31) + _register(district, 31)
    built = time.perf_counter() - started
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    print(
        f"province data built in {built:.1f} s: {Organisation.objects.count():,} tổ chức đảng, "
        f"{Member.objects.count():,} đảng viên, {docs:,} văn bản tháng 02/2024"
    )
    repeat = int(os.environ.get("CAPUY_BENCH_REPEAT", "7"))
    example = (ROOT / "tests/fixtures/authoring/bao-cao-thang-02-2024.md").read_text("utf-8")

    def timed(fn, n: int = repeat) -> list[float]:  # type: ignore[no-untyped-def]
        out = []
        for _ in range(n):
            t0 = time.perf_counter()
            fn()
            out.append((time.perf_counter() - t0) * 1000)
        return out

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        baseline = statistics.median(timed(lambda: write_docx(example, out / "seed.docx")))
        print(f"baseline: render seed 000's authoring example to DOCX  p50 {baseline:8.1f} ms")
        with PdfConverter() as converter:
            for org, name in ((province, "province"), (district, "district")):
                report = compose(org, "monthly", "2024-02")
                compose_ms = timed(lambda org=org: compose(org, "monthly", "2024-02"))
                docx_ms = timed(lambda r=report: write_docx(r.markdown, out / "r.docx"))
                converter.convert(out / "r.docx", out / "r.pdf")  # warm-up
                pdf_ms = timed(lambda: converter.convert(out / "r.docx", out / "r.pdf"), 3)
                c, d, p = (statistics.median(x) for x in (compose_ms, docx_ms, pdf_ms))
                lines = report.markdown.count("\n")
                print(
                    f"{name:8s} ({org.name}; {report.value('members.admissions')} kết nạp, "
                    f"{len(report.source('documents.issued').ids)} văn bản, {lines} dòng):"
                )
                print(f"  compose            p50 {c:8.1f} ms  max {max(compose_ms):8.1f} ms")
                print(f"  render DOCX        p50 {d:8.1f} ms  ({d / baseline:.1f}× baseline)")
                print(
                    f"  compose + DOCX     p50 {c + d:8.1f} ms  ({(c + d) / baseline:.1f}× baseline)"
                )
                print(f"  DOCX → PDF (warm)  p50 {p:8.1f} ms  ({converter.mode})")


if __name__ == "__main__":
    if "--child" in sys.argv:
        _child()
    else:
        main()
