"""Import throughput (files/s) per format, and the speed-up of the process pool.

Input, written in the same run by ``capuy synth --archive`` (``capuy.archive.synth``):

* per format: ``PER_FORMAT`` documents of each kind (Unicode DOCX, DOCX in TCVN3 and VNI, .doc,
  .odt, PDF with text, scans at 300 and 200 dpi, photos) — each file read and extracted by the
  importer's worker function (``capuy.archive.reading.read_one``: the reader layer's public
  entry point + extraction + metadata), best of three, in files per second; the ratio is against
  Unicode DOCX in the same run. A format the readers cannot read yet fails fast (its reason is
  printed beside it): its figure is the cost of finding that out, not of reading it;
* the pool: ``POOL_FILES`` Unicode DOCX and text PDFs imported end to end (hash, read, extract,
  file into SQLite with the original stored) by ``run_import`` with 1 and with 2 worker
  processes, each into its own organisation of one fresh database (duplicates are looked for per
  organisation, so both do the full work). Speed-up = time with 1 ÷ time with 2.

Run: ``make bench`` or ``python -m benchmarks import``. Needs LibreOffice and pdftoppm.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from benchmarks.common import best_of, seeds_dir

PER_FORMAT = 3
POOL_FILES = 40


def _django(data_dir: Path) -> None:
    os.environ["CAPUY_DATA_DIR"] = str(data_dir)
    os.environ.pop("CAPUY_DATABASE_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "capuy.web.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def _town(name: str):  # type: ignore[no-untyped-def]
    from capuy.orgs.models import Body, CommitteeTerm, Organisation

    town = Organisation.objects.create(
        name=f"Đảng bộ {name}", committee_name=name, kind="dang_bo_huyen", code="TU"
    )
    for kind, body in (
        ("btv", "Ban Thường vụ"),
        ("ubkt", "Ủy ban Kiểm tra"),
        ("ban_to_chuc", "Ban Tổ chức"),
    ):
        Body.objects.create(organisation=town, kind=kind, name=f"{body} Thị ủy")
    for ordinal, start in ((18, 2005), (19, 2010), (20, 2015), (21, 2020)):
        CommitteeTerm.objects.create(
            organisation=town,
            ordinal=ordinal,
            start_year=start,
            end_year=start + 5,
            start_date=dt.date(start, 1, 1),
            end_date=None if ordinal == 21 else dt.date(start + 4, 12, 31),
        )
    return town


def main() -> None:
    from capuy.archive.reading import read_one
    from capuy.archive.synth import FORMATS, write_archive

    with tempfile.TemporaryDirectory(prefix="capuy-bench-import-") as tmp:
        root = Path(tmp)
        started = time.perf_counter()
        entries = write_archive(
            root / "kho", size="full", count=PER_FORMAT * len(FORMATS), seeds_dir=seeds_dir()
        )
        pool_entries = write_archive(
            root / "kho-pool",
            size="full",
            count=POOL_FILES,
            seed=11,
            formats=("docx", "pdf"),
            seeds_dir=seeds_dir(),
        )
        print(f"archives written in {time.perf_counter() - started:.0f} s")
        by_format: dict[str, list[Path]] = defaultdict(list)
        for entry in entries:  # the planned documents, not the copies and broken files added
            if entry.format in FORMATS and entry.expect in ("imported", "review"):
                by_format[entry.format].append(root / "kho" / entry.path)

        print(f"\n### reading + extraction per format ({PER_FORMAT} files each, one process)")
        print("| format | files/s | × DOCX (Unicode) | outcome |")
        print("|---|---:|---:|---|")
        rates: dict[str, float] = {}
        outcomes: dict[str, str] = {}
        for fmt in FORMATS:
            files = by_format[fmt]
            results: list[dict] = []

            def read_all(files: list[Path] = files, results: list[dict] = results) -> None:
                results.clear()
                results.extend(read_one(str(path)) for path in files)

            seconds = best_of(read_all)
            rates[fmt] = len(files) / seconds
            ok = sum(1 for r in results if r["ok"])
            reason = next((r["en"].split(":")[0] for r in results if not r["ok"]), "")
            outcomes[fmt] = f"{ok}/{len(files)} read" + (f"; {reason}" if reason else "")
        for fmt in FORMATS:
            ratio = rates[fmt] / rates["docx"]
            print(f"| {fmt} | {rates[fmt]:.2f} | {ratio:.2f} | {outcomes[fmt]} |")

        _django(root / "data")
        from capuy.archive.runner import run_import

        timings: dict[int, float] = {}
        counts: dict[int, dict[str, int]] = {}
        for jobs in (1, 2):
            town = _town(f"Thị ủy Thử {jobs}")
            start = time.perf_counter()
            run = run_import(town, root / "kho-pool", jobs=jobs)
            timings[jobs] = time.perf_counter() - start
            counts[jobs] = {}
            for status in run.items.values_list("status", flat=True):
                counts[jobs][status] = counts[jobs].get(status, 0) + 1
        files = len(pool_entries)
        print(f"\n### whole import, {files} files (DOCX + text PDF + seeds + litter), SQLite")
        print("| worker processes | seconds | files/s | speed-up | outcome |")
        print("|---:|---:|---:|---:|---|")
        for jobs in (1, 2):
            outcome = ", ".join(f"{k} {v}" for k, v in sorted(counts[jobs].items()))
            print(
                f"| {jobs} | {timings[jobs]:.1f} | {files / timings[jobs]:.2f} | "
                f"{timings[1] / timings[jobs]:.2f} | {outcome} |"
            )
        print(
            f"\ncpu count: {os.cpu_count()}; load average: {os.getloadavg()[0]:.1f} (shared machine)"
        )


if __name__ == "__main__":
    main()
