"""The search app's public functions: index a record, search as a user, rebuild the index.

``search(user, text, filters, page)`` builds ONE queryset of ``SearchEntry``: the user's scope
(organisations visible to them, the record kinds their roles open, classification ≤ their
clearance) AND the full-text match AND the chosen facets. The page of results, the total and
every facet count are read from that same queryset, so nothing the user may not see can be
returned, counted or quoted in a snippet (snippets are cut from the rows of the page).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.db.models import Q, QuerySet

from capuy.accounts.access import clearance_of, has_role, visible_organisations
from capuy.accounts.levels import Classification
from capuy.search.backends import backend
from capuy.search.backends import base as engine_base
from capuy.search.backends.base import IndexText
from capuy.search.facets import Facet, counted, pool_counts
from capuy.search.models import SearchEntry, SearchText
from capuy.search.query import ParsedQuery, parse, symbol_key
from capuy.search.registry import Entry, SearchProvider, kind_labels, provider_for, providers
from capuy.search.snippets import highlight, snippet
from capuy.search.tokens import SCOPE_ORGS, SCOPE_SHARE, entry_tokens, narrowing

PER_PAGE = 20
EXACT_FACETS = 2000  # above: the facets count the ranked pool (the newest 1000), said so
TOTAL_CAP = 2000  # above: "hơn 2.000 kết quả" — the one read of the matches stops there
MAX_PAGE = 50
FILTER_FIELDS = {"kind": str, "type_code": str, "year": int, "classification": int, "issuer": str}


def _index_text(entry_id: int, entry: Entry, kind: str) -> IndexText:
    date_words = f"{entry.date:%d/%m/%Y} {entry.date.year}" if entry.date else ""
    title = " ".join(
        p
        for p in (entry.symbol, entry.title, entry.type_name, entry.issuer, date_words, entry.meta)
        if p
    )
    tokens = entry_tokens(
        kind,
        entry.organisation_id,
        int(entry.classification or 0),
        entry.type_code,
        entry.date.year if entry.date else None,
    )
    return IndexText(entry_id, title, entry.body, tuple(tokens))


def _fields(entry: Entry) -> dict[str, Any]:
    return {
        "organisation_id": entry.organisation_id,
        "classification": int(entry.classification or 0),
        "url": entry.url,
        "date": entry.date,
        "year": entry.date.year if entry.date else None,
        "symbol": entry.symbol,
        "symbol_key": symbol_key(entry.symbol)[:80],
        "type_code": entry.type_code,
        "type_name": entry.type_name,
        "issuer": entry.issuer[:300],
    }


def index_object(record: Any, provider: SearchProvider | None = None) -> None:
    """Write (or remove, when the provider no longer indexes it) the entry of one record."""
    provider = provider or provider_for(type(record))
    if provider is None:
        return
    entry = provider.entry(record)
    if entry is None:
        remove_object(provider, record.pk)
        return
    with transaction.atomic():
        row, _ = SearchEntry.objects.update_or_create(
            kind=provider.kind, object_id=record.pk, defaults=_fields(entry)
        )
        SearchText.objects.update_or_create(
            entry=row, defaults={"title": entry.title, "body": entry.body}
        )
        backend().write([_index_text(row.pk, entry, provider.kind)])


def remove_object(provider: SearchProvider, pk: Any) -> None:
    with transaction.atomic():
        ids = list(
            SearchEntry.objects.filter(kind=provider.kind, object_id=pk).values_list(
                "pk", flat=True
            )
        )
        if ids:
            backend().delete(ids)
            SearchText.objects.filter(entry_id__in=ids).delete()
            SearchEntry.objects.filter(pk__in=ids).delete()


def rebuild(
    progress: Callable[[str, int, int], None] | None = None, batch: int = 1000
) -> dict[str, int]:
    """Empty the index and fill it again from every provider's records; counts by kind."""
    engine = backend()
    counts: dict[str, int] = {}
    with transaction.atomic():
        engine.clear()
        SearchText.objects.all().delete()
        SearchEntry.objects.all().delete()
    for provider in providers():
        records = provider.queryset()
        total = records.count()
        done = 0
        counts[provider.kind] = 0
        if progress:
            progress(provider.label, 0, total)
        for chunk in _chunks(records.order_by("pk").iterator(chunk_size=batch), batch):
            pairs = [(r.pk, e) for r in chunk if (e := provider.entry(r)) is not None]
            with transaction.atomic():
                rows = SearchEntry.objects.bulk_create(
                    [SearchEntry(kind=provider.kind, object_id=pk, **_fields(e)) for pk, e in pairs]
                )
                if any(row.pk is None for row in rows):  # backends that return no ids
                    ids = dict(
                        SearchEntry.objects.filter(
                            kind=provider.kind, object_id__in=[pk for pk, _ in pairs]
                        ).values_list("object_id", "pk")
                    )
                    for row in rows:
                        row.pk = ids[row.object_id]
                SearchText.objects.bulk_create(
                    [
                        SearchText(entry_id=row.pk, title=e.title, body=e.body)
                        for row, (_, e) in zip(rows, pairs, strict=True)
                    ]
                )
                engine.write(
                    [
                        _index_text(row.pk, e, provider.kind)
                        for row, (_, e) in zip(rows, pairs, strict=True)
                    ]
                )
            done += len(chunk)
            counts[provider.kind] += len(pairs)
            if progress:
                progress(provider.label, done, total)
    if hasattr(engine, "optimize"):
        engine.optimize()
    return counts


