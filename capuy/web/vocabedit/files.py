"""Vetting and writing one vocabulary overlay file (no HTTP here; the views call this).

A candidate text is refused unless it parses as YAML, every entry keeps a known source
(``capuy.vocab.loader.check_sources``) and the typed loaders that read the file still build
their lists from it — tried on the real overlay under a lock and rolled back on failure, so a
bad file never stays in place.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml

import capuy.vocab as vocab
from capuy.orgs.kinds import body_kinds, org_kinds
from capuy.text.normalize import nfc
from capuy.vocab.loader import check_sources, overlay_path, packaged_text


def _document_types() -> None:
    vocab.document_types("party")
    vocab.document_types("state")
    vocab.symbol_forms()
    vocab.types_for_word("Nghị quyết")


def _terms() -> None:
    for body in vocab.BODIES:
        vocab.terms(body)


def _report_periods() -> None:
    vocab.report_periods()
    vocab.window_rules()


def _organisations() -> None:
    org_kinds()
    body_kinds()


@dataclass(frozen=True)
class VocabFile:
    name: str
    title: str
    build: Callable[[], object]


FILES: dict[str, VocabFile] = {
    f.name: f
    for f in (
        VocabFile("document_types", "Thể loại văn bản và ký hiệu", _document_types),
        VocabFile("issuers", "Ký hiệu cơ quan ban hành", vocab.issuers),
        VocabFile("terms", "Nhiệm kỳ", _terms),
        VocabFile("report_periods", "Kỳ báo cáo", _report_periods),
        VocabFile("organisations", "Loại tổ chức đảng và cơ quan của cấp ủy", _organisations),
    )
}

_LOCK = threading.Lock()


class VocabError(ValueError):
    """A refused candidate; the message is Vietnamese and shown under the textarea."""


def _overlay(name: str) -> Path:
    path = overlay_path(name)
    if path is None:
        raise VocabError("Chưa cấu hình thư mục danh mục sửa đổi (CAPUY_VOCAB_DIR).")
    return path


def is_overridden(name: str) -> bool:
    path = overlay_path(name)
    return path is not None and path.is_file()


def current_text(name: str) -> str:
    """The text in force: the overlay's when there is one, else the packaged file's."""
    path = overlay_path(name)
    if path is not None and path.is_file():
        return path.read_text(encoding="utf-8")
    return packaged_text(name)


def vet(name: str, text: str) -> None:
    """Raise ``VocabError`` when the text is not valid YAML or an entry lacks a known source."""
    try:
        data = yaml.safe_load(nfc(text))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        where = f" ở dòng {mark.line + 1}, cột {mark.column + 1}" if mark is not None else ""
        raise VocabError(f"Lỗi cú pháp YAML{where}: {problem}.") from exc
    try:
        check_sources(data, f"{name}.yaml")
    except ValueError as exc:
        raise VocabError(
            f"Mỗi mục phải ghi nguồn (source) là khóa có trong 'sources' — {exc}"
        ) from exc


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".yaml.tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def save(name: str, text: str) -> str:
    """Vet, write the overlay and check the loaders read it; return the text it replaced."""
    file = FILES[name]
    text = nfc(text.replace("\r\n", "\n"))
    vet(name, text)
    path = _overlay(name)
    with _LOCK:
        before = current_text(name)
        previous = path.read_text(encoding="utf-8") if path.is_file() else None
        _write(path, text)
        vocab.reload()
        try:
            file.build()
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            if previous is None:
                path.unlink()
            else:
                _write(path, previous)
            vocab.reload()
            raise VocabError(
                f"Danh mục không đọc được theo cấu trúc của tệp {name}.yaml: "
                f"{type(exc).__name__}: {exc}"
            ) from exc
    return before


def restore(name: str) -> str:
    """Remove the overlay so the packaged file is in force again; return the text it replaced."""
    path = _overlay(name)
    with _LOCK:
        before = current_text(name)
        path.unlink(missing_ok=True)
        vocab.reload()
    return before
