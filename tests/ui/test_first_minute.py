"""A first start: the welcome above the demo article, the article's outlet, date and address, label descriptions."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from annotator.app import make_application
from annotator.services.annotation.tagging import TaggingService
from annotator.services.io.demo import ensure_demo_project
from annotator.ui.main_window import MainWindow


def test_the_demo_tells_its_story_and_the_welcome_goes_after_the_first_tag(tmp_path: Path, qtbot: QtBot) -> None:
    make_application()
    with ensure_demo_project(tmp_path / "demo.db") as project:
        layers = {layer: TaggingService(project, annotator="rana", layer=layer) for layer in ("demo", "omar", "gold")}
        assert [s.text for s in layers["demo"].spans(1) if s.label == "CLAIM"] != [s.text for s in layers["omar"].spans(1) if s.label == "CLAIM"]
        assert layers["gold"].spans(1) == [] and len(layers["gold"].spans(3)) == 3
        assert "وفقًا" in [s.text for s in layers["demo"].spans(2)]  # the cue stops where the source begins

        window = MainWindow(project, annotator="demo", welcome=True)
        qtbot.addWidget(window)
        window.show()
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        assert window.welcome.isVisible() and "demo" in window.findChild(QLabel, "welcomeText").text()
        header = window.findChild(QLabel, "articleHeader")
        assert header.isVisible() and "example.org/news/2025/03/11/letter" in header.text() and "وكالة المثال" in header.text()
        assert "proposition" in window.findChild(type(window.label_actions[0]), "tag:CLAIM").toolTip()
        window.article_view.select_range(0, 3)
        qtbot.keyClick(window.article_view, Qt.Key.Key_3)
        assert not window.welcome.isVisible()


def test_a_first_edit_in_an_attribute_field_closes_the_welcome_and_keeps_the_keyboard_there(tmp_path: Path, qtbot: QtBot) -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QComboBox

    from annotator.ui.welcome import SEEN_KEY

    make_application()
    QSettings("annotator", "annotator").remove(SEEN_KEY)  # a first start (another test may have put it away)
    with ensure_demo_project(tmp_path / "demo.db") as project:
        window = MainWindow(project, annotator="demo", welcome=True)
        qtbot.addWidget(window)
        window.show()
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        assert window.welcome.isVisible()
        cue = next(span for span in window.controller.ordered_spans() if span.label == "CUE")
        window.select_span(cue.id)
        combo = window.findChild(QComboBox, "attribute:speech_act")
        combo.setFocus()
        qtbot.waitUntil(combo.hasFocus)
        qtbot.keyClick(combo, Qt.Key.Key_Down)
        assert not window.welcome.isVisible()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is window.findChild(QComboBox, "attribute:speech_act"), timeout=1000)
