"""Cue suggestions in the article: F8 / Shift+F8 move between them, Enter accepts one as a CUE, Backspace dismisses it."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence

from annotator.core.changes import Changes
from annotator.core.cues import CueSuggestion, SourceSuggestion
from annotator.ui.article_view import ArticleView
from annotator.ui.commands import AcceptSuggestion, DismissSuggestion
from annotator.ui.display import value_title
from annotator.ui.texts import isolate
from annotator.ui.controller import Controller, Level


class SuggestionActions(QObject):
    def __init__(self, controller: Controller, article_view: ArticleView) -> None:
        super().__init__(article_view)
        self.controller = controller
        self.view = article_view
        self.accept_action = self._action(self.tr("&Accept cue suggestion"), ["Return", "Enter"], self.accept, "acceptSuggestion")
        self.dismiss_action = self._action(self.tr("&Dismiss cue suggestion"), ["Backspace"], self.dismiss, "dismissSuggestion")
        self.next_action = self._action(self.tr("&Next cue suggestion"), ["F8"], lambda: self.step(1), "nextSuggestion")
        self.previous_action = self._action(self.tr("&Previous cue suggestion"), ["Shift+F8"], lambda: self.step(-1), "previousSuggestion")
        self.show_action = QAction(self.tr("&Show cue suggestions"), article_view)
        self.show_action.setObjectName("showSuggestions")
        self.show_action.setCheckable(True)
        self.show_action.setChecked(True)
        self.show_action.toggled.connect(lambda _on: self.redraw())
        for action in self.actions():
            article_view.addAction(action)

    def actions(self) -> list[QAction]:
        return [self.next_action, self.previous_action, self.accept_action, self.dismiss_action]

    def _action(self, text: str, keys: list[str], slot: object, name: str) -> QAction:
        action = QAction(text, self.view)
        action.setObjectName(name)
        action.setShortcuts([QKeySequence(key) for key in keys])
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.triggered.connect(lambda _checked=False: slot())  # type: ignore[operator]
        return action

    def visible(self) -> list[CueSuggestion | SourceSuggestion]:
        return self.controller.suggestions if self.show_action.isChecked() else []

    def _speech_act(self, value: str | None) -> str:
        """The suggested speech act by its display name in the scheme's cue attribute, when it has one."""
        if not value:
            return "—"
        service = self.controller.suggestion_service
        scheme = service.project.scheme
        cue = service.cue_label
        attributes = scheme.span_label(cue).attributes if cue else ()
        for attribute in attributes:
            if value in attribute.values:
                return value_title(attribute, value)
        return value

    def redraw(self) -> None:
        visible = self.visible()
        self.view.set_suggestions([(s.start, s.end) for s in visible])
        if self.view.current_suggestion() not in {(s.start, s.end) for s in visible}:
            self.view.set_current_suggestion(None)

    def current(self) -> CueSuggestion | SourceSuggestion | None:
        start, _end = self.view.selection()
        return next((s for s in self.visible() if s.start <= start < s.end), None)

    def _say(self, text: str) -> None:
        self.controller.message.emit(text, Level.INFO)

    def step(self, delta: int) -> None:
        suggestions = self.visible()
        if not suggestions:
            self._say(self.tr("No cue suggestions in this document."))
            return
        caret = self.view.cursor_position()
        if delta > 0:
            target = next((s for s in suggestions if s.start > caret), suggestions[0])
        else:
            target = next((s for s in reversed(suggestions) if s.start < caret), suggestions[-1])
        self.view.select_range(target.start, target.start)
        self.view.ensureCursorVisible()
        self.view.set_current_suggestion((target.start, target.end))
        if isinstance(target, SourceSuggestion):
            self._say(self.tr("Source suggestion «%1»: Enter accepts, Backspace dismisses.").replace("%1", isolate(target.text)))
            return
        self._say(
            self.tr("Cue suggestion «%1» (%2): Enter accepts, Backspace dismisses.")
            .replace("%1", isolate(target.text))
            .replace("%2", isolate(self._speech_act(target.speech_act)))
        )

    def accept(self) -> None:
        suggestion = self.current()
        document = self.controller.document
        if suggestion is None or document is None:
            self._say(self.tr("Put the caret on a suggestion first (F8)."))
            return
        command = AcceptSuggestion(self.controller.suggestion_service, document_id=document.id, suggestion=suggestion)

        def accepted(_changes: Changes) -> None:
            if command.span is not None:
                self.controller.selection.set_span(self.controller.spans.get(command.span.id))
            self.step(1)

        self.controller.perform(command, then=accepted)

    def dismiss(self) -> None:
        suggestion = self.current()
        document = self.controller.document
        if suggestion is None or document is None:
            self._say(self.tr("Put the caret on a suggestion first (F8)."))
            return
        command = DismissSuggestion(self.controller.suggestion_service, document_id=document.id, suggestion=suggestion)
        self.controller.perform(command, then=lambda _changes: self.step(1))
