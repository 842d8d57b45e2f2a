"""The span list keeps the selected span's row in sight when the panel around it changes height: selecting a span
rebuilds the attribute fields, and for a moment the list is taller, which pulled it back from its last rows."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from annotator.core.arabic import tokens
from annotator.core.model import DocumentId
from annotator.services.annotation.tagging import TaggingService
from annotator.storage.project import Project
from tests.conftest import add_document
from tests.ui.conftest import active_window

PARAGRAPH = "قال مسؤول أمريكي كبير إن الرئيس بعث برسالة إلى طهران الأسبوع الماضي، وفقًا لأشخاص مطلعين على هذه المراسلات. "


def _window_with_many_claims(qtbot: QtBot, project: Project, count: int = 80):  # noqa: ANN202
    text = "\n".join(PARAGRAPH for _ in range(count // 10 + 1))
    document_id = DocumentId(add_document(project, text, title="مطالب"))
    tagger = TaggingService(project, annotator="salma")
    for word in tokens(text)[:count]:  # claims: their attribute fields are rebuilt on every selection
        tagger.create_span(document_id=document_id, start=word.start, end=word.end, label="CLAIM")
    window = active_window(qtbot, project, "salma")
    window.resize(1280, 760)
    QApplication.processEvents()
    return window


def _current_row_in_sight(window) -> bool:  # noqa: ANN001
    span_list = window.tag_panel.span_list
    current = span_list.currentIndex()
    return current.isValid() and span_list.viewport().rect().contains(span_list.visualRect(current))


def test_end_in_the_span_list_shows_the_last_row(qtbot: QtBot, project: Project) -> None:
    window = _window_with_many_claims(qtbot, project)
    span_list = window.tag_panel.span_list
    assert span_list.verticalScrollBar().maximum() > 0, "the list must be long enough to scroll"
    span_list.setFocus()
    span_list.set_current_row(0)
    qtbot.keyClick(span_list, Qt.Key.Key_End)
    qtbot.wait(100)  # the attribute fields are rebuilt and laid out
    assert span_list.currentIndex().row() == span_list.count() - 1
    assert window.tag_panel.selected_span_id() == span_list.spans().span_ids()[-1]
    assert _current_row_in_sight(window)
    qtbot.keyClick(span_list, Qt.Key.Key_Up)
    qtbot.wait(100)
    assert span_list.currentIndex().row() == span_list.count() - 2
    assert _current_row_in_sight(window)


def test_a_row_scrolled_away_from_by_hand_stays_away(qtbot: QtBot, project: Project) -> None:
    """Keeping the current row in sight must not undo the user's own scrolling."""
    window = _window_with_many_claims(qtbot, project)
    span_list = window.tag_panel.span_list
    span_list.setFocus()
    span_list.set_current_row(1)
    span_list.set_current_row(0)  # the list scrolls to its current row
    qtbot.wait(50)
    assert _current_row_in_sight(window)
    bar = span_list.verticalScrollBar()
    bar.triggerAction(bar.SliderAction.SliderToMaximum)  # as a drag of the handle or the wheel would
    scrolled = bar.value()
    assert scrolled > 0
    span_list.setFixedHeight(span_list.height() - 40)  # the panel changes height, as a selection's fields would do
    qtbot.wait(100)
    assert bar.value() >= scrolled
    assert not _current_row_in_sight(window)


def test_a_click_on_a_row_near_the_end_reaches_the_span(qtbot: QtBot, project: Project) -> None:
    """The rows must not move between the press and the release, or the click is lost and the article stays put."""
    window = _window_with_many_claims(qtbot, project)
    span_list = window.tag_panel.span_list
    window.select_span(span_list.spans().span_ids()[0])  # a claim selected: its attribute fields are shown
    qtbot.wait(50)
    bar = span_list.verticalScrollBar()
    bar.triggerAction(bar.SliderAction.SliderToMaximum)  # the wheel or the scroll bar, down to the last rows
    qtbot.wait(50)
    row = span_list.count() - 2
    wanted = span_list.spans().span_ids()[row]
    point = span_list.visualRect(span_list.spans().index(row)).center()
    activated: list[int] = []
    span_list.spanActivated.connect(activated.append)
    qtbot.mousePress(span_list.viewport(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.wait(100)  # the selection's attribute fields are laid out between the press and the release
    qtbot.mouseRelease(span_list.viewport(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.wait(50)
    assert span_list.current_span_id() == wanted
    assert activated == [int(wanted)]
    span = window.controller.spans[wanted]
    assert window.article_view.cursor_position() in (span.start, span.end)
