"""Issue 14: the checker's model of Vietnamese (spelling.context), prose sums, percentages of a
stated base, congresses treated as current, a statistic stated twice, and the false alarms
removed — each on real text read back through ``capuy.read``/``capuy.extract``, and the
mutation generator that measures them."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from capuy.check import check
from capuy.check.language_model import (
    build_counts,
    read_counts,
    syllable_runs,
    text_hash,
    write_counts,
)
from capuy.check.neighbours import neighbours, telex_decode
from capuy.extract import extract
from capuy.model import Finding
from capuy.read import read_text
from capuy.text import normalize_tones
from capuy.vocab.spelling import hunspell_syllables
from tests.conftest import SEED_FILES

HEADER = """ĐẢNG BỘ TỈNH QUẢNG NGÃI
THỊ ỦY ĐỨC PHỔ
*
Số 712-BC/TU

ĐẢNG CỘNG SẢN VIỆT NAM

Đức Phổ, ngày 26 tháng 3 năm 2024

BÁO CÁO
công tác tháng 3, nhiệm vụ trọng tâm tháng 4 năm 2024

I- KẾT QUẢ

"""


def run(body: str, header: str = HEADER) -> list[Finding]:
    return check([extract(read_text(header + body, source="t.txt"))])


def rules_at(findings: list[Finding], rule: str) -> list[Finding]:
    return [f for f in findings if f.rule == rule]


@pytest.mark.parametrize(
    ("text", "runs"),
    [
        ("cán bộ đảng viên", [["cán", "bộ", "đảng", "viên"]]),
        ("Cán  bộ\tđảng, viên 12 người", [["cán", "bộ", "đảng"], ["viên"], ["người"]]),
        ("Hoà bình; thuỷ lợi", [["hòa", "bình"], ["thủy", "lợi"]]),  # old-style tones → new
        ("BAN CHẤP HÀNH\nĐẢNG BỘ", [["ban", "chấp", "hành"], ["đảng", "bộ"]]),
        ("x_y 2024a b", [["x"], ["y"], ["a", "b"]]),
        ("", []),
    ],
)
def test_syllable_runs_split_where_a_bigram_cannot_span(text: str, runs: list[list[str]]) -> None:
    """Runs break at punctuation, digits, underscores and line ends, never at spaces or tabs;
    every offset points at the syllable in the text as written."""
    found = list(syllable_runs(text))
    assert [[key for _, _, key in run] for run in found] == runs
    for run in found:
        for start, end, key in run:
            assert normalize_tones(text[start:end]).lower() == key


def test_neighbours_are_the_slips_people_make() -> None:
    known = hunspell_syllables()
    assert "bộ" in neighbours("bô", known)
    assert "sát" in neighbours("xát", known)  # s/x
    assert "sách" in neighbours("sach", known) or "sách" in neighbours("sach", known | {"sach"})
    assert "chí" in neighbours("chi", known)
    assert "ám" not in neighbours("bám", known)  # a dropped first letter is no slip
    assert telex_decode("nghieemj") == "nghiệm"
    assert telex_decode("ddaoj") == "đạo"
    assert telex_decode("email") is None and telex_decode("chats") is None


@pytest.mark.parametrize(
    ("sentence", "wrong", "right"),
    [
        ("Công tác cán bô được quan tâm đúng mức.", "bô", "bộ"),
        ("Tăng cường giám xát việc thực hiện.", "xát", "sát"),
        ("Thu ngân sach nhà nước đạt kế hoạch.", "sach", "sách"),
        ("Tổ chức tốt hôi nghị sơ kết.", "hôi", "hội"),
        ("Đồng chi Bí thư chủ trì.", "chi", "chí"),
        ("Kiện toàn đội ngũ cán bộ chủ chôt của xã.", "chôt", "chốt"),
    ],
)
def test_context_misspellings_found(sentence: str, wrong: str, right: str) -> None:
    found = [f for f in rules_at(run(sentence + "\n"), "spelling.context") if f.suggestion == right]
    assert found and found[0].severity == "error", sentence
    assert wrong in found[0].excerpt


def test_capitals_are_read() -> None:
    header = HEADER.replace("BÁO CÁO\n", "BÁO CÁO\nKẾT QUẢ THỰC HIỆN NHIÊM VỤ\n").replace(
        "ĐẢNG BỘ TỈNH QUẢNG NGÃI", "ĐẢNG BỘ TỈNH BÌNH ĐINH"
    )
    found = rules_at(run("Thực hiện tốt nhiệm vụ.\n", header), "spelling.context")
    suggestions = {f.suggestion for f in found}
    assert "NHIỆM" in suggestions


def test_correct_text_stays_silent() -> None:
    body = (
        "Trong tháng, Ban Thường vụ Thị ủy đã lãnh đạo, chỉ đạo thực hiện tốt công tác cán bộ, "
        "công tác kiểm tra, giám sát và thu ngân sách nhà nước; tổ chức hội nghị sơ kết; đồng "
        "chí Bí thư Thị ủy chủ trì. Cán bộ chủ chốt của xã tham gia đầy đủ.\n"
    )
    assert not [f for f in run(body) if f.category == "spelling"]


def test_telex_leftover_is_an_error_with_the_syllable_meant() -> None:
    found = rules_at(run("Rút kinh nghieemj trong lãnh đạo.\n"), "spelling.syllable")
    assert found and found[0].severity == "error" and found[0].suggestion == "nghiệm"


def test_prose_sum() -> None:
    found = rules_at(
        run("Trong kỳ, nhận 14 hồ sơ, đã thẩm định 9 hồ sơ, đang thẩm định 4 hồ sơ.\n"),
        "arithmetic.prose-sum",
    )
    assert found and found[0].suggestion == "13 hồ sơ"
    assert not rules_at(
        run("Trong kỳ, nhận 13 hồ sơ, đã thẩm định 9 hồ sơ, đang thẩm định 4 hồ sơ.\n"),
        "arithmetic.prose-sum",
    )
    # a subset, not a breakdown; parallel activities are no breakdown either
    assert not rules_at(
        run("Kết nạp 20 đảng viên, trong đó 5 đảng viên nữ.\n"), "arithmetic.prose-sum"
    )
    assert not rules_at(
        run("Kiểm tra 5 tổ chức đảng, giám sát 7 tổ chức đảng, 3 tổ chức đảng khác.\n"),
        "arithmetic.prose-sum",
    )


def test_percent_of_a_base() -> None:
    wrong = "Giải ngân 48,2 tỷ đồng, đạt 75% kế hoạch vốn (kế hoạch 60 tỷ đồng).\n"
    found = rules_at(run(wrong), "arithmetic.percent-base")
    assert found and found[0].severity == "error" and found[0].suggestion == "80%"
    right = "Giải ngân 48,2 tỷ đồng, đạt 80,3% kế hoạch vốn (kế hoạch 60 tỷ đồng).\n"
    assert not rules_at(run(right), "arithmetic.percent-base")


def test_misrounded_ratio_is_a_warning() -> None:
    found = rules_at(
        run("Có 12/13 chi bộ hoàn thành tốt nhiệm vụ, đạt 92,4%.\n"), "arithmetic.ratio-percent"
    )
    assert found and found[0].severity == "warning"
    found = rules_at(
        run("Có 12/13 chi bộ hoàn thành tốt nhiệm vụ, đạt 95,4%.\n"), "arithmetic.ratio-percent"
    )
    assert found and found[0].severity == "error"


def test_congress_in_force() -> None:
    old = (
        "Tiếp tục triển khai thực hiện Nghị quyết Đại hội đại biểu toàn quốc lần thứ XI của Đảng.\n"
    )
    found = rules_at(run(old), "term.in-force")
    assert found and found[0].suggestion == "XIII"
    current = old.replace("lần thứ XI ", "lần thứ XIII ")
    assert not rules_at(run(current), "term.in-force")
    history = "Nghị quyết Đại hội đại biểu toàn quốc lần thứ XI của Đảng (2011) đã xác định.\n"
    assert not rules_at(run(history), "term.in-force")


def test_statistic_stated_twice() -> None:
    body = (
        "Đến nay, tỷ lệ bao phủ bảo hiểm y tế đạt 93,1%.\n\nCông tác xã hội được quan tâm.\n\n"
        "Đến nay, tỷ lệ bao phủ bảo hiểm y tế đạt 92,8%.\n"
    )
    found = rules_at(run(body), "duplicate.statistic")
    assert found and found[0].suggestion == "93,1%"
    target = body.replace(
        "Đến nay, tỷ lệ bao phủ bảo hiểm y tế đạt 92,8%",
        "Mục tiêu năm 2025 tỷ lệ bao phủ bảo hiểm y tế đạt 95,0%",
    )
    assert not rules_at(run(target), "duplicate.statistic")


def test_table_row_is_not_the_total_of_the_row_above() -> None:
    body = "| Chỉ tiêu | Số lượng |\n|---|---|\n| Tổng số hồ sơ | 20 |\n| Tổng số đã giải quyết | 15 |\n| Tổng số | 35 |\n"
    found = check([extract(read_text(HEADER + body, source="t.md"))])
    assert not rules_at(found, "arithmetic.table-sum")


def test_title_in_capitals_repeated_under_part_one() -> None:
    title = "KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT ĐẠI HỘI ĐẢNG BỘ THỊ XÃ LẦN THỨ XXI NHIỆM KỲ 2020 - 2025"
    body = f"{title}\n\nPHẦN THỨ NHẤT\n\n{title}\n\nThực hiện tốt nhiệm vụ.\n"
    assert not rules_at(run(body), "duplicate.sentence")


def test_office_counts_file_round_trip(tmp_path: Path) -> None:
    texts = [SEED_FILES[0].read_text("utf-8")]
    counts = build_counts(texts)
    path = tmp_path / "office.tsv"
    write_counts(counts, path)
    again = read_counts(path)
    assert again.bigrams == counts.bigrams and again.unigrams == counts.unigrams
    assert text_hash(texts[0]) in again.documents
    assert again.bigrams["cán bộ"] > 0


def test_language_model_cli(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from capuy.cli import app

    out = tmp_path / "office.tsv"
    result = CliRunner().invoke(app, ["language-model", str(SEED_FILES[0]), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert read_counts(out).documents
    doc = tmp_path / "r.txt"
    doc.write_text(HEADER + "Công tác cán bô được quan tâm.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(doc), "--model", str(out), "--json"])
    assert result.exit_code == 0 and "spelling.context" in result.output
    result = CliRunner().invoke(app, ["check", str(doc), "--model", str(tmp_path / "none")])
    assert result.exit_code == 2


def test_mutation_generator_records_the_line_it_changed() -> None:
    from benchmarks.checker_eval import _model_without
    from benchmarks.mutations import CLASSES, Context, plant

    text = SEED_FILES[1].read_text("utf-8")
    with _model_without("001", "test") as model:
        ctx = Context(model.dictionary_bigrams, model.syllables, 2024)
        planted_classes = set()
        for cls in CLASSES:
            done = plant(text, cls, random.Random(cls), ctx)
            if done is None:
                continue
            mutated, planted = done
            before, after = text.split("\n"), mutated.split("\n")
            changed = [i + 1 for i, (a, b) in enumerate(zip(before, after, strict=True)) if a != b]
            assert planted.line in changed, cls
            planted_classes.add(cls)
    assert len(planted_classes) >= len(CLASSES) - 1


def test_rule_table_in_docs_lists_every_registered_rule() -> None:
    from capuy.check.registry import all_rules

    table = (Path(__file__).resolve().parents[1] / "docs" / "checker.md").read_text("utf-8")
    rows = {line.split("|")[1].strip() for line in table.splitlines() if line.startswith("| `")}
    listed = {rule.strip("` ") for row in rows for rule in row.split(",")}
    assert {rule.id for rule in all_rules()} <= listed
