"""Cue suggestions in the window: faint until accepted (Enter) or dismissed (Backspace); never exported."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from annotator.core.cues import CueSuggestion, SourceSuggestion
from annotator.services.io.datasets import export_dataset
from annotator.storage.models import DismissedSuggestion, Span
from annotator.storage.project import Project
from annotator.ui.main_window import MainWindow
from tests.ui.paint_probe import background_at
from tests.ui.conftest import FIRST

CTRL = Qt.KeyboardModifier.ControlModifier


def cue_suggestions(window: MainWindow) -> list[CueSuggestion]:
    """The cue suggestions among the window's (the source each cue introduces is suggested too)."""
    return [s for s in window.controller.suggestions if isinstance(s, CueSuggestion)]


def cues(project: Project) -> list[tuple[str, dict]]:
    with project.reading() as session:
        return [(s.text, s.attributes) for s in session.scalars(select(Span).where(Span.label == "CUE"))]


def test_suggestions_are_outlined_unlike_tags_and_the_current_one_is_shown(window: MainWindow, qtbot: QtBot) -> None:
    assert [(s.text, s.speech_act) for s in cue_suggestions(window)] == [("قال", "assert")]
    view = window.article_view
    assert view.document().firstBlock().layout().formats() == []  # shaping untouched
    assert background_at(view, 1).name() == background_at(view, 6).name() == "#ffffff"  # no fill: an accepted tag has one
    view.select_range(30, 30)
    qtbot.keyClick(window.article_view, Qt.Key.Key_F8)  # past the last suggestion: round to the first, the cue
    assert window.article_view.current_suggestion() == (0, 3)
    assert any(s.cursor.selectionStart() == 0 and s.cursor.selectionEnd() == 3 for s in window.article_view.extraSelections())


def test_f8_then_enter_accepts_and_undo_brings_the_suggestion_back(window: MainWindow, qtbot: QtBot, project: Project) -> None:
    view = window.article_view
    view.select_range(10, 10)
    qtbot.keyClick(view, Qt.Key.Key_F8)
    assert view.cursor_position() == FIRST.index("قال")
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert cues(project) == [("قال", {"speech_act": "assert"})]
    assert cue_suggestions(window) == []
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)
    assert cues(project) == []
    assert [s.text for s in cue_suggestions(window)] == ["قال"]


def test_backspace_dismisses_for_good_and_undo_restores(window: MainWindow, qtbot: QtBot, project: Project, tmp_path: Path) -> None:
    view = window.article_view
    view.select_range(10, 10)
    qtbot.keyClick(view, Qt.Key.Key_F8)  # past the last suggestion: round to the first, the cue
    qtbot.keyClick(view, Qt.Key.Key_Backspace)
    assert cue_suggestions(window) == []
    with project.reading() as session:
        assert [(d.start, d.end) for d in session.scalars(select(DismissedSuggestion))] == [(0, 3)]
    reopened = Project.open(project.path)
    try:
        fresh = MainWindow(reopened, annotator="salma")
        qtbot.addWidget(fresh)
        assert cue_suggestions(fresh) == []
        other = MainWindow(reopened, annotator="someone-else")
        qtbot.addWidget(other)
        assert [s.text for s in cue_suggestions(other)] == ["قال"]
    finally:
        reopened.close()
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)
    assert [s.text for s in cue_suggestions(window)] == ["قال"]
    out = tmp_path / "out.jsonl"
    export_dataset(project, out, format="jsonl")
    assert all(record["spans"] == [] for record in map(json.loads, out.read_text(encoding="utf-8").splitlines()))


def test_the_source_a_cue_introduces_is_suggested_and_enter_tags_it_as_source(window: MainWindow, qtbot: QtBot, project: Project) -> None:
    sources = [s for s in window.controller.suggestions if isinstance(s, SourceSuggestion)]
    assert [(s.text, s.label) for s in sources] == [("مسؤول أمريكي كبير", "SOURCE")]
    view = window.article_view
    view.select_range(0, 0)
    qtbot.keyClick(view, Qt.Key.Key_F8)  # the next suggestion after the caret: the source
    assert view.current_suggestion() == (sources[0].start, sources[0].end)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    with project.reading() as session:
        assert [(s.label, s.text) for s in session.scalars(select(Span))] == [("SOURCE", "مسؤول أمريكي كبير")]
    assert not any(isinstance(s, SourceSuggestion) for s in window.controller.suggestions)
