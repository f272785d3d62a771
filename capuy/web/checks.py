"""Django system checks for the outside programs capuy needs (as paperless-ngx does).

A missing LibreOffice, Vietnamese-complete font or python3-uno does not stop the web app, but
PDF downloads would fail or be slow; ``manage.py check`` (and ``migrate``, which runs the
checks) says so up front, with the command that fixes it.
"""

from __future__ import annotations

from typing import Any

from django.core.checks import CheckMessage, Warning, register


@register("capuy")
def outside_programs(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    from capuy.render import check_libreoffice

    return [
        Warning(problem, hint="make system-deps", id="capuy.W001")
        for problem in check_libreoffice()
    ]
