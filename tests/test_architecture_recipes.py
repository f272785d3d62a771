"""docs/architecture.md's recipe "how to add a checker rule", tried for real: a small rule is
registered the documented way and ``capuy check`` reports it (then it is taken out again, so
the rule table of docs/checker.md still equals the registered rules)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

from typer.testing import CliRunner

from capuy.check.registry import RULES, all_rules, register
from capuy.cli import app
from capuy.model import Document, Finding

_ABBREVIATION = re.compile(r"\bđ/c\b", re.IGNORECASE)


def test_recipe_checker_rule(tmp_path) -> None:  # type: ignore[no-untyped-def]
    all_rules()  # the real rules first, as the command has them

    @register("other.comrade-abbreviation", "other", "“đ/c” written for “đồng chí”")
    def comrade_abbreviation(doc: Document) -> Iterator[Finding]:
        for block in doc.blocks:
            for match in _ABBREVIATION.finditer(block.text):
                yield RULES["other.comrade-abbreviation"].finding(
                    "warning",
                    block.line_at(match.start()),
                    match.group(),
                    "viết tắt “đ/c” trong văn bản chính thức",
                    "đồng chí",
                )

    try:
        draft = tmp_path / "du-thao.md"
        draft.write_text(
            "# I- TÌNH HÌNH\n\nĐ/c Nguyễn Văn An, Bí thư Thị ủy, chủ trì hội nghị.\n",
            encoding="utf-8",
        )
        result = CliRunner().invoke(
            app, ["check", str(draft), "--select", "other.comrade-abbreviation", "--json"]
        )
        assert result.exit_code == 0, result.output
        [finding] = json.loads(result.stdout)["findings"]
        assert finding["rule"] == "other.comrade-abbreviation"
        assert (finding["line"], finding["excerpt"], finding["suggestion"]) == (
            3,
            "Đ/c",
            "đồng chí",
        )
    finally:
        del RULES["other.comrade-abbreviation"]
