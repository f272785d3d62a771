"""``capuy serve`` runs gunicorn with the chosen defaults (cores + 1 processes, 4 threads
each, keep-alive 5 s: docs/decisions.md) and takes the ``--workers``/``--threads`` options and
the ``CAPUY_*`` variables over them — read from gunicorn's own configuration object, the one
``serve`` runs."""

from __future__ import annotations

import os

import pytest
from typer.testing import CliRunner

from capuy.cli import app
from capuy.web.server import gunicorn_app, server_options

VARIABLES = (
    "CAPUY_WORKERS",
    "CAPUY_THREADS",
    "CAPUY_KEEPALIVE",
    "CAPUY_WORKER_CLASS",
    "CAPUY_REUSE_PORT",
)


@pytest.fixture(autouse=True)
def no_server_variables(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in VARIABLES:
        monkeypatch.delenv(name, raising=False)


def configured(*args: object) -> object:
    return gunicorn_app(server_options(*args)).cfg  # type: ignore[arg-type]


def test_defaults_are_a_process_per_core_plus_one_four_threads_and_keep_alive() -> None:
    cfg = configured("127.0.0.1", 8631)
    assert cfg.workers == (os.cpu_count() or 1) + 1  # type: ignore[attr-defined]
    assert cfg.threads == 4  # type: ignore[attr-defined]
    assert cfg.keepalive == 5  # type: ignore[attr-defined]
    assert cfg.worker_class_str == "gthread"  # type: ignore[attr-defined]
    assert cfg.reuse_port is False  # type: ignore[attr-defined]
    assert cfg.bind == ["127.0.0.1:8631"]  # type: ignore[attr-defined]


def test_the_variables_override_the_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CAPUY_WORKERS", "5")
    monkeypatch.setenv("CAPUY_THREADS", "2")
    monkeypatch.setenv("CAPUY_KEEPALIVE", "0")
    monkeypatch.setenv("CAPUY_REUSE_PORT", "1")
    cfg = configured("::1", 8632)
    assert (cfg.workers, cfg.threads, cfg.keepalive) == (5, 2, 0)  # type: ignore[attr-defined]
    assert cfg.reuse_port is True  # type: ignore[attr-defined]
    assert cfg.bind == ["[::1]:8632"]  # type: ignore[attr-defined]


def test_the_arguments_override_the_variables(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CAPUY_WORKERS", "3")
    monkeypatch.setenv("CAPUY_THREADS", "4")
    cfg = configured("127.0.0.1", 8633, 7, 1)
    assert (cfg.workers, cfg.threads) == (7, 1)  # type: ignore[attr-defined]


def test_the_sync_worker_is_kept_with_one_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CAPUY_WORKER_CLASS", "sync")
    monkeypatch.setenv("CAPUY_THREADS", "4")  # gunicorn would silently make it gthread
    cfg = configured("127.0.0.1", 8634)
    assert cfg.worker_class_str == "sync"  # type: ignore[attr-defined]
    assert cfg.threads == 1  # type: ignore[attr-defined]


def test_capuy_serve_offers_workers_and_threads() -> None:
    result = CliRunner().invoke(app, ["serve", "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "--workers" in result.output and "--threads" in result.output
