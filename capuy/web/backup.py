"""``capuy backup`` and ``capuy restore``: the database and the attached files in one archive.

The archive is a ``.tar.gz`` holding ``manifest.json`` (engine, time, capuy version, table
counts), the database (``capuy.sqlite3`` made with SQLite's online backup API, consistent
while the server keeps running; or ``capuy.pgdump`` made by ``pg_dump -Fc``) and ``files/``
(attachments under ``DATA_DIR/files``) and ``data/``: everything else in the data folder that
is not rebuilt — the administrators' vocabulary overlay (``vocab/*.yaml``: the probe found its
edits lost by a backup and restore while the history said they were saved), and whatever a
later app keeps there. Left out: the database files (taken above), collected static files
(rebuilt by ``capuy serve``), the backups themselves (``sao-luu/``) and the secret key (a new
server makes its own; sessions simply start again). Restore checks the archive before touching
anything, then replaces the database (SQLite backup API into the live file; ``pg_restore
--clean``), the files and each backed-up folder of the data folder (``vocab/`` always, so a
restore also undoes later vocabulary edits). Progress is reported through a callback so the
CLI can draw a bar.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from capuy import __version__
from capuy.errors import InputError, MissingProgramError

Progress = Callable[[str, int, int], None]  # (stage, done, total)
MANIFEST = "manifest.json"
SQLITE_MEMBER = "capuy.sqlite3"
PG_MEMBER = "capuy.pgdump"


def _noop(stage: str, done: int, total: int) -> None:
    return None


def _settings() -> Any:
    from django.conf import settings

    return settings


def _pg_program(name: str) -> str:
    """pg_dump/pg_restore from PATH, else the newest Debian PostgreSQL's bin directory."""
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"))
    if candidates:
        return str(candidates[-1])
    raise MissingProgramError(
        f"Không tìm thấy {name}; hãy cài PostgreSQL client (make system-deps)",
        f"{name} not found; install the PostgreSQL client (make system-deps)",
    )


def _pg_env(cfg: dict[str, Any]) -> tuple[list[str], dict[str, str]]:
    """Connection arguments for pg_dump/pg_restore from Django's connection settings."""
    env = dict(os.environ)
    if cfg.get("PASSWORD"):
        env["PGPASSWORD"] = str(cfg["PASSWORD"])
    args = ["-h", str(cfg.get("HOST") or "localhost"), "-d", str(cfg["NAME"])]
    if cfg.get("PORT"):
        args += ["-p", str(cfg["PORT"])]
    if cfg.get("USER"):
        args += ["-U", str(cfg["USER"])]
    return args, env


def _run_pg(
    program: str,
    options: list[str],
    settings_dict: dict[str, Any],
    stage: str,
    progress: Progress,
    last: str | None = None,
) -> None:
    """Run ``pg_dump`` or ``pg_restore`` on the application's database (connection options
    from its settings, the password through the environment); its error in one line if it
    fails."""
    args, env = _pg_env(settings_dict)
    progress(stage, 0, 1)
    command = [_pg_program(program), *options, *args, *([last] if last else [])]
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        why = result.stderr.strip()[:300]
        raise InputError(f"{program} thất bại: {why}", f"{program} failed: {why}")
    progress(stage, 1, 1)


def _table_counts() -> dict[str, int]:
    """Row counts of capuy's own tables — written in the manifest, checked after a restore."""
    from django.apps import apps

    counts = {}
    for model in apps.get_models():
        if model.__module__.startswith("capuy."):
            counts[model._meta.label] = model._default_manager.count()
    return counts


def default_backup_path() -> Path:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    return Path(_settings().DATA_DIR) / "sao-luu" / f"capuy-{stamp}.tar.gz"


def _sqlite_snapshot(source: str, target: Path, progress: Progress) -> None:
    src = sqlite3.connect(source)
    dst = sqlite3.connect(target)
    try:

        def step(status: int, remaining: int, total: int) -> None:
            progress("Sao lưu cơ sở dữ liệu", total - remaining, total)

        src.backup(dst, pages=256, progress=step)
    finally:
        dst.close()
        src.close()


