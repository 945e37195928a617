"""The command line through typer's runner: summaries, tables, JSON, exit codes 0 / 1 / 2, --db everywhere."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from svodka.cli.main import app

FILES = {
    "000_5f1c2e9a7b3d4061.txt": " date 2025-11-11 Министр транспорта провёл встречу в Казани.\n\n"
    "Касым-Жомарт Токаев прибыл в город на один день.\n",
    "004_c7d94e1a0b62f358.txt": "Путин принял Токаева в Кремле\nРазговор прошёл за обедом.\n"
    "Источник: www.rbc.ru\n",
    "en/talks.txt": "Leaders meet in Moscow\nThe presidents of Russia and Kazakhstan held talks.\n",
}
LIST_KEYS = {"id", "external_id", "source", "url", "date", "title", "lang"}
FOUNDATION_COMMANDS = ["ingest", "articles", "article", "search", "demo"]

runner = CliRunner()


def svodka(*args: str) -> Result:
    return runner.invoke(app, list(args), env={"COLUMNS": "200", "SVODKA_DB": None})


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    for name, text in FILES.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, "utf-8")
    return root


@pytest.fixture
def db(tmp_path: Path, corpus: Path) -> str:
    path = str(tmp_path / "s.db")
    result = svodka("ingest", str(corpus), "--db", path, "--no-nlp", "--quiet")
    assert result.exit_code == 0, result.output
    return path


def test_ingest_prints_a_summary_and_exits_0(tmp_path: Path, corpus: Path) -> None:
    path = str(tmp_path / "s.db")
    first = svodka("ingest", str(corpus), "--db", path, "--no-nlp")
    assert first.exit_code == 0, first.output
    assert "read 3, stored 3, duplicate 0, rejected 0" in first.stdout
    second = svodka("ingest", str(corpus), "--db", path, "--no-nlp", "--quiet")
    assert second.exit_code == 0
    assert "read 3, stored 0, duplicate 3, rejected 0" in second.stdout


def test_ingest_exits_1_and_names_each_rejection(tmp_path: Path, corpus: Path) -> None:
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "bad.jsonl").write_text('{"text": "Хорошая запись из файла."}\n{broken\n', "utf-8")
    result = svodka(
        "ingest", str(corpus), str(tmp_path / "nowhere"), "--db", str(tmp_path / "s.db"), "--no-nlp", "-q"
    )
    assert result.exit_code == 1, result.output
    assert "stored 4" in result.stdout and "rejected 3" in result.stdout
    assert f"rejected {corpus / 'empty.txt'}: empty file" in result.stdout
    assert f"rejected {corpus / 'bad.jsonl'}:2: malformed JSON" in result.stdout
    assert "no such file, folder or URL" in result.stdout


def test_ingest_json_summary(tmp_path: Path, corpus: Path) -> None:
    (corpus / "empty.txt").write_bytes(b"")
    result = svodka(
        "ingest", str(corpus), "--db", str(tmp_path / "s.db"), "--no-nlp", "--no-stories", "--json"
    )
    assert result.exit_code == 1
    summary = json.loads(result.stdout)
    assert (summary["read"], summary["stored"], summary["duplicate"]) == (4, 3, 0)
    assert summary["rejected"] == [{"origin": str(corpus / "empty.txt"), "reason": "empty file"}]


def test_ingest_with_a_field_mapping(tmp_path: Path) -> None:
    data = tmp_path / "export.jsonl"
    data.write_text(
        json.dumps({"guid": "g1", "body": "Текст из выгрузки о встрече."}, ensure_ascii=False) + "\n"
    )
    db = str(tmp_path / "s.db")
    result = svodka(
        "ingest", str(data), "--db", db, "--no-nlp", "-q", "--field", "text=body", "--field", "id=guid"
    )
    assert result.exit_code == 0, result.output
    shown = svodka("article", "g1", "--db", db)
    assert shown.exit_code == 0
    assert "Текст из выгрузки о встрече." in shown.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "csv"], "unknown format 'csv'"),
        (["--field", "body"], "looks like text=body"),
        (["--field", "content=body"], "unknown field"),
    ],
)
def test_ingest_usage_errors_exit_2(tmp_path: Path, corpus: Path, args: list[str], message: str) -> None:
    result = svodka("ingest", str(corpus), "--db", str(tmp_path / "s.db"), "--no-nlp", *args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.output


def test_ingest_without_inputs_is_a_usage_error(tmp_path: Path) -> None:
    assert svodka("ingest", "--db", str(tmp_path / "s.db")).exit_code == 2


def test_articles_table(db: str) -> None:
    result = svodka("articles", "--db", db)
    assert result.exit_code == 0
    assert "3 of 3 articles" in result.stdout
    assert "Путин принял Токаева в Кремле" in result.stdout
    assert "Leaders meet in Moscow" in result.stdout
    assert "www.rbc.ru" in result.stdout and "2025-11-11" in result.stdout


def test_articles_json(db: str) -> None:
    result = svodka("articles", "--db", db, "--json")
    assert result.exit_code == 0
    items = json.loads(result.stdout)
    assert len(items) == 3
    assert all(set(item) == LIST_KEYS for item in items)
    by_file = {item["external_id"]: item for item in items}
    assert by_file["000_5f1c2e9a7b3d4061.txt"]["date"] == "2025-11-11"
    assert by_file["004_c7d94e1a0b62f358.txt"]["source"] == "www.rbc.ru"
    assert by_file["en/talks.txt"]["lang"] == "en"


@pytest.mark.parametrize(
    ("args", "count"), [(["--lang", "en"], 1), (["--source", "www.rbc.ru"], 1), (["--limit", "2"], 2)]
)
def test_articles_filters(db: str, args: list[str], count: int) -> None:
    result = svodka("articles", "--db", db, "--json", *args)
    assert len(json.loads(result.stdout)) == count


@pytest.mark.parametrize("by", ["id", "external_id"])
def test_article_by_id_or_external_id(db: str, by: str) -> None:
    listed = {i["external_id"]: i for i in json.loads(svodka("articles", "--db", db, "--json").stdout)}
    key = listed["004_c7d94e1a0b62f358.txt"][by]
    result = svodka("article", key, "--db", db)
    assert result.exit_code == 0
    assert "Путин принял Токаева в Кремле" in result.stdout
    assert "Разговор прошёл за обедом." in result.stdout
    assert "www.rbc.ru" in result.stdout
    as_json = json.loads(svodka("article", key, "--db", db, "--json").stdout)
    assert as_json["id"] == listed["004_c7d94e1a0b62f358.txt"]["id"]
    assert as_json["text"] == "Разговор прошёл за обедом."


def test_unknown_article_exits_2_with_a_message(db: str) -> None:
    result = svodka("article", "no-such-id", "--db", db)
    assert result.exit_code == 2
    assert "no article with id or external id 'no-such-id'" in result.stderr


def test_search(db: str) -> None:
    result = svodka("search", "Токаева", "--db", db)
    assert result.exit_code == 0
    assert "[Токаев]" in result.stdout
    as_json = json.loads(svodka("search", "встречи", "--db", db, "--json").stdout)
    assert [hit["external_id"] for hit in as_json] == ["000_5f1c2e9a7b3d4061.txt"]
    assert LIST_KEYS | {"score", "snippet"} <= set(as_json[0])
    assert "[встречу]" in as_json[0]["snippet"]
    assert svodka("search", "talks", "--db", db, "--json").stdout.count('"id"') == 1


def test_search_finds_nothing_politely(db: str) -> None:
    result = svodka("search", "Лондон", "--db", db)
    assert result.exit_code == 0
    assert "nothing found" in result.stdout
    assert json.loads(svodka("search", "Лондон", "--db", db, "--json").stdout) == []


def test_search_without_words_exits_2(db: str) -> None:
    result = svodka("search", "!!!", "--db", db)
    assert result.exit_code == 2
    assert "no words" in result.stderr


def test_a_file_that_is_not_a_database_exits_2(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("not a database\n" * 100)
    for command in (["articles"], ["search", "Москва"], ["article", "x"]):
        result = svodka(*command, "--db", str(path))
        assert result.exit_code == 2
        assert "not a usable Svodka database" in result.stderr


def test_db_from_the_environment(tmp_path: Path, corpus: Path) -> None:
    path = str(tmp_path / "env.db")
    result = runner.invoke(app, ["ingest", str(corpus), "--no-nlp", "-q"], env={"SVODKA_DB": path})
    assert result.exit_code == 0
    assert Path(path).exists()


def test_every_command_has_help() -> None:
    names = [c.name for c in app.registered_commands] + [g.name for g in app.registered_groups]
    assert set(FOUNDATION_COMMANDS) <= set(names)
    for name in names:
        assert name
        result = svodka(name, "--help")
        assert result.exit_code == 0, (name, result.output)
        assert "Usage" in result.stdout


@pytest.mark.parametrize("name", FOUNDATION_COMMANDS)
def test_foundation_commands_take_db(name: str) -> None:
    assert "--db" in svodka(name, "--help").stdout
