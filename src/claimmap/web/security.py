"""Safety for the web app: where it may bind, who may write, what the browser may run.

* Bound to loopback (the default), anyone on this machine may read; writes need the
  token when one is configured.
* Bound anywhere else, a token is mandatory (:func:`check_bind` refuses to start
  without one) and every write must carry it as ``Authorization: Bearer <token>``.
* Every response carries a strict Content-Security-Policy (no inline script) and
  ``X-Content-Type-Options: nosniff``.
* A write from another site (``Origin`` or ``Sec-Fetch-Site`` says so) is refused,
  so a web page cannot post articles into a local store (CSRF), and on loopback only
  loopback ``Host`` names are served, so DNS rebinding cannot reach the app.
* Request bodies over the limit are cut off with 413 before they are parsed.
"""

from __future__ import annotations

import hmac
import ipaddress
import json
from collections.abc import Iterable
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from claimmap.errors import ClaimmapError

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),  # no-referrer makes form posts Origin: null
    (b"x-frame-options", b"DENY"),
)
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1", "[::1]")
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def is_loopback(host: str) -> bool:
    """True for 127.0.0.0/8, ::1 and ``localhost``."""
    if host.strip("[]").lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_bind(host: str, token: str | None) -> None:
    """Refuse to serve beyond loopback without a token."""
    if not is_loopback(host) and not token:
        raise ClaimmapError(
            f"refusing to bind to {host} without a token: anyone who can reach it could "
            "write to the store. Set --token or CLAIMMAP_TOKEN, or bind to 127.0.0.1."
        )


def token_ok(authorization: str | None, token: str | None) -> bool:
    """Whether a request may write: always when no token is configured, else only
    with ``Authorization: Bearer <token>`` (compared in constant time)."""
    if not token:
        return True
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not given:
        return False
    return hmac.compare_digest(given.strip().encode(), token.encode())


def error_body(status: int, message: str) -> bytes:
    """The one JSON error shape of the app."""
    body = {"error": {"status": status, "message": message}}
    return json.dumps(body, separators=(",", ":")).encode()


def _headers(scope: Scope) -> dict[str, str]:
    return {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}


def _host_name(host_header: str) -> str:
    if host_header.startswith("["):
        return host_header.split("]")[0] + "]"
    return host_header.rsplit(":", 1)[0] if host_header.count(":") == 1 else host_header


class GuardMiddleware:
    """Pure ASGI middleware: security headers, Host and Origin checks, body limit."""

    def __init__(
        self, app: ASGIApp, *, max_body: int, allowed_hosts: Iterable[str] | None
    ) -> None:
        self.app = app
        self.max_body = max_body
        self.allowed = None if allowed_hosts is None else {h.lower() for h in allowed_hosts}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = _headers(scope)
        problem = self._refusal(scope, headers)
        if problem is not None:
            await _send_error(send, *problem)
            return
        await self.app(scope, self._limited(receive, send), _with_headers(send))

    def _refusal(self, scope: Scope, headers: dict[str, str]) -> tuple[int, str] | None:
        host = _host_name(headers.get("host", "")).lower()
        if self.allowed is not None and "*" not in self.allowed and host not in self.allowed:
            return 400, "unknown Host header; open the app at the address it was started on"
        if scope["method"] not in SAFE_METHODS and _cross_site(headers):
            return 403, "cross-site write refused; use the app's own pages or the API"
        length = headers.get("content-length")
        if length is not None and length.isdigit() and int(length) > self.max_body:
            return 413, f"request body over the limit of {self.max_body:,} bytes"
        return None

    def _limited(self, receive: Receive, send: Send) -> Receive:
        seen = 0

        async def wrapped() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_body:
                    raise BodyTooLarge(self.max_body)
            return message

        return wrapped


class BodyTooLarge(Exception):
    """Raised while streaming a body with no (or a false) Content-Length."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"request body over the limit of {limit:,} bytes")


def _cross_site(headers: dict[str, str]) -> bool:
    site = headers.get("sec-fetch-site")  # set by the browser, not by page scripts
    if site is not None:
        return site not in ("same-origin", "none")
    origin = headers.get("origin")
    if origin is None or origin == "null":
        return origin == "null"
    host = headers.get("host", "")
    return origin.split("://", 1)[-1].lower() != host.lower()


def _with_headers(send: Send) -> Send:
    async def wrapped(message: Message) -> None:
        if message["type"] == "http.response.start":
            existing = list(message.get("headers", []))
            names = {k.lower() for k, _ in existing}
            existing += [(k, v) for k, v in SECURITY_HEADERS if k not in names]
            message = {**message, "headers": existing}
        await send(message)

    return wrapped


async def _send_error(send: Send, status: int, message: str) -> None:
    body = error_body(status, message)
    headers: list[Any] = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(body)).encode()),
        *SECURITY_HEADERS,
    ]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
