"""The window fits the screen it opens on; text size and line spacing are remembered settings."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from annotator.ui.main_window import MainWindow
from annotator.ui.text_size import LINE_HEIGHT_KEY, TEXT_SIZE_KEY


def test_the_window_never_opens_larger_than_the_free_screen_area(window: MainWindow) -> None:
    area = window.screen().availableGeometry()
    assert window.width() <= area.width() and window.height() <= area.height()
    assert area.contains(window.geometry().topLeft())
    assert all(size > 0 for size in window.splitter.sizes())


def test_ctrl_plus_and_minus_change_the_article_size_and_it_is_remembered(window: MainWindow, qtbot: QtBot) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    before = window.article_view.font().pointSize()
    qtbot.keyClick(window.article_view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.article_view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.article_view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert window.article_view.font().pointSize() == before + 1
    window.text_size.cycle_line_spacing()
    settings = QSettings("annotator", "annotator")
    assert int(settings.value(TEXT_SIZE_KEY)) == before + 1
    assert int(settings.value(LINE_HEIGHT_KEY)) == window.article_view.line_height != 150
    settings.remove(TEXT_SIZE_KEY)
    settings.remove(LINE_HEIGHT_KEY)


def test_a_large_project_file_shows_a_notice_while_it_opens(tmp_path, monkeypatch, qtbot: QtBot) -> None:  # noqa: ANN001
    from pathlib import Path

    import annotator.app as app_module

    small = tmp_path / "small.annotator"
    small.write_bytes(b"x" * 1000)
    assert app_module.opening_notice(small) is None
    assert app_module.opening_notice(None) is None
    monkeypatch.setattr(app_module, "LARGE_PROJECT_BYTES", 500)
    notice = app_module.opening_notice(Path(small))
    assert notice is not None and notice.isVisible() and "small.annotator" in notice.text()
    notice.close()
