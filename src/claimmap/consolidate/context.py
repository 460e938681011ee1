"""Context dates: a claim with no date takes the date of the sentence just before.

News text often dates an occasion once and reports what happened at it in the next
sentence (invented example: "The minister toured the front on 3 May." / "He was told
the bridge had been retaken."). For consolidation only, a claim whose date
is unknown takes the date of a dated claim of the same article whose evidence
overlaps its own or ends at most ``GAP`` characters before it (the adjacent
sentence). Dates are never carried further, nor from a carried date. The carried
claim's evidence then runs from the dated sentence to its own end, so the
contradiction lists both sentences. Stored claims are not changed.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import replace

from claimmap.model import Article, Claim, Span

GAP = 3


def carry_dates(claims: Sequence[Claim], articles: Mapping[str, Article]) -> list[Claim]:
    """``claims`` in the same order, undated ones with a context date where one fits."""
    dated: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.date.precision != "unknown":
            dated[claim.article_id].append(claim)
    ends: dict[str, list[int]] = {}
    for article_id, group in dated.items():
        group.sort(key=lambda c: (c.evidence.end, c.id))
        ends[article_id] = [c.evidence.end for c in group]
    return [
        _carried(c, dated[c.article_id], ends[c.article_id], articles)
        if c.date.precision == "unknown" and c.article_id in ends
        else c
        for c in claims
    ]


def _carried(
    claim: Claim, donors: list[Claim], ends: list[int], articles: Mapping[str, Article]
) -> Claim:
    article = articles.get(claim.article_id)
    if article is None:
        return claim
    start = claim.evidence.start
    # Donors ending after start - GAP, nearest first; they must start before the claim ends.
    i = bisect.bisect_left(ends, start - GAP)
    options = [d for d in donors[i:] if d.evidence.start <= start]
    if not options:
        return claim
    donor = min(options, key=lambda d: (abs(d.evidence.end - start), d.id))
    lo, hi = min(donor.evidence.start, start), max(donor.evidence.end, claim.evidence.end)
    evidence = Span(claim.article_id, lo, hi, article.text[lo:hi])
    return replace(claim, date=donor.date, evidence=evidence)
