"""The reviewer's adjudication and agreement windows open no larger than the screen's free area (a scaled screen
is small: at QT_SCALE_FACTOR=2 a 1280×800 screen holds 640×400)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from annotator.storage.project import Project
from tests.ui.test_review import reviewer_window


def test_adjudication_and_agreement_fit_the_screen(qtbot: QtBot, project: Project) -> None:
    window = reviewer_window(qtbot, project)
    area = window.screen().availableGeometry()
    assert area.width() < 1280 or area.height() < 760, "the test screen must be smaller than the adjudication's wish"
    qtbot.keyClick(window.article_view, Qt.Key.Key_F7)
    qtbot.keyClick(window.article_view, Qt.Key.Key_F7, Qt.KeyboardModifier.ShiftModifier)
    for dialog in (window.views.adjudication, window.views.agreement):
        assert dialog is not None and dialog.isVisible()
        assert dialog.width() <= area.width() and dialog.height() <= area.height(), (dialog.objectName(), dialog.size(), area)
        dialog.close()
