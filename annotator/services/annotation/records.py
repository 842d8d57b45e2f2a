"""Conversions between ORM rows and the plain records the rest of the program passes around."""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import lru_cache
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from annotator.core.errors import AnnotatorError
from annotator.core.model import DocumentId, RelationId, RelationRecord, SpanId, SpanRecord
from annotator.storage.models import Relation, Span


@lru_cache(maxsize=4096)
def _parsed(raw: str) -> Any:
    return json.loads(raw)


def json_value(raw: str | dict | list | None) -> Any:
    """A JSON column read as text, parsed once per distinct value: a layer's 2,000 spans share a few attribute sets.
    (Callers copy what they keep; a driver that already parsed the value passes it through.)"""
    if raw is None or not isinstance(raw, str):
        return raw
    return _parsed(raw)


def same_state(expected: tuple[dict[str, Any], str], attributes: dict[str, Any] | None, note: str | None) -> bool:
    """Whether a row still holds what an edit started from (unset attributes and an empty note count as absent)."""
    wanted, wanted_note = expected
    clean = {name: value for name, value in (wanted or {}).items() if value is not None}
    return clean == dict(attributes or {}) and (wanted_note or "") == (note or "")


def conflict_message(label: str, text: str, attributes: dict[str, Any] | None, note: str | None) -> str:
    values = ", ".join(f"{name}={value}" for name, value in sorted((attributes or {}).items())) or "no attributes"
    noted = f", note «{note}»" if note else ""
    return f"{label} «{text[:40]}» was changed by someone else meanwhile: it now has {values}{noted}; your change was not saved"


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
        derived_from=tuple(span.derived_from or ()),
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


def relation_row(record: RelationRecord, annotator_id: int) -> Relation:
    """A row that puts a deleted relation back exactly as it was, with its id."""
    return Relation(
        id=record.id,
        uid=record.uid,
        label=record.label,
        from_span_id=record.from_span,
        to_span_id=record.to_span,
        annotator_id=annotator_id,
        attributes=dict(record.attributes),
        note=record.note,
    )


def relation_documents(session: Session, relations: Sequence[Relation]) -> dict[int, tuple[DocumentId, DocumentId]]:
    """The documents of each relation's two ends, read in one query."""
    span_ids = {r.from_span_id for r in relations} | {r.to_span_id for r in relations}
    if not span_ids:
        return {}
    where = dict(session.execute(select(Span.id, Span.document_id).where(Span.id.in_(span_ids))).all())
    return {r.id: (DocumentId(where[r.from_span_id]), DocumentId(where[r.to_span_id])) for r in relations}


Row = TypeVar("Row", Span, Relation)


def owned(session: Session, model: type[Row], row_id: int, annotator_id: int) -> Row:
    """The span or relation with this id, if it belongs to the annotator; otherwise a clear refusal."""
    kind = model.__tablename__.rstrip("s")
    row = session.get(model, row_id)
    if row is None:
        raise AnnotatorError(f"no {kind} with id {row_id}")
    if row.annotator_id != annotator_id:
        raise AnnotatorError(f"{kind} {row_id} belongs to another annotator")
    return row
