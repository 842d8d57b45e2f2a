"""Plain values passed between storage, services and the interface."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, NewType

DocumentId = NewType("DocumentId", int)
SpanId = NewType("SpanId", int)
RelationId = NewType("RelationId", int)

SpanKey = tuple[int, int, int, str]
"""A span as agreement and adjudication compare them, whoever tagged it: (document id, start, end, label)."""


class DocumentStatus(StrEnum):
    NEW = "new"
    IN_PROGRESS = "in_progress"
    DONE = "done"


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    id: DocumentId
    uid: str
    title: str
    source: str | None = None
    url: str | None = None
    published: str | None = None
    status: DocumentStatus = DocumentStatus.NEW
    finished_by: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class NewDocument:
    """A document about to be imported, with the annotations it brings."""

    uid: str | None
    title: str
    text: str
    source: str | None = None
    url: str | None = None
    published: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)
    spans: tuple[NewSpan, ...] = ()
    relations: tuple[NewRelation, ...] = ()


@dataclass(frozen=True, slots=True)
class NewSpan:
    uid: str | None
    label: str
    start: int
    end: int
    text: str
    annotator: str | None = None
    attributes: dict[str, Any] = field(default_factory=dict)
    note: str = ""
    derived_from: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class NewRelation:
    uid: str | None
    label: str
    from_uid: str
    to_uid: str
    annotator: str | None = None
    from_document: str | None = None
    to_document: str | None = None
    attributes: dict[str, Any] = field(default_factory=dict)
    note: str = ""


@dataclass(frozen=True, slots=True)
class SpanRecord:
    id: SpanId
    uid: str
    document_id: DocumentId
    annotator: str
    label: str
    start: int
    end: int
    text: str
    attributes: dict[str, Any] = field(default_factory=dict)
    note: str = ""
    derived_from: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class RelationRecord:
    id: RelationId
    uid: str
    label: str
    from_span: SpanId
    to_span: SpanId
    annotator: str
    attributes: dict[str, Any] = field(default_factory=dict)
    note: str = ""

GOLD = "gold"  # the reviewers' layer, adjudicated from the annotators'
