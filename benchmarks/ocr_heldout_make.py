"""Write the OCR held-out texts (``benchmarks/ocr_heldout/*.md``): two reports in capuy's authoring
format that cite every Central document of the catalogue (``capuy/vocab/central_documents.yaml``)
the way the seeds cite them — type word, symbol, date, body, khóa, subject — with the date in the
forms offices write (``25/10/2017``, ``9/10/2014``, ``ngày 25 tháng 10 năm 2017``), and a few dates
that differ from the catalogue's as an author's slip would (the text's own date is the truth: a
repair must not overwrite it when the scan reads it cleanly).

Written once, before the repairs of December 2026 were developed, and then not edited: the
texts are the held-out set of ``benchmarks/bench_ocr.py`` (``CAPUY_BENCH_OCR_SEEDS=heldout``),
with two reports composed by ``capuy report`` from the demo records
(``tests/expected/golden/reports/monthly_2024-02.md``, ``yearly_2023.md``).

Run: ``python -m benchmarks.ocr_heldout_make`` (deterministic: the same files every time). It also
writes ``ocr_heldout/truth.json``: the ground truth of every held-out text — its citations
(symbol, date) and header fields — by the same extraction ``bench_ocr`` compares against.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from collections.abc import Iterable
from pathlib import Path

from capuy.vocab.central_documents import CentralDocument, central_documents

OUT = Path(__file__).parent / "ocr_heldout"

LEADS = (
    "Tổ chức học tập, quán triệt",
    "Ban hành kế hoạch thực hiện",
    "Tiếp tục lãnh đạo, chỉ đạo thực hiện",
    "Sơ kết việc thực hiện",
    "Kiểm tra, giám sát việc thực hiện",
    "Tuyên truyền, phổ biến",
)
TAILS = (
    "; 100 % chi bộ trực thuộc tổ chức quán triệt đến đảng viên.",
    "; kết quả bước đầu được cán bộ, đảng viên và Nhân dân đồng tình.",
    ", gắn với nhiệm vụ chính trị của địa phương.",
    "; còn một số chi bộ triển khai chậm, chưa sát thực tế.",
    ".",
)


def _date_text(day: dt.date, style: int) -> str:
    """The date in one of three styles, after "ngày" (set 4 writes it without)."""
    return f"ngày {_date_text4(day, style)}"


def _slip(day: dt.date, index: int) -> dt.date:
    """An author's wrong date: far from the real one (another year and month) or near it
    (one digit of the day)."""
    if index % 2 == 0:
        return day.replace(year=day.year - 3, month=(day.month % 12) + 1, day=min(day.day, 28))
    return day.replace(day=day.day + 1 if day.day < 28 else day.day - 1)


def _sentence(doc: CentralDocument, rng: random.Random, slip: int | None) -> str:
    written = _slip(doc.date, slip) if slip is not None else doc.date
    title = f" {doc.title}" if doc.title else ""
    body = doc.body if rng.random() < 0.5 else f"{doc.body} (khóa {doc.term})"
    return (
        f"- {rng.choice(LEADS)} {doc.type_word} số {doc.symbol} "
        f"{_date_text(written, rng.randrange(3))} của {body}{title}{rng.choice(TAILS)}"
    )


def _report(
    name: str,
    front: str,
    heading: str,
    docs: list[CentralDocument],
    rng: random.Random,
    out: Path = OUT,
) -> None:
    lines = [front.strip(), "", f"# I- {heading}", ""]
    groups = (("Nghị quyết", "NQ"), ("Chỉ thị, kết luận", "CT KL"), ("Quy định", "QĐ QĐi"))
    slips = {5: 0, 11: 1, 17: 2, 23: 3}
    index = 0
    for number, (label, codes) in enumerate(groups, start=1):
        chosen = [d for d in docs if d.type_code in codes.split()]
        if not chosen:
            continue
        lines += [f"## {number}. Việc học tập, quán triệt và thực hiện các {label.lower()}", ""]
        for doc in chosen:
            lines.append(_sentence(doc, rng, slips.get(index)))
            index += 1
        lines.append("")
    lines += [
        "# II- NHIỆM VỤ TRỌNG TÂM THỜI GIAN TỚI",
        "",
        "Tiếp tục quán triệt, cụ thể hóa và tổ chức thực hiện nghiêm túc các văn bản của Trung "
        "ương, của Tỉnh ủy và Thị ủy; định kỳ sơ kết, tổng kết, kịp thời đề xuất sửa đổi, bổ sung "
        "những nội dung không còn phù hợp.",
        "",
    ]
    (out / name).write_text("\n".join(lines), encoding="utf-8")


FRONT_A = """
---
superior: THỊ ỦY ĐỨC PHỔ
issuer: ĐẢNG ỦY PHƯỜNG NGUYỄN NGHIÊM
issuer_code: ĐU
number: 112
place: Nguyễn Nghiêm
date: '2025-12-15'
kind: BÁO CÁO
summary: kết quả học tập, quán triệt và thực hiện các nghị quyết, chỉ thị, kết luận của Trung ương năm 2025
draft: false
signature:
  capacity: T/M ĐẢNG ỦY
  title: BÍ THƯ
  name: Nguyễn Văn Hòa
recipients:
- Ban Thường vụ Thị ủy (b/c),
- Ban Tuyên giáo Thị ủy,
- Các chi bộ trực thuộc,
- Lưu Văn phòng Đảng ủy.
---
"""

FRONT_B = """
---
superior: ĐẢNG BỘ TỈNH QUẢNG NGÃI
issuer: HUYỆN ỦY BÌNH SƠN
issuer_code: HU
number: 245
place: Bình Sơn
date: '2025-06-20'
kind: BÁO CÁO
summary: sơ kết việc thực hiện các văn bản của Trung ương về xây dựng, chỉnh đốn Đảng và hệ thống chính trị
draft: false
signature:
  capacity: T/M BAN THƯỜNG VỤ
  title: PHÓ BÍ THƯ
  name: Trần Thị Lan
recipients:
- Thường trực Tỉnh ủy,
- Văn phòng Tỉnh ủy,
- Các tổ chức cơ sở đảng trực thuộc,
- Lưu Văn phòng Huyện ủy.
---
"""


def main() -> None:
    OUT.mkdir(exist_ok=True)
    docs = list(central_documents())
    rng = random.Random(2026)
    rng.shuffle(docs)
    half = len(docs) // 2
    _report(
        "a_phuong_nguyen_nghiem_2025.md",
        FRONT_A,
        "KẾT QUẢ HỌC TẬP, QUÁN TRIỆT VÀ THỰC HIỆN",
        docs[:half],
        rng,
    )
    _report("b_huyen_binh_son_2025.md", FRONT_B, "KẾT QUẢ SƠ KẾT", docs[half:], rng)
    write_truth()


def write_truth(wanted: str = "heldout", out: Path = OUT) -> None:
    from benchmarks.bench_ocr import _citations, _header, texts
    from capuy.extract import extract
    from capuy.read import read_file

    truth = {}
    for path in texts(wanted):
        doc = extract(read_file(path))
        truth[path.name] = {
            "citations": sorted(list(pair) for pair in _citations(doc)),
            "header": _header(doc),
        }
    (out / "truth.json").write_text(
        json.dumps(truth, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )


# The second held-out set (``ocr_heldout2``), written 3 December 2026 at 12:30 UTC after the first
# set had become development text, before the changes of that session and measured once with the
# code as it was: other fronts (a long issuer that wraps onto two lines in the header column, a
# long place), another random seed, the dates in the same forms, and a table of documents
# (STT | Văn bản | Ngày ban hành | Trích yếu) — citations inside table cells; with two other
# reports composed by ``capuy report`` (the thematic report's two-column table of long cells, the
# mid-term report's table of indicators).
OUT2 = Path(__file__).parent / "ocr_heldout2"

FRONT_C = """
---
superior: TỈNH ỦY QUẢNG NGÃI
issuer: ĐẢNG ỦY KHỐI CƠ QUAN VÀ DOANH NGHIỆP TỈNH
issuer_code: ĐUK
number: 87
place: Quảng Ngãi
date: '2024-09-27'
kind: BÁO CÁO
summary: tình hình học tập, quán triệt và tổ chức thực hiện các văn bản của Trung ương trong Đảng bộ Khối 9 tháng đầu năm 2024
draft: false
signature:
  capacity: T/M BAN THƯỜNG VỤ
  title: PHÓ BÍ THƯ THƯỜNG TRỰC
  name: Lê Quang Vinh
recipients:
- Thường trực Tỉnh ủy (b/c),
- Ban Tuyên giáo Tỉnh ủy,
- Các đảng bộ, chi bộ cơ sở trực thuộc,
- Lưu Văn phòng Đảng ủy Khối.
---
"""

FRONT_D = """
---
superior: THỊ ỦY ĐỨC PHỔ
issuer: ĐẢNG ỦY XÃ PHỔ CHÂU
issuer_code: ĐU
number: 31
place: Phổ Châu
date: '2024-03-08'
kind: BÁO CÁO
summary: kết quả thực hiện các chỉ thị, kết luận của Trung ương quý I năm 2024
draft: false
signature:
  capacity: T/M ĐẢNG ỦY
  title: PHÓ BÍ THƯ
  name: Phạm Thị Thu Hà
recipients:
- Ban Thường vụ Thị ủy (b/c),
- Ủy ban Kiểm tra Thị ủy,
- Các chi bộ trực thuộc,
- Lưu Văn phòng Đảng ủy.
---
"""


def _table(docs: list[CentralDocument], rng: random.Random) -> list[str]:
    """A table of documents as offices append one: number, type and symbol, date, subject."""
    lines = ["| STT | Văn bản | Ngày ban hành | Trích yếu |", "|---|---|---|---|"]
    for number, doc in enumerate(docs, start=1):
        day = doc.date
        written = f"{day:%d/%m/%Y}" if rng.random() < 0.6 else f"{day.day}/{day.month}/{day.year}"
        subject = doc.title or doc.body
        lines.append(f"| {number} | {doc.type_word} số {doc.symbol} | {written} | {subject} |")
    return lines


def main2() -> None:
    OUT2.mkdir(exist_ok=True)
    docs = list(central_documents())
    rng = random.Random(4711)
    rng.shuffle(docs)
    third = len(docs) // 3
    _report(
        "c_dang_uy_khoi_2024.md",
        FRONT_C,
        "TÌNH HÌNH HỌC TẬP, QUÁN TRIỆT VÀ TỔ CHỨC THỰC HIỆN",
        docs[:third],
        rng,
        OUT2,
    )
    path = OUT2 / "c_dang_uy_khoi_2024.md"
    text = path.read_text(encoding="utf-8").rstrip("\n")
    appendix = [
        "",
        "# III- DANH MỤC VĂN BẢN ĐÃ TRIỂN KHAI",
        "",
        *_table(docs[third : 2 * third], rng),
    ]
    path.write_text(text + "\n" + "\n".join(appendix) + "\n", encoding="utf-8")
    kept = [d for d in docs[2 * third :] if d.type_code in ("CT", "KL")]
    _report("d_xa_pho_chau_2024.md", FRONT_D, "KẾT QUẢ THỰC HIỆN", kept, rng, OUT2)
    write_truth("heldout2", OUT2)


# The third held-out set (``ocr_heldout3``), written 3 December 2026 at 15:45 UTC before the
# changes of that session and measured once with the code as it was. Its own templates and
# vocabulary (not the phrases above), another seed, and kinds of pages the first two lack: a
# KẾ HOẠCH of a committee's board (Ban Tuyên giáo) signed "K/T TRƯỞNG BAN", citations in running
# prose paragraphs (not bullets) with dates written with dashes ("ngày 5-3-2020") or spelled out,
# local documents cited beside the Central ones; a BÁO CÁO of an Ủy ban Kiểm tra with a table
# whose symbol stands alone in its cell ("Số, ký hiệu"), the type word in another cell and the
# date alone in a third ("Ngày, tháng, năm"), and a closing table of indicators.
OUT3 = Path(__file__).parent / "ocr_heldout3"

OPENERS3 = (
    "Căn cứ",
    "Thực hiện",
    "Quán triệt sâu sắc",
    "Trên cơ sở",
    "Nhằm cụ thể hóa",
)
CLOSERS3 = (
    "Ban Tuyên giáo xây dựng kế hoạch tuyên truyền với các nội dung sau.",
    "các cơ quan, đơn vị cần chủ động phối hợp, bảo đảm tiến độ đề ra.",
    "trong đó chú trọng đổi mới hình thức, phương pháp tuyên truyền trên không gian mạng.",
    "gắn với việc đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.",
)
LOCAL3 = (
    ("Kế hoạch", "112-KH/HU", "Huyện ủy"),
    ("Công văn", "245-CV/TU", "Tỉnh ủy"),
    ("Hướng dẫn", "08-HD/BTGTU", "Ban Tuyên giáo Tỉnh ủy"),
    ("Chương trình", "17-CTr/HU", "Ban Thường vụ Huyện ủy"),
)

FRONT_E = """
---
superior: HUYỆN ỦY TƯ NGHĨA
issuer: BAN TUYÊN GIÁO
issuer_code: BTGHU
number: 56
place: Tư Nghĩa
date: '2025-04-11'
kind: KẾ HOẠCH
summary: tuyên truyền các văn bản của Trung ương và của Tỉnh ủy năm 2025
draft: false
signature:
  capacity: K/T TRƯỞNG BAN
  title: PHÓ TRƯỞNG BAN
  name: Võ Thị Ngọc Diễm
recipients:
- Thường trực Huyện ủy (b/c),
- Các tổ chức cơ sở đảng,
- Lưu Ban Tuyên giáo.
---
"""

FRONT_F = """
---
superior: TỈNH ỦY BÌNH ĐỊNH
issuer: ỦY BAN KIỂM TRA
issuer_code: UBKTTU
number: 419
place: Quy Nhơn
date: '2023-11-30'
kind: BÁO CÁO
summary: kết quả kiểm tra việc chấp hành các quy định của Trung ương về công tác kiểm tra, giám sát năm 2023
draft: false
signature:
  capacity: T/M ỦY BAN KIỂM TRA
  title: CHỦ NHIỆM
  name: Đặng Hữu Phước
recipients:
- Ủy ban Kiểm tra Trung ương (b/c),
- Thường trực Tỉnh ủy (b/c),
- Lưu Văn phòng UBKT.
---
"""


def _date_text3(day: dt.date, style: int) -> str:
    if style == 0:
        return f"ngày {day.day}-{day.month}-{day.year}"
    if style == 1:
        return f"ngày {day.day:02d}-{day.month:02d}-{day.year}"
    return f"ngày {day.day} tháng {day.month} năm {day.year}"


def _plan3(docs: list[CentralDocument], rng: random.Random) -> str:
    lines = [FRONT_E.strip(), "", "# I- MỤC ĐÍCH, YÊU CẦU", ""]
    paragraph: list[str] = []
    for index, doc in enumerate(docs):
        if index % 4 == 0:
            if index:
                lines.append(" ".join(paragraph))
                lines.append("")
            paragraph = []
        local = LOCAL3[index % len(LOCAL3)]
        day = doc.date.replace(year=doc.date.year + 1) if index % 5 == 0 else doc.date
        paragraph.append(
            f"{rng.choice(OPENERS3)} {doc.type_word} số {doc.symbol} "
            f"{_date_text3(doc.date, rng.randrange(3))} của {doc.body} và {local[0]} số {local[1]} "
            f"{_date_text3(day, rng.randrange(3))} của {local[2]}, {rng.choice(CLOSERS3)}"
        )
    lines.append(" ".join(paragraph))
    lines += [
        "",
        "# II- NỘI DUNG VÀ HÌNH THỨC TUYÊN TRUYỀN",
        "",
        "1. Tuyên truyền trên báo chí, cổng thông tin điện tử và hệ thống truyền thanh cơ sở.",
        "",
        "2. Tổ chức hội nghị báo cáo viên định kỳ hằng quý; biên soạn tài liệu hỏi đáp.",
        "",
        "# III- TỔ CHỨC THỰC HIỆN",
        "",
        "Các tổ chức cơ sở đảng căn cứ kế hoạch này xây dựng kế hoạch của đơn vị, báo cáo kết quả "
        "về Ban Tuyên giáo Huyện ủy trước ngày 15 tháng 12 năm 2025.",
        "",
    ]
    return "\n".join(lines)


def _inspection3(docs: list[CentralDocument], rng: random.Random) -> str:
    lines = [
        FRONT_F.strip(),
        "",
        "# I- TÌNH HÌNH CHẤP HÀNH",
        "",
        "Năm 2023, Ủy ban Kiểm tra Tỉnh ủy đã kiểm tra việc chấp hành các văn bản sau đây của "
        "Trung ương tại 14 tổ chức đảng và 37 đảng viên; kết quả cụ thể theo bảng dưới đây.",
        "",
        "| TT | Loại văn bản | Số, ký hiệu | Ngày, tháng, năm | Cơ quan ban hành | Kết quả |",
        "|---|---|---|---|---|---|",
    ]
    results = ("Chấp hành tốt", "Cơ bản chấp hành", "Còn hạn chế, phải khắc phục")
    for number, doc in enumerate(docs, start=1):
        day = doc.date
        written = (
            f"{day:%d/%m/%Y}",
            f"{day.day}/{day.month}/{day.year}",
            f"{day.day:02d}-{day.month:02d}-{day.year}",
        )[rng.randrange(3)]
        lines.append(
            f"| {number} | {doc.type_word} | {doc.symbol} | {written} | {doc.body} "
            f"| {rng.choice(results)} |"
        )
    lines += [
        "",
        "# II- KẾT QUẢ KIỂM TRA, GIÁM SÁT",
        "",
        "| Nội dung | Kế hoạch | Thực hiện | Tỷ lệ (%) |",
        "|---|---|---|---|",
        "| Kiểm tra tổ chức đảng | 14 | 14 | 100 |",
        "| Kiểm tra đảng viên | 40 | 37 | 92,5 |",
        "| Giám sát chuyên đề | 9 | 8 | 88,9 |",
        "",
        "Qua kiểm tra, Ủy ban Kiểm tra Tỉnh ủy đề nghị các cấp ủy khắc phục hạn chế trong thời "
        "hạn 60 ngày kể từ ngày nhận được kết luận.",
        "",
    ]
    return "\n".join(lines)


def main3() -> None:
    OUT3.mkdir(exist_ok=True)
    docs = list(central_documents())
    rng = random.Random(90317)
    rng.shuffle(docs)
    plan = docs[:14]
    table = docs[14:32]
    (OUT3 / "e_ban_tuyen_giao_ke_hoach_2025.md").write_text(_plan3(plan, rng), encoding="utf-8")
    (OUT3 / "f_uy_ban_kiem_tra_2023.md").write_text(_inspection3(table, rng), encoding="utf-8")
    write_truth("heldout3", OUT3)


# The fourth held-out set (``ocr_heldout4``), written 3 December 2026 at 19:15 UTC (branch ``ocr4``)
# before any change of that session and measured once with the code of ``main`` as it was; nobody
# tuned on it. Its own templates and seed: a HƯỚNG DẪN of a Ban Tổ chức with lettered points
# ("a)", "b)") citing documents after a comma ("Quy định số 22-QĐ/TW, ngày 28/7/2021"), and a
# three-column table whose middle cell holds the whole citation (type word, symbol and date in one
# cell, wrapped); a THÔNG BÁO of a Đảng ủy thị trấn with a numbered list of citations whose date
# comes in brackets or spelled out after "ban hành", and a short signature without a capacity line.
OUT4 = Path(__file__).parent / "ocr_heldout4"

FRONT_G = """
---
superior: TỈNH ỦY QUẢNG NGÃI
issuer: BAN TỔ CHỨC
issuer_code: BTCTU
number: 73
place: Quảng Ngãi
date: '2026-02-09'
kind: HƯỚNG DẪN
summary: quán triệt và triển khai các quy định, kết luận của Trung ương về công tác tổ chức xây dựng Đảng năm 2026
draft: false
signature:
  capacity: K/T TRƯỞNG BAN
  title: PHÓ TRƯỞNG BAN THƯỜNG TRỰC
  name: Huỳnh Văn Thạnh
