"""Creating, deleting, restoring and editing one annotator's spans: each call is one transaction."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import String, or_, select, type_coerce

from annotator.core.changes import Change, Changes, RelationChange, SpanChange
from annotator.core.errors import AnnotatorError, EditConflict
from annotator.core.model import DocumentId, SpanId, SpanRecord
from annotator.core.offsets import is_grapheme_boundary
from annotator.services.documents.progress import mark_started
from annotator.services.team.identity import Identity, check_read, check_write, identify
from annotator.services.annotation.records import conflict_message, json_value, same_state, owned, relation_documents, relation_record, relation_row, span_record
from annotator.storage.models import Annotator, Document, Relation, Span
from annotator.storage.project import Project


def new_uid() -> str:
    return uuid.uuid4().hex


class TaggingService:
    """The tagging use cases of one person on one layer: their own, or the gold layer for a reviewer.

    `annotator` is who acts; `layer` whose spans are read and written (by default the same person).
    Every read and write is checked against the acting identity's role and blind mode.
    """

    def __init__(self, project: Project, *, annotator: str, layer: str | None = None) -> None:
        self.project = project
        self.acting_name = annotator
        self.annotator = layer or annotator
        self._acting: Identity | None = None
        self._annotator_id: int | None = None
        self._started: set[int] = set()

    @property
    def acting(self) -> Identity:
        if self._acting is None:
            self._acting = identify(self.project, self.acting_name)
        return self._acting

    def annotator_id(self) -> int:
        """The layer's annotator id, for writing: checked once, created on first use, then cached."""
        if self._annotator_id is None:
            check_write(self.acting, self.annotator)
            with self.project.reading() as session:
                known = session.scalar(select(Annotator.id).where(Annotator.name == self.annotator))
            if known is None:
                with self.project.transaction() as session:
                    known = self.project.annotator_id(session, self.annotator)
            self._annotator_id = known
        return self._annotator_id

    def spans(self, document_id: DocumentId) -> list[SpanRecord]:
        """The layer's spans in a document, in reading order (plain rows: no ORM objects for 2,000 spans)."""
        check_read(self.project, self.acting, self.annotator)
        query = (
            select(Span.id, Span.uid, Span.label, Span.start, Span.end, Span.text, Span.note,
                   type_coerce(Span.attributes, String).label("attributes"), type_coerce(Span.derived_from, String).label("derived_from"))
            .join(Annotator, Annotator.id == Span.annotator_id)
            .where(Span.document_id == document_id, Annotator.name == self.annotator)
            .order_by(Span.start, Span.end.desc(), Span.id)
        )
        with self.project.reading() as session:
            rows = session.execute(query).all()
        annotator = self.annotator
        return [  # rows unpacked as tuples: reading a long article's 2,000 spans by column name took twice as long
            SpanRecord(
                id=SpanId(span_id), uid=uid, document_id=document_id, annotator=annotator, label=label, start=start, end=end,
                text=text, attributes=dict(json_value(attributes) or {}), note=note or "", derived_from=tuple(json_value(derived) or ()),
            )
            for span_id, uid, label, start, end, text, note, attributes, derived in rows
        ]

    def create_span(
        self,
        *,
        document_id: DocumentId,
        start: int,
        end: int,
        label: str,
        attributes: dict[str, Any] | None = None,
        derived_from: tuple[str, ...] = (),
    ) -> Changes:
        scheme = self.project.scheme
        span_label = scheme.span_label(label)
        if attributes is None:
            attributes = {a.name: a.default for a in span_label.attributes if a.default is not None}
        scheme.check_span(label, attributes)
        annotator_id = self.annotator_id()
        with self.project.transaction() as session:
            text = session.scalar(select(Document.text).where(Document.id == document_id))
            if text is None:
                raise AnnotatorError(f"no document with id {document_id}")
            _check_offsets(text, start, end)
            span = Span(
                uid=new_uid(),
                document_id=document_id,
                annotator_id=annotator_id,
                label=label,
                start=start,
                end=end,
                text=text[start:end],
                attributes=attributes,
                note="",
                derived_from=list(derived_from),
            )
            session.add(span)
            started = None
            if document_id not in self._started:
                started = mark_started(self.project, session, document_id, self.annotator)
            session.flush()
            record = span_record(span, self.annotator)
        self._started.add(document_id)
        return Changes(spans=(SpanChange(Change.ADDED, record),), states=(started,) if started else ())

    def delete_span(self, span_id: SpanId) -> Changes:
        """Delete a span and the relations that use it."""
        annotator_id = self.annotator_id()
        with self.project.transaction() as session:
            span = owned(session, Span, span_id, annotator_id)
            relations = session.scalars(
                select(Relation).where(or_(Relation.from_span_id == span_id, Relation.to_span_id == span_id))
            ).all()
            names = {row.id: row.name for row in session.execute(select(Annotator.id, Annotator.name))}
            ends = relation_documents(session, relations)
            changes = Changes(
                spans=(SpanChange(Change.REMOVED, span_record(span, self.annotator)),),
                relations=tuple(
                    RelationChange(Change.REMOVED, relation_record(r, names[r.annotator_id]), ends[r.id]) for r in relations
                ),
            )
            for relation in relations:
                session.delete(relation)
            session.delete(span)
            return changes

    def restore(self, removed: Changes) -> Changes:
        """Put back what a deletion removed (its spans, with their ids, then its relations): the undo of a delete.

        Each record is written only if the acting identity may write its layer, so a forged record cannot
        reach another layer.
        """
        spans = removed.span_records(Change.REMOVED)
        relations = [c for c in removed.relations if c.kind == Change.REMOVED]
        for layer in {record.annotator for record in spans} | {c.relation.annotator for c in relations}:
            check_write(self.acting, layer)
        with self.project.transaction() as session:
            for record in spans:
                session.add(
                    Span(
                        id=record.id,
                        uid=record.uid,
                        document_id=record.document_id,
                        annotator_id=self.project.annotator_id(session, record.annotator),
                        label=record.label,
                        start=record.start,
                        end=record.end,
                        text=record.text,
                        attributes=dict(record.attributes),
                        note=record.note,
                        derived_from=list(record.derived_from),
                    )
                )
            session.flush()
            for change in relations:
                session.add(relation_row(change.relation, self.project.annotator_id(session, change.relation.annotator)))
        return Changes(
            spans=tuple(SpanChange(Change.ADDED, record) for record in spans),
            relations=tuple(RelationChange(Change.ADDED, c.relation, c.documents) for c in relations),
        )

    def update_span(
        self,
        span_id: SpanId,
        *,
        attributes: dict[str, Any] | None = None,
        note: str | None = None,
        expected: tuple[dict[str, Any], str] | None = None,
    ) -> Changes:
        """Replace a span's attributes and/or note; the change carries the span as it now is. With `expected`
        (the attributes and note the edit started from) a span someone changed meanwhile is left as it is and
        EditConflict says what it now holds."""
        annotator_id = self.annotator_id()
        with self.project.transaction() as session:
            span = owned(session, Span, span_id, annotator_id)
            if expected is not None and not same_state(expected, span.attributes, span.note):
                current = Changes(spans=(SpanChange(Change.UPDATED, span_record(span, self.annotator)),))
                raise EditConflict(conflict_message(span.label, span.text, span.attributes, span.note), current)
            if attributes is not None:
                clean = {name: value for name, value in attributes.items() if value is not None}
                self.project.scheme.check_span(span.label, clean)
                span.attributes = clean
            if note is not None:
                span.note = note
            session.flush()
            return Changes(spans=(SpanChange(Change.UPDATED, span_record(span, self.annotator)),))


def _check_offsets(text: str, start: int, end: int) -> None:
    if not 0 <= start < end <= len(text):
        raise AnnotatorError(f"span {start}..{end} is outside the text (0..{len(text)}) or empty")
    if not (is_grapheme_boundary(text, start) and is_grapheme_boundary(text, end)):
        raise AnnotatorError(f"span {start}..{end} splits a letter from its marks")
