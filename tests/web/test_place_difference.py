"""The two-outlet fixture story (web_fixtures.py): the place a reader sees differ is a difference card."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from conftest import TOKEN
from svodka.web.app import create_app

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def nlp_client(nlp_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(str(nlp_db), token=TOKEN, word_vectors=False)) as test_client:
        yield test_client


def story_of(client: TestClient, external_id: str) -> str:
    found: str = client.get(f"/api/articles/{external_id}").json()["story"]
    return found


def test_the_api_gives_the_place_difference_in_russian(nlp_client: TestClient) -> None:
    comparison = nlp_client.get(f"/api/stories/{story_of(nlp_client, 'a-1')}").json()["comparison"]
    places = [d for d in comparison["differences"] if d["kind"] == "place"]
    assert len(places) == 1, comparison["differences"]
    values = " ".join(places[0]["values"])
    assert "в мэрии Новосибирска" in values and "в загородной резиденции губернатора" in values
    assert places[0]["about"].startswith("где")  # a Russian story is told about in Russian
    assert {c["source"] for c in places[0]["claims"]} == {"vestnik-test.ru", "sibir-daily.ru"}


def test_the_story_page_shows_a_place_card(nlp_client: TestClient) -> None:
    page = nlp_client.get(f"/stories/{story_of(nlp_client, 'a-1')}").text
    cards = re.findall(r'<div class="diff-card">(.*?)<p class="diff-kind">(.*?)</p>', page, re.S)
    kinds = [re.sub(r"<[^>]+>", " ", heading) for _, heading in cards]
    place = [k for k in kinds if "место" in k]
    assert place, kinds
    assert "где" in place[0] and "where" not in place[0]
    assert "мэрии Новосибирска" in page