recipients:
- Thường trực Tỉnh ủy (b/c),
- Các huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc,
- Lưu Ban Tổ chức Tỉnh ủy.
---
"""

FRONT_H = """
---
superior: HUYỆN ỦY SƠN TỊNH
issuer: ĐẢNG ỦY THỊ TRẤN TỊNH HÀ
issuer_code: ĐU
number: 18
place: Tịnh Hà
date: '2026-01-22'
kind: THÔNG BÁO
summary: danh mục văn bản của Trung ương cần tiếp tục thực hiện trong năm 2026
draft: false
signature:
  capacity: T/M ĐẢNG ỦY
  title: BÍ THƯ
  name: Trương Công Minh
recipients:
- Ban Thường vụ Huyện ủy (b/c),
- Các chi bộ trực thuộc,
- Lưu Văn phòng Đảng ủy.
---
"""

POINTS4 = (
    "Cấp ủy các cấp tổ chức nghiên cứu, quán triệt",
    "Rà soát, bổ sung quy chế làm việc theo đúng tinh thần của",
    "Đánh giá, xếp loại tổ chức đảng và đảng viên bám sát",
    "Xây dựng chương trình hành động cụ thể để thực hiện",
)
ENDS4 = (
    "bảo đảm thời gian, chất lượng và hiệu quả.",
    "báo cáo kết quả về Ban Tổ chức Tỉnh ủy trước ngày 30 tháng 6.",
    "gắn trách nhiệm người đứng đầu cấp ủy.",
)


def _date_text4(day: dt.date, style: int) -> str:
    if style == 0:
        return f"{day:%d/%m/%Y}"
    if style == 1:
        return f"{day.day}/{day.month}/{day.year}"
    return f"{day.day:02d} tháng {day.month:02d} năm {day.year}"


def _guide4(points: list[CentralDocument], table: list[CentralDocument], rng: random.Random) -> str:
    lines = [FRONT_G.strip(), "", "# 1. Nội dung quán triệt", ""]
    for index, doc in enumerate(points):
        letter = "abcdefghiklmnopq"[index]
        lines.append(
            f"{letter}) {rng.choice(POINTS4)} {doc.type_word} số {doc.symbol}, ngày "
            f"{_date_text4(doc.date, rng.randrange(3))} của {doc.body}, {rng.choice(ENDS4)}"
        )
        lines.append("")
    lines += [
        "# 2. Văn bản và thời gian triển khai",
        "",
        "| STT | Văn bản | Thời gian hoàn thành |",
        "|---|---|---|",
    ]
    for number, doc in enumerate(table, start=1):
        month = rng.choice(("Quý I", "Quý II", "Tháng 6", "Tháng 9"))
        lines.append(
            f"| {number} | {doc.type_word} số {doc.symbol} ngày "
            f"{_date_text4(doc.date, rng.randrange(2))} của {doc.body} | {month} năm 2026 |"
        )
    lines += [
        "",
        "# 3. Tổ chức thực hiện",
        "",
        "Ban Tổ chức Tỉnh ủy theo dõi, đôn đốc; quá trình thực hiện có khó khăn, vướng mắc, "
        "các cấp ủy phản ánh về Ban Tổ chức Tỉnh ủy để hướng dẫn.",
        "",
    ]
    return "\n".join(lines)


def _notice4(docs: list[CentralDocument], rng: random.Random) -> str:
    lines = [
        FRONT_H.strip(),
        "",
        "Thực hiện chỉ đạo của Ban Thường vụ Huyện ủy, Đảng ủy thị trấn thông báo danh mục văn "
        "bản của Trung ương mà các chi bộ cần tiếp tục học tập, thực hiện như sau:",
        "",
    ]
    for number, doc in enumerate(docs, start=1):
        if rng.random() < 0.5:
            cited = f"{doc.type_word} số {doc.symbol} (ngày {doc.date.day}/{doc.date.month}/{doc.date.year})"
        else:
            cited = (
                f"{doc.type_word} số {doc.symbol} ban hành ngày {doc.date.day:02d} tháng "
                f"{doc.date.month:02d} năm {doc.date.year}"
            )
        lines.append(f"{number}. {cited} của {doc.body}.")
        lines.append("")
    lines += [
        "Các chi bộ tổ chức sinh hoạt chuyên đề, báo cáo kết quả về Đảng ủy thị trấn "
        "trước ngày 15 tháng 11 năm 2026.",
        "",
    ]
    return "\n".join(lines)


def main4() -> None:
    OUT4.mkdir(exist_ok=True)
    docs = list(central_documents())
    rng = random.Random(26123)
    rng.shuffle(docs)
    (OUT4 / "g_ban_to_chuc_huong_dan_2026.md").write_text(
        _guide4(docs[:10], docs[10:24], rng), encoding="utf-8"
    )
    (OUT4 / "h_thi_tran_tinh_ha_thong_bao_2026.md").write_text(
        _notice4(docs[24:40], rng), encoding="utf-8"
    )
    write_truth("heldout4", OUT4)


# The fifth held-out set (``ocr_heldout5``), written 3 December 2026 at 22:16 UTC (branch ``ocr5``)
# before any change of that session and measured once with the code of ``main`` as it was; nobody
# tuned on it. Its own templates and seed (61879), and its own scan (``bench_ocr.SCAN5``): other
# angles (up to 1,5°), specks in clumps of two by two pixels as well as single ones, and every
# third page photo-like — a grey, unevenly lit background and a slight blur. Texts: a NGHỊ QUYẾT
# of a chi bộ whose "Căn cứ" lines open the document and whose running text dates its citations
# in brackets ("Kết luận số 21-KL/TW (25/10/2021)"); a CHƯƠNG TRÌNH of a Thành ủy with a
# four-column table (TT | Nội dung công việc | Căn cứ | Thời hạn) whose "Căn cứ" cell holds the
# citation, and a closing paragraph with dates spelled out.
OUT5 = Path(__file__).parent / "ocr_heldout5"

FRONT_I = """
---
superior: ĐẢNG ỦY XÃ NGHĨA KỲ
issuer: CHI BỘ TRƯỜNG THCS NGHĨA KỲ
issuer_code: CB
number: 09
place: Nghĩa Kỳ
date: '2026-03-17'
kind: NGHỊ QUYẾT
summary: về lãnh đạo thực hiện nhiệm vụ chính trị quý II năm 2026
draft: false
signature:
  capacity: T/M CHI BỘ
  title: BÍ THƯ
  name: Lê Thị Mỹ Hạnh
recipients:
- Đảng ủy xã (b/c),
- Đảng viên trong chi bộ,
- Lưu chi bộ.
---
"""

FRONT_K = """
---
superior: ĐẢNG BỘ TỈNH QUẢNG NGÃI
issuer: THÀNH ỦY QUẢNG NGÃI
issuer_code: TU
number: 41
place: Quảng Ngãi
date: '2025-10-06'
kind: CHƯƠNG TRÌNH
summary: kiểm tra, giám sát việc thực hiện các văn bản của Trung ương giai đoạn 2025 - 2026
draft: false
signature:
  capacity: T/M BAN THƯỜNG VỤ
  title: BÍ THƯ
  name: Nguyễn Đăng Khoa
recipients:
- Ban Thường vụ Tỉnh ủy (b/c),
- Các ban xây dựng Đảng Thành ủy,
- Các tổ chức cơ sở đảng trực thuộc,
- Lưu Văn phòng Thành ủy.
---
"""

WORK5 = (
    "Tổ chức cho đảng viên nghiên cứu",
    "Rà soát việc thực hiện",
    "Lồng ghép nội dung sinh hoạt chuyên đề về",
    "Phân công đảng viên theo dõi việc thực hiện",
)
TASKS5 = (
    "Kiểm tra việc cụ thể hóa, ban hành văn bản triển khai",
    "Giám sát chuyên đề việc thực hiện",
    "Sơ kết, đánh giá kết quả thực hiện",
    "Tự kiểm tra của cấp ủy cơ sở về",
)


def _resolution5(
    basis: list[CentralDocument], docs: list[CentralDocument], rng: random.Random
) -> str:
    lines = [FRONT_I.strip(), "", "- Căn cứ Điều lệ Đảng Cộng sản Việt Nam;", ""]
    for doc in basis:
        lines += [f"- Căn cứ {doc.type_word} số {doc.symbol}, ngày {_date_text4(doc.date, 1)};", ""]
    lines += [
        "Chi bộ họp ngày 16/3/2026, có 19/21 đảng viên dự, thống nhất quyết nghị như sau:",
        "",
        "# I- ĐÁNH GIÁ KẾT QUẢ QUÝ I",
        "",
    ]
    for index, doc in enumerate(docs):
        day = doc.date
        bracket = f"{day.day}/{day.month}/{day.year}" if index % 2 else f"{day:%d/%m/%Y}"
        lines.append(
            f"{index + 1}. {rng.choice(WORK5)} {doc.type_word} số {doc.symbol} ({bracket}) "
            f"của {doc.body}; {rng.choice(ENDS4)}"
        )
        lines.append("")
    lines += [
        "# II- NHIỆM VỤ QUÝ II",
        "",
        "Chi bộ tiếp tục nâng cao chất lượng sinh hoạt, phấn đấu 100 % đảng viên hoàn thành tốt "
        "nhiệm vụ; giao đồng chí Bí thư chi bộ tổ chức thực hiện nghị quyết này.",
        "",
    ]
    return "\n".join(lines)


def _programme5(docs: list[CentralDocument], rng: random.Random) -> str:
    lines = [
        FRONT_K.strip(),
        "",
        "# I- MỤC ĐÍCH, YÊU CẦU",
        "",
        "Kiểm tra, giám sát nhằm đánh giá đúng kết quả thực hiện các văn bản của Trung ương tại "
        "các tổ chức cơ sở đảng; kịp thời phát hiện, chấn chỉnh hạn chế, thiếu sót.",
        "",
        "# II- NỘI DUNG VÀ THỜI GIAN",
        "",
        "| TT | Nội dung công việc | Căn cứ | Thời hạn |",
        "|---|---|---|---|",
    ]
    for number, doc in enumerate(docs, start=1):
        quarter = rng.choice(("Quý IV/2025", "Quý I/2026", "Quý II/2026", "Tháng 9/2026"))
        lines.append(
            f"| {number} | {rng.choice(TASKS5)} | {doc.type_word} số {doc.symbol} ngày "
            f"{_date_text4(doc.date, rng.randrange(2))} | {quarter} |"
        )
    last = docs[-1]
    lines += [
        "",
        "# III- TỔ CHỨC THỰC HIỆN",
        "",
        f"Ủy ban Kiểm tra Thành ủy giúp Ban Thường vụ theo dõi; tổng hợp kết quả theo "
        f"{last.type_word} số {last.symbol} ngày {last.date.day} tháng {last.date.month} năm "
        f"{last.date.year}, báo cáo trước ngày 20 tháng 12 năm 2026.",
        "",
    ]
    return "\n".join(lines)


def main5() -> None:
    OUT5.mkdir(exist_ok=True)
    docs = list(central_documents())
    rng = random.Random(61879)
    rng.shuffle(docs)
    (OUT5 / "i_chi_bo_nghi_quyet_2026.md").write_text(
        _resolution5(docs[:3], docs[3:17], rng), encoding="utf-8"
    )
    (OUT5 / "k_thanh_uy_chuong_trinh_2025.md").write_text(
        _programme5(docs[17:35], rng), encoding="utf-8"
    )
    write_truth("heldout5", OUT5)


# The sixth held-out set (``ocr_heldout6``), written 4 December 2026 at 04:15 UTC (branch ``ocr6``)
# before any change of that session and measured once with the code as it was (branch ``integ``);
# nobody tuned on it. Its own templates and seed (50231), and its own scan (``bench_ocr.SCAN6``):
# the pages alternate between the usual scan and set 5's (clumps, larger turns, every second such
# page photo-like). Texts: a BÁO CÁO of a Đảng ủy xã whose prose cites documents the loose ways
# offices do (no "số", a comma before "ngày", dashed or spelled dates, the date in brackets after
# "Hội nghị Trung ương …") and whose table of the documents it issued has two wrapping cells — the
# local document with its own date, and the Central document it carries out with its date; a
# THÔNG BÁO kết luận of a Ban Thường vụ Huyện ủy with numbered conclusions; a QUYẾT ĐỊNH of a
# Huyện ủy opening with "Căn cứ …;" lines and articles ("Điều 1.") that cite documents.
OUT6 = Path(__file__).parent / "ocr_heldout6"

FRONT_L = """
---
superior: HUYỆN ỦY BÌNH SƠN
issuer: ĐẢNG ỦY XÃ BÌNH CHÂU
issuer_code: ĐU
number: 57
place: Bình Châu
date: '2026-06-24'
kind: BÁO CÁO
summary: kết quả lãnh đạo triển khai các văn bản của Trung ương và cấp trên 6 tháng đầu năm 2026
draft: false
signature:
  capacity: T/M ĐẢNG ỦY
  title: PHÓ BÍ THƯ
  name: Đỗ Thị Kim Oanh
recipients:
- Ban Thường vụ Huyện ủy (b/c),
- Văn phòng Huyện ủy,
- Các chi bộ trực thuộc,
- Lưu Văn phòng Đảng ủy.
---
"""

FRONT_M = """
---
superior: ĐẢNG BỘ TỈNH QUẢNG NGÃI
issuer: HUYỆN ỦY MỘ ĐỨC
issuer_code: HU
number: 102
place: Mộ Đức
date: '2026-05-08'
kind: THÔNG BÁO
summary: kết luận của Ban Thường vụ Huyện ủy tại hội nghị sơ kết việc thực hiện các văn bản của Trung ương
draft: false
signature:
  capacity: T/L BAN THƯỜNG VỤ
  title: CHÁNH VĂN PHÒNG
  name: Phan Văn Tường
recipients:
- Thường trực Tỉnh ủy (b/c),
- Các đồng chí Huyện ủy viên,
- Các tổ chức cơ sở đảng,
- Lưu Văn phòng Huyện ủy.
---
"""

FRONT_N = """
---
superior: TỈNH ỦY QUẢNG NGÃI
issuer: HUYỆN ỦY NGHĨA HÀNH
issuer_code: HU
number: 215
place: Nghĩa Hành
date: '2026-04-02'
kind: QUYẾT ĐỊNH
summary: về việc thành lập Đoàn kiểm tra việc thực hiện các văn bản của Trung ương năm 2026
draft: false
signature:
  capacity: T/M BAN THƯỜNG VỤ
  title: PHÓ BÍ THƯ
  name: Nguyễn Thị Thu Trang
recipients:
- Như Điều 3,
- Ủy ban Kiểm tra Tỉnh ủy (b/c),
- Lưu Văn phòng Huyện ủy.
---
"""

LOCAL6 = ("KH", "NQ", "CTr", "KH", "HD")
LOCAL6_WORDS = {"KH": "Kế hoạch", "NQ": "Nghị quyết", "CTr": "Chương trình", "HD": "Hướng dẫn"}
NOTES6 = ("Đã triển khai đến 100 % chi bộ", "Đang thực hiện", "Hoàn thành", "Lồng ghép sinh hoạt")


def _cite6(doc: CentralDocument, style: int) -> str:
    """A citation the ways offices write one: without "số", with a comma before "ngày", a dashed
    or a spelled-out date, the short body after it."""
    day = doc.date
    if style == 0:
        return f"{doc.type_word} {doc.symbol}, ngày {day.day}/{day.month}/{day.year}"
    if style == 1:
        return f"{doc.type_word} số {doc.symbol} ngày {day.day:02d}-{day.month:02d}-{day.year}"
    if style == 2:
        return (
            f"{doc.type_word} số {doc.symbol}, ngày {day.day:02d} tháng {day.month:02d} "
            f"năm {day.year}"
        )
    return f"{doc.type_word} số {doc.symbol} ngày {day:%d/%m/%Y}"


def _commune6(
    prose: list[CentralDocument], table: list[CentralDocument], rng: random.Random
) -> str:
    lines = [FRONT_L.strip(), "", "# I- TÌNH HÌNH TRIỂN KHAI", ""]
    openers = (
        "Thực hiện",
        "Quán triệt",
        "Bám sát tinh thần",
        "Trên cơ sở",
    )
    for index, doc in enumerate(prose):
        lines.append(
            f"{index + 1}. {rng.choice(openers)} {_cite6(doc, index % 4)} của {doc.body}, Đảng ủy "
            f"xã đã {rng.choice(('ban hành văn bản lãnh đạo', 'tổ chức hội nghị quán triệt', 'giao các chi bộ xây dựng kế hoạch'))}; "
            f"{rng.choice(ENDS4)}"
        )
        lines.append("")
    lines += [
        "# II- VĂN BẢN ĐẢNG ỦY ĐÃ BAN HÀNH",
        "",
        "| TT | Văn bản của Đảng ủy | Triển khai văn bản | Ghi chú |",
        "|---|---|---|---|",
    ]
    for number, doc in enumerate(table, start=1):
        code = LOCAL6[number % len(LOCAL6)]
        local_day = dt.date(2026, 1 + number % 6, 3 + 2 * number)
        lines.append(
            f"| {number} | {LOCAL6_WORDS[code]} số {10 + 3 * number}-{code}/ĐU ngày "
            f"{local_day:%d/%m/%Y} | {_cite6(doc, 3 if number % 3 else 0)} của {doc.body} "
            f"| {rng.choice(NOTES6)} |"
        )
    lines += [
        "",
        "# III- PHƯƠNG HƯỚNG 6 THÁNG CUỐI NĂM",
        "",
        "Tiếp tục lãnh đạo các chi bộ thực hiện nghiêm các văn bản nêu trên; kiểm tra, giám sát "
        "việc thực hiện tại 03 chi bộ thôn, báo cáo Ban Thường vụ Huyện ủy trước ngày 15 tháng "
        "12 năm 2026.",
        "",
    ]
    return "\n".join(lines)


def _conclusions6(docs: list[CentralDocument], rng: random.Random) -> str:
    lines = [
        FRONT_M.strip(),
        "",
        "Ngày 05/5/2026, Ban Thường vụ Huyện ủy tổ chức hội nghị sơ kết việc thực hiện các văn "
        "bản của Trung ương. Sau khi nghe báo cáo và ý kiến thảo luận, Ban Thường vụ Huyện ủy "
        "kết luận như sau:",
        "",
    ]
    asks = (
        "Các cấp ủy tiếp tục quán triệt, cụ thể hóa",
        "Đảng ủy các xã, thị trấn khắc phục ngay hạn chế trong việc thực hiện",
        "Ban Tuyên giáo Huyện ủy chủ trì tham mưu sơ kết",
        "Ủy ban Kiểm tra Huyện ủy đưa vào chương trình kiểm tra việc thực hiện",
    )
    for index, doc in enumerate(docs):
        if index % 3 == 2:
            cited = (
                f"{doc.type_word} Trung ương (khóa {doc.term}) ({doc.type_word} số {doc.symbol} "
                f"ngày {doc.date.day}/{doc.date.month}/{doc.date.year})"
            )
        else:
            cited = f"{_cite6(doc, (index + 1) % 4)} của {doc.body}"
        lines.append(f"{index + 1}. {rng.choice(asks)} {cited}; {rng.choice(ENDS4)}")
        lines.append("")
    lines += [
        "Văn phòng Huyện ủy theo dõi, đôn đốc việc thực hiện thông báo kết luận này.",
        "",
    ]
    return "\n".join(lines)


def _decision6(basis: list[CentralDocument], checked: list[CentralDocument]) -> str:
    lines = [FRONT_N.strip(), "", "- Căn cứ Điều lệ Đảng Cộng sản Việt Nam;", ""]
    for index, doc in enumerate(basis):
        lines += [f"- Căn cứ {_cite6(doc, index % 4)} của {doc.body};", ""]
    lines += [
        "- Xét đề nghị của Ủy ban Kiểm tra Huyện ủy,",
        "",
        "# BAN THƯỜNG VỤ HUYỆN ỦY QUYẾT ĐỊNH",
        "",
        "Điều 1. Thành lập Đoàn kiểm tra của Ban Thường vụ Huyện ủy kiểm tra việc thực hiện "
        + "; ".join(f"{_cite6(doc, (index + 2) % 4)}" for index, doc in enumerate(checked))
        + " tại Đảng ủy các xã Hành Thiện, Hành Phước và Hành Dũng.",
        "",
        "Điều 2. Đoàn kiểm tra gồm 05 đồng chí do đồng chí Phó Chủ nhiệm Ủy ban Kiểm tra Huyện ủy "
        "làm trưởng đoàn; thời gian kiểm tra từ ngày 15/4/2026 đến ngày 30/5/2026.",
        "",
        "Điều 3. Văn phòng Huyện ủy, Ủy ban Kiểm tra Huyện ủy, các tổ chức đảng có liên quan và "
        "các đồng chí có tên tại Điều 1 căn cứ quyết định thi hành.",
        "",
    ]
    return "\n".join(lines)


def main6() -> None:
    OUT6.mkdir(exist_ok=True)
    docs = list(central_documents())
    rng = random.Random(50231)
    rng.shuffle(docs)
    (OUT6 / "l_xa_binh_chau_bao_cao_2026.md").write_text(
        _commune6(docs[:6], docs[6:18], rng), encoding="utf-8"
    )
    (OUT6 / "m_huyen_uy_mo_duc_thong_bao_2026.md").write_text(
        _conclusions6(docs[18:27], rng), encoding="utf-8"
    )
    (OUT6 / "n_huyen_uy_nghia_hanh_quyet_dinh_2026.md").write_text(
        _decision6(docs[27:31], docs[31:35]), encoding="utf-8"
    )
    write_truth("heldout6", OUT6)


# The seventh held-out set (``ocr_heldout7``), written 4 December 2026 at 11:50 UTC (branch
# ``ocr7``) before any change of that session and measured once with the code of ``main``
# (0e96fa9); nobody tuned on it. Its own templates and seed (73019), four kinds of pages the
# earlier sets did not have: a TỜ TRÌNH of a committee's board (a "Kính gửi" line, "Căn cứ"
# paragraphs, lettered proposals, citations with a dash date or the date in brackets); a BIÊN BẢN
# of a chi bộ meeting closing with a two-column signature block (THƯ KÝ | CHỦ TRÌ) and no
# signature of the issuer; a KẾ HOẠCH with a wide six-column table long enough to run across a
# page; a CÔNG VĂN whose list of documents comes under a centred heading. Scanned like set 6
# (``SCAN6``): the kind of scan is not new.
OUT7 = Path(__file__).parent / "ocr_heldout7"

FRONT_O = """
---
superior: HUYỆN ỦY SƠN TỊNH
issuer: BAN TUYÊN GIÁO
issuer_code: BTGHU
number: 46
place: Sơn Tịnh
date: '2026-08-12'
kind: TỜ TRÌNH
summary: về việc ban hành Kế hoạch tuyên truyền, quán triệt các văn bản của Trung ương 6 tháng cuối năm 2026
draft: false
signature:
  capacity: K/T TRƯỞNG BAN
  title: PHÓ TRƯỞNG BAN
  name: Võ Thị Thanh Thảo
