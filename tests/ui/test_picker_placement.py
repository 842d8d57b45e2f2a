"""The link picker opens beside the article, on the side where its right-to-left lines end, in either interface."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from annotator.app import make_application
from annotator.storage.project import Project
from annotator.ui.main_window import MainWindow
from annotator.ui.target_picker import PICKER_MIN_WIDTH
from tests.conftest import add_document
from tests.ui.conftest import FIRST


def tag(window: MainWindow, qtbot: QtBot, phrase: str, key: Qt.Key) -> None:
    start = FIRST.index(phrase)
    window.article_view.select_range(start, start + len(phrase))
    qtbot.keyClick(window.article_view, key)


@pytest.mark.parametrize("language", ["ar", "en"])
def test_the_picker_leaves_the_start_of_the_articles_lines_uncovered(qtbot: QtBot, project: Project, language: str) -> None:
    make_application(language=language)
    try:
        add_document(project, FIRST, title="الرسالة")
        window = MainWindow(project, annotator="salma")
        qtbot.addWidget(window)
        window.resize(1280, 760)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        tag(window, qtbot, "مسؤول أمريكي كبير", Qt.Key.Key_2)
        tag(window, qtbot, "الرئيس بعث برسالة إلى طهران", Qt.Key.Key_1)
        qtbot.keyClick(window.article_view, Qt.Key.Key_4)
        picker = window.linker.picker
        assert picker is not None and picker.isVisible()
        view = window.article_view
        article = QRect(view.mapToGlobal(QPoint(0, 0)), view.size())
        placed = picker.geometry()
        # The lines start at the article's right edge: the picker stays off its right half...
        assert placed.right() < article.center().x(), (language, placed, article)
        # ...and is no wider than it was placed, however long its prompt (the prompt wraps).
        assert placed.width() <= max(PICKER_MIN_WIDTH, article.left()), (language, placed, article)
        picker.reject()
    finally:
        make_application(language="en")
