"""Quote groups across articles: a group is as close as its loosest link, and two fragments of one long
quote are not two wordings of it."""

from __future__ import annotations

from compare_fixtures import article

from svodka.compare import compare_articles


def compare(*pairs):  # type: ignore[no-untyped-def]
    return compare_articles([p[0] for p in pairs], [p[1] for p in pairs])


def quoting(said: str, speaker: str, source: str):  # type: ignore[no-untyped-def]
    return article(f"«{said}», — сказал {speaker}.", source=source, quotes=[(said, speaker, "direct")])


def test_a_group_is_as_close_as_its_loosest_link_whatever_order_they_are_found_in() -> None:
    said = "Мост город ждал тридцать долгих лет, наконец жители получили переправу"
    result = compare(
        quoting("Жители тридцать лет ждали мост, и наконец город обрёл переправу", "Иван Петров", "a"),
        quoting(said, "Иван Петров", "b"),
        quoting(said, "Иван Петров", "c"),
    )
    assert [(len(q.versions), q.match) for q in result.quotes] == [(3, "paraphrased")]
    assert [d.kind for d in result.differences] == ["wording"]


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
