"""Linking with the keyboard: attribution in one article, contradiction across articles, follow and back."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QListWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from annotator.storage.models import Relation, Span
from annotator.storage.project import Project
from annotator.ui.main_window import MainWindow
from tests.ui.conftest import FIRST, SECOND, without_isolates

CTRL = Qt.KeyboardModifier.ControlModifier


def stored_relations(project: Project) -> list[tuple[str, str, str]]:
    with project.reading() as session:
        rows = session.execute(
            select(Relation.label, Span.text, Relation.to_span_id).join(Span, Span.id == Relation.from_span_id)
        ).all()
        return [(label, text, session.get(Span, to_id).text) for label, text, to_id in rows]


def tag(window: MainWindow, qtbot: QtBot, text: str, phrase: str, key: Qt.Key) -> None:
    start = text.index(phrase)
    window.article_view.select_range(start, start + len(phrase))
    qtbot.keyClick(window.article_view, key)


def prepare(window: MainWindow, qtbot: QtBot) -> None:
    """A claim in the second article, then a source and a claim (left selected) in the first."""
    qtbot.keyClick(window.article_view, Qt.Key.Key_PageDown, CTRL)
    tag(window, qtbot, SECOND, "أن تكون قد تلقّت أي رسالة", Qt.Key.Key_1)
    qtbot.keyClick(window.article_view, Qt.Key.Key_PageUp, CTRL)
    tag(window, qtbot, FIRST, "مسؤول أمريكي كبير", Qt.Key.Key_2)
    tag(window, qtbot, FIRST, "الرئيس بعث برسالة إلى طهران", Qt.Key.Key_1)


def test_attribution_with_the_keyboard_undo_and_redo(window: MainWindow, qtbot: QtBot, project: Project) -> None:
    prepare(window, qtbot)
    qtbot.keyClick(window.article_view, Qt.Key.Key_4)
    picker = window.linker.picker
    assert picker is not None and picker.isVisible()
    assert picker.list.count() == 1  # only the SOURCE of this article
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    expected = [("ATTRIBUTION", "الرئيس بعث برسالة إلى طهران", "مسؤول أمريكي كبير")]
    assert stored_relations(project) == expected
    relation_list = window.findChild(QListWidget, "relationList")
    assert relation_list.count() == 1 and without_isolates(relation_list.item(0).text()).startswith("Attribution")
    qtbot.keyClick(window.article_view, Qt.Key.Key_Z, CTRL)
    assert stored_relations(project) == [] and relation_list.count() == 0
    qtbot.keyClick(window.article_view, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert stored_relations(project) == expected and relation_list.count() == 1


def test_escape_cancels_and_a_click_on_a_highlight_picks(window: MainWindow, qtbot: QtBot, project: Project) -> None:
    prepare(window, qtbot)
    qtbot.keyClick(window.article_view, Qt.Key.Key_4)
    qtbot.keyClick(window.linker.picker.search, Qt.Key.Key_Escape)
    assert window.linker.picker is None and stored_relations(project) == []
    qtbot.keyClick(window.article_view, Qt.Key.Key_4)
    source = next(s for s in window.controller.spans.values() if s.label == "SOURCE")
    window.article_view.spanClicked.emit(int(source.id))
    assert stored_relations(project) == [("ATTRIBUTION", "الرئيس بعث برسالة إلى طهران", "مسؤول أمريكي كبير")]


def test_contradiction_across_articles_search_follow_and_back(window: MainWindow, qtbot: QtBot, project: Project) -> None:
    prepare(window, qtbot)
    first_document = window.controller.document.id
    qtbot.keyClick(window.article_view, Qt.Key.Key_5)
    picker = window.linker.picker
    picker.search.insert("تلقت")  # typed without the shadda the text has (QTest cannot type Arabic)
    assert len(picker.visible_ids()) == 1
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    assert stored_relations(project) == [("CONTRADICTION", "الرئيس بعث برسالة إلى طهران", "أن تكون قد تلقّت أي رسالة")]
    combo_owner = window.tag_panel.relation_list
    assert "Contradiction" in combo_owner.item(0).text() and "النفي" in combo_owner.item(0).text()

    qtbot.keyClick(window.article_view, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert window.controller.document.id != first_document
    assert window.selection.span is not None and window.selection.span.text == "أن تكون قد تلقّت أي رسالة"
    qtbot.keyClick(window.article_view, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.controller.document.id == first_document
    assert window.selection.span is not None and window.selection.span.text == "الرئيس بعث برسالة إلى طهران"


def test_deleting_a_linked_span_takes_its_links_and_undo_brings_them_back(
    window: MainWindow, qtbot: QtBot, project: Project
) -> None:
    prepare(window, qtbot)
    qtbot.keyClick(window.article_view, Qt.Key.Key_4)
    qtbot.keyClick(window.linker.picker.search, Qt.Key.Key_Return)
    qtbot.keyClick(window.article_view, Qt.Key.Key_5)
    qtbot.keyClick(window.linker.picker.search, Qt.Key.Key_Return)
    assert len(stored_relations(project)) == 2
    claim = next(s for s in window.controller.spans.values() if s.label == "CLAIM")
    window.select_span(claim.id)
    qtbot.keyClick(window.article_view, Qt.Key.Key_Delete)
    assert stored_relations(project) == []
    assert window.tag_panel.relation_list.count() == 0
    qtbot.keyClick(window.article_view, Qt.Key.Key_Z, CTRL)
    assert len(stored_relations(project)) == 2
    assert window.tag_panel.relation_list.count() == 2


def test_link_attributes_are_edited_and_undone(window: MainWindow, qtbot: QtBot, project: Project) -> None:
    prepare(window, qtbot)
    qtbot.keyClick(window.article_view, Qt.Key.Key_5)
    qtbot.keyClick(window.linker.picker.search, Qt.Key.Key_Return)
    window.tag_panel.relation_list.setCurrentRow(0)
    combo = window.findChild(QComboBox, "attribute:type")
    combo.setCurrentIndex(combo.findData("negation"))
    with project.reading() as session:
        assert session.scalars(select(Relation)).one().attributes == {"type": "negation"}
    qtbot.keyClick(window.article_view, Qt.Key.Key_Z, CTRL)
    with project.reading() as session:
        assert session.scalars(select(Relation)).one().attributes == {}


def test_links_are_drawn_and_their_partner_highlighted(window: MainWindow, qtbot: QtBot) -> None:
    prepare(window, qtbot)
    qtbot.keyClick(window.article_view, Qt.Key.Key_4)
    qtbot.keyClick(window.linker.picker.search, Qt.Key.Key_Return)
    claim = next(s for s in window.controller.spans.values() if s.label == "CLAIM")
    window.select_span(claim.id)
    drawings = window.article_view._links
    assert len(drawings) == 1 and drawings[0].end is not None and drawings[0].emphasized
    source = next(s for s in window.controller.spans.values() if s.label == "SOURCE")
    assert window.article_view._partners == [(source.start, source.end, "#3d7be0")]
    window.grab()  # paints the arc without error


def test_links_survive_closing_and_reopening(window: MainWindow, qtbot: QtBot, project: Project) -> None:
    prepare(window, qtbot)
    qtbot.keyClick(window.article_view, Qt.Key.Key_4)
    qtbot.keyClick(window.linker.picker.search, Qt.Key.Key_Return)
    qtbot.keyClick(window.article_view, Qt.Key.Key_6)
    qtbot.keyClick(window.linker.picker.search, Qt.Key.Key_Return)
    reopened = Project.open(project.path)
    try:
        fresh = MainWindow(reopened, annotator="salma")
        qtbot.addWidget(fresh)
        captions = [without_isolates(fresh.tag_panel.relation_list.item(r).text()) for r in range(fresh.tag_panel.relation_list.count())]
        assert [c.split(" · ")[0] for c in captions] == ["Attribution", "Support"]
        assert len(fresh.article_view._links) == 2
    finally:
        reopened.close()
