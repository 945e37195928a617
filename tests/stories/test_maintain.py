"""The periodic pass: loose members are split off, stories that are one are merged (centroids, not chains)."""

from __future__ import annotations

from pathlib import Path

import pytest

from svodka.store import Store
from svodka.stories.features import Features
from svodka.stories.index import Member, StoryIndex
from svodka.stories.maintain import leave_one_out, merge, split
from svodka.stories.similarity import Settings
from svodka.stories.vocab import Vocabulary

T0 = 1_772_000_000.0

BRIDGE_RU = [
    "мост",
    "двина",
    "архангельск",
    "открыть",
    "губернатор",
    "воронцов",
    "длина",
    "километр",
    "стоимость",
    "строительство",
]
BRIDGE_EN = [
    "bridge",
    "dvina",
    "arkhangelsk",
    "opened",
    "governor",
    "vorontsov",
    "length",
    "kilometre",
    "cost",
    "construction",
]
FIRE_RU = [
    "пожар",
    "завод",
    "краска",
    "дзержинск",
    "цех",
    "пострадать",
    "рабочий",
    "огонь",
    "прокуратура",
    "площадь",
]
FIRE_EN = [
    "fire",
    "plant",
    "paint",
    "dzerzhinsk",
    "workshop",
    "injured",
    "workers",
    "flames",
    "prosecutors",
    "area",
]


def features(key: str, words: list[str], lang: str, hours: float = 0.0) -> Features:
    return Features(
        article_id=key, lang=lang, source=key, time=T0 + hours * 3600, terms=dict.fromkeys(words, 1.0)
    )


def index_with(*docs: Features) -> StoryIndex:
    vocab = Vocabulary()
    for doc in docs:
        vocab.add(doc.terms)
    return StoryIndex(vocab)


@pytest.mark.parametrize(("event", "other", "lang"), [(BRIDGE_RU, FIRE_RU, "ru"), (BRIDGE_EN, FIRE_EN, "en")])
def test_a_loose_member_is_split_off(event: list[str], other: list[str], lang: str) -> None:
    members = [features(f"a{i}", event[: 8 + i], lang, i) for i in range(3)]
    stray = features("stray", other + event[:1], lang, 4)
    index = index_with(*members, stray)
    story = index.open_story("a0", lang)
    for f in [*members, stray]:
        index.join(story, Member(f))
    assert leave_one_out(story.members["stray"], story, index.vocab) < Settings().split
    opened = split(index, story, Settings())
    assert [sorted(s.members) for s in opened] == [["stray"]]
    assert sorted(story.members) == ["a0", "a1", "a2"]


@pytest.mark.parametrize(("event", "lang"), [(BRIDGE_RU, "ru"), (BRIDGE_EN, "en")])
def test_a_coherent_story_is_not_split(event: list[str], lang: str) -> None:
    members = [features(f"a{i}", event[i : i + 8], lang, i) for i in range(4)]
    index = index_with(*members)
    story = index.open_story("a0", lang)
    for f in members:
        index.join(story, Member(f))
    assert split(index, story, Settings()) == []
    assert len(story.members) == 4


@pytest.mark.parametrize(("event", "other", "lang"), [(BRIDGE_RU, FIRE_RU, "ru"), (BRIDGE_EN, FIRE_EN, "en")])
def test_stories_that_are_one_are_merged_into_the_older(
    tmp_path: Path, event: list[str], other: list[str], lang: str
) -> None:
    a, b = features("a", event, lang), features("b", event[1:], lang, 2)
    c = features("c", other, lang, 1)
    index = index_with(a, b, c)
    stories = []
    for f in (a, c, b):
        story = index.open_story(f.article_id, lang)
        index.join(story, Member(f))
        index.post(story.id, f)
        stories.append(story)
    with Store(tmp_path / "m.db") as store:
        kept = merge(store.conn, index, stories[2], Settings())
    assert kept.id == stories[0].id
    assert sorted(kept.members) == ["a", "b"]
    assert stories[2].id not in index.stories and stories[2].id in index.deleted_stories
    assert sorted(index.stories[stories[1].id].members) == ["c"]


def test_stories_too_far_apart_in_time_are_not_merged(tmp_path: Path) -> None:
    a, b = features("a", BRIDGE_RU, "ru"), features("b", BRIDGE_RU, "ru", 24 * 5)
    index = index_with(a, b)
    stories = []
    for f in (a, b):
        story = index.open_story(f.article_id, "ru")
        index.join(story, Member(f))
        index.post(story.id, f)
        stories.append(story)
    with Store(tmp_path / "t.db") as store:
        kept = merge(store.conn, index, stories[1], Settings())
    assert kept.id == stories[1].id and len(index.stories) == 2
