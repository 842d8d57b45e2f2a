"""A reviewer settles the annotators' disagreements on one document into the gold layer."""

from __future__ import annotations

import json
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import select

from annotator.core.errors import AnnotatorError
from annotator.core.model import DocumentId, DocumentStatus, SpanRecord
from annotator.services import documents
from annotator.services.identity import GOLD, AccessError, identify
from annotator.services.records import span_record
from annotator.services.tagging import TaggingService
from annotator.storage.models import Annotator, Span
from annotator.storage.project import Project

REJECTED_KEY = "adjudication_rejected:{document}"


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
        return [
            self.accept(document_id, group.versions[0])
            for group in self.groups(document_id)
            if group.kind == Kind.AGREE and not group.settled
        ]

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

    def _rejected(self, document_id: DocumentId) -> set[tuple[int, int]]:
        raw = self.project.setting(REJECTED_KEY.format(document=document_id))
        return {tuple(pair) for pair in json.loads(raw)} if raw else set()  # type: ignore[misc]


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
