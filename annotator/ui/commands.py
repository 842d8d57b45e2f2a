"""Typed undoable actions: each runs one service call and returns the Changes it made.

The controller runs `do()` and `revert()` itself, so that every error reaches the user and only what
succeeded is on the undo stack; `QUndoCommand.redo()`/`undo()` are therefore left empty.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from annotator.core.changes import Change, Changes
from annotator.core.cues import CueSuggestion, SourceSuggestion
from annotator.core.model import DocumentId, DocumentStatus, RelationId, SpanId, SpanRecord
from annotator.services.annotation.relations import RelationService
from annotator.services.annotation.suggestions import SuggestionService
from annotator.services.annotation.tagging import TaggingService
from annotator.services.corpus.keep import SavedLinks, links_of, restore_links
from annotator.services.documents import progress
from annotator.storage.project import Project
from annotator.ui.display import label_title
from annotator.ui.texts import isolate, short


class Command(QUndoCommand):
    """An action on one document (or none); `do()` runs it (again, on redo), `revert()` takes it back."""

    undoable = True

    def __init__(self, text: str, document_id: DocumentId | None = None) -> None:
        super().__init__(text)
        self.document_id = document_id

    def do(self) -> Changes:
        raise NotImplementedError

    def revert(self) -> Changes:
        raise NotImplementedError

    def redo(self) -> None:
        """Run by the controller through do(); the stack only keeps the history."""

    def undo(self) -> None:
        """Run by the controller through revert(); the stack only keeps the history."""


class OneOff(Command):
    """An action that is not undone with Ctrl+Z (an import, a merge, an identity switch)."""

    undoable = False

    def __init__(self, text: str, action: Callable[[], Changes], document_id: DocumentId | None = None) -> None:
        super().__init__(text, document_id)
        self._action = action

    def do(self) -> Changes:
        return self._action()


class _Creation(Command):
    """Creates something the first time; undo deletes it, redo puts the very same rows back."""

    def __init__(self, text: str, document_id: DocumentId) -> None:
        super().__init__(text, document_id)
        self._removed: Changes | None = None

    def create(self) -> Changes:
        raise NotImplementedError

    def delete(self) -> Changes:
        raise NotImplementedError

    def put_back(self, removed: Changes) -> Changes:
        raise NotImplementedError

    def do(self) -> Changes:
        return self.create() if self._removed is None else self.put_back(self._removed)

    def revert(self) -> Changes:
        self._removed = self.delete()
        return self._removed


class TagSpan(_Creation):
    def __init__(self, tagging: TaggingService, *, document_id: DocumentId, start: int, end: int, label: str, text: str) -> None:
        super().__init__(QCoreApplication.translate("commands", "Tag %1 «%2»").replace("%1", isolate(label_title(tagging.project.scheme, label))).replace("%2", short(text)), document_id)
        self.tagging = tagging
        self.where = (start, end, label)
        self.span: SpanRecord | None = None

    def create(self) -> Changes:
        start, end, label = self.where
        changes = self.tagging.create_span(document_id=self.document_id, start=start, end=end, label=label)
        self.span = changes.span_records(Change.ADDED)[0]
        return changes

    def delete(self) -> Changes:
        assert self.span is not None
        return self.tagging.delete_span(self.span.id)

    def put_back(self, removed: Changes) -> Changes:
        return self.tagging.restore(removed)


class AcceptSuggestion(TagSpan):
    def __init__(self, suggestions: SuggestionService, *, document_id: DocumentId, suggestion: CueSuggestion | SourceSuggestion) -> None:
        source = isinstance(suggestion, SourceSuggestion)
        label = (suggestions.source_label if source else suggestions.cue_label) or ""
        super().__init__(suggestions.tagging, document_id=document_id, start=suggestion.start, end=suggestion.end, label=label, text=suggestion.text)
        what = (QCoreApplication.translate("commands", "Accept source suggestion «%1»") if source
                else QCoreApplication.translate("commands", "Accept cue suggestion «%1»"))
        self.setText(what.replace("%1", isolate(short(suggestion.text))))
        self.suggestions = suggestions
        self.suggestion = suggestion

    def create(self) -> Changes:
        changes = self.suggestions.accept(self.document_id, self.suggestion)
        self.span = changes.span_records(Change.ADDED)[0]
        return changes


class DeleteSpan(Command):
    def __init__(self, tagging: TaggingService, span: SpanRecord) -> None:
        super().__init__(QCoreApplication.translate("commands", "Delete %1 «%2»").replace("%1", isolate(label_title(tagging.project.scheme, span.label))).replace("%2", short(span.text)), span.document_id)
        self.tagging = tagging
        self.span = span
        self._removed: Changes | None = None
        self._links = SavedLinks()

    def do(self) -> Changes:
        self._links = links_of(self.tagging.project, [self.span.id])  # the database drops them with the span
        self._removed = self.tagging.delete_span(self.span.id)
        return self._removed

    def revert(self) -> Changes:
        assert self._removed is not None
        restored = self.tagging.restore(self._removed)
        return restored | restore_links(self.tagging.project, self._links) if self._links else restored


class EditSpan(Command):
    """A span's attributes and note, from `before` to `after`."""

    def __init__(
        self, tagging: TaggingService, span: SpanRecord, *, before: tuple[dict[str, Any], str], after: tuple[dict[str, Any], str]
    ) -> None:
        super().__init__(QCoreApplication.translate("commands", "Edit %1 «%2»").replace("%1", isolate(label_title(tagging.project.scheme, span.label))).replace("%2", short(span.text)), span.document_id)
        self.tagging = tagging
        self.span_id = span.id
        self.before = before
        self.after = after

    def do(self) -> Changes:
        return self.tagging.update_span(self.span_id, attributes=self.after[0], note=self.after[1], expected=self.before)

    def revert(self) -> Changes:
        return self.tagging.update_span(self.span_id, attributes=self.before[0], note=self.before[1], expected=self.after)


