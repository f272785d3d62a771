"""Scope and facet tokens inside the index narrow the engine's walk; the SQL conditions stay the
authority. Totals above ``TOTAL_CAP`` are said as "hơn …". Same assertions on SQLite and, with
CAPUY_DATABASE_URL, on PostgreSQL."""

from __future__ import annotations

import dataclasses
import datetime as dt
import importlib
import json
from types import SimpleNamespace

import pytest
from django.apps import apps as django_apps
from django.db import connection

from capuy.accounts.levels import Classification, Role
from capuy.documents.models import Direction, Document
from capuy.search.backends import backend
from capuy.search.models import SearchEntry
from capuy.search.registry import provider_for
from capuy.search.service import _index_text, _narrow_organisations, search
from capuy.search.tokens import narrowing
from tests.web import test_search as shared
from tests.web.conftest import make_user

corpus, leader, symbols = shared.corpus, shared.leader, shared.symbols  # the same corpus


@pytest.fixture
def narrowed(monkeypatch):
    """Every user with a scope narrows (the small test tree is below the share threshold)."""
    monkeypatch.setattr("capuy.search.service.SCOPE_SHARE", 1)


def _rewrite(document: Document, tokens: tuple[str, ...]) -> None:
    """Write a document's index text again with the given tokens (as an old index would have
    none, or a wrong one)."""
    row = SearchEntry.objects.get(kind="document", object_id=document.pk)
    text = _index_text(row.pk, provider_for(Document).entry(document), "document")
    backend().write([dataclasses.replace(text, tokens=tokens)])


def test_a_narrow_user_is_narrowed_and_a_wide_one_is_not(corpus, tree, leader) -> None:
    ward = make_user("phohoa", tree.pho_hoa, Role.SPECIALIST)
    assert _narrow_organisations(leader) is None  # sees 4 of 5 organisations: not worth it
    assert _narrow_organisations(ward) is None  # 2 of 5: more than one in four
    assert narrowing([3, 1], {"type_code": "QĐi", "year": 2024, "issuer": "x"}).groups == (
        ("o1", "o3"),
        ("tqdi",),
        ("y2024",),
    )


@pytest.mark.parametrize("typed", ["an ninh chinh tri", "77-BC/TU", "Phổ Châu", "2024", "BC/TU"])
def test_a_wrong_token_never_shows_or_counts_the_towns_secret_document(
    corpus, tree, narrowed, typed
) -> None:
    """The town's Mật report is given the ward's own tokens (a stale or wrong index): the ward
    user's narrowed search still never returns it, counts it, quotes it or facets it."""
    ward = make_user("phohoa", tree.pho_hoa, Role.SPECIALIST, clearance=Classification.TOP_SECRET)
    assert sorted(_narrow_organisations(ward)) == sorted([tree.pho_hoa.pk, tree.pho_hoa_cell.pk])
    secret = corpus["77-BC/TU"]
    _rewrite(secret, (f"o{tree.pho_hoa.pk}", "c0", "kdocument", "tkh", "y2024"))
    results = search(ward, typed)
    assert "77-BC/TU" not in symbols(results)
    assert all("Phổ Châu" not in str(h.snippet) + str(h.title) for h in results.hits)
    for facet in results.facets:
        assert "Văn phòng Thị ủy" not in [v for v, _, _ in facet.values]
        if facet.field == "classification":
            assert Classification.SECRET not in [v for v, _, _ in facet.values]
    kinds = {v: n for f in results.facets if f.field == "kind" for v, _, n in f.values}
    assert sum(kinds.values()) == results.total == len(results.hits)
    filtered = search(ward, typed, {"type_code": "KH", "year": 2024})
    assert "77-BC/TU" not in symbols(filtered)


def test_narrowed_results_equal_the_unnarrowed(corpus, tree, monkeypatch) -> None:
    ward = make_user("phohoa", tree.pho_hoa, Role.SPECIALIST, clearance=Classification.TOP_SECRET)
    typed = ["ke hoach", "2024", "the thao", "Phổ Hòa", "12-KH/ĐU", "hoa giai"]
    wide = [(symbols(r), r.total, r.facets) for r in (search(ward, t) for t in typed)]
    monkeypatch.setattr("capuy.search.service.SCOPE_SHARE", 1)
    narrow = [(symbols(r), r.total, r.facets) for r in (search(ward, t) for t in typed)]
    assert narrow == wide and wide[0][1] == 2
    for field, value, expected in [
        ("type_code", "KH", ["12-KH/ĐU"]),
        ("year", 2022, []),
        ("classification", 0, ["12-KH/ĐU"]),
    ]:
        assert symbols(search(ward, "2024", {field: value})) == expected


