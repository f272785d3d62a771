"""OCR on rasterised seeds: each seed rendered to PDF (``capuy convert``), rasterised with
``pdftoppm`` at 300 and 200 dpi, each page turned slightly (±0,4–1,2°) with speckle noise, put
back together as a scanned PDF and read with ``capuy.read.read_file`` (Tesseract + repairs).

Figures: character error rate against the rendered PDF's own text layer in the document's own
order (``pdftotext -raw``: the content stream, cell by cell and row by row in a table, the
header's columns one after the other — the source text as printed), and, as measured before
December 2026, against ``pdftotext``'s default reading order (which reads a table with wrapped
cells column by column); citation recall/precision on (symbol, date) against the seed text's
extraction, header fields (kind, number, date, issuer, title) equal to the seed's, pages per
minute. ``CAPUY_BENCH_OCR_SEEDS`` = "all" or a comma list of seed prefixes (default 002:
the shortest to lay out, 7 pages; all four take over an hour on a loaded 2-core machine), or
"heldout": the held-out set of texts that are not seeds (``benchmarks/ocr_heldout/*.md``, written
by ``benchmarks/ocr_heldout_make.py``, and two reports composed by ``capuy report`` from the demo
records, ``tests/expected/golden/reports/``), laid out through the same path; or "heldout2": the
second set (``benchmarks/ocr_heldout2/``, ``python -m benchmarks.ocr_heldout_make 2``, and the
thematic and mid-term composed reports), built when the first had been looked at; or "heldout3":
the third (``benchmarks/ocr_heldout3/``, ``python -m benchmarks.ocr_heldout_make 3``), built when
the second had been looked at, from its own templates; or "heldout4" (``benchmarks/ocr_heldout4/``,
``python -m benchmarks.ocr_heldout_make 4``), built when the third had been looked at; or
"heldout5" (``benchmarks/ocr_heldout5/``, ``python -m benchmarks.ocr_heldout_make 5``), built when
the fourth had been looked at, and scanned its own way (``SCAN5``: other angles, clumped specks,
every third page photo-like); or "heldout6" (``benchmarks/ocr_heldout6/``, ``python -m
benchmarks.ocr_heldout_make 6``), built when the fifth had been looked at, its pages scanned in
turn the usual way and set 5's (``SCAN6``); or "heldout7" (``benchmarks/ocr_heldout7/``, ``python
-m benchmarks.ocr_heldout_make 7``), built when the sixth had been looked at: a tờ trình, a biên
bản with a two-column signature block, a kế hoạch with a wide table across a page, a công văn
with a centred heading over its table; scanned like set 6; or "heldout8"
(``benchmarks/ocr_heldout8/``, ``python -m benchmarks.ocr_heldout_make 8``), built when the seventh
had been looked at: a báo cáo with a two-level numbered table, a nghị quyết of articles (Điều 1,
Điều 2 …), a thông báo of conclusions; scanned like set 6; or "heldout9" and "heldout10"
(``benchmarks/ocr_heldout9/``, ``ocr_heldout10/``, ``python -m benchmarks.ocr_heldout_make 9``
and ``10``), written while two helpers changed the reader, for the lead to measure their merged
code on: set 9 a quyết định with its list of members attached, a báo cáo marked MẬT with a wide
table of figures over a page, a công văn "V/v …" signed "TUQ."; set 10 a chương trình with a
month-by-month table, a kết luận without a superior body, a biên bản of an inspection with a
table of party-dues figures and a three-column signature table, a tờ trình signed "Q."; both
scanned like set 6; or "heldout11" and "heldout12" (``benchmarks/ocr_heldout11/``,
``ocr_heldout12/``, ``python -m benchmarks.ocr_heldout_make 11`` and ``12``), written while two
helpers changed the reader again, for the lead to measure their merged code on: set 11 a quy
chế of chapters and articles, a thông tri, a báo cáo sơ kết with two tables of figures (a
"Tổng cộng" row, a citation in a table cell) signed "KT.", a chi bộ's công văn; set 12 a kế
hoạch kiểm tra of an Ủy ban Kiểm tra with a table of organisations, dates and citations, a
quyết định kết nạp đảng viên, a hướng dẫn numbered 1., 1.1., a) with an appendix table of
forms and deadlines, a công văn with two signers side by side; both scanned like set 6; or
"heldout13" and "heldout14" (``benchmarks/ocr_heldout13/``, ``ocr_heldout14/``, ``python -m
benchmarks.ocr_heldout_make 13`` and ``14``), written when the session's reader was final, to
measure it once: set 13 a commune's báo cáo tổng kết năm with a table of targets (kế hoạch,
thực hiện, tỷ lệ %), a quyết định thi hành kỷ luật of an Ủy ban Kiểm tra marked MẬT, a chi
bộ's nghị quyết with a month-by-month programme, a thông báo kết luận signed "T/L"; set 14 a
kết luận of a ward's Ban Thường vụ on a petition, a Văn phòng's tờ trình signed "K/T", a kế
hoạch with a table of tasks, bodies in charge, deadlines and citations; both scanned like set 6.

``CAPUY_BENCH_OCR_SCAN=5`` scans any set the way set 5 is scanned (``SCAN5``): the development
sets under set 5's conditions, to work on those without looking at set 5; ``=6`` the same with
``SCAN6``.

``CAPUY_BENCH_OCR_CACHE=DIR`` keeps Tesseract's output of every page (its TSV, per text, dpi and
text hash) and the page's ruled-table grid (``capuy.read.ocr_grid``, found in the page image) in
DIR, and a later run with the same DIR re-runs only the layout, the repairs and the
extraction on it — minutes of Tesseract per page saved while the later stages change. A file's
key ends in ``-cells1``: its TSV is the one after the tables' unsure cells were read again
(``capuy.read.ocr_cellread``). A file of the kind before (``-grid1``: the grid, the TSV as the
page's layout read it) is brought up to date, not read again whole: the page is scanned,
cleaned and straightened again (the same seed, the same steps) and only its unsure cells go
through Tesseract (``capuy.read.ocr.reread_tables``); its seconds are then the first reading's
plus this one's (a second straightening included).
"""

