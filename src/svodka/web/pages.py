"""The HTML pages: server-rendered with Jinja2 (autoescape on), readable without JavaScript.

Each page handler gathers the same dicts the API returns (``views``, ``storyviews``, ``entityviews``) and
renders one template. Text from articles only ever reaches the page escaped: through Jinja2's autoescape
or through ``highlight``, which escapes every piece between the marks it places.
"""

from __future__ import annotations

import hashlib
import mimetypes
from dataclasses import dataclass
from importlib import resources
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import HTMLResponse, Response
from jinja2 import Environment, FileSystemLoader, select_autoescape

from svodka.errors import SvodkaError
from svodka.web import entityviews, storyviews, views
from svodka.web.context import WebContext
from svodka.web.highlight import bracketed
from svodka.web.i18n import COOKIE, LANGS, format_when, pick_lang, plural, translator
from svodka.web.security import safe_url

router = APIRouter(include_in_schema=False)

_BASE = resources.files("svodka.web")
ENV = Environment(
    loader=FileSystemLoader(str(_BASE.joinpath("templates"))),
    autoescape=select_autoescape(default=True, default_for_string=True),
    trim_blocks=True,
    lstrip_blocks=True,
)
ENV.filters["safe_url"] = safe_url
ENV.filters["bracketed"] = bracketed
ENV.globals["claim_with_value"] = storyviews.claim_with_value
ENV.globals["difference_value"] = storyviews.difference_value

BADGE_COLOURS = 8
REFRESH_SECONDS = 30


@dataclass(frozen=True, slots=True)
class StaticFile:
    body: bytes
    media_type: str
    etag: str


def _load_static() -> dict[str, StaticFile]:
    """Every file under static/, read once: requests name a key of this dict, never a path on disk."""
    files: dict[str, StaticFile] = {}
    for entry in _BASE.joinpath("static").iterdir():
        if entry.is_file() and not entry.name.startswith("."):
            body = entry.read_bytes()
            media = mimetypes.guess_type(entry.name)[0] or "application/octet-stream"
            if media.startswith("text/") or media in ("application/javascript", "image/svg+xml"):
                media += "; charset=utf-8"
            files[entry.name] = StaticFile(
                body, media, '"' + hashlib.blake2b(body, digest_size=8).hexdigest() + '"'
            )
    return files


STATIC = _load_static()


def badge(source: str | None) -> str:
    """A stable colour class for a source, so an outlet keeps its colour on every page."""
    if not source:
        return "badge badge-none"
    digest = hashlib.blake2b(source.encode("utf-8"), digest_size=2).digest()
    return f"badge badge-{int.from_bytes(digest, 'big') % BADGE_COLOURS}"


ENV.filters["badge"] = badge


def render(request: Request, template: str, status: int = 200, **values: Any) -> HTMLResponse:
    """Render a page in the reader's language; remember an explicit ``?lang=`` in a cookie."""
    asked = request.query_params.get("lang")
    lang = pick_lang(asked, request.cookies.get(COOKIE))
    other = "en" if lang == "ru" else "ru"
    params = [(k, v) for k, v in request.query_params.multi_items() if k != "lang"]
    switch = request.url.path + "?" + urlencode([*params, ("lang", other)])
    html = ENV.get_template(template).render(
        t=translator(lang),
        lang=lang,
        other_lang=other,
        switch_url=switch,
        when=lambda value, time=True: format_when(value, lang, with_time=time),
        n=lambda count, word: f"{count} {plural(int(count or 0), word, lang)}",
        request_path=request.url.path,
        **values,
    )
    response = HTMLResponse(html, status_code=status)
    if asked in LANGS:
        response.set_cookie(COOKIE, asked, max_age=365 * 86400, samesite="lax", httponly=True)
    return response


def error_page(request: Request, status: int, detail: str, headers: dict[str, str] | None) -> HTMLResponse:
    response = render(request, "error.html", status=status, status_code=status, detail=detail)
    for name, value in (headers or {}).items():
        response.headers[name] = value
    return response


def _ctx(request: Request) -> WebContext:
    ctx: WebContext = request.app.state.web
    return ctx


Text = Annotated[str | None, Query(max_length=500)]


