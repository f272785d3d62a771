"""The database runs as configured: SQLite with WAL, busy_timeout, BEGIN IMMEDIATE; or PostgreSQL.

Also the Vietnamese formats every page relies on (dd/mm/yyyy, 1.044,9, "09").
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from decimal import Decimal

import pytest
from django.conf import settings
from django.db import connection, transaction
from django.template import Context, Template
from django.utils import formats, timezone

on_sqlite = pytest.mark.skipif(
    bool(settings.DATABASE_URL), reason="SQLite settings; this run uses CAPUY_DATABASE_URL"
)


@on_sqlite
@pytest.mark.django_db
@pytest.mark.parametrize(
    ("pragma", "expected"),
    [("journal_mode", "wal"), ("busy_timeout", 20000), ("foreign_keys", 1), ("synchronous", 1)],
)
def test_sqlite_pragmas_applied_on_every_connection(pragma: str, expected: object) -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"PRAGMA {pragma}")
        assert cursor.fetchone()[0] == expected


@on_sqlite
@pytest.mark.django_db(transaction=True)
def test_sqlite_transactions_take_the_write_lock_at_begin() -> None:
    """BEGIN IMMEDIATE: while a transaction is open, another writer cannot even begin."""
    other = sqlite3.connect(settings.DATABASES["default"]["NAME"], timeout=0)
    try:
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute("SELECT 1")  # nothing written yet
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
        other.execute("BEGIN IMMEDIATE")  # free again once the transaction ends
        other.rollback()
    finally:
        other.close()


@pytest.mark.skipif(not settings.DATABASE_URL, reason="only when CAPUY_DATABASE_URL is set")
@pytest.mark.django_db
def test_postgresql_when_database_url_is_set() -> None:
    assert connection.vendor == "postgresql"
    assert connection.pg_version >= 150000


def test_language_time_zone_and_security_settings() -> None:
    assert settings.LANGUAGE_CODE == "vi"
    assert settings.TIME_ZONE == "Asia/Ho_Chi_Minh"
    assert settings.SESSION_COOKIE_HTTPONLY and settings.CSRF_COOKIE_HTTPONLY
    assert "django.middleware.csrf.CsrfViewMiddleware" in settings.MIDDLEWARE
    assert settings.MIDDLEWARE[-1] == "axes.middleware.AxesMiddleware"
    assert settings.AUTHENTICATION_BACKENDS[0] == "axes.backends.AxesStandaloneBackend"


@pytest.mark.parametrize(
    ("template", "value", "expected"),
    [
        # seed 000/003 figures as reports write them
        ("{{ v|vn_number }}", Decimal("1044.9"), "1.044,9"),
        ("{{ v|vn_number }}", 4470, "4.470"),
        ("{{ v|vn_number:2 }}", Decimal("19.915"), "19,92"),
        ("{{ v|vn_count }}", 9, "09"),
        ("{{ v|vn_count }}", 6, "06"),
        ("{{ v|vn_count }}", 4470, "4.470"),
        ("{{ v|vn_percent }}", Decimal("19.92"), "19,92%"),
        ("{{ v|vn_date }}", dt.date(2024, 2, 26), "26/02/2024"),
        ("{{ v|vn_number }}", None, ""),
        ("{{ v|vn_count }}", "không phải số", "không phải số"),
    ],
)
def test_vietnamese_template_filters(template: str, value: object, expected: str) -> None:
    assert Template(template).render(Context({"v": value})) == expected


def test_vn_name_puts_the_family_name_first() -> None:
    from django.contrib.auth.models import User

    user = User(username="vanthu.ducpho", first_name="Lan", last_name="Nguyễn Thị")
    assert Template("{{ u|vn_name }}").render(Context({"u": user})) == "Nguyễn Thị Lan"
    assert Template("{{ u|vn_name }}").render(Context({"u": User(username="x")})) == "x"


def test_vn_date_uses_the_office_time_zone() -> None:
    # 23:30 UTC on 25/02 is already 26/02 in Hồ Chí Minh City (UTC+7)
    moment = dt.datetime(2024, 2, 25, 23, 30, tzinfo=dt.UTC)
    assert Template("{{ v|vn_date }}").render(Context({"v": moment})) == "26/02/2024"
    assert timezone.get_current_timezone_name() == "Asia/Ho_Chi_Minh"


def test_django_date_and_number_formats_are_vietnamese() -> None:
    assert formats.date_format(dt.date(2024, 2, 26)) == "26/02/2024"
    assert formats.number_format(Decimal("1044.9"), use_l10n=True, force_grouping=True) == "1.044,9"
