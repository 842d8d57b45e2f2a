"""The tag panel: one button per label, the document's spans, and the selected span's attributes."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QGroupBox,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from annotator.core.model import SpanId, SpanRecord
from annotator.core.scheme import Scheme
from annotator.ui.attribute_editor import AttributeEditor
from annotator.ui.icons import swatch

SPAN_ID_ROLE = Qt.ItemDataRole.UserRole
EXCERPT = 60


class TagPanel(QWidget):
    spanSelected = Signal(object)  # SpanId or None
    spanActivated = Signal(int)

    def __init__(self, scheme: Scheme, label_actions: list[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tagPanel")
        labels_box = QGroupBox(self.tr("Labels"))
        labels_layout = QVBoxLayout(labels_box)
        for action in label_actions:
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.setObjectName(f"button:{action.data()}")
            labels_layout.addWidget(button)

        spans_box = QGroupBox(self.tr("Spans in this document"))
        spans_layout = QVBoxLayout(spans_box)
        self.span_list = QListWidget()
        self.span_list.setObjectName("spanList")
        self.span_list.currentItemChanged.connect(self._current_changed)
        self.span_list.itemActivated.connect(lambda item: self.spanActivated.emit(item.data(SPAN_ID_ROLE)))
        self.span_list.itemClicked.connect(lambda item: self.spanActivated.emit(item.data(SPAN_ID_ROLE)))
        spans_layout.addWidget(self.span_list)

        attributes_box = QGroupBox(self.tr("Selected span"))
        attributes_layout = QVBoxLayout(attributes_box)
        self.attribute_editor = AttributeEditor(scheme)
        attributes_layout.addWidget(self.attribute_editor)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(labels_box)
        layout.addWidget(spans_box, stretch=1)
        layout.addWidget(attributes_box)
        self._colors = {label.name: label.color for label in scheme.span_labels}

    def set_spans(self, spans: list[SpanRecord]) -> None:
        self.span_list.blockSignals(True)
        self.span_list.clear()
        for span in spans:
            self.span_list.addItem(self._item(span))
        self.span_list.blockSignals(False)
        self.attribute_editor.show_span(None)

    def add_span(self, span: SpanRecord, row: int) -> None:
        self.span_list.insertItem(row, self._item(span))

    def remove_span(self, span_id: SpanId) -> None:
        row = self._row(span_id)
        if row >= 0:
            self.span_list.takeItem(row)

    def update_span(self, span: SpanRecord) -> None:
        row = self._row(span.id)
        if row >= 0:
            item = self.span_list.item(row)
            item.setText(self._caption(span))
        if self.attribute_editor.span is not None and self.attribute_editor.span.id == span.id:
            self.attribute_editor.show_span(span)

    def select_span(self, span: SpanRecord | None) -> None:
        row = -1 if span is None else self._row(span.id)
        self.span_list.blockSignals(True)
        self.span_list.setCurrentRow(row)
        self.span_list.blockSignals(False)
        self.attribute_editor.show_span(span)

    def selected_span_id(self) -> SpanId | None:
        item = self.span_list.currentItem()
        return None if item is None else SpanId(item.data(SPAN_ID_ROLE))

    def span_ids(self) -> list[SpanId]:
        return [SpanId(self.span_list.item(row).data(SPAN_ID_ROLE)) for row in range(self.span_list.count())]

    def _row(self, span_id: SpanId) -> int:
        for row in range(self.span_list.count()):
            if self.span_list.item(row).data(SPAN_ID_ROLE) == span_id:
                return row
        return -1

    def _caption(self, span: SpanRecord) -> str:
        text = " ".join(span.text.split())
        if len(text) > EXCERPT:
            text = text[: EXCERPT - 1] + "…"
        return f"{span.label} · {text}"

    def _item(self, span: SpanRecord) -> QListWidgetItem:
        item = QListWidgetItem(swatch(self._colors.get(span.label, "#808080")), self._caption(span))
        item.setData(SPAN_ID_ROLE, int(span.id))
        item.setToolTip(span.text)
        return item

    def _current_changed(self, current: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        self.spanSelected.emit(None if current is None else SpanId(current.data(SPAN_ID_ROLE)))