@router.get("/", response_class=HTMLResponse)
def home(
    request: Request,
    period: Text = None,
    language: Text = None,
    source: Text = None,
    entity: Text = None,
    q: Text = None,
    refresh: Text = None,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> HTMLResponse:
    """The story list (the article list while this build has no stories)."""
    store = _ctx(request).reader()
    query = views.ListQuery(
        period=period or None,
        lang=language or None,
        source=source or None,
        entity=entity or None,
        q=q or None,
        limit=20,
        offset=offset,
    )
    ctx = _ctx(request)
    listing = storyviews.story_list(store, query, ctx.entity_names, ctx.story_lists, ctx.version())
    # A store filled without story assignment still has articles to show: list those instead.
    with_stories = bool(listing["items"]) or query.offset > 0 or _filtered(query) or not store.count()
    if not with_stories:
        listing = views.article_list(store, query)
    keep = {
        "period": period,
        "language": language,
        "source": source,
        "entity": entity,
        "q": q,
        "refresh": refresh,
    }
    return render(
        request,
        "home.html",
        listing=listing,
        with_stories=with_stories,
        filters=query,
        refresh=refresh == "1",
        refresh_seconds=REFRESH_SECONDS,
        store_status=views.status(store),
        page_url=lambda **changes: _page_url("/", keep, changes),
    )


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story_page(request: Request, story_id: Annotated[str, Path(max_length=200)]) -> HTMLResponse:
    ctx = _ctx(request)
    detail = storyviews.story_detail(ctx.reader(), story_id, ctx.comparisons, ctx.vectors(), ctx.entity_names)
    layout = storyviews.side_by_side(ctx.reader(), detail)
    return render(request, "story.html", story=detail, layout=layout)


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, article_id: Annotated[str, Path(max_length=200)]) -> HTMLResponse:
    store = _ctx(request).reader()
    detail = entityviews.article_detail(store, article_id)
    return render(request, "article.html", article=detail, body=entityviews.article_html(detail))


@router.get("/entities/{entity_id}", response_class=HTMLResponse)
def entity_page(request: Request, entity_id: Annotated[str, Path(max_length=200)]) -> HTMLResponse:
    store = _ctx(request).reader()
    detail = entityviews.entity_detail(store, entity_id)
    return render(request, "entity.html", entity=detail, chart=entityviews.mentions_chart(detail))


@router.get("/search", response_class=HTMLResponse)
def search_page(
    request: Request,
    q: Annotated[str, Query(max_length=500)] = "",
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> HTMLResponse:
    store = _ctx(request).reader()
    results = None
    problem = None
    if q.strip():
        try:
            results = views.search(store, q, limit=20, offset=offset)
        except SvodkaError as exc:  # a query with no words: said on the page, not an error page
            problem = str(exc)
    return render(
        request,
        "search.html",
        q=q,
        results=results,
        problem=problem,
        page_url=lambda **changes: _page_url("/search", {"q": q}, changes),
    )


@router.get("/static/{name}")
def static_file(request: Request, name: Annotated[str, Path(max_length=100)]) -> Response:
    found = STATIC.get(name)
    if found is None:
        return Response("not found", status_code=404, media_type="text/plain")
    headers = {"ETag": found.etag, "Cache-Control": "public, max-age=3600"}
    if request.headers.get("if-none-match") == found.etag:
        return Response(status_code=304, headers=headers)
    return Response(found.body, media_type=found.media_type, headers=headers)


@router.get("/favicon.ico")
def favicon() -> Response:
    icon = STATIC["favicon.svg"]
    return Response(icon.body, media_type=icon.media_type, headers={"Cache-Control": "public, max-age=86400"})


def _filtered(query: views.ListQuery) -> bool:
    return any(
        v for v in (query.period, query.lang, query.source, query.entity, query.q) if v not in (None, "all")
    )


def _page_url(path: str, keep: dict[str, str | None], changes: dict[str, Any]) -> str:
    merged = {**keep, **changes}
    pairs = [(k, str(v)) for k, v in merged.items() if v not in (None, "", 0)]
    return path + ("?" + urlencode(pairs) if pairs else "")
