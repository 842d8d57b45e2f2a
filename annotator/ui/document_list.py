"""The list of documents with this annotator's status on each."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QGridLayout, QListView, QWidget

from annotator.core.model import DocumentId, DocumentInfo, DocumentStatus
from annotator.core.scheme import Scheme
from annotator.services.documents import query as document_query
from annotator.services.documents.query import DocumentFilter
from annotator.storage.project import Project
from annotator.ui.display import label_title
from annotator.ui.icons import status_icon
from annotator.ui.texts import plain_tooltip

Index = QModelIndex | QPersistentModelIndex


PAGE = 200
# How far below the loaded rows the list still loads pages to show the open document (more would cost seconds on
# a corpus of 100,000 articles sorted anew).
REACH = 10 * PAGE


class DocumentListModel(QAbstractListModel):
    """Documents a page at a time (Qt asks for more as the list scrolls), filtered and sorted in SQL."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[DocumentInfo] = []
        self._project: Project | None = None
        self._filter: DocumentFilter | None = None
        self.total = 0
        self._counts: dict[DocumentStatus, int] | None = None
        self._place: tuple[DocumentId, int | None] | None = None  # a document's position, counted with the list
        self.filter_changed = False  # whether the last set_filter changed the filter or order (not just read again)

    def set_filter(self, project: Project, wanted: DocumentFilter, placing: DocumentId | None = None) -> None:
        """Show the documents the filter lets through; `placing` is a document whose row will be asked for (the
        open one), found in the same counting pass as the list's length and the status bar's counts."""
        self.beginResetModel()
        self.filter_changed = wanted != self._filter
        self._project, self._filter = project, wanted
        self._counts, place = document_query.summary(project, wanted, placing)
        self._place = None if placing is None else (placing, place)
        self.total = sum(self._counts.values())
        self._rows = document_query.page(project, wanted, limit=PAGE, listed=self.total)
        self.endResetModel()

    def refresh(self) -> None:
        if self._project is not None and self._filter is not None:
            self.set_filter(self._project, self._filter)

    @property
    def filter(self) -> DocumentFilter | None:
        return self._filter

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: N802, B008 - Qt override
        return not parent.isValid() and len(self._rows) < self.total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: N802, B008 - Qt override
        if self._project is None or self._filter is None or not self.canFetchMore(parent):
            return
        more = document_query.page(self._project, self._filter, offset=len(self._rows), limit=PAGE, listed=self.total)
        if not more:
            self.total = len(self._rows)
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(more) - 1)
        self._rows.extend(more)
        self._place = None  # a place counted only as far as the rows then loaded reached may now be nearer
        self.endInsertRows()

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
            return plain_tooltip("\n".join(part for part in parts if part))
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

    def _loaded_row(self, document_id: DocumentId) -> int:
        return next((row for row, info in enumerate(self._rows) if info.id == document_id), -1)

    def _position(self, document_id: DocumentId) -> int | None:
        if self._place is not None and self._place[0] == document_id:
            return self._place[1]
        if self._project is None or self._filter is None:
            return None
        # Counted only as far as the list would load to show it: a document further down stays unselected.
        within = len(self._rows) + REACH
        self._place = (document_id, document_query.position(self._project, self._filter, document_id, within=within))
        return self._place[1]

    def neighbour(self, document_id: DocumentId, step: int) -> DocumentId | None:
        """The listed document after (1) or before (-1) this one, whether or not its row is loaded."""
        if self._project is None or self._filter is None:
            return None
        return document_query.neighbour(self._project, self._filter, document_id, step)

    def holds(self, document_id: DocumentId) -> bool:
        """Whether the document is in the list as filtered (loaded yet or not)."""
        return self._loaded_row(document_id) >= 0 or self._position(document_id) is not None

    def row_of(self, document_id: DocumentId) -> int:
        """The document's row, loading pages up to it if need be; -1 when the filter leaves it out."""
        row = self._loaded_row(document_id)
        if row >= 0:
            return row
        wanted = self._position(document_id)
        if wanted is None or wanted >= len(self._rows) + REACH:
            return -1  # far down a long list: the list stays where it is rather than load every page before it
        while len(self._rows) <= wanted and self.canFetchMore():
            self.fetchMore()
        return wanted if wanted < len(self._rows) and self._rows[wanted].id == document_id else -1

    def set_status(self, document_id: DocumentId, status: DocumentStatus, layer: str = "", *, shown: bool = True) -> None:
        """A layer's status on a document changed: the row's status if that layer is shown, and who finished it."""
        row = self._loaded_row(document_id)
        if row < 0:
            return
        others = tuple(name for name in self._rows[row].finished_by if name != layer)
        finished = tuple(sorted((*others, layer))) if status == DocumentStatus.DONE and layer else others
        self._rows[row] = replace(self._rows[row], status=status if shown else self._rows[row].status, finished_by=finished)
        self._counts = self._place = None
        index = self.index(row)
        self.dataChanged.emit(index, index)

    def counts(self) -> dict[DocumentStatus, int]:
        if self._counts is None:
            if self._project is None or self._filter is None:
                return dict.fromkeys(DocumentStatus, 0)
            self._counts = document_query.status_counts(self._project, self._filter)
        return self._counts


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
        # A new filter or order starts at the top (the window then scrolls to the open document if it is in the
        # list); Qt would keep the old scroll position, an arbitrary place in the new list. The same filter read
        # again (a colleague wrote) keeps it.
        self.documents().modelReset.connect(self._reset)

    def _reset(self) -> None:
        if self.documents().filter_changed:
            self.scrollToTop()

    def documents(self) -> DocumentListModel:
        model = self.model()
        assert isinstance(model, DocumentListModel)
        return model


