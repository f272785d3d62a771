"""A monthly report's PDF: cold LibreOffice per request (today's download without a worker)
against the worker's pool of warm LibreOffice processes (``capuy.jobs.pool``).

The report is seed 000's hand-written monthly report (``tests/fixtures/authoring/
bao-cao-thang-02-2024.md``); each request renders it to DOCX and converts it to PDF exactly as
``capuy.reports.output.pdf_bytes`` does for the download and for the ``report_pdf`` job:

- cold: ``pdf_bytes(body)`` — a fresh ``soffice --convert-to pdf`` per request;
- warm: ``pdf_bytes(body, converter)`` with a converter borrowed from a started
  ``ConverterPool`` (its start-up is timed apart, paid once when the worker starts).

Requests run one after the other; p50/p95 over ``CAPUY_BENCH_REQUESTS`` (default 20) each.
The goal of issue 17: p95 < 500 ms for a monthly report once the pool is warm.
"""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REPORT = ROOT / "tests" / "fixtures" / "authoring" / "bao-cao-thang-02-2024.md"


def _ms(value: float) -> str:
    return f"{value * 1000:,.0f}".replace(",", ".") + " ms"


def _percentiles(samples: list[float]) -> tuple[float, float]:
    if len(samples) < 2:
        return samples[0], samples[0]
    cuts = statistics.quantiles(samples, n=20, method="inclusive")
    return statistics.median(samples), cuts[18]


def _timed(run: Callable[[], bytes], requests: int) -> list[float]:
    samples = []
    for _ in range(requests):
        start = time.perf_counter()
        pdf = run()
        samples.append(time.perf_counter() - start)
        assert pdf.startswith(b"%PDF"), "not a PDF"
    return samples


def main() -> None:
    from capuy.jobs.pool import ConverterPool
    from capuy.render.pdf import find_soffice
    from capuy.reports.output import pdf_bytes

    requests = int(os.environ.get("CAPUY_BENCH_REQUESTS", "20"))
    size = int(os.environ.get("CAPUY_LO_POOL", "2"))
    body = REPORT.read_text(encoding="utf-8")
    print(f"LibreOffice: {find_soffice()}; {requests} requests each; pool of {size}")
    print(f"report: {REPORT.relative_to(ROOT)} ({len(body):,} characters)".replace(",", "."))

    cold = _timed(lambda: pdf_bytes(body), requests)

    pool = ConverterPool(size)
    start = time.perf_counter()
    pool.start()
    warm_up = time.perf_counter() - start
    if pool.error:
        raise SystemExit(f"the pool did not start: {pool.error}")

    def warm_request() -> bytes:
        with pool.converter() as converter:
            return pdf_bytes(body, converter)

    try:
        warm = _timed(warm_request, requests)  # the pool warmed each LibreOffice at its start
    finally:
        pool.close()

    print(f"{'path':<34} {'p50':>10} {'p95':>10} {'max':>10}")
    for name, samples in (("cold (soffice per request)", cold), ("warm pool", warm)):
        p50, p95 = _percentiles(samples)
        print(f"{name:<34} {_ms(p50):>10} {_ms(p95):>10} {_ms(max(samples)):>10}")
    print(f"pool start-up (paid once per worker): {_ms(warm_up)}")
    p95 = _percentiles(warm)[1]
    print(f"goal p95 < 500 ms (warm): {'met' if p95 < 0.5 else 'NOT met'}")


if __name__ == "__main__":
    main()
