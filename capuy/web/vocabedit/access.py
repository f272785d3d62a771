"""Who may edit the vocabulary: an active superuser or a holder of the quản trị role."""

from __future__ import annotations

from typing import Any

from capuy.accounts.access import has_role
from capuy.accounts.levels import Role


def can_edit_vocab(user: Any) -> bool:
    return bool(
        user is not None
        and user.is_authenticated
        and user.is_active
        and (user.is_superuser or has_role(user, str(Role.ADMIN)))
    )
