"""What a span deletion takes with it in the corpus tables (its source link, its same-claim links: the database
removes them with the span), saved before the deletion and put back by its undo."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import or_, select

from annotator.core.changes import Changes
from annotator.core.model import DocumentId, SpanId
from annotator.storage.models import CanonicalSource, ClaimLink, SourceLink, Span
from annotator.storage.project import Project


@dataclass(frozen=True, slots=True)
class SavedLinks:
    source_links: tuple[tuple[int, int, bool, int], ...] = ()  # span, canonical source, confirmed, annotator
    claim_links: tuple[tuple[str, int, int, bool, int], ...] = ()  # uid, from span, to span, confirmed, annotator

    def __bool__(self) -> bool:
        return bool(self.source_links or self.claim_links)


def links_of(project: Project, span_ids: Iterable[SpanId]) -> SavedLinks:
    """The registry and same-claim links of these spans, as they are now."""
    ids = list(span_ids)
    if not ids:
        return SavedLinks()
    with project.reading() as session:
        sources = session.execute(
            select(SourceLink.span_id, SourceLink.source_id, SourceLink.confirmed, SourceLink.annotator_id).where(SourceLink.span_id.in_(ids))
        ).all()
        claims = session.execute(
            select(ClaimLink.uid, ClaimLink.from_span_id, ClaimLink.to_span_id, ClaimLink.confirmed, ClaimLink.annotator_id)
            .where(or_(ClaimLink.from_span_id.in_(ids), ClaimLink.to_span_id.in_(ids)))
        ).all()
    return SavedLinks(tuple((r[0], r[1], bool(r[2]), r[3]) for r in sources), tuple((r[0], r[1], r[2], bool(r[3]), r[4]) for r in claims))


def restore_links(project: Project, saved: SavedLinks) -> Changes:
    """Put the saved links back where their spans (and canonical source) exist again and nothing took their place."""
    if not saved:
        return Changes()
    spans = {span for row in saved.source_links for span in row[:1]} | {span for row in saved.claim_links for span in row[1:3]}
    with project.transaction() as session:
        present = dict(session.execute(select(Span.id, Span.document_id).where(Span.id.in_(spans))).all())
        linked = set(session.scalars(select(SourceLink.span_id).where(SourceLink.span_id.in_(spans))))
        registry = set(session.scalars(select(CanonicalSource.id).where(CanonicalSource.id.in_({row[1] for row in saved.source_links}))))
        taken = set(session.scalars(select(ClaimLink.uid).where(ClaimLink.uid.in_([row[0] for row in saved.claim_links]))))
        touched: set[int] = set()
        for span, source, confirmed, annotator in saved.source_links:
            if span in present and span not in linked and source in registry:
                session.add(SourceLink(span_id=span, source_id=source, confirmed=confirmed, annotator_id=annotator))
                touched.add(span)
        for uid, first, second, confirmed, annotator in saved.claim_links:
            if first in present and second in present and uid not in taken:
                session.add(ClaimLink(uid=uid, from_span_id=first, to_span_id=second, confirmed=confirmed, annotator_id=annotator))
                touched.update((first, second))
    return Changes(corpus_links=frozenset(DocumentId(present[span]) for span in touched), count=len(touched))
