"""Debian chromium through Playwright, shared by every browser test module.

Never a downloaded browser: ``/usr/bin/chromium`` with the flags that keep it off the network
(the machine has none but the package registries). Modules take the ``browser`` fixture and open
their own context (desktop or phone size) with ``new_tab``; ``MARKS`` is their ``pytestmark``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "browser"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}

MARKS = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian chromium not installed"),
]


@pytest.fixture
def browser(monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """One chromium for the test; the live server's Django runs beside Playwright's loop."""
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from django.db import connections
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
        # Playwright's sync API runs in its own greenlet context, and Django keeps one
        # connection per context: close the ones opened here, or PostgreSQL keeps a session
        # that stops the test database from being dropped
        connections.close_all()


def new_tab(
    browser: Any, viewport: dict[str, int] = DESKTOP, timeout_ms: int = 15000, **context: Any
) -> Any:
    """A page in a fresh Vietnamese-locale context of ``viewport`` size."""
    tab = browser.new_context(locale="vi-VN", viewport=viewport, **context).new_page()
    tab.set_default_timeout(timeout_ms)
    return tab
