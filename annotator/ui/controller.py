"""The one path for change: `perform(command)` runs it, reports any error, keeps the undo history, emits Changes.

The controller also holds what the window shows of the open document (its text, the spans and links of
the layer shown, the cue suggestions), and updates that from the Changes of every write before the
widgets hear of it, so no widget ever guesses what a write did.
"""

from __future__ import annotations

import traceback
from collections import deque
from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from annotator.core.changes import Change, Changes
from annotator.core.cues import CueSuggestion, SourceSuggestion
from annotator.core.errors import AnnotatorError, EditConflict, ProjectBusy
from annotator.core.model import DocumentId, DocumentInfo, RelationId, SpanId, SpanRecord
from annotator.services.annotation.relations import Candidate, RelationService, RelationView
from annotator.services.annotation.suggestions import SuggestionService
from annotator.services.annotation.tagging import TaggingService
from annotator.services.documents import progress, query
from annotator.services.team.identity import Identity, may_write
from annotator.storage.project import Project
from annotator.ui.commands import Command
from annotator.ui.texts import isolate, short
from annotator.ui.selection import Selection

RETRY_MS = 250
GIVE_UP_MS = 30_000


class Level:
    INFO = 0
    WARNING = 1
    ERROR = 2


class Controller(QObject):
    changed = Signal(object)  # Changes, after the controller's own view of the document is updated
    documentOpened = Signal()  # another document, or another layer of it, is shown
    message = Signal(str, int)  # text for the user, Level
    undone = Signal(object, object)  # Command, Changes: undo or redo moved through this command
    suggestionsReady = Signal()  # the open document's cue suggestions, found after it was first shown

    def __init__(self, project: Project, *, identity: Identity, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.identity = identity
        self.selection = Selection(self)
        self.undo_stack = QUndoStack(self)
        self.text = ""
        self.spans: dict[SpanId, SpanRecord] = {}
        self.relations: dict[RelationId, RelationView] = {}
        self._suggestions: list[CueSuggestion | SourceSuggestion] = []
        self._suggestions_stale = False
        self._jobs: deque[tuple[Callable[[], None], str]] = deque()
        self._waited_ms = 0
        self._retry = QTimer(self, singleShot=True, interval=RETRY_MS)
        self._retry.timeout.connect(self._drain)
        self.layer = identity.name
        self._services(identity.name)

    # The layer shown

    def _services(self, layer: str) -> None:
        self.layer = layer
        self.tagging = TaggingService(self.project, annotator=self.identity.name, layer=layer)
        self.relation_service = RelationService(self.project, annotator=self.identity.name, tagging=self.tagging)
        self.suggestion_service = SuggestionService(self.project, tagging=self.tagging)

    @property
    def writable(self) -> bool:
        return may_write(self.identity, self.layer) and not getattr(self.project, "read_only", False)

    def why_read_only(self) -> str:
        if getattr(self.project, "read_only", False):
            return QCoreApplication.translate("controller", "The project file is read-only: nothing can be changed.")
        return QCoreApplication.translate("controller", "You are looking at %1's layer, which you may not change. Show your own layer to tag.").replace("%1", isolate(self.layer))

    def show_layer(self, layer: str) -> None:
        """Show another layer (reading is checked against blind mode); the open document is reloaded."""
        previous = self.layer
        self._services(layer)
        try:
            if self.selection.document is not None:
                self.open_document(self.selection.document.id)
        except AnnotatorError:
            self._services(previous)
            raise

    # Reading

    @property
    def document(self) -> DocumentInfo | None:
        return self.selection.document

    def open_document(self, document_id: DocumentId) -> None:
        info = query.info(self.project, self.layer, document_id)
        if info is None:
            raise AnnotatorError(QCoreApplication.translate("controller", "no document with id %1").replace("%1", str(document_id)))
        text = progress.document_text(self.project, document_id)
        spans = self.tagging.spans(document_id)
        self.text = text
        self.spans = {span.id: span for span in spans}
        self.selection.set_document(info)
        self.relations = self._load_relations()
        # The article is shown first; its suggestions are found on the next turn of the event loop (or at once
        # when something asks for them), so opening a long article does not wait for the lexicon.
        self._suggestions, self._suggestions_stale = [], True
        QTimer.singleShot(0, self._deliver_suggestions)
        if self.layer == self.identity.name and not getattr(self.project, "read_only", False):
            try:
                progress.remember_document(self.project, annotator=self.identity.name, document_id=document_id)
            except AnnotatorError:
                pass  # where the user was is a convenience; a busy project must not stop them reading
        self.documentOpened.emit()

    @property
    def suggestions(self) -> list[CueSuggestion | SourceSuggestion]:
        if self._suggestions_stale:
            self._suggestions, self._suggestions_stale = self._load_suggestions(), False
        return self._suggestions

    @suggestions.setter
    def suggestions(self, found: list[CueSuggestion | SourceSuggestion]) -> None:
        self._suggestions, self._suggestions_stale = found, False

    @property
    def suggestions_pending(self) -> bool:
        return self._suggestions_stale

    def _deliver_suggestions(self) -> None:
        if self._suggestions_stale:
            self.suggestions  # noqa: B018 (finds them)
            self.suggestionsReady.emit()

    def open_document_if_present(self, document_id: DocumentId) -> bool:
        """Open the document if the project (still) has it; False, and nothing changed, when it does not."""
        if query.info(self.project, self.layer, document_id) is None:
            return False
        self.open_document(document_id)
        return True

    def ensure_open(self, document_id: DocumentId) -> None:
        if self.document is None or self.document.id != document_id:
            self.open_document(document_id)

    def ordered_spans(self) -> list[SpanRecord]:
        return sorted(self.spans.values(), key=lambda s: (s.start, -s.end, s.id))

    def link_candidates(self, *, label: str, from_span: SpanId) -> list[Candidate]:
        return self.relation_service.candidates(label=label, from_span=from_span)

    def _load_relations(self) -> dict[RelationId, RelationView]:
        if self.document is None:
            return {}
        return {view.relation.id: view for view in self.relation_service.for_document(self.document.id)}

    def _load_suggestions(self) -> list[CueSuggestion | SourceSuggestion]:
        if self.document is None or not self.writable:
            return []
        return self.suggestion_service.all_for_document(self.document.id, self.text, list(self.spans.values()))

    # Writing: every change goes through here

    def perform(self, command: Command, *, then: Callable[[Changes], None] | None = None) -> None:
        """Run the command (now, or once the project is free), keep it for undo if it succeeded, tell everyone."""

        def run() -> None:
            if getattr(self.project, "read_only", False):
                raise AnnotatorError(self.why_read_only())
            changes = command.do()
            if command.undoable:
                self.undo_stack.push(command)
            self._apply(changes)
            if then is not None:
                then(changes)

        self._enqueue(run, command.text())

    def undo(self) -> None:
        def run() -> None:
            index = self.undo_stack.index()
            if index == 0:
                self.message.emit(QCoreApplication.translate("controller", "Nothing to undo."), Level.INFO)
                return
            command = self.undo_stack.command(index - 1)
            self._follow(command)
            changes = command.revert()  # type: ignore[attr-defined]
            self.undo_stack.setIndex(index - 1)
            self._apply(changes)
            self.undone.emit(command, changes)
            self.message.emit(self._where(QCoreApplication.translate("controller", "Undone: %1"), command), Level.INFO)

        self._enqueue(run, QCoreApplication.translate("controller", "undo"))

    def redo(self) -> None:
        def run() -> None:
            index = self.undo_stack.index()
            if index == self.undo_stack.count():
                self.message.emit(QCoreApplication.translate("controller", "Nothing to redo."), Level.INFO)
                return
            command = self.undo_stack.command(index)
            self._follow(command)
            changes = command.do()  # type: ignore[attr-defined]
            self.undo_stack.setIndex(index + 1)
            self._apply(changes)
            self.undone.emit(command, changes)
            self.message.emit(self._where(QCoreApplication.translate("controller", "Redone: %1"), command), Level.INFO)

        self._enqueue(run, QCoreApplication.translate("controller", "redo"))

    @property
    def busy(self) -> bool:
        """Actions are waiting for the project to be free."""
        return bool(self._jobs)

    def _follow(self, command: object) -> None:
        document_id = getattr(command, "document_id", None)
        if document_id is not None:
            self.ensure_open(document_id)

    def _where(self, template: str, command: object) -> str:
        text = template.replace("%1", command.text())  # type: ignore[attr-defined]
        if self.document is not None and getattr(command, "document_id", None) == self.document.id:
            text += " — " + isolate(short(self.document.title, 40))
        return text

    def _enqueue(self, job: Callable[[], None], what: str) -> None:
        self._jobs.append((job, what))
        if not self._retry.isActive() and len(self._jobs) == 1:
            self._drain()

    def _drain(self) -> None:
        while self._jobs:
            job, what = self._jobs[0]
            try:
                job()
            except ProjectBusy as busy:
                self._waited_ms += RETRY_MS
                if self._waited_ms < GIVE_UP_MS:
                    self.message.emit(
                        QCoreApplication.translate("controller", "The project is busy (another program is writing to it): %1 will be done as soon as it is free.")
                        .replace("%1", isolate(what)),
                        Level.WARNING,
                    )
                    self._retry.start()
                    return
                self._jobs.popleft()
                self._waited_ms = 0
                self.message.emit(QCoreApplication.translate("controller", "Not done: %1. %2").replace("%1", isolate(what)).replace("%2", str(busy)), Level.ERROR)
            except AnnotatorError as error:
                self._jobs.popleft()
                self._waited_ms = 0
                if isinstance(error, EditConflict) and isinstance(error.current, Changes):
                    self._apply(error.current)  # show what the row holds now
                self.message.emit(QCoreApplication.translate("controller", "Not done: %1. %2").replace("%1", isolate(what)).replace("%2", str(error)), Level.ERROR)
            except Exception as error:  # noqa: BLE001 - a fault we did not foresee still reaches the user, and is logged
                self._jobs.popleft()
                self._waited_ms = 0
                traceback.print_exc()
                self.message.emit(
                    QCoreApplication.translate("controller", "Not done: %1. Unexpected error (nothing of it was saved): %2").replace("%1", isolate(what)).replace("%2", repr(error)),
                    Level.ERROR,
                )
            else:
                self._jobs.popleft()
                if self._waited_ms:
                    self.message.emit(QCoreApplication.translate("controller", "Done once the project was free: %1").replace("%1", isolate(what)), Level.INFO)
                self._waited_ms = 0

    def _apply(self, changes: Changes) -> None:
        """Bring the controller's view of the open document in line with what was written, then tell the widgets."""
        document = self.document
        if document is not None:
            if changes.bulk and (self.layer in changes.layers or document.id in changes.documents_removed):
                self.open_document(document.id)
            else:
                for change in changes.spans:
                    span = change.span
                    if span.document_id != document.id or span.annotator != self.layer:
                        continue
                    if change.kind == Change.REMOVED:
                        self.spans.pop(span.id, None)
                    else:
                        self.spans[span.id] = span
                if self.selection.span is not None:
                    current = self.spans.get(self.selection.span.id)
                    if current is not self.selection.span:
                        self.selection.span = current
                for state in changes.states:
                    if state.document_id == document.id and state.layer == self.layer:
                        self.selection.update_document(replace(document, status=state.status))
                if changes.relations_touch(document.id):
                    self.relations = self._load_relations()
                    if self.selection.relation not in self.relations:
                        self.selection.relation = None
                suggested = {self.suggestion_service.cue_label, self.suggestion_service.source_label}
                if document.id in changes.suggestions or any(
                    c.span.document_id == document.id and c.span.label in suggested and c.span.annotator == self.layer
                    for c in changes.spans
                ):
                    self.suggestions = self._load_suggestions()
        for note in changes.notes:
            self.message.emit(note, Level.INFO)
        self.changed.emit(changes)
