"""Plain-text articles and the seed format: date line, source line, headline, file ids."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from svodka.ingest.sources import ReadOptions, read_inputs
from svodka.ingest.text import parse_text, split_headline
from svodka.model import RawDocument, Rejection

# (file text, expected date, source, title, body)
SEED_CASES = [
    pytest.param(
        " date 2025-11-11 Губернатор открыл новый мост в Твери.\n\n"
        "Движение пустят в субботу.\nИсточник: www.rbc.ru\n",
        date(2025, 11, 11),
        "www.rbc.ru",
        None,
        "Губернатор открыл новый мост в Твери.\n\nДвижение пустят в субботу.",
        id="ru-date-same-line-source-last",
    ),
    pytest.param(
        " date 2025-11-12\nПутин встретился с Токаевым\nВстреча прошла в Кремле.\n",
        date(2025, 11, 12),
        None,
        "Путин встретился с Токаевым",
        "Встреча прошла в Кремле.",
        id="ru-date-own-line-headline",
    ),
    pytest.param(
        "date 2025-11-11\n\nТокаев прибыл в Москву\n\nВизит продлится два дня.\n\nИсточник: ТАСС\n\n\n",
        date(2025, 11, 11),
        "ТАСС",
        "Токаев прибыл в Москву",
        "Визит продлится два дня.",
        id="ru-blank-lines-around",
    ),
    pytest.param(
        "\nГубернатор Тверской области известен тем, что сам проверяет каждый ремонт дорог в регионе.\n"
        "Второй абзац.\nИсточник: www.rbc.ru\n\n\n\n",
        None,
        "www.rbc.ru",
        None,
        "Губернатор Тверской области известен тем, что сам проверяет каждый ремонт дорог в регионе.\n"
        "Второй абзац.",
        id="ru-no-date-long-first-sentence",
    ),
    pytest.param(
        "Kazakh leader visits Moscow\nThe two presidents met at the Kremlin on Tuesday.\nSource: Reuters\n",
        None,
        "Reuters",
        "Kazakh leader visits Moscow",
        "The two presidents met at the Kremlin on Tuesday.",
        id="en-headline-source",
    ),
    pytest.param(
        " date 2025-13-45 Текст с датой, которой не бывает.\n",
        None,
        None,
        None,
        "date 2025-13-45 Текст с датой, которой не бывает.",
        id="impossible-date-left-in-text",
    ),
    pytest.param(
        "Источник сообщил, что встреча прошла.\nДругой абзац.\n",
        None,
        None,
        None,
        "Источник сообщил, что встреча прошла.\nДругой абзац.",
        id="ru-word-istochnik-is-not-a-source-line",
    ),
]


@pytest.mark.parametrize(("text", "published", "source", "title", "body"), SEED_CASES)
def test_seed_format(
    text: str, published: date | None, source: str | None, title: str | None, body: str
) -> None:
    doc = parse_text(text, origin="x.txt", external_id="x.txt")
    assert doc.published == published
    assert doc.source == source
    assert doc.title == title
    assert doc.text.strip() == body
    assert "Источник:" not in doc.text and "Source:" not in doc.text
    assert doc.external_id == "x.txt"
    assert doc.keyed_by_external_id is False  # a file path names a place, the text names the article


@pytest.mark.parametrize(
    ("body", "title"),
    [
        ("Путин и Токаев обсудили торговлю\nПодробности в тексте.", "Путин и Токаев обсудили торговлю"),
        ("Что известно о визите Токаева?\nРассказываем.", "Что известно о визите Токаева?"),
        ("Oil prices fall after OPEC meeting\nPrices fell 3%.", "Oil prices fall after OPEC meeting"),
        # a first sentence that ends with a period is text, however short
        ("Путин встретился с Токаевым.\nПодробности позже.", None),
        ("The talks ended.\nMore later.", None),
        # a long first line is a paragraph, not a headline
        ("Президенты " + "очень " * 40 + "долго говорили\nВторой абзац.", None),
        # one word is not a headline; nor is a line with nothing after it
        ("Молния\nТекст новости.", None),
        ("Путин встретился с Токаевым", None),
        ("Путин встретился с Токаевым:\nглавное.", None),
    ],
)
def test_headline_detection(body: str, title: str | None) -> None:
    found, rest = split_headline(body)
    assert found == title
    if title:
        assert title not in rest
    else:
        assert rest == body


def _read(paths: list[Path], **options: object) -> tuple[list[RawDocument], list[Rejection]]:
    docs: list[RawDocument] = []
    rejected: list[Rejection] = []
    for item in read_inputs([str(p) for p in paths], ReadOptions(**options)):  # type: ignore[arg-type]
        if isinstance(item, Rejection):
            rejected.append(item)
        else:
            docs.append(item)
    return docs, rejected


def test_folder_is_read_recursively_with_relative_paths_as_external_ids(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    (folder / "2025" / "11").mkdir(parents=True)
    (folder / "000_5f1c2e9a7b3d4061.txt").write_text(" date 2025-11-11 Путин встретил Токаева.\n", "utf-8")
    (folder / "2025" / "11" / "b.txt").write_text("Kazakh leader visits Moscow\nThe two met.\n", "utf-8")
    (folder / "2025" / "c.md").write_text("Третья статья без заголовка.\n", "utf-8")
    (folder / ".hidden").mkdir()
    (folder / ".hidden" / "skip.txt").write_text("Скрытый файл редактора.\n", "utf-8")
    docs, rejected = _read([folder])
    assert rejected == []
    assert sorted(d.external_id or "" for d in docs) == [
        "000_5f1c2e9a7b3d4061.txt",
        "2025/11/b.txt",
        "2025/c.md",
    ]
    by_id = {d.external_id: d for d in docs}
    assert by_id["000_5f1c2e9a7b3d4061.txt"].published == date(2025, 11, 11)
    assert by_id["2025/11/b.txt"].title == "Kazakh leader visits Moscow"


def test_a_single_file_gets_its_name_as_external_id(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "004_c7d94e1a0b62f358.txt"
    path.parent.mkdir()
    path.write_text("Текст статьи.\nИсточник: www.rbc.ru\n", "utf-8")
    docs, _ = _read([path])
    assert [d.external_id for d in docs] == ["004_c7d94e1a0b62f358.txt"]
    assert docs[0].source == "www.rbc.ru"


@pytest.mark.parametrize(
    ("text", "body", "title"),
    [
        (
            "date 2025-11-11\r\nПутин встретился с Токаевым\r\nВстреча прошла в Кремле.\r\n"
            "Источник: ТАСС\r\n",
            "Встреча прошла в Кремле.",
            "Путин встретился с Токаевым",
        ),
        (
            "Leaders meet in Moscow\r\nThe talks went on.\r\n\r\nSecond part.\r\n",
            "The talks went on.\n\nSecond part.",
            "Leaders meet in Moscow",
        ),
    ],
)
def test_crlf_files_read_like_lf_files(tmp_path: Path, text: str, body: str, title: str | None) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(text.encode("utf-8"))
    docs, _ = _read([path])
    assert "\r" not in docs[0].text
    assert docs[0].text == body
    assert docs[0].title == title
