"""The import graph of ``capuy`` has one direction: every import points down ``LAYERS``.

Each node is a top-level package or module of ``capuy`` (``capuy.members``, ``capuy.cli``),
except that three modules of ``capuy.web`` are nodes of their own because the record apps use
them: the registries ``web.home`` (home panels, menu) and ``web.demo`` (demo steps), and the
shared page kit ``web.records``. The rest of ``capuy.web`` (settings, URLs, views) sits on top.

A node may import only nodes of lower layers; two nodes of one layer must not import each other.
So an upward import fails, and a cycle between packages cannot exist (the test also looks for
cycles directly, so its message names them). Every import counts, at module level or inside a
function. A new package must be placed in ``LAYERS`` (and in the README's layout section,
``tests/test_architecture_docs.py``) — see ``docs/architecture.md``.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from functools import cache
from pathlib import Path

import pytest

CAPUY = Path(__file__).resolve().parents[1] / "capuy"

LAYERS: list[tuple[str, ...]] = [
    ("capuy", "errors", "text"),
    ("vocab",),
    ("model",),
    ("read",),
    ("extract",),
    ("check",),
    ("render",),
    ("api",),
    ("seeds",),
    ("web.home",),
    ("orgs",),
    ("stats",),
    ("accounts",),
    ("jobs",),
    ("formtokens", "search"),
    ("web.demo", "web.records"),
    ("documents",),
    ("incoming",),
    ("meetings",),
    ("members",),
    ("oversight", "petitions"),
    ("indicators",),
    ("reports",),
    ("citations", "handbook"),
    ("dues", "meetingroom"),
    ("web",),
    ("archive",),
    ("cli",),
    ("__main__",),
]
LAYER = {node: index for index, nodes in enumerate(LAYERS) for node in nodes}
WEB_NODES = {"web.home", "web.demo", "web.records"}
# The pure core: no Django, so it runs (and is tested) without a database or settings.
CORE = {"capuy", "errors", "text", "vocab", "model", "read", "extract", "check", "render", "api"}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(CAPUY.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def node_of(module: str) -> str | None:
    """The node a ``capuy…`` module belongs to (None outside capuy)."""
    parts = module.split(".")
    if parts[0] != "capuy":
        return None
    if len(parts) == 1:
        return "capuy"
    if parts[1] == "web" and len(parts) > 2 and f"web.{parts[2]}" in WEB_NODES:
        return f"web.{parts[2]}"
    return parts[1]


def _imports(path: Path) -> list[tuple[str, int]]:
    """Every module ``path`` imports (absolute names), with its line."""
    module = _module_name(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: list[tuple[str, int]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                name = ".".join(base + ([node.module] if node.module else []))
            else:
                name = node.module or ""
            found.append((name, node.lineno))
            # ``from capuy.web import home`` imports the module capuy.web.home
            found += [(f"{name}.{alias.name}", node.lineno) for alias in node.names]
    return found


@cache
def import_graph() -> tuple[dict[str, set[str]], list[str], list[str]]:
    """(node → nodes it imports, upward imports, core modules that import Django)."""
    graph: dict[str, set[str]] = defaultdict(set)
    upward: list[str] = []
    django_in_core: list[str] = []
    for path in sorted(CAPUY.rglob("*.py")):
        if "migrations" in path.parts:
            continue
        source = node_of(_module_name(path))
        assert source is not None
        for name, line in _imports(path):
            if name.split(".")[0] == "django" and source in CORE:
                django_in_core.append(f"{path.relative_to(CAPUY.parent)}:{line} imports {name}")
            target = node_of(name)
            if target is None or target == source:
                continue
            if source == "web" and name.startswith("capuy.web.") and target in WEB_NODES:
                pass  # the web app uses its own registries: downward
            graph[source].add(target)
            if source not in LAYER or target not in LAYER:
                continue
            if LAYER[target] >= LAYER[source]:
                upward.append(
                    f"{path.relative_to(CAPUY.parent)}:{line} imports {name} "
                    f"({source}, layer {LAYER[source]} → {target}, layer {LAYER[target]})"
                )
    return graph, upward, django_in_core


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one node (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_every_package_has_a_layer() -> None:
    nodes = {node_of(_module_name(p)) for p in CAPUY.rglob("*.py") if "migrations" not in p.parts}
    missing = sorted(n for n in nodes if n not in LAYER)
    assert not missing, f"place these in LAYERS (and docs/architecture.md): {missing}"


def test_no_upward_import() -> None:
    _, upward, _ = import_graph()
    assert not upward, "imports that point up the layers:\n" + "\n".join(upward)


def test_no_cycle_between_packages() -> None:
    graph, _, _ = import_graph()
    assert cycles(graph) == []


def test_the_core_does_not_import_django() -> None:
    _, _, django_in_core = import_graph()
    assert not django_in_core, "\n".join(django_in_core)


@pytest.mark.parametrize(
    ("graph", "expected"),
    [
        ({"a": {"b"}, "b": {"a"}}, [["a", "b"]]),
        ({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}, [["a", "b", "c"]]),
        ({"a": {"b"}, "b": set()}, []),
    ],
)
def test_the_cycle_finder_finds_cycles(graph, expected) -> None:  # type: ignore[no-untyped-def]
    assert cycles(graph) == expected


def test_an_upward_import_is_caught() -> None:
    """The check itself can fail: a checker module importing a record app is reported."""
    probe = CAPUY / "check" / "_upward_probe.py"
    probe.write_text("from capuy.members.models import Member\n", encoding="utf-8")
    try:
        _, upward, django_in_core = import_graph.__wrapped__()
    finally:
        probe.unlink()
    assert any("check/_upward_probe.py:1 imports capuy.members.models" in u for u in upward)
    assert django_in_core == []  # the probe's module imports no Django itself
