"""The vocabulary editor: administrators edit an overlay of capuy/vocab/*.yaml from the web.

Each test points ``CAPUY_VOCAB_DIR`` at its own temporary directory (monkeypatch), so no
overlay outlives it and the core vocabulary tests keep reading the packaged files.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from auditlog.models import LogEntry
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse
from django.utils.html import escape

import capuy.vocab as vocab
from capuy.accounts.levels import Role
from capuy.orgs.kinds import org_kinds
from capuy.vocab.loader import OVERLAY_ENV, load_data, packaged_text
from capuy.web.vocabedit.models import VocabVersion
from tests.web.conftest import Tree, make_user

BC_LINE = "  - {code: BC, name: Báo cáo, words: [Báo cáo], source: [qd66, hd36, qd399]}"
# "Báo cáo sơ kết" and "Báo cáo tổng kết" are written in the seed reports (003 and others).
BC_WITH_WORDS = (
    "  - {code: BC, name: Báo cáo, words: [Báo cáo, Báo cáo sơ kết, Báo cáo tổng kết],"
    " source: [qd66, hd36, qd399]}"
)


@pytest.fixture
def overlay(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "vocab"
    monkeypatch.setenv(OVERLAY_ENV, str(folder))
    vocab.reload()
    yield folder
    vocab.reload()


@pytest.fixture
def admin_user(tree: Tree) -> User:
    return make_user("quantri.ducpho", tree.town, Role.ADMIN)


@pytest.fixture
def admin_client(admin_user: User) -> Client:
    client = Client()
    client.force_login(admin_user)
    return client


def _edited_document_types() -> str:
    text = packaged_text("document_types")
    assert BC_LINE in text
    return text.replace(BC_LINE, BC_WITH_WORDS)


def _post(client: Client, name: str, text: str) -> Any:
    return client.post(reverse("vocab_edit", args=[name]), {"text": text})


def test_an_admin_adds_a_type_word_and_the_core_sees_it(
    overlay: Path, admin_client: Client
) -> None:
    assert vocab.types_for_word("Báo cáo sơ kết") == []
    response = _post(admin_client, "document_types", _edited_document_types())
    assert response.status_code == 302
    assert (overlay / "document_types.yaml").read_text(encoding="utf-8").count("sơ kết") == 1
    assert [(t.code, t.system) for t in vocab.types_for_word("Báo cáo sơ kết")] == [("BC", "party")]
    assert [t.code for t in vocab.types_for_word("báo cáo tổng kết")] == ["BC"]
    page = admin_client.get(reverse("vocab_edit", args=["document_types"]))
    assert "Báo cáo sơ kết" in page.content.decode()
    assert "đã sửa" in page.content.decode()


BAD_YAML = [
    # an unclosed flow list in the BC line (line 43 of the packaged file)
    (
        lambda t: t.replace(BC_LINE, BC_LINE.replace("[Báo cáo]", "[Báo cáo")),
        "Lỗi cú pháp YAML ở dòng",
    ),
    (lambda t: t + "\nparty: [\n", "Lỗi cú pháp YAML ở dòng"),
    (lambda t: t.replace("\nsources:\n", "\nsources:\n\tqd66: x\n", 1), "Lỗi cú pháp YAML ở dòng"),
]

NO_SOURCE = [
    (
        lambda t: t.replace(BC_LINE, "  - {code: BC, name: Báo cáo, words: [Báo cáo]}"),
        "Mỗi mục phải ghi nguồn",
    ),
    (
        lambda t: t.replace(BC_LINE, BC_LINE.replace("qd399]", "qd999]")),
        "unknown source key(s) ['qd999']",
    ),
    (lambda t: t.replace("\nsources:\n", "\nnguon:\n", 1), "the 'sources' map is missing"),
]

WRONG_SHAPE = [
    # keeps its source but lacks the name the loader needs
    (
        lambda t: t.replace(BC_LINE, "  - {code: BC, words: [Báo cáo], source: [qd66]}"),
        "Danh mục không đọc được theo cấu trúc",
    ),
]


@pytest.mark.parametrize(("mutate", "message"), BAD_YAML + NO_SOURCE + WRONG_SHAPE)
def test_a_bad_file_is_refused_with_the_message_and_the_text_kept(
    overlay: Path, admin_client: Client, mutate: Any, message: str
) -> None:
    text = mutate(packaged_text("document_types"))
    response = _post(admin_client, "document_types", text)
    assert response.status_code == 200
    body = response.content.decode()
    assert escape(message) in body
    assert 'class="field-error"' in body
    assert escape(text.replace("\r\n", "\n")) in body
    assert not (overlay / "document_types.yaml").exists()
    assert [t.code for t in vocab.types_for_word("Báo cáo")] == ["BC", "BC"]
    assert not VocabVersion.objects.exists()


def test_the_yaml_errors_name_their_line(overlay: Path, admin_client: Client) -> None:
    text = packaged_text("document_types")
    lines = text.splitlines()
    bc_line = lines.index(BC_LINE) + 1
    unclosed = text.replace(BC_LINE, BC_LINE.replace("[Báo cáo]", "[Báo cáo"))
    body = _post(admin_client, "document_types", unclosed).content.decode()
    # the parser stops at the "}" that ends the entry, the last character of the shortened line
    assert f"Lỗi cú pháp YAML ở dòng {bc_line}, cột {len(BC_LINE) - 1}:" in body
    tab_line = lines.index("sources:") + 2
    tabbed = text.replace("\nsources:\n", "\nsources:\n\tqd66: x\n", 1)
    body = _post(admin_client, "document_types", tabbed).content.decode()
    assert f"Lỗi cú pháp YAML ở dòng {tab_line}, cột 1:" in body


@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize(
    "url",
    [
        ("vocab_files", []),
        ("vocab_edit", ["document_types"]),
        ("vocab_restore", ["document_types"]),
    ],
)
@pytest.mark.parametrize("role", [Role.CLERK, Role.SPECIALIST, Role.LEADER])
def test_everyone_but_an_admin_gets_404(
    overlay: Path, tree: Tree, role: str, url: tuple[str, list[str]], method: str
) -> None:
    client = Client()
    client.force_login(make_user(f"user.{role}", tree.town, role, is_staff=True))
    response = getattr(client, method)(reverse(url[0], args=url[1]), {"text": "sources: {}"})
    assert response.status_code == 404
    assert not overlay.exists()


def test_an_anonymous_visitor_is_sent_to_log_in(overlay: Path, db: None) -> None:
    response = Client().get(reverse("vocab_edit", args=["document_types"]))
    assert response.status_code == 302
    assert reverse("login") in response["Location"]


def test_a_superuser_may_edit_and_an_unknown_file_is_404(overlay: Path, tree: Tree) -> None:
    client = Client()
    client.force_login(make_user("it", tree.town, is_superuser=True, is_staff=True))
    assert client.get(reverse("vocab_files")).status_code == 200
    assert client.get(reverse("vocab_edit", args=["layout"])).status_code == 404
    assert client.get(reverse("vocab_edit", args=["organisations"])).status_code == 200


def test_restore_brings_back_the_packaged_file(overlay: Path, admin_client: Client) -> None:
    assert _post(admin_client, "document_types", _edited_document_types()).status_code == 302
    assert vocab.types_for_word("Báo cáo sơ kết")
    response = admin_client.post(reverse("vocab_restore", args=["document_types"]))
    assert response.status_code == 302
    assert not (overlay / "document_types.yaml").exists()
    assert vocab.types_for_word("Báo cáo sơ kết") == []
    page = admin_client.get(reverse("vocab_edit", args=["document_types"])).content.decode()
    assert escape(packaged_text("document_types")) in page


def test_the_audit_keeps_who_what_when_and_before_after(
    overlay: Path, admin_client: Client, admin_user: User
) -> None:
    edited = _edited_document_types()
    _post(admin_client, "document_types", edited)
    admin_client.post(reverse("vocab_restore", args=["document_types"]))
    restored, saved = VocabVersion.objects.order_by("-id")
    assert (saved.name, saved.action, saved.user) == ("document_types", "saved", admin_user)
    assert saved.before == packaged_text("document_types")
    assert saved.after == edited
    assert (restored.action, restored.before, restored.after) == (
        "restored",
        edited,
        packaged_text("document_types"),
    )
    assert saved.created_at <= restored.created_at
    entries = LogEntry.objects.get_for_model(VocabVersion)
    assert entries.count() == 2
    assert {e.actor for e in entries} == {admin_user}
    page = admin_client.get(reverse("vocab_files")).content.decode()
    assert "Khôi phục bản gốc" in page and "quantri.ducpho" in page


def test_organisation_kinds_are_editable_too(overlay: Path, admin_client: Client) -> None:
    text = packaged_text("organisations")
    old = "    committee: Tỉnh ủy\n"
    assert old in text
    edited = text.replace(old, "    committee: Tỉnh ủy, Thành ủy\n", 1)
    assert _post(admin_client, "organisations", edited).status_code == 302
    province = next(kind for kind in org_kinds() if kind.key == "dang_bo_tinh")
    assert province.committee == "Tỉnh ủy, Thành ủy"


def test_csrf_is_enforced(overlay: Path, admin_user: User) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(admin_user)
    response = client.post(
        reverse("vocab_edit", args=["document_types"]), {"text": _edited_document_types()}
    )
    assert response.status_code == 403
    assert not overlay.exists()


def test_the_vocabulary_page_links_to_the_editor_for_admins_only(
    overlay: Path, tree: Tree, admin_user: User
) -> None:
    admin_user.is_staff = True
    admin_user.save()
    admin = Client()
    admin.force_login(admin_user)
    staff = Client()
    staff.force_login(make_user("staff", tree.town, Role.CLERK, is_staff=True))
    link = reverse("vocab_edit", args=["document_types"])
    assert link in admin.get(reverse("vocabulary")).content.decode()
    assert link not in staff.get(reverse("vocabulary")).content.decode()


def test_the_loader_reads_the_overlay_only_while_it_is_set(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    (tmp_path / "issuers.yaml").write_text(
        'sources: {s: "Nguồn thử"}\nparty:\n  - {code: TU, name: Thị ủy thử, source: s}\n',
        encoding="utf-8",
    )
    with monkeypatch.context() as patch:
        patch.setenv(OVERLAY_ENV, str(tmp_path))
        vocab.reload()
        assert load_data("issuers")["party"][0]["name"] == "Thị ủy thử"
        assert load_data("terms") == __import__("yaml").safe_load(packaged_text("terms"))
    vocab.reload()
    assert load_data("issuers")["party"][0]["name"] != "Thị ủy thử"


def test_another_worker_sees_a_change_written_by_another_process(
    overlay: Path, admin_client: Client
) -> None:
    admin_client.get(reverse("home"))  # this worker has looked at the overlay directory
    assert vocab.types_for_word("Báo cáo sơ kết") == []
    assert vocab.types_for_word("Báo cáo sơ kết") == []  # now cached in this process
    overlay.mkdir(parents=True, exist_ok=True)
    written = overlay / "document_types.yaml.tmp"
    written.write_text(_edited_document_types(), encoding="utf-8")
    written.replace(overlay / "document_types.yaml")  # as another worker's save does
    assert vocab.types_for_word("Báo cáo sơ kết") == []  # the stale cache, until a request
    admin_client.get(reverse("home"))
    assert [t.code for t in vocab.types_for_word("Báo cáo sơ kết")] == ["BC"]


def test_the_menu_leads_administrators_to_the_editor(client, django_user_model):
    """A quản trị user without Django staff status finds the editor in the menu; a clerk does not."""
    from capuy.accounts.levels import Role
    from capuy.accounts.models import RoleAssignment
    from capuy.orgs.models import Organisation

    unit = Organisation.objects.create(name="Thị ủy Thử", kind="dang_bo_huyen", code="TU")
    admin = django_user_model.objects.create_user("qt.menu", password="x")
    clerk = django_user_model.objects.create_user("vt.menu", password="x")
    RoleAssignment.objects.create(user=admin, organisation=unit, role=Role.ADMIN)
    RoleAssignment.objects.create(user=clerk, organisation=unit, role=Role.CLERK)
    editor = reverse("vocab_files")

    client.force_login(admin)
    assert f'href="{editor}"' in client.get("/").content.decode()
    client.force_login(clerk)
    assert f'href="{editor}"' not in client.get("/").content.decode()
