from __future__ import annotations

import pytest

from annotator.core.normalize import DROPPED, FoldedText, fold


@pytest.mark.parametrize(
    ("written", "searched"),
    [("وفقًا", "وفقا"), ("أكّد", "اكد"), ("إيران", "ايران"), ("آية", "ايه"), ("قـــال", "قال"),
     ("مسؤول", "مسوول"), ("رئيس", "رييس"), ("مستشفى", "مستشفي"), ("الرسالة", "الرساله"), ("CNN", "cnn")],
)
def test_variants_fold_to_the_same_search_form(written: str, searched: str) -> None:
    assert fold(written) == fold(searched)


def test_the_map_points_back_into_the_original_text() -> None:
    text = "😀 قـــالَ المُتحدِّث"
    folded = FoldedText(text)
    start = folded.text.index("المتحدث")
    original_start = folded.original(start)
    original_end = folded.original(start + len("المتحدث") - 1) + 1
    assert text[original_start:original_end] == "المُتحدِّث"


def test_the_index_form_adds_words_without_their_clitics() -> None:
    from annotator.core.normalize import index_form

    assert index_form("والرسالةُ برسالة").split() == ["والرساله", "رساله", "الرساله", "برساله", "رساله"]
    assert index_form("بلد").split() == ["بلد"]  # too short to be a clitic plus a word


def test_the_map_stays_aligned_whatever_the_letters() -> None:
    from hypothesis import given
    from hypothesis import strategies as st

    letters = st.sampled_from(sorted(DROPPED) + list("وفقًا أكّد قـــال İstanbul 😀\n"))

    @given(st.one_of(st.text(max_size=60), st.lists(letters, max_size=60).map("".join)))
    def aligned(text: str) -> None:
        folded = FoldedText(text)
        kept = [folded.original(index) for index in range(len(folded.text))]
        # Each folded character comes from the original one it is mapped to; what lies between is dropped.
        assert [fold(text[i]) for i in kept] == list(folded.text)
        assert sorted(set(range(len(text))) - set(kept)) == [i for i, ch in enumerate(text) if ch in DROPPED]
        assert kept == sorted(kept)

    aligned()
    assert FoldedText("İstanbul وفقًا").text == "İstanbul وفقا"
