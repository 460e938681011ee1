"""Consolidation: stories (copies and rewrites), events across articles, their
status, contradictions and summaries, and cross-article flags. See
docs/consolidation.md. Importing this package is cheap."""

from __future__ import annotations

from claimmap.consolidate.core import ClaimConsolidator, ConsolidationParams, create_consolidator

__all__ = ["ClaimConsolidator", "ConsolidationParams", "create_consolidator"]
