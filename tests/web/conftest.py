"""Fixtures for the web tests: a small organisation tree and users with roles and clearances.

Used by every ``tests/web`` module (base, orgs, access, and the record apps' tests). The tree:

    Đảng bộ tỉnh Quảng Ngãi (TU)
    └── Đảng bộ thị xã Đức Phổ (TU) — bodies BTV, UBKT…
        ├── Đảng bộ phường Phổ Hòa (ĐU)
        │   └── Chi bộ Tổ dân phố 1
        └── Đảng bộ phường Phổ Minh (ĐU)
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pytest
from django.contrib.auth.models import User

from capuy.accounts.levels import Classification, Role
from capuy.accounts.models import Profile, RoleAssignment
from capuy.orgs.models import Body, CommitteeTerm, Organisation
from tests.web.browser import browser  # noqa: F401 — the chromium fixture of every browser test

PASSWORD = "mat-khau-thu-nghiem-2024"


@pytest.fixture(autouse=True)
def fast_password_hashing(settings: Any) -> None:
    """PBKDF2's deliberate slowness protects real passwords, not test users."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@dataclass
class Tree:
    province: Organisation
    town: Organisation
    pho_hoa: Organisation
    pho_hoa_cell: Organisation
    pho_minh: Organisation


def make_user(
    username: str,
    organisation: Organisation,
    *roles: str,
    clearance: int = Classification.NORMAL,
    **fields: object,
) -> User:
    user = User.objects.create_user(username=username, password=PASSWORD, **fields)
    Profile.objects.create(user=user, clearance=clearance)
    for role in roles:
        RoleAssignment.objects.create(user=user, organisation=organisation, role=role)
    return user


@pytest.fixture
def tree(db: None) -> Tree:
    province = Organisation.objects.create(
        name="Đảng bộ tỉnh Quảng Ngãi",
        committee_name="Tỉnh ủy Quảng Ngãi",
        kind="dang_bo_tinh",
        code="TU",
    )
    town = Organisation.objects.create(
        name="Đảng bộ thị xã Đức Phổ",
        committee_name="Thị ủy Đức Phổ",
        kind="dang_bo_huyen",
        code="TU",
        parent=province,
        valid_from=dt.date(2020, 4, 1),
    )
    for kind, name in [("btv", "Ban Thường vụ Thị ủy"), ("ubkt", "Ủy ban Kiểm tra Thị ủy")]:
        Body.objects.create(organisation=town, kind=kind, name=name)
    CommitteeTerm.objects.create(
        organisation=town,
        ordinal=21,
        start_year=2020,
        end_year=2025,
        start_date=dt.date(2020, 8, 1),
    )
    CommitteeTerm.objects.create(  # the term in force today: records dated today take it
        organisation=town,
        ordinal=22,
        start_year=2025,
        end_year=2030,
        start_date=dt.date(2025, 10, 1),
    )
    pho_hoa = Organisation.objects.create(
        name="Đảng bộ phường Phổ Hòa",
        committee_name="Đảng ủy phường Phổ Hòa",
        kind="dang_bo_co_so",
        code="ĐU",
        parent=town,
    )
    cell = Organisation.objects.create(
        name="Chi bộ Tổ dân phố 1", kind="chi_bo_truc_thuoc", code="CB", parent=pho_hoa
    )
    pho_minh = Organisation.objects.create(
        name="Đảng bộ phường Phổ Minh",
        committee_name="Đảng ủy phường Phổ Minh",
        kind="dang_bo_co_so",
        code="ĐU",
        parent=town,
    )
    return Tree(province, town, pho_hoa, cell, pho_minh)


@pytest.fixture
def town_clerk(tree: Tree) -> User:
    return make_user("vanthu.ducpho", tree.town, Role.CLERK, clearance=Classification.SECRET)


@pytest.fixture
def town_leader(tree: Tree) -> User:
    return make_user("lanhdao.ducpho", tree.town, Role.LEADER, clearance=Classification.MOST_SECRET)


@pytest.fixture
def ward_clerk(tree: Tree) -> User:
    return make_user("vanthu.phohoa", tree.pho_hoa, Role.CLERK)


@pytest.fixture
def password() -> str:
    return PASSWORD
