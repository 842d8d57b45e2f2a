"""Rules the storage layer enforces on every flush, whoever writes: relations must obey the tag scheme."""

from __future__ import annotations

from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import Session, sessionmaker

from annotator.core.errors import SchemeError
from annotator.core.scheme import Scheme
from annotator.storage.models import Relation, Span


def check_relation(session: Session, scheme: Scheme, relation: Relation) -> None:
    source = session.get(Span, relation.from_span_id)
    target = session.get(Span, relation.to_span_id)
    if source is None or target is None:
        raise SchemeError(f"relation {relation.label}: one of its spans does not exist")
    if source.id == target.id:
        raise SchemeError(f"relation {relation.label}: a span cannot be related to itself")
    scheme.check_relation(relation.label, source.label, target.label, dict(relation.attributes or {}))
    if source.document_id != target.document_id and not scheme.relation_label(relation.label).cross_document:
        raise SchemeError(f"{relation.label} cannot join spans in different documents")


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
