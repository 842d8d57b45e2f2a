"""A window on a small project, ready to tag."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QListView
from pytestqt.qtbot import QtBot

from annotator.app import make_application
from annotator.storage.project import Project
from annotator.ui.main_window import MainWindow
from tests.conftest import add_document

FIRST = "قال مسؤول أمريكي كبير إن الرئيس بعث برسالة إلى طهران 📨 الأسبوع الماضي."
SECOND = "نفت البعثة الإيرانية لدى الأمم المتحدة أن تكون قد تلقّت أي رسالة."


@pytest.fixture(scope="session")
def qapp_cls():  # noqa: ANN201 - pytest-qt hook
    from PySide6.QtWidgets import QApplication

    return QApplication


@pytest.fixture
def window(qtbot: QtBot, project: Project) -> Iterator[MainWindow]:
    make_application()
    add_document(project, FIRST, title="الرسالة")
    add_document(project, SECOND, title="النفي")
    main = MainWindow(project, annotator="salma")
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    yield main


def without_isolates(text: str) -> str:
    """A caption as read: the bidi isolates around its values taken out."""
    return text.translate({0x2066: None, 0x2067: None, 0x2068: None, 0x2069: None})


def span_captions(window) -> list[str]:  # noqa: ANN001
    """The span list's rows as shown, bidi isolates taken out (the list asks its model for what it shows)."""
    spans = window.findChild(QListView, "spanList")
    return [without_isolates(spans.model().index(row, 0).data()) for row in range(spans.model().rowCount())]


def active_window(qtbot: QtBot, project: Project, annotator: str) -> MainWindow:
    """A window on the project as `annotator`, shown and active (window shortcuts reach only an active window)."""
    make_application()
    window = MainWindow(project, annotator=annotator)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window
