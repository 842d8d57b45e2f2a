"""The selected SOURCE's canonical source: Ctrl+K adds or confirms it, the registry then suggests it for another
spelling in another article, Ctrl+Shift+K removes a link."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from annotator.core.model import DocumentId, NewDocument
from annotator.services.annotation.tagging import TaggingService
from annotator.services.corpus.registry import SourceRegistry
from annotator.services.io.importing import add_documents
from annotator.services.team.identity import identify
from annotator.storage.project import Project
from tests.ui.conftest import active_window, without_isolates

FIRST = "قال الرئيس الأمريكي باراك أوباما إنه بعث برسالة."
SECOND = "وأكد أوباما أن الرسالة وصلت."

CTRL = Qt.KeyboardModifier.ControlModifier


def test_ctrl_k_makes_a_canonical_source_that_the_next_spelling_is_offered(qtbot: QtBot, project: Project) -> None:
    add_documents(project, [NewDocument(uid="a", title="أ", text=FIRST), NewDocument(uid="b", title="ب", text=SECOND)], annotator="lina")
    tagging = TaggingService(project, annotator="lina")
    first = tagging.create_span(document_id=DocumentId(1), start=FIRST.index("باراك"), end=FIRST.index(" إنه"), label="SOURCE").span
    second = tagging.create_span(document_id=DocumentId(2), start=SECOND.index("أوباما"), end=SECOND.index(" أن"), label="SOURCE").span
    window = active_window(qtbot, project, "lina")
    window.controller.ensure_open(DocumentId(1))
    window.select_span(first.id)
    box = window.source_box
    qtbot.waitUntil(lambda: box.isVisible() and "Ctrl+K adds" in without_isolates(box.text.text()))
    qtbot.keyClick(window.article_view, Qt.Key.Key_K, CTRL)
    registry = SourceRegistry(project, identify(project, "lina"))
    assert [entry.name for entry in registry.entries()] == ["باراك أوباما"]
    assert registry.link_of(first.id) == (registry.entries()[0].id, True)
    assert "(confirmed)" in box.text.text()
    window.controller.ensure_open(DocumentId(2))
    window.select_span(second.id)
    qtbot.waitUntil(lambda: without_isolates(box.text.text()).startswith("Suggested: باراك أوباما"))
    qtbot.keyClick(window.article_view, Qt.Key.Key_K, CTRL)
    assert registry.link_of(second.id) == (registry.entries()[0].id, True)
    qtbot.keyClick(window.article_view, Qt.Key.Key_K, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert registry.link_of(second.id) is None


def test_undoing_a_deleted_source_brings_its_canonical_link_back(qtbot: QtBot, project: Project) -> None:
    add_documents(project, [NewDocument(uid="a", title="أ", text=FIRST)], annotator="lina")
    span = TaggingService(project, annotator="lina").create_span(
        document_id=DocumentId(1), start=FIRST.index("باراك"), end=FIRST.index(" إنه"), label="SOURCE").span
    registry = SourceRegistry(project, identify(project, "lina"))
    source = next(iter(registry.add("باراك أوباما", "person").sources))
    registry.link(span.id, source)
    window = active_window(qtbot, project, "lina")
    window.select_span(span.id)
    window.delete_selected()
    assert registry.link_of(span.id) is None
    window.controller.undo()
    assert registry.link_of(span.id) == (source, True)
