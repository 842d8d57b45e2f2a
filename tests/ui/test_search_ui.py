"""Searching from the window: the corpus, then the open article, with hits highlighted at the right offsets."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from annotator.ui.main_window import MainWindow
from tests.ui.conftest import FIRST, SECOND


def highlighted(window: MainWindow) -> list[tuple[int, int]]:
    view = window.article_view
    return [(s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in view.extraSelections()
            if s.format.background().color().name() == "#ffb74d"]


def test_corpus_search_opens_the_article_with_its_hits(window: MainWindow, qtbot: QtBot) -> None:
    qtbot.keyClick(window.article_view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    box = window.search.corpus_box
    assert box.hasFocus()
    box.insert("تلقت")  # without the shadda of تلقّت
    qtbot.keyClick(box, Qt.Key.Key_Return)
    results = window.search.results
    assert results.isVisible() and results.count() == 1 and results.item(0).text().startswith("النفي")
    qtbot.keyClick(results, Qt.Key.Key_Return)
    assert window.article_view.toPlainText() == SECOND
    start = SECOND.index("تلقّت")
    assert highlighted(window) == [(start, start + 5)]


def test_find_in_the_article(window: MainWindow, qtbot: QtBot) -> None:
    qtbot.keyClick(window.article_view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    box = window.search.article_box
    assert box.isVisible() and box.hasFocus()
    box.insert("الاسبوع")  # hamza-less
    start = FIRST.index("الأسبوع") + 1  # one UTF-16 unit for the emoji before it
    assert highlighted(window) == [(start, start + 7)]
    assert window.article_view.textCursor().selectionStart() == start
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    assert not box.isVisible() and highlighted(window) == []
