"""Marks from offsets: nested, crossing, out of range; every piece of text escaped."""

from __future__ import annotations

import pytest

from svodka.web.highlight import Mark, bracketed, highlight


@pytest.mark.parametrize(
    ("text", "marks", "html"),
    [
        ("Путин и Токаев", [Mark(0, 5, "e")], '<mark class="e">Путин</mark> и Токаев'),
        (
            "Putin and Tokayev",
            [Mark(10, 17, "e", href="/entities/1")],
            'Putin and <a class="e" href="/entities/1">Tokayev</a>',
        ),
        # an entity inside a quote nests
        (
            "«Мы с Путиным»",
            [Mark(1, 13, "q"), Mark(6, 13, "e")],
            '«<mark class="q">Мы с <mark class="e">Путиным</mark></mark>»',
        ),
        # a mark crossing the end of an enclosing one is cut there
        (
            "abcdef",
            [Mark(0, 3, "a"), Mark(2, 6, "b")],
            '<mark class="a">ab<mark class="b">c</mark></mark>def',
        ),
        # out of range and empty marks are dropped or clipped
        (
            "abc",
            [Mark(-5, 1, "a"), Mark(2, 99, "b"), Mark(1, 1, "c")],
            '<mark class="a">a</mark>b<mark class="b">c</mark>',
        ),
        ("", [Mark(0, 3, "a")], ""),
        # the same span twice: the later one nests inside
        ("ab", [Mark(0, 2, "x"), Mark(0, 2, "y")], '<mark class="x"><mark class="y">ab</mark></mark>'),
    ],
)
def test_highlight(text: str, marks: list[Mark], html: str) -> None:
    assert str(highlight(text, marks)) == html


@pytest.mark.parametrize(
    ("text", "marks", "must_not_contain"),
    [
        ("<script>alert(1)</script>", [Mark(0, 8, "x")], "<script>"),
        ('a "b" <i>', [Mark(2, 5, "x", title='"><script>', href='" onclick="x')], '" onclick'),
        ("x", [Mark(0, 1, 'a"><img src=x onerror=alert(1)>')], "<img"),
        ("&amp; <b>", [], "<b>"),
    ],
)
def test_everything_is_escaped(text: str, marks: list[Mark], must_not_contain: str) -> None:
    html = str(highlight(text, marks))
    assert must_not_contain not in html
    assert html.count("<") == html.count(">")


@pytest.mark.parametrize(
    ("snippet", "html"),
    [
        ("…встреча [Токаева] с <b>", "…встреча <mark>Токаева</mark> с &lt;b&gt;"),
        ("no match <i>", "no match &lt;i&gt;"),
        ("[<script>]", "<mark>&lt;script&gt;</mark>"),
    ],
)
def test_bracketed_snippet(snippet: str, html: str) -> None:
    assert str(bracketed(snippet)) == html
