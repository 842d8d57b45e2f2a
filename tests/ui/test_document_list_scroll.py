"""A new filter or order shows the list from its top unless the open document is in it (then its row); it kept the
scroll position of the list before, an arbitrary place in the new one. The list read again under the same filter (a
colleague wrote) stays where it was scrolled."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QComboBox
from pytestqt.qtbot import QtBot

from annotator.app import make_application
from annotator.core.model import DocumentId, DocumentStatus
from annotator.services.documents.progress import set_status
from annotator.storage.models import Document
from annotator.storage.project import Project
from annotator.ui.main_window import MainWindow


def _window(qtbot: QtBot, project: Project) -> MainWindow:
    make_application()
    with project.transaction() as session:
        for number in range(450):
            session.add(Document(uid=f"d{number}", sha256=f"{number:064d}", title=f"مقال {number}", text=f"نص {number}", meta={}))
    for number in range(300, 450):
        set_status(project, document_id=DocumentId(number + 1), annotator="lina", status=DocumentStatus.DONE)
    window = MainWindow(project, annotator="lina")
    qtbot.addWidget(window)
    window.resize(1280, 760)
    window.show()
    qtbot.waitExposed(window)
    assert window.controller.document.id == 1  # the first document is open: it is not done
    return window


def test_a_new_filter_shows_its_list_from_the_top(qtbot: QtBot, project: Project) -> None:
    window = _window(qtbot, project)
    bar = window.document_list.verticalScrollBar()
    bar.setValue(bar.maximum())
    QApplication.processEvents()
    assert bar.value() > 100
    status = window.findChild(QComboBox, "documentFilter")
    status.setCurrentIndex(status.findData("done"))  # the open document is not in this list
    QApplication.processEvents()
    model = window.document_list.documents()
    assert model.total == 150 and model.info(0).id == 301
    assert bar.maximum() > 0
    assert bar.value() == 0
    assert window.document_list.indexAt(window.document_list.viewport().rect().topLeft()).row() == 0


def test_the_same_filter_read_again_keeps_the_lists_place(qtbot: QtBot, project: Project) -> None:
    window = _window(qtbot, project)
    status = window.findChild(QComboBox, "documentFilter")
    status.setCurrentIndex(status.findData("done"))  # the open document is not in this list: nothing to scroll to
    QApplication.processEvents()
    bar = window.document_list.verticalScrollBar()
    bar.setValue(100)
    QApplication.processEvents()
    window.reload_documents()  # as when a colleague wrote on a shared server
    QApplication.processEvents()
    assert bar.value() == 100
