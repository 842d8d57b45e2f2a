"""Keeps the full-text index in step with the documents table, whoever inserts or deletes a document."""

from __future__ import annotations

from typing import Any

from sqlalchemy import event, text

from annotator.core.normalize import index_form
from annotator.storage.models import Document


@event.listens_for(Document, "after_insert")
def _index_document(_mapper: Any, connection: Any, document: Document) -> None:
    connection.execute(
        text("INSERT INTO document_search (rowid, folded) VALUES (:id, :folded)"), {"id": document.id, "folded": index_form(document.text)}
    )


@event.listens_for(Document, "after_delete")
def _forget_document(_mapper: Any, connection: Any, document: Document) -> None:
    connection.execute(text("DELETE FROM document_search WHERE rowid = :id"), {"id": document.id})