recipients:
- Như trên,
- Thường trực Huyện ủy (b/c),
- Lưu Ban Tuyên giáo.
---
"""

FRONT_P = """
---
superior: ĐẢNG BỘ XÃ TỊNH HÀ
issuer: CHI BỘ THÔN THỌ LỘC
issuer_code: CB
number: 07
place: Tịnh Hà
date: '2026-07-06'
kind: BIÊN BẢN
summary: họp chi bộ thường kỳ tháng 7 năm 2026
draft: false
recipients:
- Đảng ủy xã (b/c),
- Lưu chi bộ.
---
"""

FRONT_Q = """
---
superior: ĐẢNG BỘ TỈNH QUẢNG NGÃI
issuer: HUYỆN ỦY TRÀ BỒNG
issuer_code: HU
number: 138
place: Trà Bồng
date: '2026-09-21'
kind: KẾ HOẠCH
summary: triển khai thực hiện các văn bản của Trung ương trong Đảng bộ huyện năm 2027
draft: false
signature:
  capacity: T/M BAN THƯỜNG VỤ
  title: BÍ THƯ
  name: Hồ Văn Lực
recipients:
- Ban Thường vụ Tỉnh ủy (b/c),
- Các ban xây dựng Đảng Huyện ủy,
- Các tổ chức cơ sở đảng,
- Lưu Văn phòng Huyện ủy.
---
"""

FRONT_R = """
---
superior: TỈNH ỦY QUẢNG NGÃI
issuer: ỦY BAN KIỂM TRA
issuer_code: UBKTTU
number: 318
place: Quảng Ngãi
date: '2026-10-14'
kind: CÔNG VĂN
summary: về việc rà soát, báo cáo kết quả thực hiện các văn bản của Trung ương về công tác kiểm tra, giám sát
draft: false
signature:
  capacity: T/M ỦY BAN KIỂM TRA
  title: PHÓ CHỦ NHIỆM
  name: Trương Minh Đức
recipients:
- Như trên,
- Thường trực Tỉnh ủy (b/c),
- Lưu UBKT.
---
"""

BODIES7 = {
    "Ban Chấp hành Trung ương": "Ban Chấp hành Trung ương Đảng",
    "Bộ Chính trị": "Bộ Chính trị",
    "Ban Bí thư": "Ban Bí thư",
}


def _cite7(doc: CentralDocument, style: int) -> str:
    """A citation in the forms offices write: a dash date, the date in brackets, a comma before
    "ngày", without "số", spelled out."""
    day = doc.date
    if style == 0:
        return f"{doc.type_word} số {doc.symbol} ngày {day.day}-{day.month}-{day.year}"
    if style == 1:
        return f"{doc.type_word} số {doc.symbol} ({day:%d/%m/%Y})"
    if style == 2:
        return f"{doc.type_word} số {doc.symbol}, ngày {day:%d/%m/%Y}"
    if style == 3:
        return f"{doc.type_word} {doc.symbol} ngày {day.day}/{day.month}/{day.year}"
    return f"{doc.type_word} số {doc.symbol} ngày {day.day} tháng {day.month} năm {day.year}"


def _body7(doc: CentralDocument) -> str:
    return BODIES7.get(doc.body, doc.body)


def _submission7(basis: list[CentralDocument], docs: list[CentralDocument]) -> str:
    lines = [FRONT_O.strip(), "", "Kính gửi: Ban Thường vụ Huyện ủy.", ""]
    for index, doc in enumerate(basis):
        lines += [f"Căn cứ {_cite7(doc, (index + 2) % 5)} của {_body7(doc)};", ""]
    lines += [
        "Ban Tuyên giáo Huyện ủy kính trình Ban Thường vụ Huyện ủy xem xét, ban hành Kế hoạch "
        "tuyên truyền, quán triệt các văn bản của Trung ương 6 tháng cuối năm 2026, cụ thể:",
        "",
        "# I- SỰ CẦN THIẾT",
        "",
        "Thời gian qua, việc tuyên truyền các văn bản của Trung ương có lúc chưa kịp thời; một số "
        "chi bộ chưa cụ thể hóa sát với tình hình địa phương.",
        "",
        "# II- NỘI DUNG ĐỀ NGHỊ",
        "",
    ]
    asks = (
        "Tổ chức quán triệt, tuyên truyền sâu rộng",
        "Giao các chi bộ xây dựng chương trình hành động thực hiện",
        "Biên soạn tài liệu hỏi - đáp về",
        "Đưa nội dung sinh hoạt chuyên đề gắn với",
    )
    for index, doc in enumerate(docs):
        letter = "abcdeghiklmn"[index]
        lines += [
            f"{letter}) {asks[index % 4]} {_cite7(doc, index % 5)} của {_body7(doc)}.",
            "",
        ]
    lines += [
        "Ban Tuyên giáo Huyện ủy kính trình Ban Thường vụ Huyện ủy xem xét, quyết định.",
        "",
    ]
    return "\n".join(lines)


def _minutes7(docs: list[CentralDocument]) -> str:
    lines = [
        FRONT_P.strip(),
        "",
        "Hôm nay, vào lúc 19 giờ 30 phút ngày 05/7/2026, tại Nhà văn hóa thôn Thọ Lộc, Chi bộ tổ "
        "chức họp thường kỳ tháng 7 năm 2026.",
        "",
        "# I- THÀNH PHẦN",
        "",
        "- Đảng viên của chi bộ: 27 đồng chí; có mặt 24 đồng chí, vắng 03 đồng chí (có lý do).",
        "- Chủ trì: đồng chí Huỳnh Văn Sáu, Bí thư Chi bộ; thư ký: đồng chí Trần Thị Mỹ Linh.",
        "",
        "# II- NỘI DUNG",
        "",
    ]
    said = (
        "Đồng chí Bí thư Chi bộ quán triệt",
        "Chi bộ thảo luận, thống nhất cách thực hiện",
        "Đồng chí Phó Bí thư báo cáo kết quả sơ kết",
        "Đảng viên đăng ký làm theo nội dung của",
    )
    for index, doc in enumerate(docs):
        lines += [
            f"{index + 1}. {said[index % 4]} {_cite7(doc, (index + 1) % 5)} của {_body7(doc)}; "
            f"{ENDS4[index % 3]}",
            "",
        ]
    lines += [
        "# III- KẾT LUẬN",
        "",
        "Chi bộ thống nhất 100 % các nội dung trên. Cuộc họp kết thúc lúc 21 giờ 15 phút cùng "
        "ngày; biên bản đã được thông qua trước chi bộ.",
        "",
        "| THƯ KÝ | CHỦ TRÌ |",
        "|---|---|",
        "| Trần Thị Mỹ Linh | Huỳnh Văn Sáu |",
        "",
    ]
    return "\n".join(lines)


def _plan7(docs: list[CentralDocument], rng: random.Random) -> str:
    lines = [
        FRONT_Q.strip(),
        "",
        "# I- MỤC ĐÍCH, YÊU CẦU",
        "",
        "Tiếp tục đưa các văn bản của Trung ương vào cuộc sống; phân công rõ cơ quan chủ trì, "
        "phối hợp và thời gian hoàn thành từng việc.",
        "",
        "# II- NỘI DUNG VÀ PHÂN CÔNG",
        "",
        "| TT | Nội dung công việc | Văn bản thực hiện | Cơ quan chủ trì | Cơ quan phối hợp "
        "| Thời gian |",
        "|---|---|---|---|---|---|",
    ]
    works = (
        "Xây dựng kế hoạch thực hiện",
        "Sơ kết việc thực hiện",
        "Kiểm tra việc thực hiện",
        "Tuyên truyền kết quả thực hiện",
    )
    leads = ("Ban Tuyên giáo", "Ban Tổ chức", "Ủy ban Kiểm tra", "Văn phòng Huyện ủy")
    helps = ("Các tổ chức cơ sở đảng", "Ban Dân vận", "Trung tâm Chính trị")
    for number, doc in enumerate(docs, start=1):
        when = rng.choice(("Quý I/2027", "Quý II/2027", "Tháng 9/2027", "Cả năm"))
        lines.append(
            f"| {number} | {works[number % 4]} | {_cite7(doc, 2 if number % 2 else 3)} "
            f"| {leads[number % 4]} | {helps[number % 3]} | {when} |"
        )
    lines += [
        "",
        "# III- TỔ CHỨC THỰC HIỆN",
        "",
        "Văn phòng Huyện ủy theo dõi, đôn đốc; các cơ quan chủ trì báo cáo kết quả về Ban "
        "Thường vụ Huyện ủy trước ngày 15 tháng 12 năm 2027.",
        "",
    ]
    return "\n".join(lines)


def _letter7(docs: list[CentralDocument]) -> str:
    lines = [
        FRONT_R.strip(),
        "",
        "Kính gửi: Ủy ban Kiểm tra các huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy.",
        "",
        "Thực hiện chỉ đạo của Thường trực Tỉnh ủy, Ủy ban Kiểm tra Tỉnh ủy đề nghị các đơn vị "
        "rà soát kết quả thực hiện các văn bản của Trung ương nêu tại danh mục dưới đây:",
        "",
        "# DANH MỤC VĂN BẢN CẦN RÀ SOÁT",
        "",
        "| STT | Số, ký hiệu | Ngày ban hành | Cơ quan ban hành |",
        "|---|---|---|---|",
    ]
    for number, doc in enumerate(docs, start=1):
        day = doc.date
        written = f"{day:%d/%m/%Y}" if number % 2 else f"{day.day}/{day.month}/{day.year}"
        lines.append(f"| {number} | {doc.type_word} số {doc.symbol} | {written} | {_body7(doc)} |")
    lines += [
        "",
        "Báo cáo kết quả gửi về Ủy ban Kiểm tra Tỉnh ủy trước ngày 30 tháng 11 năm 2026 để tổng "
        "hợp, báo cáo Ban Thường vụ Tỉnh ủy.",
        "",
    ]
    return "\n".join(lines)


def main7() -> None:
    OUT7.mkdir(exist_ok=True)
    docs = list(central_documents())
    rng = random.Random(73019)
    rng.shuffle(docs)
    (OUT7 / "o_ban_tuyen_giao_to_trinh_2026.md").write_text(
        _submission7(docs[:3], docs[3:9]), encoding="utf-8"
    )
    (OUT7 / "p_chi_bo_bien_ban_2026.md").write_text(_minutes7(docs[9:15]), encoding="utf-8")
    (OUT7 / "q_huyen_uy_ke_hoach_2026.md").write_text(_plan7(docs[15:31], rng), encoding="utf-8")
    (OUT7 / "r_ubkt_cong_van_2026.md").write_text(_letter7(docs[31:43]), encoding="utf-8")
    write_truth("heldout7", OUT7)


# The eighth held-out set (``ocr_heldout8``), written 4 December 2026 at 13:05 UTC (branch
# ``ocr8``) before any change of that session and measured once with the code of ``integ``
# (5c1a67b); nobody tuned on it. Its own templates and seed (81157), three kinds of pages the
# earlier sets did not have: a BÁO CÁO with a two-level numbered table (1, 1.1, 1.2 …); a NGHỊ
# QUYẾT of a party committee whose decisions are articles (Điều 1, Điều 2 …); a THÔNG BÁO of the
# conclusions of a standing committee. Citations in other forms offices write (the date before
# the body, "ban hành ngày", a leading zero, a short type word before the symbol). Scanned like
# set 6 (``SCAN6``): the kind of scan is not new.
OUT8 = Path(__file__).parent / "ocr_heldout8"

FRONT_S = """
---
superior: HUYỆN ỦY BA TƠ
issuer: ĐẢNG ỦY XÃ BA ĐIỀN
issuer_code: ĐU
number: 52
place: Ba Điền
date: '2026-06-18'
kind: BÁO CÁO
summary: kết quả thực hiện các văn bản của Trung ương 6 tháng đầu năm 2026
draft: false
signature:
  capacity: T/M ĐẢNG ỦY
  title: BÍ THƯ
  name: Phạm Văn Đinh
recipients:
- Ban Thường vụ Huyện ủy (b/c),
- Lưu Văn phòng Đảng ủy.
---
"""

FRONT_T = """
---
superior: ĐẢNG BỘ TỈNH QUẢNG NGÃI
issuer: ĐẢNG ỦY KHỐI CƠ QUAN VÀ DOANH NGHIỆP TỈNH
issuer_code: ĐUK
number: 17
place: Quảng Ngãi
date: '2026-05-27'
kind: NGHỊ QUYẾT
summary: về tăng cường thực hiện các văn bản của Trung ương trong Đảng bộ Khối
draft: false
signature:
  capacity: T/M BAN THƯỜNG VỤ
  title: PHÓ BÍ THƯ
  name: Nguyễn Thị Kim Loan
recipients:
- Ban Thường vụ Tỉnh ủy (b/c),
- Các tổ chức cơ sở đảng trực thuộc,
- Lưu Văn phòng Đảng ủy Khối.
---
"""

FRONT_U = """
---
superior: ĐẢNG BỘ TỈNH QUẢNG NGÃI
issuer: HUYỆN ỦY MINH LONG
issuer_code: HU
number: 241
place: Minh Long
date: '2026-11-03'
kind: THÔNG BÁO
summary: kết luận của Thường trực Huyện ủy tại buổi làm việc với Đảng ủy xã Long Hiệp
draft: false
signature:
  capacity: T/L BAN THƯỜNG VỤ
  title: CHÁNH VĂN PHÒNG
  name: Đinh Văn Thạnh
recipients:
- Đảng ủy xã Long Hiệp,
- Các ban xây dựng Đảng Huyện ủy,
- Lưu Văn phòng Huyện ủy.
---
"""

SHORT8 = {"Nghị quyết": "NQ", "Chỉ thị": "CT", "Kết luận": "KL", "Quy định": "QĐ"}


def _cite8(doc: CentralDocument, style: int) -> str:
    """A citation in forms the earlier sets did not write: the body between the symbol and the
    date, "ban hành ngày", a zero-padded day and month, spelled out after a comma."""
    day = doc.date
    body = _body7(doc)
    if style == 0:
        return f"{doc.type_word} số {doc.symbol} của {body} ngày {day:%d/%m/%Y}"
    if style == 1:
        return f"{doc.type_word} số {doc.symbol} ban hành ngày {day.day}/{day.month}/{day.year}"
    if style == 2:
        return f"{doc.type_word} {doc.symbol}, ngày {day.day} tháng {day.month} năm {day.year}"
    return f"{doc.type_word} số {doc.symbol} ngày {day:%d/%m/%Y} của {body}"


def _report8(docs: list[CentralDocument], rng: random.Random) -> str:
    lines = [
        FRONT_S.strip(),
        "",
        "# I- KẾT QUẢ THỰC HIỆN",
        "",
        "Sáu tháng đầu năm 2026, Đảng ủy xã tập trung lãnh đạo thực hiện các văn bản của Trung "
        "ương; kết quả cụ thể như sau:",
        "",
        "| TT | Nội dung | Văn bản | Kết quả |",
        "|---|---|---|---|",
    ]
    groups = ("Công tác quán triệt, tuyên truyền", "Công tác cụ thể hóa", "Công tác kiểm tra")
    results = ("Hoàn thành", "Đạt 95 %", "Đang thực hiện", "Hoàn thành trước hạn")
    per = (len(docs) + len(groups) - 1) // len(groups)
    for number, group in enumerate(groups, start=1):
        lines.append(f"| {number} | {group} | | |")
        for sub, doc in enumerate(docs[(number - 1) * per : number * per], start=1):
            lines.append(
                f"| {number}.{sub} | {LEADS[(number + sub) % 6]} | {_cite8(doc, sub % 4)} "
                f"| {rng.choice(results)} |"
            )
    lines += [
        "",
        "# II- PHƯƠNG HƯỚNG 6 THÁNG CUỐI NĂM",
        "",
        "Tiếp tục quán triệt, cụ thể hóa các văn bản của Trung ương; tăng cường kiểm tra, giám "
        "sát việc thực hiện ở các chi bộ.",
        "",
    ]
    return "\n".join(lines)


def _resolution8(basis: list[CentralDocument], docs: list[CentralDocument]) -> str:
    lines = [FRONT_T.strip(), "", "BAN THƯỜNG VỤ ĐẢNG ỦY KHỐI", ""]
    for index, doc in enumerate(basis):
        lines += [f"- Căn cứ {_cite8(doc, (index + 1) % 4)};", ""]
    lines += ["# QUYẾT NGHỊ:", ""]
    asks = (
        "Các tổ chức cơ sở đảng tiếp tục quán triệt, thực hiện nghiêm",
        "Đưa việc thực hiện",
        "Ủy ban Kiểm tra Đảng ủy Khối kiểm tra, giám sát việc thực hiện",
    )
    for index, doc in enumerate(docs, start=1):
        lines += [
            f"**Điều {index}.** {asks[index % 3]} {_cite8(doc, index % 4)}"
            f"{' vào chương trình làm việc toàn khóa' if index % 3 == 2 else ''}.",
            "",
        ]
    lines += [
        f"**Điều {len(docs) + 1}.** Nghị quyết này có hiệu lực kể từ ngày ký. Các tổ chức cơ sở "
        "đảng trực thuộc chịu trách nhiệm thi hành.",
        "",
    ]
    return "\n".join(lines)


def _notice8(docs: list[CentralDocument]) -> str:
    lines = [
        FRONT_U.strip(),
        "",
        "Ngày 28/10/2026, đồng chí Bí thư Huyện ủy và Thường trực Huyện ủy làm việc với Ban "
        "Thường vụ Đảng ủy xã Long Hiệp. Sau khi nghe báo cáo và ý kiến của các đại biểu, "
        "đồng chí Bí thư Huyện ủy kết luận như sau:",
        "",
        "# 1. Đánh giá chung",
        "",
        f"Đảng ủy xã đã chủ động triển khai {_cite8(docs[0], 3)} và "
        f"{_cite8(docs[1], 1)}; tuy nhiên, việc sơ kết còn chậm.",
        "",
        "# 2. Nhiệm vụ thời gian tới",
        "",
    ]
    for index, doc in enumerate(docs[2:]):
        lines += [f"- {LEADS[index % 6]} {_cite8(doc, index % 4)}{TAILS[index % 5]}", ""]
    lines += [
        "Văn phòng Huyện ủy thông báo để Đảng ủy xã Long Hiệp và các cơ quan liên quan biết, "
        "thực hiện.",
        "",
    ]
    return "\n".join(lines)


def main8() -> None:
    OUT8.mkdir(exist_ok=True)
    docs = list(central_documents())
    rng = random.Random(81157)
    rng.shuffle(docs)
    (OUT8 / "s_dang_uy_xa_bao_cao_2026.md").write_text(_report8(docs[:12], rng), encoding="utf-8")
    (OUT8 / "t_dang_uy_khoi_nghi_quyet_2026.md").write_text(
        _resolution8(docs[12:15], docs[15:20]), encoding="utf-8"
    )
    (OUT8 / "u_huyen_uy_thong_bao_2026.md").write_text(_notice8(docs[20:28]), encoding="utf-8")
    write_truth("heldout8", OUT8)


# The ninth held-out set (``ocr_heldout9``), written 4 December 2026 at 14:28–14:37 UTC (branch
# ``heldout9``) while two other helpers changed the reader, for the lead to measure their merged
# code on; measured once with the code of ``main`` (0e0663b); nobody tuned on it. Its own
# templates and seed (90917), dated in the second half of 2024 (before the district level was
# abolished in July 2025): a QUYẾT ĐỊNH of a Ban Thường vụ Huyện ủy with the list of a steering
# committee's members attached (an appendix table: STT, họ và tên, chức vụ, đơn vị công tác,
# nhiệm vụ); a BÁO CÁO marked MẬT of a Ban Tổ chức Tỉnh ủy with a wide seven-column table of
# figures written the Vietnamese way (11.160; 103,83) that runs onto the next page, and the
# outline I-, 1., 1.1., a), -, +; a CÔNG VĂN "V/v …" signed "TUQ. BAN THƯỜNG VỤ" with a "Kính
# gửi:" list. Citations of Central, provincial and district documents in forms the earlier sets
# did not write: the body between the symbol and a date with a padded day and a bare month
# ("28-CT/TW của Bộ Chính trị ngày 25/12/2023"), the year alone ("năm 2022"), a padded day
# spelled out ("ngày 09 tháng 6 năm 2014"), no date at all ("… (khóa XIII)"). Scanned like set 6
# (``SCAN6``).
OUT9 = Path(__file__).parent / "ocr_heldout9"

FRONT_V = """
---
superior: ĐẢNG BỘ TỈNH QUẢNG NGÃI
issuer: HUYỆN ỦY SƠN HÀ
issuer_code: HU
number: 1250
place: Sơn Hà
date: '2024-07-12'
kind: QUYẾT ĐỊNH
summary: về việc thành lập Ban Chỉ đạo tổng kết việc thực hiện các văn bản của Trung ương nhiệm kỳ 2020 - 2025
draft: false
signature:
  capacity: T/M BAN THƯỜNG VỤ
  title: PHÓ BÍ THƯ
  name: Đinh Văn Lực
