"""Rendering: seed 001 as an official-layout DOCX, and DOCX → PDF cold vs warm.

* **DOCX** — ``render_docx`` of seed 001 (read and extracted beforehand; 125 blocks, 20 real
  footnotes, 40 headings), against a baseline measured in the same run: python-docx writing the
  same paragraphs with no layout at all (one ``add_paragraph`` per block). Best of five.
* **PDF** — the four seeds' DOCX converted to PDF, repeated ``ROUNDS`` times:
  *cold* = ``docx_to_pdf`` per file (one ``soffice --convert-to`` process each), *warm* =
  one ``PdfConverter`` (one LibreOffice over UNO) for all files, its start-up included; the
  ratio is cold / warm. Steady state = warm per file without the start-up.

Run: ``make bench`` or ``python -m benchmarks render``.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from benchmarks.common import best_of, seeds_dir

ROUNDS = 2


def main() -> None:
    import docx

    from capuy.extract import extract
    from capuy.read import read_file
    from capuy.render import PdfConverter, docx_to_pdf, layout_document, render_docx

    seeds = sorted(seeds_dir().glob("*.txt"))
    seed_001 = next(p for p in seeds if p.name.startswith("001"))
    with tempfile.TemporaryDirectory(prefix="capuy-bench-") as tmp:
        out = Path(tmp)
        doc = layout_document(extract(read_file(seed_001)))

        def plain() -> None:
            plain_doc = docx.Document()
            for block in doc.blocks:
                plain_doc.add_paragraph(block.text)
            plain_doc.save(str(out / "plain.docx"))

        def official() -> None:
            render_docx(doc, out / "official.docx")

        base, rendered = best_of(plain, repeat=5), best_of(official, repeat=5)
        print(f"seed 001 → DOCX, official layout : {rendered * 1000:8.1f} ms")
        print(f"baseline (plain python-docx)      : {base * 1000:8.1f} ms")
        print(f"ratio official / plain            : {rendered / base:8.2f}")

        sources = []
        for seed in seeds:
            path = out / f"{seed.stem}.docx"
            render_docx(layout_document(extract(read_file(seed))), path)
            sources.append(path)
        jobs = [(src, out / f"r{r}-{src.stem}.pdf") for r in range(ROUNDS) for src in sources]

        start = time.perf_counter()
        for src, dst in jobs:
            docx_to_pdf(src, dst.with_name("cold-" + dst.name))
        cold = time.perf_counter() - start

        start = time.perf_counter()
        with PdfConverter() as converter:
            started = time.perf_counter()
            for src, dst in jobs:
                converter.convert(src, dst)
            steady = time.perf_counter() - started
            mode = converter.mode
        warm = time.perf_counter() - start
        n = len(jobs)
        print(f"DOCX → PDF, {n} files (4 seeds x {ROUNDS}), converter mode {mode}")
        print(
            f"cold: one soffice per file        : {cold:8.2f} s  ({cold / n * 1000:6.0f} ms/file)"
        )
        print(
            f"warm: one soffice reused (+start) : {warm:8.2f} s  ({warm / n * 1000:6.0f} ms/file)"
        )
        print(
            f"warm steady state                 : {steady:8.2f} s  ({steady / n * 1000:6.0f} ms/file)"
        )
        print(f"ratio cold / warm                 : {cold / warm:8.2f}")
        print(f"ratio cold / warm steady state    : {cold / steady:8.2f}")


if __name__ == "__main__":
    main()
