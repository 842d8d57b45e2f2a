"""Icons from qtawesome, created only after the QApplication exists."""

from __future__ import annotations

from functools import cache

import qtawesome as qta
from PySide6.QtGui import QColor, QIcon, QPixmap

from annotator.core.model import DocumentStatus

STATUS_ICONS = {
    DocumentStatus.NEW: ("fa5.circle", "#9aa0a6"),
    DocumentStatus.IN_PROGRESS: ("fa5s.adjust", "#e8a317"),
    DocumentStatus.DONE: ("fa5s.check-circle", "#2e9e5b"),
}


@cache
def icon(name: str, color: str = "#444444") -> QIcon:
    try:
        return qta.icon(name, color=color)
    except Exception:  # an unknown icon name in a custom scheme must not stop the program
        return qta.icon("fa5s.tag", color=color)


def status_icon(status: DocumentStatus) -> QIcon:
    name, color = STATUS_ICONS[status]
    return icon(name, color)


@cache
def swatch(color: str, size: int = 12) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(color))
    return QIcon(pixmap)
