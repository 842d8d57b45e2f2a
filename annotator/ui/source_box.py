"""The selected SOURCE span's canonical source: linked (confirmed or suggested) or suggested by the registry from
its name. Ctrl+K confirms what is shown (adding a new canonical source when nothing matches), Ctrl+Shift+K rejects
it (a link is removed; a suggestion gives way to the next)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout, QWidget

from annotator.core.changes import Changes
from annotator.core.errors import AnnotatorError
from annotator.core.model import SpanId, SpanRecord
from annotator.services.corpus.registry import SourceRegistry, SourceSuggestion, guess_type
from annotator.ui.commands import OneOff
from annotator.ui.controller import Controller, Level
from annotator.ui.texts import isolate


class SourceBox(QGroupBox):
    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Canonical source"), parent)
        self.setObjectName("sourceBox")
        self.controller = controller
        self.registry = SourceRegistry(controller.project, controller.identity)
        self.source_label = controller.project.scheme.span_role("source")
        self.text = QLabel()
        self.text.setObjectName("sourceBoxText")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        self.span: SpanRecord | None = None
        self.linked: tuple[int, bool] | None = None
        self.suggestions: list[SourceSuggestion] = []
        self.passed: dict[SpanId, int] = {}  # suggestions rejected for a span, in this session
        self.confirm_action = self._action(self.tr("Confirm the canonical source"), "Ctrl+K", self.confirm, "confirmSource")
        self.reject_action = self._action(self.tr("Reject the canonical source"), "Ctrl+Shift+K", self.reject, "rejectSource")
        controller.changed.connect(self._on_changed)
        self.show_span(None)

    def _action(self, text: str, key: str, slot: object, name: str) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        action.setShortcut(QKeySequence(key))
        action.triggered.connect(lambda _checked=False: slot())  # type: ignore[operator]
        return action

    def actions_for_menu(self) -> list[QAction]:
        return [self.confirm_action, self.reject_action]

    def show_span(self, span: SpanRecord | None) -> None:
        self.span = span if span is not None and span.label == self.source_label else None
        self.setVisible(self.span is not None)
        if self.span is None:
            return
        try:
            self.linked = self.registry.link_of(self.span.id)
            self.suggestions = [] if self.linked else self.registry.suggest(self.span.text)
        except AnnotatorError as error:
            self.text.setText(str(error))
            return
        self._describe()

    def _current(self) -> SourceSuggestion | None:
        offset = self.passed.get(self.span.id, 0) if self.span else 0
        return self.suggestions[offset] if offset < len(self.suggestions) else None

    def _describe(self) -> None:
        assert self.span is not None
        if self.linked is not None:
            found = self.registry.entries(self.linked[0])  # this one source, not the whole registry
            name = isolate(found[0].name) if found else "?"
            if self.linked[1]:
                self.text.setText(self.tr("%1 (confirmed). Ctrl+Shift+K removes the link.").replace("%1", name))
            else:
                self.text.setText(self.tr("Suggested: %1. Ctrl+K confirms, Ctrl+Shift+K rejects.").replace("%1", name))
            return
        suggestion = self._current()
        if suggestion is not None:
            self.text.setText(
                self.tr("Suggested: %1 (%2). Ctrl+K confirms, Ctrl+Shift+K shows the next.")
                .replace("%1", isolate(suggestion.name)).replace("%2", isolate(f"{suggestion.score:.0f}"))
            )
        else:
            self.text.setText(self.tr("No canonical source matches. Ctrl+K adds %1 as a new one.").replace("%1", isolate(self.span.text)))

    def confirm(self) -> None:
        span = self.span
        if span is None:
            self.controller.message.emit(self.tr("Select a SOURCE span first."), Level.INFO)
            return
        registry = self.registry
        if self.linked is not None:
            action = lambda: registry.confirm(span.id)  # noqa: E731
        elif (suggestion := self._current()) is not None:
            action = lambda: registry.link(span.id, suggestion.source_id, confirmed=True)  # noqa: E731
        else:
            def action() -> Changes:
                added = registry.add(span.text, guess_type(span.text, span.attributes))
                return added | registry.link(span.id, next(iter(added.sources)), confirmed=True)
        self.controller.perform(OneOff(self.tr("Confirm the canonical source"), action, span.document_id))

    def reject(self) -> None:
        span = self.span
        if span is None:
            return
        if self.linked is not None:
            self.controller.perform(OneOff(self.tr("Reject the canonical source"), lambda: self.registry.reject(span.id), span.document_id))
            return
        self.passed[span.id] = self.passed.get(span.id, 0) + 1
        self._describe()

    def _on_changed(self, changes: Changes) -> None:
        if self.span is not None and (changes.sources or changes.corpus_links):
            self.show_span(self.controller.spans.get(self.span.id))
