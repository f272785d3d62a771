"""Files in the media folder that no record points to, moved aside when the server starts.

An attachment is written to disk while its record is saved, inside the record's transaction;
if the process is killed (kill -9, power cut) after the write and before the commit, the
database rolls the record back but the file stays — an orphan nobody can reach. ``capuy
serve`` calls ``sweep_orphans()`` before the workers start (nothing is being uploaded then):
every file under ``MEDIA_ROOT`` not named by a ``FileField`` of any model is moved to
``MEDIA_ROOT/.mo-coi/`` (kept, not deleted: a person decides), and the count is reported.
"""

from __future__ import annotations

import shutil
from pathlib import Path

QUARANTINE = ".mo-coi"


def referenced_files() -> set[str]:
    from django.apps import apps
    from django.db import models

    names: set[str] = set()
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if isinstance(field, models.FileField):
                names.update(
                    model._default_manager.exclude(**{field.name: ""})
                    .values_list(field.name, flat=True)
                    .iterator()
                )
    return {n for n in names if n}


def find_orphans(media: Path) -> list[Path]:
    if not media.is_dir():
        return []
    known = referenced_files()
    return sorted(
        p
        for p in media.rglob("*")
        if p.is_file()
        and QUARANTINE not in p.relative_to(media).parts
        and p.relative_to(media).as_posix() not in known
    )


def sweep_orphans(media: Path | None = None) -> int:
    """Move the orphans to the quarantine folder; the number moved."""
    from django.conf import settings

    media = Path(media or settings.MEDIA_ROOT)
    moved = 0
    for path in find_orphans(media):
        target = media / QUARANTINE / path.relative_to(media)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(path), target)
        moved += 1
    return moved
