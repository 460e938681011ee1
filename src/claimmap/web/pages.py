"""The HTML pages. Each is rendered from the same dict as its JSON twin under /api,
through Jinja2 with autoescaping on: article text is never trusted."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup, escape

from claimmap.web import api, views
from claimmap.web.backend import MARK
from claimmap.web.mapview import map_context

router = APIRouter(include_in_schema=False)
TEMPLATES = Path(__file__).parent / "templates"


@cache
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(["html"], default_for_string=True),
        trim_blocks=True, lstrip_blocks=True,
    )
    env.filters["marked"] = marked
    env.filters["seg"] = seg
    return env


def seg(value: object) -> str:
    """One URL path segment: every reserved character percent-encoded."""
    return quote(str(value), safe="")


def marked(snippet: str | None) -> Markup:
    """Escape a search snippet, then turn its match marks into <mark> elements."""
    safe = str(escape(snippet or ""))
    return Markup(safe.replace(MARK[0], "<mark>").replace(MARK[1], "</mark>"))


def render(request: Request, name: str, context: dict[str, Any], status: int = 200) -> Response:
    token_needed = request.app.state.token is not None
    html = environment().get_template(name).render(
        request_path=request.url.path, token_needed=token_needed, **context
    )
    return HTMLResponse(html, status_code=status)


def twin(path: str, params: dict[str, str] | None = None) -> str:
    return f"/api{path}" + (f"?{urlencode(params)}" if params else "")


@router.get("/")
def home() -> Response:
    return RedirectResponse("/events", status_code=307)


@router.get("/events")
def events_page(
    request: Request, type: str | None = None, status: str | None = None,
    place: str | None = None, side: str | None = None, since: str | None = None,
    q: str | None = None,
) -> Response:
    index = api.backend(request).index()
    f = api.filters(type, status, place, side, since, q)
    data = views.events_view(index, f)
    context = {"data": data, "json_url": twin("/events", f.as_dict()),
               "map": map_context(index, data["events"])}
    return render(request, "events.html", context)


@router.get("/events/{event_id:path}")
def event_page(request: Request, event_id: str) -> Response:
    data = views.event_view(api.backend(request).index(), event_id)
    if data is None:
        raise api.not_found("event", event_id)
    return render(request, "event.html", {"e": data, "json_url": twin(f"/events/{seg(event_id)}")})


@router.get("/articles")
def articles_page(request: Request) -> Response:
    data = views.articles_view(api.backend(request).index())
    return render(request, "articles.html", {"data": data, "json_url": twin("/articles")})


@router.get("/articles/{article_id:path}")
def article_page(request: Request, article_id: str) -> Response:
    data = views.article_view(api.backend(request).index(), article_id)
    if data is None:
        raise api.not_found("article", article_id)
    return render(request, "article.html", {"a": data,
                                            "json_url": twin(f"/articles/{seg(article_id)}")})


@router.get("/places")
def places_page(request: Request) -> Response:
    data = views.places_view(api.backend(request).index())
    return render(request, "places.html", {"data": data, "json_url": twin("/places")})


@router.get("/search")
def search_page(request: Request, q: str | None = Query(None, max_length=500)) -> Response:
    hits = api.backend(request).search(q) if q and q.strip() else []
    data = {"q": q or "", "count": len(hits), "hits": hits}
    json_url = twin("/search", {"q": q}) if q else None
    return render(request, "search.html", {"data": data, "json_url": json_url})


@router.get("/upload")
def upload_page(request: Request) -> Response:
    return render(request, "upload.html", {"result": None, "json_url": None})


@router.post("/upload")
async def upload_submit(request: Request) -> Response:
    form = await api.read_form(request)
    api.check_token(request, form.token)
    try:
        result = await api.run_upload(request, form)
    except HTTPException as exc:
        return render(request, "upload.html",
                      {"result": None, "problem": exc.detail, "json_url": None}, 400)
    status = 201 if result.accepted else 422
    return render(request, "upload.html",
                  {"result": result.as_json(), "json_url": None}, status)
