"""The demo data (Thị ủy Đức Phổ, February 2024) and the web commands of the CLI."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import User
from django.test import Client
from typer.testing import CliRunner

from capuy.accounts.access import visible_organisations
from capuy.accounts.models import Profile, RoleAssignment
from capuy.cli import app
from capuy.orgs.history import descendants, organisation_tree, term_at
from capuy.orgs.models import Body, Organisation
from capuy.web.demo import demo_logins, load_demo

PHUONG = [
    "Nguyễn Nghiêm",
    "Phổ Hòa",
    "Phổ Minh",
    "Phổ Ninh",
    "Phổ Quang",
    "Phổ Thạnh",
    "Phổ Văn",
    "Phổ Vinh",
]
XA = ["Phổ An", "Phổ Châu", "Phổ Cường", "Phổ Khánh", "Phổ Nhơn", "Phổ Phong", "Phổ Thuận"]


@pytest.fixture
def demo(db: None, settings: object) -> object:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # type: ignore[attr-defined]
    return load_demo(steps=False)  # the units and users; the record apps test their own steps


def test_full_demo_with_every_step_is_deterministic_and_idempotent(db: None) -> None:
    lines: list[str] = []
    load_demo(report=lines.append)
    counts = (Organisation.objects.count(), Body.objects.count(), User.objects.count())
    assert lines[0].startswith("Tổ chức: ")
    # every step is named in Vietnamese in the log, not by its app's code name
    labels = [line.split(":")[0] for line in lines[1:]]
    assert "Văn bản đi" in labels and "Hồ sơ đảng viên" in labels and "Báo cáo" in labels
    assert not {"documents", "records", "reports", "handbook", "meetingroom"} & set(labels)
    assert not any(" 00 " in f" {line} " for line in lines), lines
    load_demo()
    assert (Organisation.objects.count(), Body.objects.count(), User.objects.count()) == counts


def test_demo_town_as_in_the_seeds(demo: object) -> None:
    town = Organisation.objects.get(committee_name="Thị ủy Đức Phổ", valid_to__isnull=True)
    assert town.parent.committee_name == "Tỉnh ủy Quảng Ngãi"
    assert town.header_name == "THỊ ỦY ĐỨC PHỔ"
    assert town.parent.name.upper() == "ĐẢNG BỘ TỈNH QUẢNG NGÃI"
    # seed 000: 708-BC/TU, 218-QĐ/UBKTTU; seed 003: 15 đơn vị hành chính (08 phường, 07 xã)
    codes = dict(Body.objects.filter(organisation=town).values_list("kind", "code"))
    assert codes["btv"] == "TU" and codes["ubkt"] == "UBKTTU" and codes["ban_to_chuc"] == "BTCTU"
    assert len(codes) == 8
    wards = descendants(town, at=dt.date(2024, 2, 26), include_self=False).filter(
        kind="dang_bo_co_so", name__regex=r"^Đảng bộ (phường|xã) "
    )
    assert sorted(
        wards.filter(name__startswith="Đảng bộ phường").values_list("name", flat=True)
    ) == sorted(f"Đảng bộ phường {p}" for p in PHUONG)
    assert sorted(
        wards.filter(name__startswith="Đảng bộ xã").values_list("name", flat=True)
    ) == sorted(f"Đảng bộ xã {x}" for x in XA)
    term = term_at(town, dt.date(2024, 2, 26))
    assert term is not None and term.label == "khóa XXI, nhiệm kỳ 2020 - 2025"
    assert term_at(town, dt.date(2019, 6, 1)).ordinal == 20


def test_demo_cell_merger_shows_in_the_tree(demo: object) -> None:
    ward = Organisation.objects.get(name="Đảng bộ phường Phổ Hòa")

    def cells(day: dt.date) -> list[str]:
        return [o.name for d, o in organisation_tree(ward, at=day).walk() if d == 1]

    before, after = cells(dt.date(2022, 12, 31)), cells(dt.date(2023, 1, 1))
    assert "Chi bộ Tổ dân phố số 6" in before and "Chi bộ Tổ dân phố số 6" not in after
    assert len(before) == len(after) + 1


@pytest.mark.parametrize("login", demo_logins(), ids=lambda login: login.username)
def test_every_printed_demo_login_works(demo: object, login: object) -> None:
    client = Client()
    response = client.post("/dang-nhap/", {"username": login.username, "password": login.password})
    assert response.status_code == 302, login.username
    assert client.get("/").status_code == 200


def test_ward_demo_user_sees_only_its_ward(demo: object) -> None:
    user = User.objects.get(username="vanthu.phohoa")
    names = set(visible_organisations(user).values_list("name", flat=True))
    assert "Đảng bộ phường Phổ Hòa" in names
    assert "Đảng bộ thị xã Đức Phổ" not in names and "Đảng bộ phường Phổ Minh" not in names


@pytest.mark.parametrize(
    ("args", "ok", "message"),
    [
        (
            ["--org", "Thị ủy Đức Phổ", "--role", "chuyen_vien", "--clearance", "mat"],
            True,
            "Đã tạo",
        ),
        (["--org", "Đảng ủy phường Phổ Hoà", "--role", "văn thư"], True, "Đã tạo"),  # old tone
        (["--org", "Không có đơn vị này", "--role", "van_thu"], False, "Không tìm thấy tổ chức"),
        (["--org", "Thị ủy Đức Phổ", "--role", "bi_thu"], False, "Vai trò không hợp lệ"),
        (["--org", "Thị ủy Đức Phổ", "--role", "van_thu", "--clearance", "9"], False, "Độ mật"),
    ],
)
def test_createuser_command(demo: object, args: list[str], ok: bool, message: str) -> None:
    result = CliRunner().invoke(
        app, ["createuser", "nguoimoi", *args, "--password", "mot-mat-khau-du-dai-2024"]
    )
    assert (result.exit_code == 0) is ok, result.output
    assert message in result.output
    if ok:
        user = User.objects.get(username="nguoimoi")
        assert RoleAssignment.objects.filter(user=user).exists()
        assert Profile.objects.get(user=user).clearance in (0, 1)


def test_createuser_refuses_a_weak_password(demo: object) -> None:
    result = CliRunner().invoke(
        app,
        ["createuser", "yeu", "--org", "Thị ủy Đức Phổ", "--role", "van_thu", "--password", "123"],
    )
    assert result.exit_code == 2
    assert "Mật khẩu chưa đạt" in result.output
    assert not User.objects.filter(username="yeu").exists()
