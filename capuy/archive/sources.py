"""Where the files come from: a folder tree, or a ZIP unpacked safely into a scratch folder.

A ZIP from outside is hostile until proven otherwise: a member named ``../../etc/x`` or
``/etc/x`` (path traversal), a symlink member, ten thousand tiny members or a 40 KB member that
inflates to 4 GB (a ZIP bomb) must stop the import with a clear reason before anything is
written. Sizes are checked while copying, not only from the headers (which can lie).

Names written by Vietnamese Windows (no UTF-8 flag) are decoded back from cp437 to UTF-8 or,
failing that, cp1258, so "Báo cáo tháng 2.docx" keeps its name in the report.
"""

from __future__ import annotations

import os
import shutil
import stat
import unicodedata
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from capuy.archive.formats import is_ignored
from capuy.errors import InputError
from capuy.read import MAX_FILE_BYTES

MAX_MEMBERS = 20_000
"""More files than any one office's archive upload; beyond it a ZIP is refused."""
MAX_TOTAL_BYTES = 4 * 1024**3
"""4 GB unpacked: twenty years of an office's files, far below any disk it runs on."""
MAX_RATIO = 200
"""A member that inflates more than 200× (and to over 1 MB) is treated as a ZIP bomb."""
_COPY_CHUNK = 1024 * 1024


@dataclass(frozen=True)
class SourceFile:
    """One file to import: ``relpath`` is what the report shows (POSIX, NFC)."""

    relpath: str
    path: Path


def walk_folder(root: Path) -> Iterator[SourceFile]:
    """Every regular file under ``root``, sorted, symlinks and system litter left out."""
    for directory, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames.sort()
        for name in sorted(filenames):
            path = Path(directory) / name
            if path.is_symlink() or is_ignored(path):
                continue
            rel = path.relative_to(root).as_posix()
            yield SourceFile(unicodedata.normalize("NFC", rel), path)


def _member_name(info: zipfile.ZipInfo) -> str:
    name = info.filename
    if not info.flag_bits & 0x800:  # no UTF-8 flag: zipfile decoded the bytes as cp437
        raw = name.encode("cp437", errors="replace")
        for encoding in ("utf-8", "cp1258"):
            try:
                name = raw.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
    return unicodedata.normalize("NFC", name.replace("\\", "/"))


def _safe_relative(name: str, source: str) -> PurePosixPath:
    path = PurePosixPath(name)
    if path.is_absolute() or ".." in path.parts or (path.parts and ":" in path.parts[0]):
        raise InputError(
            f"Tệp ZIP có mục trỏ ra ngoài thư mục ({name}), không nhập: {source}",
            f"ZIP member escapes its folder ({name}), refused: {source}",
        )
    return path


def check_zip(archive: zipfile.ZipFile, source: str) -> list[tuple[zipfile.ZipInfo, str]]:
    """The members to unpack (files only, with their decoded names); ``InputError`` for a
    traversal, a symlink, too many members, too many bytes or a ZIP bomb."""
    infos = archive.infolist()
    if len(infos) > MAX_MEMBERS:
        raise InputError(
            f"Tệp ZIP có {len(infos)} mục, quá giới hạn {MAX_MEMBERS}: {source}",
            f"ZIP has {len(infos)} members, over the limit of {MAX_MEMBERS}: {source}",
        )
    members: list[tuple[zipfile.ZipInfo, str]] = []
    total = 0
    for info in infos:
        name = _member_name(info)
        _safe_relative(name, source)
        mode = info.external_attr >> 16
        if stat.S_ISLNK(mode):
            raise InputError(
                f"Tệp ZIP chứa liên kết tượng trưng ({name}), không nhập: {source}",
                f"ZIP holds a symbolic link ({name}), refused: {source}",
            )
        if info.is_dir():
            continue
        if info.flag_bits & 0x1:
            raise InputError(
                f"Tệp ZIP được đặt mật khẩu ({name}): {source}",
                f"ZIP is password-protected ({name}): {source}",
            )
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > 1024 * 1024 and ratio > MAX_RATIO:
            raise InputError(
                f"Tệp ZIP có mục nén bất thường ({name}, {ratio:.0f} lần), nghi bom ZIP: {source}",
                f"ZIP member inflates {ratio:.0f}× ({name}), a likely ZIP bomb: {source}",
            )
        total += info.file_size
        if total > MAX_TOTAL_BYTES:
            raise InputError(
                f"Tệp ZIP giải nén quá {MAX_TOTAL_BYTES // 1024**3} GB: {source}",
                f"ZIP unpacks to over {MAX_TOTAL_BYTES // 1024**3} GB: {source}",
            )
        members.append((info, name))
    return members


def unpack_zip(zip_path: Path, target: Path) -> list[str]:
    """Unpack ``zip_path`` into ``target`` after ``check_zip``; returns the names of members
    over the reader's size limit, which are not unpacked (the report lists them as too large).
    Sizes are counted while copying, since a member's header can lie about them."""
    source = str(zip_path)
    try:
        archive = zipfile.ZipFile(zip_path)
    except (zipfile.BadZipFile, OSError) as error:
        raise InputError(
            f"Tệp ZIP hỏng hoặc không mở được: {source}", f"corrupt or unreadable ZIP: {source}"
        ) from error
    oversized: list[str] = []
    with archive:
        members = check_zip(archive, source)
        written = 0
        for info, name in members:
            if is_ignored(name):
                continue
            if info.file_size > MAX_FILE_BYTES:
                oversized.append(name)
                continue
            dest = target.joinpath(*_safe_relative(name, source).parts)
            dest.parent.mkdir(parents=True, exist_ok=True)
            copied = 0
            with archive.open(info) as src, open(dest, "wb") as out:
                while chunk := src.read(_COPY_CHUNK):
                    copied += len(chunk)
                    written += len(chunk)
                    if written > MAX_TOTAL_BYTES:
                        raise InputError(
                            f"Tệp ZIP giải nén quá {MAX_TOTAL_BYTES // 1024**3} GB: {source}",
                            f"ZIP unpacks to over {MAX_TOTAL_BYTES // 1024**3} GB: {source}",
                        )
                    if copied > MAX_FILE_BYTES:
                        break
                    out.write(chunk)
            if copied > MAX_FILE_BYTES:
                dest.unlink()
                oversized.append(name)
    return oversized


def is_zip(path: Path) -> bool:
    return path.is_file() and path.suffix.lower() == ".zip"


def remove_tree(path: Path) -> None:
    shutil.rmtree(path, ignore_errors=True)
