"""A reviewer shows the gold layer or an annotator's layer in the main window; blind mode still hides them from annotators."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from annotator.app import make_application
from annotator.core.model import GOLD, DocumentId
from annotator.services.annotation.tagging import TaggingService
from annotator.services.team.identity import Role, identify
from annotator.storage.models import Span
from annotator.storage.project import Project
from annotator.ui.main_window import MainWindow
from tests.conftest import add_document
from tests.ui.conftest import FIRST, span_captions


def shown(window: MainWindow) -> list[str]:
    return span_captions(window)


def span_count(project: Project) -> int:
    with project.reading() as session:
        return session.scalar(select(func.count(Span.id))) or 0


def layered_project(project: Project) -> DocumentId:
    doc = DocumentId(add_document(project, FIRST, title="الرسالة"))
    identify(project, "rev", Role.REVIEWER)
    TaggingService(project, annotator="lina").create_span(document_id=doc, start=0, end=3, label="CUE")
    TaggingService(project, annotator="rev", layer=GOLD).create_span(document_id=doc, start=4, end=21, label="SOURCE")
    return doc


def open_window(qtbot: QtBot, project: Project, name: str) -> MainWindow:
    make_application()
    window = MainWindow(project, annotator=name)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def test_a_reviewer_shows_the_gold_layer_and_tags_into_it(qtbot: QtBot, project: Project) -> None:
    layered_project(project)
    window = open_window(qtbot, project, "rev")
    assert shown(window) == []
    window.findChild(QAction, f"layer:{GOLD}").trigger()
    assert shown(window) == ["Source · مسؤول أمريكي كبير"]
    assert "gold" in window.findChild(QLabel, "statusSummary").text()
    assert window.controller.writable
    window.article_view.select_range(0, 3)
    qtbot.keyClick(window.article_view, Qt.Key.Key_3)
    assert [s.label for s in TaggingService(project, annotator="rev", layer=GOLD).spans(DocumentId(1))] == ["CUE", "SOURCE"]
    assert shown(window)[0].startswith("Cue")


def test_an_annotators_layer_is_shown_read_only_to_a_reviewer(qtbot: QtBot, project: Project) -> None:
    layered_project(project)
    window = open_window(qtbot, project, "rev")
    qtbot.keyClick(window.article_view, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)  # own -> gold
    qtbot.keyClick(window.article_view, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)  # gold -> lina
    assert window.controller.layer == "lina"
    assert shown(window) == ["Cue · قال"]
    assert not window.controller.writable and window.banner.isVisible()
    before = span_count(project)
    window.article_view.select_range(4, 21)
    qtbot.keyClick(window.article_view, Qt.Key.Key_2)
    assert span_count(project) == before
    assert "read-only" in window.notice.text() and window.notice.isVisible()
    assert "lina" in window.banner.text()
    assert "read-only" in window.findChild(QLabel, "statusSummary").text()


def test_blind_mode_offers_an_annotator_only_their_own_layer(qtbot: QtBot, project: Project) -> None:
    layered_project(project)
    window = open_window(qtbot, project, "omar")
    layers = [a.objectName() for a in window.findChildren(QAction) if a.objectName().startswith("layer:")]
    assert layers == ["layer:omar"]
    assert shown(window) == []