def _files_of(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.is_dir() else []


REBUILT = {"static", "sao-luu", "secret_key", "files"}
"""Top-level entries of the data folder never put in ``data/`` (see the module docstring)."""
ALWAYS_RESTORED = ("vocab",)
"""Folders a restore makes equal to the backup's, even when the backup had none."""


def _data_entries(data_dir: Path, skip: set[Path]) -> list[Path]:
    """Top-level entries of the data folder to back up (not rebuilt, not the database)."""
    if not data_dir.is_dir():
        return []
    found = []
    for entry in sorted(data_dir.iterdir()):
        name = entry.name
        if name in REBUILT or name.startswith("capuy.sqlite3") or name.endswith(".part"):
            continue
        if name.startswith("queue.sqlite3"):  # the job queue: the jobs themselves are in the DB
            continue
        if entry.resolve() in skip:
            continue
        found.append(entry)
    return found


def backup(path: Path | None = None, progress: Progress = _noop) -> Path:
    """Write a complete backup archive and return its path."""
    settings = _settings()
    from django.db import connection

    path = Path(path) if path else default_backup_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        if connection.vendor == "sqlite":
            member = SQLITE_MEMBER
            _sqlite_snapshot(str(connection.settings_dict["NAME"]), work / member, progress)
        elif connection.vendor == "postgresql":
            member = PG_MEMBER
            _run_pg(
                "pg_dump",
                ["-Fc", "--no-owner", "-f", str(work / member)],
                connection.settings_dict,
                "Sao lưu cơ sở dữ liệu (pg_dump)",
                progress,
            )
        else:
            raise InputError(
                f"Chưa hỗ trợ sao lưu cơ sở dữ liệu {connection.vendor}",
                f"backup of a {connection.vendor} database is not supported",
            )
        manifest = {
            "format": "capuy-backup/1",
            "capuy": __version__,
            "engine": connection.vendor,
            "created": dt.datetime.now(dt.UTC).isoformat(),
            "database": member,
            "tables": _table_counts(),
        }
        media = Path(settings.MEDIA_ROOT)
        files = _files_of(media)
        data_dir = Path(settings.DATA_DIR)
        skip = {media.resolve(), path.resolve(), path.parent.resolve()}
        entries = _data_entries(data_dir, skip)
        manifest["data"] = [e.name for e in entries]
        (work / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=2))
        partial = path.with_suffix(path.suffix + ".part")
        with tarfile.open(partial, "w:gz") as tar:
            tar.add(work / MANIFEST, arcname=MANIFEST)
            tar.add(work / member, arcname=member)
            for i, file in enumerate(files, start=1):
                tar.add(file, arcname=f"files/{file.relative_to(media).as_posix()}")
                progress("Sao lưu tệp đính kèm", i, len(files))
            for i, entry in enumerate(entries, start=1):
                tar.add(entry, arcname=f"data/{entry.name}")
                progress("Sao lưu thư mục dữ liệu", i, len(entries))
        partial.replace(path)
    return path


def _bad_archive(path: Path, why: str, why_en: str) -> InputError:
    return InputError(
        f"Tệp sao lưu không hợp lệ ({path.name}): {why}",
        f"not a valid capuy backup ({path.name}): {why_en}",
    )


def read_manifest(path: Path) -> dict[str, Any]:
    """The archive's manifest, after checking it is a capuy backup at all."""
    if not path.is_file():
        raise InputError(f"Không có tệp {path}", f"no such file: {path}")
    try:
        with tarfile.open(path, "r:gz") as tar:
            names = set(tar.getnames())
            member = tar.extractfile(MANIFEST) if MANIFEST in names else None
            if member is None:
                raise _bad_archive(path, "thiếu manifest.json", "manifest.json missing")
            manifest = json.load(member)
    except (tarfile.TarError, OSError, KeyError, json.JSONDecodeError, EOFError) as exc:
        raise _bad_archive(path, "không đọc được tệp nén", "unreadable archive") from exc
    if manifest.get("format") != "capuy-backup/1" or manifest.get("database") not in names:
        raise _bad_archive(path, "sai định dạng", "wrong format")
    for name in names:  # no absolute paths or parent references in members
        if name.startswith("/") or ".." in Path(name).parts:
            raise _bad_archive(path, f"đường dẫn không an toàn {name}", f"unsafe path {name}")
    return manifest


