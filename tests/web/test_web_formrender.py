"""``capuy.web.formrender`` writes the same bytes as Django's widget templates: widget by
widget (values that need escaping, safe strings, True/False/None attributes, option groups,
model choices, values the fast path leaves to the template) and on whole pages of the demo
(the register and member lists with their filter forms, the document forms)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django import forms
from django.contrib.auth.models import User
from django.forms import renderers
from django.test import Client
from django.utils.safestring import mark_safe

from capuy.formtokens.api import TOKEN_FIELD
from capuy.orgs.models import Organisation
from capuy.web.demo import load_demo
from capuy.web.formrender import FastRenderer, fast_render

DJANGO = renderers.DjangoTemplates()
FAST = FastRenderer()

CHOICES: list[Any] = [
    ("", "Tất cả"),
    ("KH", "Kế hoạch <mới> & “cũ”"),
    (3, "ba"),
    ("Nhóm", [("a", "A"), ("b", mark_safe("<b>B</b>"))]),
    ("x\"'", "dấu nháy"),
]

WIDGETS: list[tuple[forms.Widget, Any]] = [
    (forms.TextInput(), None),
    (forms.TextInput(), ""),
    (forms.TextInput(attrs={"placeholder": 'ví dụ 5169-CV/"BTCTU" <x>'}), "a & b <c>"),
    (forms.TextInput(attrs={"required": True, "disabled": False, "maxlength": 200}), "x"),
    (forms.TextInput(attrs={"data-x": mark_safe("<i>")}), mark_safe("<b>safe</b>")),
    (forms.TextInput(attrs={"title": None}), 5),
    (forms.NumberInput(), 12),
    (forms.NumberInput(), 1.5),  # a float: left to the template
    (forms.DateInput(format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy"}), dt.date(2024, 2, 3)),
    (forms.DateInput(), "31/02/2024"),
    (forms.HiddenInput(), "token"),
    (forms.EmailInput(), "a@b.vn"),
    (forms.PasswordInput(render_value=True), "bí mật"),
    (forms.CheckboxInput(), True),
    (forms.CheckboxInput(), False),
    (forms.FileInput(), None),
    (forms.Select(choices=CHOICES), "KH"),
    (forms.Select(choices=CHOICES), 3),
    (forms.Select(choices=CHOICES, attrs={"id": "id_x", "hx-get": "/a?b=1&c=2"}), None),
    (forms.Select(choices=CHOICES), "b"),
    (forms.Select(choices=[(1, 2024)]), 1),  # an int label: localised by the template
    (forms.SelectMultiple(choices=CHOICES, attrs={"size": 3}), ["a", "KH"]),
    (forms.NullBooleanSelect(), None),
    (forms.RadioSelect(choices=CHOICES), "KH"),  # not on the fast path
    (forms.Textarea(), "x <y>"),
    (forms.ClearableFileInput(), None),
]


@pytest.mark.parametrize(("widget", "value"), WIDGETS, ids=lambda w: type(w).__name__)
def test_each_widget_is_written_as_djangos_template_writes_it(widget: Any, value: Any) -> None:
    assert widget.render("f", value, renderer=FAST) == widget.render("f", value, renderer=DJANGO)


def test_the_fast_path_is_taken_for_selects_and_inputs_and_not_for_a_localised_label() -> None:
    select = forms.Select(choices=CHOICES)
    assert fast_render(select.template_name, select.get_context("f", "KH", None)) is not None
    text = forms.TextInput()
    assert fast_render(text.template_name, text.get_context("f", "x", None)) is not None
    years = forms.Select(choices=[(1, 2024)])
    assert fast_render(years.template_name, years.get_context("f", 1, None)) is None
    radio = forms.RadioSelect(choices=CHOICES)
    assert fast_render(radio.template_name, radio.get_context("f", "KH", None)) is None


@pytest.mark.django_db
def test_a_model_choice_select_of_real_organisations_is_the_same() -> None:
    load_demo(steps=False)
    field = forms.ModelChoiceField(Organisation.objects.order_by("pk"), empty_label="Tất cả")
    first = Organisation.objects.order_by("pk").first()
    assert first is not None
    for value in (None, first.pk, str(first.pk)):
        assert field.widget.render("to_chuc", value, renderer=FAST) == field.widget.render(
            "to_chuc", value, renderer=DJANGO
        )


CLERK, LEADER = "vanthu.ducpho", "lanhdao.ducpho"
PAGES = [
    (LEADER, "/"),
    (LEADER, "/van-ban/"),
    (LEADER, "/van-ban/?the_loai=KH&tu_ngay=01/01/2023"),
    (LEADER, "/van-ban/?huong=di&q=k%E1%BA%BF+ho%E1%BA%A1ch&den_ngay=31/12/2024"),
    (LEADER, "/van-ban/?tu_ngay=99/99/2024"),  # a bad date: the error, the value sent back
    (LEADER, "/dang-vien/"),
    (CLERK, "/van-ban/vao-so/di/"),
    (CLERK, "/van-ban/vao-so/den/"),
    (CLERK, "/van-ban-den/vao-so/"),
]


@pytest.mark.django_db
def test_demo_pages_with_forms_are_byte_identical_with_either_renderer(settings: Any) -> None:
    load_demo()
    clients = {}
    for username in (CLERK, LEADER):
        clients[username] = Client()
        clients[username].force_login(User.objects.get(username=username))
    pages = {}
    for name in ("django.forms.renderers.DjangoTemplates", "capuy.web.formrender.FastRenderer"):
        settings.FORM_RENDERER = name
        renderers.get_default_renderer.cache_clear()
        try:
            pages[name] = [_stable(clients[user], url) for user, url in PAGES]
        finally:
            renderers.get_default_renderer.cache_clear()
    before, after = pages.values()
    for (_user, url), old, new in zip(PAGES, before, after, strict=True):
        assert "<select" in old or "<input" in old, url
        assert new == old, url


def _stable(client: Client, url: str) -> str:
    """The page without what changes at every request (the CSRF token, the form's token)."""
    import re

    response = client.get(url)
    assert response.status_code == 200, url
    html = response.content.decode()
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)
    html = re.sub(rf'name="{TOKEN_FIELD}" value="[0-9a-f]{{32}}"', "", html)
    return re.sub(r'"X-CSRFToken": "[^"]+"', "", html)


def test_page_and_widget_templates_come_from_the_cached_loader() -> None:
    from django.template import engines

    from capuy.web.formrender import FastRenderer as Configured

    page_loaders = engines["django"].engine.template_loaders  # type: ignore[attr-defined]
    assert [type(loader).__module__ for loader in page_loaders] == [
        "django.template.loaders.cached"
    ]
    renderer = renderers.get_default_renderer()
    assert isinstance(renderer, Configured)
    widget_loaders = renderer.engine.engine.template_loaders
    assert [type(loader).__module__ for loader in widget_loaders] == [
        "django.template.loaders.cached"
    ]
