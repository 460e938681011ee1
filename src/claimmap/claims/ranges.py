"""Finds over a whole article, looked up by character range (found once, used by
every claim in the article instead of re-running patterns per clause)."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from typing import Generic, Protocol, TypeVar


class Located(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


T = TypeVar("T", bound=Located)


class RangeIndex(Generic[T]):
    """Items with ``start``/``end`` offsets, sorted, queried by range."""

    def __init__(self, items: Sequence[T]) -> None:
        self._items = sorted(items, key=lambda item: item.start)
        self._starts = [item.start for item in self._items]

    def within(self, start: int, end: int) -> list[T]:
        """Items lying wholly inside ``[start, end)``, in text order."""
        low = bisect_left(self._starts, start)
        high = bisect_left(self._starts, end)
        return [item for item in self._items[low:high] if item.end <= end]