class DocumentFilterBar(QWidget):
    """Filter the list by this annotator's status, a label they used, the adjudication state; sort it."""

    changed = Signal()

    def __init__(self, scheme: Scheme, *, reviewer: bool, people: list[str] = (), parent: QWidget | None = None) -> None:  # type: ignore[assignment]
        super().__init__(parent)
        self.setObjectName("documentFilterBar")
        self.status = self._combo("documentFilter", [(self.tr("All"), None), (self.tr("New"), "new"),
                                                     (self.tr("In progress"), "in_progress"), (self.tr("Done"), "done")])
        self.label = self._combo("labelFilter", [(self.tr("Any label"), None), *[(label_title(scheme, label.name), label.name) for label in scheme.span_labels]])
        self.adjudication = self._combo("adjudicationFilter", [(self.tr("Any adjudication"), None), (self.tr("Not adjudicated"), "new"),
                                                               (self.tr("Adjudicating"), "in_progress"), (self.tr("Adjudicated"), "done")])
        self.adjudication.setVisible(reviewer)
        self.tagged_by = self._combo("taggedByFilter", [(self.tr("Tagged by anyone"), None), *[(name, name) for name in people]])
        self.tagged_by.setVisible(reviewer)
        self.order = self._combo("sortOrder", [(self.tr("In order"), "id"), (self.tr("By title"), "title"), (self.tr("By status"), "status")])
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for number, combo in enumerate((self.status, self.label, self.order, self.adjudication, self.tagged_by)):
            layout.addWidget(combo, number // 2, number % 2)

    def _combo(self, name: str, items: list[tuple[str, str | None]]) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        for text, value in items:
            combo.addItem(text, value)
        combo.currentIndexChanged.connect(lambda _index: self.changed.emit())
        return combo

    def current(self, annotator: str) -> DocumentFilter:
        return DocumentFilter(
            annotator=annotator,
            status=self.status.currentData(),
            label=self.label.currentData(),
            adjudication=self.adjudication.currentData(),
            tagged_by=self.tagged_by.currentData(),
            order=self.order.currentData() or "id",
        )
