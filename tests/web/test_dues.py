"""Party dues: rates as versioned data, the cell's book, arrears, import (all or nothing),
the roll-up (totals = sum of parts), and who may see what."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.test import Client

from capuy.accounts.levels import Role
from capuy.dues.book import arrears, record_entry, rollup
from capuy.dues.importer import import_rows, read_table
from capuy.dues.models import CellMonthDues, DuesEntry
from capuy.dues.rates import (
    compute_due,
    fallback_kinds,
    kind_choices,
    rule_in_force,
    rule_sets,
    split_share,
)
from capuy.handbook.models import CellOfficer
from capuy.handbook.services import create_account
from capuy.members.services import admit
from capuy.orgs.models import Organisation
from tests.web.conftest import make_user

MAY_2025 = dt.date(2025, 5, 1)


def test_rates_342_in_integers_with_half_up_rounding() -> None:
    due = compute_due("luong_bhxh", 8_450_050, MAY_2025)
    assert due.amount == 84_501  # 1% of 8.450.050 = 84.500,5 → 84.501
    assert due.rule.symbol == "342-QĐ/TW" and due.pending_rule is None
    assert compute_due("luong_huu", 6_000_000, MAY_2025).amount == 30_000  # 0,5%
    assert compute_due("mien", 9_000_000, MAY_2025).amount == 0
    assert "342-QĐ/TW" in due.rate.source


def test_the_2026_rule_applies_from_february_with_the_published_rates() -> None:
    symbols = [r.symbol for r in rule_sets()]
    assert symbols == ["342-QĐ/TW", "01-QĐ/TW"]
    applied, pending = rule_in_force(dt.date(2026, 2, 1))
    assert applied.symbol == "01-QĐ/TW" and applied.rates_entered and pending is None
    applied, pending = rule_in_force(dt.date(2026, 1, 31))
    assert applied.symbol == "342-QĐ/TW" and pending is None


JUNE_2026 = dt.date(2026, 6, 1)


@pytest.mark.parametrize(
    ("kind", "base", "day", "amount", "rule", "pending"),
    [
        # 01-QĐ/TW, as the press reports of its publication give it
        ("luong_bhxh", 8_450_050, JUNE_2026, 84_501, "01-QĐ/TW", None),  # 1%, half up
        ("tro_cap_om_dau_thai_san", 6_000_000, JUNE_2026, 60_000, "01-QĐ/TW", None),  # 1%
        ("luong_huu", 6_000_001, JUNE_2026, 30_000, "01-QĐ/TW", None),  # 0,5%: 30.000,005
        ("hoc_sinh_sinh_vien", 0, JUNE_2026, 5_000, "01-QĐ/TW", None),  # was 3.000 under 342
        ("mien", 9_000_000, JUNE_2026, 0, "01-QĐ/TW", None),
        # kinds 01-QĐ/TW's published summary does not give: still 342, the newer rule named
        ("thu_nhap_khac", 0, JUNE_2026, 5_000, "342-QĐ/TW", "01-QĐ/TW"),
        ("phu_cap", 2_000_000, JUNE_2026, 20_000, "342-QĐ/TW", "01-QĐ/TW"),
        # before 01/02/2026 nothing changes
        ("hoc_sinh_sinh_vien", 0, dt.date(2026, 1, 1), 3_000, "342-QĐ/TW", None),
    ],
)
def test_dues_by_the_rule_in_force_kind_by_kind(
    kind: str, base: int, day: dt.date, amount: int, rule: str, pending: str | None
) -> None:
    due = compute_due(kind, base, day)
    assert due.amount == amount and due.rule.symbol == rule
    assert (due.pending_rule.symbol if due.pending_rule else None) == pending


def test_the_kinds_still_computed_by_the_old_rule_are_named() -> None:
    old = {rate.kind for rate, rule in fallback_kinds(JUNE_2026)}
    assert {"thu_nhap_khac", "ngoai_do_tuoi", "phu_cap", "tro_cap_bhxh", "o_nuoc_ngoai"} == old
    assert fallback_kinds(MAY_2025) == []
    kinds = [k for k, _ in kind_choices(JUNE_2026)]
    assert kinds[0] == "luong_bhxh" and "tro_cap_om_dau_thai_san" in kinds and "phu_cap" in kinds
    assert "tro_cap_om_dau_thai_san" not in [k for k, _ in kind_choices(MAY_2025)]
    # shares: 01-QĐ/TW's published summary gives none, so 342's apply
    assert split_share(1000, "chi_bo_truc_thuoc", JUNE_2026) == (300, 700)


@pytest.mark.parametrize("collected", [0, 1, 999, 1001, 123_457, 10**9 + 7])
def test_kept_and_passed_up_add_up_exactly(collected: int) -> None:
    kept, passed = split_share(collected, "chi_bo_truc_thuoc", MAY_2025)
    assert kept + passed == collected and kept == collected * 3 // 10


@pytest.fixture
def cell_setup(tree):  # type: ignore[no-untyped-def]
    other = Organisation.objects.create(
        name="Chi bộ Tổ dân phố 2", kind="chi_bo_truc_thuoc", code="CB", parent=tree.pho_hoa
    )
    minh_cell = Organisation.objects.create(
        name="Chi bộ Khu phố 3", kind="chi_bo_truc_thuoc", code="CB", parent=tree.pho_minh
    )
    lan = admit(
        tree.pho_hoa_cell, "Nguyễn Thị Lan", "nu", dt.date(2010, 5, 19), card_number="79001"
    )
    binh = admit(
        tree.pho_hoa_cell, "Trần Văn Bình", "nam", dt.date(2015, 2, 3), card_number="79002"
    )
    hung = admit(other, "Lê Văn Hùng", "nam", dt.date(2012, 9, 2), card_number="79003")
    tam = admit(minh_cell, "Võ Thị Tâm", "nu", dt.date(2001, 1, 5), card_number="79004")
    CellOfficer.objects.create(cell=tree.pho_hoa_cell, member=binh, duty="bi_thu")
    return {
        "cell": tree.pho_hoa_cell,
        "other": other,
        "minh_cell": minh_cell,
        "lan": lan,
        "binh": binh,
        "hung": hung,
        "tam": tam,
    }


def test_arrears_after_three_unexplained_months(cell_setup) -> None:  # type: ignore[no-untyped-def]
    lan, binh = cell_setup["lan"], cell_setup["binh"]
    for month in (1, 2, 3):
        record_entry(lan, dt.date(2025, month, 1), "luong_huu", 6_000_000, 0)
        record_entry(
            binh, dt.date(2025, month, 1), "luong_bhxh", 9_000_000, 0, reason="Ốm dài ngày"
        )
    record_entry(lan, dt.date(2024, 12, 1), "luong_huu", 6_000_000, 0)
    flagged = arrears(cell_setup["cell"].pk, 2025)
    assert [(m.full_name, n) for m, n in flagged] == [("Nguyễn Thị Lan", 3)]
    assert arrears(cell_setup["cell"].pk, 2024) == []


def test_rollup_totals_are_sums_of_parts_and_match_the_entries(cell_setup, tree) -> None:  # type: ignore[no-untyped-def]
    record_entry(cell_setup["lan"], MAY_2025, "luong_huu", 6_123_457, 30_617)
    record_entry(cell_setup["binh"], MAY_2025, "luong_bhxh", 9_000_001, 50_000)
    record_entry(cell_setup["hung"], MAY_2025, "thu_nhap_khac", 0, 0)
    record_entry(cell_setup["tam"], MAY_2025, "luong_bhxh", 12_345_678, 123_457)
    record_entry(
        cell_setup["tam"], dt.date(2025, 6, 1), "luong_bhxh", 12_345_678, 123_457
    )  # other month
    total = rollup(tree.town, MAY_2025)
    assert total.paid == 30_617 + 50_000 + 123_457
    assert total.due == sum(DuesEntry.objects.filter(month=MAY_2025).values_list("due", flat=True))
    for field in (
        "members",
        "due",
        "paid",
        "unpaid_members",
        "kept_by_cells",
        "passed_up_by_cells",
        "cells",
    ):
        assert getattr(total, field) == sum(getattr(c, field) for c in total.children), field
    assert total.kept_by_cells + total.passed_up_by_cells == total.paid
    by_name = {c.unit.name: c for c in total.children}
    assert by_name["Đảng bộ phường Phổ Hòa"].members == 3
    assert by_name["Đảng bộ phường Phổ Minh"].paid == 123_457
    # summary rows equal a direct aggregate of the entries
    for row in CellMonthDues.objects.filter(month=MAY_2025):
        entries = DuesEntry.objects.filter(cell=row.cell, month=MAY_2025)
        assert row.paid == sum(e.paid for e in entries) and row.members == entries.count()


CSV_OK = "so_the,doi_tuong,can_cu,da_nop,ngay_nop,bien_lai,ly_do\n79001,luong_huu,6.000.000,30.000,05/05/2025,BL-01,\n79002,luong_bhxh,9000000,0,,,Ốm dài ngày\n"
CSV_BAD = "so_the,doi_tuong,can_cu,da_nop,ngay_nop\n79001,luong_huu,6000000,30000,05/05/2025\n79003,luong_bhxh,9000000,90000,05/05/2025\n79002,luong_sai,9000000,0,\n79002,luong_bhxh,9000000,abc,31/02/2025\n"


def test_import_csv_all_or_nothing(cell_setup) -> None:  # type: ignore[no-untyped-def]
    cell = cell_setup["cell"]
    bad = import_rows(cell, MAY_2025, read_table("so-thu.csv", CSV_BAD.encode()))
    assert bad.saved == 0
    assert bad.errors == [
        "Dòng 3: không có đảng viên số thẻ “79003” trong chi bộ.",
        "Dòng 4: đối tượng “luong_sai” không có trong danh mục đảng phí.",
        "Dòng 5: Số đã nộp “abc” không phải số tiền nguyên (đồng).",
    ]
    assert DuesEntry.objects.count() == 0  # the good first row was not written either
    ok = import_rows(cell, MAY_2025, read_table("so-thu.csv", ("\ufeff" + CSV_OK).encode()))
    assert ok.saved == 2 and ok.errors == []
    lan = DuesEntry.objects.get(member=cell_setup["lan"])
    assert (lan.due, lan.paid, lan.receipt, lan.paid_on) == (
        30_000,
        30_000,
        "BL-01",
        dt.date(2025, 5, 5),
    )
    assert CellMonthDues.objects.get(cell=cell, month=MAY_2025).paid == 30_000


def test_import_xlsx_made_by_openpyxl(cell_setup) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["So_the", "doi_tuong", "can_cu", "da_nop", "ngay_nop"])
    sheet.append(["79001", "luong_huu", 6000000, 30000, dt.datetime(2025, 5, 5)])
    sheet.append([79002, "luong_bhxh", 9000000, 90000, None])
    data = io.BytesIO()
    book.save(data)
    result = import_rows(cell_setup["cell"], MAY_2025, read_table("so-thu.xlsx", data.getvalue()))
    assert result.errors == [] and result.saved == 2
    assert DuesEntry.objects.get(member=cell_setup["binh"]).due == 90_000


def test_pages_member_sees_own_dues_other_cells_404(cell_setup, tree, password) -> None:  # type: ignore[no-untyped-def]
    record_entry(cell_setup["lan"], MAY_2025, "luong_huu", 6_000_000, 10_000)
    record_entry(cell_setup["binh"], MAY_2025, "luong_bhxh", 9_000_000, 90_000)

    def member_client(member):  # type: ignore[no-untyped-def]
        account, _ = create_account(member, None)
        account.must_change_password = False
        account.save()
        client = Client()
        client.force_login(account.user, backend="django.contrib.auth.backends.ModelBackend")
        return client

    lan, binh, hung = (member_client(cell_setup[k]) for k in ("lan", "binh", "hung"))
    page = lan.get("/dang-phi/cua-toi/").content.decode()
    assert "Còn nợ <strong>20.000 đồng</strong>" in page and "90.000" not in page
    book_url = f"/dang-phi/chi-bo/{cell_setup['cell'].pk}/?thang=05/2025"
    assert binh.get(book_url).status_code == 200
    assert "100.000" in binh.get(book_url).content.decode()  # collected 10.000 + 90.000
    assert lan.get(book_url).status_code == 404 and hung.get(book_url).status_code == 404
    # the office: the town specialist sees the roll-up, a ward clerk of Phổ Minh cannot open Phổ Hòa
    town = make_user("cv.ducpho", tree.town, Role.SPECIALIST)
    office = Client()
    office.force_login(town, backend="django.contrib.auth.backends.ModelBackend")
    report = office.get(f"/dang-phi/bao-cao/{tree.town.pk}/?thang=05/2025").content.decode()
    assert "Đảng bộ phường Phổ Hòa" in report and "100.000" in report
    minh = make_user("cv.phominh", tree.pho_minh, Role.SPECIALIST)
    ward = Client()
    ward.force_login(minh, backend="django.contrib.auth.backends.ModelBackend")
    assert ward.get(f"/dang-phi/bao-cao/{tree.pho_hoa.pk}/").status_code == 404
    # the 2026 months say the rule applied, that its figures are the press's, and which kinds
    # of member are still computed by 342-QĐ/TW
    march = binh.get(f"/dang-phi/chi-bo/{cell_setup['cell'].pk}/?thang=03/2026").content.decode()
    assert "Mức thu theo Quy định 01-QĐ/TW" in march and "chưa đối chiếu văn bản gốc" in march
    assert "vẫn tính theo 342-QĐ/TW" in march and "Phụ cấp" in march
    assert "chưa đối chiếu" not in binh.get(book_url).content.decode()  # May 2025: 342


def test_the_book_page_records_imports_and_passes_up(cell_setup) -> None:  # type: ignore[no-untyped-def]
    """The secretary's three actions on the book page: one entry, a file (all or nothing,
    errors listed on the page), the share passed up — each back on the month after saving."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from capuy.dues.models import PassUp

    account, _ = create_account(cell_setup["binh"], None)
    account.must_change_password = False
    account.save()
    binh = Client()
    binh.force_login(account.user, backend="django.contrib.auth.backends.ModelBackend")
    url = f"/dang-phi/chi-bo/{cell_setup['cell'].pk}/"
    back = f"{url}?thang=05/2025"
    outsider = {"ghi": "1", "thang": "05/2025", "member": cell_setup["hung"].pk}
    entry = {**outsider, "kind": "luong_huu", "base": 6_000_000, "paid": 30_000}
    page = binh.post(url, {**entry, "member": cell_setup["hung"].pk}, follow=True)
    assert "Đảng viên không thuộc chi bộ." in page.content.decode()
    assert not DuesEntry.objects.exists()
    saved = binh.post(url, {**entry, "member": cell_setup["lan"].pk, "receipt": "BL-09"})
    assert (saved.status_code, saved["Location"]) == (302, back)
    assert DuesEntry.objects.get(member=cell_setup["lan"]).receipt == "BL-09"
    bad = SimpleUploadedFile("so-thu.csv", CSV_BAD.encode())
    page = binh.post(url, {"nhap": "1", "thang": "05/2025", "file": bad})
    assert page.status_code == 200 and "Dòng 3: không có đảng viên số thẻ" in page.content.decode()
    ok = SimpleUploadedFile("so-thu.csv", CSV_OK.encode())
    imported = binh.post(url, {"nhap": "1", "thang": "05/2025", "file": ok})
    assert (imported.status_code, imported["Location"]) == (302, back)
    assert DuesEntry.objects.get(member=cell_setup["binh"]).reason == "Ốm dài ngày"
    passed = binh.post(
        url, {"nop_len": "1", "thang": "05/2025", "passed_on": "2025-06-02", "receipt": "NL-1"}
    )
    assert (passed.status_code, passed["Location"]) == (302, back)
    pass_up = PassUp.objects.get(cell=cell_setup["cell"], month=MAY_2025)
    assert pass_up.amount == split_share(30_000, cell_setup["cell"].kind, MAY_2025)[1]


