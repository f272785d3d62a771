"""docs/architecture.md's recipes "how to add a report kind" and "how to add a record family",
tried for real: a report kind added as data only (the vocabulary overlay, no code) composes,
and a small test-only record family wired through every registry is used by each of them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml
from django.test import Client

from capuy import vocab
from capuy.indicators.models import Indicator
from capuy.orgs.models import Organisation
from capuy.reports.compose import compose
from capuy.reports.models import TemplateOverride
from capuy.reports.templating import default_text
from capuy.stats import counts, sections, synth
from capuy.stats.sections import SectionRequest
from capuy.vocab.loader import packaged_text
from capuy.web import demo, home
from capuy.web.demo import load_demo
from capuy.web.home import HomePanel, NavItem

pytestmark = pytest.mark.django_db


@pytest.fixture
def overlay(tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    """An empty vocabulary overlay of this test's own; the shipped vocabulary again after."""
    monkeypatch.setenv("CAPUY_VOCAB_DIR", str(tmp_path))
    vocab.reload()
    yield tmp_path
    monkeypatch.undo()
    vocab.reload()


def test_recipe_report_kind(tree, overlay: Path) -> None:  # type: ignore[no-untyped-def]
    # 1. the kind and its period grammar (month), in vocab/report_periods.yaml
    periods = yaml.safe_load(packaged_text("report_periods"))
    periods["kinds"].append(
        {
            "code": "monthly_brief",
            "name": "Báo cáo nhanh tháng",
            "period_words": ["tháng"],
            "months": 1,
            "grammar": "month",
            "example": "2024-02",
            "source": "practice",
        }
    )
    (overlay / "report_periods.yaml").write_text(
        yaml.safe_dump(periods, allow_unicode=True), encoding="utf-8"
    )
    # 2. its template, taking the monthly report's structure
    (overlay / "report_templates").mkdir()
    (overlay / "report_templates" / "monthly_brief.yaml").write_text(
        'sources:\n  practice: "Practice of Party committee offices"\n'
        "kind: monthly_brief\nbase: monthly\nname: Báo cáo nhanh tháng\nsource: practice\n"
        "summary: |-\n  tình hình nổi bật {{ period.label }}\n",
        encoding="utf-8",
    )
    vocab.reload()
    # 3. nothing else: it composes
    report = compose(tree.town, "monthly_brief", "2024-02")
    assert "summary: tình hình nổi bật tháng 02/2024" in report.markdown
    assert report.period.start == dt.date(2024, 1, 27)  # the monthly template's 27-26 window
    assert "# I- MỘT SỐ HOẠT ĐỘNG TRỌNG TÂM TRONG THÁNG 02/2024" in report.markdown


@pytest.fixture
def family(settings, tmp_path):  # type: ignore[no-untyped-def]
    """A test-only record family — "the units of a subtree" — registered the documented way."""
    (tmp_path / "recipe").mkdir()
    (tmp_path / "recipe" / "panel.html").write_text(
        "<p>Số đơn vị: {{ panel.units }}</p>", encoding="utf-8"
    )
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [*settings.TEMPLATES[0].get("DIRS", []), tmp_path]}
    ]
    filled: list[Any] = []

    def units(root: Organisation, start: dt.date, end: dt.date) -> Any:
        return Organisation.objects.filter(path__startswith=root.path)

    counts.register_count("recipe.units", units)
    synth.register_family("recipe", lambda gen, u: filled.append(u.communes), order=99)
    home.register_panel(
        HomePanel(
            key="recipe",
            title="Đơn vị (thử nghiệm)",
            template="recipe/panel.html",
            context=lambda request: {"units": Organisation.objects.count()},
        )
    )
    shipped_nav = home._NAV.get("orgs:tree")  # the menu is keyed by URL name: put it back after
    home.register_nav(NavItem("Đơn vị (thử nghiệm)", "orgs:tree", order=99))
    demo.register_demo_step("recipe", lambda ctx: f"{len(ctx.wards)} phường, xã", order=99)

    def section(r: SectionRequest) -> dict[str, Any]:
        qs = units(r.org, r.start, r.end)
        return {"recipe_units": r.prov.add("recipe.units", "đơn vị", None, qs)}

    sections.register_section("recipe_units", section)
    yield filled
    sections.SECTIONS.pop("recipe_units")
    counts.COUNTS.pop("recipe.units")
    synth._FAMILIES.pop("recipe")
    home._PANELS.pop("recipe")
    if shipped_nav is not None:
        home.register_nav(shipped_nav)
    demo._STEPS.pop("recipe")


@pytest.mark.slow
def test_recipe_record_family(family, tree, town_leader) -> None:  # type: ignore[no-untyped-def]
    # its count: an indicator can be computed from it
    indicator = Indicator(
        code="so_don_vi", name="Số đơn vị", unit="đơn vị", rollup="sum", source="recipe.units"
    )
    indicator.full_clean()
    assert (
        counts.count_for("recipe.units", tree.town, dt.date(2024, 1, 1), dt.date(2024, 12, 31)) == 4
    )
    # its synthetic records: run after the other families, on the same units
    gen = synth.Generator(synth.Scale(1, 1, 1, 1), 2024, lambda _label, _n: None)
    units = synth.SynthUnits(
        tree.town,
        [tree.town],
        [tree.pho_hoa],
        [tree.pho_hoa_cell],
        rating_units=[tree.pho_hoa, tree.pho_hoa_cell],
        petition_units=[tree.pho_hoa],
    )
    synth.run_families(gen, units)
    assert family == [[tree.pho_hoa]] and len(units.members) == 1
    # its section of a composed report: a template that declares it gets its figure
    text = default_text("monthly").replace("sections: [", "sections: [recipe_units, ", 1)
    text = text.replace(
        "body: |-\n", "body: |-\n  Số đơn vị trong đảng bộ: {{ recipe_units }}.\n\n", 1
    )
    TemplateOverride.objects.create(kind="monthly", text=text)
    report = compose(tree.town, "monthly", "2024-02")
    assert "Số đơn vị trong đảng bộ: 4." in report.markdown
    assert report.value("recipe.units") == 4
    # its home panel and its menu entry
    client = Client()
    client.force_login(town_leader)
    page = client.get("/").content.decode()
    assert "Đơn vị (thử nghiệm)" in page and f"Số đơn vị: {Organisation.objects.count()}" in page
    # its demo step
    lines: list[str] = []
    load_demo(report=lines.append)
    assert "recipe: 15 phường, xã" in lines


def test_every_template_declares_sections_that_have_providers() -> None:
    """A kind's behaviour is its template's data: the sections it declares all exist."""
    from capuy.reports.periods import kinds
    from capuy.reports.sections import SECTIONS
    from capuy.reports.templating import load_template

    for kind in kinds():
        sections = load_template(kind).get("sections")
        assert sections, f"{kind}: no sections"
        assert set(sections) <= set(SECTIONS), f"{kind}: {set(sections) - set(SECTIONS)}"
