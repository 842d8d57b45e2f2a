"""The index form of a text, computed word by word from remembered words, is exactly core's index_form."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.normalize import DROPPED, PROCLITICS, index_form
from annotator.storage import search_index

# Letters folding touches, marks it drops, clitics, whitespace of several kinds, ASCII case, and a few others.
ALPHABET = "".join(sorted(set("أإآٱؤئىةاويهبلكفرسمتنABCZabz09_-.،") | set(DROPPED) | set(" \t\n\u00a0\u2003\x1c")))
WORDS = st.one_of(st.text(ALPHABET, max_size=12), st.sampled_from(PROCLITICS).map(lambda c: c + "رسالة"))


@settings(max_examples=300)
@given(st.lists(WORDS, max_size=30).map(" ".join), st.booleans())
def test_index_text_is_index_form(text: str, forget: bool) -> None:
    if forget:
        search_index._FORMS.clear()
    assert search_index.index_text(text) == index_form(text)
    assert search_index.index_text(text) == index_form(text)  # the second time from remembered words


def test_the_remembered_words_are_forgotten_past_their_limit(monkeypatch) -> None:
    monkeypatch.setattr(search_index, "FORMS_KEPT", 5)
    search_index._FORMS.clear()
    text = " ".join(f"كلمة{n}" for n in range(40))
    assert search_index.index_text(text) == index_form(text)
    assert search_index.index_text("والرسالة " + text) == index_form("والرسالة " + text)
    assert len(search_index._FORMS) <= 5 + 41