def _chunks(items: Iterable[Any], size: int) -> Iterable[list[Any]]:
    chunk: list[Any] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def visible_kinds(user: Any) -> list[str]:
    """The record kinds whose providers' roles the user holds (somewhere)."""
    return [p.kind for p in providers() if not p.roles or has_role(user, *p.roles)]


UNCLASSIFIED_ONLY = object()
"""Pass as the user to search every organisation's unclassified records (the command line
without ``--user``: whoever runs it on the server holds the database anyway, but a secret
document is still never printed)."""


def scoped_entries(user: Any) -> QuerySet[SearchEntry]:
    """Every entry the user may find — the same rules as ``capuy.accounts.access``."""
    if user is UNCLASSIFIED_ONLY:
        return SearchEntry.objects.filter(classification=Classification.NORMAL)
    if user is None or not user.is_authenticated or not user.is_active:
        return SearchEntry.objects.none()
    kinds = visible_kinds(user)
    if not kinds:
        return SearchEntry.objects.none()
    condition = Q(kind__in=kinds, classification__lte=clearance_of(user))
    if not user.is_superuser:
        condition &= Q(organisation_id__in=visible_organisations(user).values("pk"))
    return SearchEntry.objects.filter(condition)


def _narrow_organisations(user: Any) -> list[int] | None:
    """The ids of the organisations a user sees, when they are few (at most ``SCOPE_ORGS``,
    and at most one in ``SCOPE_SHARE`` of all): their tokens then narrow the engine's walk.
    ``None`` for everyone else — narrowing to most of the index costs more than it saves."""
    if user is UNCLASSIFIED_ONLY or user is None or getattr(user, "is_superuser", False):
        return None
    if not getattr(user, "is_authenticated", False):
        return None
    visible = visible_organisations(user)
    ids = list(visible.values_list("pk", flat=True)[: SCOPE_ORGS + 1])
    if len(ids) > SCOPE_ORGS or len(ids) * SCOPE_SHARE > visible.model.objects.count():
        return None
    return ids


@dataclass
class Hit:
    kind: str
    kind_label: str
    title: Any  # safe HTML, words highlighted
    snippet: Any
    url: str
    date: Any
    symbol: str
    type_name: str
    issuer: str
    classification: int
    score: float

    @property
    def classification_label(self) -> str:
        return str(dict(Classification.choices).get(self.classification, ""))

    def as_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "title": str(self.title),
            "snippet": str(self.snippet),
            "url": self.url,
            "date": self.date.isoformat() if self.date else None,
            "symbol": self.symbol,
            "type": self.type_name,
            "issuer": self.issuer,
            "classification": self.classification,
            "score": round(self.score, 4),
        }


