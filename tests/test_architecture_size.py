"""Small modules, short functions: a module over 400 lines or a function over 60 lines in
``capuy/`` says why in a ``# Long: …`` comment (a module's at the left margin, a function's
inside it), so growth past the size where splitting usually helps is a decision, not drift."""

from __future__ import annotations

import ast
from pathlib import Path

CAPUY = Path(__file__).resolve().parents[1] / "capuy"
MODULE_LINES, FUNCTION_LINES = 400, 60


def _sources() -> list[tuple[Path, list[str], ast.Module]]:
    out = []
    for path in sorted(CAPUY.rglob("*.py")):
        if "migrations" in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        out.append((path, text.splitlines(), ast.parse(text)))
    return out


def test_long_modules_say_why() -> None:
    unexplained = [
        f"{path.relative_to(CAPUY.parent)} ({len(lines)} lines)"
        for path, lines, _ in _sources()
        if len(lines) > MODULE_LINES and not any(line.startswith("# Long:") for line in lines)
    ]
    assert not unexplained, "split these or say why (# Long: …): " + ", ".join(unexplained)


def test_long_functions_say_why() -> None:
    unexplained = []
    for path, lines, tree in _sources():
        for node in ast.walk(tree):
            if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            assert node.end_lineno is not None
            body = lines[node.lineno - 1 : node.end_lineno]
            if len(body) > FUNCTION_LINES and not any(
                line.strip().startswith("# Long:") for line in body
            ):
                unexplained.append(f"{path.relative_to(CAPUY.parent)}:{node.lineno} {node.name}")
    assert not unexplained, "split these or say why (# Long: …): " + ", ".join(unexplained)
