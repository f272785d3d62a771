"""The citation graph on a small register: resolution, relations, the page's sections and the
user's scope (a ward user never sees the town's secret plan among those citing a resolution)."""

from __future__ import annotations

import datetime as dt

import pytest

from capuy.accounts.levels import Classification, Role
from capuy.citations.models import DocumentCitation
from capuy.documents.models import Direction, Document
from tests.web.conftest import Tree, make_user


def doc(org, symbol, type_code, day, summary, text="", level=0) -> Document:
    return Document.objects.create(
        direction=Direction.INCOMING,
        organisation=org,
        type_code=type_code,
        symbol=symbol,
        issued_on=dt.date(*day),
        summary=summary,
        text=text,
        classification=level,
        sender="Thị ủy Đức Phổ",
    )


@pytest.fixture
def register(tree: Tree) -> dict[str, Document]:
    made = {}
    made["kl"] = doc(
        tree.town,
        "01-KL/TW",
        "KL",
        (2021, 5, 18),
        "Kết luận của Bộ Chính trị về tiếp tục thực hiện Chỉ thị số 05-CT/TW",
    )
    made["plan"] = doc(
        tree.town,
        "174-KH/TU",
        "KH",
        (2024, 2, 16),
        "Kế hoạch sơ kết 03 năm thực hiện Kết luận số 01-KL/TW ngày 18/5/2021 của Bộ Chính trị",
    )
    made["ward"] = doc(
        tree.pho_hoa,
        "12-KH/ĐU",
        "KH",
        (2021, 7, 2),
        "Kế hoạch thực hiện Kết luận số 01-KL/TW ngày 18/5/2021 của Bộ Chính trị",
        "Căn cứ Kế hoạch số 174-KH/TU ngày 18/02/2024 của Ban Thường vụ Thị ủy; "
        "Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị.",
    )
    made["secret"] = doc(
        tree.town,
        "80-BC/TU",
        "BC",
        (2024, 3, 1),
        "Báo cáo mật về thực hiện Kết luận số 01-KL/TW",
        level=Classification.SECRET,
    )
    made["ct"] = doc(
        tree.town,
        "05-CT/TW",
        "CT",
        (2016, 5, 15),
        "Chỉ thị về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
    )
    return made


def test_resolution_and_relations(register) -> None:
    plan = DocumentCitation.objects.get(source=register["plan"])
    assert (plan.target, plan.relation) == (register["kl"], "reviews")
    ward = {r.symbol: r for r in DocumentCitation.objects.filter(source=register["ward"])}
    assert ward["01-KL/TW"].relation == "implements" and ward["01-KL/TW"].target == register["kl"]
    assert ward["174-KH/TU"].relation == "basis" and ward["174-KH/TU"].target is None  # wrong date
    # 05-CT/TW was registered after the documents citing it: they were adopted
    assert ward["05-CT/TW"].target == register["ct"]
    kl_cites = DocumentCitation.objects.get(source=register["kl"])
    assert kl_cites.target == register["ct"] and kl_cites.relation == "implements"


def test_page_shows_both_directions_graph_and_implementers(client, register, tree) -> None:
    leader = make_user("ld", tree.town, Role.LEADER, clearance=Classification.SECRET)
    client.force_login(leader)
    page = client.get(f"/van-ban/{register['kl'].pk}/").content.decode()
    assert "Văn bản này dẫn" in page and "Được dẫn bởi" in page
    assert "<svg" in page and 'class="citation-graph"' in page and "<script>" not in page
    assert "Đảng ủy phường Phổ Hòa" in page and "12-KH/ĐU" in page and "80-BC/TU" in page
    assert "Các văn bản thực hiện, sơ kết, tổng kết" in page
    ward_page = client.get(f"/van-ban/{register['ward'].pk}/").content.decode()
    assert "Dẫn chiếu chưa tìm thấy trong sổ" in ward_page
    assert f'href="/van-ban/{register["plan"].pk}/"' in ward_page  # nearest: 174-KH/TU of 16/02


def test_ward_user_does_not_see_the_towns_secret_report_in_the_graph(
    client, register, tree
) -> None:
    ward_user = make_user("phohoa", tree.pho_hoa, Role.LEADER, clearance=Classification.SECRET)
    # the ward sees the resolution through its own registration
    own = doc(tree.pho_hoa, "01-KL/TW", "KL", (2021, 5, 18), "Kết luận 01 (văn bản đến của phường)")
    client.force_login(ward_user)
    page = client.get(f"/van-ban/{own.pk}/").content.decode()
    assert "12-KH/ĐU" in page
    assert "80-BC/TU" not in page and "174-KH/TU" not in page.split("Được dẫn bởi")[1]
    assert client.get(f"/van-ban/{register['kl'].pk}/").status_code == 404


def test_check_command_compares_with_the_register(tmp_path, tree) -> None:
    from typer.testing import CliRunner

    from capuy.cli import app
    from capuy.documents.models import NumberCounter
    from capuy.orgs.models import Body, CommitteeTerm

    body = Body.objects.get(organisation=tree.town, kind="btv")
    term = CommitteeTerm.objects.get(organisation=tree.town, ordinal=21)
    Document.objects.create(
        direction=Direction.OUTGOING,
        organisation=tree.town,
        issuing_body=body,
        term=term,
        type_code="KH",
        symbol_code="TU",
        number=174,
        symbol="174-KH/TU",
        issued_on=dt.date(2024, 2, 16),
        summary="Sơ kết 03 năm thực hiện Kết luận 01-KL/TW",
    )
    NumberCounter.objects.create(
        organisation=tree.town, symbol_code="TU", type_code="KH", term=term, last_number=174
    )
    draft = tmp_path / "du-thao.txt"
    draft.write_text(
        "ĐẢNG CỘNG SẢN VIỆT NAM\nTHỊ ỦY ĐỨC PHỔ\n*\nSố 720-BC/TU\n\n"
        "Đức Phổ, ngày 26 tháng 3 năm 2024\n\nBÁO CÁO\ncông tác tháng 3 năm 2024\n\n"
        "Thực hiện Kế hoạch số 174-KH/TU ngày 18/02/2024 của Ban Thường vụ Thị ủy.\n"
        "Triển khai Kế hoạch số 400-KH/TU ngày 01/03/2024.\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(
        app, ["check", str(draft), "--json", "--register", "Thị ủy Đức Phổ"]
    )
    assert result.exit_code == 0, result.output
    import json

    rules = {(f["rule"], f["line"]) for f in json.loads(result.output)["findings"]}
    assert ("citation-date.known", 11) in rules
    assert ("citation-conflict.never-issued", 12) in rules
    plain = CliRunner().invoke(app, ["check", str(draft), "--json"])
    assert "citation-conflict.never-issued" not in plain.output
