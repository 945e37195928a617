"""Tone: what the outlet does in its own voice besides its words — emoji of feeling, asides, questions,
exclamations — and what does not count (a channel's promo line, a superlative that only names a thing)."""

from __future__ import annotations

import pytest
from compare_fixtures import article

from svodka.compare.claims import build_docs
from svodka.compare.tone import tone_of

NEUTRAL = "Мэрия открыла новый каток в парке. Вход на каток бесплатный."


def score(text: str, **kwargs) -> float:  # type: ignore[no-untyped-def]
    art, analysis = article(text, source="a", **kwargs)
    return tone_of(build_docs([art], [analysis])[0]).score


def evidence(text: str) -> list[str]:
    art, analysis = article(text, source="a")
    doc = build_docs([art], [analysis])[0]
    return [text[s.start : s.stop] for s in tone_of(doc).evidence]


def test_a_neutral_report_scores_zero() -> None:
    assert score(NEUTRAL) == 0


@pytest.mark.parametrize(
    "loaded",
    [
        NEUTRAL + " Кто следующий?",  # the outlet's own question
        NEUTRAL + " Берегите себя!",  # its own exclamation
        "Мэрия открыла новый каток в парке 😱 Вход на каток бесплатный.",  # an emoji of feeling
        NEUTRAL + " Ну что, поехали кататься.",  # an aside to the reader
        "Мэрия открыла новый каток в парке. Вход на каток бесплатный, вот это жесть.",  # a colloquial word
    ],
)
def test_what_the_outlet_does_in_its_own_voice_counts(loaded: str) -> None:
    assert score(loaded) > 0
    assert evidence(loaded)


@pytest.mark.parametrize(
    "plain",
    [
        "⚡️ Мэрия открыла новый каток в парке. Вход на каток бесплатный.",  # a lightning bolt leads news
        NEUTRAL + "\n😄 Подписаться на канал",  # the channel's promo line
        "Мэрия откроет каток в ближайшие дни. Вход на каток бесплатный.",  # a superlative that names a time
        "Мэрия открыла тот самый каток в парке. Вход на каток бесплатный.",  # «тот самый» points back
    ],
)
def test_house_style_and_plain_superlatives_do_not_count(plain: str) -> None:
    assert score(plain) == 0


def test_a_question_or_emoji_inside_a_quote_is_the_speakers() -> None:
    said = "Кто за это ответит? 😱"
    text = f"«{said}» — сказал житель. Мэрия открыла новый каток в парке."
    assert score(text, quotes=[(said, "житель", "direct")]) == 0
    assert score(f"{said} Мэрия открыла новый каток в парке.") > 0
