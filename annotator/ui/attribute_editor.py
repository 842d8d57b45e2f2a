"""Edits the selected span's attributes (from its scheme definition) and note."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from annotator.core.model import SpanRecord
from annotator.core.scheme import Attribute, Scheme
from annotator.ui.display import attribute_title, in_reading_order, label_title, language, value_title
from annotator.ui.texts import isolate


@dataclass(frozen=True, slots=True)
class Editable:
    """A span or a relation as the editor shows it."""

    kind: str  # "span" or "relation"
    id: int
    heading: str
    attributes: dict[str, Any]
    note: str
    definitions: tuple[Attribute, ...]


class AttributeEditor(QWidget):
    """Emits `edited(kind, id, attributes, note)` once per committed change."""

    edited = Signal(str, int, dict, str)

    def __init__(self, scheme: Scheme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attributeEditor")
        self.scheme = scheme
        self.item: Editable | None = None
        self._fields: dict[str, QWidget] = {}
        self._loading = False
        self._heading = QLabel(self.tr("No span selected"))
        self._heading.setWordWrap(True)
        self._heading.setObjectName("attributeHeading")
        self._heading.setTextFormat(Qt.TextFormat.PlainText)
        self._form = QFormLayout()
        self.note = QPlainTextEdit()
        self.note.setObjectName("spanNote")
        self.note.setPlaceholderText(self.tr("Note"))
        self.note.setMaximumHeight(80)
        self.note.setTabChangesFocus(True)
        self.note.installEventFilter(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._heading)
        layout.addLayout(self._form)
        layout.addWidget(self.note)
        self.show_item(None)

    def show_span(self, span: SpanRecord | None) -> None:
        if span is None:
            self.show_item(None)
            return
        definitions = self.scheme.span_label(span.label).attributes
        heading = in_reading_order(f"{isolate(label_title(self.scheme, span.label))}: «{isolate(span.text)}»")
        self.show_item(Editable("span", int(span.id), heading, span.attributes, span.note, definitions))

    def showing(self, kind: str, item_id: int) -> bool:
        return self.item is not None and (self.item.kind, self.item.id) == (kind, item_id)

    def show_item(self, item: Editable | None) -> None:
        # The same item shown again (its own edit came back) gets the keyboard back in the field that had it:
        # hiding that field would otherwise send it on to the next widget, the corpus search box.
        same = item is not None and self.item is not None and (item.kind, item.id) == (self.item.kind, self.item.id)
        focused = next((name for name, field in self._fields.items() if field.hasFocus()), None) if same else None
        self._loading = True
        try:
            self.item = item
            while self._form.rowCount():
                # Taken out and deleted later, not removed at once: show_item can run inside a field's own signal
                # (an edit refused as a conflict shows the current values), and deleting the combo box that is
                # still emitting crashed the process.
                row = self._form.takeRow(0)
                for part in (row.labelItem, row.fieldItem):
                    widget = part.widget() if part is not None else None
                    if widget is not None:
                        widget.setObjectName("")
                        widget.hide()
                        widget.deleteLater()
            self._fields.clear()
            self.note.setEnabled(item is not None)
            if item is None:
                self._heading.setText(self.tr("No span selected"))
                self.note.setPlainText("")
                return
            self._heading.setText(item.heading)
            for attribute in item.definitions:
                widget = self._make_field(attribute, item.attributes.get(attribute.name))
                self._fields[attribute.name] = widget
                self._form.addRow(attribute_title(attribute), widget)
                explanation = attribute.explanation(language())
                if explanation:
                    widget.setToolTip(explanation)
            self.note.setPlainText(item.note)
            if focused in self._fields:
                self._fields[focused].setFocus()
        finally:
            self._loading = False

    def _make_field(self, attribute: Attribute, value: Any) -> QWidget:
        if attribute.type == "enum":
            combo = QComboBox()
            combo.setObjectName(f"attribute:{attribute.name}")
            combo.addItem("—", None)
            for allowed in attribute.values:
                combo.addItem(value_title(attribute, allowed).replace("_", " "), allowed)
            combo.setCurrentIndex(max(0, combo.findData(value)))
            combo.currentIndexChanged.connect(self._commit)
            return combo
        if attribute.type == "boolean":
            box = QCheckBox()
            box.setObjectName(f"attribute:{attribute.name}")
            box.setChecked(bool(value))
            box.toggled.connect(self._commit)
            return box
        line = QLineEdit()
        line.setObjectName(f"attribute:{attribute.name}")
        line.setText(value or "")
        line.editingFinished.connect(self._commit)
        return line

    def first_field(self) -> QWidget | None:
        return next(iter(self._fields.values()), None)

    def values(self) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for name, widget in self._fields.items():
            if isinstance(widget, QComboBox):
                value = widget.currentData()
            elif isinstance(widget, QCheckBox):
                value = widget.isChecked()
            else:
                assert isinstance(widget, QLineEdit)
                value = widget.text() or None
            if value is not None:
                result[name] = value
        return result

    def _commit(self) -> None:
        if self._loading or self.item is None:
            return
        attributes, note = self.values(), self.note.toPlainText()
        if attributes == self.item.attributes and note == self.item.note:
            return
        self.edited.emit(self.item.kind, self.item.id, attributes, note)

    def eventFilter(self, watched: Any, event: Any) -> bool:  # noqa: N802 - Qt override
        if watched is self.note and event.type() == QEvent.Type.FocusOut:
            self._commit()
        return super().eventFilter(watched, event)
