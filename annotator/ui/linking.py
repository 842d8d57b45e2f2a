"""Linking spans with the keyboard: start a link from the selected span, pick its target, follow links and come back."""

from __future__ import annotations

from PySide6.QtCore import QObject, QPoint, QRect

from annotator.core.errors import AnnotatorError
from annotator.core.model import DocumentId, RelationId, SpanId, SpanRecord
from annotator.core.scheme import Scheme
from annotator.services.corpus.claims import similar_claims
from annotator.services.annotation.relations import Candidate, RelationEnd, RelationView
from annotator.ui.display import label_title
from annotator.ui.article_view import ArticleView
from annotator.ui.link_routes import LinkDrawing
from annotator.ui.commands import Link, Unlink
from annotator.ui.texts import isolate, short
from annotator.ui.controller import Controller, Level
from annotator.ui.tag_panel import TagPanel
from annotator.ui.target_picker import PICKER_MIN_WIDTH, TargetPicker


class Linker(QObject):
    """Owns the link being made, the picker, and the way back after following a link."""

    def __init__(self, controller: Controller, scheme: Scheme, article_view: ArticleView, tag_panel: TagPanel) -> None:
        super().__init__(article_view)
        self.controller = controller
        self.selection = controller.selection
        self.view = article_view
        self.tag_panel = tag_panel
        self.scheme = scheme
        self.picker: TargetPicker | None = None
        self.history: list[tuple[DocumentId, SpanId | None]] = []
        controller.documentOpened.connect(self.cancel)  # a picker for another article's span would be stale
        self.colors = {label.name: label.color for label in scheme.relation_labels}
        self.directed = {label.name: label.directed for label in scheme.relation_labels}

    def _say(self, text: str) -> None:
        self.controller.message.emit(text, Level.INFO)

    def start(self, label: str) -> None:
        origin = self.selection.span
        if origin is None:
            self._say(self.tr("Select a span first, then press the link's key."))
            return
        if not self.controller.writable:
            self.controller.message.emit(self.controller.why_read_only(), Level.WARNING)
            return
        try:
            candidates = self.controller.link_candidates(label=label, from_span=origin.id)
        except AnnotatorError as error:
            self.controller.message.emit(str(error), Level.WARNING)
            return
        candidates = self._most_similar_first(label, origin, candidates)
        if not candidates:
            self._say(self.tr("Nothing in the project can be linked to this span by %1.").replace("%1", isolate(label_title(self.scheme, label))))
            return
        self.cancel()
        prompt = self.tr("%1 from «%2»: pick the other end here, or click its highlight in the article. Escape cancels.")
        document_id = origin.document_id
        self.picker = TargetPicker(
            prompt.replace("%1", isolate(label_title(self.scheme, label))).replace("%2", isolate(origin.text[:60])),
            candidates,
            document_id=document_id,
            scheme=self.scheme,
            parent=self.view.window(),
        )
        self.picker.picked.connect(lambda span_id, lb=label, start=origin: self.finish(lb, start, SpanId(span_id)))
        self.picker.finished.connect(self._picker_closed)
        self._place_beside_article(self.picker)
        self.picker.show()
        self.picker.raise_()
        self.picker.activateWindow()
        self.picker.search.setFocus()

    def _most_similar_first(self, label: str, origin: SpanRecord, candidates: list[Candidate]) -> list[Candidate]:
        """Support and contradiction candidates with the claims most like the origin first (the rest as they were)."""
        if label not in {self.scheme.relation_role("support"), self.scheme.relation_role("contradiction")} or len(candidates) < 2:
            return candidates
        try:
            similar = similar_claims(self.controller.project, origin.text, layers=[self.controller.layer], exclude=origin.id, limit=50)
        except AnnotatorError:
            return candidates
        rank = {claim.span_id: place for place, claim in enumerate(similar)}
        return sorted(candidates, key=lambda candidate: rank.get(candidate.end.span_id, len(rank)))

    def _place_beside_article(self, picker: TargetPicker) -> None:
        """Beside the article on its left, where its right-to-left lines end (over the document list in an English
        window, over the label panel in an Arabic one): the highlights stay visible and clickable."""
        top_left = self.view.mapToGlobal(QPoint(0, 0))
        article = QRect(top_left, self.view.size())
        screen = (self.view.screen() or picker.screen()).availableGeometry()
        room = article.left() - screen.left() - 2
        width = max(PICKER_MIN_WIDTH, min(room, screen.width() // 3))
        x = max(screen.left(), article.left() - width - 2)
        picker.setGeometry(x, max(screen.top(), article.top()), width, min(picker.height(), screen.height()))

    def offer_click(self, span_id: int) -> bool:
        """A click in the article while a picker is open."""
        return self.picker is not None and self.picker.offer(span_id)

    def cancel(self) -> None:
        if self.picker is not None:
            self.picker.reject()

    def _picker_closed(self) -> None:
        self.picker = None
        self.view.setFocus()

    def finish(self, label: str, origin: object, to_span: SpanId) -> None:
        command = Link(self.controller.relation_service, label=label, from_span=origin, to_span=to_span)  # type: ignore[arg-type]
        self.controller.perform(command, then=lambda _changes: self.selection.set_relation(command.relation_id))

    def delete_selected(self) -> bool:
        relation_id = self.selection.relation
        view = self.controller.relations.get(relation_id) if relation_id is not None else None
        if view is None or self.controller.document is None:
            return False
        command = Unlink(self.controller.relation_service, view.relation.id, view.relation.label, document_id=self.controller.document.id)
        self.controller.perform(command, then=lambda _changes: self.selection.set_relation(None))
        return True

    def follow(self) -> None:
        """Go to the other end of the selected link (or of the selected span's first link)."""
        view = self._current_view()
        here = self.controller.document
        if view is None or here is None:
            self._say(self.tr("The selected span has no links."))
            return
        selected = self.selection.span.id if self.selection.span else None
        target = _other_end(view, selected, here.id)
        self.history.append((here.id, selected))
        self.go_to(target)

    def back(self) -> None:
        if not self.history:
            self._say(self.tr("Nothing to go back to."))
            return
        document_id, span_id = self.history.pop()
        self.controller.ensure_open(document_id)
        if span_id is not None:
            self._select_and_reveal(span_id)

    def go_to(self, end: RelationEnd) -> None:
        self.controller.ensure_open(end.document_id)
        self._select_and_reveal(end.span_id)
        self.view.setFocus()

    def _select_and_reveal(self, span_id: SpanId) -> None:
        span = self.controller.spans.get(span_id)
        self.selection.set_span(span)
        if span is not None:
            self.view.reveal(span)

    def _current_view(self) -> RelationView | None:
        relations = self.controller.relations
        if self.selection.relation in relations:
            return relations[self.selection.relation]
        selected = self.selection.span
        if selected is None:
            return None
        touching = [v for v in relations.values() if selected.id in (v.source.span_id, v.target.span_id)]
        elsewhere = [v for v in touching if v.source.document_id != v.target.document_id]
        return (elsewhere or touching or [None])[0]

    def selected_view(self) -> RelationView | None:
        relation_id: RelationId | None = self.selection.relation
        return self.controller.relations.get(relation_id) if relation_id is not None else None

    def redraw(self) -> None:
        document = self.controller.document
        if document is None:
            return
        selected = self.selection.span.id if self.selection.span else None
        drawings: list[LinkDrawing] = []
        partners: list[tuple[int, int, str]] = []
        spans = self.controller.spans
        for view in self.controller.relations.values():
            ends = [spans.get(view.source.span_id), spans.get(view.target.span_id)]
            emphasized = view.relation.id == self.selection.relation or selected in (view.source.span_id, view.target.span_id)
            color = self.colors.get(view.relation.label, "#808080")
            present = [(s.start, s.end) for s in ends if s is not None]
            if not present:
                continue
            drawings.append(
                LinkDrawing(
                    start=present[0],
                    end=present[1] if len(present) == 2 else None,
                    color=color,
                    directed=self.directed.get(view.relation.label, True),
                    emphasized=emphasized,
                    caption="" if len(present) == 2 else self._elsewhere_caption(view, document.id),
                )
            )
            if emphasized:
                partners.extend((s.start, s.end, color) for s in ends if s is not None and s.id != selected)
        self.view.set_links(drawings, partners)
        self.tag_panel.set_relations(
            sorted(self.controller.relations.values(), key=lambda v: v.relation.id), directed=self.directed, document_id=document.id
        )
        self.tag_panel.select_relation(self.selection.relation)


    def _elsewhere_caption(self, view: RelationView, document_id: DocumentId) -> str:
        """A cross-article link's marker names the link and the other article."""
        title = label_title(self.scheme, view.relation.label)
        return f"{isolate(title)} · {isolate(short(_elsewhere(view, document_id).document_title, 28))}"


def _elsewhere(view: RelationView, document_id: DocumentId) -> RelationEnd:
    return view.target if view.target.document_id != document_id else view.source


def _other_end(view: RelationView, span_id: SpanId | None, document_id: DocumentId) -> RelationEnd:
    if span_id == view.source.span_id:
        return view.target
    if span_id == view.target.span_id:
        return view.source
    return view.target if view.target.document_id != document_id else view.source
