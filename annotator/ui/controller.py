"""The open document and its spans, shared by the widgets; every change goes through the service."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal

from annotator.core.model import DocumentId, DocumentInfo, DocumentStatus, RelationId, RelationRecord, SpanId, SpanRecord
from annotator.services.documents import progress as documents
from annotator.core.cues import CueSuggestion
from annotator.services.documents import query as document_query
from annotator.services.annotation.relations import Candidate, RelationService, RelationView
from annotator.services.annotation.suggestions import SuggestionService
from annotator.services.annotation.tagging import SpanDeletion, TaggingService
from annotator.storage.project import Project


class TaggingController(QObject):
    """Owns the current document and tells the widgets what changed."""

    documentOpened = Signal(object, str, list)  # DocumentInfo, text, [SpanRecord]
    spanAdded = Signal(object)  # SpanRecord
    spanRemoved = Signal(object)  # SpanRecord
    spanChanged = Signal(object)  # SpanRecord
    statusChanged = Signal(int, str)  # document id, DocumentStatus
    relationsChanged = Signal()
    suggestionsChanged = Signal()

    def __init__(self, project: Project, *, annotator: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.annotator = annotator
        self.service = TaggingService(project, annotator=annotator)
        self.relation_service = RelationService(project, annotator=annotator, tagging=self.service)
        self.document: DocumentInfo | None = None
        self.spans: dict[SpanId, SpanRecord] = {}
        self.relations: dict[RelationId, RelationView] = {}
        self.suggestion_service = SuggestionService(project, tagging=self.service)
        self.suggestions: list[CueSuggestion] = []
        self.text = ""

    def open_document(self, info: DocumentInfo) -> None:
        text = documents.document_text(self.project, info.id)
        spans = self.service.spans(info.id)
        self.document = info
        self.text = text
        self.spans = {span.id: span for span in spans}
        self.relations = self._load_relations()
        self.suggestions = self.suggestion_service.for_document(info.id, text, spans)
        documents.remember_document(self.project, annotator=self.annotator, document_id=info.id)
        self.documentOpened.emit(info, text, spans)
        self.relationsChanged.emit()
        self.suggestionsChanged.emit()

    def refresh_suggestions(self) -> None:
        if self.document is None:
            return
        self.suggestions = self.suggestion_service.for_document(self.document.id, self.text, list(self.spans.values()))
        self.suggestionsChanged.emit()

    def accept_suggestion(self, suggestion: CueSuggestion) -> SpanRecord:
        assert self.document is not None
        span = self.suggestion_service.accept(self.document.id, suggestion)
        self._added(span)
        self._started(self.document.id)
        return span

    def dismiss_suggestion(self, document_id: DocumentId, start: int, end: int, *, dismissed: bool = True) -> None:
        if dismissed:
            self.suggestion_service.dismiss(document_id, start, end)
        else:
            self.suggestion_service.undismiss(document_id, start, end)
        self.ensure_open(document_id)
        self.refresh_suggestions()

    def ensure_open(self, document_id: DocumentId) -> None:
        if self.document is not None and self.document.id == document_id:
            return
        info = document_query.info(self.project, self.annotator, document_id)
        if info is not None:
            self.open_document(info)

    def ordered_spans(self) -> list[SpanRecord]:
        return sorted(self.spans.values(), key=lambda s: (s.start, -s.end, s.id))

    def create_span(self, *, document_id: DocumentId, start: int, end: int, label: str) -> SpanRecord:
        span = self.service.create_span(document_id=document_id, start=start, end=end, label=label)
        self._added(span)
        self._started(document_id)
        return span

    def delete_span(self, span_id: SpanId) -> SpanDeletion:
        span = self.spans.get(span_id)
        if span is not None:
            self.ensure_open(span.document_id)
        deletion = self.service.delete_span(span_id)
        self.spans.pop(span_id, None)
        self.spanRemoved.emit(deletion.span)
        if deletion.span.label == "CUE":
            self.refresh_suggestions()
        if deletion.relations:
            self.refresh_relations()
        return deletion

    def restore(self, deletion: SpanDeletion) -> SpanRecord:
        span = self.service.restore(deletion)
        self._added(span)
        if deletion.relations:
            self.refresh_relations()
        return span

    def link_candidates(self, *, label: str, from_span: SpanId) -> list[Candidate]:
        return self.relation_service.candidates(label=label, from_span=from_span)

    def create_relation(
        self, *, label: str, from_span: SpanId, to_span: SpanId, attributes: dict[str, Any] | None = None
    ) -> RelationRecord:
        record = self.relation_service.create(label=label, from_span=from_span, to_span=to_span, attributes=attributes)
        self.refresh_relations()
        return record

    def delete_relation(self, relation_id: RelationId) -> RelationRecord:
        record = self.relation_service.delete(relation_id)
        self.refresh_relations()
        return record

    def restore_relation(self, record: RelationRecord) -> None:
        self.relation_service.restore(record)
        self.refresh_relations()

    def update_relation(self, relation_id: RelationId, *, attributes: dict[str, Any], note: str) -> RelationRecord:
        record = self.relation_service.update(relation_id, attributes=attributes, note=note)
        self.refresh_relations()
        return record

    def refresh_relations(self) -> None:
        self.relations = self._load_relations()
        self.relationsChanged.emit()

    def _load_relations(self) -> dict[RelationId, RelationView]:
        if self.document is None:
            return {}
        views = self.relation_service.for_document(self.document.id)
        return {view.relation.id: view for view in views}

    def update_span(self, span_id: SpanId, *, attributes: dict[str, Any] | None, note: str | None) -> SpanRecord:
        span = self.service.update_span(span_id, attributes=attributes, note=note)
        self.ensure_open(span.document_id)
        self.spans[span.id] = span
        self.spanChanged.emit(span)
        return span

    def set_status(self, status: DocumentStatus) -> None:
        if self.document is None:
            return
        documents.set_status(self.project, document_id=self.document.id, annotator=self.annotator, status=status)
        self.statusChanged.emit(int(self.document.id), str(status))

    def _added(self, span: SpanRecord) -> None:
        self.ensure_open(span.document_id)
        self.spans[span.id] = span
        self.spanAdded.emit(span)
        if span.label == "CUE":
            self.refresh_suggestions()

    def _started(self, document_id: DocumentId) -> None:
        if self.document is not None and self.document.id == document_id:
            if self.document.status == DocumentStatus.NEW:
                self.statusChanged.emit(int(document_id), str(DocumentStatus.IN_PROGRESS))