def _restore_sqlite(path: Path, database: Path, target: str, progress: Progress) -> None:
    """Check the archive's SQLite file, then copy it page by page over ``target``."""
    try:
        check = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
        ok = check.execute("PRAGMA integrity_check").fetchone()[0]
        check.close()
    except sqlite3.DatabaseError as exc:
        raise _bad_archive(path, "cơ sở dữ liệu hỏng", "corrupt database") from exc
    if ok != "ok":
        raise _bad_archive(path, "cơ sở dữ liệu hỏng", "corrupt database")
    src = sqlite3.connect(database)
    dst = sqlite3.connect(target, timeout=30)
    try:

        def step(status: int, remaining: int, total: int) -> None:
            progress("Khôi phục cơ sở dữ liệu", total - remaining, total)

        src.backup(dst, pages=256, progress=step)
    finally:
        dst.close()
        src.close()


def _restore_postgresql(database: Path, settings_dict: dict[str, Any], progress: Progress) -> None:
    """``pg_restore --clean --single-transaction``: all of the dump or nothing."""
    _run_pg(
        "pg_restore",
        ["--clean", "--if-exists", "--no-owner", "--single-transaction"],
        settings_dict,
        "Khôi phục cơ sở dữ liệu (pg_restore)",
        progress,
        last=str(database),
    )


def _restore_files(restored: Path, media: Path, progress: Progress) -> None:
    """The attached files as they were: the media folder emptied, then filled."""
    files = _files_of(restored)
    if media.exists():
        shutil.rmtree(media)
    media.mkdir(parents=True, exist_ok=True)
    for i, file in enumerate(files, start=1):
        target = media / file.relative_to(restored)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(file, target)
        progress("Khôi phục tệp đính kèm", i, len(files))


def restore(path: Path, progress: Progress = _noop) -> dict[str, Any]:
    """Replace the database and attached files with the archive's; returns the manifest.

    In order: the archive checked (format, safe paths, same engine), unpacked, the database
    replaced, then the attached files and the data folder."""
    settings = _settings()
    from django.db import connection, connections

    path = Path(path)
    manifest = read_manifest(path)
    if manifest["engine"] != connection.vendor:
        raise InputError(
            f"Bản sao lưu của {manifest['engine']} không khôi phục được vào {connection.vendor}",
            f"a {manifest['engine']} backup cannot be restored into {connection.vendor}",
        )
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        with tarfile.open(path, "r:gz") as tar:
            tar.extractall(work, filter="data")
        database = work / manifest["database"]
        connections.close_all()
        if connection.vendor == "sqlite":
            target = str(connection.settings_dict["NAME"])
            _restore_sqlite(path, database, target, progress)
        else:
            _restore_postgresql(database, connection.settings_dict, progress)
        _restore_files(work / "files", Path(settings.MEDIA_ROOT), progress)
        _restore_data(work / "data", Path(settings.DATA_DIR), manifest, progress)
    return manifest


def _restore_data(
    saved: Path, data_dir: Path, manifest: dict[str, Any], progress: Progress
) -> None:
    """Each backed-up entry of the data folder (and ``vocab/`` always) made as it was."""
    names = sorted(set(manifest.get("data") or []) | set(ALWAYS_RESTORED))
    for i, name in enumerate(names, start=1):
        if name in REBUILT or "/" in name or name in ("", ".", ".."):
            continue
        target = data_dir / name
        if target.is_dir() and not target.is_symlink():
            shutil.rmtree(target)
        elif target.exists() or target.is_symlink():
            target.unlink()
        source = saved / name
        if source.is_dir():
            shutil.copytree(source, target)
        elif source.is_file():
            shutil.copy2(source, target)
        progress("Khôi phục thư mục dữ liệu", i, len(names))
    from capuy import vocab

    vocab.reload()  # this process reads the restored overlay; the server's workers see its mtime
