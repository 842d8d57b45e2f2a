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
