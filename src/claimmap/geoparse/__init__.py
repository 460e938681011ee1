"""Geoparsing: find place-name mentions in text and resolve them to gazetteer entries.

``create_geoparser()`` returns an object satisfying :class:`claimmap.stages.Geoparser`;
see docs/geoparse.md for the method and its evaluation.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from claimmap.gazetteer.base import Gazetteer
    from claimmap.geoparse.pipeline import Baseline, GazetteerGeoparser

__all__ = ["create_geoparser"]


def create_geoparser(
    gazetteer: Gazetteer | None = None,
    baseline: Baseline | None = None,
    min_confidence: float | None = None,
) -> GazetteerGeoparser:
    """A geoparser over ``gazetteer`` (default: the full GeoNames index, loaded on
    first use). ``baseline="population"`` resolves by population alone;
    ``min_confidence`` replaces the abstention threshold (default 0.40)."""
    from claimmap.geoparse.pipeline import GazetteerGeoparser

    if min_confidence is None:
        return GazetteerGeoparser(gazetteer, baseline)
    return GazetteerGeoparser(gazetteer, baseline, min_confidence)
