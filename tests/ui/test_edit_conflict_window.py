"""A reviewer edits a gold span that another reviewer changed meanwhile: the window says so and shows the current value."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel
from pytestqt.qtbot import QtBot

from annotator.app import make_application
from annotator.core.model import GOLD, DocumentId
from annotator.services.annotation.tagging import TaggingService
from annotator.services.team.identity import Role, grant_role, identify
from annotator.storage.project import Project
from annotator.ui.main_window import MainWindow
from tests.conftest import add_document

TEXT = "قال مسؤول أمريكي كبير إن الرئيس بعث برسالة إلى طهران."


def test_a_stale_attribute_edit_is_refused_and_the_editor_shows_the_current_value(qtbot: QtBot, project: Project) -> None:
    rana = identify(project, "rana", Role.REVIEWER)
    grant_role(project, rana, name="sami", role=Role.REVIEWER)
    add_document(project, TEXT)
    start = TEXT.index("الرئيس")
    span = TaggingService(project, annotator="rana", layer=GOLD).create_span(
        document_id=DocumentId(1), start=start, end=TEXT.index(" إلى"), label="CLAIM").span
    make_application()
    window = MainWindow(project, annotator="rana")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.layers.show(GOLD)
    window.select_span(span.id)
    TaggingService(project, annotator="sami", layer=GOLD).update_span(span.id, attributes={**span.attributes, "polarity": "deny"}, note="")
    certainty = window.tag_panel.attribute_editor.findChild(QComboBox, "attribute:certainty")
    certainty.setCurrentIndex(certainty.findData("possible"))
    stored = TaggingService(project, annotator="rana", layer=GOLD).spans(DocumentId(1))[0]
    assert stored.attributes == {"polarity": "deny", "certainty": "certain"}  # sami's edit stands, rana's was not written
    said = " ".join(label.text() for label in window.findChildren(QLabel))
    assert "changed by someone else meanwhile" in said
    polarity = window.tag_panel.attribute_editor.findChild(QComboBox, "attribute:polarity")
    assert polarity.currentData() == "deny"
