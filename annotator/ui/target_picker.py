"""Pick the other end of a new link: a searchable list that ignores harakat, tatweel and hamza forms."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from annotator.core.normalize import fold
from annotator.core.scheme import Scheme
from annotator.services.annotation.relations import Candidate
from annotator.ui.display import label_title
from annotator.ui.texts import isolate, plain_tooltip

PICKER_MIN_WIDTH = 280  # px: the prompt wraps and the captions elide below this
ID_ROLE = Qt.ItemDataRole.UserRole
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 1


class TargetPicker(QDialog):
    """Not modal, so that a click on a highlighted span in the article can pick it too."""

    picked = Signal(int)

    def __init__(self, prompt: str, candidates: list[Candidate], *, document_id: int, scheme: Scheme, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("targetPicker")
        self.setWindowTitle(self.tr("Link to…"))
        self.setModal(False)
        self.scheme = scheme
        self.candidates = {int(c.end.span_id): c for c in candidates}
        self.search = QLineEdit()
        self.search.setObjectName("pickerSearch")
        self.search.setPlaceholderText(self.tr("Search (harakat, tatweel and hamza forms are ignored)"))
        self.list = QListWidget()
        self.list.setObjectName("pickerList")
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for candidate in candidates:
            item = QListWidgetItem(self._caption(candidate, document_id))
            item.setData(ID_ROLE, int(candidate.end.span_id))
            item.setData(SEARCH_ROLE, fold(" ".join((candidate.end.text, candidate.source_text, candidate.end.document_title))))
            item.setToolTip(plain_tooltip(candidate.end.text))
            self.list.addItem(item)
        layout = QVBoxLayout(self)
        label = QLabel(prompt)
        label.setWordWrap(True)  # a long prompt must not widen the picker over the article
        layout.addWidget(label)
        layout.addWidget(self.search)
        layout.addWidget(self.list)
        self.search.textChanged.connect(self._filter)
        self.search.installEventFilter(self)
        self.list.itemActivated.connect(lambda item: self._choose(item.data(ID_ROLE)))
        self.list.setCurrentRow(0)
        self.resize(560, 360)

    def _caption(self, candidate: Candidate, document_id: int) -> str:
        end = candidate.end
        parts = [f"{isolate(label_title(self.scheme, end.label))} · {isolate(end.text)}"]
        if candidate.source_text:
            parts.append(self.tr("source: %1").replace("%1", isolate(candidate.source_text)))
        if end.document_id != document_id:
            parts.append(isolate(end.document_title))
        return "  —  ".join(parts)

    def _filter(self, query: str) -> None:
        needle = fold(query.strip())
        first_visible = None
        for row in range(self.list.count()):
            item = self.list.item(row)
            hidden = bool(needle) and needle not in item.data(SEARCH_ROLE)
            item.setHidden(hidden)
            if not hidden and first_visible is None:
                first_visible = row
        self.list.setCurrentRow(-1 if first_visible is None else first_visible)

    def visible_ids(self) -> list[int]:
        return [self.list.item(r).data(ID_ROLE) for r in range(self.list.count()) if not self.list.item(r).isHidden()]

    def offer(self, span_id: int) -> bool:
        """A span clicked in the article: picked if it is a valid target."""
        if span_id not in self.candidates:
            return False
        self._choose(span_id)
        return True

    def _choose(self, span_id: int) -> None:
        self.picked.emit(span_id)
        self.accept()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        navigation = (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp, Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if watched is self.search and event.type() == QEvent.Type.ShortcutOverride:
            assert isinstance(event, QKeyEvent)
            if event.key() in navigation:  # these keys are the picker's, not the main window's shortcuts
                event.accept()
                return True
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
                QCoreApplication.sendEvent(self.list, event)
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                item = self.list.currentItem()
                if item is not None and not item.isHidden():
                    self._choose(item.data(ID_ROLE))
                return True
        return super().eventFilter(watched, event)
