"""The list of documents with this annotator's status on each."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

from annotator.core.model import DocumentId, DocumentInfo, DocumentStatus
from annotator.ui.icons import status_icon

Index = QModelIndex | QPersistentModelIndex


class DocumentListModel(QAbstractListModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[DocumentInfo] = []

    def set_documents(self, rows: list[DocumentInfo]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt override
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        info = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{info.title}  ✓ {', '.join(info.finished_by)}" if info.finished_by else info.title
        if role == Qt.ItemDataRole.DecorationRole:
            return status_icon(info.status)
        if role == Qt.ItemDataRole.ToolTipRole:
            finished = self.tr("Finished by: %1").replace("%1", ", ".join(info.finished_by)) if info.finished_by else ""
            parts = [info.title, info.source or "", info.published or "", self._status_text(info.status), finished]
            return "\n".join(part for part in parts if part)
        if role == Qt.ItemDataRole.UserRole:
            return info
        return None

    def _status_text(self, status: DocumentStatus) -> str:
        return {
            DocumentStatus.NEW: self.tr("New"),
            DocumentStatus.IN_PROGRESS: self.tr("In progress"),
            DocumentStatus.DONE: self.tr("Done"),
        }[status]

    def info(self, row: int) -> DocumentInfo:
        return self._rows[row]

    def row_of(self, document_id: DocumentId) -> int:
        for row, info in enumerate(self._rows):
            if info.id == document_id:
                return row
        return -1

    def set_status(self, document_id: DocumentId, status: DocumentStatus, annotator: str = "") -> None:
        row = self.row_of(document_id)
        if row < 0:
            return
        others = tuple(name for name in self._rows[row].finished_by if name != annotator)
        finished = tuple(sorted((*others, annotator))) if status == DocumentStatus.DONE and annotator else others
        self._rows[row] = replace(self._rows[row], status=status, finished_by=finished)
        index = self.index(row)
        self.dataChanged.emit(index, index)

    def counts(self) -> dict[DocumentStatus, int]:
        totals = dict.fromkeys(DocumentStatus, 0)
        for info in self._rows:
            totals[info.status] += 1
        return totals


class DocumentList(QListView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("documentList")
        self.setModel(DocumentListModel(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setUniformItemSizes(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def documents(self) -> DocumentListModel:
        model = self.model()
        assert isinstance(model, DocumentListModel)
        return model

    def select_document(self, document_id: DocumentId) -> None:
        row = self.documents().row_of(document_id)
        if row >= 0:
            self.setCurrentIndex(self.documents().index(row))
