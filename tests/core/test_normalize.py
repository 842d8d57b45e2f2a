from __future__ import annotations

import pytest

from annotator.core.normalize import fold, fold_with_map


@pytest.mark.parametrize(
    ("written", "searched"),
    [("وفقًا", "وفقا"), ("أكّد", "اكد"), ("إيران", "ايران"), ("آية", "ايه"), ("قـــال", "قال"),
     ("مسؤول", "مسوول"), ("رئيس", "رييس"), ("مستشفى", "مستشفي"), ("الرسالة", "الرساله"), ("CNN", "cnn")],
)
def test_variants_fold_to_the_same_search_form(written: str, searched: str) -> None:
    assert fold(written) == fold(searched)


def test_the_map_points_back_into_the_original_text() -> None:
    text = "😀 قـــالَ المُتحدِّث"
    folded, positions = fold_with_map(text)
    start = folded.index("المتحدث")
    original_start = positions[start]
    original_end = positions[start + len("المتحدث") - 1] + 1
    assert text[original_start:original_end].startswith("المُتحدِّ")
    assert len(folded) == len(positions)


def test_the_index_form_adds_words_without_their_clitics() -> None:
    from annotator.core.normalize import index_form

    assert index_form("والرسالةُ برسالة").split() == ["والرساله", "رساله", "الرساله", "برساله", "رساله"]
    assert index_form("بلد").split() == ["بلد"]  # too short to be a clitic plus a word


def test_the_map_stays_aligned_whatever_the_letters() -> None:
    from hypothesis import given
    from hypothesis import strategies as st

    @given(st.text(max_size=60))
    def aligned(text: str) -> None:
        folded, positions = fold_with_map(text)
        assert len(folded) == len(positions)

    aligned()
    assert fold_with_map("İstanbul وفقًا")[0] == "İstanbul وفقا"
