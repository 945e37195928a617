"""``svodka.extract`` and ``svodka extract``: the JSON shape, offsets into the text as given, files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import svodka
from svodka.cli.main import app
from svodka.errors import BadInput
from svodka.nlp.extract import extract_file

RU = (
    "Президент РФ Владимир Путин встретился с Касым-Жомартом Токаевым.\r\n"
    "«Мы обсудим всю повестку», — сказал Путин журналистам 11 ноября 2025 года."
)
EN = 'President Joe Biden met Rishi Sunak in London. "We agreed on everything," Biden said.'


@pytest.mark.slow
@pytest.mark.parametrize(("text", "lang"), [(RU, "ru"), (EN, "en")])
def test_shape_and_offsets(text: str, lang: str, nlp_models) -> None:  # type: ignore[no-untyped-def]
    result = svodka.extract(text)
    assert set(result) == {"lang", "entities", "quotes", "dates"}
    assert result["lang"] == lang
    for e in result["entities"]:
        assert set(e) == {"start", "stop", "type", "text", "normal", "entity"}
        assert text[e["start"] : e["stop"]] == e["text"]
        assert e["type"] in ("PER", "ORG", "LOC")
    for q in result["quotes"]:
        assert set(q) == {"parts", "kind", "speaker_span", "speaker", "speaker_type"}
        assert all(text[a] not in '«»"“”' and text[b - 1] not in '«»"“”' for a, b in q["parts"])
    json.dumps(result, ensure_ascii=False)  # JSON-ready


@pytest.mark.slow
def test_russian_content(nlp_models) -> None:  # type: ignore[no-untyped-def]
    result = svodka.extract(RU)
    people = {e["text"]: e["entity"] for e in result["entities"] if e["type"] == "PER"}
    assert people["Президент РФ"] == people["Путин"] == "Владимир Путин"
    assert people["Касым-Жомартом Токаевым"] == "Касым-Жомарт Токаев"
    direct = [q for q in result["quotes"] if q["kind"] == "direct"]
    assert [RU[a:b] for a, b in direct[0]["parts"]] == ["Мы обсудим всю повестку"]
    assert direct[0]["speaker"] == "Владимир Путин"
    assert {"value": "2025-11-11"}.items() <= result["dates"][0].items()


@pytest.mark.slow
def test_english_entities(nlp_models) -> None:  # type: ignore[no-untyped-def]
    result = svodka.extract(EN, lang="en")
    found = {(e["text"], e["type"], e["entity"]) for e in result["entities"]}
    assert ("Joe Biden", "PER", "Joe Biden") in found
    assert ("London", "LOC", "London") in found
    assert ("Biden", "PER", "Joe Biden") in found


@pytest.mark.slow
def test_file_keeps_crlf_and_drops_bom(tmp_path: Path, nlp_models) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "a.txt"
    path.write_bytes(b"\xef\xbb\xbf" + RU.encode("utf-8"))
    record = extract_file(path)
    assert record["path"] == str(path)
    assert record == {"path": str(path), **svodka.extract(RU)}  # offsets into the text without the BOM


def test_unreadable_file_says_why(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(BadInput, match="empty"):
        extract_file(empty)
    with pytest.raises(BadInput, match="cannot read"):
        extract_file(tmp_path / "missing.txt")


@pytest.mark.slow
def test_cli_jsonl(tmp_path: Path, nlp_models) -> None:  # type: ignore[no-untyped-def]
    good = tmp_path / "ru.txt"
    good.write_text(RU, encoding="cp1251")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    result = CliRunner().invoke(app, ["extract", str(good), str(bad), "--jsonl"])
    assert result.exit_code == 1
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert len(lines) == 1
    assert lines[0]["path"] == str(good)
    assert lines[0]["entities"] == svodka.extract(RU)["entities"]


@pytest.mark.slow
def test_english_titles_and_surnames(nlp_models) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Russian President Vladimir Putin met Kazakh President Kassym-Jomart Tokayev in Moscow. "
        'The talks with Tokayev lasted two hours. "We are close allies," Putin told reporters. '
        "Mr. Peskov declined to comment."
    )
    found = [(e["text"], e["type"], e["entity"]) for e in svodka.extract(text, lang="en")["entities"]]
    assert found == [
        ("Vladimir Putin", "PER", "Vladimir Putin"),
        ("Kassym-Jomart Tokayev", "PER", "Kassym-Jomart Tokayev"),
        ("Moscow", "LOC", "Moscow"),
        ("Tokayev", "PER", "Kassym-Jomart Tokayev"),
        ("Putin", "PER", "Vladimir Putin"),
        ("Peskov", "PER", "Peskov"),
    ]
