"""Cut an article's text into segments so spans (mentions, evidence) can be marked.

Spans may overlap; every boundary starts a new segment, and each segment lists the
kinds of span that cover it. Segments carry plain text: the templates escape it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise


@dataclass(frozen=True, slots=True)
class Mark:
    start: int
    end: int
    kind: str  # "mention", "unresolved", "evidence", "focus"
    label: str = ""


@dataclass(frozen=True, slots=True)
class Segment:
    text: str
    kinds: tuple[str, ...] = ()
    labels: tuple[str, ...] = ()

    @property
    def css(self) -> str:
        return " ".join(f"hl-{kind}" for kind in self.kinds)

    @property
    def title(self) -> str:
        return "; ".join(label for label in self.labels if label)


def segments(text: str, marks: Iterable[Mark]) -> list[Segment]:
    """The text in order, split at every mark boundary (marks outside it ignored)."""
    valid = [m for m in marks if 0 <= m.start < m.end <= len(text)]
    cuts = sorted({0, len(text), *(m.start for m in valid), *(m.end for m in valid)})
    out: list[Segment] = []
    for start, end in pairwise(cuts):
        covering = [m for m in valid if m.start <= start and end <= m.end]
        kinds = tuple(dict.fromkeys(m.kind for m in covering))
        labels = tuple(dict.fromkeys(m.label for m in covering if m.label))
        out.append(Segment(text[start:end], kinds, labels))
    return out
