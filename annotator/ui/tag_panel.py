"""The tag panel: one button per label, the document's spans, and the selected span's attributes."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import (
    QGroupBox,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from annotator.core.model import RelationId, SpanId, SpanRecord
from annotator.core.scheme import Scheme
from annotator.services.annotation.relations import RelationView
from annotator.ui.attribute_editor import AttributeEditor
from annotator.ui.icons import swatch
from annotator.ui.display import label_title
from annotator.ui.span_list import SPAN_ID_ROLE, SpanList, excerpt
from annotator.ui.texts import isolate, plain_tooltip



class TagPanel(QWidget):
    spanSelected = Signal(object)  # SpanId or None
    spanActivated = Signal(int)
    relationSelected = Signal(object)  # RelationId or None
    relationActivated = Signal(int)

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
        self.span_list = SpanList(scheme)
        self.span_list.spanSelected.connect(self.spanSelected.emit)
        self.span_list.spanActivated.connect(self.spanActivated.emit)
        spans_layout.addWidget(self.span_list)

        relations_box = QGroupBox(self.tr("Links"))
        relations_layout = QVBoxLayout(relations_box)
        self.relation_list = QListWidget()
        self.relation_list.setObjectName("relationList")
        self.relation_list.setMaximumHeight(130)
        self.relation_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.relation_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.relation_list.currentItemChanged.connect(
            lambda current, _previous: self.relationSelected.emit(None if current is None else current.data(SPAN_ID_ROLE))
        )
        self.relation_list.itemActivated.connect(lambda item: self.relationActivated.emit(item.data(SPAN_ID_ROLE)))
        relations_layout.addWidget(self.relation_list)

        attributes_box = QGroupBox(self.tr("Selected span or link"))
        attributes_layout = QVBoxLayout(attributes_box)
        self.attribute_editor = AttributeEditor(scheme)
        attributes_layout.addWidget(self.attribute_editor)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(labels_box)
        layout.addWidget(spans_box, stretch=1)
        layout.addWidget(relations_box)
        layout.addWidget(attributes_box)
        self.scheme = scheme
        self._relation_colors = {label.name: label.color for label in scheme.relation_labels}

    def set_spans(self, spans: list[SpanRecord]) -> None:
        self.span_list.spans().set_spans(spans)
        self.attribute_editor.show_span(None)

    def add_span(self, span: SpanRecord, row: int) -> None:
        self.span_list.spans().insert(row, span)

    def remove_span(self, span_id: SpanId) -> None:
        self.span_list.spans().remove(span_id)

    def update_span(self, span: SpanRecord) -> None:
        self.span_list.spans().replace(span)
        if self.attribute_editor.showing("span", int(span.id)):
            self.attribute_editor.show_span(span)

    def select_span(self, span: SpanRecord | None) -> None:
        self.span_list.set_current_row(-1 if span is None else self.span_list.spans().row(span.id))
        self.attribute_editor.show_span(span)

    def set_relations(self, views: list[RelationView], *, directed: dict[str, bool], document_id: int) -> None:
        current = self.selected_relation_id()
        self.relation_list.blockSignals(True)
        self.relation_list.clear()
        for view in views:
            caption = _relation_caption(view, directed, document_id, label_title(self.scheme, view.relation.label))
            item = QListWidgetItem(swatch(self._relation_colors.get(view.relation.label, "#808080")), caption)
            item.setData(SPAN_ID_ROLE, int(view.relation.id))
            item.setToolTip(plain_tooltip(f"{view.source.text}\n{view.target.text}"))
            self.relation_list.addItem(item)
            if current == view.relation.id:
                self.relation_list.setCurrentItem(item)
        self.relation_list.blockSignals(False)

    def selected_relation_id(self) -> RelationId | None:
        item = self.relation_list.currentItem()
        return None if item is None else RelationId(item.data(SPAN_ID_ROLE))

    def select_relation(self, relation_id: RelationId | None) -> None:
        self.relation_list.blockSignals(True)
        self.relation_list.setCurrentRow(-1)
        for row in range(self.relation_list.count()):
            if self.relation_list.item(row).data(SPAN_ID_ROLE) == relation_id:
                self.relation_list.setCurrentRow(row)
        self.relation_list.blockSignals(False)

    def selected_span_id(self) -> SpanId | None:
        return self.span_list.current_span_id()

    def span_ids(self) -> list[SpanId]:
        return self.span_list.spans().span_ids()


def _relation_caption(view: RelationView, directed: dict[str, bool], document_id: int, title: str) -> str:
    forward = "←" if QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft else "→"
    arrow = forward if directed.get(view.relation.label, True) else "↔"
    caption = f"{isolate(title)} · {isolate(excerpt(view.source.text, 24))} {arrow} {isolate(excerpt(view.target.text, 24))}"
    elsewhere = [end for end in (view.source, view.target) if end.document_id != document_id]
    if elsewhere:
        caption += f" — {isolate(excerpt(elsewhere[0].document_title, 30))}"
    return caption


