"""Lists of units follow the tree, siblings by the position the office set, then by id —
never by the text of ``path`` ("/1/2/10/" would come before "/1/2/3/")."""

from __future__ import annotations

import pytest

from capuy.orgs.models import Organisation

pytestmark = pytest.mark.django_db


def _unit(name: str, parent: Organisation | None, position: int = 0) -> Organisation:
    return Organisation.objects.create(
        name=name,
        kind="dang_bo_xa" if parent else "dang_bo_huyen",
        parent=parent,
        position=position,
    )


def _names(qs) -> list[str]:
    return list(qs.values_list("name", flat=True))


def test_siblings_by_position_then_id_whatever_the_digits_of_their_ids() -> None:
    root = _unit("Thị ủy", None)
    first = [_unit(f"Phường {i}", root, position=1) for i in range(1, 12)]  # ids cross 10
    early = _unit("Đảng bộ đặt lên đầu", root, position=0)
    tail = _unit("Xã cuối", root, position=9)
    below = _unit("Chi bộ 1", first[0])
    listed = _names(Organisation.objects.filter(path__startswith=root.path))
    assert listed == ["Thị ủy", "Đảng bộ đặt lên đầu", "Phường 1", "Chi bộ 1"] + [
        f"Phường {i}" for i in range(2, 12)
    ] + ["Xã cuối"]
    assert below.tree_key.startswith(first[0].tree_key)
    assert early.pk > first[-1].pk and tail.pk > early.pk


def test_a_moved_or_reordered_unit_takes_its_subtree_with_it() -> None:
    root = _unit("Huyện ủy", None)
    a, b = _unit("A", root, position=1), _unit("B", root, position=2)
    cell = _unit("Chi bộ của A", a)
    a.position = 3
    a.save(update_fields=["position"])
    assert _names(Organisation.objects.filter(path__startswith=root.path)) == [
        "Huyện ủy",
        "B",
        "A",
        "Chi bộ của A",
    ]
    a.parent = b
    a.save()
    cell.refresh_from_db()
    assert cell.path == f"{root.path}{b.pk}/{a.pk}/{cell.pk}/"
    assert cell.tree_key.startswith(Organisation.objects.get(pk=a.pk).tree_key)
    assert cell.tree_key.startswith(Organisation.objects.get(pk=b.pk).tree_key)


@pytest.mark.parametrize("scale", ["town"])
def test_generated_units_get_the_same_keys_as_saved_ones(scale: str) -> None:
    from capuy.stats.synth import generate

    generate(scale, seed=3)
    for org in Organisation.objects.select_related("parent")[:400]:
        expected_parent = org.parent.tree_key if org.parent else ""
        assert org.tree_key == f"{expected_parent}{org.position:05d}{org.pk:010d}/"
