"""The first minute: who you are tagging as, the keys for the labels and links, where the descriptions are."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSettings, QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QApplication, QFrame, QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from annotator.ui.texts import isolate

SEEN_KEY = "welcome/seen"


class Welcome(QFrame):
    """Shown above the article on a first start; the button, or the first thing tagged, puts it away for good."""

    closed = Signal()

    def __init__(self, *, identity: str, switch_identity: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.had_focus = False
        self.setObjectName("welcome")
        self.setStyleSheet("#welcome { background:#f3f7ee; border:1px solid #b5cf9c; border-radius:6px; }")
        text = QLabel()
        text.setObjectName("welcomeText")
        text.setTextFormat(Qt.TextFormat.PlainText)
        text.setWordWrap(True)
        text.setText(
            "\n".join(
                [
                    self.tr("Welcome. You are tagging as %1; Ctrl+Shift+I changes who you are.").replace("%1", isolate(identity)),
                    self.tr("Select words and press 1 (claim), 2 (source) or 3 (cue); Alt with the digit keeps the exact selection."),
                    self.tr("To link, select a claim and press 4 (attribution), 5 (contradiction) or 6 (support), then pick the other end."),
                    self.tr("F8 steps through cue suggestions, Tab through the spans, Ctrl+Enter marks the article done."),
                    self.tr("F1 shows the guidelines; each label's description is in its tooltip. Ctrl+L shows the other layers you may read."),
                ]
            )
        )
        change = QPushButton(self.tr("Change identity…"))
        change.setObjectName("welcomeIdentity")
        change.clicked.connect(switch_identity)
        done = QPushButton(self.tr("Start tagging"))
        done.setObjectName("welcomeClose")
        done.clicked.connect(self.dismiss)
        buttons = QHBoxLayout()
        buttons.addWidget(change)
        buttons.addStretch(1)
        buttons.addWidget(done)
        layout = QVBoxLayout(self)
        layout.addWidget(ScrolledText(text))
        layout.addLayout(buttons)

    @staticmethod
    def wanted() -> bool:
        return QSettings("annotator", "annotator").value(SEEN_KEY, "") != "yes"

    def dismiss(self) -> None:
        if not self.isVisible():
            return
        QSettings("annotator", "annotator").setValue(SEEN_KEY, "yes")
        # Whether the keyboard was here (its close button): then it goes on to the article, else it stays put.
        self.had_focus = self.isAncestorOf(QApplication.focusWidget())
        self.hide()
        self.closed.emit()


class ScrolledText(QScrollArea):
    """The welcome's text: as tall as it needs where the window has room, scrolled where it has not (a small or
    scaled screen, 1280x800 at QT_SCALE_FACTOR=2), rather than cut off at its top and bottom."""

    def __init__(self, text: QLabel) -> None:
        super().__init__()
        self.setObjectName("welcomeScroll")
        self.setWidget(text)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.viewport().setAutoFillBackground(False)  # the welcome's own background shows through
        text.setAutoFillBackground(False)
        self._hint_width = -1

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        text = self.widget()
        width = self.viewport().width() if self.viewport().width() > 0 else text.sizeHint().width()
        return QSize(text.sizeHint().width(), text.heightForWidth(width) if text.hasHeightForWidth() else text.sizeHint().height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(0, self.fontMetrics().height() * 2)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if event.size().width() != self._hint_width:  # the text wraps anew: its height is asked again
            self._hint_width = event.size().width()
            self.updateGeometry()
