"""Pages of the document list, filtered and sorted in SQL, so that 10,000 documents never load at once."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, and_, case, exists, func, or_, select
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


def _annotator(name: str) -> Any:
    return select(Annotator.id).where(Annotator.name == name).scalar_subquery()


def _base(project: Project, wanted: DocumentFilter, columns: list[Any]) -> Select[Any]:
    mine = _state(wanted.annotator)
    status = func.coalesce(mine.c.status, str(DocumentStatus.NEW))
    query = select(*columns, status.label("status")).select_from(Document).outerjoin(mine, mine.c.document_id == Document.id)
    if wanted.adjudication:
        gold = _state(GOLD)
        query = query.outerjoin(gold, gold.c.document_id == Document.id)
        query = query.where(func.coalesce(gold.c.status, str(DocumentStatus.NEW)) == wanted.adjudication)
    if wanted.assigned_only:
        me = aliased(Annotator)
        assigned = select(Assignment.document_id).join(me, me.id == Assignment.annotator_id).where(me.name == wanted.annotator)
        has_any = exists(select(Assignment.id).join(me, me.id == Assignment.annotator_id).where(me.name == wanted.annotator))
        query = query.where(~has_any | Document.id.in_(assigned))
    if wanted.status:
        query = query.where(status == wanted.status)
    for name, label in ((wanted.annotator, wanted.label), (wanted.tagged_by, None)):
        if name is None or (label is None and name == wanted.annotator):
            continue
        # The annotator's id is looked up once, so that each document is one search of the spans' (document,
        # annotator, label) index.
        condition = and_(Span.document_id == Document.id, Span.annotator_id == _annotator(name))
        if label:
            condition = and_(condition, Span.label == label)
        query = query.where(exists(select(Span.id).where(condition)))
    return query


def count(project: Project, wanted: DocumentFilter) -> int:
    return sum(status_counts(project, wanted).values())


def status_counts(project: Project, wanted: DocumentFilter) -> dict[DocumentStatus, int]:
    return summary(project, wanted)[0]


def summary(project: Project, wanted: DocumentFilter, placing: DocumentId | None = None) -> tuple[dict[DocumentStatus, int], int | None]:
    """How many listed documents have each status and, when `placing` is given, where that document stands in
    the sorted list (None when the filter leaves it out): one pass over the list counts both, so that a filter
    on a corpus of 100,000 articles reads it once."""
    listed = _base(project, wanted, [Document.id, Document.title]).subquery()
    columns: list[Any] = [listed.c.status, func.count()]
    with project.reading() as session:
        own = None if placing is None else _own(session, listed, placing)
        if own is not None:
            columns.append(func.sum(case((_before(listed, wanted.order, own, placing), 1), else_=0)))
        totals = dict.fromkeys(DocumentStatus, 0)
        ahead = 0
        for row in session.execute(select(*columns).group_by(listed.c.status)):
            totals[DocumentStatus(row[0])] += row[1]
            ahead += row[2] if own is not None else 0
    return totals, (ahead if own is not None else None)


# A filter letting through fewer than one document in this many is sparse (see `page`).
SPARSE = 50


def page(project: Project, wanted: DocumentFilter, *, offset: int = 0, limit: int | None = None, listed: int | None = None) -> list[DocumentInfo]:
    """A page of the filtered, sorted list. `listed` is how many documents the filter lets through, when known."""
    columns = [Document.id, Document.uid, Document.title, Document.source, Document.url, Document.published]
    query = _base(project, wanted, columns)
    order = {"title": Document.title, "status": "status"}.get(wanted.order)
    query = query.order_by(order, Document.id) if order is not None else query.order_by(Document.id)
    with project.reading() as session:
        if listed == 0:
            return []
        if order is None and limit is not None and listed is not None and listed * SPARSE < (session.scalar(select(func.count(Document.id))) or 0):
            # In id order SQLite walks the documents table itself, whose rows hold the texts: for a sparse filter
            # that reads most of the corpus before the page is full (90 ms at 100,000 articles). The page's ids
            # come from a small index instead (`id + 0` keeps SQLite off the table), then their rows.
            ids = session.scalars(_base(project, wanted, [Document.id]).order_by(Document.id + 0).offset(offset).limit(limit)).all()
            query, offset = query.where(Document.id.in_(ids)), 0
        query = query.offset(offset).limit(limit) if limit is not None else query.offset(offset)
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


def position(project: Project, wanted: DocumentFilter, document_id: DocumentId, *, within: int | None = None) -> int | None:
    """Where a document stands in the filtered, sorted list (None when the filter leaves it out): the number of
    listed documents that sort before it, counted in SQL, so that finding one document's place never numbers
    the whole list. With `within`, counting stops there: `within` means at least that far down."""
    listed = _base(project, wanted, [Document.id, Document.title]).subquery()
    with project.reading() as session:
        own = _own(session, listed, document_id)
        if own is None:
            return None
        ahead = select(listed.c.id).where(_before(listed, wanted.order, own, document_id))
        if within is not None:
            ahead = ahead.limit(within)
        return session.scalar(select(func.count()).select_from(ahead.subquery())) or 0


def neighbour(project: Project, wanted: DocumentFilter, document_id: DocumentId, step: int) -> DocumentId | None:
    """The listed document right after (step 1) or before (step -1) this one in the sorted list, found without
    the list's rows: for an article opened far down the list, or from a search. None at either end, or when the
    filter leaves this one out."""
    listed = _base(project, wanted, [Document.id, Document.title]).subquery()
    with project.reading() as session:
        own = _own(session, listed, document_id)
        if own is None:
            return None
        before = _before(listed, wanted.order, own, document_id)
        key = {"title": [listed.c.title], "status": [listed.c.status]}.get(wanted.order, [])
        columns = [*key, listed.c.id]
        if step > 0:
            query = select(listed.c.id).where(~before, listed.c.id != document_id).order_by(*columns)
        else:
            query = select(listed.c.id).where(before).order_by(*(column.desc() for column in columns))
        found = session.scalar(query.limit(1))
    return None if found is None else DocumentId(found)


def _own(session: Any, listed: Any, document_id: DocumentId) -> Any:
    """The title and status a listed document sorts by (None when the filter leaves it out)."""
    return session.execute(select(listed.c.title, listed.c.status).where(listed.c.id == document_id)).first()


def _before(listed: Any, order: str, own: Any, document_id: DocumentId) -> Any:
    """Listed documents sorting before one whose title and status are `own`'s. `id + 0` keeps SQLite from reading
    the documents table itself in id order (its rows hold the texts, so that reads the corpus): it counts over a
    small index instead."""
    before = listed.c.id + 0 < document_id
    key = {"title": (listed.c.title, own.title), "status": (listed.c.status, own.status)}.get(order)
    if key is None:
        return before
    column, value = key
    return or_(column < value, and_(column == value, before))


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
