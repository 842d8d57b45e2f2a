"""Search the corpus and one article on normalized Arabic; hits come back as offsets into the original text."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select

from annotator.core.normalize import FoldedText, fold
from annotator.core.offsets import grapheme_ceil
from annotator.core.model import DocumentId
from annotator.storage import search_index
from annotator.storage.models import Document
from annotator.storage.project import Project

WORD = re.compile(r"\w+")
SNIPPET_CONTEXT = 40


@dataclass(frozen=True, slots=True)
class SearchResult:
    document_id: DocumentId
    title: str
    snippet: str
    hits: tuple[tuple[int, int], ...]


def find_in_text(original: str, query: str) -> list[tuple[int, int]]:
    """Every place the query occurs, ignoring harakat, tatweel, hamza/alef forms, teh marbuta and alef maqsura.
    Its words match with any punctuation or space between them, as the corpus index matches them («الرسالة
    «واضحة» holds الرسالة واضحة); a query of punctuation alone is looked for as written."""
    folded_query = fold(query)
    words = WORD.findall(folded_query)
    if words:
        pattern = re.compile(r"\W+".join(re.escape(word) for word in words))
    else:
        needle = " ".join(folded_query.split())
        if not needle:
            return []
        pattern = re.compile(re.escape(needle))
    folded_text = FoldedText(original)
    folded = re.sub(r"\s", " ", folded_text.text)  # NBSP and line breaks match a typed space
    found = []
    for match in pattern.finditer(folded):
        start = folded_text.original(match.start())
        end = grapheme_ceil(original, folded_text.original(match.end() - 1) + 1)
        found.append((start, end))
    return found


def search_corpus(project: Project, query: str, *, limit: int = 50) -> list[SearchResult]:
    """Documents holding the query's words in a row (the last one as a prefix), best first, with their hits."""
    words = WORD.findall(fold(query))
    if not words:
        return []
    with project.reading() as session:
        ids = search_index.matching_documents(session, words, limit=limit)
        if not ids:
            return []
        rows = {row.id: row for row in session.execute(select(Document.id, Document.title, Document.text).where(Document.id.in_(ids)))}
    results = []
    for document_id in ids:
        row = rows[document_id]
        hits = find_in_text(row.text, query)
        results.append(SearchResult(DocumentId(document_id), row.title, _snippet(row.text, hits), tuple(hits)))
    return results


def _snippet(original: str, hits: list[tuple[int, int]]) -> str:
    if not hits:
        return " ".join(original[: SNIPPET_CONTEXT * 2].split())
    start, end = hits[0]
    left = max(0, start - SNIPPET_CONTEXT)
    right = min(len(original), end + SNIPPET_CONTEXT)
    return ("…" if left else "") + " ".join(original[left:right].split()) + ("…" if right < len(original) else "")
