"""The docs say what the code does (datasette-style): the checker's rule table lists exactly
the registered rules, every report kind has its template and its period grammar, the README's
layout section names every package, and no file points at a document outside the repository.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from capuy.check import all_rules
from capuy.vocab import report_periods
from tests.test_architecture_imports import LAYER

ROOT = Path(__file__).resolve().parents[1]
GRAMMARS = {"month", "quarter", "year", "report", "range", "term", "half_term"}


def _table_rule_ids(markdown: str) -> set[str]:
    """The rule ids in the first column of the rule table (``| `a.b`, `a.c` | …``)."""
    ids: set[str] = set()
    for line in markdown.splitlines():
        if line.startswith("| `"):
            first = line.split("|")[1]
            ids.update(re.findall(r"`([a-z-]+\.[a-z-]+)`", first))
    return ids


def test_the_rule_table_in_docs_checker_lists_exactly_the_registered_rules() -> None:
    documented = _table_rule_ids((ROOT / "docs" / "checker.md").read_text(encoding="utf-8"))
    registered = {rule.id for rule in all_rules()}
    assert documented == registered, (
        f"in docs/checker.md only: {sorted(documented - registered)}; "
        f"registered only: {sorted(registered - documented)}"
    )


def test_every_report_kind_has_its_template_and_its_period_grammar() -> None:
    folder = ROOT / "capuy" / "vocab" / "report_templates"
    for kind in report_periods():
        assert kind.grammar in GRAMMARS, f"{kind.code}: grammar {kind.grammar!r}"
        assert kind.example, f"{kind.code}: no example spelling"
        template = yaml.safe_load((folder / f"{kind.code}.yaml").read_text(encoding="utf-8"))
        assert template["kind"] == kind.code


def test_every_template_is_a_report_kind() -> None:
    codes = {kind.code for kind in report_periods()}
    folder = ROOT / "capuy" / "vocab" / "report_templates"
    templates = {p.stem for p in folder.glob("*.yaml")} - {"fields"}  # fields: shared data
    assert templates == codes


def test_the_readme_layout_section_lists_every_package() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Layout") :]
    listed = set(re.findall(r"^capuy/(\w+)", section, flags=re.MULTILINE))
    nodes = {n.split(".")[0] for n in LAYER if n != "capuy"}
    assert nodes <= listed, f"not in the README's layout: {sorted(nodes - listed)}"
    assert listed <= nodes, f"in the README but not in capuy: {sorted(listed - nodes)}"


def _repository_text_files() -> list[Path]:
    skip = {".venv", ".git", "expected", "node_modules", "__pycache__", "capuy.egg-info"}
    suffixes = {".md", ".py", ".yaml", ".yml", ".toml", ".sh", ".cfg", ".txt"}
    return [
        p
        for p in ROOT.rglob("*")
        if p.is_file()
        and not skip & set(p.relative_to(ROOT).parts)
        and (p.suffix in suffixes or p.name == "Makefile")
    ]


def test_no_file_points_at_a_document_outside_the_repository() -> None:
    """``../shared/docs/DESIGN.md`` and the like: the design brief is ``docs/DESIGN.md``. (The
    seed reports are fixtures found through ``CAPUY_SEEDS``, ``capuy.api.find_seeds_dir``.)"""
    # ("../../etc/passwd" in the upload and ZIP tests is hostile input, not a reference)
    outside = re.compile(r"\.\./shared/docs|shared/docs/|(\.\./){2,}shared")
    offenders = []
    for path in _repository_text_files():
        if path == Path(__file__):
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if outside.search(line):
                offenders.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert not offenders, "\n".join(offenders)


def test_markdown_links_resolve_inside_the_repository() -> None:
    link = re.compile(r"\]\(([^)#\s]+)[^)]*\)")
    broken = []
    for path in ROOT.glob("*.md"):
        broken += _broken_links(path, link)
    for path in (ROOT / "docs").glob("*.md"):
        broken += _broken_links(path, link)
    assert not broken, "\n".join(broken)


def _broken_links(path: Path, link: re.Pattern[str]) -> list[str]:
    out = []
    for target in link.findall(path.read_text(encoding="utf-8")):
        if "://" in target or target.startswith("mailto:"):
            continue
        resolved = (path.parent / target).resolve()
        if ROOT not in resolved.parents or not resolved.exists():
            out.append(f"{path.relative_to(ROOT)} → {target}")
    return out


def _section_rows(markdown: str) -> dict[str, str]:
    """The section table of docs/architecture.md: section name → the module registering it."""
    part = markdown[markdown.index("## The sections of a composed report") :]
    part = part[: part.index("\n## ")]
    rows: dict[str, str] = {}
    for line in part.splitlines():
        found = re.match(r"\| `(\w+)` \| `(capuy/[\w/]+)\.py` \|", line)
        if found:
            rows[found[1]] = found[2].replace("/", ".")
    return rows


def test_the_report_sections_in_docs_architecture_are_the_registered_providers() -> None:
    """Every shipped provider is in the table with the module that registers it, and every
    row is registered (a test-registered provider, outside ``capuy``, is left out)."""
    from capuy.stats.sections import provider_of, section_names

    documented = _section_rows((ROOT / "docs" / "architecture.md").read_text(encoding="utf-8"))
    registered = {
        name: provider_of(name).__module__
        for name in section_names()
        if provider_of(name).__module__.startswith("capuy.")
    }
    assert documented == registered
    # and the sections of the record apps are registered by the app that owns them
    for name, module in registered.items():
        assert module.endswith((".report_sections", "reports.sections")), (name, module)
