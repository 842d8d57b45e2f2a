from __future__ import annotations

from annotator.core.arabic import snap_to_graphemes, snap_to_words, tokens

TEXT = "قال «وفقًا لأشخاص مطلعين»، إن الرسالة وصلت."


def test_tokens_carry_offsets_and_drop_glued_punctuation() -> None:
    found = tokens(TEXT)
    assert [t.text for t in found][:4] == ["قال", "وفقًا", "لأشخاص", "مطلعين"]
    for token in found:
        assert TEXT[token.start : token.end] == token.text


def test_a_partial_selection_widens_to_whole_words() -> None:
    start = TEXT.index("فقًا")
    end = TEXT.index("مطلعين") + 2
    s, e = snap_to_words(TEXT, start, end)
    assert TEXT[s:e] == "وفقًا لأشخاص مطلعين"


def test_space_around_a_selection_is_trimmed() -> None:
    start = TEXT.index(" إن")
    s, e = snap_to_words(TEXT, start, start + 4)
    assert TEXT[s:e] == "إن"


def test_exact_selection_keeps_harakat_with_their_letter() -> None:
    start = TEXT.index("وفقًا")
    s, e = snap_to_graphemes(TEXT, start, start + 3)  # ends between ق and its tanwin
    assert TEXT[s:e] == "وفقً"


def test_punctuation_at_the_edges_is_left_out_but_kept_inside() -> None:
    start = TEXT.index("«")
    end = TEXT.index("»") + 2  # «وفقًا لأشخاص مطلعين»،
    s, e = snap_to_words(TEXT, start, end)
    assert TEXT[s:e] == "وفقًا لأشخاص مطلعين"
    s, e = snap_to_words("قال: «نعم».", 3, 5)
    assert (s, e) == (3, 4)  # only punctuation: kept as selected, less the space


def test_a_leading_preposition_is_left_out_only_before_an_article_or_a_hamza() -> None:
    from annotator.core.arabic import without_proclitic

    def cut(phrase: str) -> str:
        return phrase[without_proclitic(phrase, 0, len(phrase)) :]

    assert cut("لأشخاص مطلعين") == "أشخاص مطلعين"
    assert cut("بالرئيس الأمريكي") == "الرئيس الأمريكي"
    assert cut("وللرئيس") == "وللرئيس"
    assert cut("وبالبعثة الإيرانية") == "البعثة الإيرانية"
    assert cut("كالمسؤول") == "المسؤول"
    for whole in ("لبنان", "بيان الخارجية", "كبير المفاوضين", "لجنة", "البعثة", "وزير", "فلسطين"):
        assert cut(whole) == whole
