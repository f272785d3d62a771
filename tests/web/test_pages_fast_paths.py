"""The shortcuts the pages take to render faster write exactly what they replace.

Issue 17 ("a fast web app"): a report's page wrote four numbers per finding through
Django's localize() and reversed one link per source record; the shortcuts compute the same
text directly. These tests hold each shortcut against the Django call it replaces, on a table of
inputs, with the Vietnamese formats the site uses (1.044; never 1,044).
"""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.formats import localize

from capuy.reports.views import _LINKS, _link_maker, int_writer

NUMBERS = [0, 7, 99, 999, 1000, 1044, 12345, 999_999, 1_000_000, 5_580_000, -1, -1234, -1_000_000]
OTHERS = [None, "", "12", 3.5, True, False]


@pytest.mark.parametrize("language", ["vi", "en"])
def test_an_int_is_written_as_localize_writes_it(language: str) -> None:
    with translation.override(language):
        write = int_writer()
        for value in NUMBERS:
            assert write(value) == localize(value), value
    with translation.override("vi"):
        assert int_writer()(1044) == "1.044"


def test_anything_but_an_int_is_left_for_the_template() -> None:
    write = int_writer()
    for value in OTHERS:
        assert write(value) is value


def test_without_the_thousands_separator_the_writer_follows_django(settings) -> None:
    settings.USE_THOUSAND_SEPARATOR = False
    write = int_writer()
    for value in NUMBERS:
        assert write(value) == localize(value) == str(value)


@pytest.mark.parametrize("name", sorted(set(_LINKS.values())))
def test_a_source_records_link_is_the_reversed_url(name: str) -> None:
    make = _link_maker(name)
    for pk in [1, 4, 10, 100, 2024, 99_999]:
        assert make(pk) == reverse(name, args=[pk])