@dataclass
class SearchResults:
    query: ParsedQuery
    hits: list[Hit] = field(default_factory=list)
    total: int = 0
    page: int = 1
    pages: int = 0
    facets: list[Facet] = field(default_factory=list)
    facets_counted: int = 0  # how many matches the facet counts are over (≤ total)
    total_exact: bool = True  # False: more than ``total`` (= TOTAL_CAP) matches, not counted

    def as_json(self) -> dict[str, Any]:
        return {
            "total": self.total,
            "page": self.page,
            "pages": self.pages,
            "facets_counted": self.facets_counted,
            "total_exact": self.total_exact,
            "results": [h.as_json() for h in self.hits],
            "facets": {
                f.field: [{"value": v, "label": label, "count": n} for v, label, n in f.values]
                for f in self.facets
            },
        }


def clean_filters(raw: dict[str, Any]) -> dict[str, Any]:
    """Facet filters from a query string: known fields, values of the right type, else dropped."""
    cleaned: dict[str, Any] = {}
    for name, kind in FILTER_FIELDS.items():
        value = raw.get(name)
        if value in (None, ""):
            continue
        try:
            cleaned[name] = kind(str(value)[:300])
        except ValueError:
            continue
    return cleaned


def search(
    user: Any,
    text: str,
    filters: dict[str, Any] | None = None,
    page: int = 1,
    per_page: int = PER_PAGE,
) -> SearchResults:
    query = parse(text)
    results = SearchResults(query=query, page=max(1, min(int(page), MAX_PAGE)))
    if query.empty:
        return results
    engine = backend()
    qs = scoped_entries(user)
    chosen = clean_filters(filters or {})
    for name, value in chosen.items():
        qs = qs.filter(**{name: value})
    organisations = _narrow_organisations(user)
    narrow = narrowing(organisations, chosen)
    start = (results.page - 1) * per_page
    matches = engine.match(qs, query, narrow)
    # one statement, the newest EXACT_FACETS + 1 matches: the total and exact facets up to
    # EXACT_FACETS; above it the total is "more than TOTAL_CAP" (counted alone if the cap is
    # above EXACT_FACETS) and the facets count the ranking pool (the newest POOL)
    # few: a symbol, or a few organisations' entries — one statement reads them all cheaper
    # than the slices of a common word (PostgreSQL's ``newest``)
    few = bool(query.symbol) or organisations is not None
    rows = engine.newest(matches, EXACT_FACETS + 1, few=few)
    results.total = len(rows)
    counted_rows = rows if len(rows) <= EXACT_FACETS else rows[: engine_base.POOL]
    results.facets, results.facets_counted = counted(
        pool_counts([r.facets() for r in counted_rows])
    )
    if results.total > EXACT_FACETS and TOTAL_CAP > EXACT_FACETS:
        results.total = matches.order_by()[: TOTAL_CAP + 1].count()
    if results.total > TOTAL_CAP:
        results.total, results.total_exact = TOTAL_CAP, False
    results.pages = math.ceil(results.total / per_page) if results.total else 0
    if not results.total:
        return results
    ranked = engine.ranked(qs, query, rows, start, per_page, narrow)
    results.hits = _hits(ranked, query)
    return results


def _hits(ranked: list[tuple[int, float]], query: ParsedQuery) -> list[Hit]:
    """The page's hits in ranked order: the entries' short fields, their title and body
    highlighted and cut into a snippet."""
    hits: list[Hit] = []
    ids = [pk for pk, _ in ranked]
    texts = {
        t["entry_id"]: t
        for t in SearchText.objects.filter(entry_id__in=ids).values("entry_id", "title", "body")
    }
    by_id = {
        row["id"]: {**row, **texts.get(row["id"], {"title": "", "body": ""})}
        for row in SearchEntry.objects.filter(id__in=ids).values(
            "id", "kind", "url", "date", "symbol", "type_name", "issuer", "classification"
        )
    }
    rows = [{**by_id[pk], "score": score} for pk, score in ranked if pk in by_id]
    labels = kind_labels()
    words = query.words
    for row in rows:
        hits.append(
            Hit(
                kind=row["kind"],
                kind_label=labels.get(row["kind"], row["kind"]),
                title=highlight(row["title"], words),
                snippet=snippet(row["body"], words),
                url=row["url"],
                date=row["date"],
                symbol=row["symbol"],
                type_name=row["type_name"],
                issuer=row["issuer"],
                classification=row["classification"],
                score=float(row["score"] or 0),
            )
        )
    return hits
