"""Fixtures of the intake tests: archives written by ``capuy synth --archive`` (real DOCX, PDF,
.doc, .odt, scans and photos made by capuy's renderer, LibreOffice, pdftoppm and Pillow) and
a town with the committee terms and bodies an old archive needs."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from capuy.orgs.models import Body, CommitteeTerm
from tests.web.conftest import Tree


def manifest(folder: Path) -> dict[str, dict[str, Any]]:
    return {e["path"]: e for e in json.loads((folder / "manifest.json").read_text("utf-8"))}


@pytest.fixture(scope="session")
def small_archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One file of each kind (needs LibreOffice and pdftoppm), written once per session."""
    if shutil.which("soffice") is None or shutil.which("pdftoppm") is None:
        pytest.skip("LibreOffice / pdftoppm not installed (make system-deps)")
    from capuy.archive.synth import write_archive

    target = tmp_path_factory.mktemp("kho") / "kho-nho"
    write_archive(target, size="small", seed=2024)
    return target


@pytest.fixture(scope="session")
def docx_archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Sixteen Unicode DOCX plus the seeds, copies and litter: no LibreOffice needed."""
    from capuy.archive.synth import write_archive

    target = tmp_path_factory.mktemp("kho") / "kho-docx"
    write_archive(target, size="full", count=16, seed=7, formats=("docx",))
    return target


def add_old_terms(tree: Tree) -> None:
    """Khóa XVIII–XX of the town, so documents from 2005 on can be filed as outgoing."""
    for ordinal, start, end in ((18, 2005, 2010), (19, 2010, 2015), (20, 2015, 2020)):
        CommitteeTerm.objects.create(
            organisation=tree.town,
            ordinal=ordinal,
            start_year=start,
            end_year=end,
            start_date=dt.date(start, 1, 1) if ordinal == 18 else dt.date(start, 8, 1),
            end_date=dt.date(end, 7, 31),
        )


@pytest.fixture
def archive_town(tree: Tree) -> Tree:
    """The tree of ``tests/web/conftest.py`` with old terms and the Ban Tổ chức."""
    add_old_terms(tree)
    Body.objects.create(organisation=tree.town, kind="ban_to_chuc", name="Ban Tổ chức Thị ủy")
    return tree
