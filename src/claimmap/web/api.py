"""The REST API: the JSON twin of every page, and upload. Documented by FastAPI's
OpenAPI spec at ``/openapi.json`` (see docs/web.md)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from claimmap.web import views
from claimmap.web.backend import Backend, Upload, UploadResult
from claimmap.web.security import token_ok

router = APIRouter(prefix="/api", tags=["api"])
JSON = dict[str, Any]
MAX_FILES = 20

UPLOAD_SPEC: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {"multipart/form-data": {"schema": {
            "type": "object",
            "properties": {
                "files": {"type": "array", "items": {"type": "string", "format": "binary"},
                          "description": "article files: .txt .html .htm .json .jsonl .csv"},
                "text": {"type": "string", "description": "pasted article text"},
                "title": {"type": "string", "description": "title of the pasted text"},
            },
        }}},
    },
    "responses": {
        "201": {"description": "articles accepted (and any rejected, with reasons)"},
        "401": {"description": "a token is configured and was not given"},
        "413": {"description": "request body over the limit"},
        "422": {"description": "nothing accepted; the message gives each reason"},
    },
}


def backend(request: Request) -> Backend:
    value = request.app.state.backend
    assert isinstance(value, Backend)
    return value


def filters(
    type: str | None = None, status: str | None = None, place: str | None = None,
    side: str | None = None, since: str | None = None, q: str | None = None,
) -> views.EventFilters:
    return views.EventFilters(type or None, status or None, place or None, side or None,
                              since or None, q or None)


def not_found(kind: str, ident: str) -> HTTPException:
    return HTTPException(404, f"no {kind} with id {ident!r}")


@router.get("/events", summary="Events, newest first, with filters")
def list_events(
    request: Request, type: str | None = None, status: str | None = None,
    place: str | None = Query(None, description="place id or part of its name"),
    side: str | None = Query(None, description="a claimant side"),
    since: str | None = Query(None, description="ISO date: events on or after it"),
    q: str | None = Query(None, description="words in the event summary"),
) -> JSON:
    return views.events_view(backend(request).index(),
                             filters(type, status, place, side, since, q))


@router.get("/events/{event_id:path}", summary="One event: claims, evidence, contradictions")
def get_event(request: Request, event_id: str) -> JSON:
    data = views.event_view(backend(request).index(), event_id)
    if data is None:
        raise not_found("event", event_id)
    return data


@router.get("/articles", summary="Stored articles")
def list_articles(request: Request) -> JSON:
    return views.articles_view(backend(request).index())


@router.get("/articles/{article_id:path}", summary="One article: text, mentions, claims")
def get_article(request: Request, article_id: str) -> JSON:
    data = views.article_view(backend(request).index(), article_id)
    if data is None:
        raise not_found("article", article_id)
    return data


@router.get("/places", summary="Places mentioned, and unresolved names")
def list_places(request: Request) -> JSON:
    return views.places_view(backend(request).index())


@router.get("/search", summary="Full-text search over articles")
def search(request: Request, q: str = Query(..., min_length=1, max_length=500)) -> JSON:
    hits = backend(request).search(q)
    return {"q": q, "count": len(hits), "hits": hits}


@dataclass(frozen=True, slots=True)
class UploadForm:
    files: list[Upload]
    text: str | None
    title: str | None
    token: str | None


async def read_form(request: Request) -> UploadForm:
    """The upload form's fields (files, pasted text, title, and a token field)."""
    limit = backend(request).max_bytes
    async with request.form(max_files=MAX_FILES, max_fields=10, max_part_size=limit) as form:
        files = [Upload(f.filename or "upload", await f.read())
                 for f in form.getlist("files") if isinstance(f, UploadFile) and f.filename]
        fields = {k: form.get(k) for k in ("text", "title", "token")}
    text = {k: v if isinstance(v, str) else None for k, v in fields.items()}
    return UploadForm(files, text["text"], text["title"], text["token"])


def check_token(request: Request, form_token: str | None = None) -> None:
    token: str | None = request.app.state.token
    header = request.headers.get("authorization")
    if form_token and not header:
        header = f"Bearer {form_token}"
    if not token_ok(header, token):
        raise HTTPException(401, "this server needs a token to write: send "
                            "'Authorization: Bearer <token>'",
                            headers={"WWW-Authenticate": "Bearer"})


async def run_upload(request: Request, form: UploadForm) -> UploadResult:
    if not form.files and not (form.text and form.text.strip()):
        raise HTTPException(400, "nothing to upload: send files or pasted text")
    return await run_in_threadpool(backend(request).upload, form.files, form.text, form.title)


@router.post("/articles", summary="Upload articles (files or pasted text) and analyse them",
             status_code=201, openapi_extra=UPLOAD_SPEC)
async def upload(request: Request) -> JSONResponse:
    check_token(request)
    result = await run_upload(request, await read_form(request))
    if not result.accepted:
        reasons = "; ".join(f"{r.where}: {r.reason}" for r in result.rejected)
        raise HTTPException(422, f"no article accepted: {reasons}")
    return JSONResponse(result.as_json(), status_code=201)
