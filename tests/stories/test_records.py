"""Headlines of untitled articles and the importance formula."""
# ruff: noqa: E501 - parametrized cases read best one a line

from __future__ import annotations

import pytest

from svodka.stories.features import numbers, skeleton
from svodka.stories.records import HEADLINE_MAX, compress_lead, importance


@pytest.mark.parametrize(
    ("text", "headline"),
    [
        (
            "🔥 Путин подписал указ о повышении пенсий\n\nПодробности позже.",
            "Путин подписал указ о повышении пенсий",
        ),
        ("Губернатор открыл мост. Движение начнётся завтра.", "Губернатор открыл мост"),
        ("⚡️The mayor opened the bridge. Traffic starts tomorrow.", "The mayor opened the bridge"),
        (
            "В Архангельске после четырёх лет строительства открыли Поморский мост через Северную Двину длиной 1,2 километра, который соединил центр города с Октябрьским округом и Цигломенью",
            "В Архангельске после четырёх лет строительства открыли Поморский мост через Северную Двину длиной 1,2 километра",
        ),
        ("https://t.me/x\nНовость без заголовка", "Новость без заголовка"),
    ],
)
def test_compressed_lead(text: str, headline: str) -> None:
    assert compress_lead(text) == headline
    assert len(compress_lead(text)) <= HEADLINE_MAX


def test_a_long_sentence_without_clauses_is_cut_at_a_word() -> None:
    text = "слово " * 60
    out = compress_lead(text)
    assert out.endswith("…") and len(out) <= HEADLINE_MAX and not out[:-1].endswith(" ")


def test_importance_grows_with_sources_and_speed_and_fades_with_age() -> None:
    base = importance(
        independent=2, early=2, last_seen="2024-12-02T12:00:00Z", reference="2024-12-02T12:00:00Z"
    )
    assert (
        importance(independent=5, early=2, last_seen="2024-12-02T12:00:00Z", reference="2024-12-02T12:00:00Z")
        > base
    )
    assert (
        importance(independent=2, early=6, last_seen="2024-12-02T12:00:00Z", reference="2024-12-02T12:00:00Z")
        > base
    )
    assert (
        importance(independent=2, early=2, last_seen="2024-11-30T12:00:00Z", reference="2024-12-02T12:00:00Z")
        < base
    )


@pytest.mark.parametrize(
    ("ru", "en"),
    [
        ("Архангельск", "Arkhangelsk"),
        ("Воронцов", "Vorontsov"),
        ("Шестакова", "Shestakova"),
        ("Якутия", "Yakutia"),
        ("Екатеринбург", "Yekaterinburg"),
    ],
)
def test_names_meet_across_alphabets(ru: str, en: str) -> None:
    assert skeleton(ru) == skeleton(en)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("пострадали 12 рабочих, площадь 800 кв. м", ("12", "800")),
        ("length 1.2 km, cost 18,4 bn", ("1.2", "18.4")),
        ("3 человека", ()),
    ],
)
def test_numbers(text: str, found: tuple[str, ...]) -> None:
    assert numbers(text) == found
