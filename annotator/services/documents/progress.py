"""Reading documents and recording each annotator's progress on them."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from annotator.core.changes import Changes, StateChange
from annotator.core.errors import AnnotatorError
from annotator.core.model import DocumentId, DocumentInfo, DocumentStatus
from annotator.storage.models import Annotator, Document, DocumentState
from annotator.storage.project import Project

LAST_DOCUMENT_KEY = "last_document:{annotator}"


def list_documents(project: Project, *, annotator: str, only: set[DocumentId] | None = None) -> list[DocumentInfo]:
    """Every document's heading, this annotator's status and who has finished it, without loading any text."""
    state = (
        select(DocumentState.document_id, DocumentState.status)
        .join(Annotator, Annotator.id == DocumentState.annotator_id)
        .where(Annotator.name == annotator)
        .subquery()
    )
    query = (
        select(Document.id, Document.uid, Document.title, Document.source, Document.url, Document.published, state.c.status)
        .outerjoin(state, state.c.document_id == Document.id)
        .order_by(Document.id)
    )
    if only is not None:
        query = query.where(Document.id.in_(only))
    finished = (
        select(DocumentState.document_id, Annotator.name)
        .join(Annotator, Annotator.id == DocumentState.annotator_id)
        .where(DocumentState.status == str(DocumentStatus.DONE))
        .order_by(Annotator.name)
    )
    with project.reading() as session:
        done_by: dict[int, list[str]] = {}
        for document_id, name in session.execute(finished):
            done_by.setdefault(document_id, []).append(name)
        return [
            DocumentInfo(
                id=DocumentId(row.id),
                uid=row.uid,
                title=row.title,
                source=row.source,
                url=row.url,
                published=row.published,
                status=DocumentStatus(row.status or DocumentStatus.NEW),
                finished_by=tuple(done_by.get(row.id, ())),
            )
            for row in session.execute(query)
        ]


def document_text(project: Project, document_id: DocumentId) -> str:
    with project.reading() as session:
        text = session.scalar(select(Document.text).where(Document.id == document_id))
    if text is None:
        raise AnnotatorError(f"no document with id {document_id}")
    return text


def set_status(project: Project, *, document_id: DocumentId, annotator: str, status: DocumentStatus) -> Changes:
    with project.transaction() as session:
        _state(project, session, document_id, annotator).status = str(status)
    return Changes(states=(StateChange(document_id, annotator, status),))


def status_of(project: Project, *, document_id: DocumentId, annotator: str) -> DocumentStatus:
    """This layer's status on the document, as stored."""
    with project.reading() as session:
        status = session.scalar(
            select(DocumentState.status)
            .join(Annotator, Annotator.id == DocumentState.annotator_id)
            .where(DocumentState.document_id == document_id, Annotator.name == annotator)
        )
    return DocumentStatus(status or DocumentStatus.NEW)


def mark_started(project: Project, session: Session, document_id: DocumentId, annotator: str) -> StateChange | None:
    """Within a running transaction: a new document becomes in progress for this annotator."""
    state = _state(project, session, document_id, annotator)
    if state.status == DocumentStatus.NEW:
        state.status = str(DocumentStatus.IN_PROGRESS)
        return StateChange(document_id, annotator, DocumentStatus.IN_PROGRESS)
    return None


def _state(project: Project, session: Session, document_id: int, annotator: str) -> DocumentState:
    annotator_id = project.annotator_id(session, annotator)
    state = session.scalar(
        select(DocumentState).where(
            DocumentState.document_id == document_id, DocumentState.annotator_id == annotator_id
        )
    )
    if state is None:
        state = DocumentState(document_id=document_id, annotator_id=annotator_id, status=str(DocumentStatus.NEW))
        session.add(state)
    return state


def last_document(project: Project, *, annotator: str) -> DocumentId | None:
    """The document this annotator last worked on, or the first one."""
    value = project.setting(LAST_DOCUMENT_KEY.format(annotator=annotator))
    with project.reading() as session:
        if value is not None and session.get(Document, int(value)) is not None:
            return DocumentId(int(value))
        first = session.scalar(select(func.min(Document.id)))
    return DocumentId(first) if first is not None else None


def remember_document(project: Project, *, annotator: str, document_id: DocumentId) -> None:
    project.set_setting(LAST_DOCUMENT_KEY.format(annotator=annotator), str(document_id))