from __future__ import annotations

import difflib
import hashlib
import json
import os
import random
import re
import subprocess
import tempfile
import time
from pathlib import Path

from benchmarks.common import seeds_dir

DPIS = (300, 200)
HELDOUT = Path(__file__).parent / "ocr_heldout"
COMPOSED = Path(__file__).parent.parent / "tests" / "expected" / "golden" / "reports"
COMPOSED_REPORTS = ("monthly_2024-02.md", "yearly_2023.md")
HELDOUT2 = Path(__file__).parent / "ocr_heldout2"
COMPOSED_REPORTS2 = ("thematic_2021-05-18_2024-02-26.md", "mid_term_2020-2025.md")
HELDOUT3 = Path(__file__).parent / "ocr_heldout3"
HELDOUT5 = Path(__file__).parent / "ocr_heldout5"
SCAN6_FROM = 6
"""Sets from the sixth on are scanned like set 6 (``SCAN6``)."""
ANGLES = (0.6, -0.9, 0.4, -1.2, 1.0)
SCAN5 = {"angles": (-1.5, 0.3, 1.4, -0.7, 0.9, -0.2), "clumps": True, "photo_every": 3}
"""Set 5's scan: turns up to 1,5°, one speck in three a 2×2 clump, and every third page (the
third, sixth…) photo-like: a background lit unevenly (white to about 80 % grey across the page)
and a slight blur, as a page photographed on a desk rather than fed through a scanner."""
SCAN6 = {"mixed": True}
"""Set 6's scan: the pages alternate. The first, third… are scanned the usual way (``ANGLES``,
single specks), the second, fourth… ``SCAN5``'s way (its angles, a third of the specks 2×2
clumps), and of those every second one (the second, sixth…) photo-like."""


def cer(reference: str, hypothesis: str) -> tuple[int, int]:
    """(edits, reference length) over whitespace-normalised text; edits counted from the
    opcodes of a character alignment (each replaced/inserted/deleted run costs its longer side)."""
    ref = " ".join(reference.split())
    hyp = " ".join(hypothesis.split())
    matcher = difflib.SequenceMatcher(None, ref, hyp, autojunk=False)
    edits = sum(
        max(i2 - i1, j2 - j1) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"
    )
    return edits, len(ref)


