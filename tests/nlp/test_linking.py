"""Linking mentions to entities within an article, and store-level entities across articles.

Article cases are (text, expected) with expected ``{canonical name: [surfaces of its mentions]}`` for
people (roles included). ``name_parts`` and the surname rules are tested without natasha.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from svodka.model import Article
from svodka.nlp.analyzer import analyse_text
from svodka.nlp.candidate import Candidate
from svodka.nlp.entities import find_mentions
from svodka.nlp.linking import case_forms, link, name_parts, same_surname
from svodka.nlp.natasha_adapter import parse
from svodka.store import Store


def people(text: str, models) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    mentions, entities = link(find_mentions(text, parse(text, models), models))
    names = {e.key: e.name for e in entities if e.type == "PER"}
    out: dict[str, list[str]] = {}
    for m in mentions:
        if m.entity in names:
            out.setdefault(names[m.entity], []).append(m.text)
    return out


ARTICLES = [
    (
        "Касым-Жомарт Токаев прибыл в Москву. Визит Касым-Жомарта Токаева продлится два дня. "
        "Токаеву показали Кремль.",
        {"Касым-Жомарт Токаев": ["Касым-Жомарт Токаев", "Касым-Жомарта Токаева", "Токаеву"]},
    ),
    (
        # the role before the name is bound to it; a bare surname joins the full name
        "Президент РФ Владимир Путин провёл совещание. Путин поручил правительству подготовить доклад. "
        "Как отметил глава государства, сроки сдвигать нельзя.",
        {"Владимир Путин": ["Президент РФ", "Владимир Путин", "Путин", "глава государства"]},
    ),
    (
        # a surname alone, with a role the text ties to a known office holder, gets the first name
        "Путин встретился с губернатором. Президент РФ выразил удовлетворение итогами года.",
        {"Владимир Путин": ["Путин", "Президент РФ"]},
    ),
    (
        # two people with one surname stay apart; the bare surname goes to the one named last
        "Пётр Иванов возглавил комитет, а его брат Сергей Иванов остался в министерстве. "
        "Позже Иванов заявил, что доволен назначением.",
        {"Пётр Иванов": ["Пётр Иванов"], "Сергей Иванов": ["Сергей Иванов", "Иванов"]},
    ),
    (
        "Пресс-секретарь Кремля Дмитрий Песков отказался от комментариев. "
        "Позже представитель Кремля уточнил, что встреча состоится.",
        {"Дмитрий Песков": ["Пресс-секретарь Кремля", "Дмитрий Песков", "представитель Кремля"]},
    ),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "expected"), ARTICLES, ids=[t[:30] for t, _ in ARTICLES])
def test_people_in_an_article(text: str, expected: dict[str, list[str]], nlp_models) -> None:  # type: ignore[no-untyped-def]
    assert people(text, nlp_models) == expected


@pytest.mark.parametrize(
    ("normal", "first", "patronymic", "last"),
    [
        ("Владимир Путин", "Владимир", None, "Путин"),
        ("Владимир Владимирович Путин", "Владимир", "Владимирович", "Путин"),
        ("Путин Владимир Владимирович", "Владимир", "Владимирович", "Путин"),
        ("Касым-Жомарт Токаев", "Касым-Жомарт", None, "Токаев"),
        ("Марин Ле Пен", "Марин", None, "Ле Пен"),
        ("Токаев", None, None, "Токаев"),
        ("Дмитрий", "Дмитрий", None, None),
        ("Joe Biden", "Joe", None, "Biden"),
    ],
)
def test_name_parts(normal: str, first: str | None, patronymic: str | None, last: str | None) -> None:
    parts = name_parts(normal)
    assert (parts.first, parts.patronymic, parts.last) == (first, patronymic, last)


@pytest.mark.parametrize(
    ("a", "b", "same", "forms"),
    [
        ("Путин", "путин", True, True),
        ("Пётр", "Петр", True, True),
        ("Иванов", "Иванова", False, True),  # a wife and a husband: not the same surname
        ("Дерипаска", "Дерипаски", False, True),
        ("Иванов", "Петров", False, False),
    ],
)
def test_surnames(a: str, b: str, same: bool, forms: bool) -> None:
    assert same_surname(a, b) is same
    assert case_forms(a, b) is forms


def test_link_without_natasha() -> None:
    text = "Анна Петрова и Олег Петров. Петрова уехала."
    candidates = [
        Candidate(0, 12, "PER", "Анна Петрова", "Анна Петрова"),
        Candidate(15, 26, "PER", "Олег Петров", "Олег Петров"),
        Candidate(28, 35, "PER", "Петрова", "Петрова"),
    ]
    mentions, entities = link(candidates)
    assert [e.name for e in entities] == ["Анна Петрова", "Олег Петров"]
    assert [m.entity for m in mentions] == ["PER:Анна Петрова", "PER:Олег Петров", "PER:Анна Петрова"]
    assert text[28:35] == "Петрова"


def _article(n: int, text: str) -> Article:
    return Article(
        id=f"a{n}",
        external_id=None,
        source=f"s{n}",
        url=None,
        published=None,
        title=None,
        text=text,
        lang="ru",
        content_hash=str(n),
    )


@pytest.mark.slow
def test_store_level_entities(tmp_path: Path, nlp_models) -> None:  # type: ignore[no-untyped-def]
    texts = [
        "Владимир Путин прибыл в Астану. Путин проведёт переговоры.",
        "Вечером Путин заявил журналистам, что переговоры прошли успешно.",
        "Сергей Иванов выступил на форуме в Москве.",
        "Пётр Иванов открыл выставку в Казани.",
    ]
    articles = [_article(n, t) for n, t in enumerate(texts)]
    analyses = [analyse_text(a.text, "ru", models=nlp_models) for a in articles]
    with Store(tmp_path / "s.db") as store:
        store.add_articles(articles, analyses)
        putin = store.find_entities("Путин", "PER")
        assert [e.name for e in putin] == ["Владимир Путин"]
        detail = store.entity(putin[0].id)
        assert detail.articles == ("a0", "a1")  # the same person in two articles is one entity
        assert {m.text for m in detail.mentions} == {"Владимир Путин", "Путин"}
        ivanovs = {e.name: e.id for e in store.entities_of("a2") + store.entities_of("a3") if e.type == "PER"}
        assert set(ivanovs) == {"Сергей Иванов", "Пётр Иванов"}
        assert len(set(ivanovs.values())) == 2  # one surname, two people
        assert store.analysis("a0") == analyses[0]  # stored and read back unchanged
        assert store.analysis("missing") is None


def test_a_surname_that_reads_as_a_first_name() -> None:
    # pymorphy guesses "Гиффордс" to be a first name; after the full name it is the surname
    candidates = [
        Candidate(0, 17, "PER", "Гэбриэль Гиффордс", "Гэбриэль Гиффордс"),
        Candidate(30, 38, "PER", "Гиффордс", "Гиффордс"),
    ]
    mentions, entities = link(candidates)
    assert [e.name for e in entities] == ["Гэбриэль Гиффордс"]
    assert {m.entity for m in mentions} == {"PER:Гэбриэль Гиффордс"}
