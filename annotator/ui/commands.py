"""Undoable actions: each redo()/undo() calls one controller method, which commits at once."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from annotator.core.model import DocumentId, RelationRecord, SpanRecord
from annotator.services.annotation.tagging import SpanDeletion
from annotator.ui.controller import TaggingController


def _tr(text: str) -> str:
    return QCoreApplication.translate("commands", text)


class _DoneOnPush(QUndoCommand):
    """The action already ran (so its errors reached the user); the first redo() on push is skipped."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self._pushed = False

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True
            return
        self.apply()

    def apply(self) -> None:
        raise NotImplementedError


class CreateSpanCommand(_DoneOnPush):
    def __init__(self, controller: TaggingController, span: SpanRecord) -> None:
        super().__init__(_tr("Tag %1 “%2”").replace("%1", span.label).replace("%2", _short(span.text)))
        self.controller = controller
        self.span_id = span.id
        self.deletion: SpanDeletion | None = None

    def undo(self) -> None:
        self.deletion = self.controller.delete_span(self.span_id)

    def apply(self) -> None:
        assert self.deletion is not None
        self.controller.restore(self.deletion)


class DeleteSpanCommand(_DoneOnPush):
    def __init__(self, controller: TaggingController, deletion: SpanDeletion) -> None:
        span = deletion.span
        super().__init__(_tr("Delete %1 “%2”").replace("%1", span.label).replace("%2", _short(span.text)))
        self.controller = controller
        self.deletion = deletion

    def undo(self) -> None:
        self.controller.restore(self.deletion)

    def apply(self) -> None:
        self.deletion = self.controller.delete_span(self.deletion.span.id)


class EditAttributesCommand(_DoneOnPush):
    """Attributes and note of a span or a relation, from `before` to `after`."""

    def __init__(
        self,
        text: str,
        update: Callable[[dict[str, Any], str], object],
        *,
        before: tuple[dict[str, Any], str],
        after: tuple[dict[str, Any], str],
    ) -> None:
        super().__init__(text)
        self.update = update
        self.before = before
        self.after = after

    def undo(self) -> None:
        self.update(*self.before)

    def apply(self) -> None:
        self.update(*self.after)


class CreateRelationCommand(_DoneOnPush):
    def __init__(self, controller: TaggingController, record: RelationRecord) -> None:
        super().__init__(_tr("Link %1").replace("%1", record.label))
        self.controller = controller
        self.record = record

    def undo(self) -> None:
        self.record = self.controller.delete_relation(self.record.id)

    def apply(self) -> None:
        self.controller.restore_relation(self.record)


class DeleteRelationCommand(_DoneOnPush):
    def __init__(self, controller: TaggingController, record: RelationRecord) -> None:
        super().__init__(_tr("Delete link %1").replace("%1", record.label))
        self.controller = controller
        self.record = record

    def undo(self) -> None:
        self.controller.restore_relation(self.record)

    def apply(self) -> None:
        self.record = self.controller.delete_relation(self.record.id)


class DismissSuggestionCommand(_DoneOnPush):
    def __init__(self, controller: TaggingController, document_id: DocumentId, start: int, end: int, text: str) -> None:
        super().__init__(_tr("Dismiss suggestion “%1”").replace("%1", _short(text)))
        self.controller = controller
        self.where = (document_id, start, end)

    def undo(self) -> None:
        self.controller.dismiss_suggestion(*self.where, dismissed=False)

    def apply(self) -> None:
        self.controller.dismiss_suggestion(*self.where)


class FunctionCommand(_DoneOnPush):
    """An action already done, with the functions that undo and redo it."""

    def __init__(self, text: str, *, undo: Callable[[], object], redo: Callable[[], object]) -> None:
        super().__init__(text)
        self._undo = undo
        self._redo = redo

    def undo(self) -> None:
        self._undo()

    def apply(self) -> None:
        self._redo()


def _short(text: str, limit: int = 30) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
