"""Search providers: the slot through which record apps put their records into the index.

A record app registers, in its ``AppConfig.ready()``::

    from capuy.search.registry import Entry, SearchProvider, register_provider

    register_provider(SearchProvider(
        kind="member", label="Đảng viên", model=Member,
        entry=lambda m: Entry(title=m.full_name, body=m.organisation.name,
                              organisation_id=m.organisation_id, url=f"/dang-vien/{m.pk}/"),
        queryset=lambda: Member.objects.select_related("organisation"),
        roles=READ_ROLES, order=40))

Registering connects ``post_save``/``post_delete`` of ``model`` (and of each model in
``touches``, whose function names the records to index again) to the index, so the index is
written in the same database transaction as the record. ``roles`` are the roles a user needs on
an organisation to find this kind there (empty: anyone who may see the organisation);
``classification`` on the entry is compared with the user's clearance inside the query.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Model, QuerySet

__all__ = ["Entry", "SearchProvider", "provider_for", "providers", "register_provider"]


@dataclass(frozen=True)
class Entry:
    """What the index keeps of one record: shown text, the facets and who may see it."""

    title: str
    organisation_id: int
    url: str
    body: str = ""
    classification: int = 0
    date: dt.date | None = None
    symbol: str = ""
    type_code: str = ""
    type_name: str = ""
    issuer: str = ""
    meta: str = ""  # more searchable words shown nowhere (dates written out, the unit's name)


@dataclass(frozen=True)
class SearchProvider:
    kind: str
    label: str
    model: type[Model]
    entry: Callable[[Any], Entry | None]
    queryset: Callable[[], QuerySet[Any]]
    roles: tuple[str, ...] = ()
    order: int = 50
    touches: tuple[tuple[type[Model], Callable[[Any], Iterable[Model]]], ...] = field(
        default_factory=tuple
    )


_PROVIDERS: dict[str, SearchProvider] = {}


def register_provider(provider: SearchProvider) -> None:
    """Add (or replace, by kind) a provider and keep its records' index entries current."""
    from capuy.search import signals

    _PROVIDERS[provider.kind] = provider
    signals.connect(provider)


def providers() -> list[SearchProvider]:
    return sorted(_PROVIDERS.values(), key=lambda p: (p.order, p.kind))


def provider_for(model: type[Model]) -> SearchProvider | None:
    for provider in _PROVIDERS.values():
        if provider.model is model:
            return provider
    return None


def kind_labels() -> dict[str, str]:
    return {p.kind: p.label for p in providers()}
