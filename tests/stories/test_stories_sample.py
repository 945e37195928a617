"""The shipped sample corpus: its events come out as `events.json` writes them down, copies included."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from svodka.pipeline import IngestOptions, ingest
from svodka.store import Store


def manifest() -> dict[str, Any]:
    return json.loads(resources.files("svodka").joinpath("sample", "events.json").read_text(encoding="utf-8"))


def sample_dir() -> str:
    return str(resources.files("svodka").joinpath("sample", "articles"))


def expected() -> set[frozenset[str]]:
    data = manifest()
    groups = {frozenset(e["articles"]) for e in data["events"]}
    return groups | {frozenset([s["article"]]) for s in data["singletons"]}


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    store = Store(tmp_path_factory.mktemp("sample") / "sample.db")
    ingest(store, [sample_dir()], IngestOptions())
    return store


def test_events_come_out_as_written(sample_store: Store) -> None:
    got = {frozenset(s.articles) for s in sample_store.stories(limit=None)}
    assert got == expected()


def test_copies_are_marked_as_written(sample_store: Store) -> None:
    for event in manifest()["events"]:
        for pair in event["copies"]:
            copy = sample_store.article(pair["copy"])
            original = sample_store.article(pair["original"])
            members = {
                m.article_id: m for m in sample_store.story(sample_store.story_of(copy.id) or "").members
            }
            assert (members[copy.id].role, members[copy.id].copy_of) == ("copy", original.id)
            assert members[original.id].role == "original"


def test_each_story_has_a_headline(sample_store: Store) -> None:
    for story in sample_store.stories(limit=None):
        assert story.title and len(story.title) <= 160


@pytest.mark.slow
def test_events_come_out_as_written_with_nlp(tmp_path: Path) -> None:
    from svodka.nlp.analyzer import LocalAnalyzer

    with Store(tmp_path / "nlp.db") as store:
        ingest(store, [sample_dir()], IngestOptions(analyzer=LocalAnalyzer()))
        assert {frozenset(s.articles) for s in store.stories(limit=None)} == expected()
