"""Citations checked against what is known: the catalogue of Central documents (always) and a
committee's register passed in as data (``use_known_documents``). Real seed lines stay silent;
the same lines with one planted error are found, with the right suggestion."""

from __future__ import annotations

import datetime as dt

import pytest

from capuy.check.known_documents import (
    KnownDocument,
    RegisterDocuments,
    Series,
    use_known_documents,
)
from capuy.vocab.central_documents import central_documents
from tests.test_check_rules import HEADER, run, seed_line

MUTATIONS = [
    # (rule, seed, line, right, wrong, suggestion)
    (
        "citation-date.known",
        "001",
        24,
        "45-NQ/TW ngày 24/11/2023",
        "45-NQ/TW ngày 24/11/2022",
        "Nghị quyết số 45-NQ/TW ngày 24/11/2023",
    ),
    (
        "citation-date.known",
        "003",
        56,
        "Kết luận số 01-KL/TW ngày 18/5/2021",
        "Kết luận số 01-KL/TW ngày 18/6/2021",
        "Kết luận số 01-KL/TW ngày 18/5/2021",
    ),
    (
        "citation-type.known",
        "003",
        96,
        "65-QĐ/TW",
        "65-QĐi/TW",
        "Quy định số 65-QĐ/TW ngày 28/4/2022",
    ),
    (
        "citation-type.known",
        "003",
        56,
        "08-QĐi/TW",
        "08-QĐ/TW",
        "Quy định 08-QĐi/TW ngày 25/10/2018",
    ),
    (
        "citation-type.known",
        "003",
        204,
        "Quy định số 114-QĐ/TW",
        "Quyết định số 114-QĐ/TW",
        "Quy định số 114-QĐ/TW ngày 11/7/2023",
    ),
]


@pytest.mark.parametrize(("rule", "prefix", "line", "right", "wrong", "suggestion"), MUTATIONS)
def test_central_catalogue_on_seed_lines(rule, prefix, line, right, wrong, suggestion) -> None:
    original = seed_line(prefix, line)
    assert right in original
    assert not [f for f in run(original + "\n") if f.rule.startswith(rule.split(".")[0] + ".known")]
    found = [f for f in run(original.replace(right, wrong, 1) + "\n") if f.rule == rule]
    assert found, f"{rule} missed {wrong!r}"
    assert found[0].severity == "error"
    assert "central_documents.yaml" in found[0].message
    assert any(f.suggestion.startswith(suggestion) for f in found), [f.suggestion for f in found]


def test_same_number_in_two_terms_is_told_apart_by_the_khoa() -> None:
    """35-CT/TW exists in khóa XII (30/5/2019) and XIII (14/6/2024): both seed lines are right."""
    for prefix, line in (("000", 29), ("002", 32)):
        assert not [f for f in run(seed_line(prefix, line) + "\n") if f.rule.endswith(".known")]
    wrong = run("Thực hiện Chỉ thị số 35-CT/TW ngày 30/6/2019 của Bộ Chính trị.\n")
    assert [f.suggestion for f in wrong if f.rule == "citation-date.known"] == [
        "Chỉ thị số 35-CT/TW ngày 30/5/2019"
    ]


def test_unknown_quy_dinh_under_qd_is_only_a_note() -> None:
    findings = run("Thực hiện Quy định số 999-QĐ/TW ngày 02/01/2024 của Bộ Chính trị.\n")
    assert [(f.rule, f.severity) for f in findings if f.rule.startswith("citation-type")] == [
        ("citation-type.code", "info")
    ]


def test_every_catalogue_entry_has_a_source_and_a_khoa_matching_its_date() -> None:
    from capuy.vocab.terms import term_for

    for document in central_documents():
        assert document.source
        term = term_for("party_congress", document.term)
        assert term is not None and term.contains(document.date), document.symbol


def register() -> RegisterDocuments:
    town = "sổ văn bản của Thị ủy Đức Phổ"
    documents = [
        KnownDocument("174-KH/TU", 174, "KH", "TU", "Kế hoạch", dt.date(2024, 2, 16), where=town),
        KnownDocument("175-KH/TU", 175, "KH", "TU", "Kế hoạch", dt.date(2024, 3, 20), where=town),
        KnownDocument(
            "39-CTr/TU", 39, "CTr", "TU", "Chương trình", dt.date(2024, 1, 8), where=town
        ),
    ]
    series = [Series("KH", "TU", dt.date(2020, 11, 1), dt.date(2025, 6, 30), 175)]
    return RegisterDocuments(documents, series, where=town, names=["thi uy duc pho", "thi uy"])


def test_register_wrong_date_type_never_issued_and_later() -> None:
    body = (
        "Thị ủy đã ban hành Kế hoạch số 174-KH/TU ngày 16/02/2024 về sơ kết Kết luận 01-KL/TW.\n"
        "Thực hiện Kế hoạch số 174-KH/TU ngày 18/02/2024, các đảng bộ đã sơ kết.\n"
        "Triển khai Chương trình số 39-CTr/TU ngày 08/01/2024 và Nghị quyết số 39-CTr/TU.\n"
        "Thực hiện Kế hoạch số 190-KH/TU ngày 01/02/2024 của Thị ủy.\n"
        "Chuẩn bị Kế hoạch số 175-KH/TU của Ban Thường vụ Thị ủy.\n"
    )
    with use_known_documents(register()):
        findings = run(body)
    got = {(f.rule, f.line - HEADER.count("\n")) for f in findings if f.severity == "error"}
    assert ("citation-date.known", 2) in got
    assert ("citation-date.known", 1) not in got
    assert ("citation-conflict.never-issued", 4) in got
    assert ("citation-date.known-after", 5) in got  # issued 20/3/2024, after the report (26/02)
    dated = [f for f in findings if f.rule == "citation-date.known"]
    assert dated[0].suggestion == "Kế hoạch số 174-KH/TU ngày 16/02/2024"
    assert "sổ văn bản của Thị ủy Đức Phổ" in dated[0].message
    # without the register none of the local findings appear
    plain = {f.rule for f in run(body)}
    assert not plain & {"citation-conflict.never-issued", "citation-date.known-after"}