recipients:
- Như Điều 3,
- Ban Thường vụ Tỉnh ủy (b/c),
- Ban Tổ chức Tỉnh ủy,
- Lưu Văn phòng Huyện ủy.
---
"""

FRONT_W = """
---
superior: ĐẢNG BỘ TỈNH QUẢNG NGÃI
issuer: BAN TỔ CHỨC TỈNH ỦY
issuer_code: BTCTU
number: 412
place: Quảng Ngãi
date: '2024-12-16'
kind: BÁO CÁO
summary: kết quả công tác phát triển đảng viên năm 2024
classification: Mật
draft: false
signature:
  capacity: K/T TRƯỞNG BAN
  title: PHÓ TRƯỞNG BAN
  name: Lê Thị Thu Hằng
recipients:
- Thường trực Tỉnh ủy (b/c),
- Ban Tổ chức Trung ương (b/c),
- Các huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc,
- Lưu Ban Tổ chức Tỉnh ủy.
---
"""

FRONT_X = """
---
superior: ĐẢNG BỘ TỈNH QUẢNG NGÃI
issuer: HUYỆN ỦY MỘ ĐỨC
issuer_code: HU
number: 845
place: Mộ Đức
date: '2024-08-05'
kind: CÔNG VĂN
summary: V/v góp ý dự thảo Báo cáo tổng kết việc thực hiện các văn bản của Trung ương về công tác cán bộ
draft: false
signature:
  capacity: TUQ. BAN THƯỜNG VỤ
  title: CHÁNH VĂN PHÒNG
  name: Nguyễn Thị Mỹ Dung
recipients:
- Như trên,
- Thường trực Huyện ủy (b/c),
- Lưu Văn phòng Huyện ủy.
---
"""


def _cite9(doc: CentralDocument, style: int) -> str:
    """A citation in forms the earlier sets did not write: the body between the symbol and a
    date with a padded day and a bare month, the year alone, the day padded and spelled out
    with the body after it, no date at all (the congress term instead)."""
    day = doc.date
    body = _body7(doc)
    if style == 0:
        return (
            f"{doc.type_word} số {doc.symbol} của {body} ngày {day.day:02d}/{day.month}/{day.year}"
        )
    if style == 1:
        return (
            f"{doc.type_word} số {doc.symbol}, ngày {day.day:02d} tháng {day.month} năm "
            f"{day.year} của {body}"
        )
    if style == 2:
        return f"{doc.type_word} số {doc.symbol} năm {day.year} của {body}"
    if style == 3:
        return f"{doc.type_word} {doc.symbol} của {body} (khóa {doc.term})"
    return f"{doc.type_word} số {doc.symbol} ngày {day.day:02d}/{day.month}/{day.year} của {body}"


MEMBERS9 = (
    ("Đinh Văn Lực", "Phó Bí thư Thường trực Huyện ủy", "Huyện ủy Sơn Hà", "Trưởng ban"),
    (
        "Phạm Thị Hồng Nhung",
        "Trưởng Ban Tổ chức Huyện ủy",
        "Ban Tổ chức Huyện ủy",
        "Phó Trưởng ban",
    ),
    (
        "Đinh Xuân Quang",
        "Trưởng Ban Tuyên giáo Huyện ủy",
        "Ban Tuyên giáo Huyện ủy",
        "Phó Trưởng ban",
    ),
    (
        "Nguyễn Văn Thạnh",
        "Chánh Văn phòng Huyện ủy",
        "Văn phòng Huyện ủy",
        "Thành viên thường trực",
    ),
    (
        "Đinh Thị Ngọc Yến",
        "Chủ nhiệm Ủy ban Kiểm tra Huyện ủy",
        "Ủy ban Kiểm tra Huyện ủy",
        "Thành viên",
    ),
    ("Võ Minh Tuấn", "Trưởng Ban Dân vận Huyện ủy", "Ban Dân vận Huyện ủy", "Thành viên"),
    ("Phạm Văn Hổ", "Phó Chủ tịch Ủy ban nhân dân huyện", "Ủy ban nhân dân huyện", "Thành viên"),
    (
        "Trần Thị Kim Oanh",
        "Giám đốc Trung tâm Chính trị huyện",
        "Trung tâm Chính trị huyện",
        "Thành viên",
    ),
    (
        "Đinh Văn Bé",
        "Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam huyện",
        "Ủy ban MTTQ Việt Nam huyện",
        "Thành viên",
    ),
    (
        "Lê Quang Vinh",
        "Phó Trưởng Ban Tổ chức Huyện ủy",
        "Ban Tổ chức Huyện ủy",
        "Thành viên, Tổ trưởng Tổ giúp việc",
    ),
    (
        "Huỳnh Thị Thu Sương",
        "Phó Chánh Văn phòng Huyện ủy",
        "Văn phòng Huyện ủy",
        "Thành viên Tổ giúp việc",
    ),
    (
        "Đinh Thị Mai",
        "Chuyên viên Ban Tuyên giáo Huyện ủy",
        "Ban Tuyên giáo Huyện ủy",
        "Thành viên Tổ giúp việc",
    ),
    (
        "Phạm Ngọc Sơn",
        "Chuyên viên Văn phòng Huyện ủy",
        "Văn phòng Huyện ủy",
        "Thành viên Tổ giúp việc",
    ),
)


def _decision9(basis: list[CentralDocument], docs: list[CentralDocument]) -> str:
    lines = [
        FRONT_V.strip(),
        "",
        "BAN THƯỜNG VỤ HUYỆN ỦY",
        "",
        "- Căn cứ Điều lệ Đảng Cộng sản Việt Nam;",
        "",
    ]
    for index, doc in enumerate(basis):
        title = f" {doc.title}" if doc.title else ""
        lines += [f"- Căn cứ {_cite9(doc, (index * 3) % 5)}{title};", ""]
    lines += [
        "- Căn cứ Quy chế làm việc số 01-QC/HU, ngày 16/9/2020 của Ban Chấp hành Đảng bộ huyện "
        "khóa XXII, nhiệm kỳ 2020 - 2025;",
        "",
        "- Thực hiện Kế hoạch số 215-KH/TU ngày 05 tháng 6 năm 2024 của Ban Thường vụ Tỉnh ủy về "
        "tổng kết việc thực hiện các văn bản của Trung ương nhiệm kỳ 2020 - 2025;",
        "",
        "- Xét đề nghị của Ban Tổ chức Huyện ủy,",
        "",
        "# QUYẾT ĐỊNH",
        "",
        "**Điều 1.** Thành lập Ban Chỉ đạo tổng kết việc thực hiện các văn bản của Trung ương "
        "nhiệm kỳ 2020 - 2025 của Huyện ủy Sơn Hà (sau đây gọi tắt là Ban Chỉ đạo), gồm các "
        "đồng chí có tên trong danh sách kèm theo.",
        "",
        "**Điều 2.** Ban Chỉ đạo giúp Ban Thường vụ Huyện ủy lãnh đạo, chỉ đạo tổng kết "
        f"{_cite9(docs[0], 0)}, {_cite9(docs[1], 4)} và {_cite9(docs[2], 1)}; "
        "xây dựng báo cáo tổng kết trình Ban Thường vụ Huyện ủy trước ngày 30/9/2024. Trưởng Ban "
        "Chỉ đạo phân công nhiệm vụ cụ thể cho các thành viên; Ban Chỉ đạo sử dụng con dấu của "
        "Huyện ủy và tự giải thể sau khi hoàn thành nhiệm vụ.",
        "",
        "**Điều 3.** Văn phòng Huyện ủy, Ban Tổ chức Huyện ủy, các cơ quan, đơn vị có liên quan "
        "và các đồng chí có tên tại Điều 1 căn cứ Quyết định thi hành. Quyết định có hiệu lực "
        "kể từ ngày ký.",
        "",
        "# PHỤ LỤC",
        "",
        "Danh sách thành viên Ban Chỉ đạo tổng kết việc thực hiện các văn bản của Trung ương "
        "nhiệm kỳ 2020 - 2025",
        "",
        "(kèm theo Quyết định số 1250-QĐ/HU, ngày 12/7/2024 của Ban Thường vụ Huyện ủy)",
        "",
        "| STT | Họ và tên | Chức vụ | Đơn vị công tác | Nhiệm vụ trong Ban Chỉ đạo |",
        "|---|---|---|---|---|",
    ]
    for number, (name, post, unit, role) in enumerate(MEMBERS9, start=1):
        lines.append(f"| {number} | {name} | {post} | {unit} | {role} |")
    lines.append("")
    return "\n".join(lines)


UNITS9 = (  # the province's party committees before July 2025, with about their size
    ("Thành phố Quảng Ngãi", 11800),
    ("Thị xã Đức Phổ", 5400),
    ("Huyện Bình Sơn", 6600),
    ("Huyện Sơn Tịnh", 3700),
    ("Huyện Tư Nghĩa", 5300),
    ("Huyện Nghĩa Hành", 3900),
    ("Huyện Mộ Đức", 4600),
    ("Huyện Ba Tơ", 2700),
    ("Huyện Minh Long", 1300),
    ("Huyện Sơn Hà", 3200),
    ("Huyện Sơn Tây", 1400),
    ("Huyện Trà Bồng", 2300),
    ("Huyện Lý Sơn", 800),
    ("Khối Cơ quan và Doanh nghiệp tỉnh", 6900),
    ("Quân sự tỉnh", 2400),
    ("Công an tỉnh", 3900),
    ("Bộ đội Biên phòng tỉnh", 1100),
)


def vn_number(value: float, decimals: int = 0) -> str:
    """``value`` written the Vietnamese way: 1.044,9 (a dot between thousands, a decimal comma)."""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", " ").replace(".", ",").replace(" ", ".")


def _table9(rng: random.Random) -> list[str]:
    lines = [
        "| TT | Đảng bộ | Số đảng viên | Chỉ tiêu | Kết nạp | Đạt (%) | Nữ (%) |",
        "|---|---|---|---|---|---|---|",
    ]
    sums = [0, 0, 0]
    for number, (unit, size) in enumerate(UNITS9, start=1):
        members = round(size * rng.uniform(0.92, 1.08))
        target = max(12, round(members / rng.uniform(27, 36)))
        admitted = round(target * rng.uniform(0.86, 1.18))
        sums = [sums[0] + members, sums[1] + target, sums[2] + admitted]
        lines.append(
            f"| {number} | {unit} | {vn_number(members)} | {vn_number(target)} "
            f"| {vn_number(admitted)} | {vn_number(100 * admitted / target, 2)} "
            f"| {vn_number(rng.uniform(28, 52), 2)} |"
        )
    lines.append(
        f"| | **Cộng** | **{vn_number(sums[0])}** | **{vn_number(sums[1])}** "
        f"| **{vn_number(sums[2])}** | **{vn_number(100 * sums[2] / sums[1], 2)}** | |"
    )
    return lines


def _report9(docs: list[CentralDocument], rng: random.Random) -> str:
    lines = [
        FRONT_W.strip(),
        "",
        "# I- CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO",
        "",
        f"Thực hiện {_cite9(docs[0], 1)} và {_cite9(docs[1], 2)}; Hướng dẫn số 12-HD/BTCTW năm "
        "2022 của Ban Tổ chức Trung ương, Ban Thường vụ Tỉnh ủy ban hành Kế hoạch số 38-KH/TU "
        "ngày 20/02/2024 về phát triển đảng viên năm 2024; Ban Tổ chức Tỉnh ủy hướng dẫn các "
        "cấp ủy trực thuộc giao chỉ tiêu đến từng chi bộ.",
        "",
        "## 1. Công tác tạo nguồn",
        "",
        "### 1.1. Ở khu vực nông thôn, miền núi",
        "",
        "a) Các cấp ủy chú trọng tạo nguồn trong đoàn viên thanh niên, dân quân, người có uy tín "
        f"trong đồng bào dân tộc thiểu số, gắn với {_cite9(docs[2], 3)}.",
        "",
        "b) Một số thôn, tổ dân phố chưa có đảng viên đã cơ bản được khắc phục:",
        "",
        "- Huyện Sơn Tây kết nạp đảng viên đầu tiên ở 02 thôn;",
        "- Huyện Ba Tơ, huyện Minh Long:",
        "  + Thành lập 03 chi bộ thôn ghép;",
        "  + Bồi dưỡng nhận thức về Đảng cho 1.044 quần chúng ưu tú.",
        "",
        "### 1.2. Ở doanh nghiệp ngoài khu vực nhà nước",
        "",
        f"Triển khai {_cite9(docs[3], 0)}; tỷ lệ kết nạp trong doanh nghiệp đạt 19,92 % tổng số "
        "đảng viên mới, tăng 3,41 % so với năm 2023.",
        "",
        "## 2. Kết quả kết nạp đảng viên",
        "",
        "Năm 2024, toàn Đảng bộ tỉnh kết nạp đảng viên theo bảng dưới đây (số liệu tính đến ngày "
        "30/11/2024):",
        "",
        *_table9(rng),
        "",
        "# II- HẠN CHẾ, NGUYÊN NHÂN",
        "",
        "Chất lượng một số đảng viên mới chưa cao; việc tạo nguồn ở vùng đồng bào dân tộc thiểu "
        f"số còn khó khăn. Một số cấp ủy chưa thực hiện nghiêm {_cite9(docs[4], 4)}.",
        "",
        "# III- NHIỆM VỤ NĂM 2025",
        "",
        f"- Tiếp tục thực hiện {_cite9(docs[5], 2)}, phấn đấu kết nạp trên 2.300 đảng viên.",
        f"- Rà soát, đưa ra khỏi Đảng những đảng viên không đủ tư cách theo {_cite9(docs[6], 1)}.",
        "",
    ]
    return "\n".join(lines)


def _letter9(docs: list[CentralDocument]) -> str:
    lines = [
        FRONT_X.strip(),
        "",
        "Kính gửi:",
        "",
        "- Các đồng chí Ủy viên Ban Chấp hành Đảng bộ huyện;",
        "- Các tổ chức cơ sở đảng trực thuộc Huyện ủy.",
        "",
        "Thực hiện Công văn số 1127-CV/TU ngày 03/7/2024 của Ban Thường vụ Tỉnh ủy về việc tổng "
        f"kết {_cite9(docs[0], 0)} và {_cite9(docs[1], 3)}, Ban Thường vụ Huyện ủy đã dự thảo Báo "
        "cáo tổng kết của Đảng bộ huyện (gửi kèm theo Công văn này).",
        "",
        "Để hoàn chỉnh dự thảo trước khi trình Hội nghị Ban Chấp hành Đảng bộ huyện, Ban Thường "
        "vụ Huyện ủy đề nghị các đồng chí và các tổ chức cơ sở đảng nghiên cứu, góp ý, tập trung "
        "vào các nội dung sau:",
        "",
        f"1. Việc cụ thể hóa {_cite9(docs[2], 4)} và {_cite9(docs[3], 2)} ở địa phương, đơn vị.",
        "",
        f"2. Số liệu về công tác quy hoạch, luân chuyển cán bộ theo {_cite9(docs[4], 1)}; "
        "đối chiếu với Báo cáo số 96-BC/HU, ngày 14/12/2023 của Ban Thường vụ Huyện ủy.",
        "",
        "3. Những hạn chế, nguyên nhân, bài học kinh nghiệm và đề xuất, kiến nghị.",
        "",
        "Ý kiến góp ý bằng văn bản gửi về Ban Thường vụ Huyện ủy (qua Văn phòng Huyện ủy) trước "
        "ngày 20/8/2024 để tổng hợp. Quá thời hạn trên, đơn vị nào không có ý kiến xem như thống "
        "nhất với dự thảo./.",
        "",
    ]
    return "\n".join(lines)


def _latest(docs: Iterable[CentralDocument]) -> list[CentralDocument]:
    """The catalogue without a document a later one of the same symbol replaced (Chỉ thị
    35-CT/TW of 2019 and of 2024, each on the congresses of its term)."""
    newest: dict[str, CentralDocument] = {}
    for doc in docs:
        if doc.symbol not in newest or newest[doc.symbol].date < doc.date:
            newest[doc.symbol] = doc
    return sorted(newest.values(), key=lambda d: (d.date, d.symbol))


def main9() -> None:
    OUT9.mkdir(exist_ok=True)
    pool = _latest(d for d in central_documents() if d.date < dt.date(2024, 7, 1))
    charter = next(d for d in pool if d.symbol == "24-QĐ/TW")  # on carrying out the Charter
    docs = [d for d in pool if d is not charter]
    rng = random.Random(90917)
    rng.shuffle(docs)
    (OUT9 / "v_huyen_uy_son_ha_quyet_dinh_2024.md").write_text(
        _decision9([charter], docs[:3]), encoding="utf-8"
    )
    (OUT9 / "w_ban_to_chuc_bao_cao_mat_2024.md").write_text(
        _report9(docs[3:10], rng), encoding="utf-8"
    )
    (OUT9 / "x_huyen_uy_mo_duc_cong_van_2024.md").write_text(
        _letter9(docs[10:15]), encoding="utf-8"
    )
    write_truth("heldout9", OUT9)


# The tenth held-out set (``ocr_heldout10``), written 4 December 2026 at 14:28–14:37 UTC with
# set 9 (branch ``heldout9``), for the same purpose, and measured once with the same code
# (``main``, 0e0663b); nobody tuned on it. Its own templates and seed (10391), dated 2026, after
# the district level was abolished: the bodies are a ward's and a commune's Đảng ủy and their
# boards, and the Tỉnh ủy. A CHƯƠNG TRÌNH of a ward's Đảng ủy with a month-by-month timeline
# table (Tháng | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp) over a page; a KẾT LUẬN of a Ban
# Thường vụ Tỉnh ủy without a superior body in its header; a BIÊN BẢN of an inspection team with
# a table of party-dues figures (quarters, 989.000 đồng) and a three-column signature table; a
# TỜ TRÌNH signed "Q. TRƯỞNG BAN" with a table of members proposed for the Party badge, their
# dates of birth and admission (dates that cite no document). Citations in forms no earlier set
# wrote: the month padded and spelled out ("ngày 24 tháng 11 năm 2023"), padded dashes between
# commas ("ngày 05-01-2024, của"), "số:" before the symbol, the symbol in brackets after the
# document's name ("(Quy định số 24-QĐ/TW ngày 30/7/2021)"). Scanned like set 6.
OUT10 = Path(__file__).parent / "ocr_heldout10"

FRONT_ZA = """
---
superior: ĐẢNG BỘ TỈNH QUẢNG NGÃI
issuer: ĐẢNG ỦY PHƯỜNG CẨM THÀNH
issuer_code: ĐU
number: 15
place: Cẩm Thành
date: '2026-12-22'
kind: CHƯƠNG TRÌNH
summary: công tác năm 2027 của Ban Chấp hành, Ban Thường vụ Đảng ủy phường
draft: false
signature:
  capacity: T/M ĐẢNG ỦY
  title: BÍ THƯ
  name: Trương Công Định
