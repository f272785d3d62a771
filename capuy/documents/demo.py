"""Demo step: the register of Thị ủy Đức Phổ in February 2024 (``demo.yaml`` beside this file).

Run by ``capuy.web.demo.load_demo`` after the units and users exist. Numbers are taken through
``register_outgoing`` like a clerk's, from counters preset to the last paper numbers, so the
demo exercises the real numbering; running it twice changes nothing.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml

from capuy.documents.models import Document, DocumentRelation, NumberCounter
from capuy.documents.numbering import register_incoming, register_outgoing, term_for
from capuy.orgs.models import Organisation
from capuy.text import nfc

MARKER_SYMBOL = "07-NQ/TU"


@cache
def demo_register() -> dict[str, Any]:
    text = resources.files("capuy.documents").joinpath("demo.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(nfc(text))
    assert isinstance(data, dict)
    return data


def _preset_counters(
    organisation: Organisation, code: str, specs: list[dict[str, Any]], on: Any
) -> None:
    term = term_for(organisation, on)
    for spec in specs:
        NumberCounter.objects.get_or_create(
            organisation=organisation,
            symbol_code=code,
            type_code=spec["type"],
            term=term,
            defaults={"last_number": spec["last"]},
        )


def _town_incoming(data: dict[str, Any], town: Organisation, clerk: Any) -> dict[str, Document]:
    """The incoming documents seed 000 answers, by their key."""
    registered: dict[str, Document] = {}
    for spec in data["incoming"]:
        registered[spec["key"]] = register_incoming(
            organisation=town,
            sender=spec["sender"],
            symbol=spec["symbol"],
            type_code=spec["type"],
            issued_on=spec["date"],
            received_on=spec["received"],
            summary=spec["summary"],
            created_by=clerk,
        )
    return registered


def _town_outgoing(
    ctx: Any, data: dict[str, Any], clerk: Any, registered: dict[str, Document]
) -> None:
    """The town's outgoing documents in order (each takes the next number), linked to the
    incoming ones they answer."""
    town = ctx.town
    signers = data["signers"]
    for spec in data["outgoing"]:
        signer = signers[spec["signer"]]
        document = register_outgoing(
            issuing_body=ctx.body(town, spec.get("body", "btv")),
            type_code=spec["type"],
            issued_on=spec["date"],
            summary=spec["summary"],
            signer_capacity=signer["capacity"],
            signer_title=signer["title"],
            signer_name=signer["name"],
            recipients=data["recipients"][spec.get("recipients", "internal")],
            classification=spec.get("classification", 0),
            important=spec.get("important", True),
            created_by=clerk,
        )
        if "answers" in spec:
            DocumentRelation.objects.create(
                source=document,
                target=registered[spec["answers"]],
                kind=DocumentRelation.Kind.ANSWERS,
            )
        if "key" in spec:
            registered[spec["key"]] = document


def _ward_register(ctx: Any, ward_spec: dict[str, Any]) -> Organisation:
    """The ward's own outgoing register, after its preset counters; the ward."""
    ward = ctx.wards[ward_spec["unit"]]
    ward_btv = ctx.body(ward, "btv")
    ward_clerk = ctx.users.get("vanthu.phohoa")
    _preset_counters(ward, ward_btv.code, ward_spec["counters"], ward_spec["outgoing"][0]["date"])
    for spec in ward_spec["outgoing"]:
        register_outgoing(
            issuing_body=ctx.body(ward, spec["body"]),
            type_code=spec["type"],
            issued_on=spec["date"],
            summary=spec["summary"],
            created_by=ward_clerk,
        )
    return ward


def load_demo_documents(ctx: Any) -> str:
    """Register seed 000's documents (and a few more) for the town and one ward, in the
    register's order: the town's counters, incoming, outgoing, then the ward."""
    data = demo_register()
    town = ctx.town
    if Document.objects.filter(organisation=town, symbol=MARKER_SYMBOL).exists():
        return "đã có sẵn"
    clerk = ctx.users.get("vanthu.ducpho")
    btv = ctx.body(town, "btv")
    first_day = min(spec["date"] for spec in data["outgoing"])
    _preset_counters(town, btv.code, data["counters"], first_day)
    registered = _town_incoming(data, town, clerk)
    _town_outgoing(ctx, data, clerk, registered)
    ward = _ward_register(ctx, data["ward"])
    total = Document.objects.filter(organisation__in=[town, ward]).count()
    return f"{total:02d} văn bản (sổ Thị ủy Đức Phổ và Đảng ủy phường {data['ward']['unit']})"