class EditRelation(Command):
    def __init__(
        self,
        relations: RelationService,
        relation_id: RelationId,
        label: str,
        *,
        document_id: DocumentId,
        before: tuple[dict[str, Any], str],
        after: tuple[dict[str, Any], str],
    ) -> None:
        super().__init__(QCoreApplication.translate("commands", "Edit link %1").replace("%1", isolate(label_title(relations.project.scheme, label))), document_id)
        self.relations = relations
        self.relation_id = relation_id
        self.before = before
        self.after = after

    def do(self) -> Changes:
        return self.relations.update(self.relation_id, attributes=self.after[0], note=self.after[1], expected=self.before)

    def revert(self) -> Changes:
        return self.relations.update(self.relation_id, attributes=self.before[0], note=self.before[1], expected=self.after)


class Link(_Creation):
    def __init__(self, relations: RelationService, *, label: str, from_span: SpanRecord, to_span: SpanId) -> None:
        super().__init__(QCoreApplication.translate("commands", "Link %1 from «%2»").replace("%1", isolate(label_title(relations.project.scheme, label))).replace("%2", short(from_span.text)), from_span.document_id)
        self.relations = relations
        self.ends = (label, from_span.id, to_span)
        self.relation_id: RelationId | None = None

    def create(self) -> Changes:
        label, from_span, to_span = self.ends
        changes = self.relations.create(label=label, from_span=from_span, to_span=to_span)
        self.relation_id = changes.relation_records(Change.ADDED)[0].id
        return changes

    def delete(self) -> Changes:
        assert self.relation_id is not None
        return self.relations.delete(self.relation_id)

    def put_back(self, removed: Changes) -> Changes:
        return self.relations.restore(removed)


class Unlink(Command):
    def __init__(self, relations: RelationService, relation_id: RelationId, label: str, *, document_id: DocumentId) -> None:
        super().__init__(QCoreApplication.translate("commands", "Delete link %1").replace("%1", isolate(label_title(relations.project.scheme, label))), document_id)
        self.relations = relations
        self.relation_id = relation_id
        self._removed: Changes | None = None

    def do(self) -> Changes:
        self._removed = self.relations.delete(self.relation_id)
        return self._removed

    def revert(self) -> Changes:
        assert self._removed is not None
        return self.relations.restore(self._removed)


class DismissSuggestion(Command):
    def __init__(self, suggestions: SuggestionService, *, document_id: DocumentId, suggestion: CueSuggestion) -> None:
        super().__init__(QCoreApplication.translate("commands", "Dismiss cue suggestion «%1»").replace("%1", short(suggestion.text)), document_id)
        self.suggestions = suggestions
        self.where = (suggestion.start, suggestion.end)

    def do(self) -> Changes:
        return self.suggestions.dismiss(self.document_id, *self.where)

    def revert(self) -> Changes:
        return self.suggestions.undismiss(self.document_id, *self.where)


class SetStatus(Command):
    def __init__(self, project: Project, *, document_id: DocumentId, layer: str, status: DocumentStatus, title: str) -> None:
        text = QCoreApplication.translate("commands", "Mark «%1» done") if status == DocumentStatus.DONE else QCoreApplication.translate("commands", "Mark «%1» not done")
        super().__init__(text.replace("%1", short(title)), document_id)
        self.project = project
        self.layer = layer
        self.status = status
        self.previous: DocumentStatus | None = None

    def do(self) -> Changes:
        if self.previous is None:
            self.previous = progress.status_of(self.project, document_id=self.document_id, annotator=self.layer)
        return progress.set_status(self.project, document_id=self.document_id, annotator=self.layer, status=self.status)

    def revert(self) -> Changes:
        assert self.previous is not None
        return progress.set_status(self.project, document_id=self.document_id, annotator=self.layer, status=self.previous)
