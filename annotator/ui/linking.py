"""Linking spans with the keyboard: start a link from the selected span, pick its target, follow links and come back."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from annotator.core.errors import AnnotatorError
from annotator.core.model import DocumentId, RelationId, SpanId
from annotator.services.annotation.relations import RelationEnd, RelationView
from annotator.ui.article_view import LinkDrawing
from annotator.ui.commands import CreateRelationCommand, DeleteRelationCommand
from annotator.ui.target_picker import TargetPicker

if TYPE_CHECKING:
    from annotator.ui.main_window import MainWindow


class Linker(QObject):
    """Owns the link being made, the picker, and the way back after following a link."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.picker: TargetPicker | None = None
        self.history: list[tuple[DocumentId, SpanId | None]] = []
        self.selected_relation: RelationId | None = None
        scheme = window.project.scheme
        self.colors = {label.name: label.color for label in scheme.relation_labels}
        self.directed = {label.name: label.directed for label in scheme.relation_labels}

    def start(self, label: str) -> None:
        window = self.window
        origin = window.selected
        if origin is None:
            window.statusBar().showMessage(self.tr("Select a span first, then press the link's key."), 5000)
            return
        try:
            candidates = window.controller.link_candidates(label=label, from_span=origin.id)
        except AnnotatorError as error:
            window.statusBar().showMessage(str(error), 5000)
            return
        if not candidates:
            window.statusBar().showMessage(self.tr("Nothing in the project can be linked to this span by %1.").replace("%1", label), 5000)
            return
        self.cancel()
        prompt = self.tr("%1 from «%2»: pick the other end here, or click its highlight in the article. Escape cancels.")
        document_id = window.controller.document.id if window.controller.document else 0
        self.picker = TargetPicker(prompt.replace("%1", label).replace("%2", origin.text[:60]), candidates, document_id=document_id, parent=window)
        self.picker.picked.connect(lambda span_id, lb=label, origin_id=origin.id: self.finish(lb, origin_id, SpanId(span_id)))
        self.picker.finished.connect(self._picker_closed)
        self.picker.show()
        self.picker.raise_()
        self.picker.activateWindow()
        self.picker.search.setFocus()

    def offer_click(self, span_id: int) -> bool:
        """A click in the article while a picker is open."""
        return self.picker is not None and self.picker.offer(span_id)

    def cancel(self) -> None:
        if self.picker is not None:
            self.picker.reject()

    def _picker_closed(self) -> None:
        self.picker = None
        self.window.article_view.setFocus()

    def finish(self, label: str, from_span: SpanId, to_span: SpanId) -> None:
        window = self.window
        try:
            record = window.controller.create_relation(label=label, from_span=from_span, to_span=to_span)
        except AnnotatorError as error:
            window.statusBar().showMessage(str(error), 6000)
            return
        window.undo_stack.push(CreateRelationCommand(window.controller, record))
        self.select_relation(record.id)

    def delete_selected(self) -> bool:
        if self.selected_relation is None:
            return False
        try:
            record = self.window.controller.delete_relation(self.selected_relation)
        except AnnotatorError as error:
            self.window.statusBar().showMessage(str(error), 6000)
            return True
        self.window.undo_stack.push(DeleteRelationCommand(self.window.controller, record))
        self.selected_relation = None
        return True

    def select_relation(self, relation_id: RelationId | None) -> None:
        self.selected_relation = relation_id
        view = self.window.controller.relations.get(relation_id) if relation_id is not None else None
        self.window.tag_panel.select_relation(relation_id)
        if view is not None:
            self.window.show_relation(view)
        self.redraw()

    def follow(self) -> None:
        """Go to the other end of the selected link (or of the selected span's first link)."""
        window = self.window
        view = self._current_view()
        if view is None:
            window.statusBar().showMessage(self.tr("The selected span has no links."), 4000)
            return
        here = window.controller.document
        assert here is not None
        target = _other_end(view, window.selected.id if window.selected else None, here.id)
        self.history.append((here.id, window.selected.id if window.selected else None))
        self.go_to(target)

    def back(self) -> None:
        if not self.history:
            self.window.statusBar().showMessage(self.tr("Nothing to go back to."), 3000)
            return
        document_id, span_id = self.history.pop()
        self.window.controller.ensure_open(document_id)
        if span_id is not None:
            self.window.select_span(span_id, reveal=True)

    def go_to(self, end: RelationEnd) -> None:
        self.window.controller.ensure_open(end.document_id)
        self.window.select_span(end.span_id, reveal=True)
        self.window.article_view.setFocus()

    def _current_view(self) -> RelationView | None:
        relations = self.window.controller.relations
        if self.selected_relation in relations:
            return relations[self.selected_relation]
        selected = self.window.selected
        if selected is None:
            return None
        touching = [v for v in relations.values() if selected.id in (v.source.span_id, v.target.span_id)]
        elsewhere = [v for v in touching if v.source.document_id != v.target.document_id]
        return (elsewhere or touching or [None])[0]

    def redraw(self) -> None:
        window = self.window
        document = window.controller.document
        if document is None:
            return
        selected = window.selected.id if window.selected else None
        drawings: list[LinkDrawing] = []
        partners: list[tuple[int, int, str]] = []
        spans = window.controller.spans
        for view in window.controller.relations.values():
            ends = [spans.get(view.source.span_id), spans.get(view.target.span_id)]
            emphasized = view.relation.id == self.selected_relation or selected in (view.source.span_id, view.target.span_id)
            color = self.colors.get(view.relation.label, "#808080")
            present = [(s.start, s.end) for s in ends if s is not None]
            if not present:  # its span is being deleted; the relations are refreshed right after
                continue
            drawings.append(
                LinkDrawing(
                    start=present[0],
                    end=present[1] if len(present) == 2 else None,
                    color=color,
                    directed=self.directed.get(view.relation.label, True),
                    emphasized=emphasized,
                )
            )
            if emphasized:
                partners.extend((s.start, s.end, color) for s in ends if s is not None and s.id != selected)
        window.article_view.set_links(drawings, partners)
        window.tag_panel.set_relations(
            sorted(window.controller.relations.values(), key=lambda v: v.relation.id), directed=self.directed, document_id=document.id
        )


def _other_end(view: RelationView, span_id: SpanId | None, document_id: DocumentId) -> RelationEnd:
    if span_id == view.source.span_id:
        return view.target
    if span_id == view.target.span_id:
        return view.source
    return view.target if view.target.document_id != document_id else view.source