recipients:
- Ban Thường vụ Tỉnh ủy (b/c),
- Các đồng chí Ủy viên Ban Chấp hành Đảng bộ phường,
- Các chi bộ trực thuộc,
- Lưu Văn phòng Đảng ủy.
---
"""

FRONT_ZB = """
---
issuer: TỈNH ỦY QUẢNG NGÃI
issuer_code: TU
number: 1412
place: Quảng Ngãi
date: '2026-10-21'
kind: KẾT LUẬN
summary: của Ban Thường vụ Tỉnh ủy về kết quả kiểm tra việc lãnh đạo, chỉ đạo thực hiện các văn bản của Trung ương tại Đảng bộ xã Ba Tơ
draft: false
signature:
  capacity: T/M BAN THƯỜNG VỤ
  title: PHÓ BÍ THƯ THƯỜNG TRỰC
  name: Đặng Ngọc Dũng
recipients:
- Ban Thường vụ Đảng ủy xã Ba Tơ,
- Các ban xây dựng Đảng Tỉnh ủy,
- Lưu Văn phòng Tỉnh ủy.
---
"""

FRONT_ZC = """
---
superior: ĐẢNG ỦY XÃ BA TƠ
issuer: ỦY BAN KIỂM TRA
issuer_code: UBKTĐU
number: '03'
place: Ba Tơ
date: '2026-03-19'
kind: BIÊN BẢN
summary: kiểm tra việc thu, nộp, quản lý và sử dụng đảng phí năm 2025 tại Chi bộ thôn Gò Khôn
draft: false
recipients:
- Thường trực Đảng ủy xã (b/c),
- Chi bộ thôn Gò Khôn,
- Lưu hồ sơ kiểm tra.
---
"""

FRONT_ZD = """
---
superior: ĐẢNG ỦY PHƯỜNG NGHĨA LỘ
issuer: BAN XÂY DỰNG ĐẢNG
issuer_code: BXDĐ
number: '07'
place: Nghĩa Lộ
date: '2026-01-15'
kind: TỜ TRÌNH
summary: về việc đề nghị xét tặng Huy hiệu Đảng đợt 03/02/2026
draft: false
signature:
  capacity: Q. TRƯỞNG BAN
  name: Lương Thị Bích Ngọc
recipients:
- Như trên,
- Lưu Ban Xây dựng Đảng.
---
"""


def _cite10(doc: CentralDocument, style: int) -> str:
    """A citation in forms no earlier set wrote: the month padded and spelled out, padded dashes
    between commas, "số:" before the symbol, the symbol in brackets after the document's name."""
    day = doc.date
    body = _body7(doc)
    if style == 0:
        return (
            f"{doc.type_word} số {doc.symbol} ngày {day.day:02d} tháng {day.month:02d} năm "
            f"{day.year} của {body}"
        )
    if style == 1:
        return f"{doc.type_word} số {doc.symbol}, ngày {day:%d-%m-%Y}, của {body}"
    if style == 2:
        return f"{doc.type_word} số: {doc.symbol} ngày {day:%d/%m/%Y}"
    named = f"{doc.type_word} của {body} {doc.title}".strip()
    return f"{named} ({doc.type_word} số {doc.symbol} ngày {day.day}/{day.month}/{day.year})"


MONTHS10 = (
    (
        "Hội nghị Ban Chấp hành Đảng bộ phường triển khai nhiệm vụ năm 2027",
        "Văn phòng Đảng ủy",
        "Các chi bộ",
    ),
    (
        "Tổ chức các hoạt động kỷ niệm 97 năm Ngày thành lập Đảng (03/02/1930 - 03/02/2027)",
        "Ban Xây dựng Đảng",
        "Ủy ban MTTQ Việt Nam phường",
    ),
    ("Sơ kết việc thực hiện {c}", "Ban Xây dựng Đảng", "Văn phòng Đảng ủy"),
    (
        "Ban Thường vụ cho ý kiến về công tác cán bộ; kiểm tra việc thực hiện {c}",
        "Ủy ban Kiểm tra Đảng ủy",
        "Ban Xây dựng Đảng",
    ),
    (
        "Tiếp công dân định kỳ của đồng chí Bí thư Đảng ủy; tuyên truyền {c}",
        "Văn phòng Đảng ủy",
        "Ủy ban nhân dân phường",
    ),
    (
        "Hội nghị Ban Chấp hành sơ kết 6 tháng đầu năm 2027",
        "Văn phòng Đảng ủy",
        "Các ban xây dựng Đảng",
    ),
    ("Giám sát chuyên đề việc thực hiện {c}", "Ủy ban Kiểm tra Đảng ủy", "Các chi bộ"),
    ("Tổng kết việc thực hiện {c}", "Ban Xây dựng Đảng", "Trung tâm Chính trị"),
    (
        "Chuẩn bị nội dung Hội nghị Ban Chấp hành cuối năm",
        "Văn phòng Đảng ủy",
        "Các ban xây dựng Đảng",
    ),
    ("Kiểm tra việc thực hiện {c}", "Ủy ban Kiểm tra Đảng ủy", "Ban Xây dựng Đảng"),
    (
        "Kiểm điểm, đánh giá, xếp loại chất lượng tổ chức đảng, đảng viên năm 2027",
        "Ban Xây dựng Đảng",
        "Các chi bộ",
    ),
    (
        "Hội nghị Ban Chấp hành tổng kết công tác năm 2027, triển khai nhiệm vụ năm 2028",
        "Văn phòng Đảng ủy",
        "Các ban xây dựng Đảng",
    ),
)


def _programme10(docs: list[CentralDocument]) -> str:
    lines = [
        FRONT_ZA.strip(),
        "",
        "# I- MỤC TIÊU, YÊU CẦU",
        "",
        "Cụ thể hóa Nghị quyết Đại hội đại biểu Đảng bộ phường lần thứ I, nhiệm kỳ 2025 - 2030 và "
        "Nghị quyết số 02-NQ/ĐU, ngày 10/12/2026 của Ban Chấp hành Đảng bộ phường về nhiệm vụ năm "
        "2027; phân công rõ cơ quan chủ trì, phối hợp và thời gian thực hiện từng nội dung.",
        "",
        "# II- NỘI DUNG CÔNG TÁC",
        "",
        "## 1. Ban Chấp hành Đảng bộ phường",
        "",
        "Họp thường lệ 03 tháng một lần theo Quy chế làm việc số 01-QC/ĐU ngày 15/7/2025 của Ban "
        "Chấp hành Đảng bộ phường; ban hành chương trình hành động thực hiện "
        f"{_cite10(docs[0], 0)}.",
        "",
        "## 2. Ban Thường vụ Đảng ủy",
        "",
        "Họp thường kỳ mỗi tháng một lần vào tuần thứ tư; các nội dung theo từng tháng như sau:",
        "",
        "| Tháng | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp |",
        "|---|---|---|---|",
    ]
    cited = iter(docs[1:])
    for month, (work, lead, helps) in enumerate(MONTHS10, start=1):
        if "{c}" in work:
            doc = next(cited)
            work = work.format(c=_cite10(doc, 2 if month % 2 else 0).split(" của ")[0])
        lines.append(f"| {month:02d} | {work} | {lead} | {helps} |")
    lines += [
        "",
        "# III- TỔ CHỨC THỰC HIỆN",
        "",
        "Văn phòng Đảng ủy tham mưu cụ thể hóa Chương trình này thành kế hoạch hằng tháng; các "
        "cơ quan chủ trì chuẩn bị nội dung trình Ban Thường vụ trước phiên họp ít nhất 05 ngày "
        "làm việc. Các chi bộ đưa việc thực hiện "
        f"{_cite10(docs[-1], 1)} vào sinh hoạt chi bộ hằng tháng.",
        "",
    ]
    return "\n".join(lines)


def _conclusion10(docs: list[CentralDocument]) -> str:
    lines = [
        FRONT_ZB.strip(),
        "",
        "Tại cuộc họp ngày 15/10/2026, sau khi nghe Đoàn kiểm tra số 04 của Ban Thường vụ Tỉnh ủy "
        "báo cáo kết quả kiểm tra theo Quyết định số 1785-QĐ/TU ngày 05/6/2026 của Ban Thường vụ "
        "Tỉnh ủy và ý kiến của Ban Thường vụ Đảng ủy xã Ba Tơ, Ban Thường vụ Tỉnh ủy kết luận như "
        "sau:",
        "",
        "# 1. Ưu điểm",
        "",
        "Ban Thường vụ Đảng ủy xã đã kịp thời quán triệt, ban hành văn bản lãnh đạo, chỉ đạo thực "
        f"hiện {_cite10(docs[0], 0)} và {_cite10(docs[1], 1)}; phân công trách nhiệm cụ thể cho "
        "các đồng chí Ủy viên Ban Thường vụ.",
        "",
        "# 2. Hạn chế, khuyết điểm",
        "",
        f"Việc sơ kết {_cite10(docs[2], 3)} còn chậm; công tác tự kiểm tra việc thực hiện "
        f"{_cite10(docs[3], 2)} ở một số chi bộ còn hình thức.",
        "",
        "# 3. Nhiệm vụ thời gian tới",
        "",
        f"a) Khắc phục ngay những hạn chế nêu trên; tiếp tục thực hiện {_cite10(docs[4], 1)}.",
        "",
        "b) Báo cáo kết quả khắc phục về Ban Thường vụ Tỉnh ủy (qua Ủy ban Kiểm tra Tỉnh ủy) trước "
        "ngày 31/12/2026.",
        "",
    ]
    return "\n".join(lines)


DUES10 = (("Quý I/2025", 41), ("Quý II/2025", 42), ("Quý III/2025", 42), ("Quý IV/2025", 44))


def _dues10(rng: random.Random) -> list[str]:
    lines = [
        "| TT | Thời gian | Số đảng viên | Phải thu (đồng) | Đã thu (đồng) | Nộp cấp trên (đồng) "
        "| Tỷ lệ (%) |",
        "|---|---|---|---|---|---|---|",
    ]
    totals = [0, 0, 0]
    for number, (quarter, members) in enumerate(DUES10, start=1):
        due = members * rng.randrange(7, 11) * 3 * 1000 + rng.randrange(0, 40) * 1000
        paid = due - rng.randrange(0, 4) * 9000
        sent = round(paid * 0.7 / 1000) * 1000
        totals = [totals[0] + due, totals[1] + paid, totals[2] + sent]
        lines.append(
            f"| {number} | {quarter} | {members} | {vn_number(due)} | {vn_number(paid)} "
            f"| {vn_number(sent)} | {vn_number(100 * paid / due, 2)} |"
        )
    lines.append(
        f"| | Cộng | | {vn_number(totals[0])} | {vn_number(totals[1])} | {vn_number(totals[2])} "
        f"| {vn_number(100 * totals[1] / totals[0], 2)} |"
    )
    return lines


def _minutes10(docs: list[CentralDocument], rng: random.Random) -> str:
    lines = [
        FRONT_ZC.strip(),
        "",
        f"Thực hiện {_cite10(docs[0], 1)} về công tác kiểm tra, giám sát và kỷ luật của Đảng và "
        "Quyết định số 09-QĐ/UBKTĐU ngày 12/3/2026 của Ủy ban Kiểm tra Đảng ủy xã về "
        "kiểm tra việc thu, nộp, quản lý và sử dụng đảng phí; hôm nay, vào lúc 08 giờ 00 ngày "
        "19/3/2026, tại Nhà văn hóa thôn Gò Khôn, Đoàn kiểm tra làm việc với Chi bộ thôn Gò Khôn.",
        "",
        "# I- THÀNH PHẦN",
        "",
        "1. Đoàn kiểm tra:",
        "",
        "- Đồng chí Phạm Văn Tư, Phó Chủ nhiệm Ủy ban Kiểm tra Đảng ủy xã - Trưởng đoàn;",
        "- Đồng chí Đinh Thị Lanh, Ủy viên Ủy ban Kiểm tra Đảng ủy xã - Thư ký.",
        "",
        "2. Chi bộ thôn Gò Khôn: đồng chí Phạm Văn Mười, Bí thư Chi bộ; đồng chí Đinh Văn Hiếu, "
        "Phó Bí thư Chi bộ, phụ trách thu đảng phí.",
        "",
        "# II- NỘI DUNG LÀM VIỆC",
        "",
        "Đoàn kiểm tra đối chiếu sổ thu, nộp đảng phí với "
        "Quyết định số 342-QĐ/TW ngày 28/12/2010 của Bộ Chính trị về chế độ đảng phí và "
        "Hướng dẫn số 16-HD/VPTW ngày 22/3/2011 của Văn phòng Trung ương Đảng. Kết quả năm 2025 "
        "như sau:",
        "",
        *_dues10(rng),
        "",
        "# III- KẾT LUẬN CỦA ĐOÀN KIỂM TRA",
        "",
        "a) Chi bộ thu, nộp đảng phí cơ bản đúng quy định; sổ sách ghi chép rõ ràng.",
        "",
        f"b) Còn 03 đảng viên chậm nộp đảng phí quý I và quý II/2025; chi bộ chưa kịp thời nhắc "
        f"nhở theo {_cite10(docs[1], 2)}.",
        "",
        "Biên bản kết thúc lúc 11 giờ 30 phút cùng ngày, được lập thành 03 bản, đã đọc lại cho "
        "các thành viên cùng nghe và thống nhất ký tên.",
        "",
        "| ĐẠI DIỆN CHI BỘ | THƯ KÝ | TRƯỞNG ĐOÀN KIỂM TRA |",
        "|---|---|---|",
        "| Phạm Văn Mười | Đinh Thị Lanh | Phạm Văn Tư |",
        "",
    ]
    return "\n".join(lines)


BADGES10 = (
    ("Nguyễn Văn Ba", "1946", "03/02/1966", "03/02/1967", "Tổ dân phố 1", "60 năm"),
    ("Trần Thị Hoa", "1950", "19/5/1971", "19/5/1972", "Tổ dân phố 3", "55 năm"),
    ("Lê Văn Kỳ", "1948", "02/9/1971", "02/9/1972", "Tổ dân phố 2", "55 năm"),
    ("Võ Thị Nguyệt", "1955", "07/11/1976", "07/11/1977", "Tổ dân phố 5", "50 năm"),
    ("Huỳnh Văn Sáng", "1954", "26/3/1976", "26/3/1977", "Tổ dân phố 4", "50 năm"),
    ("Phan Thanh Tùng", "1960", "15/01/1986", "15/01/1987", "Tổ dân phố 6", "40 năm"),
    ("Bùi Thị Lệ", "1962", "22/12/1985", "22/12/1986", "Tổ dân phố 1", "40 năm"),
    ("Đỗ Minh Châu", "1966", "30/4/1996", "30/4/1997", "Tổ dân phố 7", "30 năm"),
    ("Ngô Thị Thu", "1970", "08/3/1996", "08/3/1997", "Tổ dân phố 8", "30 năm"),
)


def _submission10(docs: list[CentralDocument]) -> str:
    lines = [
        FRONT_ZD.strip(),
        "",
        "Kính gửi: Ban Thường vụ Đảng ủy phường.",
        "",
        f"- Căn cứ {_cite10(docs[0], 3)};",
        "- Căn cứ Hướng dẫn số 06-HD/BTCTW, ngày 09/6/2022 của Ban Tổ chức Trung ương về một số "
        "vấn đề cụ thể thi hành Điều lệ Đảng;",
        "- Căn cứ đề nghị của các chi bộ trực thuộc và kết quả thẩm định hồ sơ,",
        "",
        "Ban Xây dựng Đảng kính trình Ban Thường vụ Đảng ủy phường xem xét, đề nghị Ban Thường vụ "
        "Tỉnh ủy tặng Huy hiệu Đảng đợt 03/02/2026 cho 09 đồng chí, cụ thể:",
        "",
        "| STT | Họ và tên | Năm sinh | Ngày vào Đảng | Ngày chính thức | Chi bộ | Huy hiệu |",
        "|---|---|---|---|---|---|---|",
    ]
    for number, row in enumerate(BADGES10, start=1):
        lines.append(f"| {number} | " + " | ".join(row) + " |")
    lines += [
        "",
        "Các đồng chí trên đủ tuổi Đảng, chấp hành tốt chủ trương, đường lối của Đảng, chính "
        f"sách, pháp luật của Nhà nước và {_cite10(docs[1], 0)}.",
        "",
        "(Có hồ sơ kèm theo)",
        "",
        "Ban Xây dựng Đảng kính trình Ban Thường vụ Đảng ủy phường xem xét, quyết định./.",
        "",
    ]
    return "\n".join(lines)


def main10() -> None:
    OUT10.mkdir(exist_ok=True)
    pool = _latest(central_documents())
    rules = {d.symbol: d for d in pool if d.symbol in ("22-QĐ/TW", "24-QĐ/TW")}
    docs = [d for d in pool if d.symbol not in rules]  # on inspection; on the Charter
    rng = random.Random(10391)
    rng.shuffle(docs)
    (OUT10 / "za_dang_uy_phuong_chuong_trinh_2026.md").write_text(
        _programme10(docs[:8]), encoding="utf-8"
    )
    (OUT10 / "zb_tinh_uy_ket_luan_2026.md").write_text(_conclusion10(docs[8:13]), encoding="utf-8")
    (OUT10 / "zc_ubkt_dang_uy_xa_bien_ban_2026.md").write_text(
        _minutes10([rules["22-QĐ/TW"], rules["24-QĐ/TW"]], rng), encoding="utf-8"
    )
    (OUT10 / "zd_ban_xay_dung_dang_to_trinh_2026.md").write_text(
        _submission10([rules["24-QĐ/TW"], docs[15]]), encoding="utf-8"
    )
    write_truth("heldout10", OUT10)


