"""What a write changed: every writing service call returns one, and the window redraws from it.

Like Anki's OpChanges: specific records where the write is small (a span tagged, a link deleted), and
coarse flags where it is large (an import, a merge), so that each screen decides what to redraw.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import StrEnum

from annotator.core.model import DocumentId, DocumentStatus, RelationRecord, SpanRecord


class Change(StrEnum):
    ADDED = "added"
    REMOVED = "removed"
    UPDATED = "updated"


@dataclass(frozen=True, slots=True)
class SpanChange:
    kind: Change
    span: SpanRecord


@dataclass(frozen=True, slots=True)
class RelationChange:
    """A relation and the documents of its two ends (the same document twice within an article)."""

    kind: Change
    relation: RelationRecord
    documents: tuple[DocumentId, DocumentId]


@dataclass(frozen=True, slots=True)
class StateChange:
    """An annotator's (or the gold layer's) status on a document, as it now is."""

    document_id: DocumentId
    layer: str
    status: DocumentStatus


@dataclass(frozen=True, slots=True)
class Changes:
    spans: tuple[SpanChange, ...] = ()
    relations: tuple[RelationChange, ...] = ()
    states: tuple[StateChange, ...] = ()
    suggestions: frozenset[DocumentId] = frozenset()  # dismissed cue suggestions changed there
    documents_added: frozenset[DocumentId] = frozenset()
    documents_removed: frozenset[DocumentId] = frozenset()
    layers: frozenset[str] = frozenset()  # layers written in bulk (import, merge): too many changes to list
    identities: bool = False  # who works in the project, their roles or assignments
    settings: frozenset[str] = frozenset()  # project settings written (blind mode, adjudication notes …)
    sources: frozenset[int] = frozenset()  # canonical sources of the registry written (added, renamed, aliased, merged, split)
    corpus_links: frozenset[DocumentId] = frozenset()  # documents where a span's source link or same-claim link changed
    notes: tuple[str, ...] = field(default=(), compare=False)  # what the user should be told
    count: int = field(default=0, compare=False)  # how many things the operation did, where it counts (Anki's OpChangesWithCount)

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            spans=self.spans + other.spans,
            relations=self.relations + other.relations,
            states=self.states + other.states,
            suggestions=self.suggestions | other.suggestions,
            documents_added=self.documents_added | other.documents_added,
            documents_removed=self.documents_removed | other.documents_removed,
            layers=self.layers | other.layers,
            identities=self.identities or other.identities,
            settings=self.settings | other.settings,
            sources=self.sources | other.sources,
            corpus_links=self.corpus_links | other.corpus_links,
            notes=self.notes + other.notes,
            count=self.count + other.count,
        )

    def __bool__(self) -> bool:
        return bool(
            self.spans or self.relations or self.states or self.suggestions or self.documents_added
            or self.documents_removed or self.layers or self.identities or self.settings or self.sources or self.corpus_links
        )

    def with_note(self, note: str) -> Changes:
        return replace(self, notes=self.notes + (note,))

    @property
    def bulk(self) -> bool:
        """Too much changed to list: screens reload what they show."""
        return bool(self.layers or self.documents_added or self.documents_removed)

    def documents(self) -> frozenset[DocumentId]:
        """Every document whose annotations, status or suggestions this change touched."""
        touched = {change.span.document_id for change in self.spans}
        for change in self.relations:
            touched.update(change.documents)
        touched.update(change.document_id for change in self.states)
        return frozenset(touched) | self.suggestions | self.documents_added | self.documents_removed | self.corpus_links

    @property
    def span(self) -> SpanRecord:
        """The one span this change made, removed or updated."""
        if len(self.spans) != 1:
            raise ValueError(f"this change holds {len(self.spans)} spans, not one")
        return self.spans[0].span

    @property
    def relation(self) -> RelationRecord:
        """The one relation this change made, removed or updated."""
        if len(self.relations) != 1:
            raise ValueError(f"this change holds {len(self.relations)} relations, not one")
        return self.relations[0].relation

    def spans_in(self, document_id: DocumentId, kind: Change | None = None) -> list[SpanRecord]:
        return [c.span for c in self.spans if c.span.document_id == document_id and (kind is None or c.kind == kind)]

    def span_records(self, kind: Change) -> list[SpanRecord]:
        return [c.span for c in self.spans if c.kind == kind]

    def relation_records(self, kind: Change) -> list[RelationRecord]:
        return [c.relation for c in self.relations if c.kind == kind]

    def relations_touch(self, document_id: DocumentId) -> bool:
        return any(document_id in change.documents for change in self.relations)


NO_CHANGES = Changes()
