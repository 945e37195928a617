"""The JSON API under ``/api``: read stories, articles, entities and search; ingest and delete with a token.

Every handler is a thin edge: it turns query parameters into values, calls ``views`` (or the pipeline) and
returns what they give. Library errors become HTTP statuses in ``app`` (NotFound → 404 and so on).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request, Response
from pydantic import BaseModel, ConfigDict, Field

from svodka.ingest.jsonl import FieldMap, record_to_document
from svodka.model import RawDocument, Rejection
from svodka.pipeline import IngestOptions, ingest_documents
from svodka.web import entityviews, storyviews, views
from svodka.web.context import WebContext
from svodka.web.security import require_token

MAX_BATCH = 1000
"""Articles one POST may carry; bigger loads belong to ``svodka ingest`` or several requests."""
MAX_TEXT = 1_000_000

router = APIRouter(prefix="/api")

IdPath = Annotated[str, Path(min_length=1, max_length=200, description="Article id (or external id).")]
Limit = Annotated[int, Query(ge=1, le=200, description="How many items.")]
Offset = Annotated[int, Query(ge=0, le=1_000_000, description="How many to skip.")]


class ArticleIn(BaseModel):
    """One article, with the fields of Svodka's JSON Lines format (only ``text`` is required)."""

    model_config = ConfigDict(extra="ignore", json_schema_extra={"examples": [{"text": "Текст новости…"}]})

    id: str | int | None = Field(None, description="The article's id in its source.")
    url: str | None = Field(None, max_length=4000)
    source: str | None = Field(None, max_length=500, description="Outlet or channel; else the URL's site.")
    date: str | None = Field(None, max_length=100, description="ISO 8601, e.g. 2025-11-11T09:30:00+03:00.")
    title: str | None = Field(None, max_length=2000)
    text: str = Field(..., min_length=1, max_length=MAX_TEXT)
    lang: str | None = Field(None, max_length=20, description="ru or en; detected when missing.")


class ArticleBatch(BaseModel):
    model_config = ConfigDict(extra="ignore")
    articles: list[ArticleIn] = Field(..., min_length=1, max_length=MAX_BATCH)


class IngestResult(BaseModel):
    read: int
    stored: int
    duplicate: int
    rejected: list[dict[str, str]]
    ids: list[str] = Field(description="Ids of the articles stored by this request.")
    seconds: float


def context(request: Request) -> WebContext:
    ctx: WebContext = request.app.state.web
    return ctx


Context = Annotated[WebContext, Depends(context)]


@router.get("/status", summary="Counts that change when articles arrive (for auto-refresh)")
def get_status(ctx: Context) -> dict[str, Any]:
    return views.status(ctx.reader())


@router.get("/stories", summary="Stories, ranked; filtered by period, language, entity, source, words")
def list_stories(
    ctx: Context,
    period: Annotated[
        str | None, Query(description="all, 1d, 7d or 30d (back from the newest article).")
    ] = None,
    since: Annotated[str | None, Query(description="ISO date, inclusive.")] = None,
    until: Annotated[str | None, Query(description="ISO date, inclusive.")] = None,
    lang: Annotated[str | None, Query(description="ru, en or other.")] = None,
    entity: Annotated[str | None, Query(max_length=200, description="Canonical name of an entity.")] = None,
    source: Annotated[str | None, Query(max_length=500)] = None,
    q: Annotated[str | None, Query(max_length=500, description="Words the story's articles contain.")] = None,
    limit: Limit = 20,
    offset: Offset = 0,
) -> dict[str, Any]:
    query = views.ListQuery(
        period=period,
        since=since,
        until=until,
        lang=lang,
        source=source,
        entity=entity,
        q=q,
        limit=limit,
        offset=offset,
    )
    return storyviews.story_list(ctx.reader(), query, ctx.entity_names, ctx.story_lists, ctx.version())


@router.get("/stories/{story_id}", summary="One story with its members and the comparison of its sources")
def get_story(ctx: Context, story_id: Annotated[str, Path(min_length=1, max_length=200)]) -> dict[str, Any]:
    return storyviews.story_detail(ctx.reader(), story_id, ctx.comparisons, ctx.vectors(), ctx.entity_names)


