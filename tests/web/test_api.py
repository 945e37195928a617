"""The HTTP API and the pages through FastAPI's test client: endpoints, errors, auth, limits, XSS."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from web_fixtures import HOSTILE, STORY_A, STORY_B

from conftest import TOKEN, auth
from svodka.errors import StoreError
from svodka.web import views
from svodka.web.app import create_app


def article_id(client: TestClient, external_id: str) -> str:
    found: str = client.get(f"/api/articles/{external_id}").json()["id"]
    return found


def story_of(client: TestClient, external_id: str) -> str:
    found: str = client.get(f"/api/articles/{external_id}").json()["story"]
    return found


# Reading ------------------------------------------------------------------------------------------------
def test_status_counts_articles(client: TestClient) -> None:
    status = client.get("/api/status").json()
    assert status["articles"] == 5
    assert status["newest"].startswith("2026-03-12")


def test_story_list_puts_the_two_outlet_story_first(client: TestClient) -> None:
    body = client.get("/api/stories").json()
    top = body["items"][0]
    assert set(top["articles"]) == {"a-1", "b-1"}
    assert set(top["sources"]) == {"vestnik-test.ru", "sibir-daily.ru"}
    assert top["independent_sources"] == 2
    assert body["total"] == len(body["items"]) == 4


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"lang": "en"}, {"e-1"}),
        ({"lang": "ru", "q": "моста"}, {"a-1", "b-1"}),  # an inflected form finds «мост»
        ({"q": "library"}, {"e-1"}),
        ({"source": "sibir-daily.ru"}, {"a-1", "b-1"}),
        ({"source": "nobody.example"}, set()),
        ({"since": "2026-03-12"}, {"c-1", "e-1", "x-1"}),
        ({"until": "2026-03-11"}, {"a-1", "b-1"}),
        ({"period": "1d"}, {"c-1", "e-1", "x-1"}),
        ({"period": "all"}, {"a-1", "b-1", "c-1", "e-1", "x-1"}),
    ],
)
def test_story_filters(client: TestClient, params: dict[str, str], expected: set[str]) -> None:
    items = client.get("/api/stories", params={**params, "limit": 50}).json()["items"]
    assert {a for s in items for a in s["articles"]} == expected


def test_story_paging(client: TestClient) -> None:
    first = client.get("/api/stories", params={"limit": 2}).json()
    second = client.get("/api/stories", params={"limit": 2, "offset": 2}).json()
    assert len(first["items"]) == len(second["items"]) == 2
    assert first["has_more"] and not second["has_more"]
    assert not {s["id"] for s in first["items"]} & {s["id"] for s in second["items"]}


def test_story_with_comparison(client: TestClient) -> None:
    story_id = story_of(client, "a-1")
    story = client.get(f"/api/stories/{story_id}").json()
    assert story["id"] == story_id
    assert {m["external_id"] for m in story["members"]} == {"a-1", "b-1"}
    comparison = story["comparison"]
    assert set(comparison) >= {
        "sources",
        "summary",
        "timeline",
        "shared",
        "only_in",
        "differences",
        "quotes",
        "tone",
    }
    assert set(comparison["sources"]) == {"vestnik-test.ru", "sibir-daily.ru"}


@pytest.mark.parametrize("key", ["a-1", "e-1"])
def test_article_by_external_id_and_by_id(client: TestClient, key: str) -> None:
    by_external = client.get(f"/api/articles/{key}").json()
    by_id = client.get(f"/api/articles/{by_external['id']}").json()
    assert by_external == by_id
    assert by_id["external_id"] == key
    assert by_id["story"]


def test_article_list_newest_first(client: TestClient) -> None:
    items = client.get("/api/articles", params={"limit": 3}).json()["items"]
    dates = [a["date"] for a in items]
    assert dates == sorted(dates, reverse=True)
    assert "text" not in items[0]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Соколова", {"a-1", "b-1", "x-1"}),
        ("соглашения", {"a-1", "b-1"}),
        ("библиотеку", {"c-1"}),
        ("books", {"e-1"}),
    ],
)
def test_search(client: TestClient, query: str, expected: set[str]) -> None:
    body = client.get("/api/search", params={"q": query}).json()
    assert {hit["external_id"] for hit in body["items"]} == expected
    assert all("[" in hit["snippet"] for hit in body["items"])


# Errors -------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "path",
    [
        "/api/stories/nope",
        "/api/articles/nope",
        "/api/entities/nope",
        "/api/nothing-here",
        "/api/articles/..%2F..%2Fetc",
    ],
)
def test_not_found_is_json_404(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/json"
    assert response.json()["error"]["status"] == 404
    assert response.json()["error"]["detail"]


@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("/api/stories", {"period": "fortnight"}),
        ("/api/stories", {"lang": "klingon"}),
        ("/api/stories", {"since": "yesterday"}),
        ("/api/stories", {"limit": 0}),
        ("/api/stories", {"limit": 100000}),
        ("/api/stories", {"offset": -1}),
        ("/api/stories", {"offset": 10**30}),
        ("/api/articles", {"limit": "many"}),
        ("/api/search", {}),
        ("/api/search", {"q": ""}),
        ("/api/search", {"q": "!!! ???"}),  # no words to look for
    ],
)
def test_bad_input_is_json_422(client: TestClient, path: str, params: dict[str, Any]) -> None:
    response = client.get(path, params=params)
    assert response.status_code == 422
    assert response.json()["error"]["detail"]


def test_store_error_is_503(plain_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(store: object) -> None:
        raise StoreError("disk full")

    monkeypatch.setattr(views, "status", broken)
    with TestClient(create_app(str(plain_db))) as client:
        response = client.get("/api/status")
    assert response.status_code == 503
    assert response.json()["error"]["detail"] == "disk full"


def test_missing_database_folder_fails_at_start(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        create_app(str(tmp_path / "no" / "such" / "folder.db"))


# Writing ------------------------------------------------------------------------------------------------
NEW = {
    "id": "n-1",
    "source": "new-outlet.ru",
    "date": "2026-03-13",
    "title": "Новость",
    "text": "В Омске открыли каток.",
}


@pytest.mark.parametrize(
    ("headers", "status"),
    [
        ({}, 401),
        ({"Authorization": "Bearer wrong"}, 401),
        ({"Authorization": f"Basic {TOKEN}"}, 401),
        ({"Authorization": "Bearer "}, 401),
    ],
)
def test_writes_need_the_token(writer: TestClient, headers: dict[str, str], status: int) -> None:
    response = writer.post("/api/articles", json=NEW, headers=headers)
    assert response.status_code == status
    assert response.headers["www-authenticate"].startswith("Bearer")
    assert writer.delete("/api/articles/a-1", headers=headers).status_code == status
    assert writer.get("/api/status").json()["articles"] == 5


def test_writes_are_off_without_a_server_token(fresh_db: Path) -> None:
    with TestClient(create_app(str(fresh_db))) as client:
        response = client.post("/api/articles", json=NEW, headers=auth())
    assert response.status_code == 403
    assert "--token" in response.json()["error"]["detail"]


@pytest.mark.parametrize(
    "body",
    [NEW, [NEW], {"articles": [NEW]}],
    ids=["object", "array", "wrapped"],
)
def test_post_one_article_in_any_shape(writer: TestClient, body: Any) -> None:
    response = writer.post("/api/articles", json=body, headers=auth())
    assert response.status_code == 201, response.text
    result = response.json()
    assert (result["read"], result["stored"], result["duplicate"]) == (1, 1, 0)
    stored = writer.get(f"/api/articles/{result['ids'][0]}").json()
    assert stored["text"] == NEW["text"]
    assert stored["source"] == "new-outlet.ru"
    assert stored["story"]  # assigned to a story on the way in


def test_post_batch_with_duplicates_and_rejections(writer: TestClient) -> None:
    batch = [NEW, STORY_A, {"text": "   "}, {"text": "Дата плохая, текст есть.", "date": "в прошлый четверг"}]
    response = writer.post("/api/articles", json=batch, headers=auth())
    assert response.status_code == 201
    result = response.json()
    assert (result["read"], result["stored"], result["duplicate"]) == (4, 1, 1)
    reasons = {r["origin"]: r["reason"] for r in result["rejected"]}
    assert set(reasons) == {"request[2]", "request[3]"}
    assert "text" in reasons["request[2]"] and "date" in reasons["request[3]"]


def test_post_only_duplicates_is_200(writer: TestClient) -> None:
    response = writer.post("/api/articles", json=[STORY_A, STORY_B], headers=auth())
    assert response.status_code == 200
    assert response.json()["duplicate"] == 2


@pytest.mark.parametrize(
    "body",
    [
        {"title": "no text"},
        {"text": ""},
        {"text": 42},
        [],
        {"articles": []},
        "just a string",
        [{"text": "ok"}] * 1001,
        {"text": "   "},  # passes the schema, then rejected by the reader: still 422
    ],
    ids=[
        "no-text",
        "empty-text",
        "text-number",
        "empty-array",
        "empty-wrapped",
        "string",
        "too-many",
        "blank",
    ],
)
def test_post_bad_bodies_are_422(writer: TestClient, body: Any) -> None:
    response = writer.post("/api/articles", json=body, headers=auth())
    assert response.status_code == 422
    assert response.json()["error"]["detail"]
    assert writer.get("/api/status").json()["articles"] == 5


@pytest.mark.parametrize(("raw", "status"), [(b"{not json", 422), (b"\xff\xfe\x00", 400), (b"", 422)])
def test_post_malformed_json_is_4xx(writer: TestClient, raw: bytes, status: int) -> None:
    response = writer.post(
        "/api/articles", content=raw, headers={**auth(), "Content-Type": "application/json"}
    )
    assert response.status_code == status
    assert response.json()["error"]["detail"]


def test_body_over_the_limit_is_413(fresh_db: Path) -> None:
    big = {"text": "слово " * 5000}
    with TestClient(create_app(str(fresh_db), token=TOKEN, max_body=10_000)) as client:
        announced = client.post("/api/articles", json=big, headers=auth())
        chunked = client.post(
            "/api/articles",
            content=iter([json.dumps(big).encode()[:8000], json.dumps(big).encode()[8000:]]),
            headers={**auth(), "Content-Type": "application/json"},
        )
        small = client.post("/api/articles", json=NEW, headers=auth())
    assert announced.status_code == 413
    assert chunked.status_code == 413
    assert "limit" in announced.json()["error"]["detail"]
    assert small.status_code == 201


def test_delete(writer: TestClient) -> None:
    target = article_id(writer, "c-1")
    assert writer.delete(f"/api/articles/{target}", headers=auth()).status_code == 204
    assert writer.get(f"/api/articles/{target}").status_code == 404
    assert writer.delete(f"/api/articles/{target}", headers=auth()).status_code == 404
    assert writer.get("/api/status").json()["articles"] == 4


# Pages --------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/?period=7d&language=ru",
        "/?refresh=1",
        "/search",
        "/search?q=мост",
        "/search?q=%21%21",
        "/?lang=en",
    ],
)
def test_pages_render(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert "<html" in response.text
    assert "built-in method" not in response.text  # a template that met a dict method instead of a key


def test_story_article_pages(client: TestClient) -> None:
    story = client.get(f"/stories/{story_of(client, 'a-1')}").text
    assert "vestnik-test.ru" in story and "sibir-daily.ru" in story
    assert "built-in method" not in story
    article = client.get(f"/articles/{article_id(client, 'b-1')}").text
    assert "загородной резиденции" in article


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/stories/nope", 404),
        ("/articles/nope", 404),
        ("/entities/x", 404),
        ("/nope", 404),
        ("/?period=bad", 422),
    ],
)
def test_page_errors_are_html(client: TestClient, path: str, status: int) -> None:
    response = client.get(path, headers={"Accept": "text/html"})
    assert response.status_code == status
    assert response.headers["content-type"].startswith("text/html")
    assert f">{status}<" in response.text


def test_ui_language_switch_and_cookie(plain_db: Path) -> None:
    with TestClient(create_app(str(plain_db))) as client:
        assert "Сюжеты" in client.get("/").text
        english = client.get("/?lang=en")
        assert "Stories" in english.text and 'lang="en"' in english.text
        assert english.cookies.get("svodka_lang") == "en"
        assert "Stories" in client.get("/search").text  # remembered
        assert "Сюжеты" in client.get("/?lang=ru").text
        assert "Сюжеты" in client.get("/?lang=<script>").text  # unknown: ignored, not reflected


@pytest.mark.parametrize(
    "path",
    [
        "/static/../pyproject.toml",
        "/static/..%2F..%2Fpyproject.toml",
        "/static/%2e%2e/app.py",
        "/static/app.py",
        "/static/.hidden",
        "/static/templates%2Fbase.html",
        "/static//etc/passwd",
    ],
)
def test_no_path_traversal(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert "[project]" not in response.text and "import" not in response.text


def test_static_files_and_favicon(client: TestClient) -> None:
    css = client.get("/static/style.css")
    assert css.status_code == 200 and css.headers["content-type"].startswith("text/css")
    assert client.get("/static/style.css", headers={"If-None-Match": css.headers["etag"]}).status_code == 304
    assert client.get("/favicon.ico").status_code == 200


@pytest.mark.parametrize("path", ["/", "/api/stories", "/api/nope", "/static/style.css", "/nope"])
def test_security_headers_everywhere(client: TestClient, path: str) -> None:
    headers = client.get(path).headers
    csp = headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "default-src 'none'" in csp
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"


def test_openapi_lists_every_endpoint(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    assert set(schema["paths"]) >= {
        "/api/stories", "/api/stories/{story_id}", "/api/articles", "/api/articles/{article_id}",
        "/api/entities/{entity_id}", "/api/search", "/api/status",
    }  # fmt: skip
    assert {"get", "delete"} <= set(schema["paths"]["/api/articles/{article_id}"])
    assert "post" in schema["paths"]["/api/articles"]
    assert not any(p == "/" or p.startswith(("/stories", "/static")) for p in schema["paths"])


# Untrusted text ---------------------------------------------------------------------------------------------
def hostile_pages(client: TestClient) -> list[str]:
    hostile = client.get("/api/articles/x-1").json()
    return [
        f"/articles/{hostile['id']}",
        f"/stories/{hostile['story']}",
        "/",
        "/?source=" + HOSTILE["source"],
        "/search?q=Заголовок",
        "/search?q=%3Cscript%3Ealert(1)%3C/script%3E",
    ]


def test_hostile_article_is_escaped_everywhere(client: TestClient) -> None:
    for path in hostile_pages(client):
        html = client.get(path).text
        assert "<script>window" not in html, path
        assert "<script>alert" not in html, path
        assert "<img src=x" not in html, path
        assert 'onerror="' not in html and 'onmouseover="' not in html, path
        assert 'href="javascript:' not in html.lower(), path
        assert "<b>разметкой</b>" not in html, path
    article = client.get(hostile_pages(client)[0]).text
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in article
    assert "evil&#34;&gt;&lt;script&gt;" in article  # the source, in a badge: quotes cannot break out


def test_hostile_json_is_data(client: TestClient) -> None:
    body = client.get("/api/articles/x-1").json()
    assert body["title"] == HOSTILE["title"]  # JSON carries the text as it is; escaping is the page's job
    assert client.get("/api/articles/x-1").headers["content-type"] == "application/json"


def test_serve_command_fails_clearly_on_a_bad_database(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from svodka.cli.main import app

    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "missing" / "x.db"), "--no-nlp"])
    assert result.exit_code == 2
    assert "does not exist" in result.output


def test_serve_command_is_registered() -> None:
    from typer.testing import CliRunner

    from svodka.cli.main import app

    result = CliRunner().invoke(app, ["serve", "--help"])
    assert result.exit_code == 0
    for option in ("--db", "--host", "--port", "--token"):
        assert option in result.output


def test_a_reprint_joins_the_story_as_a_copy(writer: TestClient) -> None:
    reprint = {**STORY_A, "id": "r-1", "source": "reprint.example", "date": "2026-03-11T11:00:00+03:00"}
    stored = writer.post("/api/articles", json=reprint, headers=auth()).json()["ids"][0]
    story_id = writer.get(f"/api/articles/{stored}").json()["story"]
    assert story_id == story_of(writer, "a-1")
    members = {m["external_id"]: m["role"] for m in writer.get(f"/api/stories/{story_id}").json()["members"]}
    assert members["r-1"] == "copy"
    page = writer.get(f"/stories/{story_id}").text
    assert "перепечатка" in page and "built-in method" not in page
