"""The local web app (``claimmap serve``): the claim map's views over a store, with
upload, search and a JSON API. Import :func:`create_app` from
:mod:`claimmap.web.app`; this package imports nothing heavy itself."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from claimmap.web.app import create_app

__all__ = ["create_app"]


def __getattr__(name: str) -> Any:
    if name == "create_app":
        from claimmap.web.app import create_app

        return create_app
    raise AttributeError(name)
