"""Keep the index current: a provider's model saved or deleted → its entry written or removed.

The handlers run inside the caller's transaction (Django sends ``post_save`` before the
``transaction.atomic`` block of the view or service that saved the record ends), so the record
and its entry are committed — or rolled back — together. ``raw`` saves (fixtures) are skipped:
``capuy search --rebuild`` indexes them.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from django.db.models.signals import post_delete, post_save

if TYPE_CHECKING:
    from capuy.search.registry import SearchProvider


def _saved(
    provider: SearchProvider, sender: Any, instance: Any, raw: bool = False, **_: Any
) -> None:
    if raw:
        return
    from capuy.search.service import index_object

    index_object(instance, provider)


def _deleted(provider: SearchProvider, sender: Any, instance: Any, **_: Any) -> None:
    from capuy.search.service import remove_object

    remove_object(provider, instance.pk)


def _touched(
    provider: SearchProvider, related: Any, sender: Any, instance: Any, raw: bool = False, **_: Any
) -> None:
    if raw:
        return
    from capuy.search.service import index_object

    for record in related(instance):
        if record is not None and record.pk is not None:
            index_object(record, provider)


def connect(provider: SearchProvider) -> None:
    uid = f"capuy-search-{provider.kind}"
    post_save.connect(
        partial(_saved, provider), sender=provider.model, weak=False, dispatch_uid=f"{uid}-save"
    )
    post_delete.connect(
        partial(_deleted, provider), sender=provider.model, weak=False, dispatch_uid=f"{uid}-delete"
    )
    for index, (model, related) in enumerate(provider.touches):
        handler = partial(_touched, provider, related)
        post_save.connect(
            handler, sender=model, weak=False, dispatch_uid=f"{uid}-touch-save-{index}"
        )
        post_delete.connect(
            handler, sender=model, weak=False, dispatch_uid=f"{uid}-touch-delete-{index}"
        )