def scan_pdf(pdf: Path, dpi: int, out: Path, seed: int, profile: dict | None = None) -> int:
    """Rasterise ``pdf`` and write a noisy, slightly turned scanned PDF; return its page count.
    ``profile`` (``SCAN5``) changes the angles, the specks and adds photo-like pages."""
    from PIL import Image, ImageChops, ImageFilter

    rng = random.Random(seed)
    mixed = bool((profile or {}).get("mixed"))
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            ["pdftoppm", "-r", str(dpi), "-gray", "-png", str(pdf), f"{tmp}/p"], check=True
        )
        pages = []
        for index, png in enumerate(sorted(Path(tmp).glob("p-*.png"))):
            image = Image.open(png).convert("L")
            page = (SCAN5 if index % 2 else {}) if mixed else (profile or {})
            angles = page.get("angles", ANGLES)
            image = image.rotate(angles[index % len(angles)], fillcolor=255, expand=False)
            pixels = image.load()
            assert pixels is not None
            width, height = image.size
            for _ in range(width * height // 400):  # 0,25 % speckle
                x, y = rng.randrange(width), rng.randrange(height)
                value = pixels[x, y]  # one grey level ("L")
                colour = 0 if isinstance(value, int) and value > 128 else 255
                pixels[x, y] = colour
                if page.get("clumps") and rng.random() < 1 / 3:
                    for dx, dy in ((1, 0), (0, 1), (1, 1)):
                        if x + dx < width and y + dy < height:
                            pixels[x + dx, y + dy] = colour
            every = page.get("photo_every", 0)
            photo = index % 4 == 1 if mixed else bool(every) and index % every == every - 1
            if photo:
                light = Image.linear_gradient("L").resize((width, height))  # 0 top → 255 bottom
                light = light.rotate(35, fillcolor=128).point(lambda v: 255 - v // 5)
                image = ImageChops.multiply(image, light)
                image = image.filter(ImageFilter.GaussianBlur(0.6 * dpi / 300))
            pages.append(image)
        pages[0].save(out, save_all=True, append_images=pages[1:], resolution=float(dpi))
        return len(pages)


def _set_number(name: str) -> int:
    """N of a held-out set's name "heldoutN" from the fourth on (0: not one of those)."""
    match = re.fullmatch(r"heldout(\d+)", name)
    return int(match[1]) if match and int(match[1]) >= 4 else 0


def texts(wanted: str) -> list[Path]:
    """The texts a run lays out, scans and reads: seeds by prefix ("002", "000,003", "all") or
    the held-out set ("heldout")."""
    if wanted == "heldout":
        return sorted(HELDOUT.glob("*.md")) + [COMPOSED / name for name in COMPOSED_REPORTS]
    if wanted == "heldout2":
        return sorted(HELDOUT2.glob("*.md")) + [COMPOSED / name for name in COMPOSED_REPORTS2]
    if wanted == "heldout3":
        return sorted(HELDOUT3.glob("*.md"))
    if number := _set_number(wanted):  # sets 4 on: a folder of texts and their README
        folder = Path(__file__).parent / f"ocr_heldout{number}"
        return sorted(p for p in folder.glob("*.md") if p.name != "README.md")
    seeds = sorted(seeds_dir().glob("*.txt"))
    if wanted != "all":
        seeds = [s for s in seeds if s.name.startswith(tuple(wanted.split(",")))]
    return seeds


def _label(path: Path) -> str:
    return path.name[:3] if path.suffix == ".txt" else path.stem


def _cache_file(path: Path, dpi: int) -> Path | None:
    folder = os.environ.get("CAPUY_BENCH_OCR_CACHE", "")
    if not folder:
        return None
    digest = hashlib.sha256(path.read_bytes()).hexdigest()[:12]
    scan = {"5": "-scan5", "6": "-scan6"}.get(os.environ.get("CAPUY_BENCH_OCR_SCAN", ""), "")
    # "-cells1": each page's TSV is the one after its tables' unsure cells were read again
    # (``capuy.read.ocr_cellread``), with the page's ruled-table grid ("-grid1": the grid, the
    # TSV before the cells were read again; an older file has no grid: it must not be read as
    # one whose pages have no ruled table)
    return Path(folder) / f"{path.stem}-{dpi}-{digest}{scan}-{CACHE_KIND}.json"


CACHE_KIND = "cells1"
BEFORE_CELLS = "grid1"
"""A cache file of this kind is brought up to ``CACHE_KIND`` by reading its tables' unsure
cells again from the page images (``capuy.read.ocr.reread_tables``), not the whole pages."""


def read_scanned(
    path: Path, rendered: Path, dpi: int, work: Path
) -> tuple[object, list[str], int, float]:
    """The document read from the scan of ``rendered`` at ``dpi``, each page's text, the page
    count and Tesseract's seconds — from the cache when it holds this text at this dpi."""
    from capuy.read.ocr import recognise, reread_tables, tsv_lines
    from capuy.read.ocr_layout import document_from_pages

    cached = _cache_file(path, dpi)
    scanned = work / f"{path.stem}-{dpi}.pdf"
    older = cached.with_name(cached.name.replace(CACHE_KIND, BEFORE_CELLS)) if cached else None
    if cached is not None and not cached.exists() and older is not None and older.exists():
        data = json.loads(older.read_text(encoding="utf-8"))
        pages = _cached_pages(data)
        scan_pdf(rendered, dpi, scanned, seed=dpi, profile=_profile(path))
        start = time.perf_counter()
        tsvs = reread_tables(scanned.read_bytes(), "pdf", pages, str(scanned))
        seconds = float(data["seconds"]) + time.perf_counter() - start  # with a 2nd straightening
        for page, tsv in zip(pages, tsvs, strict=True):
            page.tsv, page.lines = tsv, tsv_lines(tsv)
        _write_cache(cached, pages, seconds)
    if cached is not None and cached.exists():
        data = json.loads(cached.read_text(encoding="utf-8"))
        pages = _cached_pages(data)
        document, page_texts = document_from_pages(pages, str(scanned), "pdf")
        return document, page_texts, len(pages), float(data["seconds"])
    count = scan_pdf(rendered, dpi, scanned, seed=dpi, profile=_profile(path))
    start = time.perf_counter()
    result = recognise(scanned.read_bytes(), str(scanned), "pdf")
    seconds = time.perf_counter() - start
    if cached is not None:
        _write_cache(cached, result.ocr_pages, seconds)
    return result.document, result.page_texts, count, seconds


def _profile(path: Path) -> dict | None:
    """How ``path``'s set is scanned (None: the usual way)."""
    number = _set_number(path.parent.name.removeprefix("ocr_"))
    if number >= SCAN6_FROM or os.environ.get("CAPUY_BENCH_OCR_SCAN") == "6":
        return SCAN6
    if path.parent == HELDOUT5 or os.environ.get("CAPUY_BENCH_OCR_SCAN") == "5":
        return SCAN5
    return None


def _cached_pages(data: dict) -> list:
    from capuy.read.ocr import OcrPage

    return [OcrPage.from_json(page) for page in data["pages"]]


def _write_cache(cached: Path, pages: list, seconds: float) -> None:
    cached.parent.mkdir(parents=True, exist_ok=True)
    cached.write_text(
        json.dumps({"seconds": seconds, "pages": [p.to_json() for p in pages]}, ensure_ascii=False),
        encoding="utf-8",
    )


def _citations(doc: object) -> set[tuple[str, str]]:
    return {
        (c.symbol, c.date.isoformat() if c.date else "")
        for c in doc.citations  # type: ignore[attr-defined]
    }


def _header(doc: object) -> dict[str, object]:
    from capuy.extract import to_json

    data = to_json(doc)  # type: ignore[arg-type]
    return {key: data[key] for key in ("kind", "number", "date", "issuer", "title")}


def main() -> None:
    from capuy.api import convert_file
    from capuy.extract import extract
    from capuy.read import read_file
    from capuy.render import PdfConverter

    # CAPUY_BENCH_OCR_SEEDS=000,003 (all, heldout) picks the texts; CAPUY_BENCH_OCR_DPI=300 one dpi.
    chosen = texts(os.environ.get("CAPUY_BENCH_OCR_SEEDS", "002"))
    verbose = os.environ.get("CAPUY_BENCH_OCR_VERBOSE", "") == "1"
    print("machine shared with other helpers' work: timings are loaded-machine figures")
    print(
        "| dpi | text | pages | CER | CER (pdftotext order) | citations recall | precision "
        "| header fields exact | pages/min |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp, PdfConverter() as converter:
        work = Path(tmp)
        dpis = (
            tuple(int(d) for d in os.environ.get("CAPUY_BENCH_OCR_DPI", "").split(",") if d.strip())
            or DPIS
        )
        totals: dict[int, list[float]] = {dpi: [0, 0, 0, 0, 0, 0.0, 0, 0, 0, 0] for dpi in dpis}
        for path in chosen:
            rendered = work / f"{path.stem}.pdf"
            convert_file(path, work / f"{path.stem}.docx", rendered, converter=converter)
            truth = extract(read_file(path))
            truth_citations = _citations(truth)
            truth_header = _header(truth)
            reference_pages = _text_layer(rendered, "-raw")
            default_pages = _text_layer(rendered)
            for dpi in dpis:
                read, page_texts, pages, seconds = read_scanned(path, rendered, dpi, work)
                edits = length = old_edits = old_length = 0
                for reference, text in zip(reference_pages, page_texts, strict=False):
                    e, n = cer(_no_page_number(reference), text)
                    edits, length = edits + e, length + n
                for reference, text in zip(default_pages, page_texts, strict=False):
                    e, n = cer(_no_page_number(reference), text)
                    old_edits, old_length = old_edits + e, old_length + n
                doc = extract(read)  # type: ignore[arg-type]
                found = _citations(doc)
                hits = len(found & truth_citations)
                header = _header(doc)
                exact = sum(1 for k, v in truth_header.items() if _same(header[k], v))
                print(
                    f"| {dpi} | {_label(path)} | {pages} | {100 * edits / max(1, length):.2f} % "
                    f"| {100 * old_edits / max(1, old_length):.2f} % "
                    f"| {hits / max(1, len(truth_citations)):.3f} "
                    f"| {hits / max(1, len(found)):.3f} | {exact}/{len(truth_header)} "
                    f"| {_per_minute(pages, seconds)} |"
                )
                if verbose:  # per-item errors: not for a held-out set while developing
                    for key in sorted(truth_header):
                        if not _same(header[key], truth_header[key]):
                            print(f"  - {key}: {header[key]!r} ≠ {truth_header[key]!r}")
                    for item in sorted(truth_citations - found):
                        print(f"  - missed {item}")
                    for item in sorted(found - truth_citations):
                        print(f"  - wrong  {item}")
                t = totals[dpi]
                t[0] += edits
                t[1] += length
                t[2] += hits
                t[3] += len(truth_citations)
                t[4] += len(found)
                t[5] += seconds
                t[6] += pages
                t[7] += exact
                t[8] += old_edits
                t[9] += old_length
        for dpi, t in totals.items():
            print(
                f"| {dpi} | all | {t[6]:.0f} | {100 * t[0] / max(1, t[1]):.2f} % "
                f"| {100 * t[8] / max(1, t[9]):.2f} % "
                f"| {t[2] / max(1, t[3]):.3f} | {t[2] / max(1, t[4]):.3f} "
                f"| {t[7]:.0f}/{5 * len(chosen)} | {_per_minute(int(t[6]), t[5])} |"
            )


def _text_layer(pdf: Path, *options: str) -> list[str]:
    """The rendered PDF's own text, page by page (``-raw``: in the content stream's order)."""
    return subprocess.run(
        ["pdftotext", *options, "-enc", "UTF-8", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split("\f")


def _per_minute(pages: int, seconds: float) -> str:
    """Pages per minute; "–" for a cache written without timings."""
    return f"{60 * pages / seconds:.1f}" if seconds > 0 else "–"


def _same(read: object, truth: object) -> bool:
    """A header field read right. The issuer compares without case: seed 000's truth comes from
    its appendix note ("của Ban Thường vụ Thị ủy") while the page laid out from it prints the
    header in capitals ("BAN THƯỜNG VỤ THỊ ỦY") — the same body, rightly read."""
    if isinstance(read, str) and isinstance(truth, str):
        return read.casefold() == truth.casefold()
    return read == truth


def _no_page_number(text: str) -> str:
    lines = text.strip().split("\n")
    if lines and re.fullmatch(r"\s*\d{1,3}\s*", lines[0]):
        lines = lines[1:]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
