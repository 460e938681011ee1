"""The offline HTML report: one self-contained file with the map, the timeline, the
events table with filters, and each event's claims and evidence.

Safety: every piece of article text is either HTML-escaped (the server-rendered
map, timeline and tables) or carried in a ``<script type="application/json">`` block
with ``<``, ``>`` and ``&`` written as \\u escapes, and the script shows it with
``textContent`` only. A Content-Security-Policy allows exactly this page's own
script and style (by hash) and no network connection of any kind.
"""

from __future__ import annotations

import base64
import hashlib
from functools import cache
from importlib import resources
from pathlib import Path
from string import Template

from claimmap import __version__
from claimmap.errors import ClaimmapError
from claimmap.model import Analysis
from claimmap.report.basemap import BASEMAP_CREDIT
from claimmap.report.common import Index
from claimmap.report.payload import build_payload, embed_json
from claimmap.report.views import esc, map_svg, summary_html, timeline_html, unresolved_html


@cache
def asset(name: str) -> str:
    """A file shipped in ``claimmap/report/assets`` (package data)."""
    return (resources.files("claimmap.report") / "assets" / name).read_text(encoding="utf-8")


def _sha256(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def content_security_policy(js: str, css: str) -> str:
    """No network at all: only this page's own script and style, by hash."""
    return (
        f"default-src 'none'; script-src {_sha256(js)}; style-src {_sha256(css)}; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )


def render_html(analysis: Analysis, title: str = "claimmap report") -> str:
    """The report as one HTML document (a string)."""
    index = Index.of(analysis)
    js, css = asset("report.js"), asset("report.css")
    if "</script" in js.lower() or "</style" in css.lower():
        raise AssertionError("a report asset would close its own element")
    return Template(asset("report.html")).substitute(
        csp=content_security_policy(js, css),
        title=esc(title),
        css=css,
        js=js,
        summary=summary_html(analysis),
        map=map_svg(analysis, index),
        timeline=timeline_html(analysis),
        unresolved=unresolved_html(analysis.mentions),
        data=embed_json(build_payload(analysis)),
        version=esc(__version__),
        basemap_credit=esc(BASEMAP_CREDIT),
    )


def write_html(analysis: Analysis, path: str | Path, title: str = "claimmap report") -> Path:
    """Write the self-contained offline report to ``path``; returns the path."""
    target = Path(path)
    try:
        target.write_text(render_html(analysis, title), encoding="utf-8")
    except OSError as exc:
        raise ClaimmapError(f"{target}: cannot write the report: {exc.strerror}") from exc
    return target
