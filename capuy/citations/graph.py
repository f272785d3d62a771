"""The neighbourhood of a document in the citation graph (two steps), as the user may see it,
and its drawing as SVG made on the server (no script: the page stays within the CSP)."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from capuy.citations.models import DocumentCitation
from capuy.documents.models import Document
from capuy.search.query import symbol_key

MAX_NODES = 24


def citing_rows(document: Document, visible: QuerySet[Document]) -> QuerySet[DocumentCitation]:
    """Citations of ``document`` in documents the user may see: resolved to it, or naming its
    symbol (with its date or none) — the same Central document registered twice is one node."""
    condition = Q(target=document)
    if document.symbol:
        key = symbol_key(document.symbol)
        condition |= Q(symbol_key=key, date__isnull=True) | Q(
            symbol_key=key, date=document.issued_on
        )
    return (
        DocumentCitation.objects.filter(condition, source__in=visible.values("pk"))
        .exclude(source=document)
        .select_related("source", "source__organisation")
    )


@dataclass
class Node:
    pk: int
    label: str
    title: str
    step: int
    x: float = 0.0
    y: float = 0.0
    parent: int | None = None


@dataclass
class Graph:
    nodes: dict[int, Node] = field(default_factory=dict)
    edges: set[tuple[int, int, str]] = field(default_factory=set)  # (source, target, relation)


def _label(d: Document) -> str:
    return d.symbol or d.type_name


def neighbourhood(document: Document, visible: QuerySet[Document]) -> Graph:
    graph = Graph()
    graph.nodes[document.pk] = Node(document.pk, _label(document), document.summary[:120], 0)
    frontier = [document]
    for step in (1, 2):
        next_frontier: list[Document] = []
        for current in frontier:
            outgoing = DocumentCitation.objects.filter(
                source=current, target__in=visible.values("pk")
            ).select_related("target")
            links = [(current, row.target, row.relation) for row in outgoing if row.target]
            links += [(row.source, current, row.relation) for row in citing_rows(current, visible)]
            for source, target, relation in links:
                if source is None or target is None:
                    continue
                other = target if source.pk == current.pk else source
                if other.pk not in graph.nodes:
                    if len(graph.nodes) >= MAX_NODES:
                        continue
                    graph.nodes[other.pk] = Node(
                        other.pk, _label(other), other.summary[:120], step, parent=current.pk
                    )
                    next_frontier.append(other)
                graph.edges.add((source.pk, target.pk, relation))
        frontier = next_frontier
    return graph


WIDTH, HEIGHT = 720, 480
RADII = {0: 0, 1: 140, 2: 215}


def _layout(graph: Graph) -> None:
    cx, cy = WIDTH / 2, HEIGHT / 2
    first = [n for n in graph.nodes.values() if n.step == 1]
    for i, node in enumerate(first):
        angle = 2 * math.pi * i / max(len(first), 1) - math.pi / 2
        node.x, node.y = cx + RADII[1] * math.cos(angle), cy + RADII[1] * math.sin(angle) * 0.8
    for node in graph.nodes.values():
        if node.step == 0:
            node.x, node.y = cx, cy
    second = [n for n in graph.nodes.values() if n.step == 2]
    by_parent: dict[int | None, list[Node]] = {}
    for node in second:
        by_parent.setdefault(node.parent, []).append(node)
    for parent_pk, children in by_parent.items():
        parent = graph.nodes.get(parent_pk) if parent_pk is not None else None
        base = math.atan2((parent.y - cy) / 0.8, parent.x - cx) if parent else 0.0
        for j, node in enumerate(children):
            angle = base + (j - (len(children) - 1) / 2) * 0.35
            node.x = cx + RADII[2] * math.cos(angle) * 1.45
            node.y = cy + RADII[2] * math.sin(angle) * 0.95


def svg(graph: Graph) -> SafeString:
    """The graph as an inline SVG: arrows from the citing to the cited document, coloured by
    relation (classes styled in citations.css), every node a link to its document."""
    if len(graph.nodes) < 2:
        return mark_safe("")
    _layout(graph)
    parts = [
        f'<svg class="citation-graph" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        'aria-label="Sơ đồ dẫn chiếu hai bước" xmlns="http://www.w3.org/2000/svg">',
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" '
        'markerHeight="7" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" '
        'class="arrow-head"/></marker></defs>',
    ]
    for source, target, relation in sorted(graph.edges):
        a, b = graph.nodes.get(source), graph.nodes.get(target)
        if a is None or b is None:
            continue
        dx, dy = b.x - a.x, b.y - a.y
        length = math.hypot(dx, dy) or 1
        shrink = 26 / length
        x1, y1 = a.x + dx * shrink, a.y + dy * shrink
        x2, y2 = b.x - dx * shrink, b.y - dy * shrink
        # a slight curve: a two-step edge never hides behind the one-step edges it crosses
        mx, my = (x1 + x2) / 2 - dy * 0.12, (y1 + y2) / 2 + dx * 0.12
        parts.append(
            f'<path class="edge rel-{escape(relation)}" d="M {x1:.1f} {y1:.1f} '
            f'Q {mx:.1f} {my:.1f} {x2:.1f} {y2:.1f}" marker-end="url(#arrow)"/>'
        )
    for node in graph.nodes.values():
        url = reverse("documents:detail", args=[node.pk])
        parts.append(
            f'<a href="{escape(url)}" class="node step-{node.step}"><title>{escape(node.title)}</title>'
            f'<circle cx="{node.x:.1f}" cy="{node.y:.1f}" r="{9 if node.step else 13}"/>'
            f'<text x="{node.x:.1f}" y="{node.y + 26:.1f}" text-anchor="middle">'
            f"{escape(node.label)}</text></a>"
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308  (every text escaped above)


def graph_svg(document: Document, visible: QuerySet[Document]) -> SafeString:
    return svg(neighbourhood(document, visible))
