"""A reviewer settles the annotators' disagreements on one document into the gold layer."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, aliased

from annotator.core.changes import NO_CHANGES, Change, Changes, RelationChange, SpanChange, StateChange
from annotator.core.errors import AnnotatorError
from annotator.core.model import DocumentId, DocumentStatus, SpanId, SpanKey, SpanRecord
from annotator.core.offsets import is_grapheme_boundary
from annotator.services.annotation.records import owned, relation_documents, relation_record, relation_row, span_record
from annotator.services.annotation.tagging import TaggingService, new_uid
from annotator.services.documents import progress as documents
from annotator.services.team.identity import GOLD, AccessError, check_write, identify
from annotator.storage.models import Annotator, Document, Relation, Setting, Span
from annotator.storage.project import Project

REJECTED_KEY = "adjudication_rejected:{document}"
REJECTED_LINKS_KEY = "adjudication_rejected_links:{document}"


class Kind(StrEnum):
    AGREE = "agree"  # everyone made the same span
    ATTRIBUTES = "attributes"  # same span, different attribute values
    PARTIAL = "partial"  # one version, but not everyone made it
    CONFLICT = "conflict"  # overlapping spans with different boundaries or labels


@dataclass(frozen=True, slots=True)
class Version:
    label: str
    start: int
    end: int
    text: str
    attributes: dict[str, Any]
    annotators: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Group:
    """Overlapping spans of the annotators, and what the gold layer has there so far."""

    start: int
    end: int
    kind: Kind
    versions: tuple[Version, ...]
    gold: tuple[SpanRecord, ...]
    rejected: bool

    @property
    def settled(self) -> bool:
        return bool(self.gold) or self.rejected


@dataclass(frozen=True, slots=True)
class LinkGroup:
    """One relation as the annotators made it, between spans identified by their offsets and labels."""

    label: str
    source: SpanKey
    target: SpanKey
    source_text: str
    target_text: str
    annotators: tuple[str, ...]
    kind: Kind
    in_gold: bool
    rejected: bool

    @property
    def settled(self) -> bool:
        return self.in_gold or self.rejected

    @property
    def start(self) -> int:
        return self.source[1]


class Adjudication:
    """The reviewer's use cases on one document; every write is one transaction and returns its Changes."""

    def __init__(self, project: Project, *, reviewer: str) -> None:
        self.project = project
        self.reviewer = identify(project, reviewer)
        if not self.reviewer.is_reviewer:
            raise AccessError(f"{reviewer} is an annotator: only a reviewer may adjudicate")
        self.gold = TaggingService(project, annotator=reviewer, layer=GOLD)

    # Reading

    def annotators(self, document_id: DocumentId) -> list[str]:
        with self.project.reading() as session:
            rows = session.scalars(
                select(Annotator.name).join(Span, Span.annotator_id == Annotator.id)
                .where(Span.document_id == document_id, Annotator.name != GOLD).distinct()
            )
            return sorted(rows)

    def groups(self, document_id: DocumentId) -> list[Group]:
        with self.project.reading() as session:
            rows = session.execute(
                select(Span, Annotator.name).join(Annotator, Annotator.id == Span.annotator_id)
                .where(Span.document_id == document_id).order_by(Span.start, Span.end)
            ).all()
            spans = [(span_record(span, name), name) for span, name in rows]
        people = sorted({name for _span, name in spans if name != GOLD})
        gold = [span for span, name in spans if name == GOLD]
        theirs = [(span, name) for span, name in spans if name != GOLD]
        rejected = self._rejected(document_id)
        return [self._group(cluster, people, gold, rejected) for cluster in _clusters(theirs)]

    def _group(self, cluster: list[tuple[SpanRecord, str]], people: list[str], gold: list[SpanRecord], rejected: set[tuple[int, int]]) -> Group:
        start, end = min(s.start for s, _ in cluster), max(s.end for s, _ in cluster)
        versions: dict[tuple, list[str]] = {}
        first: dict[tuple, SpanRecord] = {}
        for span, name in cluster:
            key = (span.label, span.start, span.end, json.dumps(span.attributes, sort_keys=True))
            versions.setdefault(key, []).append(name)
            first.setdefault(key, span)
        built = tuple(
            Version(k[0], k[1], k[2], first[k].text, dict(first[k].attributes), tuple(sorted(set(names))))
            for k, names in sorted(versions.items(), key=lambda item: (-len(item[1]), item[0][1]))
        )
        shapes = {(v.label, v.start, v.end) for v in built}
        if len(shapes) > 1:
            kind = Kind.CONFLICT
        elif len(built) > 1:
            kind = Kind.ATTRIBUTES
        elif set(built[0].annotators) == set(people):
            kind = Kind.AGREE
        else:
            kind = Kind.PARTIAL
        in_gold = tuple(g for g in gold if g.start < end and start < g.end)
        return Group(start, end, kind, built, in_gold, (start, end) in rejected)

    def link_groups(self, document_id: DocumentId) -> list[LinkGroup]:
        """The annotators' relations that start in this document, one group per distinct relation."""
        directed = {label.name: label.directed for label in self.project.scheme.relation_labels}
        source, target = aliased(Span), aliased(Span)
        query = (
            select(Annotator.name, Relation.label, source, target)
            .join(Annotator, Annotator.id == Relation.annotator_id)
            .join(source, source.id == Relation.from_span_id)
            .join(target, target.id == Relation.to_span_id)
            .where(source.document_id == document_id)
        )
        found: dict[tuple, tuple[list[str], str, str]] = {}
        gold: set[tuple] = set()
        with self.project.reading() as session:
            for name, label, a, b in session.execute(query):
                ends = [((a.document_id, a.start, a.end, a.label), a.text), ((b.document_id, b.start, b.end, b.label), b.text)]
                if not directed.get(label, True):
                    ends.sort()
                key = (label, ends[0][0], ends[1][0])
                if name == GOLD:
                    gold.add(key)
                    continue
                found.setdefault(key, ([], ends[0][1], ends[1][1]))[0].append(name)
        people = set(self.annotators(document_id))
        rejected = self._rejected(document_id, links=True)
        return [
            LinkGroup(
                label=key[0], source=key[1], target=key[2], source_text=texts[1], target_text=texts[2],
                annotators=tuple(sorted(set(texts[0]))), kind=Kind.AGREE if set(texts[0]) >= people else Kind.PARTIAL,
                in_gold=key in gold, rejected=_link_mark(key) in rejected,
            )
            for key, texts in sorted(found.items(), key=lambda item: (item[0][1][1], item[0][0]))
        ]

    def status(self, document_id: DocumentId) -> DocumentStatus:
        return documents.status_of(self.project, document_id=document_id, annotator=GOLD)

    # Writing: each method is one transaction

    def accept(self, document_id: DocumentId, version: Version) -> Changes:
        """The version becomes a gold span, with the annotators who made it as its provenance."""
        with self._writing() as (session, gold_id):
            record = self._add_span(session, gold_id, document_id, version)
            return Changes(spans=(SpanChange(Change.ADDED, record),), states=self._started(session, document_id))

    def accept_all_agreeing(self, document_id: DocumentId) -> Changes:
        """Every span everyone agrees on, then every link everyone agrees on whose ends are then gold: all or nothing."""
        spans = [group.versions[0] for group in self.groups(document_id) if group.kind == Kind.AGREE and not group.settled]
        links = [link for link in self.link_groups(document_id) if link.kind == Kind.AGREE and not link.settled]
        with self._writing() as (session, gold_id):
            added = [self._add_span(session, gold_id, document_id, version) for version in spans]
            session.flush()
            joined = []
            for link in links:
                ends = (self._gold_span(session, gold_id, link.source), self._gold_span(session, gold_id, link.target))
                if ends[0] is not None and ends[1] is not None:
                    joined.append(self._add_relation(session, gold_id, link, *ends))
            if not added and not joined:
                return NO_CHANGES
            return Changes(
                spans=tuple(SpanChange(Change.ADDED, record) for record in added),
                relations=tuple(joined),
                states=self._started(session, document_id),
                count=len(added) + len(joined),
            )

    def accept_link(self, document_id: DocumentId, link: LinkGroup) -> Changes:
        with self._writing() as (session, gold_id):
            ends = (self._gold_span(session, gold_id, link.source), self._gold_span(session, gold_id, link.target))
            if ends[0] is None or ends[1] is None:
                raise AnnotatorError("accept both of this link's spans into gold first")
            joined = self._add_relation(session, gold_id, link, *ends)
            return Changes(relations=(joined,), states=self._started(session, document_id))

    def reject(self, document_id: DocumentId, group: Group, *, rejected: bool = True) -> Changes:
        """Mark the group rejected and delete whatever gold spans (and their links) lie in it; or lift the mark."""
        key = REJECTED_KEY.format(document=document_id)
        with self._writing() as (session, gold_id):
            removed = NO_CHANGES
            if rejected:
                spans = session.scalars(
                    select(Span).where(
                        Span.annotator_id == gold_id, Span.document_id == document_id, Span.start < group.end, Span.end > group.start
                    )
                ).all()
                removed = self._delete(session, spans, [])
            marks = self._marks(session, key)
            (marks.add if rejected else marks.discard)((group.start, group.end))
            session.merge(Setting(key=key, value=json.dumps(sorted(marks))))
            return removed | Changes(settings=frozenset({key}), states=self._started(session, document_id))

    def unreject(self, document_id: DocumentId, group: Group, removed: Changes) -> Changes:
        """Undo a rejection: lift the mark and put back the gold rows it deleted, with their ids."""
        key = REJECTED_KEY.format(document=document_id)
        spans = removed.span_records(Change.REMOVED)
        relations = [change for change in removed.relations if change.kind == Change.REMOVED]
        if any(record.annotator != GOLD for record in spans) or any(c.relation.annotator != GOLD for c in relations):
            raise AccessError("only gold spans and links can be put back here")
        with self._writing() as (session, gold_id):
            for record in spans:
                session.add(_span_row(record, gold_id))
            session.flush()
            for change in relations:
                session.add(relation_row(change.relation, gold_id))
            marks = self._marks(session, key)
            marks.discard((group.start, group.end))
            session.merge(Setting(key=key, value=json.dumps(sorted(marks))))
        return Changes(
            spans=tuple(SpanChange(Change.ADDED, record) for record in spans),
            relations=tuple(RelationChange(Change.ADDED, c.relation, c.documents) for c in relations),
            settings=frozenset({key}),
        )

    def reject_link(self, document_id: DocumentId, link: LinkGroup, *, rejected: bool = True) -> Changes:
        key = REJECTED_LINKS_KEY.format(document=document_id)
        with self._writing() as (session, _gold_id):
            marks = self._marks(session, key, links=True)
            mark = _link_mark((link.label, link.source, link.target))
            (marks.add if rejected else marks.discard)(mark)
            session.merge(Setting(key=key, value=json.dumps(sorted(marks))))
            return Changes(settings=frozenset({key}), states=self._started(session, document_id))

    def withdraw(self, added: Changes) -> Changes:
        """Take back gold rows an accept added (the spans with every link on them, and the links): the undo of an accept.

        One transaction; what it returns is what `restore` puts back."""
        with self._writing() as (session, gold_id):
            span_ids = [record.id for record in added.span_records(Change.ADDED)]
            relation_ids = [record.id for record in added.relation_records(Change.ADDED)]
            spans = [owned(session, Span, span_id, gold_id) for span_id in span_ids]
            relations = [owned(session, Relation, relation_id, gold_id) for relation_id in relation_ids]
            return self._delete(session, spans, relations)

    def restore(self, removed: Changes) -> Changes:
        """Put back gold rows `withdraw` or a deletion took, with their ids (one transaction)."""
        return self.gold.restore(removed)

    def set_status(self, document_id: DocumentId, status: DocumentStatus) -> Changes:
        check_write(self.reviewer, GOLD)
        return documents.set_status(self.project, document_id=document_id, annotator=GOLD, status=status)

    # Within a transaction

    @contextmanager
    def _writing(self) -> Iterator[tuple[Session, int]]:
        check_write(self.reviewer, GOLD)
        with self.project.transaction() as session:
            yield session, self.project.annotator_id(session, GOLD)

    def _add_span(self, session: Session, gold_id: int, document_id: DocumentId, version: Version) -> SpanRecord:
        self.project.scheme.check_span(version.label, dict(version.attributes))
        text = session.scalar(select(Document.text).where(Document.id == document_id))
        if text is None:
            raise AnnotatorError(f"no document with id {document_id}")
        if not 0 <= version.start < version.end <= len(text):
            raise AnnotatorError(f"span {version.start}..{version.end} is outside the text (0..{len(text)})")
        if not (is_grapheme_boundary(text, version.start) and is_grapheme_boundary(text, version.end)):
            raise AnnotatorError(f"span {version.start}..{version.end} splits a letter from its marks")
        span = Span(
            uid=new_uid(), document_id=document_id, annotator_id=gold_id, label=version.label, start=version.start,
            end=version.end, text=text[version.start : version.end], attributes=dict(version.attributes), note="",
            derived_from=list(version.annotators),
        )
        session.add(span)
        session.flush()
        return span_record(span, GOLD)

    def _add_relation(self, session: Session, gold_id: int, link: LinkGroup, source: SpanId, target: SpanId) -> RelationChange:
        pairs = [(source, target)]
        if not self.project.scheme.relation_label(link.label).directed:
            pairs.append((target, source))
        for a, b in pairs:
            if session.scalar(
                select(Relation.id).where(
                    Relation.annotator_id == gold_id, Relation.label == link.label, Relation.from_span_id == a, Relation.to_span_id == b
                )
            ) is not None:
                raise AnnotatorError(f"these two gold spans are already joined by {link.label}")
        relation = Relation(
            uid=new_uid(), label=link.label, from_span_id=source, to_span_id=target, annotator_id=gold_id, attributes={}, note=""
        )
        session.add(relation)
        session.flush()  # the storage guard checks the relation against the scheme here
        return RelationChange(Change.ADDED, relation_record(relation, GOLD), (DocumentId(link.source[0]), DocumentId(link.target[0])))

    def _gold_span(self, session: Session, gold_id: int, key: SpanKey) -> SpanId | None:
        found = session.scalar(
            select(Span.id).where(
                Span.annotator_id == gold_id, Span.document_id == key[0], Span.start == key[1], Span.end == key[2], Span.label == key[3]
            ).order_by(Span.id)
        )
        return None if found is None else SpanId(found)

    def _delete(self, session: Session, spans: Sequence[Span], relations: Sequence[Relation]) -> Changes:
        """Delete gold spans with every relation on them, and the given relations; the Changes lists them all."""
        span_ids = [span.id for span in spans]
        chosen = {relation.id: relation for relation in relations}
        if span_ids:
            for relation in session.scalars(
                select(Relation).where(or_(Relation.from_span_id.in_(span_ids), Relation.to_span_id.in_(span_ids)))
            ):
                chosen.setdefault(relation.id, relation)
        doomed = list(chosen.values())
        ends = relation_documents(session, doomed)
        changes = Changes(
            spans=tuple(SpanChange(Change.REMOVED, span_record(span, GOLD)) for span in spans),
            relations=tuple(RelationChange(Change.REMOVED, relation_record(r, GOLD), ends[r.id]) for r in doomed),
        )
        for relation in doomed:
            session.delete(relation)
        session.flush()
        for span in spans:
            session.delete(span)
        session.flush()
        return changes

    def _started(self, session: Session, document_id: DocumentId) -> tuple[StateChange, ...]:
        started = documents.mark_started(self.project, session, document_id, GOLD)
        return (started,) if started else ()

    def _marks(self, session: Session, key: str, *, links: bool = False) -> set:
        raw = session.scalar(select(Setting.value).where(Setting.key == key))
        return _parse_marks(raw, links=links)

    def _rejected(self, document_id: DocumentId, *, links: bool = False) -> set:
        raw = self.project.setting((REJECTED_LINKS_KEY if links else REJECTED_KEY).format(document=document_id))
        return _parse_marks(raw, links=links)


def _parse_marks(raw: str | None, *, links: bool) -> set:
    if not raw:
        return set()
    return {item if links else tuple(item) for item in json.loads(raw)}


def _span_row(record: SpanRecord, annotator_id: int) -> Span:
    """A row that puts a deleted span back exactly as it was, with its id."""
    return Span(
        id=record.id, uid=record.uid, document_id=record.document_id, annotator_id=annotator_id, label=record.label,
        start=record.start, end=record.end, text=record.text, attributes=dict(record.attributes), note=record.note,
        derived_from=list(record.derived_from),
    )


def _link_mark(key: tuple) -> str:
    return json.dumps([key[0], list(key[1]), list(key[2])])


def _clusters(spans: list[tuple[SpanRecord, str]]) -> list[list[tuple[SpanRecord, str]]]:
    """Spans grouped by overlap (spans in reading order; a group ends where the next span starts after it)."""
    groups: list[list[tuple[SpanRecord, str]]] = []
    end = -1
    for item in spans:
        if groups and item[0].start < end:
            groups[-1].append(item)
            end = max(end, item[0].end)
        else:
            groups.append([item])
            end = item[0].end
    return groups
