"""``user|can_edit_vocab``: whether to show the links to the vocabulary editor."""

from __future__ import annotations

from typing import Any

from django import template

from capuy.web.vocabedit.access import can_edit_vocab as _can_edit_vocab

register = template.Library()


@register.filter
def can_edit_vocab(user: Any) -> bool:
    return _can_edit_vocab(user)