def test_the_migration_gives_existing_entries_their_tokens(corpus, tree, narrowed) -> None:
    """Entries indexed before search.0005 have no tokens: a narrowed search misses them until
    the migration (or ``capuy search --rebuild``) writes them."""
    ward = make_user("phohoa", tree.pho_hoa, Role.SPECIALIST)
    for document in corpus.values():
        _rewrite(document, ())
    assert search(ward, "ke hoach").total == 0  # the tokens are what the engine walks
    migration = importlib.import_module("capuy.search.migrations.0005_index_tokens")
    migration.forwards(django_apps, SimpleNamespace(connection=connection))
    assert sorted(symbols(search(ward, "ke hoach"))) == ["12-KH/ĐU", "13-KH/ĐU"]
    assert symbols(search(ward, "ke hoach", {"year": 2022})) == ["13-KH/ĐU"]


def test_above_the_cap_the_total_says_more_than(client, corpus, leader, tree, monkeypatch) -> None:
    from typer.testing import CliRunner

    from capuy.cli import app

    exact = search(leader, "2024")
    assert exact.total == 5 and exact.total_exact
    monkeypatch.setattr("capuy.search.service.TOTAL_CAP", 10_000)
    monkeypatch.setattr("capuy.search.service.EXACT_FACETS", 1)
    assert search(leader, "2024").total == 5  # counted alone up to the cap
    monkeypatch.setattr("capuy.search.service.TOTAL_CAP", 1)
    monkeypatch.setattr("capuy.search.backends.base.POOL", 1)
    one = search(leader, "2024")  # the cap at the facet pass's stop: no count of its own
    assert (one.total, one.total_exact, one.facets_counted) == (1, False, 1)
    monkeypatch.setattr("capuy.search.service.TOTAL_CAP", 3)
    capped = search(leader, "2024")
    assert (capped.total, capped.total_exact, capped.pages) == (3, False, 1)
    assert capped.as_json()["total_exact"] is False
    client.force_login(leader)
    page = client.get("/tim-kiem/", {"q": "2024"}).content.decode()
    assert "hơn 3 kết quả" in page
    make_user("cli", tree.town, Role.LEADER)
    result = CliRunner().invoke(app, ["search", "2024", "--json", "--user", "cli"])
    assert json.loads(result.output)["total_exact"] is False


def test_postgres_phrases_are_matched_through_their_word_pairs(corpus, leader) -> None:
    """PostgreSQL: an entry's neighbouring words are lexemes ``a_b`` (search.0006), and a
    phrase needs its pairs — so GIN narrows a phrase of common words to the entries that can
    hold it before positions are rechecked. An entry indexed before has none: the phrase
    misses it until the migration (or ``capuy search --rebuild``) writes them."""
    if connection.vendor != "postgresql":
        pytest.skip("pair lexemes are PostgreSQL's (FTS5 matches phrases from its positions)")
    assert symbols(search(leader, '"tế biển"')) == ["15-NQ/TU"]
    assert symbols(search(leader, '"phát triển bền*"')) == ["15-NQ/TU"]  # a prefix: unpaired
    _delete_lexemes("%\\_%")  # the pairs and the triples
    assert symbols(search(leader, '"tế biển"')) == []
    assert symbols(search(leader, "kinh tế biển")) == ["15-NQ/TU"]  # words need no pairs
    migration = importlib.import_module("capuy.search.migrations.0006_postgres_pairs")
    migration.forwards(django_apps, SimpleNamespace(connection=connection))
    assert symbols(search(leader, '"tế biển"')) == ["15-NQ/TU"]
    assert symbols(search(leader, '"biển tế"')) == []


