"""Creating users from the command line (``capuy createuser``), with Vietnamese validation."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q

from capuy.accounts.levels import Classification, Role
from capuy.accounts.models import Profile, RoleAssignment
from capuy.errors import InputError
from capuy.orgs.lookup import organisation_by_name
from capuy.orgs.models import Organisation
from capuy.text import search_key

find_organisation = organisation_by_name  # the old name (capuy.orgs.lookup holds it)


def parse_role(text: str) -> str:
    wanted = search_key(text).replace(" ", "_")
    for value, label in Role.choices:
        if wanted in (value, search_key(str(label)).replace(" ", "_")):
            return str(value)
    raise InputError(
        f"Vai trò không hợp lệ “{text}”; chọn một trong: "
        + ", ".join(f"{value} ({label})" for value, label in Role.choices),
        f"unknown role {text!r}; one of {', '.join(Role.values)}",
    )


def parse_clearance(text: str) -> int:
    wanted = search_key(text).replace(" ", "_")
    for value, label in Classification.choices:
        if wanted in (str(value), search_key(str(label)).replace(" ", "_")):
            return int(value)
    raise InputError(
        f"Độ mật không hợp lệ “{text}”; chọn: thuong, mat, toi_mat, tuyet_mat (hoặc 0–3)",
        f"unknown clearance {text!r}; one of thuong, mat, toi_mat, tuyet_mat (or 0-3)",
    )


@transaction.atomic
def create_user(
    username: str,
    password: str,
    organisation: Organisation,
    roles: list[str],
    clearance: int = 0,
    first_name: str = "",
    last_name: str = "",
    superuser: bool = False,
) -> User:
    if User.objects.filter(Q(username__iexact=username)).exists():
        raise InputError(
            f"Tên đăng nhập “{username}” đã có", f"user name {username!r} already exists"
        )
    candidate = User(username=username, first_name=first_name, last_name=last_name)
    try:
        validate_password(password, candidate)
    except ValidationError as exc:
        raise InputError(
            "Mật khẩu chưa đạt: " + " ".join(exc.messages), "password rejected by the validators"
        ) from exc
    user = User.objects.create_user(
        username,
        password=password,
        first_name=first_name,
        last_name=last_name,
        is_staff=superuser,
        is_superuser=superuser,
    )
    Profile.objects.create(user=user, clearance=clearance)
    for role in roles:
        RoleAssignment.objects.create(user=user, organisation=organisation, role=role)
    return user
