"""Team work in the window: identities, merging files, assignments, who finished what, blind mode."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from annotator.app import make_application
from annotator.cli import main
from annotator.core.model import DocumentId, DocumentStatus
from annotator.services.documents import progress as documents
from annotator.services.team.identity import Role, blind_mode, identify
from annotator.services.annotation.tagging import TaggingService
from annotator.storage.project import Project
from annotator.ui.main_window import MainWindow
from tests.conftest import add_document

FIRST = "قال مسؤول كبير إن الرسالة وصلت."
SECOND = "نفت البعثة أن تكون تلقت رسالة."


def window_for(qtbot: QtBot, project: Project, name: str) -> MainWindow:
    make_application()
    window = MainWindow(project, annotator=name)
    qtbot.addWidget(window)
    return window


def test_assignment_limits_the_list_and_finished_documents_show_who(qtbot: QtBot, project: Project, capsys) -> None:  # noqa: ANN001
    add_document(project, FIRST, uid="first")
    add_document(project, SECOND, uid="second")
    identify(project, "rana", Role.REVIEWER)
    project.close()
    assert main(["assign", str(project.path), "--reviewer", "rana", "--to", "omar", "second"]) == 0
    assert "assigned 1 document(s) to omar" in capsys.readouterr().out
    assert main(["assign", str(project.path), "--reviewer", "omar", "--to", "lina", "all"]) == 1
    assert "only a reviewer may assign" in capsys.readouterr().err
    reopened = Project.open(project.path)
    try:
        documents.set_status(reopened, document_id=DocumentId(2), annotator="lina", status=DocumentStatus.DONE)
        omar = window_for(qtbot, reopened, "omar")
        assert omar.document_list.documents().rowCount() == 1
        assert omar.document_list.documents().info(0).uid == "second"
        omar.toggle_done()  # Ctrl+Enter; the key itself is tested with the tagging window
        shown = omar.document_list.documents().data(omar.document_list.documents().index(0))
        assert shown.endswith("✓ lina, omar")
        everyone = window_for(qtbot, reopened, "huda")
        assert everyone.document_list.documents().rowCount() == 2
    finally:
        reopened.close()


def test_merge_from_the_window(qtbot: QtBot, project: Project, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    colleague = tmp_path / "lina.db"
    with Project.create(colleague) as theirs:
        doc = DocumentId(add_document(theirs, FIRST))
        TaggingService(theirs, annotator="lina").create_span(document_id=doc, start=0, end=3, label="CUE")
    window = window_for(qtbot, project, "rana")
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: shown.append(text))
    window.team.merge_files([colleague])
    assert shown == ["Merged 1 new document(s), 1 span(s), 0 relation(s)."]
    assert window.document_list.documents().rowCount() == 1


def test_switching_identity_reopens_the_window_with_the_new_role(qtbot: QtBot, project: Project) -> None:
    add_document(project, FIRST)
    window = window_for(qtbot, project, "lina")
    assert not window.findChild(QAction, "blindMode").isEnabled()
    window.team.apply_identity("rana", Role.REVIEWER)
    replacement = window.replacement
    qtbot.addWidget(replacement)
    assert replacement.identity.name == "rana" and replacement.identity.is_reviewer
    assert "(reviewer)" in replacement.status_label.text()
    blind = replacement.findChild(QAction, "blindMode")
    assert blind.isEnabled() and blind.isChecked()
    blind.setChecked(False)
    assert blind_mode(project) is False
