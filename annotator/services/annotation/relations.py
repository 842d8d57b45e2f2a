"""Relations between spans, within one document or across documents, checked against the scheme."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select, union
from sqlalchemy.orm import aliased

from annotator.core.changes import Change, Changes, RelationChange
from annotator.core.errors import AnnotatorError, EditConflict
from annotator.core.model import DocumentId, RelationId, RelationRecord, SpanId
from annotator.services.annotation.records import conflict_message, owned, relation_documents, relation_record, relation_row, same_state
from annotator.services.annotation.tagging import TaggingService, new_uid
from annotator.services.team.identity import check_write
from annotator.storage.models import Annotator, Document, Relation, Span
from annotator.storage.project import Project


@dataclass(frozen=True, slots=True)
class RelationEnd:
    """The span at the other end of a relation, with where it lives."""

    span_id: SpanId
    label: str
    text: str
    document_id: DocumentId
    document_title: str


@dataclass(frozen=True, slots=True)
class Candidate:
    """A span a new relation may point to, with the source its claim is attributed to, if any."""

    end: RelationEnd
    source_text: str


@dataclass(frozen=True, slots=True)
class RelationView:
    relation: RelationRecord
    source: RelationEnd
    target: RelationEnd


class RelationService:
    """One annotator's relations; the storage layer refuses any the scheme forbids."""

    def __init__(self, project: Project, *, annotator: str, tagging: TaggingService | None = None) -> None:
        self.project = project
        self.tagging = tagging or TaggingService(project, annotator=annotator)
        self.annotator = self.tagging.annotator  # the layer written: the person's own, or gold

    def create(
        self, *, label: str, from_span: SpanId, to_span: SpanId, attributes: dict[str, Any] | None = None
    ) -> Changes:
        annotator_id = self.tagging.annotator_id()
        with self.project.transaction() as session:
            owned(session, Span, from_span, annotator_id)
            owned(session, Span, to_span, annotator_id)
            if self._existing(session, label, from_span, to_span) is not None:
                raise AnnotatorError(f"these two spans are already joined by {label}")
            relation = Relation(
                uid=new_uid(),
                label=label,
                from_span_id=from_span,
                to_span_id=to_span,
                annotator_id=annotator_id,
                attributes=dict(attributes or {}),
                note="",
            )
            session.add(relation)
            session.flush()
            return self._changes(session, Change.ADDED, relation)

    def delete(self, relation_id: RelationId) -> Changes:
        annotator_id = self.tagging.annotator_id()
        with self.project.transaction() as session:
            relation = owned(session, Relation, relation_id, annotator_id)
            changes = self._changes(session, Change.REMOVED, relation)
            session.delete(relation)
            return changes

    def restore(self, removed: Changes) -> Changes:
        """Put back the relations a deletion removed, with their ids: the undo of a delete."""
        records = removed.relation_records(Change.REMOVED)
        for layer in {record.annotator for record in records}:
            check_write(self.tagging.acting, layer)
        with self.project.transaction() as session:
            for record in records:
                session.add(relation_row(record, self.project.annotator_id(session, record.annotator)))
        return Changes(relations=tuple(RelationChange(Change.ADDED, c.relation, c.documents) for c in removed.relations))

    def _changes(self, session: Any, kind: Change, relation: Relation) -> Changes:
        ends = relation_documents(session, [relation])[relation.id]
        return Changes(relations=(RelationChange(kind, relation_record(relation, self.annotator), ends),))

    def update(
        self,
        relation_id: RelationId,
        *,
        attributes: dict[str, Any] | None = None,
        note: str | None = None,
        expected: tuple[dict[str, Any], str] | None = None,
    ) -> Changes:
        """Replace a link's attributes and/or note; with `expected`, refuse (EditConflict) if someone changed it meanwhile."""
        annotator_id = self.tagging.annotator_id()
        with self.project.transaction() as session:
            relation = owned(session, Relation, relation_id, annotator_id)
            if expected is not None and not same_state(expected, relation.attributes, relation.note):
                raise EditConflict(conflict_message(relation.label, "", relation.attributes, relation.note),
                                   self._changes(session, Change.UPDATED, relation))
            if attributes is not None:
                relation.attributes = {k: v for k, v in attributes.items() if v is not None}
            if note is not None:
                relation.note = note
            session.flush()
            return self._changes(session, Change.UPDATED, relation)

    def for_document(self, document_id: DocumentId) -> list[RelationView]:
        """This annotator's relations with at least one end in the document."""
        source, target = aliased(Span), aliased(Span)
        source_doc, target_doc = aliased(Document), aliased(Document)
        query = (
            select(Relation, source, source_doc.title, target, target_doc.title)
            .join(source, source.id == Relation.from_span_id)
            .join(target, target.id == Relation.to_span_id)
            .join(source_doc, source_doc.id == source.document_id)
            .join(target_doc, target_doc.id == target.document_id)
            .join(Annotator, Annotator.id == Relation.annotator_id)
            .where(Annotator.name == self.annotator)
            .where(Relation.id.in_(_touching(document_id)))
            .order_by(Relation.id)
        )
        with self.project.reading() as session:
            return [
                RelationView(
                    relation=relation_record(relation, self.annotator),
                    source=_end(from_span, from_title),
                    target=_end(to_span, to_title),
                )
                for relation, from_span, from_title, to_span, to_title in session.execute(query)
            ]

    def candidates(self, *, label: str, from_span: SpanId) -> list[Candidate]:
        """The spans this relation may join to `from_span`: its own document's first, then the others."""
        rule = self.project.scheme.relation_label(label)
        annotator_id = self.tagging.annotator_id()
        with self.project.reading() as session:
            origin = owned(session, Span, from_span, annotator_id)
            allowed = set(rule.to_labels) if origin.label in rule.from_labels else set()
            if not rule.directed and origin.label in rule.to_labels:
                allowed |= set(rule.from_labels)
            query = (
                select(Span, Document.title)
                .join(Document, Document.id == Span.document_id)
                .where(Span.annotator_id == origin.annotator_id, Span.label.in_(allowed), Span.id != from_span)
                .order_by(Span.document_id != origin.document_id, Span.document_id, Span.start)
            )
            if not rule.cross_document:
                query = query.where(Span.document_id == origin.document_id)
            rows = session.execute(query).all()
            sources = self._attributed_sources(session, [span.id for span, _title in rows])
            return [
                Candidate(end=_end(span, title), source_text=sources.get(span.id, "")) for span, title in rows
            ]

    def _attributed_sources(self, session: Any, span_ids: list[int]) -> dict[int, str]:
        attribution, source = self.project.scheme.relation_role("attribution"), self.project.scheme.span_role("source")
        if attribution is None or source is None:
            return {}
        target = aliased(Span)
        found: dict[int, str] = {}
        for start in range(0, len(span_ids), 500):
            rows = session.execute(
                select(Relation.from_span_id, target.text)
                .join(target, target.id == Relation.to_span_id)
                .where(Relation.label == attribution, target.label == source)
                .where(Relation.from_span_id.in_(span_ids[start : start + 500]))
            )
            for span_id, text in rows:
                found.setdefault(span_id, text)
        return found

    def _existing(self, session: Any, label: str, from_span: SpanId, to_span: SpanId) -> int | None:
        pairs = [(from_span, to_span)]
        if not self.project.scheme.relation_label(label).directed:
            pairs.append((to_span, from_span))
        for a, b in pairs:
            found = session.scalar(
                select(Relation.id).where(Relation.label == label, Relation.from_span_id == a, Relation.to_span_id == b)
            )
            if found is not None:
                return found
        return None


def _end(span: Span, title: str) -> RelationEnd:
    return RelationEnd(
        span_id=SpanId(span.id),
        label=span.label,
        text=span.text,
        document_id=DocumentId(span.document_id),
        document_title=title,
    )


def _touching(document_id: DocumentId) -> Any:
    """The ids of the relations with an end in the document, found from its spans through the relations' indexes
    on either end (a condition on both ends' documents read every relation of the corpus: 30 ms at 100,000
    articles)."""
    spans = select(Span.id).where(Span.document_id == document_id)
    return union(select(Relation.id).where(Relation.from_span_id.in_(spans)), select(Relation.id).where(Relation.to_span_id.in_(spans)))
