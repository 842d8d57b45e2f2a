"""Cue suggestions in the window: faint until accepted (Enter) or dismissed (Backspace); never exported."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from annotator.services.io.datasets import export_dataset
from annotator.storage.models import DismissedSuggestion, Span
from annotator.storage.project import Project
from annotator.ui.main_window import MainWindow
from tests.ui.paint_probe import background_at
from tests.ui.conftest import FIRST

CTRL = Qt.KeyboardModifier.ControlModifier


def cues(project: Project) -> list[tuple[str, dict]]:
    with project.reading() as session:
        return [(s.text, s.attributes) for s in session.scalars(select(Span).where(Span.label == "CUE"))]


def test_suggestions_are_outlined_unlike_tags_and_the_current_one_is_shown(window: MainWindow, qtbot: QtBot) -> None:
    assert [(s.text, s.speech_act) for s in window.controller.suggestions] == [("قال", "assert")]
    view = window.article_view
    assert view.document().firstBlock().layout().formats() == []  # shaping untouched
    assert background_at(view, 1).name() == background_at(view, 6).name() == "#ffffff"  # no fill: an accepted tag has one
    qtbot.keyClick(window.article_view, Qt.Key.Key_F8)
    assert window.article_view.current_suggestion() == (0, 3)
    assert any(s.cursor.selectionStart() == 0 and s.cursor.selectionEnd() == 3 for s in window.article_view.extraSelections())


def test_f8_then_enter_accepts_and_undo_brings_the_suggestion_back(window: MainWindow, qtbot: QtBot, project: Project) -> None:
    view = window.article_view
    view.select_range(10, 10)
    qtbot.keyClick(view, Qt.Key.Key_F8)
    assert view.cursor_position() == FIRST.index("قال")
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert cues(project) == [("قال", {"speech_act": "assert"})]
    assert window.controller.suggestions == []
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)
    assert cues(project) == []
    assert [s.text for s in window.controller.suggestions] == ["قال"]


def test_backspace_dismisses_for_good_and_undo_restores(window: MainWindow, qtbot: QtBot, project: Project, tmp_path: Path) -> None:
    view = window.article_view
    qtbot.keyClick(view, Qt.Key.Key_F8)
    qtbot.keyClick(view, Qt.Key.Key_Backspace)
    assert window.controller.suggestions == []
    with project.reading() as session:
        assert [(d.start, d.end) for d in session.scalars(select(DismissedSuggestion))] == [(0, 3)]
    reopened = Project.open(project.path)
    try:
        fresh = MainWindow(reopened, annotator="salma")
        qtbot.addWidget(fresh)
        assert fresh.controller.suggestions == []
        other = MainWindow(reopened, annotator="someone-else")
        qtbot.addWidget(other)
        assert [s.text for s in other.controller.suggestions] == ["قال"]
    finally:
        reopened.close()
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)
    assert [s.text for s in window.controller.suggestions] == ["قال"]
    out = tmp_path / "out.jsonl"
    export_dataset(project, out, format="jsonl")
    assert all(record["spans"] == [] for record in map(json.loads, out.read_text(encoding="utf-8").splitlines()))
