"""``capuy synth --archive DIR``: an office archive to test and measure the importer with.

What an office hands over after twenty years, made from the seeds and from synthetic documents
written in the authoring format and laid out by capuy's own renderer (so every header is in the
official layout and its true metadata is known):

* DOCX in Unicode; DOCX typed in TCVN3 (``.VnTime``/``.VnTimeH`` runs) and DOCX with a Unicode
  header and a VNI-Windows body (``VNI-Times`` runs) — encoders in ``capuy.archive.legacy``;
* ``.doc`` and ``.odt`` saved by LibreOffice; PDFs with a text layer (LibreOffice);
* scanned PDFs: the PDF rasterised by ``pdftoppm`` at 300 and 200 dpi, turned by a fraction of
  a degree and sprinkled with noise, saved as image-only PDFs; photos of a page (JPEG, turned
  a few degrees on a grey desk);
* the four seeds as the plain-text files they are (their headers lost: no number, no date);
* what real folders also hold: a copy of a file in another folder, the same document saved
  again in another format, a corrupt PDF, an empty file, a spreadsheet, ``Thumbs.db``.

``manifest.json`` (in DIR) lists every file with its format and true metadata. Deterministic for
a given seed. Sizes: ``small`` (CI: one of each kind, ~20 files) and ``full`` (``count``
documents spread over the formats, for benchmarks).
"""

from __future__ import annotations

import datetime as dt
import json
import random
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import yaml

from capuy.archive.synth_formats import convert_with_libreoffice, write_format
from capuy.errors import InputError


def default_seeds_dir() -> Path | None:
    """The seed reports: ``CAPUY_SEEDS``, else ``../shared/seeds`` beside the repository."""
    import os

    repo = Path(__file__).resolve().parents[2]
    candidates = (os.environ.get("CAPUY_SEEDS", ""), str(repo.parent / "shared" / "seeds"))
    for candidate in (*candidates, "/work/shared/seeds"):
        if candidate and Path(candidate).is_dir():
            return Path(candidate)
    return None


FORMATS = (
    "docx",
    "docx-tcvn3",
    "docx-vni",
    "doc",
    "odt",
    "pdf",
    "scan300",
    "scan200",
    "photo",
)
"""Kinds of file written; a ``full`` archive cycles through them."""

OUTGOING_ISSUERS = [
    # (superior, issuer, code, signature capacity, signer title)
    ("ĐẢNG BỘ TỈNH QUẢNG NGÃI", "THỊ ỦY ĐỨC PHỔ", "TU", "T/M BAN THƯỜNG VỤ", "BÍ THƯ"),
    ("ĐẢNG BỘ TỈNH QUẢNG NGÃI", "THỊ ỦY ĐỨC PHỔ", "TU", "T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ"),
    ("THỊ ỦY ĐỨC PHỔ", "ỦY BAN KIỂM TRA", "UBKTTU", "T/M ỦY BAN KIỂM TRA", "CHỦ NHIỆM"),
    ("THỊ ỦY ĐỨC PHỔ", "BAN TỔ CHỨC", "BTCTU", "K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN"),
]
INCOMING_ISSUERS = [
    ("ĐẢNG CỘNG SẢN VIỆT NAM", "TỈNH ỦY QUẢNG NGÃI", "TU", "T/M BAN THƯỜNG VỤ", "BÍ THƯ"),
    ("TỈNH ỦY QUẢNG NGÃI", "BAN TỔ CHỨC", "BTCTU", "K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN"),
    ("ĐẢNG BỘ THỊ XÃ ĐỨC PHỔ", "ĐẢNG ỦY PHƯỜNG PHỔ HÒA", "ĐU", "T/M ĐẢNG ỦY", "BÍ THƯ"),
]
KINDS = [
    ("BÁO CÁO", "BC", "kết quả thực hiện nhiệm vụ {period}"),
    ("KẾ HOẠCH", "KH", "triển khai công tác kiểm tra, giám sát năm {year}"),
    ("THÔNG BÁO", "TB", "ý kiến của Ban Thường vụ về công tác cán bộ {period}"),
    ("NGHỊ QUYẾT", "NQ", "về nhiệm vụ trọng tâm năm {year}"),
    ("CHỈ THỊ", "CT", "về tăng cường công tác phát triển đảng viên năm {year}"),
    ("QUYẾT ĐỊNH", "QĐ", "về việc thành lập đoàn kiểm tra {period}"),
    ("KẾT LUẬN", "KL", "về tình hình thực hiện nhiệm vụ {period}"),
]
SIGNERS = ["Đỗ Tâm Hiền", "Lê Quang Hùng", "Nguyễn Thị Lan", "Trần Văn Minh", "Phạm Văn Bình"]