def test_a_member_who_owes_gets_a_notice(cell_setup) -> None:  # type: ignore[no-untyped-def]
    from capuy.handbook.models import Notification

    account, _ = create_account(cell_setup["lan"], None)
    record_entry(cell_setup["lan"], MAY_2025, "luong_huu", 6_000_000, 10_000)
    record_entry(cell_setup["binh"], MAY_2025, "luong_bhxh", 9_000_000, 90_000)
    notice = Notification.objects.get(user=account.user, kind="dues")
    assert notice.text == "Đảng phí tháng 05/2025: phải nộp 30.000 đồng, đã nộp 10.000 đồng."
    assert Notification.objects.filter(kind="dues").count() == 1  # Bình paid in full, no account


def test_arrears_in_vietnamese_name_order(cell_setup) -> None:  # type: ignore[no-untyped-def]
    """By given name, then middle, then family — not by the first letters of the family name
    ("Lê Văn Ánh" after "Võ Thị An", before "Nguyễn Thị Lan")."""
    cell = cell_setup["cell"]
    anh = admit(cell, "Lê Văn Ánh", "nam", dt.date(2016, 3, 2), card_number="79005")
    an = admit(cell, "Võ Thị An", "nu", dt.date(2017, 4, 3), card_number="79006")
    for member in (cell_setup["lan"], anh, an):
        for month in (1, 2, 3):
            record_entry(member, dt.date(2025, month, 1), "luong_huu", 6_000_000, 0)
    names = [m.full_name for m, _n in arrears(cell.pk, 2025)]
    assert names == ["Võ Thị An", "Lê Văn Ánh", "Nguyễn Thị Lan"]
