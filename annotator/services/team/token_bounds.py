"""The words of many texts at once, exactly as `annotator.core.arabic.tokens` finds them, in a few numpy passes.

`tokens` runs pyarabic's pattern (runs of word characters, harakat and the apostrophe) and trims what is not
a word character from each run's ends, one Python object per word: for a 10,000-article corpus (4 million
words) that is most of the cost of agreement. Here each code point is classified through a table (outside a
run, inside a run but not a word character, word character), and the trimmed runs are read off with
`flatnonzero` and `searchsorted`. A property test keeps the two equal.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

import numpy as np
import pyarabic.araby as araby

from annotator.core.arabic import _is_word_char

OUTSIDE, IN_RUN, WORD = 0, 1, 2
_BMP = 0x10000


def _kind(ch: str) -> int:
    if araby.TOKEN_PATTERN_SPLIT.fullmatch(ch) is None:
        return OUTSIDE
    return WORD if _is_word_char(ch) else IN_RUN


@cache
def _table() -> np.ndarray:
    """The kind of every code point of the Basic Multilingual Plane (built once, about 0.1 s)."""
    return np.fromiter((_kind(chr(point)) for point in range(_BMP)), dtype=np.uint8, count=_BMP)


def _kinds(points: np.ndarray) -> np.ndarray:
    kinds = np.take(_table(), points, mode="clip")
    if len(points) and int(points.max()) >= _BMP:  # emoji and rare scripts: classified one distinct code point at a time
        astral = points >= _BMP
        found, where = np.unique(points[astral], return_inverse=True)
        kinds[astral] = np.array([_kind(chr(int(point))) for point in found], dtype=np.uint8)[where]
    return kinds


def token_bounds(texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """For every word of every text, in order: the index of its text, its start and its end (code points)."""
    if not texts:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, empty
    joined = "\n".join(texts)  # a line break is outside every run, so no word crosses from one text to the next
    kinds = _kinds(np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), dtype=np.uint32))
    padded = np.zeros(len(kinds) + 2, dtype=bool)
    padded[1:-1] = kinds != OUTSIDE
    edges = np.flatnonzero(padded[1:] != padded[:-1])
    starts, ends = edges[0::2], edges[1::2]  # the runs
    ragged = np.flatnonzero((kinds[starts] != WORD) | (kinds[ends - 1] != WORD))
    if len(ragged):  # the few runs with an apostrophe or an underscore at an end: trimmed one by one
        starts, ends = starts.copy(), ends.copy()
        for run in ragged.tolist():
            start, end = int(starts[run]), int(ends[run])
            while start < end and kinds[start] != WORD:
                start += 1
            while end > start and kinds[end - 1] != WORD:
                end -= 1
            starts[run], ends[run] = start, end
        keep = starts < ends
        starts, ends = starts[keep], ends[keep]
    bases = np.cumsum([0, *(len(text) + 1 for text in texts[:-1])])
    owners = np.searchsorted(bases, starts, side="right") - 1
    return owners, starts - bases[owners], ends - bases[owners]