@dataclass
class Entry:
    """One file of the archive and what it truly is (for tests and benchmarks)."""

    path: str
    format: str
    symbol: str = ""
    date: str = ""
    type_code: str = ""
    issuer: str = ""
    direction: str = ""
    classification: int = 0
    expect: str = "imported"  # imported | review | duplicate | failed | skipped


@dataclass
class Spec:
    front: dict[str, Any]
    body: str
    direction: str


def _seed_paragraphs(seeds_dir: Path) -> list[str]:
    """Long body lines of the seeds: real Party prose for the synthetic documents' bodies."""
    lines: list[str] = []
    for path in sorted(seeds_dir.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            text = line.strip()
            if 120 < len(text) < 700 and text[0].isupper() and "|" not in text and "*" not in text:
                lines.append(text.replace("[", "(").replace("]", ")"))
    return lines


def _spec(rng: random.Random, index: int, paragraphs: list[str], numbered: bool) -> Spec:
    outgoing = rng.random() < 0.55
    superior, issuer, code, capacity, title = rng.choice(
        OUTGOING_ISSUERS if outgoing else INCOMING_ISSUERS
    )
    kind, type_code, pattern = rng.choice(KINDS)
    year = rng.randint(2005, 2024)
    on = dt.date(year, rng.randint(1, 12), rng.randint(1, 28))
    period = rng.choice([f"tháng {on.month:02d}/{year}", f"năm {year}", f"6 tháng đầu năm {year}"])
    number = 100 * index + rng.randint(1, 99)
    front: dict[str, Any] = {
        "superior": superior,
        "issuer": issuer,
        "issuer_code": code,
        "place": "Quảng Ngãi" if "TỈNH" in issuer else "Đức Phổ",
        "date": on.isoformat(),
        "kind": kind,
        "summary": pattern.format(period=period, year=year),
        "signature": {"capacity": capacity, "title": title, "name": rng.choice(SIGNERS)},
        "recipients": ["Như trên,", "Lưu Văn phòng."],
    }
    if numbered:
        front["number"] = number
        front["symbol"] = f"{number}-{type_code}/{code}"
    if rng.random() < 0.15:
        front["classification"] = "Mật"
    body_lines = rng.sample(paragraphs, k=min(len(paragraphs), rng.randint(3, 6)))
    body = "# I- TÌNH HÌNH\n\n" + "\n\n".join(body_lines[:-1]) + "\n\n# II- NHIỆM VỤ\n\n"
    body += body_lines[-1] + "\n"
    return Spec(front, body, "di" if outgoing else "den")


def _markdown(spec: Spec) -> str:
    front = yaml.safe_dump(spec.front, allow_unicode=True, sort_keys=False)
    return f"---\n{front}---\n\n{spec.body}"


def _entry(spec: Spec, path: str, fmt: str, expect: str = "imported") -> Entry:
    front = spec.front
    numbered = "symbol" in front
    return Entry(
        path=path,
        format=fmt,
        symbol=front.get("symbol", ""),
        date=front["date"],
        type_code=front["symbol"].split("-")[1].split("/")[0] if numbered else "",
        issuer=front["issuer"],
        direction=spec.direction,
        classification=1 if front.get("classification") == "Mật" else 0,
        expect=expect if numbered else "review",
    )


def _file_name(spec: Spec, suffix: str) -> str:
    front = spec.front
    on = dt.date.fromisoformat(front["date"])
    label = front.get("symbol", "du-thao").replace("/", "-")
    return f"{on.year}/{'Văn bản đi' if spec.direction == 'di' else 'Văn bản đến'}/{label} ngày {on:%d-%m-%Y}{suffix}"


# --- the archive ----------------------------------------------------------------------------


def _archive_name(spec: Spec, fmt: str) -> str:
    """Where a file of format ``fmt`` goes: "2024/Văn bản đi/708-BC-TU ngày 26-02-2024 (VNI).docx"."""
    suffix = {"doc": ".doc", "odt": ".odt", "photo": ".jpg"}.get(fmt, ".pdf")
    if fmt.startswith("docx"):
        suffix = ".docx"
    name = _file_name(spec, suffix)
    if fmt == "docx-tcvn3":
        name = name.replace(suffix, f" (TCVN3){suffix}")
    if fmt == "docx-vni":
        name = name.replace(suffix, f" (VNI){suffix}")
    if fmt.startswith("scan"):
        name = name.replace(suffix, f" (bản quét {fmt[4:]} dpi){suffix}")
    return name


def _lay_out(
    rng: random.Random, plan: list[str], paragraphs: Any, work: Path
) -> list[tuple[Spec, str, Path]]:
    """Each planned document drawn (its spec from ``rng``) and rendered to DOCX in ``work``;
    the last one a draft, without number."""
    from capuy.read.markdown import parse_authoring
    from capuy.render import render_docx

    made: list[tuple[Spec, str, Path]] = []  # (spec, format, docx in work)
    for index, fmt in enumerate(plan, start=1):
        numbered = index != len(plan) and rng.random() > 0.05  # the last: a draft
        spec = _spec(rng, index, paragraphs, numbered)
        docx = work / f"d{index:05d}.docx"
        render_docx(parse_authoring(_markdown(spec), f"synth-{index}.md"), docx)
        made.append((spec, fmt, docx))
    return made


def _usable_folders(seeds_dir: Path | None, target: Path) -> Path:
    """The seeds folder (the paragraphs' source), and ``target`` made and empty."""
    seeds_dir = seeds_dir or default_seeds_dir()
    if seeds_dir is None or not seeds_dir.is_dir():
        raise InputError(
            f"Không tìm thấy thư mục báo cáo mẫu: {seeds_dir}",
            f"seeds folder not found: {seeds_dir}",
        )
    target.mkdir(parents=True, exist_ok=True)
    if any(target.iterdir()):
        raise InputError(f"Thư mục {target} không trống", f"folder {target} is not empty")
    return seeds_dir


def write_archive(
    target: Path,
    *,
    size: str = "small",
    count: int = 60,
    seed: int = 2024,
    seeds_dir: Path | None = None,
    formats: tuple[str, ...] = FORMATS,
    report: Callable[[str], None] = lambda line: None,
) -> list[Entry]:
    """Write the archive into ``target`` (created; must be empty) and return its manifest.

    One random source drives it all, in this order: the documents drawn and laid out, then
    (after LibreOffice's conversions) each file written — scans and photos draw their noise."""
    seeds_dir = _usable_folders(seeds_dir, target)
    rng = random.Random(seed)
    paragraphs = _seed_paragraphs(seeds_dir)
    if size == "small":
        plan = list(formats) + ["docx"]  # one of each, and one unnumbered DOCX (needs a person)
    else:
        plan = [formats[i % len(formats)] for i in range(count)]
    entries: list[Entry] = []
    with tempfile.TemporaryDirectory(prefix="capuy-synth-") as tmp:
        work = Path(tmp)
        made = _lay_out(rng, plan, paragraphs, work)
        report(f"Đã dàn trang {len(made)} văn bản")
        convert_with_libreoffice([(fmt, docx) for _, fmt, docx in made], work)
        report("Đã chuyển định dạng bằng LibreOffice")
        for spec, fmt, docx in made:
            out = target / _archive_name(spec, fmt)
            out.parent.mkdir(parents=True, exist_ok=True)
            write_format(fmt, docx, out, work, rng)
            entries.append(_entry(spec, out.relative_to(target).as_posix(), fmt))
        entries += _extras(target, made, entries, seeds_dir)
    entries.append(Entry(path="manifest.json", format="json", expect="skipped"))
    manifest = target / "manifest.json"
    manifest.write_text(
        json.dumps([asdict(e) for e in entries], ensure_ascii=False, indent=1), encoding="utf-8"
    )
    report(f"Đã ghi {len(entries)} tệp vào {target}")
    return entries


SEED_TRUTH: dict[str, dict[str, Any]] = {
    # Seed 000 lost its header, but its appendix note says "(kèm theo Báo cáo số 708-BC/TU ngày
    # 26/02/2024 của Ban Thường vụ Thị ủy)" (seed line read by hand): the town's own report.
    "000_": {
        "symbol": "708-BC/TU",
        "date": "2024-02-26",
        "type_code": "BC",
        "issuer": "Ban Thường vụ Thị ủy",
        "direction": "di",
        "expect": "imported",
    },
}
"""The seeds 001–003 are drafts without number or date: a person completes them (review)."""


def _extras(
    target: Path, made: list[tuple[Spec, str, Path]], entries: list[Entry], seeds_dir: Path
) -> list[Entry]:
    """The seeds, and what real folders hold besides documents: copies, litter, broken files."""
    extras: list[Entry] = []
    seeds = target / "Báo cáo cũ (văn bản gõ lại)"
    seeds.mkdir(parents=True, exist_ok=True)
    for seed in sorted(seeds_dir.glob("*.txt")):
        shutil.copyfile(seed, seeds / seed.name)
        truth = SEED_TRUTH.get(seed.name[:4], {"expect": "review"})
        extras.append(Entry(path=f"{seeds.name}/{seed.name}", format="txt", **truth))
    first_docx = next((e for e in entries if e.format == "docx" and e.expect == "imported"), None)
    if first_docx is not None:
        copy = target / "Bản sao" / Path(first_docx.path).name
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(target / first_docx.path, copy)
        extras.append(
            Entry(
                **{
                    **asdict(first_docx),
                    "path": copy.relative_to(target).as_posix(),
                    "expect": "duplicate",
                }
            )
        )
        # the same document saved again as PDF-less DOCX with different bytes: a re-save
        resaved = copy.with_name(copy.stem + " (lưu lại).docx")
        _resave(target / first_docx.path, resaved)
        extras.append(
            Entry(
                **{
                    **asdict(first_docx),
                    "path": resaved.relative_to(target).as_posix(),
                    "expect": "duplicate",
                }
            )
        )
    litter = target / "Khác"
    litter.mkdir(parents=True, exist_ok=True)
    (litter / "hỏng.pdf").write_bytes(b"%PDF-1.4\n%broken file, cut short by a copy error\n")
    (litter / "rỗng.docx").write_bytes(b"")
    (litter / "Danh sách đảng viên.xlsx").write_bytes(b"PK\x03\x04 not really a spreadsheet")
    (litter / "Thumbs.db").write_bytes(b"\x00" * 64)
    extras += [
        Entry(path="Khác/hỏng.pdf", format="pdf", expect="failed"),
        Entry(path="Khác/rỗng.docx", format="docx", expect="failed"),
        Entry(path="Khác/Danh sách đảng viên.xlsx", format="xlsx", expect="skipped"),
    ]
    return extras


def _resave(source: Path, target: Path) -> None:
    """The same document with different bytes (Word saving again changes the package)."""
    from docx import Document as open_docx

    document = open_docx(str(source))
    document.core_properties.comments = "lưu lại"
    document.save(str(target))


def run_synth_command(
    target: Path, count: int, seed: int, console: Any, fail: Callable[[InputError], Any]
) -> None:
    """``capuy synth --archive DIR [--count N]``: the small archive, or N documents."""
    try:
        entries = write_archive(
            target,
            size="full" if count else "small",
            count=count,
            seed=seed,
            report=lambda line: console.print(line, highlight=False),
        )
    except InputError as error:
        fail(error)
        return
    console.print(
        f"Kho thử: {len(entries)} tệp, danh sách ở {target / 'manifest.json'}", highlight=False
    )
