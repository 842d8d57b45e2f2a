"""An article with no row in the document list (far down a long list, or opened from a search) is not shown as
another row's, and Ctrl+PgDown / Ctrl+PgUp step from it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from annotator.core.model import DocumentId
from annotator.storage.project import Project
from annotator.ui import document_list
from tests.conftest import add_document
from tests.ui.conftest import active_window


def test_stepping_from_an_article_the_list_shows_no_row_for(qtbot: QtBot, project: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(document_list, "PAGE", 5)  # pages of five rows, and no reach beyond those loaded
    monkeypatch.setattr(document_list, "REACH", 0)
    ids = [DocumentId(add_document(project, f"قال مسؤول في الخبر رقم {n}", title=f"خبر {n}")) for n in range(400)]
    window = active_window(qtbot, project, "salma")
    far = ids[350]
    assert window.document_list.documents().rowCount() < 350
    window.controller.ensure_open(far)
    assert window.controller.document.id == far
    assert not window.document_list.currentIndex().isValid()  # no other row stands for the open article
    status = window.status_label.text()
    assert "Document" not in status and "المقال" not in status and "of 400 done" in status, status
    qtbot.keyClick(window.article_view, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert window.controller.document.id == ids[351]
    qtbot.keyClick(window.article_view, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.article_view, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert window.controller.document.id == ids[349]