# The eleventh held-out set (``ocr_heldout11``), written 4 December 2026 at 15:20–15:40 UTC on
# branch ``heldout11`` with set 12, while two other helpers changed the reader again, for the
# lead to measure their merged code on; measured once "before" with the code of ``integ``
# (ed39afc), nobody tuned on it. Its own templates and seed (11213), dated 2025 (before the
# district level was abolished): a QUY CHẾ làm việc of a Đảng ủy cơ quan with chapters (Chương)
# and articles (Điều), numbered clauses and points; a THÔNG TRI of a Ban Thường vụ Tỉnh ủy; a
# BÁO CÁO sơ kết of a Ban Dân vận Huyện ủy with two tables of figures (a "Tổng cộng" row,
# percentages, 1.044,9 tỷ đồng) and a citation inside a table cell, signed "KT. TRƯỞNG BAN";
# a CÔNG VĂN of a chi bộ to its Đảng ủy. Citations in many natural forms, several in one
# sentence. Scanned like set 6.
OUT11 = Path(__file__).parent / "ocr_heldout11"

FRONT_ZF = """
---
superior: ĐẢNG BỘ HUYỆN TƯ NGHĨA
issuer: ĐẢNG ỦY CƠ QUAN ỦY BAN NHÂN DÂN HUYỆN
issuer_code: ĐU
number: '02'
place: Tư Nghĩa
date: '2025-06-18'
kind: QUY CHẾ
summary: làm việc của Ban Chấp hành Đảng bộ Cơ quan Ủy ban nhân dân huyện khóa XIV, nhiệm kỳ 2025 - 2030
draft: false
signature:
  capacity: T/M ĐẢNG ỦY
  title: BÍ THƯ
  name: Nguyễn Đức Thịnh
recipients:
- Ban Thường vụ Huyện ủy (b/c),
- Ban Tổ chức Huyện ủy,
- Ủy ban Kiểm tra Huyện ủy,
- Các đồng chí đảng ủy viên,
- Các chi bộ trực thuộc,
- Lưu Văn phòng Đảng ủy.
---
"""

FRONT_ZG = """
---
superior: ĐẢNG BỘ TỈNH QUẢNG NGÃI
issuer: TỈNH ỦY QUẢNG NGÃI
issuer_code: TU
number: 12
place: Quảng Ngãi
date: '2025-02-10'
kind: THÔNG TRI
summary: về lãnh đạo tổ chức các hoạt động kỷ niệm 50 năm Ngày giải phóng miền Nam, thống nhất đất nước (30/4/1975 - 30/4/2025)
draft: false
signature:
  capacity: T/M BAN THƯỜNG VỤ
  title: BÍ THƯ
  name: Bùi Thị Quỳnh Vân
recipients:
- Ban Bí thư Trung ương Đảng (b/c),
- Ban Tuyên giáo Trung ương (b/c),
- Văn phòng Trung ương Đảng (b/c),
- Các đồng chí Tỉnh ủy viên,
- Các huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy,
- Các ban cán sự đảng, đảng đoàn,
- Các sở, ban, ngành, Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội tỉnh,
- Báo Quảng Ngãi, Đài Phát thanh - Truyền hình tỉnh,
- Lưu Văn phòng Tỉnh ủy.
---
"""

FRONT_ZH = """
---
superior: ĐẢNG BỘ TỈNH QUẢNG NGÃI
issuer: BAN DÂN VẬN HUYỆN ỦY BÌNH SƠN
issuer_code: BDVHU
number: 87
place: Bình Sơn
date: '2025-05-26'
kind: BÁO CÁO
summary: sơ kết 03 năm thực hiện Kết luận số 01-KL/TW của Bộ Chính trị gắn với phong trào thi đua "Dân vận khéo" trên địa bàn huyện
draft: false
signature:
  capacity: KT. TRƯỞNG BAN
  title: PHÓ TRƯỞNG BAN
  name: Võ Thị Kim Liên
recipients:
- Ban Dân vận Tỉnh ủy (b/c),
- Thường trực Huyện ủy (b/c),
- Các tổ chức cơ sở đảng,
- Lưu Ban Dân vận Huyện ủy.
---
"""

FRONT_ZI = """
---
superior: ĐẢNG BỘ XÃ TỊNH PHONG
issuer: CHI BỘ THÔN PHONG NIÊN
issuer_code: CB
number: '05'
place: Tịnh Phong
date: '2025-03-04'
kind: CÔNG VĂN
summary: V/v đề nghị công nhận đảng viên chính thức đối với đồng chí Trần Thị Mỹ Hạnh
draft: false
signature:
  capacity: T/M CHI BỘ
  title: BÍ THƯ
  name: Lê Văn Sáu
recipients:
- Như trên,
- Lưu Chi bộ.
---
"""


def _cite11(doc: CentralDocument, style: int) -> str:
    """A Central document cited in the forms offices write: the day padded and the month not
    ("ngày 05 tháng 6 năm 2024"), a slash date, the year alone, the symbol in brackets."""
    day = doc.date
    body = _body7(doc)
    if style == 0:
        return (
            f"{doc.type_word} số {doc.symbol} ngày {day.day:02d} tháng {day.month} năm "
            f"{day.year} của {body}"
        )
    if style == 1:
        return (
            f"{doc.type_word} số {doc.symbol} ngày {day.day:02d}/{day.month}/{day.year} của {body}"
        )
    if style == 2:
        return f"{doc.type_word} số {doc.symbol} năm {day.year} của {body}"
    return f"{doc.type_word} của {body} {doc.title} (số {doc.symbol}, ngày {day:%d/%m/%Y})"


def _rules11(docs: dict[str, CentralDocument]) -> str:
    lines = [
        FRONT_ZF.strip(),
        "",
        "# Chương I",
        "",
        "# NHỮNG QUY ĐỊNH CHUNG",
        "",
        "**Điều 1. Phạm vi và đối tượng điều chỉnh**",
        "",
        "Quy chế này quy định trách nhiệm, quyền hạn, chế độ làm việc và mối quan hệ công tác "
        "của Ban Chấp hành, Ban Thường vụ, Bí thư, Phó Bí thư Đảng ủy Cơ quan Ủy ban nhân dân "
        "huyện khóa XIV, nhiệm kỳ 2025 - 2030.",
        "",
        "**Điều 2. Nguyên tắc làm việc**",
        "",
        f"Đảng ủy làm việc theo nguyên tắc tập trung dân chủ, tập thể lãnh đạo, cá nhân phụ trách; "
        f"thực hiện đúng {_cite11(docs['24-QĐ/TW'], 1)} và {_cite11(docs['138-QĐ/TW'], 0)}.",
        "",
        "# Chương II",
        "",
        "# TRÁCH NHIỆM, QUYỀN HẠN",
        "",
        "**Điều 3. Ban Chấp hành Đảng bộ**",
        "",
        "1. Lãnh đạo thực hiện Nghị quyết Đại hội Đảng bộ Cơ quan lần thứ XIV và nghị quyết, chỉ "
        "thị của cấp trên; trực tiếp là Nghị quyết số 01-NQ/HU ngày 20/5/2025 của Ban Chấp hành "
        "Đảng bộ huyện.",
        "",
        "2. Lãnh đạo công tác chính trị, tư tưởng, công tác cán bộ và xây dựng tổ chức đảng:",
        "",
        f"a) Quán triệt {_cite11(docs['05-CT/TW'], 2)}, {_cite11(docs['01-KL/TW'], 1)} và "
        "các chuyên đề học tập hằng năm đến từng đảng viên;",
        "",
        f"b) Thực hiện {_cite11(docs['22-QĐ/TW'], 3)} và chương trình kiểm tra, giám sát toàn "
        "khóa.",
        "",
        "**Điều 4. Ban Thường vụ Đảng ủy**",
        "",
        "Ban Thường vụ lãnh đạo, chỉ đạo thực hiện các nghị quyết của Ban Chấp hành giữa hai kỳ "
        f"họp; thực hiện nghiêm {_cite11(docs['37-QĐ/TW'], 2)} và {_cite11(docs['08-QĐi/TW'], 0)} "
        "về trách nhiệm nêu gương.",
        "",
        "# Chương III",
        "",
        "# CHẾ ĐỘ LÀM VIỆC VÀ ĐIỀU KHOẢN THI HÀNH",
        "",
        "**Điều 5. Chế độ hội nghị**",
        "",
        "Ban Chấp hành họp thường kỳ 03 tháng một lần, Ban Thường vụ họp mỗi tháng một lần; họp "
        "bất thường khi cần. Tài liệu hội nghị gửi trước ít nhất 03 ngày làm việc.",
        "",
        "**Điều 6. Điều khoản thi hành**",
        "",
        "Quy chế này thay thế Quy chế làm việc số 01-QC/ĐU ngày 12/8/2020 của Ban Chấp hành Đảng "
        "bộ khóa XIII, có hiệu lực kể từ ngày ký. Trong quá trình thực hiện, nếu có vướng mắc, "
        "Ban Thường vụ xem xét, trình Ban Chấp hành sửa đổi, bổ sung cho phù hợp.",
        "",
    ]
    return "\n".join(lines)


def _circular11(docs: dict[str, CentralDocument]) -> str:
    lines = [
        FRONT_ZG.strip(),
        "",
        "Thực hiện Kế hoạch số 39-KH/TW ngày 08 tháng 11 năm 2024 của Ban Bí thư và Hướng dẫn "
        "số 150-HD/BTGTW ngày 22/11/2024 của Ban Tuyên giáo Trung ương về tổ chức các hoạt động "
        "kỷ niệm các ngày lễ lớn, sự kiện lịch sử quan trọng năm 2025; để các hoạt động kỷ niệm "
        "50 năm Ngày giải phóng miền Nam, thống nhất đất nước diễn ra trang trọng, thiết thực, "
        "tiết kiệm, Ban Thường vụ Tỉnh ủy yêu cầu các cấp ủy, tổ chức đảng thực hiện tốt một số "
        "nội dung sau:",
        "",
        "1. Tổ chức tuyên truyền sâu rộng ý nghĩa lịch sử của Đại thắng mùa Xuân năm 1975, gắn "
        f"với việc thực hiện {_cite11(docs['05-CT/TW'], 0)} và {_cite11(docs['01-KL/TW'], 2)}.",
        "",
        "2. Tổ chức Lễ mít tinh kỷ niệm cấp tỉnh vào ngày 24/3/2025 (Ngày giải phóng tỉnh Quảng "
        "Ngãi); các huyện, thị xã, thành phố tổ chức gặp mặt, thăm hỏi, tặng quà gia đình chính "
        "sách, người có công, cựu chiến binh, thanh niên xung phong tiêu biểu.",
        "",
        "3. Các hoạt động kỷ niệm phải thực hiện nghiêm "
        f"{_cite11(docs['27-CT/TW'], 1)} về tăng cường sự lãnh đạo của Đảng đối với công tác "
        "thực hành tiết kiệm, chống lãng phí; không tổ chức liên hoan, chiêu đãi.",
        "",
        "4. Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với Văn phòng Tỉnh ủy hướng dẫn, theo dõi, "
        "đôn đốc việc thực hiện Thông tri này; tham mưu Ban Thường vụ Tỉnh ủy sơ kết trước ngày "
        "15/5/2025.",
        "",
        "Thông tri này phổ biến đến chi bộ.",
        "",
    ]
    return "\n".join(lines)


WARDS11 = (  # the district's grassroots party units, with about their members
    ("Đảng bộ thị trấn Châu Ổ", 612),
    ("Đảng bộ xã Bình Thuận", 287),
    ("Đảng bộ xã Bình Trị", 341),
    ("Đảng bộ xã Bình Hải", 298),
    ("Đảng bộ xã Bình Chánh", 265),
    ("Đảng bộ xã Bình Dương", 319),
    ("Đảng bộ xã Bình Long", 276),
)


def _models11(rng: random.Random) -> list[str]:
    lines = [
        "| TT | Tổ chức cơ sở đảng | Đảng viên | Mô hình | Điển hình | Tham gia (%) |",
        "|---|---|---|---|---|---|",
    ]
    sums = [0, 0, 0, 0.0]
    for number, (unit, members) in enumerate(WARDS11, start=1):
        models = rng.randrange(3, 12)
        people = rng.randrange(4, 19)
        joined = round(members * rng.uniform(0.81, 0.99))
        sums = [sums[0] + members, sums[1] + models, sums[2] + people, sums[3] + joined]
        lines.append(
            f"| {number} | {unit} | {vn_number(members)} | {models:02d} | {people:02d} "
            f"| {vn_number(100 * joined / members, 2)} |"
        )
    lines.append(
        f"| | Tổng cộng | {vn_number(sums[0])} | {sums[1]} | {sums[2]} "
        f"| {vn_number(100 * sums[3] / sums[0], 2)} |"
    )
    return lines


def _targets11(rng: random.Random) -> list[str]:
    rows = (
        ("Vốn nhân dân đóng góp xây dựng nông thôn mới", "tỷ đồng", 1044.9, 1),
        ("Đường giao thông nông thôn được bê tông hóa", "km", 86.4, 1),
        ("Hộ nghèo giảm so với đầu kỳ", "%", 19.92, 2),
        ("Nhà Đại đoàn kết xây mới, sửa chữa", "căn", 412, 0),
    )
    lines = [
        "| TT | Chỉ tiêu | Đơn vị tính | Kết quả 2022 - 2025 | Căn cứ |",
        "|---|---|---|---|---|",
    ]
    bases = (
        "Nghị quyết số 05-NQ/HU ngày 12/01/2022 của Ban Chấp hành Đảng bộ huyện",
        "Kế hoạch số 48-KH/HU, ngày 15/3/2022",
        "Chương trình số 11-CTr/HU năm 2022 của Huyện ủy",
        "Kế hoạch số 76-KH/BDVHU ngày 04/7/2023",
    )
    for number, ((name, unit, value, places), basis) in enumerate(
        zip(rows, bases, strict=True), start=1
    ):
        value = value if number != 4 else value + rng.randrange(0, 9)
        lines.append(f"| {number} | {name} | {unit} | {vn_number(value, places)} | {basis} |")
    return lines


def _report11(docs: dict[str, CentralDocument], rng: random.Random) -> str:
    lines = [
        FRONT_ZH.strip(),
        "",
        f"Thực hiện {_cite11(docs['01-KL/TW'], 3)}, Kế hoạch số 112-KH/HU ngày 06/8/2021 của "
        "Ban Thường vụ Huyện ủy và Hướng dẫn số 24-HD/BDVTU năm 2025 của Ban Dân vận Tỉnh ủy, "
        "Ban Dân vận Huyện ủy báo cáo sơ kết 03 năm thực hiện như sau:",
        "",
        "# I- KẾT QUẢ THỰC HIỆN",
        "",
        "## 1. Công tác lãnh đạo, chỉ đạo",
        "",
        "Ban Thường vụ Huyện ủy ban hành 07 văn bản; 100 % tổ chức cơ sở đảng quán triệt Kết luận "
        f"gắn với {_cite11(docs['43-NQ/TW'], 0)}.",
        "",
        '## 2. Kết quả xây dựng mô hình, điển hình "Dân vận khéo"',
        "",
        "### 2.1. Ở các tổ chức cơ sở đảng",
        "",
        *_models11(rng),
        "",
        "### 2.2. Kết quả một số chỉ tiêu phát triển kinh tế - xã hội có sự tham gia của Nhân dân",
        "",
        *_targets11(rng),
        "",
        "# II- HẠN CHẾ, NGUYÊN NHÂN",
        "",
        "Một số mô hình chưa được nhân rộng; việc thực hiện Quy chế dân chủ ở cơ sở theo "
        f"{_cite11(docs['213-QĐ/TW'], 1)} ở vài nơi còn hình thức.",
        "",
        "# III- NHIỆM VỤ, GIẢI PHÁP THỜI GIAN TỚI",
        "",
        "Tiếp tục quán triệt, thực hiện Kết luận số 01-KL/TW, Nghị quyết số 43-NQ/TW và "
        f"{_cite11(docs['124-QĐ/TW'], 2)}; biểu dương, khen thưởng kịp thời các điển hình.",
        "",
    ]
    return "\n".join(lines)


def _letter11(docs: dict[str, CentralDocument]) -> str:
    lines = [
        FRONT_ZI.strip(),
        "",
        "Kính gửi: Ban Thường vụ Đảng ủy xã Tịnh Phong.",
        "",
        "Căn cứ Điều lệ Đảng và Quy định thi hành Điều lệ Đảng "
        f"({_cite11(docs['24-QĐ/TW'], 1).split(' của ')[0]});",
        "",
        "Căn cứ Quyết định số 118-QĐ/ĐU ngày 26/02/2024 của Ban Thường vụ Đảng ủy xã về việc kết "
        "nạp đảng viên đối với đồng chí Trần Thị Mỹ Hạnh, sinh ngày 14/9/1996, giáo viên Trường "
        "Tiểu học Tịnh Phong;",
        "",
        "Hết thời gian dự bị 12 tháng (từ ngày 04/3/2024 đến ngày 04/3/2025), Chi bộ đã họp, xét "
        "và có 11/11 đảng viên chính thức (đạt 100 %) đồng ý đề nghị công nhận đồng chí Trần Thị "
        "Mỹ Hạnh là đảng viên chính thức.",
        "",
        "Chi bộ thôn Phong Niên kính đề nghị Ban Thường vụ Đảng ủy xã xem xét, ra quyết định "
        "công nhận đảng viên chính thức cho đồng chí Trần Thị Mỹ Hạnh./.",
        "",
        "(Gửi kèm: Bản tự kiểm điểm của đảng viên dự bị; nhận xét của đảng viên được phân công "
        "giúp đỡ; ý kiến của đoàn thể chính trị - xã hội nơi cư trú; Nghị quyết của Chi bộ.)",
        "",
    ]
    return "\n".join(lines)


def main11() -> None:
    OUT11.mkdir(exist_ok=True)
    docs = {d.symbol: d for d in _latest(central_documents())}
    rng = random.Random(11213)
    (OUT11 / "zf_dang_uy_co_quan_quy_che_2025.md").write_text(_rules11(docs), encoding="utf-8")
    (OUT11 / "zg_tinh_uy_thong_tri_2025.md").write_text(_circular11(docs), encoding="utf-8")
    (OUT11 / "zh_ban_dan_van_bao_cao_so_ket_2025.md").write_text(
        _report11(docs, rng), encoding="utf-8"
    )
    (OUT11 / "zi_chi_bo_cong_van_2025.md").write_text(_letter11(docs), encoding="utf-8")
    write_truth("heldout11", OUT11)


# The twelfth held-out set (``ocr_heldout12``), written with set 11 for the same purpose and
# measured once the same way. Its own templates (nothing drawn at random: no seed), dated 2026, after the district
# level was abolished: a KẾ HOẠCH kiểm tra, giám sát of a ward's Ủy ban Kiểm tra with a table of
# the organisations to be inspected, their dates and a citation in each cell; a QUYẾT ĐỊNH kết
# nạp đảng viên of a commune's Ban Thường vụ; a HƯỚNG DẪN of a Ban Tổ chức Tỉnh ủy with
# hierarchical numbering (1., 1.1., a)) and an appendix table of forms and deadlines, signed
# "KT. TRƯỞNG BAN"; a CÔNG VĂN of a Đảng ủy cơ quan with its trade union, two signers side by
# side. Scanned like set 6.
OUT12 = Path(__file__).parent / "ocr_heldout12"

FRONT_ZK = """
---
superior: ĐẢNG ỦY PHƯỜNG TRƯƠNG QUANG TRỌNG
issuer: ỦY BAN KIỂM TRA
issuer_code: UBKTĐU
number: '04'
place: Trương Quang Trọng
date: '2026-01-22'
kind: KẾ HOẠCH
summary: kiểm tra, giám sát năm 2026
draft: false
signature:
  capacity: T/M ỦY BAN KIỂM TRA
  title: CHỦ NHIỆM
  name: Huỳnh Thị Thanh Thảo
recipients:
- Ủy ban Kiểm tra Tỉnh ủy (b/c),
- Thường trực Đảng ủy phường (b/c),
- Các chi bộ, đảng bộ bộ phận trực thuộc,
- Các đồng chí Ủy viên Ủy ban Kiểm tra,
- Lưu Ủy ban Kiểm tra.
---
"""

