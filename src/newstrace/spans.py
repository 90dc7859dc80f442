"""Which of many [start, end) spans of a body overlap a given one, without reading them all.

Stages ask this once per sentence or per quote; a scan of every span each time makes a
page of thousands of quotations cost the square of their number. Written here because
the interval trees on PyPI answer far more than this needs: the spans are known up
front, so sorted starts and a running maximum of the ends do.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Iterator


class SpanIndex:
    """Spans (any order, overlapping or not), asked which overlap [start, end)."""

    def __init__(self, spans: Iterable[tuple[int, int]]):
        # (start, end, position in the given order), by start
        self._spans = sorted((s, e, i) for i, (s, e) in enumerate(spans))
        self._starts = [s for s, _, _ in self._spans]
        self._reach: list[int] = []  # the largest end among the spans up to each one
        furthest = -1
        for _, end, _ in self._spans:
            furthest = max(furthest, end)
            self._reach.append(furthest)

    def overlapping(self, start: int, end: int) -> Iterator[tuple[int, int, int]]:
        """(start, end, position in the given order) of every span overlapping [start, end)."""
        index = bisect_left(self._starts, end) - 1  # the last span starting before `end`
        while index >= 0 and self._reach[index] > start:
            s, e, position = self._spans[index]
            if e > start:
                yield s, e, position
            index -= 1

    def covered(self, start: int, end: int) -> int:
        """How many characters of [start, end) the spans cover, summed span by span."""
        return sum(min(end, e) - max(start, s) for s, e, _ in self.overlapping(start, end))
