"""How each format of the test archive (``capuy synth --archive``) is made from a rendered
DOCX or PDF: runs re-typed in a legacy font (TCVN3, VNI-Windows), conversion by LibreOffice,
scans (rasterised by ``pdftoppm``, turned, speckled) and photos of a page. The archive's
layout and manifest are ``capuy.archive.synth``'s."""

from __future__ import annotations

import random
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from capuy.errors import MissingProgramError

# --- DOCX in legacy fonts -------------------------------------------------------------------


def recode_docx(path: Path, body_only: bool, scheme: str) -> None:
    """Rewrite ``path``'s runs in a legacy font (every paragraph, or the body only)."""
    import copy

    from docx import Document as open_docx
    from docx.oxml.ns import qn

    from capuy.archive.legacy import encode_vni, tcvn3_runs

    document = open_docx(str(path))
    paragraphs = list(document.paragraphs)
    if not body_only:
        for table in document.tables:
            for row in table.rows:
                for cell in row.cells:
                    paragraphs.extend(cell.paragraphs)
    for paragraph in paragraphs:
        for run in list(paragraph.runs):
            if not run.text:
                continue
            pieces = (
                tcvn3_runs(run.text) if scheme == "tcvn3" else [("VNI-Times", encode_vni(run.text))]
            )
            element = run._r
            for font, text in reversed(pieces[1:]):
                clone = copy.deepcopy(element)
                element.addnext(clone)
                _set_run(clone, font, text, qn)
            _set_run(element, pieces[0][0], pieces[0][1], qn)
    document.save(str(path))


def _set_run(element: Any, font: str, text: str, qn: Callable[[str], str]) -> None:
    from docx.text.run import Run

    run = Run(element, None)  # type: ignore[arg-type]
    run.text = text
    run.font.name = font
    fonts = element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), font)


# --- LibreOffice and rasterising ------------------------------------------------------------


def soffice_convert(sources: list[Path], target: str, outdir: Path) -> None:
    """One LibreOffice process converts every source to ``target`` (doc, odt, pdf)."""
    from capuy.render.pdf import find_soffice

    if not sources:
        return
    outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="capuy-synth-lo-") as profile:
        command = [
            find_soffice(),
            f"-env:UserInstallation={Path(profile).resolve().as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            target,
            "--outdir",
            str(outdir),
            *[str(s) for s in sources],
        ]
        subprocess.run(command, capture_output=True, timeout=120 + 30 * len(sources), check=False)


def _rasterise(pdf: Path, dpi: int, first_page_only: bool = False) -> list[Path]:
    if shutil.which("pdftoppm") is None:
        raise MissingProgramError(
            "Thiếu pdftoppm (gói poppler-utils)", "pdftoppm is missing (package poppler-utils)"
        )
    prefix = pdf.with_name(f"{pdf.stem}-{dpi}")
    command = ["pdftoppm", "-r", str(dpi), "-gray", "-png"]
    if first_page_only:
        command += ["-f", "1", "-l", "1"]
    subprocess.run([*command, str(pdf), str(prefix)], check=True, capture_output=True, timeout=300)
    return sorted(pdf.parent.glob(f"{prefix.name}-*.png"))


def scan_pdf(pdf: Path, dpi: int, out: Path, rng: random.Random) -> None:
    """An image-only PDF like a scanner makes: turned a fraction of a degree, with speckles."""
    from PIL import Image

    pages = []
    for png in _rasterise(pdf, dpi):
        with Image.open(png) as image:
            page = image.convert("L")
        page = page.rotate(
            rng.uniform(-1.2, 1.2), expand=True, fillcolor=255, resample=Image.Resampling.BICUBIC
        )
        _speckle(page, rng, density=0.0008)
        pages.append(page)
        png.unlink()
    pages[0].save(out, "PDF", resolution=float(dpi), save_all=True, append_images=pages[1:])


def _speckle(image: Any, rng: random.Random, density: float) -> None:
    width, height = image.size
    pixels = image.load()
    for _ in range(int(width * height * density)):
        x, y = rng.randrange(width), rng.randrange(height)
        pixels[x, y] = rng.choice((0, 60, 200))


def photo(pdf: Path, out: Path, rng: random.Random) -> None:
    """A phone photo of the first page: on a grey desk, turned a few degrees, JPEG."""
    from PIL import Image, ImageFilter

    png = _rasterise(pdf, 150, first_page_only=True)[0]
    with Image.open(png) as image:
        page = image.convert("L")
    png.unlink()
    page = page.rotate(
        rng.uniform(-4.0, 4.0), expand=True, fillcolor=120, resample=Image.Resampling.BICUBIC
    )
    desk = Image.new("L", (page.width + 80, page.height + 80), 110)
    desk.paste(page, (40, 40))
    desk = desk.filter(ImageFilter.GaussianBlur(0.6))
    _speckle(desk, rng, density=0.0005)
    desk.convert("RGB").save(out, "JPEG", quality=80)


# --- each format from the rendered DOCX -----------------------------------------------------


def convert_with_libreoffice(made: list[tuple[str, Path]], work: Path) -> None:
    """The PDFs (for PDF, scans and photos), DOCs and ODTs, in one LibreOffice run each."""
    needs_pdf = [d for f, d in made if f in ("pdf", "scan300", "scan200", "photo")]
    soffice_convert(needs_pdf, "pdf", work / "pdf")
    soffice_convert([d for f, d in made if f == "doc"], "doc", work / "doc")
    soffice_convert([d for f, d in made if f == "odt"], "odt", work / "odt")


def write_format(fmt: str, docx: Path, out: Path, work: Path, rng: random.Random) -> None:
    """The archive's file of format ``fmt`` at ``out``, from the DOCX and its conversions."""
    if fmt == "docx":
        shutil.copyfile(docx, out)
    elif fmt in ("docx-tcvn3", "docx-vni"):
        shutil.copyfile(docx, out)
        recode_docx(out, body_only=fmt == "docx-vni", scheme=fmt[5:])
    elif fmt in ("doc", "odt"):
        produced = work / fmt / f"{docx.stem}.{fmt}"
        if not produced.is_file():
            raise MissingProgramError(
                f"LibreOffice không lưu được {fmt}", f"LibreOffice did not write .{fmt}"
            )
        shutil.copyfile(produced, out)
    else:
        pdf = work / "pdf" / f"{docx.stem}.pdf"
        if not pdf.is_file():
            raise MissingProgramError(
                "LibreOffice không tạo được PDF", "LibreOffice did not write the PDF"
            )
        if fmt == "pdf":
            shutil.copyfile(pdf, out)
        elif fmt.startswith("scan"):
            scan_pdf(pdf, int(fmt[4:]), out, rng)
        else:
            photo(pdf, out, rng)
