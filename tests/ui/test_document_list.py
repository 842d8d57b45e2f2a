"""The document list loads a page at a time and filters in SQL."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from annotator.app import make_application
from annotator.core.model import DocumentId, DocumentStatus
from annotator.services.documents.progress import remember_document, set_status
from annotator.storage.models import Document
from annotator.storage.project import Project
from annotator.ui.main_window import MainWindow


def test_a_long_list_loads_in_pages_and_filters(qtbot: QtBot, project: Project) -> None:
    make_application()
    with project.transaction() as session:
        for number in range(450):
            session.add(Document(uid=f"d{number}", sha256=f"{number:064d}", title=f"مقال {number}", text=f"نص {number}", meta={}))
    set_status(project, document_id=DocumentId(420), annotator="lina", status=DocumentStatus.DONE)
    remember_document(project, annotator="lina", document_id=DocumentId(400))
    window = MainWindow(project, annotator="lina")
    qtbot.addWidget(window)
    model = window.document_list.documents()
    assert model.total == 450
    assert 200 <= model.rowCount() < 450  # the remembered document's page was loaded, not the whole list
    assert window.controller.document.id == 400
    assert "Document 400 of 450" in window.status_label.text() and "1 of 450 done" in window.status_label.text()
    status = window.findChild(QComboBox, "documentFilter")
    status.setCurrentIndex(status.findData("done"))
    assert model.total == 1 and model.info(0).id == 420


def test_a_reviewer_filters_by_who_tagged(qtbot: QtBot, project: Project) -> None:
    from annotator.services.team.identity import Role, identify
    from annotator.services.annotation.tagging import TaggingService
    from tests.conftest import add_document

    make_application()
    first, second = DocumentId(add_document(project, "قال مسؤول")), DocumentId(add_document(project, "نفت البعثة"))
    TaggingService(project, annotator="omar").create_span(document_id=second, start=0, end=3, label="CUE")
    identify(project, "rana", Role.REVIEWER)
    window = MainWindow(project, annotator="rana")
    qtbot.addWidget(window)
    tagged_by = window.findChild(QComboBox, "taggedByFilter")
    tagged_by.setCurrentIndex(tagged_by.findData("omar"))
    model = window.document_list.documents()
    assert model.total == 1 and model.info(0).id == second
    assert first != second


def test_far_down_a_long_list_the_open_document_is_not_worth_loading_every_page(qtbot: QtBot, project: Project, monkeypatch) -> None:  # noqa: ANN001
    from annotator.ui import document_list

    monkeypatch.setattr(document_list, "REACH", 100)
    make_application()
    with project.transaction() as session:
        for number in range(450):
            session.add(Document(uid=f"d{number}", sha256=f"{number:064d}", title=f"مقال {number}", text=f"نص {number}", meta={}))
    remember_document(project, annotator="lina", document_id=DocumentId(420))
    window = MainWindow(project, annotator="lina")
    qtbot.addWidget(window)
    model = window.document_list.documents()
    assert window.controller.document.id == 420  # the article is open …
    assert model.rowCount() == 200 and window.document_list.currentIndex().row() == -1  # … the list did not load 420 rows for it
    assert model.row_of(DocumentId(250)) == 249 and model.rowCount() == 400  # within reach, pages are loaded to show it
