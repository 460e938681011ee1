"""Reports and exports of an analysis.

Importing this package is cheap: the HTML report and the exports load when called.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from claimmap.model import Analysis

__all__ = ["export", "write_html"]


def write_html(analysis: Analysis, path: str | Path, title: str = "claimmap report") -> Path:
    """Write the self-contained offline HTML report (see ``claimmap.report.html``)."""
    from claimmap.report.html import write_html as _write_html

    return _write_html(analysis, path, title)


def export(
    analysis: Analysis, fmt: str, out: str | Path | TextIO, *, timestamp: int | None = None
) -> None:
    """Write one export format (json, geojson, acled-csv, claims-csv) to ``out``."""
    from claimmap.report.exports import export as _export

    _export(analysis, fmt, out, timestamp=timestamp)
