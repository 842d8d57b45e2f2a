"""The open document's spans as a list view over a model: Qt asks only for the rows it shows, so opening an
article with 2,000 spans makes no item, caption or tooltip until it is scrolled into view."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

from annotator.core.model import SpanId, SpanRecord
from annotator.core.scheme import Scheme
from annotator.ui.display import label_title
from annotator.ui.icons import swatch
from annotator.ui.texts import isolate, plain_tooltip

SPAN_ID_ROLE = Qt.ItemDataRole.UserRole
EXCERPT = 60

Index = QModelIndex | QPersistentModelIndex


def excerpt(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class SpanListModel(QAbstractListModel):
    def __init__(self, scheme: Scheme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._scheme = scheme
        self._titles = {label.name: label_title(scheme, label.name) for label in scheme.span_labels}
        self._icons: dict[str, QIcon] = {}
        self._spans: list[SpanRecord] = []
        self._rows: dict[SpanId, int] | None = {}

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt override
        return 0 if parent.isValid() else len(self._spans)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._spans):
            return None
        span = self._spans[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.caption(span)
        if role == Qt.ItemDataRole.DecorationRole:
            return self._icon(span.label)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(span.text)
        if role == SPAN_ID_ROLE:
            return int(span.id)
        return None

    def caption(self, span: SpanRecord) -> str:
        title = self._titles.get(span.label) or label_title(self._scheme, span.label)
        return f"{isolate(title)} · {isolate(excerpt(span.text, EXCERPT))}"

    def _icon(self, label: str) -> QIcon:
        if label not in self._icons:
            color = next((item.color for item in self._scheme.span_labels if item.name == label), "#808080")
            self._icons[label] = swatch(color)
        return self._icons[label]

    def set_spans(self, spans: list[SpanRecord]) -> None:
        self.beginResetModel()
        self._spans = list(spans)
        self._rows = None
        self.endResetModel()

    def insert(self, row: int, span: SpanRecord) -> None:
        row = max(0, min(row, len(self._spans)))
        self.beginInsertRows(QModelIndex(), row, row)
        self._spans.insert(row, span)
        self._rows = None
        self.endInsertRows()

    def remove(self, span_id: SpanId) -> None:
        row = self.row(span_id)
        if row < 0:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._spans[row]
        self._rows = None
        self.endRemoveRows()

    def replace(self, span: SpanRecord) -> None:
        row = self.row(span.id)
        if row >= 0:
            self._spans[row] = span
            self.dataChanged.emit(self.index(row), self.index(row))

    def row(self, span_id: SpanId) -> int:
        if self._rows is None:
            self._rows = {span.id: row for row, span in enumerate(self._spans)}
        return self._rows.get(span_id, -1)

    def span_id(self, row: int) -> SpanId | None:
        return self._spans[row].id if 0 <= row < len(self._spans) else None

    def span_ids(self) -> list[SpanId]:
        return [span.id for span in self._spans]


class SpanList(QListView):
    """Selecting a row says which span (None when the selection is cleared); Enter or a click activates it."""

    spanSelected = Signal(object)  # SpanId or None
    spanActivated = Signal(int)

    def __init__(self, scheme: Scheme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("spanList")
        self.setModel(SpanListModel(scheme, self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setUniformItemSizes(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._quiet = False
        # Selecting a span rebuilds the attribute fields below, and while they are laid out again the list is for a
        # moment taller: its scroll range shrinks and the position near the end is cut back, which moved the rows
        # under the mouse between press and release (the click was lost) and left the selected row out of sight.
        # So the list keeps the position it was asked for (`_wanted`, in rows) through such a change, and the current
        # row in sight unless the list was scrolled by hand since it was selected.
        self._wanted: int | None = None
        self._laying_out = False
        self._follow_current = False
        bar = self.verticalScrollBar()
        bar.valueChanged.connect(self._scrolled)
        bar.actionTriggered.connect(self._scrolled_by_hand)
        self.model().modelReset.connect(self._forget_position)
        self.selectionModel().currentChanged.connect(lambda current, _previous: self._current_changed(current))
        self.activated.connect(self._activate)
        self.clicked.connect(self._activate)

    def spans(self) -> SpanListModel:
        model = self.model()
        assert isinstance(model, SpanListModel)
        return model

    def count(self) -> int:
        return self.spans().rowCount()

    def current_span_id(self) -> SpanId | None:
        index = self.currentIndex()
        return self.spans().span_id(index.row()) if index.isValid() else None

    def set_current_row(self, row: int) -> None:
        """Select a row (-1: none) without saying so."""
        self._quiet = True
        try:
            if row < 0:
                self.selectionModel().clear()
            else:
                self.setCurrentIndex(self.spans().index(row))
        finally:
            self._quiet = False

    def scrollTo(self, index: Index, hint: QAbstractItemView.ScrollHint = QAbstractItemView.ScrollHint.EnsureVisible) -> None:  # noqa: N802 - Qt override
        super().scrollTo(index, hint)
        self._follow_current = index.isValid() and index == self.currentIndex()

    def updateGeometries(self) -> None:  # noqa: N802 - Qt override
        self._laying_out = True
        try:
            super().updateGeometries()
            bar = self.verticalScrollBar()
            if self._wanted is not None:
                bar.setValue(min(self._wanted, bar.maximum()))
            current = self.currentIndex()
            if self._follow_current and current.isValid() and not self.viewport().rect().contains(self.visualRect(current)):
                super().scrollTo(current, QAbstractItemView.ScrollHint.EnsureVisible)
                self._wanted = bar.value()
        finally:
            self._laying_out = False

    def _scrolled(self, value: int) -> None:
        if not self._laying_out:
            self._wanted = value

    def _scrolled_by_hand(self, _action: int) -> None:
        self._follow_current = False

    def _forget_position(self) -> None:
        self._wanted = None
        self._follow_current = False

    def _current_changed(self, current: QModelIndex) -> None:
        if not self._quiet:
            self.spanSelected.emit(self.spans().span_id(current.row()) if current.isValid() else None)

    def _activate(self, index: QModelIndex) -> None:
        span_id = self.spans().span_id(index.row())
        if span_id is not None:
            self.spanActivated.emit(int(span_id))