FRONT_ZL = """
---
superior: ĐẢNG BỘ TỈNH QUẢNG NGÃI
issuer: ĐẢNG ỦY XÃ MINH LONG
issuer_code: ĐU
number: 231
place: Minh Long
date: '2026-08-14'
kind: QUYẾT ĐỊNH
summary: kết nạp đảng viên
draft: false
signature:
  capacity: T/M BAN THƯỜNG VỤ
  title: PHÓ BÍ THƯ
  name: Đinh Thị Hương
recipients:
- Như Điều 3,
- Ban Tổ chức Tỉnh ủy (b/c),
- Lưu Văn phòng Đảng ủy, hồ sơ đảng viên.
---
"""

FRONT_ZM = """
---
superior: ĐẢNG BỘ TỈNH QUẢNG NGÃI
issuer: BAN TỔ CHỨC TỈNH ỦY
issuer_code: BTCTU
number: 19
place: Quảng Ngãi
date: '2026-11-03'
kind: HƯỚNG DẪN
summary: kiểm điểm, đánh giá, xếp loại chất lượng đối với tổ chức đảng, đảng viên năm 2026
draft: false
signature:
  capacity: KT. TRƯỞNG BAN
  title: PHÓ TRƯỞNG BAN
  name: Trần Quốc Việt
recipients:
- Thường trực Tỉnh ủy (b/c),
- Ban Tổ chức Trung ương (b/c),
- Các đảng ủy trực thuộc Tỉnh ủy,
- Ủy ban Kiểm tra Tỉnh ủy,
- Lưu Ban Tổ chức Tỉnh ủy.
---
"""

FRONT_ZN = """
---
superior: ĐẢNG BỘ CÁC CƠ QUAN ĐẢNG TỈNH
issuer: ĐẢNG ỦY CƠ QUAN BÁO VÀ PHÁT THANH, TRUYỀN HÌNH QUẢNG NGÃI
issuer_code: ĐU
number: 36
place: Quảng Ngãi
date: '2026-10-30'
kind: CÔNG VĂN
summary: V/v vận động cán bộ, đảng viên, người lao động ủng hộ đồng bào bị thiệt hại do bão số 12
draft: false
recipients:
- Các chi bộ trực thuộc,
- Công đoàn các phòng, ban,
- Đảng ủy các cơ quan Đảng tỉnh (b/c),
- Lưu Đảng ủy, Công đoàn.
---
"""

INSPECTIONS12 = (
    (
        "Chi bộ Khu dân cư số 3",
        "Việc chấp hành nguyên tắc tập trung dân chủ, quy chế làm việc",
        "Tháng 3/2026",
        "Quy định số 22-QĐ/TW ngày 28/7/2021",
    ),
    (
        "Chi bộ Trường THCS Nguyễn Nghiêm",
        "Việc thu, nộp, quản lý và sử dụng đảng phí năm 2025",
        "Tháng 4/2026",
        "Quyết định số 342-QĐ/TW ngày 28/12/2010",
    ),
    (
        "Đồng chí Bí thư Chi bộ Khu dân cư số 7",
        "Việc thực hiện những điều đảng viên không được làm",
        "Tháng 6/2026",
        "Quy định số 37-QĐ/TW ngày 25/10/2021",
    ),
    (
        "Chi bộ Trạm Y tế phường",
        "Việc thực hiện trách nhiệm nêu gương của cán bộ, đảng viên",
        "Tháng 8/2026",
        "Quy định 101-QĐ/TW (07/6/2012)",
    ),
    (
        "Đảng bộ bộ phận Khối cơ quan",
        "Giám sát chuyên đề việc kê khai tài sản, thu nhập",
        "Tháng 9 - 10/2026",
        "Quy định số 114-QĐ/TW năm 2023",
    ),
)


def _plan12(docs: dict[str, CentralDocument]) -> str:
    lines = [
        FRONT_ZK.strip(),
        "",
        f"Thực hiện {_cite11(docs['22-QĐ/TW'], 1)}; Chương trình số 05-CTr/ĐU ngày 08/01/2026 "
        "của Ban Chấp hành Đảng bộ phường về kiểm tra, giám sát năm 2026 và Hướng dẫn số "
        "02-HD/UBKTTU năm 2026 của Ủy ban Kiểm tra Tỉnh ủy, Ủy ban Kiểm tra Đảng ủy phường xây "
        "dựng Kế hoạch kiểm tra, giám sát năm 2026 như sau:",
        "",
        "# I- MỤC ĐÍCH, YÊU CẦU",
        "",
        "1. Kiểm tra, giám sát nhằm phòng ngừa, phát hiện sớm vi phạm, kịp thời uốn nắn, xử lý; "
        "góp phần xây dựng Đảng bộ phường trong sạch, vững mạnh.",
        "",
        "2. Bám sát " + _cite11(docs["69-QĐ/TW"], 2) + " và các quy định của Trung ương; bảo "
        "đảm khách quan, công khai, đúng nguyên tắc.",
        "",
        "# II- NỘI DUNG, ĐỐI TƯỢNG VÀ THỜI GIAN",
        "",
        "| TT | Tổ chức đảng, đảng viên được kiểm tra | Nội dung | Thời gian | Căn cứ |",
        "|---|---|---|---|---|",
    ]
    for number, row in enumerate(INSPECTIONS12, start=1):
        lines.append(f"| {number} | " + " | ".join(row) + " |")
    lines += [
        "",
        "# III- TỔ CHỨC THỰC HIỆN",
        "",
        "1. Các đồng chí Ủy viên Ủy ban Kiểm tra được phân công phụ trách địa bàn xây dựng kế "
        "hoạch chi tiết, thành lập đoàn kiểm tra theo Quyết định của Ủy ban Kiểm tra.",
        "",
        "2. Kết thúc mỗi cuộc kiểm tra có báo cáo kết quả; tổng hợp, báo cáo Ban Thường vụ Đảng "
        "ủy phường và Ủy ban Kiểm tra Tỉnh ủy trước ngày 15/12/2026.",
        "",
    ]
    return "\n".join(lines)


def _admission12(docs: dict[str, CentralDocument]) -> str:
    lines = [
        FRONT_ZL.strip(),
        "",
        "BAN THƯỜNG VỤ ĐẢNG ỦY XÃ MINH LONG",
        "",
        "- Căn cứ Điều lệ Đảng Cộng sản Việt Nam;",
        "- Căn cứ Quy định số 232-QĐ/TW ngày 20 tháng 01 năm 2025 của Ban Chấp hành Trung ương "
        "về thi hành Điều lệ Đảng và Hướng dẫn số 06-HD/TW ngày 09/6/2022 của Ban Bí thư;",
        "- Căn cứ Quy chế làm việc số 01-QC/ĐU, ngày 04/8/2025 của Ban Chấp hành Đảng bộ xã;",
        "- Xét Nghị quyết đề nghị kết nạp đảng viên của Chi bộ thôn Làng Ren và Tờ trình số "
        "27-TTr/BXDĐ ngày 06/8/2026 của Ban Xây dựng Đảng,",
        "",
        "# QUYẾT ĐỊNH",
        "",
        "**Điều 1.** Kết nạp quần chúng Đinh Văn Thuận, sinh ngày 12/3/2001, dân tộc Hrê, trình "
        "độ chuyên môn: trung cấp nông nghiệp, quê quán xã Minh Long, tỉnh Quảng Ngãi, vào Đảng "
        "Cộng sản Việt Nam.",
        "",
        "**Điều 2.** Đồng chí Đinh Văn Thuận có nhiệm vụ tiếp tục học tập, rèn luyện, phấn đấu "
        "trong thời gian dự bị 12 tháng, kể từ ngày Chi bộ tổ chức lễ kết nạp; thực hiện đúng "
        f"{_cite11(docs['37-QĐ/TW'], 0)}.",
        "",
        "**Điều 3.** Văn phòng Đảng ủy, Ban Xây dựng Đảng, Chi bộ thôn Làng Ren và đồng chí có "
        "tên tại Điều 1 căn cứ Quyết định thi hành. Lễ kết nạp tổ chức trong thời hạn 30 ngày "
        "làm việc kể từ ngày nhận được Quyết định.",
        "",
    ]
    return "\n".join(lines)


FORMS12 = (
    ("Mẫu 01", "Bản kiểm điểm cá nhân đảng viên", "Đảng viên", "Trước ngày 05/12/2026"),
    ("Mẫu 02", "Báo cáo kiểm điểm tập thể chi bộ", "Chi bộ", "Trước ngày 10/12/2026"),
    (
        "Mẫu 03",
        "Tổng hợp kết quả xếp loại đảng viên (theo Quy định số 366-QĐ/TW)",
        "Đảng ủy cơ sở",
        "Trước ngày 20/12/2026",
    ),
    (
        "Mẫu 04",
        "Tổng hợp kết quả xếp loại tổ chức cơ sở đảng",
        "Đảng ủy cấp trên cơ sở",
        "Trước ngày 10/01/2027",
    ),
    (
        "Mẫu 05",
        "Báo cáo kết quả kiểm điểm, đánh giá, xếp loại năm 2026",
        "Các đảng ủy trực thuộc Tỉnh ủy",
        "Trước ngày 20/01/2027",
    ),
)


def _guide12(docs: dict[str, CentralDocument]) -> str:
    lines = [
        FRONT_ZM.strip(),
        "",
        "Căn cứ Quy định số 366-QĐ/TW ngày 30/8/2025 của Bộ Chính trị về kiểm điểm, đánh giá, "
        "xếp loại chất lượng hằng năm đối với tập thể, cá nhân trong hệ thống chính trị; Hướng "
        "dẫn số 25-HD/BTCTW, ngày 15/10/2026 của Ban Tổ chức Trung ương, Ban Tổ chức Tỉnh ủy "
        "hướng dẫn thực hiện như sau:",
        "",
        "# 1. Đối tượng, thời gian",
        "",
        "## 1.1. Đối tượng",
        "",
        "a) Tổ chức cơ sở đảng, chi bộ trực thuộc đảng ủy cơ sở và đảng viên trong Đảng bộ tỉnh;",
        "",
        "b) Đảng viên được miễn sinh hoạt đảng, đảng viên mới kết nạp chưa đủ 06 tháng thì không "
        "xếp loại nhưng vẫn kiểm điểm theo Hướng dẫn.",
        "",
        "## 1.2. Thời gian",
        "",
        "Kiểm điểm ở chi bộ hoàn thành trước ngày 10/12/2026; ở đảng ủy cơ sở trước ngày "
        "20/12/2026; tổng hợp, báo cáo Ban Thường vụ Tỉnh ủy trước ngày 20/01/2027.",
        "",
        "# 2. Nội dung kiểm điểm",
        "",
        "## 2.1. Đối với tổ chức đảng",
        "",
        "Kiểm điểm việc lãnh đạo thực hiện nhiệm vụ chính trị; công tác xây dựng Đảng; việc thực "
        f"hiện {_cite11(docs['21-KL/TW'], 0)}, {_cite11(docs['138-QĐ/TW'], 2)} và "
        "các nghị quyết của cấp ủy cấp trên.",
        "",
        "## 2.2. Đối với đảng viên",
        "",
        f"Kiểm điểm việc thực hiện chức trách, nhiệm vụ; {_cite11(docs['213-QĐ/TW'], 3)}; việc "
        f"thực hiện {_cite11(docs['08-QĐi/TW'], 1)} và {_cite11(docs['101-QĐ/TW'], 2)}.",
        "",
        "# 3. Tổ chức thực hiện",
        "",
        "Các đảng ủy trực thuộc Tỉnh ủy hướng dẫn, chỉ đạo, kiểm tra việc thực hiện; sử dụng "
        "thống nhất các biểu mẫu tại Phụ lục kèm theo. Hướng dẫn này thay thế Hướng dẫn số "
        "14-HD/BTCTU ngày 12/11/2025 của Ban Tổ chức Tỉnh ủy.",
        "",
        "# PHỤ LỤC",
        "",
        "Danh mục biểu mẫu và thời hạn gửi báo cáo",
        "",
        "| TT | Biểu mẫu | Nội dung | Nơi thực hiện | Thời hạn |",
        "|---|---|---|---|---|",
    ]
    for number, row in enumerate(FORMS12, start=1):
        lines.append(f"| {number} | " + " | ".join(row) + " |")
    lines.append("")
    return "\n".join(lines)


def _joint12(docs: dict[str, CentralDocument]) -> str:
    lines = [
        FRONT_ZN.strip(),
        "",
        "Kính gửi: Các chi bộ trực thuộc và công đoàn các phòng, ban.",
        "",
        "Thực hiện Công văn số 1874-CV/TU ngày 28/10/2026 của Ban Thường vụ Tỉnh ủy và Lời kêu "
        "gọi ngày 27/10/2026 của Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh về ủng hộ đồng bào bị "
        'thiệt hại do bão số 12; phát huy truyền thống "tương thân tương ái", Đảng ủy và Ban '
        "Chấp hành Công đoàn Cơ quan đề nghị:",
        "",
        "1. Mỗi đảng viên, cán bộ, người lao động ủng hộ tối thiểu 01 ngày lương; khuyến khích "
        "ủng hộ nhiều hơn bằng tiền, hiện vật.",
        "",
        "2. Các chi bộ, công đoàn bộ phận tổng hợp, nộp về Văn phòng Đảng ủy trước ngày "
        "05/11/2026; việc tiếp nhận, sử dụng thực hiện công khai, đúng quy định, gắn với "
        f"{_cite11(docs['27-CT/TW'], 2)}.",
        "",
        "Đề nghị các chi bộ và công đoàn bộ phận triển khai thực hiện./.",
        "",
        "| T/M BAN CHẤP HÀNH CÔNG ĐOÀN | T/M ĐẢNG ỦY |",
        "|---|---|",
        "| CHỦ TỊCH | BÍ THƯ |",
        "| Phạm Thị Ngọc Trâm | Nguyễn Tấn Phát |",
        "",
    ]
    return "\n".join(lines)


def main12() -> None:
    OUT12.mkdir(exist_ok=True)
    docs = {d.symbol: d for d in _latest(central_documents())}
    (OUT12 / "zk_ubkt_phuong_ke_hoach_kiem_tra_2026.md").write_text(_plan12(docs), encoding="utf-8")
    (OUT12 / "zl_dang_uy_xa_quyet_dinh_ket_nap_2026.md").write_text(
        _admission12(docs), encoding="utf-8"
    )
    (OUT12 / "zm_ban_to_chuc_huong_dan_2026.md").write_text(_guide12(docs), encoding="utf-8")
    (OUT12 / "zn_dang_uy_co_quan_cong_van_2026.md").write_text(_joint12(docs), encoding="utf-8")
    write_truth("heldout12", OUT12)


# The thirteenth and fourteenth held-out sets (``ocr_heldout13``, ``ocr_heldout14``), written 4
# December 2026 at 16:15–16:30 UTC on branch ``heldout13`` when the reader's code of the session
# was final (``main`` 00b31a5), to measure it once on texts nobody had seen: the session's last,
# cleanest figure. Their own templates, dated after the district level was abolished (July
# 2025). Set 13 (seed 13457): a BÁO CÁO tổng kết năm of a commune's Đảng ủy with a table of
# targets (chỉ tiêu, kế hoạch, thực hiện, tỷ lệ %) drawn at random; a QUYẾT ĐỊNH thi hành kỷ luật
# of an Ủy ban Kiểm tra marked MẬT (Điều 1–3); a NGHỊ QUYẾT of a chi bộ with a month-by-month
# programme; a THÔNG BÁO of a meeting's conclusions signed "T/L". Set 14 (seed 14083): a KẾT
# LUẬN of a ward's Ban Thường vụ on a petition; a TỜ TRÌNH of a Văn phòng signed "K/T"; a KẾ
# HOẠCH with a table of tasks, the bodies in charge and deadlines, a citation in some cells.
# Citations in natural forms: the body between the symbol and the date, "ngày 05 tháng 6 năm
# 2024", "05/6/2024", the year alone, several in one sentence, in table cells, Central and
# local. Both scanned like set 6 (``SCAN6``).
OUT13 = Path(__file__).parent / "ocr_heldout13"
OUT14 = Path(__file__).parent / "ocr_heldout14"


def _cite13(doc: CentralDocument, style: int) -> str:
    """A Central document cited as offices write it: the body between the symbol and a date
    spelled out, the padded day with a bare month, a slash date, the year alone."""
    day = doc.date
    body = _body7(doc)
    if style == 0:
        return (
            f"{doc.type_word} số {doc.symbol} của {body} ngày {day.day:02d} tháng {day.month} "
            f"năm {day.year}"
        )
    if style == 1:
        return (
            f"{doc.type_word} số {doc.symbol} ngày {day.day:02d}/{day.month}/{day.year} của {body}"
        )
    if style == 2:
        return f"{doc.type_word} số {doc.symbol} năm {day.year} của {body}"
    return f"{doc.type_word} số {doc.symbol}, ngày {day.day}/{day.month}/{day.year} của {body}"


FRONT_ZO = """
---
superior: ĐẢNG BỘ TỈNH QUẢNG NGÃI
issuer: ĐẢNG ỦY XÃ BA VÌ
issuer_code: ĐU
number: 86
place: Ba Vì
date: '2025-12-18'
kind: BÁO CÁO
summary: tổng kết công tác xây dựng Đảng và thực hiện nhiệm vụ chính trị năm 2025, phương hướng, nhiệm vụ năm 2026
draft: false
signature:
  capacity: T/M ĐẢNG ỦY
  title: BÍ THƯ
  name: Phạm Văn Thạnh
recipients:
- Ban Thường vụ Tỉnh ủy (b/c),
- Văn phòng Tỉnh ủy,
- Các đồng chí Ủy viên Ban Chấp hành Đảng bộ xã,
- Các chi bộ trực thuộc,
- Lưu Văn phòng Đảng ủy.
---
"""

TARGETS13 = (
    ("Tổng thu ngân sách nhà nước trên địa bàn (triệu đồng)", 18500.0, 1),
    ("Thu nhập bình quân đầu người (triệu đồng/người/năm)", 42.6, 1),
    ("Tỷ lệ hộ nghèo giảm trong năm (%)", 3.5, 2),
    ("Diện tích trồng rừng mới (ha)", 320.0, 1),
    ("Tỷ lệ người dân tham gia bảo hiểm y tế (%)", 95.0, 2),
    ("Kết nạp đảng viên mới (người)", 14.0, 0),
)


def _targets13(rng: random.Random) -> list[str]:
    lines = [
        "| TT | Chỉ tiêu | Kế hoạch năm 2025 | Thực hiện | Tỷ lệ (%) |",
        "|---|---|---|---|---|",
    ]
    for number, (name, planned, decimals) in enumerate(TARGETS13, start=1):
        done = round(planned * rng.uniform(0.9, 1.16), decimals)
        lines.append(
            f"| {number} | {name} | {vn_number(planned, decimals)} | {vn_number(done, decimals)} "
            f"| {vn_number(100 * done / planned, 2)} |"
        )
    return lines


