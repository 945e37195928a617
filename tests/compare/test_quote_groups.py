"""The same remark across articles: one speaker's remark in other words is grouped (never a difference),
like words told as two speakers' are two remarks, fragments of one long quote are not two wordings."""

from __future__ import annotations

from compare_fixtures import article

from svodka.compare import compare_articles


def compare(*pairs):  # type: ignore[no-untyped-def]
    return compare_articles([p[0] for p in pairs], [p[1] for p in pairs])


def quoting(said: str, speaker: str, source: str, verb: str = "сказал"):  # type: ignore[no-untyped-def]
    return article(f"«{said}», — {verb} {speaker}.", source=source, quotes=[(said, speaker, "direct")])


def test_one_speakers_remark_in_other_words_is_one_group_and_no_difference() -> None:
    result = compare(
        quoting("Мост через реку откроют уже весной", "Иван Петров", "a"),
        quoting("Переправу через реку откроют в апреле", "Иван Петров", "b"),
    )
    assert [len(q.versions) for q in result.quotes] == [2]
    assert result.differences == ()


def test_few_like_words_told_as_two_speakers_stay_apart() -> None:
    result = compare(
        quoting("Мост через реку откроют уже весной", "Иван Петров", "a"),
        quoting("Переправу через реку откроют в апреле", "Олег Сидоров", "b"),
    )
    assert [len(q.versions) for q in result.quotes] == [1, 1]


def test_like_words_told_as_two_speakers_are_two_remarks_not_a_speaker_difference() -> None:
    result = compare(
        quoting("Мост через реку откроют весной после долгого ремонта", "Иван Петров", "a"),
        quoting("После долгого ремонта весной мост через реку откроют", "Олег Сидоров", "b"),
    )
    assert [len(q.versions) for q in result.quotes] == [1, 1]
    assert result.differences == ()


def test_a_remark_in_other_words_joins_only_its_closest_counterpart() -> None:
    said = ("Мост через реку откроют уже весной", "Мост через реку будет платным")
    one = article(
        f"«{said[0]}», — сказал Иван Петров. «{said[1]}», — добавил Иван Петров.",
        source="a",
        quotes=[(said[0], "Иван Петров", "direct"), (said[1], "Иван Петров", "direct")],
    )
    two = quoting("Переправу через реку откроют в апреле", "Иван Петров", "b")
    groups = sorted(len(q.versions) for q in compare(one, two).quotes)
    assert groups == [1, 2]


def test_two_fragments_of_one_long_quote_are_not_two_wordings() -> None:
    whole = "Ремонт моста закончим к маю, а новую школу откроем в сентябре"
    result = compare(
        quoting(whole, "Иван Петров", "a"),
        quoting("К маю закончим ремонт моста, а в сентябре откроем новую школу", "Иван Петров", "b"),
        quoting("Ремонт моста закончим к маю", "Иван Петров", "c"),
        quoting("новую школу откроем в сентябре", "Иван Петров", "d"),
    )
    assert [len(q.versions) for q in result.quotes] == [4]
    assert [d.kind for d in result.differences] == []
