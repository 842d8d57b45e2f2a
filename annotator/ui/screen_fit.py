"""Windows sized for the screen they open on: never larger than its free area (a scaled screen is small)."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

# The window manager's title bar and borders, not known before the first show.
FRAME_W, FRAME_H = 12, 44


def resize_within_screen(widget: QWidget, width: int, height: int) -> None:
    """The size asked for, or the screen's free area less a frame where that is smaller."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    area = screen.availableGeometry()
    widget.resize(min(width, area.width() - FRAME_W), min(height, area.height() - FRAME_H))
