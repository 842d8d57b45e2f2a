"""Search ignores harakat, tatweel and hamza forms, and its hits land on the original text."""

from __future__ import annotations

import pytest

from annotator.services.documents.search import find_in_text, search_corpus
from annotator.storage.models import Document
from annotator.storage.project import Project
from tests.conftest import add_document

LETTER = "قال مسؤولٌ 😀 كبير، وفقًا لأشخاص مطّلعين على هذه المراسلة، إن الرئيس بعث برسالة إلى طهران."
DENIAL = "نفت البعثة الإيرانية في نيويورك تلقّي أي رسالة من واشنطـــن."


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("وفقا", "وفقًا"),
        ("لاشخاص مطلعين", "لأشخاص مطّلعين"),
        ("المراسله", "المراسلة"),
        ("مسوول", "مسؤولٌ"),
        ("على", "على"),
        ("علي", "على"),
    ],
)
def test_hits_map_back_to_the_original_text(query: str, expected: str) -> None:
    [(start, end)] = find_in_text(LETTER, query)
    assert LETTER[start:end] == expected


def test_tatweel_and_line_breaks() -> None:
    [(start, end)] = find_in_text(DENIAL, "واشنطن")
    assert DENIAL[start:end] == "واشنطـــن"
    assert find_in_text("قال\nمسؤول", "قال مسؤول") == [(0, 9)]
    assert find_in_text(LETTER, "   ") == []


def test_corpus_search_finds_documents_with_snippets(project: Project) -> None:
    first = add_document(project, LETTER, title="الرسالة")
    second = add_document(project, DENIAL, title="النفي")
    results = search_corpus(project, "رساله")
    assert sorted(r.document_id for r in results) == sorted([first, second])
    [result] = search_corpus(project, "تلقي")
    assert result.document_id == second and result.title == "النفي"
    assert "تلقّي" in result.snippet
    assert [DENIAL[a:b] for a, b in result.hits] == ["تلقّي"]
    assert search_corpus(project, "وفق")[0].document_id == first  # the last word is a prefix
    assert search_corpus(project, "!!!") == []


def test_the_index_follows_inserts_and_deletes(project: Project) -> None:
    document = add_document(project, DENIAL)
    with project.transaction() as session:
        session.delete(session.get(Document, document))
    assert search_corpus(project, "نيويورك") == []


def test_a_common_word_is_ranked_among_the_newest_documents_that_hold_it(project: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    from annotator.storage import search_index

    # The oldest article says «رسالة» most often; with three ranked, only the three newest compete.
    texts = ["رسالة رسالة رسالة رسالة وصلت.", "وصلت رسالة أمس إلى البعثة في نيويورك.", "قال مسؤول إن رسالة رسالة وصلت.",
             "لم تصل أي رسالة بحسب البعثة الإيرانية لدى الأمم المتحدة في نيويورك.", "نفت طهران أن تكون رسالة قد وصلت."]
    ids = [add_document(project, text, title=f"خبر {n}") for n, text in enumerate(texts)]
    assert [r.document_id for r in search_corpus(project, "رسالة")][0] == ids[0]
    monkeypatch.setattr(search_index, "RANKED", 3)
    found = [r.document_id for r in search_corpus(project, "رسالة")]
    assert sorted(found) == sorted(ids[2:])
    assert found[0] == ids[2]  # the densest of the three


@pytest.mark.parametrize(
    "phrase",
    ["الرئيس الأمريكي", "الرسالة واضحة", "رسالة الأسبوع الدبلوماسية", "وقال الرئيس", "رئيس الأمريكي", "الرسالة وا"],
)
def test_a_phrase_is_found_whatever_clitics_its_words_carry(project: Project, phrase: str) -> None:
    found = add_document(project, "قال الرئيس الأمريكي إن الرسالة واضحة، في رسالة الأسبوع الدبلوماسية. وقال الرئيس ذلك أمس.")
    add_document(project, "الرئيس قال إن الأمريكي لم يرسل أي رسالة واضحة.")  # the same words, never in that order
    results = search_corpus(project, phrase)
    assert [r.document_id for r in results] == [found]
    assert results[0].hits


def test_words_match_with_punctuation_between_them_as_the_index_matches_them(project: Project) -> None:
    text = "قال إن الرسالة «واضحة ومباشرة»، وإن رسالة الأسبوع، الدبلوماسية وصلت."
    [(start, end)] = find_in_text(text, "الرسالة واضحة")
    assert text[start:end] == "الرسالة «واضحة"
    [(start, end)] = find_in_text(text, "رسالة الأسبوع الدبلوماسية")
    assert text[start:end] == "رسالة الأسبوع، الدبلوماسية"
    assert [text[a:b] for a, b in find_in_text(text, "،")] == ["،", "،"]  # punctuation alone, as written
    document = add_document(project, text)
    [result] = search_corpus(project, "الرسالة واضحة")
    assert result.document_id == document and result.hits == ((text.index("الرسالة"), text.index("واضحة") + len("واضحة")),)
