"""Demo step: a few arrivals in the incoming books of Thị ủy Đức Phổ and of the ward Phổ Hòa
(``demo.yaml`` beside this file), numbered through ``register_arrival`` like a clerk's and
routed, instructed and handled through the same services; running it twice changes nothing."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml

from capuy.incoming.models import Arrival, ArrivalCounter
from capuy.incoming.services import finish, register_arrival, route
from capuy.orgs.models import Organisation
from capuy.text import nfc


@cache
def demo_arrivals() -> dict[str, Any]:
    text = resources.files("capuy.incoming").joinpath("demo.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(nfc(text))
    assert isinstance(data, dict)
    return data


def _book(ctx: Any, organisation: Organisation, spec: dict[str, Any], clerk: Any) -> int:
    arrivals = spec["arrivals"]
    year = arrivals[0]["received"].year
    ArrivalCounter.objects.get_or_create(
        organisation=organisation, year=year, defaults={"last_number": spec["last_number"]}
    )
    for item in arrivals:
        arrival = register_arrival(
            organisation=organisation,
            received_on=item["received"],
            user=clerk,
            sender=item["sender"],
            sender_symbol=item["symbol"],
            sender_date=item["date"],
            type_code=item["type"],
            summary=item["summary"],
            classification=item.get("classification", 0),
            deadline=item.get("deadline"),
        )
        if "route" in item:
            how = item["route"]
            route(
                arrival,
                actor=clerk,
                to_user=ctx.users[how["to"]],
                leader=ctx.users.get(how.get("leader", "")),
                instruction=how.get("instruction", ""),
            )
            if "done" in item:
                finish(arrival, actor=ctx.users[how["to"]], note=item["done"], on=item["done_on"])
    return len(arrivals)


def load_demo_arrivals(ctx: Any) -> str:
    data = demo_arrivals()
    if Arrival.objects.filter(organisation=ctx.town).exists():
        return "đã có sẵn"
    count = _book(ctx, ctx.town, data["town"], ctx.users.get("vanthu.ducpho"))
    ward = ctx.wards[data["ward"]["unit"]]
    count += _book(ctx, ward, data["ward"], ctx.users.get("vanthu.phohoa"))
    return f"{count:02d} văn bản đến (sổ đến Thị ủy Đức Phổ và Đảng ủy phường Phổ Hòa)"
