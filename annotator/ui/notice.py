"""A notice above the article for what the user must not miss: a refused action, a busy or read-only project."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel, QWidget

from annotator.ui.controller import Level

STYLES = {
    Level.WARNING: "background:#fff4ce; color:#5c4400; border:1px solid #e0c060; border-radius:4px; padding:4px 8px;",
    Level.ERROR: "background:#fde7e9; color:#8a1020; border:1px solid #e08090; border-radius:4px; padding:4px 8px;",
}
SHOWN_MS = 8000


class Notice(QLabel):
    """Floats over the top of the article, so nothing below it moves; plain text, never rich text
    (messages quote span and article text)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setObjectName("notice")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.hide()
        self._timer = QTimer(self, singleShot=True, interval=SHOWN_MS)
        self._timer.timeout.connect(self.hide)
        self.level = Level.INFO

    def show_message(self, text: str, level: int) -> None:
        self.level = level
        self.setStyleSheet(STYLES.get(level, STYLES[Level.WARNING]))
        self.setText(text)
        host = self.parentWidget()
        if host is not None:
            width = host.width() - 24
            self.setFixedWidth(max(200, width))
            self.adjustSize()
            self.move(12, 8)
        self.show()
        self.raise_()
        self._timer.start()

    def settle(self) -> None:
        """What the notice warned about is over (the busy project was free after all)."""
        if self.level == Level.WARNING:
            self.hide()


class Banner(QLabel):
    """A notice that stays: a read-only project, a layer that may only be read."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setStyleSheet("background:#e8eefc; color:#1d3a7a; border:1px solid #9fb4e8; border-radius:4px; padding:4px 8px;")
        self.hide()

    def set_text(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))
