"""The fast overlap test behind suggestions answers as the plain pairwise check does."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from annotator.services.annotation.suggestions import overlap_test

ranges = st.tuples(st.integers(0, 200), st.integers(1, 30)).map(lambda pair: (pair[0], pair[0] + pair[1]))


@given(st.lists(ranges, max_size=40), st.lists(ranges, min_size=1, max_size=20))
def test_overlap_test_agrees_with_the_pairwise_check(tagged: list[tuple[int, int]], asked: list[tuple[int, int]]) -> None:
    overlapped = overlap_test(tagged)
    for start, end in asked:
        assert overlapped(start, end) == any(a < end and start < b for a, b in tagged)
