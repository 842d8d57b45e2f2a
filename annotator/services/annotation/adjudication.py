"""A reviewer settles the annotators' disagreements on one document into the gold layer."""

from __future__ import annotations

import json
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import aliased

from annotator.core.errors import AnnotatorError
from annotator.core.model import DocumentId, DocumentStatus, RelationRecord, SpanId, SpanRecord
from annotator.services.documents import progress as documents
from annotator.services.team.identity import GOLD, AccessError, identify
from annotator.services.annotation.records import span_record
from annotator.services.annotation.relations import RelationService
from annotator.services.annotation.tagging import TaggingService
from annotator.storage.models import Annotator, Relation, Span
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


EndKey = tuple[int, int, int, str]  # document, start, end, label


@dataclass(frozen=True, slots=True)
class LinkGroup:
    """One relation as the annotators made it, between spans identified by their offsets and labels."""

    label: str
    source: EndKey
    target: EndKey
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
    def __init__(self, project: Project, *, reviewer: str) -> None:
        self.project = project
        self.reviewer = identify(project, reviewer)
        if not self.reviewer.is_reviewer:
            raise AccessError(f"{reviewer} is an annotator: only a reviewer may adjudicate")
        self.gold = TaggingService(project, annotator=reviewer, layer=GOLD)

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

    def accept(self, document_id: DocumentId, version: Version) -> SpanRecord:
        span = self.gold.create_span(
            document_id=document_id, start=version.start, end=version.end, label=version.label,
            attributes=dict(version.attributes), derived_from=version.annotators,
        )
        self._touch(document_id)
        return span

    def accept_all_agreeing(self, document_id: DocumentId) -> list[SpanRecord]:
        """Every span everyone agrees on, then every link everyone agrees on whose ends are now gold."""
        accepted = [
            self.accept(document_id, group.versions[0])
            for group in self.groups(document_id)
            if group.kind == Kind.AGREE and not group.settled
        ]
        for link in self.link_groups(document_id):
            if link.kind == Kind.AGREE and not link.settled and self._gold_span(link.source) and self._gold_span(link.target):
                self.accept_link(document_id, link)
        return accepted

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

    def accept_link(self, document_id: DocumentId, link: LinkGroup) -> RelationRecord:
        ends = [self._gold_span(link.source), self._gold_span(link.target)]
        if None in ends:
            raise AnnotatorError("accept both of this link's spans into gold first")
        relation = RelationService(self.project, annotator=self.reviewer.name, tagging=self.gold).create(
            label=link.label, from_span=ends[0], to_span=ends[1]  # type: ignore[arg-type]
        )
        self._touch(document_id)
        return relation

    def reject_link(self, document_id: DocumentId, link: LinkGroup, *, rejected: bool = True) -> None:
        marks = self._rejected(document_id, links=True)
        key = _link_mark((link.label, link.source, link.target))
        (marks.add if rejected else marks.discard)(key)
        self.project.set_setting(REJECTED_LINKS_KEY.format(document=document_id), json.dumps(sorted(marks)))
        self._touch(document_id)

    def _gold_span(self, key: EndKey) -> SpanId | None:
        with self.project.reading() as session:
            found = session.scalar(
                select(Span.id).join(Annotator, Annotator.id == Span.annotator_id).where(
                    Annotator.name == GOLD, Span.document_id == key[0], Span.start == key[1], Span.end == key[2], Span.label == key[3]
                )
            )
        return None if found is None else SpanId(found)

    def reject(self, document_id: DocumentId, group: Group, *, rejected: bool = True) -> None:
        marks = self._rejected(document_id)
        (marks.add if rejected else marks.discard)((group.start, group.end))
        self.project.set_setting(REJECTED_KEY.format(document=document_id), json.dumps(sorted(marks)))
        self._touch(document_id)

    def status(self, document_id: DocumentId) -> DocumentStatus:
        for info in documents.list_documents(self.project, annotator=GOLD):
            if info.id == document_id:
                return info.status
        raise AnnotatorError(f"no document with id {document_id}")

    def set_status(self, document_id: DocumentId, status: DocumentStatus) -> None:
        self.gold.annotator_id()  # the reviewer's right to write gold is checked here
        documents.set_status(self.project, document_id=document_id, annotator=GOLD, status=status)

    def _touch(self, document_id: DocumentId) -> None:
        if self.status(document_id) == DocumentStatus.NEW:
            self.set_status(document_id, DocumentStatus.IN_PROGRESS)

    def _rejected(self, document_id: DocumentId, *, links: bool = False) -> set:
        raw = self.project.setting((REJECTED_LINKS_KEY if links else REJECTED_KEY).format(document=document_id))
        if not raw:
            return set()
        return {item if links else tuple(item) for item in json.loads(raw)}


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