@router.get("/articles", summary="Articles, newest first")
def list_articles(
    ctx: Context,
    period: Annotated[str | None, Query()] = None,
    since: Annotated[str | None, Query()] = None,
    until: Annotated[str | None, Query()] = None,
    lang: Annotated[str | None, Query()] = None,
    source: Annotated[str | None, Query(max_length=500)] = None,
    limit: Limit = 20,
    offset: Offset = 0,
) -> dict[str, Any]:
    query = views.ListQuery(
        period=period, since=since, until=until, lang=lang, source=source, limit=limit, offset=offset
    )
    return views.article_list(ctx.reader(), query)


@router.get("/articles/{article_id}", summary="One article: text, entities, quotes, its story")
def get_article(ctx: Context, article_id: IdPath) -> dict[str, Any]:
    return entityviews.article_detail(ctx.reader(), article_id)


@router.get("/entities/{entity_id}", summary="An entity: mentions over time, quotes by and about it, related")
def get_entity(ctx: Context, entity_id: Annotated[str, Path(min_length=1, max_length=200)]) -> dict[str, Any]:
    return entityviews.entity_detail(ctx.reader(), entity_id)


@router.get("/search", summary="Articles containing every word of the query, in any inflected form")
def search(
    ctx: Context,
    q: Annotated[str, Query(min_length=1, max_length=500, description="Words: «Токаева» finds «Токаев».")],
    limit: Limit = 20,
    offset: Offset = 0,
) -> dict[str, Any]:
    return views.search(ctx.reader(), q, limit=limit, offset=offset)


@router.post(
    "/articles",
    summary="Ingest one article or a batch (needs the bearer token)",
    status_code=201,
    dependencies=[Depends(require_token)],
    responses={
        201: {"description": "At least one article was stored or was already there."},
        401: {"description": "No or wrong bearer token."},
        403: {"description": "The server was started without a token."},
        413: {"description": "The body is larger than the server's limit."},
        422: {"description": "Not articles, or every article was rejected (the reasons are listed)."},
    },
)
def post_articles(
    ctx: Context, body: ArticleIn | list[ArticleIn] | ArticleBatch, response: Response
) -> IngestResult:
    records = body.articles if isinstance(body, ArticleBatch) else body if isinstance(body, list) else [body]
    if not records:
        raise HTTPException(422, "an empty batch: send one article or a non-empty array")
    if len(records) > MAX_BATCH:
        raise HTTPException(422, f"{len(records)} articles in one request; send at most {MAX_BATCH}")
    documents = [_document(record, index) for index, record in enumerate(records)]
    with ctx.writer() as store:
        options = IngestOptions(analyzer=ctx.analyzer, clusterer=ctx.clusterer(store))
        report = ingest_documents(store, documents, options)
    result = IngestResult(
        read=report.read,
        stored=report.stored,
        duplicate=report.duplicate,
        rejected=[{"origin": r.origin, "reason": r.reason} for r in report.rejected],
        ids=report.stored_ids,
        seconds=round(report.seconds, 3),
    )
    if report.rejected and not report.stored and not report.duplicate:
        raise HTTPException(422, {"message": "every article was rejected", **result.model_dump()})
    if not report.stored:
        response.status_code = 200
    return result


@router.delete(
    "/articles/{article_id}",
    summary="Delete an article (needs the bearer token)",
    status_code=204,
    dependencies=[Depends(require_token)],
    responses={404: {"description": "No such article."}, 401: {"description": "No or wrong bearer token."}},
)
def delete_article(ctx: Context, article_id: IdPath) -> Response:
    with ctx.writer() as store:
        article = store.article(article_id)
        store.delete_article(article.id)
        ctx.forget_clusterer()
    return Response(status_code=204)


def _document(record: ArticleIn, index: int) -> RawDocument | Rejection:
    where = f"request[{index}]"
    try:
        return record_to_document(record.model_dump(), where, FieldMap())
    except (ValueError, OverflowError, OSError) as exc:  # an out-of-range numeric date, e.g.
        return Rejection(where, f"unreadable record: {exc}")
