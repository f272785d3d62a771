"""Every text a capuy record keeps is in Unicode NFC, whatever typed it.

Vietnamese typed on some systems (macOS, some phones, text pasted from PDFs) arrives
decomposed (NFD): "Ư" as "U" + combining horn. Stored as typed, it compares unequal to the
same word typed elsewhere — the probe registered ``55-CV/BTGTƯ`` in NFD and could not link to
it in NFC. Web input is put in NFC by ``capuy.web.hardening.BoundedInputMiddleware``; this
``pre_save`` hook does the same for every other way in (commands, imports, the admin, demo
data), on every ``CharField`` and ``TextField`` of every capuy model. The comparisons that must
also ignore tone placement (hòa/hoà) go through ``capuy.text.same_text``/``search_key``.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from django.db import models
from django.db.models.signals import pre_save


def _to_nfc(sender: type[models.Model], instance: models.Model, **_: Any) -> None:
    if not sender.__module__.startswith("capuy."):
        return
    for field in sender._meta.concrete_fields:
        if isinstance(field, models.CharField | models.TextField):
            value = getattr(instance, field.attname, None)
            if isinstance(value, str) and not unicodedata.is_normalized("NFC", value):
                setattr(instance, field.attname, unicodedata.normalize("NFC", value))


def connect() -> None:
    pre_save.connect(_to_nfc, dispatch_uid="capuy-text-nfc")
