"""Claim extraction: who claims what happened, where and when, with the evidence span.

``create_extractor()`` returns an object satisfying
:class:`claimmap.stages.ClaimExtractor`; see docs/claims.md for the rules, the ACLED
mapping, the flags and the gold format.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from claimmap.claims.extractor import RuleExtractor

__all__ = ["create_extractor"]


def create_extractor() -> RuleExtractor:
    """The rule-based claim extractor (no model, no network)."""
    from claimmap.claims.extractor import RuleExtractor

    return RuleExtractor()
