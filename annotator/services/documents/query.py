"""Pages of the document list, filtered and sorted in SQL, so that 10,000 documents never load at once."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, and_, exists, func, select
from sqlalchemy.orm import aliased

from annotator.core.model import DocumentId, DocumentInfo, DocumentStatus
from annotator.core.model import GOLD
from annotator.storage.models import Annotator, Assignment, Document, DocumentState, Span
from annotator.storage.project import Project

ORDERS = ("id", "title", "status")


@dataclass(frozen=True, slots=True)
class DocumentFilter:
    annotator: str
    status: str | None = None  # this annotator's status
    label: str | None = None  # this annotator tagged at least one span with it
    tagged_by: str | None = None  # that annotator tagged anything
    adjudication: str | None = None  # the gold layer's status
    order: str = "id"
    assigned_only: bool = True  # when documents were assigned to this annotator, only those


def _state(name: str) -> Any:
    return (
        select(DocumentState.document_id, DocumentState.status)
        .join(Annotator, Annotator.id == DocumentState.annotator_id)
        .where(Annotator.name == name)
        .subquery()
    )


def _base(project: Project, wanted: DocumentFilter, columns: list[Any]) -> Select[Any]:
    mine, gold = _state(wanted.annotator), _state(GOLD)
    status = func.coalesce(mine.c.status, str(DocumentStatus.NEW))
    query = (
        select(*columns, status.label("status"))
        .select_from(Document)
        .outerjoin(mine, mine.c.document_id == Document.id)
        .outerjoin(gold, gold.c.document_id == Document.id)
    )
    if wanted.assigned_only:
        me = aliased(Annotator)
        assigned = select(Assignment.document_id).join(me, me.id == Assignment.annotator_id).where(me.name == wanted.annotator)
        has_any = exists(select(Assignment.id).join(me, me.id == Assignment.annotator_id).where(me.name == wanted.annotator))
        query = query.where(~has_any | Document.id.in_(assigned))
    if wanted.status:
        query = query.where(status == wanted.status)
    if wanted.adjudication:
        query = query.where(func.coalesce(gold.c.status, str(DocumentStatus.NEW)) == wanted.adjudication)
    for name, label in ((wanted.annotator, wanted.label), (wanted.tagged_by, None)):
        if name is None or (label is None and name == wanted.annotator):
            continue
        who = aliased(Annotator)
        condition = and_(Span.document_id == Document.id, who.name == name)
        if label:
            condition = and_(condition, Span.label == label)
        query = query.where(exists(select(Span.id).join(who, who.id == Span.annotator_id).where(condition)))
    return query


def count(project: Project, wanted: DocumentFilter) -> int:
    query = _base(project, wanted, [Document.id]).subquery()
    with project.reading() as session:
        return session.scalar(select(func.count()).select_from(query)) or 0


def status_counts(project: Project, wanted: DocumentFilter) -> dict[DocumentStatus, int]:
    query = _base(project, wanted, [Document.id]).subquery()
    with project.reading() as session:
        rows = session.execute(select(query.c.status, func.count()).group_by(query.c.status))
        totals = dict.fromkeys(DocumentStatus, 0)
        for status, number in rows:
            totals[DocumentStatus(status)] += number
        return totals


def page(project: Project, wanted: DocumentFilter, *, offset: int = 0, limit: int | None = None) -> list[DocumentInfo]:
    columns = [Document.id, Document.uid, Document.title, Document.source, Document.url, Document.published]
    query = _base(project, wanted, columns)
    order = {"title": Document.title, "status": "status"}.get(wanted.order)
    query = query.order_by(order, Document.id) if order is not None else query.order_by(Document.id)
    query = query.offset(offset).limit(limit) if limit is not None else query.offset(offset)
    with project.reading() as session:
        rows = session.execute(query).all()
        finished: dict[int, list[str]] = {}
        ids = [row.id for row in rows]
        for first in range(0, len(ids), 500):
            for document_id, name in session.execute(
                select(DocumentState.document_id, Annotator.name)
                .join(Annotator, Annotator.id == DocumentState.annotator_id)
                .where(DocumentState.status == str(DocumentStatus.DONE), DocumentState.document_id.in_(ids[first : first + 500]))
                .order_by(Annotator.name)
            ):
                finished.setdefault(document_id, []).append(name)
    return [
        DocumentInfo(
            id=DocumentId(row.id), uid=row.uid, title=row.title, source=row.source, url=row.url, published=row.published,
            status=DocumentStatus(row.status), finished_by=tuple(finished.get(row.id, ())),
        )
        for row in rows
    ]


def position(project: Project, wanted: DocumentFilter, document_id: DocumentId) -> int | None:
    """Where a document stands in the filtered, sorted list (None when the filter leaves it out): numbered in
    SQL, so that finding one document's place never builds the whole list."""
    listed = _base(project, wanted, [Document.id, Document.title]).subquery()
    key = {"title": listed.c.title, "status": listed.c.status}.get(wanted.order)
    numbered = select(listed.c.id, func.row_number().over(order_by=[*([key] if key is not None else []), listed.c.id]).label("n")).subquery()
    with project.reading() as session:
        found = session.scalar(select(numbered.c.n).where(numbered.c.id == document_id))
    return None if found is None else found - 1


def info(project: Project, annotator: str, document_id: DocumentId) -> DocumentInfo | None:
    """One document's heading and status for this annotator, whatever the filters."""
    wanted = DocumentFilter(annotator=annotator, assigned_only=False)
    columns = [Document.id, Document.uid, Document.title, Document.source, Document.url, Document.published]
    with project.reading() as session:
        row = session.execute(_base(project, wanted, columns).where(Document.id == document_id)).first()
    if row is None:
        return None
    return DocumentInfo(id=DocumentId(row.id), uid=row.uid, title=row.title, source=row.source, url=row.url,
                        published=row.published, status=DocumentStatus(row.status))