def _delete_lexemes(like: str) -> None:
    """Remove the lexemes matching ``like`` from every entry's vector (an index written before
    the migration that adds them)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE search_searchentry SET search_vector = ts_delete(search_vector, "
            "ARRAY(SELECT lexeme FROM unnest(search_vector) WHERE lexeme LIKE %s))",
            [like],
        )


def test_postgres_phrases_of_three_words_are_one_triple_lexeme(corpus, leader) -> None:
    """PostgreSQL: every three neighbouring words are a lexeme ``a_b_c`` (search.0008), and a
    phrase of three words — a symbol too: 36-NQ/TW is "36 nq tw" — is matched by its triple
    alone, with no positions rechecked. An entry indexed before has none: the phrase misses it
    (while its pairs and words are all there) until the migration (or ``capuy search
    --rebuild``) writes them; a phrase of two words needs no triple."""
    if connection.vendor != "postgresql":
        pytest.skip("triple lexemes are PostgreSQL's (FTS5 matches phrases from its positions)")
    typed = ['"kinh tế biển"', "36-NQ/TW", '"phát triển kinh tế biển"']
    assert [symbols(search(leader, t)) for t in typed] == [["15-NQ/TU"]] * 3
    _delete_lexemes("%\\_%\\_%")  # the triples alone
    assert [symbols(search(leader, t)) for t in typed] == [[]] * 3
    assert symbols(search(leader, '"kinh tế"')) == ["15-NQ/TU"]  # its pair is still there
    migration = importlib.import_module("capuy.search.migrations.0008_postgres_triples")
    migration.forwards(django_apps, SimpleNamespace(connection=connection))
    assert [symbols(search(leader, t)) for t in typed] == [["15-NQ/TU"]] * 3
    assert symbols(search(leader, '"biển kinh tế"')) == []


PHRASES = """Bảo vệ an ninh. An toàn giao thông. Đẩy mạnh phát triển kinh tế, kinh tế tập thể
phát triển bền vững."""


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ('"an toàn"', True),
        ('"ninh an"', True),  # across a full stop: the words are neighbours all the same
        ('"vệ an ninh"', True),
        ('"vệ an toàn"', False),  # both pairs are there, not one after the other
        ('"tế kinh tế"', True),
        ('"tập thể phát triển bền"', True),
        ('"mạnh phát triển bền"', False),  # both triples are there, not one after the other
        ('"thể phát triển kinh"', False),
        ('"an ninh an toan"', True),
        ("9-BC/X*", False),  # a symbol's prefix: a phrase whose last word is a prefix
        ("bc/tu-9*", False),  # the pair "bc tu" is there, not before 9
        ("phát triển bền vững", True),
        ('"bền vững" "bảo vệ an"', True),
        ('"bền vững" "bảo vệ toàn"', False),
    ],
)
def test_phrases_match_neighbouring_words_alone(tree, leader, typed, found) -> None:
    """The same phrases on both engines: FTS5 reads positions; PostgreSQL matches a phrase of
    two or three words by its one pair or triple lexeme and rechecks longer ones — a pair or
    triple present, but not at the next position, is no match."""
    Document.objects.create(
        direction=Direction.INCOMING,
        organisation=tree.town,
        type_code="BC",
        symbol="9-BC/TU",
        issued_on=dt.date(2024, 6, 1),
        received_on=dt.date(2024, 6, 1),
        summary="Báo cáo chuyên đề",
        text=PHRASES,
    )
    assert symbols(search(leader, typed)) == (["9-BC/TU"] if found else [])


def test_postgres_block_tokens_are_written_by_the_index_and_the_migration(corpus) -> None:
    """PostgreSQL: every entry carries ``§b<id // BLOCK>`` (``PostgresBackend.newest`` reads
    the matches range of blocks by range); an index written before search.0007 gets them from
    the migration, with the backend's own block size."""
    if connection.vendor != "postgresql":
        pytest.skip("block tokens are PostgreSQL's (FTS5 walks its matches by rowid)")
    from capuy.search.backends import postgres

    migration = importlib.import_module("capuy.search.migrations.0007_postgres_id_blocks")
    assert migration.BLOCK == postgres.BLOCK
    check = (
        "SELECT count(*) FROM search_searchentry WHERE NOT search_vector @@ "
        f"('§b' || (id / {postgres.BLOCK}))::tsquery"
    )
    with connection.cursor() as cursor:
        cursor.execute(check)
        assert cursor.fetchone()[0] == 0
        cursor.execute(
            "UPDATE search_searchentry SET search_vector = ts_delete(search_vector, "
            "ARRAY(SELECT lexeme FROM unnest(search_vector) WHERE lexeme LIKE '§b%'))"
        )
        cursor.execute(check)
        assert cursor.fetchone()[0] == SearchEntry.objects.count() > 0
    migration.forwards(django_apps, SimpleNamespace(connection=connection))
    with connection.cursor() as cursor:
        cursor.execute(check)
        assert cursor.fetchone()[0] == 0
