"""The full-text index (SQLite FTS5 over a folded shadow of each text): kept in step with the documents
table whoever inserts or deletes, and queried here, so that no other module speaks FTS5."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import event, text
from sqlalchemy.orm import Session

from annotator.core.normalize import index_form
from annotator.storage.models import Document

_INSERT = text("INSERT INTO document_search (rowid, folded) VALUES (:id, :folded)")


@event.listens_for(Document, "after_insert")
def _index_document(_mapper: Any, connection: Any, document: Document) -> None:
    connection.execute(_INSERT, {"id": document.id, "folded": index_form(document.text)})


@event.listens_for(Document, "after_delete")
def _forget_document(_mapper: Any, connection: Any, document: Document) -> None:
    connection.execute(text("DELETE FROM document_search WHERE rowid = :id"), {"id": document.id})


def index_text(original: str) -> str:
    """What the index holds for a text; bulk writers compute it before their transaction takes the lock."""
    return index_form(original)


def index_documents(session: Session, documents: Iterable[tuple[int, str]]) -> None:
    """Index documents inserted without the ORM (bulk inserts): (id, index_text(original)) pairs."""
    rows = [{"id": document_id, "folded": folded} for document_id, folded in documents]
    if rows:
        session.execute(_INSERT, rows)


def matching_documents(session: Session, words: list[str], *, limit: int) -> list[int]:
    """Ids of the documents holding the folded words as a phrase, the last word as a prefix, best first."""
    if not words:
        return []
    phrase = '"' + " ".join(word.replace('"', '""') for word in words) + '"*'
    query = text("SELECT rowid FROM document_search WHERE document_search MATCH :q ORDER BY rank LIMIT :n")
    return [row[0] for row in session.execute(query, {"q": phrase, "n": limit})]
