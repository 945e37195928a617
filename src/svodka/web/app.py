"""The web application: the API and the pages on one FastAPI app, errors mapped to statuses, and ``serve``.

``create_app`` builds an app over a database file; ``serve`` runs it with uvicorn (the only module that
imports uvicorn). Library errors become statuses here and nowhere else: NotFound → 404, BadInput → 400,
UsageError → 422, StoreError → 503; anything unexpected is logged and answered 500 without details.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from svodka.errors import BadInput, NotFound, StoreError, SvodkaError, UsageError
from svodka.pipeline import Analyzer
from svodka.web import api, pages
from svodka.web.context import WebContext
from svodka.web.security import DEFAULT_MAX_BODY, BodyLimit, SecurityHeaders
from svodka.web.storyviews import ListWarmer

log = logging.getLogger(__name__)

STATUS_OF: tuple[tuple[type[SvodkaError], int], ...] = (
    (NotFound, 404),
    (BadInput, 400),
    (UsageError, 422),
    (StoreError, 503),
)


def create_app(
    db: str,
    *,
    token: str | None = None,
    analyzer: Analyzer | None = None,
    max_body: int = DEFAULT_MAX_BODY,
    word_vectors: bool = True,
    warm_lists: bool = True,
) -> FastAPI:
    """The Svodka web app over the database ``db`` (opened now: a bad file fails here, not per request).

    ``token`` enables the write endpoints (``Authorization: Bearer TOKEN``); ``analyzer`` is the NLP step
    for articles posted to the API (None stores them unanalysed); ``word_vectors`` lets the comparison
    match synonyms (navec, loaded on the first story page); ``warm_lists`` ranks the front page's story
    list in the background after each change of the store.
    """
    web = WebContext(db, analyzer=analyzer, word_vectors=word_vectors)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        warmer = ListWarmer(web) if warm_lists else None
        if warmer:
            warmer.start()
        yield
        if warmer:
            warmer.stop()
        web.close()

    app = FastAPI(
        title="Svodka",
        summary="News stories, entities, quotes and how each source tells a story.",
        version="0.1.0",
        docs_url=None,  # the docs page loads scripts from a CDN; the schema is at /openapi.json
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.web = web
    app.state.token = token or None
    app.include_router(api.router)
    app.include_router(pages.router)
    app.add_exception_handler(SvodkaError, _library_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(Exception, _unexpected)
    # Outermost last: the body limit applies before anything reads the body.
    app.add_middleware(BodyLimit, max_bytes=max_body)
    app.add_middleware(SecurityHeaders)
    return app


def serve(
    db: str,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    token: str | None = None,
    analyzer: Analyzer | None = None,
    log_level: str = "warning",
) -> None:
    """Run the app with uvicorn until interrupted."""
    import uvicorn

    app = create_app(db, token=token, analyzer=analyzer)
    uvicorn.run(app, host=host, port=port, log_level=log_level, server_header=False)


def wants_json(request: Request) -> bool:
    """API paths, and clients that ask for JSON, get JSON errors; browsers get an error page."""
    accept = request.headers.get("accept", "")
    return (
        request.url.path.startswith("/api/")
        or request.url.path == "/api"
        or ("application/json" in accept and "text/html" not in accept)
    )


def error_response(
    request: Request, status: int, detail: object, headers: dict[str, str] | None = None
) -> Response:
    if wants_json(request):
        return JSONResponse(
            {"error": {"status": status, "detail": detail}}, status_code=status, headers=headers
        )
    return pages.error_page(request, status, detail if isinstance(detail, str) else "", headers)


async def _library_error(request: Request, exc: Exception) -> Response:
    status = next((code for kind, code in STATUS_OF if isinstance(exc, kind)), 400)
    if status == 503:
        log.error("store error on %s: %s", request.url.path, exc)
    return error_response(request, status, str(exc))


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    return error_response(request, exc.status_code, exc.detail, getattr(exc, "headers", None))


async def _validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    problems = [
        {"where": ".".join(str(p) for p in e.get("loc", ())), "problem": e.get("msg", "")}
        for e in exc.errors()
    ]
    if wants_json(request):
        return JSONResponse({"error": {"status": 422, "detail": problems}}, status_code=422)
    text = "; ".join(f"{p['where']}: {p['problem']}" for p in problems)
    return pages.error_page(request, 422, text, None)


async def _unexpected(request: Request, exc: Exception) -> Response:
    log.exception("unexpected error on %s %s", request.method, request.url.path, exc_info=exc)
    return error_response(request, 500, "internal error: see the server log")
