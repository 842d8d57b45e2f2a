from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from annotator.core.offsets import Utf16Map, grapheme_ceil, grapheme_floor, is_grapheme_boundary

any_text = st.text(st.characters(exclude_categories=["Cs"]), max_size=60)


@given(any_text, st.data())
def test_code_points_and_utf16_units_map_both_ways(text: str, data: st.DataObject) -> None:
    mapping = Utf16Map(text)
    cp = data.draw(st.integers(0, len(text)))
    u16 = mapping.to_utf16(cp)
    assert u16 == len(text[:cp].encode("utf-16-le")) // 2
    assert mapping.to_code_point(u16) == cp
    assert mapping.length_u16 == len(text.encode("utf-16-le")) // 2


def test_position_inside_a_surrogate_pair_rounds_down() -> None:
    mapping = Utf16Map("a😀b")
    assert [mapping.to_utf16(i) for i in range(4)] == [0, 1, 3, 4]
    assert mapping.to_code_point(2) == 1
    assert mapping.to_code_point(3) == 2


def test_harakat_and_emoji_modifiers_stay_with_their_base() -> None:
    text = "وفقًا 👍🏽 ك"
    assert not is_grapheme_boundary(text, 3)  # between ق and its tanwin
    assert grapheme_ceil(text, 3) == 4
    assert grapheme_floor(text, 3) == 2
    assert not is_grapheme_boundary(text, 7)  # between the thumb and its skin tone
    assert is_grapheme_boundary(text, 6)
