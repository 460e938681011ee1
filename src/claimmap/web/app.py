"""The FastAPI application: :func:`create_app` wires the API, the pages, the guard
middleware and the one error shape together."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from claimmap import __version__
from claimmap.errors import ClaimmapError
from claimmap.ingest import DEFAULT_MAX_BYTES
from claimmap.web.backend import Backend, Engine
from claimmap.web.security import LOOPBACK_NAMES, BodyTooLarge, GuardMiddleware

STATIC = Path(__file__).parent / "static"

DESCRIPTION = """The claim map over one claimmap store, as JSON.

Every HTML page of the app has a JSON twin here. Errors always have the shape
`{"error": {"status": <int>, "message": <str>}}`. Writes (`POST /api/articles`) need
`Authorization: Bearer <token>` whenever the server was started with a token, which is
mandatory when it is bound to anything but loopback. See docs/web.md."""


def create_app(
    claimmap: Engine,
    token: str | None,
    *,
    allowed_hosts: Iterable[str] | None = LOOPBACK_NAMES,
    max_upload_bytes: int = DEFAULT_MAX_BYTES,
) -> FastAPI:
    """The web app over ``claimmap`` (a :class:`claimmap.pipeline.ClaimMap`).

    ``token``: required on writes when set. ``allowed_hosts``: the Host names served
    (loopback names by default, against DNS rebinding; ``["*"]`` for any).
    ``max_upload_bytes``: the ingest limit per file or record; a request body may be
    twice that (several files), plus room for the form's own bytes.
    """
    from claimmap.web import api, pages

    app = FastAPI(
        title="claimmap", version=__version__, description=DESCRIPTION,
        docs_url=None, redoc_url=None,  # their pages load scripts from a CDN
    )
    app.state.backend = Backend(claimmap, max_upload_bytes)
    app.state.token = token or None
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.add_middleware(
        GuardMiddleware, max_body=2 * max_upload_bytes + 64 * 1024, allowed_hosts=allowed_hosts
    )
    _add_error_handlers(app)
    return app


def wants_json(request: Request) -> bool:
    if request.url.path.startswith("/api/") or request.url.path == "/openapi.json":
        return True
    return "application/json" in request.headers.get("accept", "")


def error_response(request: Request, status: int, message: str) -> Response:
    """The app's one error shape as JSON, or the same error as an HTML page."""
    if wants_json(request):
        return JSONResponse({"error": {"status": status, "message": message}}, status)
    from claimmap.web.pages import render

    return render(request, "error.html", {"status": status, "message": message}, status)


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors():
        where = ".".join(str(p) for p in err.get("loc", ()) if p != "query")
        parts.append(f"{where}: {err.get('msg', 'invalid')}")
    return "invalid request: " + "; ".join(parts)


def _add_error_handlers(app: FastAPI) -> None:
    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        response = error_response(request, exc.status_code, str(exc.detail))
        for name, value in (exc.headers or {}).items():
            response.headers[name] = value
        return response

    async def invalid(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        return error_response(request, 422, _validation_message(exc))

    async def too_large(request: Request, exc: Exception) -> Response:
        return error_response(request, 413, str(exc))

    async def refused(request: Request, exc: Exception) -> Response:
        return error_response(request, 400, str(exc))

    async def crashed(request: Request, exc: Exception) -> Response:
        return JSONResponse(
            {"error": {"status": 500, "message": "internal error; see the server log"}}, 500
        )

    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(RequestValidationError, invalid)
    app.add_exception_handler(BodyTooLarge, too_large)
    app.add_exception_handler(ClaimmapError, refused)
    app.add_exception_handler(Exception, crashed)
