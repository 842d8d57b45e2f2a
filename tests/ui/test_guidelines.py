"""The guidelines pane: the shipped guidelines until a reviewer writes the project's own, rendered as safe text."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QTextDocument
from pytestqt.qtbot import QtBot

from annotator.core.errors import InputError
from annotator.services.team.guidelines import GUIDELINES_KEY, MAX_GUIDELINES, guidelines, set_guidelines
from annotator.services.team.identity import AccessError, Role, identify
from annotator.storage.project import Project
from annotator.ui.main_window import MainWindow
from tests.conftest import add_document
from tests.ui.conftest import FIRST, active_window, without_isolates

UNSAFE = "# Ours\n\n**Sources** leave out the preposition.\n\n<b>raw</b><script>alert(1)</script>\n\n![tracker](http://example.com/t.png)\n"


def open_window(qtbot: QtBot, project: Project, name: str) -> MainWindow:
    add_document(project, FIRST, title="الرسالة")
    return active_window(qtbot, project, name)


def test_f1_shows_the_default_guidelines_and_a_reviewer_replaces_them(qtbot: QtBot, project: Project) -> None:
    identify(project, "rana", Role.REVIEWER)
    window = open_window(qtbot, project, "rana")
    pane = window.guidelines
    assert not pane.isVisible()
    qtbot.keyClick(window.article_view, Qt.Key.Key_F1)
    assert pane.isVisible()
    assert "Tagging guidelines" in pane.browser.toPlainText()
    assert "not «لأشخاص مطلعين»" in without_isolates(pane.browser.toPlainText())
    assert pane.edit_button.isVisible()
    qtbot.mouseClick(pane.edit_button, Qt.MouseButton.LeftButton)
    pane.editor.setPlainText(UNSAFE)
    qtbot.mouseClick(pane.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: project.setting(GUIDELINES_KEY) == UNSAFE.strip())
    shown = pane.browser.toPlainText()
    assert "Ours" in shown and "Sources leave out the preposition." in shown
    assert "<b>raw</b><script>alert(1)</script>" in shown  # raw HTML is shown as the text it is, never interpreted
    assert pane.browser.loadResource(int(QTextDocument.ResourceType.ImageResource), QUrl("http://example.com/t.png")) is None
    assert pane.origin.text() == "The project's guidelines"


def test_an_annotator_reads_the_guidelines_but_cannot_change_them(qtbot: QtBot, project: Project) -> None:
    window = open_window(qtbot, project, "lina")
    window.guidelines.toggle()
    assert window.guidelines.isVisible() and not window.guidelines.edit_button.isVisible()
    with pytest.raises(AccessError, match="only a reviewer"):
        set_guidelines(project, identify(project, "lina"), "# mine")
    assert project.setting(GUIDELINES_KEY) is None


def test_the_guidelines_follow_the_interface_language_until_the_project_has_its_own(project: Project) -> None:
    assert guidelines(project, "ar").markdown.startswith("# إرشادات الوسم")
    assert guidelines(project, "en").markdown.startswith("# Tagging guidelines")
    reviewer = identify(project, "rana", Role.REVIEWER)
    with pytest.raises(InputError, match="at most"):
        set_guidelines(project, reviewer, "x" * (MAX_GUIDELINES + 1))
    set_guidelines(project, reviewer, "# دليلنا")
    assert guidelines(project, "en").markdown == "# دليلنا" and guidelines(project, "en").from_project
    set_guidelines(project, reviewer, "  ")
    assert not guidelines(project, "ar").from_project
