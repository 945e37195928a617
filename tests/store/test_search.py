"""Full-text search over lemmas: any inflected form finds the others; snippets mark the match."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from svodka.errors import UsageError
from svodka.ingest.normalize import to_article
from svodka.model import Article, RawDocument, Rejection
from svodka.store import Store, open_store
from svodka.store.search import fts_query


def article(text: str, title: str | None = None) -> Article:
    result = to_article(RawDocument(text=text, origin="test", title=title, keyed_by_external_id=False))
    assert not isinstance(result, Rejection)
    return result


DOCS = {
    "visit": article(
        "Касым-Жомарт Токаев прибыл в Москву. Встреча с Владимиром Путиным прошла в Кремле.",
        title="Визит президента Казахстана",
    ),
    "talks": article("Переговоры продолжатся завтра: стороны обсудят поставки ёлок и зерна."),
    "english": article("The presidents' meetings were held in the Kremlin; ministers signed agreements."),
    "weather": article("В Москве ожидается снег и сильный ветер."),
}


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    with open_store(tmp_path_factory.mktemp("search") / "s.db") as opened:
        opened.add_articles(list(DOCS.values()))
        yield opened


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Токаева", {"visit"}),  # genitive finds the nominative in the text
        ("Токаеву", {"visit"}),
        ("встречи", {"visit"}),  # «встречи» finds «встреча»
        ("встречам", {"visit"}),
        ("Путин", {"visit"}),  # nominative finds «Путиным»
        ("Москва", {"visit", "weather"}),
        ("в Москве", {"visit", "weather"}),
        ("президенты Казахстана", {"visit"}),  # title words count
        ("переговоров", {"talks"}),
        ("елка", {"talks"}),  # ё and е are one letter for search
        ("ёлки", {"talks"}),
        ("Москва снег", {"weather"}),  # every word must match
        ("meeting", set()),  # English words are matched as written (no stemming)
        ("meetings", {"english"}),
        ("Kremlin", {"english"}),
        ("KREMLIN ministers", {"english"}),
        ("Лондон", set()),
    ],
)
def test_search_finds_inflected_forms(store: Store, query: str, expected: set[str]) -> None:
    names = {name for name, doc in DOCS.items() for hit in store.search(query) if hit.article.id == doc.id}
    assert names == expected


def test_title_matches_rank_above_body_matches(tmp_path: Path) -> None:
    in_body = article("Сегодня губернатор открыл новый мост через реку.", title="Открытие моста")
    in_title = article("Сегодня чиновник открыл новый мост через реку.", title="Губернатор открыл мост")
    with open_store(tmp_path / "s.db") as opened:
        opened.add_articles([in_body, in_title])
        hits = opened.search("губернатора")
    assert [h.article.id for h in hits] == [in_title.id, in_body.id]
    assert hits[0].score > hits[1].score > 0


@pytest.mark.parametrize(
    ("query", "marked"),
    [("Токаева", "[Токаев]"), ("встречи", "[Встреча]"), ("елки", "[ёлок]"), ("ministers", "[ministers]")],
)
def test_snippet_marks_the_matching_word(store: Store, query: str, marked: str) -> None:
    (hit,) = store.search(query)
    assert marked in hit.snippet
    assert "\n" not in hit.snippet


def test_snippet_of_a_long_text_is_cut_around_the_match(tmp_path: Path) -> None:
    long_text = "Вступление. " * 50 + "Здесь упомянут Токаев. " + "Окончание. " * 50
    with open_store(tmp_path / "s.db") as opened:
        opened.add_articles([article(long_text)])
        (hit,) = opened.search("Токаева")
    assert hit.snippet.startswith("…") and hit.snippet.endswith("…")
    assert "[Токаев]" in hit.snippet
    assert len(hit.snippet) < 200


@pytest.mark.parametrize("query", ["", "   ", "!!!", "— « »"])
def test_a_query_without_words_is_a_usage_error(store: Store, query: str) -> None:
    with pytest.raises(UsageError, match="no words"):
        store.search(query)


@pytest.mark.parametrize("query", ["AND", "NOT Кремль", 'Путин"', "NEAR(a b)", "title:Москва", "Путин*"])
def test_fts_syntax_in_a_query_is_just_words(store: Store, query: str) -> None:
    store.search(query)  # no sqlite3.OperationalError from FTS5 syntax
    assert '"' in fts_query(query)


def test_limit_and_offset(store: Store) -> None:
    both = store.search("Москва")
    assert len(both) == 2
    assert [h.article.id for h in store.search("Москва", limit=1, offset=1)] == [both[1].article.id]
