"""`svodka stories`, `svodka story ID` and `svodka eval pairs`: the JSON others build on."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from story_fixtures import EN, RU, ingest_docs
from typer.testing import CliRunner

from svodka.cli.main import app

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("cli") / "cli.db"
    ingest_docs(path, RU + EN).close()
    return str(path)


def run_json(*args: str) -> object:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_stories_json_fields(db: str) -> None:
    items = run_json("stories", "--db", db, "--json", "--limit", "100")
    assert isinstance(items, list) and len(items) == 6
    for item in items:
        assert {"id", "title", "articles", "sources", "first_seen", "last_seen", "importance"} <= set(item)
        assert isinstance(item["articles"], list) and all(isinstance(a, str) for a in item["articles"])
        assert isinstance(item["importance"], float)
    ranks = [i["importance"] for i in items]
    assert ranks == sorted(ranks, reverse=True)
    bridge = next(i for i in items if "ru-bridge-1" in i["articles"])
    assert sorted(bridge["articles"]) == ["ru-bridge-1", "ru-bridge-2", "ru-bridge-3"]
    assert sorted(bridge["sources"]) == ["Вестник Севера", "Лента дня", "Меридиан"]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--lang", "en"], {"en-robot-1", "en-bison-1"}),
        (["--since", "2026-03-12", "--until", "2026-03-12", "--lang", "ru"], {"ru-court-1", "ru-fire-later"}),
        (["--until", "2026-03-04"], {"ru-bridge-1"}),
    ],
)
def test_stories_filters(db: str, args: list[str], expected: set[str]) -> None:
    items = run_json("stories", "--db", db, "--json", *args)
    firsts = {a for i in items for a in i["articles"]}  # type: ignore[union-attr]
    assert expected <= firsts
    assert len(items) == len(expected)  # type: ignore[arg-type]


def test_story_json_has_members_timeline_and_quotes(db: str) -> None:
    items = run_json("stories", "--db", db, "--json", "--lang", "en")
    bison = next(i for i in items if "en-bison-1" in i["articles"])  # type: ignore[union-attr]
    story = run_json("story", bison["id"], "--db", db, "--json")
    assert isinstance(story, dict)
    roles = {m["external_id"]: m["role"] for m in story["members"]}
    assert roles == {"en-bison-1": "original", "en-bison-2": "original", "en-bison-3": "copy"}
    assert [t["time"] for t in story["timeline"]] == sorted(t["time"] for t in story["timeline"])
    assert story["quotes"] == []  # stored without NLP: no analyses, no quotes


def test_unknown_story_is_an_error(db: str) -> None:
    result = runner.invoke(app, ["story", "nope", "--db", db])
    assert result.exit_code == 2 and "no story" in result.output


def test_tables_print(db: str) -> None:
    assert runner.invoke(app, ["stories", "--db", db]).exit_code == 0
    story_id = run_json("stories", "--db", db, "--json", "--limit", "1")[0]["id"]  # type: ignore[index]
    result = runner.invoke(app, ["story", story_id, "--db", db])
    assert result.exit_code == 0 and "original" in result.output


def test_eval_pairs(tmp_path: Path) -> None:
    pairs = tmp_path / "pairs.jsonl"
    records = []
    for a, b, label in [
        (RU[0], RU[1], "OK"),
        (RU[3], RU[4], "OK"),
        (RU[0], RU[3], "BAD"),
        (EN[0], EN[1], "OK"),
        (EN[0], EN[2], "BAD"),
    ]:
        lang = "en" if a[0].startswith("en") else "ru"
        records.append(
            {"lang": lang, "label": label, "first_url": f"https://{a[2]}/{a[0]}", "second_url": f"https://{b[2]}/{b[0]}",
             "first_title": a[4], "second_title": b[4], "first_text": a[5], "second_text": b[5]}
        )  # fmt: skip
    pairs.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), encoding="utf-8")
    scores = run_json("eval", "pairs", str(pairs), "--no-nlp", "--json")
    by_lang = {s["lang"]: s for s in scores}  # type: ignore[union-attr]
    assert by_lang["ru"]["pairs"] == 3 and by_lang["en"]["pairs"] == 2
    assert by_lang["ru"]["f1"] == 1.0 and by_lang["en"]["f1"] == 1.0
