"""``new_token``, ``done_with``, ``remember`` (see the package docstring)."""

from __future__ import annotations

import re
import secrets
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import Model

from capuy.formtokens.models import FormToken

TOKEN_FIELD = "ma_phieu"
_SHAPE = re.compile(r"^[0-9a-f]{32}$")


def new_token() -> str:
    return secrets.token_hex(16)


def clean_token(raw: Any) -> str:
    """The posted token if it has the right shape, else "" (an old page without one)."""
    text = str(raw or "")
    return text if _SHAPE.match(text) else ""


def done_with(token: str, user: Any) -> Model | None:
    """The record this user already made with ``token``, if any."""
    token = clean_token(token)
    if not token:
        return None
    used = FormToken.objects.filter(token=token, user=user).select_related("content_type").first()
    if used is None:
        return None
    model = used.content_type.model_class()
    return model._default_manager.filter(pk=used.object_id).first() if model else None


def remember(token: str, user: Any, record: Model) -> None:
    """Keep ``token`` as used for ``record`` — call inside the transaction making ``record``."""
    token = clean_token(token)
    if token:
        FormToken.objects.create(
            token=token,
            user=user,
            content_type=ContentType.objects.get_for_model(record),
            object_id=record.pk,
        )
