"""Rules the storage layer enforces on every write, whoever writes: relations must obey the tag scheme.

The ORM checks each new or changed relation on flush; bulk inserts (storage/bulk.py) call the same check
on every row before it goes in.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, NamedTuple

from sqlalchemy import event, select
from sqlalchemy.orm import Session, sessionmaker

from annotator.core.errors import SchemeError
from annotator.core.scheme import Scheme
from annotator.storage.models import Relation, Span

BATCH = 500  # ids per IN (...) list: SQLite limits the number of bound parameters


class End(NamedTuple):
    """What the rules need to know about one end of a relation."""

    id: int
    document_id: int
    label: str


def check_relation_ends(scheme: Scheme, label: str, attributes: dict[str, Any], source: End | None, target: End | None) -> None:
    """The one relation rule: both spans exist, differ, have labels the relation joins, and share a document
    unless the relation may cross documents."""
    if source is None or target is None:
        raise SchemeError(f"relation {label}: one of its spans does not exist")
    if source.id == target.id:
        raise SchemeError(f"relation {label}: a span cannot be related to itself")
    scheme.check_relation(label, source.label, target.label, attributes)
    if source.document_id != target.document_id and not scheme.relation_label(label).cross_document:
        raise SchemeError(f"{label} cannot join spans in different documents")


def check_relation(session: Session, scheme: Scheme, relation: Relation) -> None:
    ends = [session.get(Span, span_id) for span_id in (relation.from_span_id, relation.to_span_id)]
    source, target = (End(s.id, s.document_id, s.label) if s is not None else None for s in ends)
    check_relation_ends(scheme, relation.label, dict(relation.attributes or {}), source, target)


def check_relation_rows(session: Session, scheme: Scheme, rows: Iterable[dict[str, Any]],
                        read: Any = None) -> None:
    """The same rule for rows about to be inserted in bulk, their ends read from the database (by `read(ids)`,
    giving (id, document_id, label) rows, when the caller has a faster way to read them)."""
    rows = list(rows)
    wanted = sorted({row["from_span_id"] for row in rows} | {row["to_span_id"] for row in rows})
    ends: dict[int, End] = {}
    for first in range(0, len(wanted), BATCH):
        part = wanted[first : first + BATCH]
        found = read(part) if read is not None else session.execute(
            select(Span.id, Span.document_id, Span.label).where(Span.id.in_(part))
        )
        ends.update((row[0], End(row[0], row[1], row[2])) for row in found)
    for row in rows:
        check_relation_ends(
            scheme, row["label"], dict(row.get("attributes") or {}), ends.get(row["from_span_id"]), ends.get(row["to_span_id"])
        )


def install(sessions: sessionmaker[Session], scheme_of: Any) -> None:
    """Check every new or changed relation before it is written."""

    @event.listens_for(sessions, "before_flush")
    def _before_flush(session: Session, _context: Any, _instances: Any) -> None:
        changed = [obj for obj in (*session.new, *session.dirty) if isinstance(obj, Relation)]
        if not changed:
            return
        scheme = scheme_of(session)
        with session.no_autoflush:
            for relation in changed:
                check_relation(session, scheme, relation)
