"""Template filters that write numbers and dates the Vietnamese way.

``{{ 1044.9|vn_number }}`` → 1.044,9 · ``{{ 9|vn_count }}`` → 09 · ``{{ d|vn_date }}`` →
26/02/2024 · ``{{ 19.92|vn_percent }}`` → 19,92%. The rules live in ``capuy.text`` (shared with
the checker and the report composer); these filters only adapt them to templates, where an
empty or wrong value must print nothing rather than break the page.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django import template
from django.utils import timezone

from capuy.text import format_count, format_number, format_percent

register = template.Library()


@register.filter
def vn_number(value: Any, places: int | None = None) -> str:
    """1044.9 → "1.044,9"; ``|vn_number:2`` rounds half up to two decimals."""
    if value is None or value == "":
        return ""
    try:
        return format_number(value if isinstance(value, Decimal) else str(value), places)
    except (ValueError, TypeError):
        return str(value)


@register.filter
def vn_amount(value: Any, places: int = 2) -> str:
    """A measured value without empty decimals: 49.00 → "49", 12.50 → "12,5", 1044.95 → "1.044,95"."""
    if value is None or value == "":
        return ""
    try:
        return format_number(_trimmed(Decimal(str(value)), places))
    except (ValueError, TypeError, ArithmeticError):
        return str(value)


def _trimmed(value: Decimal, places: int) -> Decimal:
    rounded = value.quantize(Decimal(1).scaleb(-places)).normalize()
    return rounded.quantize(Decimal(1)) if rounded == rounded.to_integral_value() else rounded


@register.filter
def vn_count(value: Any) -> str:
    """9 → "09", 4470 → "4.470": counts as Party reports write them."""
    if value is None or value == "":
        return ""
    try:
        return format_count(int(value))
    except (ValueError, TypeError):
        return str(value)


@register.filter
def vn_percent(value: Any, places: int = 2) -> str:
    """19.92 → "19,92%"."""
    if value is None or value == "":
        return ""
    try:
        return format_percent(str(value), places)
    except (ValueError, TypeError):
        return str(value)


@register.filter
def vn_date(value: Any) -> str:
    """A date or datetime → "26/02/2024" (a datetime in the office's time zone)."""
    if isinstance(value, dt.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.strftime("%d/%m/%Y")
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    return "" if value is None else str(value)


@register.filter
def vn_datetime(value: Any) -> str:
    """A datetime → "26/02/2024 14:05" in the office's time zone."""
    if isinstance(value, dt.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.strftime("%d/%m/%Y %H:%M")
    return vn_date(value)


@register.filter
def vn_name(user: Any) -> str:
    """A person's name in Vietnamese order (family name first): "Nguyễn Thị Lan"."""
    if user is None:
        return ""
    full = f"{getattr(user, 'last_name', '')} {getattr(user, 'first_name', '')}".strip()
    return full or str(getattr(user, "username", user))
