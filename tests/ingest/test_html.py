"""HTML pages → article: text, title, date (Russian dates too), site; offline; pages without an article."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from local_http import LocalServer, Route
from typer.testing import CliRunner

from svodka.cli.main import app
from svodka.errors import BadInput
from svodka.ingest.html import fragment_text, read_html
from svodka.store import Store

FIXTURES = Path(__file__).parent / "fixtures"
MSK = timezone(timedelta(hours=3))


def page(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


@pytest.mark.parametrize(
    ("name", "url", "title", "published", "source", "first_words", "absent"),
    [
        (
            "article_ru.html",
            "https://www.vesti-povolzhye.example/news/most.html",
            "В Казани открыли новый мост через Казанку",
            date(2015, 7, 30),
            "Вести Поволжья",
            "В четверг в Казани открыли движение",
            "Политика",
        ),
        (
            "article_en.html",
            None,
            "City council approves new bike lanes",
            datetime(2024, 3, 5, 9, 30, tzinfo=timezone(timedelta(hours=2))),
            "riverside-daily.example",
            "The Riverside city council voted seven to two",
            "Most read",
        ),
    ],
    ids=["ru", "en"],
)
def test_article_fields(
    no_network: None,
    name: str,
    url: str | None,
    title: str,
    published: object,
    source: str,
    first_words: str,
    absent: str,
) -> None:
    doc = read_html(page(name), origin=name, url=url)
    assert (doc.title, doc.published, doc.source) == (title, published, source)
    assert doc.text.startswith(first_words)  # headline and date line are fields, not text
    assert absent not in doc.text  # menus, sidebars and footers are not the article
    assert doc.origin == name


def test_url_defaults_to_the_canonical_url() -> None:
    doc = read_html(page("article_en.html"), origin="saved.html")
    assert doc.url == doc.external_id == "https://www.riverside-daily.example/city/bike-lanes-approved"


def test_a_canonical_url_naming_the_home_page_is_ignored() -> None:
    data = page("article_en.html").replace(b"/city/bike-lanes-approved", b"/")
    doc = read_html(data, origin="saved.html")
    assert doc.url is None
    assert doc.source is None


@pytest.mark.parametrize("declared", [True, False])
def test_windows_1251_page(declared: bool) -> None:
    text = page("article_ru.html").decode("utf-8")
    text = text.replace('<meta charset="utf-8">', '<meta charset="windows-1251">' if declared else "")
    doc = read_html(text.encode("cp1251"), origin="cp1251.html")
    assert doc.title == "В Казани открыли новый мост через Казанку"
    assert "шумозащитные экраны" in doc.text


@pytest.mark.parametrize(
    ("date_markup", "expected"),
    [
        ('<span class="news-date">5 марта 2019 г.</span>', date(2019, 3, 5)),
        ("<p>Опубликовано 12 декабря 2021 года в 10:00</p>", date(2021, 12, 12)),
        ('<time datetime="2023-11-02">2 ноября</time>', date(2023, 11, 2)),
        (
            '<meta property="article:published_time" content="2022-06-01T08:00:00+03:00">',
            datetime(2022, 6, 1, 8, 0, tzinfo=MSK),
        ),
        (
            '<meta property="article:published_time" content="2022-06-01T05:00:00Z">',
            datetime(2022, 6, 1, 5, 0, tzinfo=UTC),
        ),
    ],
)
def test_publication_date(date_markup: str, expected: object) -> None:
    head, body = (date_markup, "") if date_markup.startswith("<meta") else ("", date_markup)
    markup = f"""<html><head><title>Заголовок новости</title>{head}</head>
    <body><article><h1>Заголовок новости</h1>{body}
    <p>Областная дума приняла закон о поддержке сельских библиотек. Закон вступит в силу с первого января,
    на его исполнение в бюджете предусмотрено сто миллионов рублей, сообщила пресс-служба думы.</p>
    <p>Депутаты также одобрили поправки к бюджету на следующий год и обсудили ремонт дорог в районах.</p>
    </article></body></html>"""
    assert read_html(markup.encode(), origin="p.html").published == expected


def test_page_without_a_date_has_none() -> None:
    markup = b"""<html><body><article><p>A quiet day in the valley: the market opened at nine and
    the farmers sold apples, pears and honey until the evening rain came down over the hills.</p>
    </article></body></html>"""
    assert read_html(markup, origin="p.html").published is None


@pytest.mark.parametrize(
    "data",
    [
        page("no_article.html"),
        b"<html><head><title>Empty</title></head><body><script>render()</script></body></html>",
        b"<html><body><ul><li><a href='/a'>Politics</a></li><li><a href='/b'>Sport</a></li></ul></body>",
    ],
)
def test_page_without_article_is_rejected_with_reason(data: bytes) -> None:
    with pytest.raises(BadInput, match=r"^p\.html: no article text found"):
        read_html(data, origin="p.html")


@pytest.mark.parametrize("data", [b"", b"   \n", b"\x00\x01\x02binary\x00"])
def test_undecodable_or_empty_input_is_rejected(data: bytes) -> None:
    with pytest.raises(BadInput):
        read_html(data, origin="p.html")


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        ("<p>Первый абзац.</p><p>Второй <b>абзац</b>.</p>", "Первый абзац.\nВторой абзац."),
        ("Line one<br>line two &amp; three", "Line one\nline two & three"),
        ("<div>text<script>alert(1)</script><style>p{}</style></div>", "text"),
        ("plain text, no markup", "plain text, no markup"),
        ("", ""),
    ],
)
def test_fragment_text(markup: str, expected: str) -> None:
    assert fragment_text(markup) == expected


def test_cli_ingest_of_a_page_url(server: LocalServer, tmp_path: Path) -> None:
    server.routes["/short/1"] = Route(status=301, headers={"Location": "/news/most.html"})
    server.routes["/news/most.html"] = Route(body=page("article_ru.html"))
    db = tmp_path / "svodka.db"
    result = CliRunner().invoke(app, ["ingest", server.url("/short/1"), "--db", str(db), "--no-nlp", "-q"])
    assert result.exit_code == 0, result.output
    with Store(db) as store:
        (article,) = store.articles()
    assert article.url == server.url("/news/most.html")  # the final URL, after the redirect
    assert (article.source, article.lang) == ("Вести Поволжья", "ru")
    assert article.published == date(2015, 7, 30)
