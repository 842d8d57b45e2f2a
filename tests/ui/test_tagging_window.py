"""Tagging in the window: the keyboard acts, the database and the widgets agree."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QListView, QTextEdit
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from annotator.storage.models import Span
from annotator.storage.project import Project
from annotator.ui.main_window import MainWindow
from tests.ui.conftest import FIRST, SECOND, span_captions
from tests.ui.paint_probe import background_at
from tests.conftest import add_document


def stored_spans(project: Project) -> list[tuple[str, int, int, str]]:
    with project.reading() as session:
        return [(s.label, s.start, s.end, s.text) for s in session.scalars(select(Span).order_by(Span.start))]


def list_texts(window: MainWindow) -> list[str]:
    return span_captions(window)


def test_automation_names_are_in_place(window: MainWindow) -> None:
    assert isinstance(window.findChild(QListView, "documentList"), QListView)
    assert isinstance(window.findChild(QTextEdit, "articleView"), QTextEdit)
    assert window.findChild(QListView, "spanList") is not None
    assert window.findChild(type(window.tag_panel), "tagPanel") is window.tag_panel
    shortcuts = {a.objectName(): a.shortcut().toString() for a in window.label_actions}
    assert shortcuts == {"tag:CLAIM": "1", "tag:SOURCE": "2", "tag:CUE": "3"}


def test_opening_shows_the_first_document_with_focus_in_the_article(window: MainWindow, qtbot: QtBot) -> None:
    assert window.article_view.toPlainText() == FIRST.replace("\n", "\u2029")
    qtbot.waitUntil(lambda: window.article_view.hasFocus())


def test_select_press_1_undo_redo_and_reopen(window: MainWindow, qtbot: QtBot, project: Project) -> None:
    view = window.article_view
    start = FIRST.index("مسؤول")
    view.select_range(start + 2, FIRST.index("كبير") + 2)  # partial words at both ends
    qtbot.keyClick(view, Qt.Key.Key_2)
    expected = ("SOURCE", start, start + len("مسؤول أمريكي كبير"), "مسؤول أمريكي كبير")
    assert stored_spans(project) == [expected]
    assert list_texts(window) == ["Source · مسؤول أمريكي كبير"]

    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored_spans(project) == []
    assert list_texts(window) == []

    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert stored_spans(project) == [expected]
    assert list_texts(window) == ["Source · مسؤول أمريكي كبير"]

    view.select_range(0, 3)
    qtbot.keyClick(view, Qt.Key.Key_3)
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored_spans(project) == [expected]

    reopened = Project.open(project.path)
    try:
        fresh = MainWindow(reopened, annotator="salma")
        qtbot.addWidget(fresh)
        assert list_texts(fresh) == ["Source · مسؤول أمريكي كبير"]
    finally:
        reopened.close()


def test_alt_keeps_the_exact_selection(window: MainWindow, qtbot: QtBot, project: Project) -> None:
    start = FIRST.index("أمريكي")
    window.article_view.select_range(start, start + 3)
    qtbot.keyClick(window.article_view, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    assert stored_spans(project) == [("CLAIM", start, start + 3, "أمر")]


def test_emoji_before_a_span_does_not_shift_its_offsets(window: MainWindow, qtbot: QtBot, project: Project) -> None:
    start = FIRST.index("الأسبوع")
    window.article_view.select_range(start, start + len("الأسبوع الماضي"))
    qtbot.keyClick(window.article_view, Qt.Key.Key_1)
    assert stored_spans(project) == [("CLAIM", start, start + 14, "الأسبوع الماضي")]
    cursor = window.article_view.textCursor()
    assert cursor.position() == start + 1 + 14  # one extra UTF-16 unit for the emoji


def test_keyboard_only_selection_by_word(window: MainWindow, qtbot: QtBot, project: Project) -> None:
    view = window.article_view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    for _ in range(2):
        qtbot.keyClick(view, Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert view.textCursor().hasSelection()
    qtbot.keyClick(view, Qt.Key.Key_3)
    spans = stored_spans(project)
    assert len(spans) == 1 and spans[0][1] == 0
    label, start, end, text = spans[0]
    assert FIRST[start:end] == text and text.startswith("قال")


def test_delete_removes_the_selected_span_and_undo_brings_it_back(window: MainWindow, qtbot: QtBot, project: Project) -> None:
    view = window.article_view
    view.select_range(0, 3)
    qtbot.keyClick(view, Qt.Key.Key_3)
    assert window.selection.span is not None
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert stored_spans(project) == []
    assert list_texts(window) == []
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored_spans(project) == [("CUE", 0, 3, "قال")]
    assert list_texts(window) == ["Cue · قال"]


def test_nested_spans_are_painted_differently(window: MainWindow, qtbot: QtBot) -> None:
    view = window.article_view
    view.select_range(0, len(FIRST) - 1)
    qtbot.keyClick(view, Qt.Key.Key_1)
    source = FIRST.index("مسؤول")
    view.select_range(source, source + 5)
    qtbot.keyClick(view, Qt.Key.Key_2)
    window.select_span(None)  # the selected span's own highlight aside
    outer = background_at(view, FIRST.index("الرئيس") + 1).name()
    nested = background_at(view, source + 2).name()
    assert len({outer, nested, "#ffffff"}) == 3, (outer, nested)
    assert view.document().firstBlock().layout().formats() == []  # painted from the layout, no character format


def test_attribute_edit_is_committed_and_undoable(window: MainWindow, qtbot: QtBot, project: Project) -> None:
    view = window.article_view
    view.select_range(0, 3)
    qtbot.keyClick(view, Qt.Key.Key_3)
    combo = window.findChild(QComboBox, "attribute:speech_act")
    combo.setCurrentIndex(combo.findData("report"))
    with project.reading() as session:
        assert session.scalars(select(Span)).one().attributes == {"speech_act": "report"}
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    with project.reading() as session:
        assert session.scalars(select(Span)).one().attributes == {}
    assert window.findChild(QComboBox, "attribute:speech_act").currentData() is None


def test_next_document_and_done_status(window: MainWindow, qtbot: QtBot) -> None:
    qtbot.keyClick(window.article_view, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert window.article_view.toPlainText() == SECOND
    qtbot.keyClick(window.article_view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert "1 of 2 done" in window.status_label.text()
    assert "Document 2 of 2" in window.status_label.text()


def test_clicking_a_span_in_the_list_scrolls_to_it_and_flashes_it(window: MainWindow, qtbot: QtBot) -> None:
    view = window.article_view
    start = FIRST.index("طهران")
    view.select_range(start, start + 5)
    qtbot.keyClick(view, Qt.Key.Key_1)
    view.select_range(0, 0)
    span_list = window.findChild(QListView, "spanList")
    qtbot.mouseClick(span_list.viewport(), Qt.MouseButton.LeftButton, pos=span_list.visualRect(span_list.model().index(0, 0)).center())
    assert view.textCursor().position() == start
    flashed = [s for s in view.extraSelections() if s.format.background().color().name() == "#ffe14d"]
    assert [(s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in flashed] == [(start, start + 5)]
    qtbot.waitUntil(lambda: not [s for s in view.extraSelections() if s.format.background().color().name() == "#ffe14d"])


def test_import_from_the_window_reports_bad_files(
    window: MainWindow, qtbot: QtBot, tmp_path, monkeypatch  # noqa: ANN001
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from annotator.ui import import_dialog

    good, bad = tmp_path / "good.txt", tmp_path / "bad.txt"
    good.write_text("أفاد مصدر دبلوماسي بأن الاجتماع تأجل.", encoding="utf-8")
    bad.write_bytes(b"\x00\x01binary")
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: shown.append(text))
    assert import_dialog.import_with_progress(window, window.project, [good, bad], annotator="salma")
    window.reload_documents()
    assert window.document_list.documents().rowCount() == 3
    assert len(shown) == 1 and "bad.txt" in shown[0] and "NUL" in shown[0]


def test_a_snapped_source_leaves_out_its_leading_preposition_unless_tagged_exactly(qtbot: QtBot, project: Project) -> None:
    from PySide6.QtWidgets import QApplication

    from annotator.app import make_application

    make_application()
    text = "وفقًا لأشخاص مطلعين على هذه المراسلات، لم يصل أي رد."
    add_document(project, text, title="مصادر")
    window = MainWindow(project, annotator="salma")
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    start = text.index("لأشخاص")
    window.article_view.select_range(start + 1, text.index("مطلعين") + 3)
    qtbot.keyClick(window.article_view, Qt.Key.Key_2)
    window.article_view.select_range(start, text.index("مطلعين") + len("مطلعين"))
    qtbot.keyClick(window.article_view, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    assert [span[3] for span in stored_spans(project)] == ["لأشخاص مطلعين", "أشخاص مطلعين"]


def test_a_span_that_starts_inside_lam_alef_leaves_the_shaping_untouched(window: MainWindow, qtbot: QtBot) -> None:
    """Highlights are painted from the layout: the glyphs of «لأشخاص» are the same with and without a span
    that starts between its lam and its alef (a character format there would split the ligature)."""
    from PySide6.QtWidgets import QApplication

    from annotator.core.model import DocumentId

    text = "وفقًا لأشخاص مطلعين على هذه المراسلات."
    document_id = DocumentId(add_document(window.project, text, title="لام ألف"))
    window.controller.open_document(document_id)
    view = window.article_view

    def glyphs() -> list[tuple[int, ...]]:
        QApplication.processEvents()
        line = view.document().firstBlock().layout().lineAt(0)
        return [tuple(run.glyphIndexes()) for run in line.glyphRuns()]

    before = glyphs()
    lam = text.index("لأشخاص")
    view.select_range(lam + 1, lam + len("لأشخاص"))  # from between lam and alef
    qtbot.keyClick(view, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    assert [span.text for span in window.controller.ordered_spans()] == ["أشخاص"]
    assert glyphs() == before
    assert view.document().firstBlock().layout().formats() == []


def test_choosing_an_attribute_value_keeps_the_keyboard_in_that_field(qtbot: QtBot, project: Project) -> None:
    from tests.ui.conftest import active_window

    add_document(project, FIRST, title="الرسالة")
    window = active_window(qtbot, project, "salma")
    view = window.article_view
    view.select_range(0, 3)
    qtbot.keyClick(view, Qt.Key.Key_3)
    combo = window.findChild(QComboBox, "attribute:speech_act")
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus)
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # the next value, as the keyboard chooses it
    with project.reading() as session:
        assert session.scalars(select(Span)).one().attributes.get("speech_act") is not None
    rebuilt = window.findChild(QComboBox, "attribute:speech_act")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is rebuilt, timeout=1000)  # once the rebuilt field is shown
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)  # and the keyboard goes on choosing there
    assert window.findChild(QComboBox, "attribute:speech_act").currentIndex() == 2
