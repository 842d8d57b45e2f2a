"""F1 opens the guidelines with the keyboard in them; F1 again (or the close button) gives the keyboard back to the
article, and saving edited guidelines leaves it in the pane, never in the search field where 1, 2, 3 would be typed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from annotator.services.team.guidelines import GUIDELINES_KEY
from annotator.services.team.identity import Role, identify
from annotator.storage.project import Project
from tests.ui.test_guidelines import open_window


def test_f1_twice_gives_the_keyboard_back_to_the_article(qtbot: QtBot, project: Project) -> None:
    window = open_window(qtbot, project, "lina")
    window.article_view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.article_view)
    qtbot.keyClick(window.article_view, Qt.Key.Key_F1)
    assert window.guidelines.isVisible() and QApplication.focusWidget() is window.guidelines.browser
    qtbot.keyClick(window.guidelines.browser, Qt.Key.Key_F1)
    assert not window.guidelines.isVisible()
    assert QApplication.focusWidget() is window.article_view


def test_the_close_button_gives_the_keyboard_back_too(qtbot: QtBot, project: Project) -> None:
    window = open_window(qtbot, project, "lina")
    window.article_view.setFocus()
    qtbot.keyClick(window.article_view, Qt.Key.Key_F1)
    window.guidelines.close()
    assert QApplication.focusWidget() is window.article_view


def test_saving_the_guidelines_leaves_the_keyboard_in_the_pane(qtbot: QtBot, project: Project) -> None:
    identify(project, "rana", Role.REVIEWER)
    window = open_window(qtbot, project, "rana")
    window.article_view.setFocus()
    qtbot.keyClick(window.article_view, Qt.Key.Key_F1)
    pane = window.guidelines
    qtbot.mouseClick(pane.edit_button, Qt.MouseButton.LeftButton)
    pane.editor.setPlainText("# Ours\n\nTag the titles too.")
    qtbot.mouseClick(pane.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: project.setting(GUIDELINES_KEY) == "# Ours\n\nTag the titles too.")
    assert QApplication.focusWidget() is pane.browser
    qtbot.keyClick(pane.browser, Qt.Key.Key_F1)
    assert QApplication.focusWidget() is window.article_view


def test_the_pane_never_pushes_the_window_off_the_screen(qtbot: QtBot, project: Project) -> None:
    """A window already as narrow as its panes allow, at the screen's right edge (a small or scaled screen): the
    pane must not grow it past the edge, as it did at QT_SCALE_FACTOR=2 on 1280×800 (the label panel off-screen)."""
    window = open_window(qtbot, project, "lina")
    area = window.screen().availableGeometry()
    window.resize(window.minimumSizeHint().width(), window.height())
    qtbot.waitUntil(lambda: window.width() == window.minimumSizeHint().width())
    window.move(area.right() + 1 - window.frameGeometry().width(), window.frameGeometry().top())
    qtbot.waitUntil(lambda: window.frameGeometry().right() == area.right())
    qtbot.keyClick(window.article_view, Qt.Key.Key_F1)
    assert window.guidelines.isVisible()
    qtbot.wait(50)
    qtbot.waitUntil(lambda: area.contains(window.frameGeometry()), timeout=2000)
    assert window.guidelines.isFloating() or window.frameGeometry().left() >= area.left()
