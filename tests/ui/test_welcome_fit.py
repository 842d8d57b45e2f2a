"""The welcome's text is never cut off: whole where the window has room, scrolled where it has not (a small or
scaled screen: 1280x800 at QT_SCALE_FACTOR=2 is 640x400 to Qt)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QLabel, QScrollArea
from pytestqt.qtbot import QtBot

from annotator.app import make_application
from annotator.services.io.demo import ensure_demo_project
from annotator.storage.project import Project
from annotator.ui.main_window import MainWindow
from annotator.ui.welcome import SEEN_KEY


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[Project]:
    with ensure_demo_project(tmp_path / "demo.db") as project:
        yield project


def welcome_window(qtbot: QtBot, project: Project, width: int, height: int) -> tuple[MainWindow, QLabel]:
    make_application()
    QSettings("annotator", "annotator").remove(SEEN_KEY)  # a first start (another test may have put it away)
    window = MainWindow(project, annotator="demo", welcome=True)
    qtbot.addWidget(window)
    window.resize(width, height)
    window.show()
    qtbot.waitExposed(window)
    QApplication.processEvents()
    assert window.welcome.isVisible()
    return window, window.findChild(QLabel, "welcomeText")


def test_on_a_small_window_the_welcome_text_scrolls_instead_of_being_cut(qtbot: QtBot, demo: Project) -> None:
    window, text = welcome_window(qtbot, demo, 640, 400)
    qtbot.waitUntil(lambda: text.height() >= text.heightForWidth(text.width()), timeout=2000)  # whole, not squeezed
    scroll = window.findChild(QScrollArea, "welcomeScroll")
    assert scroll.verticalScrollBar().maximum() > 0  # the rest is a scroll away


def test_on_a_roomy_window_the_welcome_text_is_whole_without_a_scroll_bar(qtbot: QtBot, demo: Project) -> None:
    window, text = welcome_window(qtbot, demo, 1280, 780)
    scroll = window.findChild(QScrollArea, "welcomeScroll")
    qtbot.waitUntil(lambda: scroll.verticalScrollBar().maximum() == 0)
    assert text.height() >= text.heightForWidth(text.width())
