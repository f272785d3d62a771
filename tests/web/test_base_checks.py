"""The web app's system check reports a missing LibreOffice before a PDF download fails."""

from __future__ import annotations

from django.core.checks import run_checks

from capuy.render.pdf import find_uno_python


def capuy_messages():
    return [m for m in run_checks(tags=["capuy"]) if m.id == "capuy.W001"]


def test_silent_when_libreoffice_is_installed():
    assert capuy_messages() == []


def test_missing_libreoffice_is_a_warning_with_the_fix(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))  # an empty PATH: no soffice, no libreoffice
    monkeypatch.delenv("CAPUY_SOFFICE", raising=False)
    messages = capuy_messages()
    assert len(messages) == 1
    assert "LibreOffice" in messages[0].msg and "Không tìm thấy" in messages[0].msg
    assert messages[0].hint == "make system-deps"


def test_missing_uno_python_is_a_warning(monkeypatch):
    monkeypatch.setattr("capuy.render.checks.find_uno_python", lambda: None)
    assert find_uno_python() is not None  # the real machine has it; the check sees it gone
    [message] = capuy_messages()
    assert "python3-uno" in message.msg
