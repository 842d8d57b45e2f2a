"""Edits the selected span's attributes (from its scheme definition) and note."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Signal
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


class AttributeEditor(QWidget):
    """Emits `edited(span_id, attributes, note)` once per committed change."""

    edited = Signal(int, dict, str)

    def __init__(self, scheme: Scheme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attributeEditor")
        self.scheme = scheme
        self.span: SpanRecord | None = None
        self._fields: dict[str, QWidget] = {}
        self._loading = False
        self._heading = QLabel(self.tr("No span selected"))
        self._heading.setWordWrap(True)
        self._form = QFormLayout()
        self._note = QPlainTextEdit()
        self._note.setObjectName("spanNote")
        self._note.setPlaceholderText(self.tr("Note"))
        self._note.setMaximumHeight(80)
        self._note.setTabChangesFocus(True)
        self._note.installEventFilter(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._heading)
        layout.addLayout(self._form)
        layout.addWidget(self._note)
        self.show_span(None)

    def show_span(self, span: SpanRecord | None) -> None:
        self._loading = True
        try:
            self.span = span
            while self._form.rowCount():
                self._form.removeRow(0)
            self._fields.clear()
            self._note.setEnabled(span is not None)
            if span is None:
                self._heading.setText(self.tr("No span selected"))
                self._note.setPlainText("")
                return
            self._heading.setText(f"{span.label}: «{span.text}»")
            for attribute in self.scheme.span_label(span.label).attributes:
                widget = self._make_field(attribute, span.attributes.get(attribute.name))
                self._fields[attribute.name] = widget
                self._form.addRow(attribute.name.replace("_", " "), widget)
            self._note.setPlainText(span.note)
        finally:
            self._loading = False

    def _make_field(self, attribute: Attribute, value: Any) -> QWidget:
        if attribute.type == "enum":
            combo = QComboBox()
            combo.setObjectName(f"attribute:{attribute.name}")
            combo.addItem("—", None)
            for allowed in attribute.values:
                combo.addItem(allowed.replace("_", " "), allowed)
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
        if self._loading or self.span is None:
            return
        attributes, note = self.values(), self._note.toPlainText()
        if attributes == self.span.attributes and note == self.span.note:
            return
        self.edited.emit(int(self.span.id), attributes, note)

    def eventFilter(self, watched: Any, event: Any) -> bool:  # noqa: N802 - Qt override
        if watched is self._note and event.type() == QEvent.Type.FocusOut:
            self._commit()
        return super().eventFilter(watched, event)