def _report13(docs: dict[str, CentralDocument], rng: random.Random) -> str:
    lines = [
        FRONT_ZO.strip(),
        "",
        "Thực hiện Kế hoạch số 12-KH/TU ngày 05 tháng 11 năm 2025 của Ban Thường vụ Tỉnh ủy về "
        "tổng kết công tác năm 2025 và Nghị quyết Đại hội Đảng bộ xã lần thứ I, nhiệm kỳ 2025 - "
        "2030, Đảng ủy xã báo cáo như sau:",
        "",
        "# I- KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2025",
        "",
        "## 1. Công tác chính trị, tư tưởng",
        "",
        f"Đảng ủy tổ chức học tập, quán triệt {_cite13(docs['57-KL/TW'], rng.randrange(4))}, "
        f"{_cite13(docs['21-KL/TW'], 1)} và {_cite13(docs['05-CT/TW'], 2)} đến 100 % chi bộ; "
        "có 412/428 đảng viên tham gia, đạt 96,26 %.",
        "",
        "## 2. Phát triển kinh tế - xã hội",
        "",
        "Kết quả thực hiện các chỉ tiêu chủ yếu năm 2025:",
        "",
        *_targets13(rng),
        "",
        "## 3. Công tác tổ chức, xây dựng Đảng và kiểm tra, giám sát",
        "",
        "Sắp xếp, kiện toàn 21 chi bộ trực thuộc sau khi hợp nhất ba xã; thực hiện "
        f"{_cite13(docs['22-QĐ/TW'], 0)}, Ủy ban Kiểm tra kiểm tra 06 tổ chức đảng, giám sát "
        "chuyên đề 09 đảng viên; thi hành kỷ luật 02 đảng viên theo "
        f"{_cite13(docs['69-QĐ/TW'], 3)}.",
        "",
        "# II- HẠN CHẾ, NGUYÊN NHÂN",
        "",
        "Một số chi bộ sinh hoạt chưa đều; chất lượng sinh hoạt chuyên đề chưa cao; thu ngân sách "
        "từ đất đạt thấp do thị trường bất động sản trầm lắng.",
        "",
        "# III- PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2026",
        "",
        "1. Tiếp tục triển khai Nghị quyết số 01-NQ/ĐU ngày 20/8/2025 của Ban Chấp hành Đảng bộ "
        "xã về chương trình hành động nhiệm kỳ 2025 - 2030; phấn đấu thu nhập bình quân đầu "
        "người đạt 46,5 triệu đồng/năm, tỷ lệ hộ nghèo giảm 3 %.",
        "",
        "2. Lãnh đạo tổ chức thành công cuộc bầu cử đại biểu Quốc hội khóa XVI và đại biểu Hội "
        "đồng nhân dân các cấp; đổi mới hoạt động của Mặt trận và các đoàn thể theo "
        f"{_cite13(docs['46-NQ/TW'], 2)}; kết nạp 15 đảng viên mới.",
        "",
    ]
    return "\n".join(lines)


FRONT_ZP = """
---
superior: ĐẢNG ỦY XÃ BA VÌ
issuer: ỦY BAN KIỂM TRA
issuer_code: UBKTĐU
number: 17
place: Ba Vì
date: '2025-11-26'
kind: QUYẾT ĐỊNH
summary: thi hành kỷ luật đảng viên
classification: Mật
draft: false
signature:
  capacity: T/M ỦY BAN KIỂM TRA
  title: PHÓ CHỦ NHIỆM
  name: Đinh Thị Mai
recipients:
- Như Điều 3,
- Thường trực Đảng ủy xã (b/c),
- Ủy ban Kiểm tra Tỉnh ủy (b/c),
- Lưu hồ sơ kỷ luật.
---
"""


def _discipline13(docs: dict[str, CentralDocument]) -> str:
    lines = [
        FRONT_ZP.strip(),
        "",
        "ỦY BAN KIỂM TRA ĐẢNG ỦY XÃ BA VÌ",
        "",
        "- Căn cứ Điều lệ Đảng Cộng sản Việt Nam;",
        f"- Căn cứ {_cite13(docs['22-QĐ/TW'], 1)} và {_cite13(docs['69-QĐ/TW'], 0)};",
        "- Căn cứ Hướng dẫn số 02-HD/UBKTTU, ngày 12/9/2025 của Ủy ban Kiểm tra Tỉnh ủy;",
        "- Xét Báo cáo số 09-BC/UBKTĐU ngày 19/11/2025 của Tổ kiểm tra và đề nghị của Chi bộ "
        "thôn Làng Mạ,",
        "",
        "# QUYẾT ĐỊNH",
        "",
        "**Điều 1.** Thi hành kỷ luật bằng hình thức **khiển trách** đối với đồng chí Phạm Văn "
        "Tịnh, sinh ngày 02/5/1979, đảng viên Chi bộ thôn Làng Mạ, nguyên Trưởng thôn, vì đã vi "
        "phạm quy định về quản lý, sử dụng kinh phí hỗ trợ sản xuất năm 2024 và "
        f"{_cite13(docs['37-QĐ/TW'], 2)}.",
        "",
        "**Điều 2.** Quyết định có hiệu lực kể từ ngày ký. Đồng chí Phạm Văn Tịnh có quyền khiếu "
        "nại trong thời hạn 01 tháng theo Quy định số 24-QĐ/TW ngày 30/7/2021 của Ban Chấp hành "
        "Trung ương.",
        "",
        "**Điều 3.** Chi bộ thôn Làng Mạ, Văn phòng Đảng ủy và đồng chí có tên tại Điều 1 chịu "
        "trách nhiệm thi hành Quyết định này.",
        "",
    ]
    return "\n".join(lines)


FRONT_ZQ = """
---
superior: ĐẢNG BỘ XÃ BA VÌ
issuer: CHI BỘ THÔN NƯỚC LĂNG
issuer_code: CB
number: '06'
place: Ba Vì
date: '2026-01-09'
kind: NGHỊ QUYẾT
summary: lãnh đạo thực hiện nhiệm vụ quý I năm 2026
draft: false
signature:
  capacity: T/M CHI BỘ
  title: BÍ THƯ
  name: Đinh Văn Nhẹ
recipients:
- Đảng ủy xã (b/c),
- Đảng viên trong chi bộ,
- Lưu chi bộ.
---
"""

MONTHS13 = (
    (
        "Tháng 01/2026",
        "Tổ chức cho đảng viên học tập Nghị quyết Đại hội Đảng bộ xã; vận động Nhân dân đón "
        "Tết Nguyên đán an toàn, tiết kiệm",
        "Đ/c Bí thư",
    ),
    (
        "Tháng 02/2026",
        "Ra quân trồng rừng đầu năm (12 ha); rà soát hộ nghèo, cận nghèo theo chuẩn mới",
        "Đ/c Phó Bí thư, Trưởng thôn",
    ),
    (
        "Tháng 3/2026",
        "Sinh hoạt chuyên đề theo Chỉ thị số 05-CT/TW ngày 15/5/2016; bình xét quần chúng ưu "
        "tú giới thiệu kết nạp",
        "Chi ủy",
    ),
)


def _resolution13(docs: dict[str, CentralDocument]) -> str:
    lines = [
        FRONT_ZQ.strip(),
        "",
        "Ngày 08/01/2026, Chi bộ thôn Nước Lăng họp thường kỳ; có mặt 27/31 đảng viên (vắng 04: "
        "02 có lý do, 02 được miễn sinh hoạt). Căn cứ Nghị quyết số 01-NQ/ĐU ngày 20/8/2025 của "
        "Ban Chấp hành Đảng bộ xã và Công văn số 45-CV/ĐU năm 2025 của Đảng ủy xã, Chi bộ",
        "",
        "# QUYẾT NGHỊ",
        "",
        "## 1. Nhiệm vụ trọng tâm quý I năm 2026",
        "",
        f"Thực hiện nghiêm {_cite13(docs['08-QĐi/TW'], 3)}; 100 % đảng viên đăng ký làm theo tư "
        "tưởng, đạo đức, phong cách Hồ Chí Minh; đóng đảng phí đủ, đúng hạn.",
        "",
        "## 2. Chương trình công tác từng tháng",
        "",
        "| Tháng | Nội dung | Phân công |",
        "|---|---|---|",
        *(f"| {month} | {content} | {who} |" for month, content, who in MONTHS13),
        "",
        "## 3. Tổ chức thực hiện",
        "",
        "Chi ủy cụ thể hóa thành kế hoạch; đảng viên được phân công báo cáo kết quả tại kỳ sinh "
        "hoạt tháng 4/2026. Nghị quyết được 27/27 đảng viên có mặt biểu quyết tán thành (đạt "
        "100 %).",
        "",
    ]
    return "\n".join(lines)


FRONT_ZR = """
---
superior: ĐẢNG BỘ TỈNH QUẢNG NGÃI
issuer: ĐẢNG ỦY XÃ BA VÌ
issuer_code: ĐU
number: 214
place: Ba Vì
date: '2026-02-24'
kind: THÔNG BÁO
summary: kết luận của Thường trực Đảng ủy tại cuộc họp giao ban tháng 02 năm 2026
draft: false
signature:
  capacity: T/L BAN THƯỜNG VỤ
  title: CHÁNH VĂN PHÒNG
  name: Nguyễn Thị Kim Thoa
recipients:
- Các đồng chí Ủy viên Ban Thường vụ,
- Ủy ban nhân dân xã,
- Các chi bộ trực thuộc,
- Lưu Văn phòng Đảng ủy.
---
"""


def _notice13(docs: dict[str, CentralDocument]) -> str:
    lines = [
        FRONT_ZR.strip(),
        "",
        "Ngày 23/02/2026, đồng chí Phạm Văn Thạnh, Bí thư Đảng ủy xã chủ trì cuộc họp giao ban "
        "Thường trực Đảng ủy tháng 02 năm 2026. Sau khi nghe báo cáo, đồng chí Bí thư kết luận:",
        "",
        "1. Ủy ban nhân dân xã khẩn trương giải ngân vốn đầu tư công năm 2026 (đến nay đạt "
        "8,72 % kế hoạch); hoàn thành trồng rừng vụ xuân trước ngày 30/3/2026.",
        "",
        "2. Ban Xây dựng Đảng tham mưu triển khai "
        f"{_cite13(docs['35-CT/TW'], 1)}, {_cite13(docs['65-QĐ/TW'], 2)} và Hướng dẫn số "
        "05-HD/BTCTU ngày 10 tháng 02 năm 2026 của Ban Tổ chức Tỉnh ủy.",
        "",
        "3. Ủy ban Kiểm tra hoàn thành giám sát chuyên đề theo "
        f"{_cite13(docs['114-QĐ/TW'], 0)}; báo cáo Thường trực trong tháng 3/2026.",
        "",
        "Văn phòng Đảng ủy thông báo để các cơ quan, đơn vị biết, thực hiện.",
        "",
    ]
    return "\n".join(lines)


def main13() -> None:
    OUT13.mkdir(exist_ok=True)
    docs = {d.symbol: d for d in _latest(central_documents())}
    rng = random.Random(13457)
    (OUT13 / "zo_dang_uy_xa_bao_cao_tong_ket_2025.md").write_text(
        _report13(docs, rng), encoding="utf-8"
    )
    (OUT13 / "zp_ubkt_quyet_dinh_ky_luat_2025.md").write_text(_discipline13(docs), encoding="utf-8")
    (OUT13 / "zq_chi_bo_nghi_quyet_2026.md").write_text(_resolution13(docs), encoding="utf-8")
    (OUT13 / "zr_dang_uy_thong_bao_ket_luan_2026.md").write_text(_notice13(docs), encoding="utf-8")
    write_truth("heldout13", OUT13)


FRONT_ZS = """
---
superior: ĐẢNG BỘ TỈNH QUẢNG NGÃI
issuer: ĐẢNG ỦY PHƯỜNG CẨM THÀNH
issuer_code: ĐU
number: 57
place: Cẩm Thành
date: '2026-04-16'
kind: KẾT LUẬN
summary: của Ban Thường vụ Đảng ủy về nội dung đơn của bà Trần Thị Lựu, tổ dân phố 5
draft: false
signature:
  capacity: T/M BAN THƯỜNG VỤ
  title: BÍ THƯ
  name: Võ Thành Đạt
recipients:
- Ủy ban Kiểm tra Tỉnh ủy (b/c),
- Ủy ban nhân dân phường,
- Chi bộ Tổ dân phố 5,
- Bà Trần Thị Lựu,
- Lưu Văn phòng Đảng ủy.
---
"""


def _petition14(docs: dict[str, CentralDocument], rng: random.Random) -> str:
    styles = rng.sample(range(4), 3)
    lines = [
        FRONT_ZS.strip(),
        "",
        "Ngày 02/3/2026, Đảng ủy phường nhận đơn của bà Trần Thị Lựu, trú tại tổ dân phố 5, "
        "phản ánh việc đồng chí Lê Văn Hùng, đảng viên Chi bộ Tổ dân phố 5, xây dựng công trình "
        "lấn chiếm 18,6 m² đất hành lang đường kiệt. Thực hiện "
        f"{_cite13(docs['22-QĐ/TW'], styles[0])} và Quy định số 11-QĐi/TW năm 2019 của Bộ Chính "
        "trị về trách nhiệm của người đứng đầu cấp ủy trong việc tiếp dân, giải quyết khiếu "
        "nại, tố cáo, Ban Thường vụ giao Ủy ban Kiểm tra xác minh.",
        "",
        "Sau khi nghe Báo cáo số 14-BC/UBKTĐU ngày 09/4/2026 của Ủy ban Kiểm tra, Ban Thường vụ "
        "Đảng ủy phường kết luận:",
        "",
        "**1.** Nội dung đơn phản ánh đúng một phần: công trình lấn 7,4 m² (không phải 18,6 m²) "
        "đất hành lang; việc xây dựng không có giấy phép.",
        "",
        "**2.** Đồng chí Lê Văn Hùng vi phạm quy định về trật tự xây dựng, chưa thực hiện "
        f"đúng {_cite13(docs['37-QĐ/TW'], styles[1])}; yêu cầu đồng chí tự tháo dỡ phần lấn "
        "chiếm trước ngày 15/5/2026 và kiểm điểm trước Chi bộ.",
        "",
        "**3.** Giao Ủy ban nhân dân phường xử lý hành chính theo quy định; Chi bộ Tổ dân phố 5 "
        f"tổ chức kiểm điểm, xem xét theo {_cite13(docs['69-QĐ/TW'], styles[2])}, báo cáo Ban "
        "Thường vụ trước ngày 30/5/2026.",
        "",
    ]
    return "\n".join(lines)


FRONT_ZT = """
---
superior: ĐẢNG ỦY PHƯỜNG CẨM THÀNH
issuer: VĂN PHÒNG ĐẢNG ỦY
issuer_code: VPĐU
number: '08'
place: Cẩm Thành
date: '2026-05-11'
kind: TỜ TRÌNH
summary: về việc đề nghị phê duyệt dự toán kinh phí hoạt động bổ sung năm 2026
draft: false
signature:
  capacity: K/T CHÁNH VĂN PHÒNG
  title: PHÓ CHÁNH VĂN PHÒNG
  name: Huỳnh Ngọc Ánh
recipients:
- Như trên,
- Lưu Văn phòng.
---
"""


def _submission14(docs: dict[str, CentralDocument]) -> str:
    lines = [
        FRONT_ZT.strip(),
        "",
        "Kính gửi: Ban Thường vụ Đảng ủy phường.",
        "",
        "Căn cứ Quyết định số 99-QĐ/TW ngày 30/5/2012 của Ban Bí thư ban hành một số chế độ chi "
        "hoạt động công tác đảng; Quyết định số 124-QĐ/ĐU ngày 20/12/2025 của Ban Thường vụ "
        "Đảng ủy phường giao dự toán năm 2026, Văn phòng Đảng ủy kính trình Ban Thường vụ phê "
        "duyệt dự toán bổ sung như sau:",
        "",
        "1. Kinh phí tổ chức học tập, quán triệt Nghị quyết Đại hội đại biểu toàn quốc lần thứ "
        "XIV của Đảng: 86,5 triệu đồng.",
        "",
        f"2. Kinh phí tổng kết {_cite13(docs['35-CT/TW'], 0)}: 42,8 triệu đồng.",
        "",
        "3. Kinh phí sửa chữa hội trường Đảng ủy: 1.044,9 triệu đồng (nguồn ngân sách phường, "
        "theo Nghị quyết số 18/NQ-HĐND năm 2026 của Hội đồng nhân dân phường).",
        "",
        "Tổng cộng: 1.174,2 triệu đồng (Một tỷ, một trăm bảy mươi bốn triệu, hai trăm nghìn "
        "đồng), tăng 19,92 % so với dự toán đầu năm.",
        "",
        "Kính trình Ban Thường vụ xem xét, quyết định./.",
        "",
    ]
    return "\n".join(lines)


FRONT_ZU = """
---
superior: ĐẢNG BỘ TỈNH QUẢNG NGÃI
issuer: ĐẢNG ỦY PHƯỜNG CẨM THÀNH
issuer_code: ĐU
number: 61
place: Cẩm Thành
date: '2026-06-05'
kind: KẾ HOẠCH
summary: thực hiện chuyển đổi số trong các cơ quan đảng, đoàn thể phường năm 2026
draft: false
signature:
  capacity: T/M BAN THƯỜNG VỤ
  title: PHÓ BÍ THƯ THƯỜNG TRỰC
  name: Nguyễn Văn Lực
recipients:
- Ban Thường vụ Tỉnh ủy (b/c),
- Văn phòng Tỉnh ủy,
- Các chi bộ, đảng bộ bộ phận trực thuộc,
- Mặt trận Tổ quốc và các đoàn thể phường,
- Lưu Văn phòng Đảng ủy.
---
"""

TASKS14 = (
    (
        "Số hóa hồ sơ đảng viên, cập nhật Cơ sở dữ liệu đảng viên",
        "Ban Xây dựng Đảng",
        "Trước ngày 30/8/2026",
        "Hướng dẫn số 12-HD/BTCTW năm 2022",
    ),
    (
        "Gửi, nhận văn bản điện tử có ký số giữa Đảng ủy và các chi bộ",
        "Văn phòng Đảng ủy",
        "Từ tháng 7/2026",
        "Quy định số 66-QĐ/TW ngày 06/02/2017",
    ),
    (
        "Tập huấn kỹ năng số cho bí thư chi bộ (3 lớp, 126 học viên)",
        "Trung tâm Chính trị phường",
        "Quý III/2026",
        "",
    ),
    (
        "Sơ kết 6 tháng, đề xuất khen thưởng",
        "Văn phòng Đảng ủy",
        "Trước ngày 15/12/2026",
        "Nghị quyết 57-NQ/TW (22/12/2024)",
    ),
)


def _plan14(docs: dict[str, CentralDocument]) -> str:
    lines = [
        FRONT_ZU.strip(),
        "",
        "Thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị ngày 22 tháng 12 năm 2024 về đột phá "
        "phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia, Kế hoạch "
        "số 45-KH/TU ngày 18/3/2026 của Ban Thường vụ Tỉnh ủy và Chương trình số 03-CTr/ĐU, ngày 10/01/2026 của Ban Chấp hành Đảng bộ phường, Ban "
        "Thường vụ Đảng ủy phường ban hành Kế hoạch như sau:",
        "",
        "# I- MỤC ĐÍCH, YÊU CẦU",
        "",
        "Đến hết năm 2026, 100 % văn bản trao đổi giữa Đảng ủy và chi bộ (trừ văn bản mật) được "
        "gửi, nhận trên môi trường mạng; 95 % hồ sơ đảng viên được số hóa.",
        "",
        "# II- NHIỆM VỤ, PHÂN CÔNG VÀ THỜI HẠN",
        "",
        "| TT | Nhiệm vụ | Cơ quan chủ trì | Thời hạn | Căn cứ |",
        "|---|---|---|---|---|",
        *(f"| {n} | " + " | ".join(row) + " |" for n, row in enumerate(TASKS14, start=1)),
        "",
        "# III- TỔ CHỨC THỰC HIỆN",
        "",
        "Văn phòng Đảng ủy theo dõi, đôn đốc, gắn với thực hiện "
        f"{_cite13(docs['28-NQ/TW'], 2)}; bảo đảm an toàn thông tin và bảo vệ bí mật nhà nước. "
        "Các chi bộ báo cáo kết quả định kỳ hằng quý (trước ngày 25 của tháng cuối quý).",
        "",
    ]
    return "\n".join(lines)


def main14() -> None:
    OUT14.mkdir(exist_ok=True)
    docs = {d.symbol: d for d in _latest(central_documents())}
    rng = random.Random(14083)
    (OUT14 / "zs_ban_thuong_vu_ket_luan_don_2026.md").write_text(
        _petition14(docs, rng), encoding="utf-8"
    )
    (OUT14 / "zt_van_phong_to_trinh_2026.md").write_text(_submission14(docs), encoding="utf-8")
    (OUT14 / "zu_dang_uy_phuong_ke_hoach_2026.md").write_text(_plan14(docs), encoding="utf-8")
    write_truth("heldout14", OUT14)


if __name__ == "__main__":
    import sys

    chosen = {"2": main2, "3": main3, "4": main4, "5": main5, "6": main6, "7": main7, "8": main8}
    chosen.update({"9": main9, "10": main10, "11": main11, "12": main12})
    chosen.update({"13": main13, "14": main14})
    chosen.get(sys.argv[1] if sys.argv[1:] else "", main)()
