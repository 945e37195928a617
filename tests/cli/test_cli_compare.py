"""``svodka compare FILE FILE --json``: reads, analyses and compares files (needs the NLP models)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from svodka.cli.main import app

pytestmark = pytest.mark.slow

ONE = """ date 2026-03-05
Пожар на складе в Дзержинске

Утром 5 марта на складе лакокрасочного завода в Дзержинске начался пожар.
Пострадали 12 человек, сообщили спасатели.

Источник: first.example
"""
TWO = """ date 2026-03-05
В Дзержинске горел склад

На складе лакокрасочного завода в Дзержинске утром 5 марта произошёл пожар.
Пострадали 15 человек, сообщили спасатели.

Источник: second.example
"""


def test_compare_prints_the_documented_json(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text(ONE, encoding="utf-8")
    (tmp_path / "two.txt").write_text(TWO, encoding="utf-8")
    result = CliRunner().invoke(
        app, ["compare", str(tmp_path / "one.txt"), str(tmp_path / "two.txt"), "--json"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert list(data) == [
        "story",
        "sources",
        "summary",
        "timeline",
        "shared",
        "only_in",
        "differences",
        "quotes",
        "tone",
    ]
    assert data["sources"] == ["first.example", "second.example"]
    assert [d["kind"] for d in data["differences"]] == ["number"]
    assert data["shared"], "the fire itself is reported by both"


def test_compare_needs_two_articles(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text(ONE, encoding="utf-8")
    result = CliRunner().invoke(app, ["compare", str(tmp_path / "one.txt")])
    assert result.exit_code == 2
