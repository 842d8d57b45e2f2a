"""Conversions between ORM rows and the plain records the rest of the program passes around."""

from __future__ import annotations

from annotator.core.model import DocumentId, RelationId, RelationRecord, SpanId, SpanRecord
from annotator.storage.models import Relation, Span


def span_record(span: Span, annotator: str) -> SpanRecord:
    return SpanRecord(
        id=SpanId(span.id),
        uid=span.uid,
        document_id=DocumentId(span.document_id),
        annotator=annotator,
        label=span.label,
        start=span.start,
        end=span.end,
        text=span.text,
        attributes=dict(span.attributes or {}),
        note=span.note or "",
    )


def relation_record(relation: Relation, annotator: str) -> RelationRecord:
    return RelationRecord(
        id=RelationId(relation.id),
        uid=relation.uid,
        label=relation.label,
        from_span=SpanId(relation.from_span_id),
        to_span=SpanId(relation.to_span_id),
        annotator=annotator,
        attributes=dict(relation.attributes or {}),
        note=relation.note or "",
    )
