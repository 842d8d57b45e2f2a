"""Cue suggestions in the article: F8 / Shift+F8 move between them, Enter accepts one as a CUE, Backspace dismisses it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence

from annotator.core.cues import CueSuggestion
from annotator.core.errors import AnnotatorError
from annotator.ui.commands import CreateSpanCommand, DismissSuggestionCommand

if TYPE_CHECKING:
    from annotator.ui.main_window import MainWindow


class SuggestionActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        view = window.article_view
        self.accept_action = self._action(self.tr("&Accept cue suggestion"), ["Return", "Enter"], self.accept, "acceptSuggestion")
        self.dismiss_action = self._action(self.tr("&Dismiss cue suggestion"), ["Backspace"], self.dismiss, "dismissSuggestion")
        self.next_action = self._action(self.tr("&Next cue suggestion"), ["F8"], lambda: self.step(1), "nextSuggestion")
        self.previous_action = self._action(self.tr("&Previous cue suggestion"), ["Shift+F8"], lambda: self.step(-1), "previousSuggestion")
        self.show_action = QAction(self.tr("&Show cue suggestions"), window)
        self.show_action.setCheckable(True)
        self.show_action.setChecked(True)
        self.show_action.toggled.connect(lambda _on: self.redraw())
        window.controller.suggestionsChanged.connect(self.redraw)
        for action in self.actions():
            view.addAction(action)

    def actions(self) -> list[QAction]:
        return [self.next_action, self.previous_action, self.accept_action, self.dismiss_action]

    def _action(self, text: str, keys: list[str], slot: object, name: str) -> QAction:
        action = QAction(text, self.window)
        action.setObjectName(name)
        action.setShortcuts([QKeySequence(key) for key in keys])
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.triggered.connect(lambda _checked=False: slot())  # type: ignore[operator]
        return action

    def visible(self) -> list[CueSuggestion]:
        return self.window.controller.suggestions if self.show_action.isChecked() else []

    def redraw(self) -> None:
        self.window.article_view.set_suggestions([(s.start, s.end) for s in self.visible()])

    def current(self) -> CueSuggestion | None:
        start, _end = self.window.article_view.selection()
        return next((s for s in self.visible() if s.start <= start < s.end), None)

    def step(self, delta: int) -> None:
        suggestions = self.visible()
        if not suggestions:
            self.window.statusBar().showMessage(self.tr("No cue suggestions in this document."), 4000)
            return
        caret = self.window.article_view.cursor_position()
        if delta > 0:
            target = next((s for s in suggestions if s.start > caret), suggestions[0])
        else:
            target = next((s for s in reversed(suggestions) if s.start < caret), suggestions[-1])
        self.window.article_view.select_range(target.start, target.start)
        self.window.article_view.ensureCursorVisible()
        self.window.statusBar().showMessage(
            self.tr("Cue suggestion «%1» (%2): Enter accepts, Backspace dismisses.")
            .replace("%1", target.text)
            .replace("%2", target.speech_act or "—"),
            6000,
        )

    def accept(self) -> None:
        suggestion = self.current()
        if suggestion is None:
            self.window.statusBar().showMessage(self.tr("Put the caret on a suggestion first (F8)."), 4000)
            return
        try:
            span = self.window.controller.accept_suggestion(suggestion)
        except AnnotatorError as error:
            self.window.statusBar().showMessage(str(error), 6000)
            return
        self.window.undo_stack.push(CreateSpanCommand(self.window.controller, span))
        self.window.select_span(span.id)
        self.step(1)

    def dismiss(self) -> None:
        suggestion = self.current()
        document = self.window.controller.document
        if suggestion is None or document is None:
            self.window.statusBar().showMessage(self.tr("Put the caret on a suggestion first (F8)."), 4000)
            return
        self.window.controller.dismiss_suggestion(document.id, suggestion.start, suggestion.end)
        self.window.undo_stack.push(
            DismissSuggestionCommand(self.window.controller, document.id, suggestion.start, suggestion.end, suggestion.text)
        )
        self.step(1)
