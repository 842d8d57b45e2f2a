"""What the user has selected: the open document, the selected span and the selected link."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from annotator.core.model import DocumentInfo, RelationId, SpanRecord


class Selection(QObject):
    """One place for the current document, span and link; widgets follow its signals."""

    documentChanged = Signal()
    spanChanged = Signal()
    relationChanged = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document: DocumentInfo | None = None
        self.span: SpanRecord | None = None
        self.relation: RelationId | None = None

    def set_document(self, document: DocumentInfo | None) -> None:
        self.document = document
        self.span = None
        self.relation = None
        self.documentChanged.emit()

    def update_document(self, document: DocumentInfo) -> None:
        """The same document with new details (its status): no reload."""
        self.document = document

    def set_span(self, span: SpanRecord | None) -> None:
        self.span = span
        self.relation = None
        self.spanChanged.emit()

    def set_relation(self, relation: RelationId | None) -> None:
        self.relation = relation
        self.relationChanged.emit()
