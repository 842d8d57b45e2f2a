"""The main window: document list, article view and tag panel, laid out right to left."""

from __future__ import annotations

from functools import partial
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMessageBox, QSplitter, QVBoxLayout, QWidget

from annotator.core.arabic import Token, snap_to_graphemes, snap_to_words, tokens
from annotator.core.errors import AnnotatorError
from annotator.core.model import DocumentInfo, DocumentStatus, RelationId, SpanId, SpanRecord
from annotator.services.documents.progress import last_document
from annotator.services.team.identity import identify, identities
from annotator.services.annotation.relations import RelationView
from annotator.storage.project import Project
from annotator.ui.adjudication_view import AdjudicationView
from annotator.ui.article_view import ArticleView
from annotator.ui.attribute_editor import Editable
from annotator.ui.commands import CreateSpanCommand, DeleteSpanCommand, EditAttributesCommand
from annotator.ui.controller import TaggingController
from annotator.ui.document_list import DocumentFilterBar, DocumentList
from annotator.ui.icons import icon
from annotator.ui.linking import Linker
from annotator.ui.search_panel import SearchPanel
from annotator.ui.suggestion_actions import SuggestionActions
from annotator.ui.team_actions import TeamActions
from annotator.ui.menus import build_menus
from annotator.ui.tag_panel import TagPanel


class MainWindow(QMainWindow):
    def __init__(self, project: Project, *, annotator: str) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.project = project
        self.identity = identify(project, annotator)
        self.controller = TaggingController(project, annotator=annotator, parent=self)
        self.undo_stack = QUndoStack(self)
        self.snap_to_words = True
        self._words: list[Token] = []
        self.selected: SpanRecord | None = None
        scheme = project.scheme

        self.label_actions = [self._label_action(label.name, label.icon, label.color, label.shortcut) for label in scheme.span_labels]
        self.document_list = DocumentList()
        self.article_view = ArticleView()
        self.article_view.set_label_colors({label.name: label.color for label in scheme.span_labels})
        self.tag_panel = TagPanel(scheme, self.label_actions)
        self.linker = Linker(self)
        self.team = TeamActions(self)
        self.suggestion_actions = SuggestionActions(self)
        self.link_actions = [self._link_action(label.name, label.color, label.shortcut) for label in scheme.relation_labels]

        self.search = SearchPanel(self)
        people = [identity.name for identity in identities(project)] if self.identity.is_reviewer else []
        self.document_filter = DocumentFilterBar(scheme, reviewer=self.identity.is_reviewer, people=people)
        self.document_filter.changed.connect(self.reload_documents)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(_stack(self.search.corpus_box, self.search.results, self.document_filter, self.document_list))
        splitter.addWidget(_stack(self.search.article_box, self.article_view))
        splitter.addWidget(self.tag_panel)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([230, 760, 320])
        self.setCentralWidget(splitter)
        self.status_label = QLabel()
        self.statusBar().addPermanentWidget(self.status_label)
        build_menus(self)
        self._connect()
        self.setWindowTitle(self.tr("annotator — %1").replace("%1", project.path.name))
        self.resize(1320, 820)
        self._load_documents()

    def _label_action(self, name: str, icon_name: str, color: str, shortcut: str) -> QAction:
        action = QAction(icon(icon_name, color), name, self)
        action.setObjectName(f"tag:{name}")
        action.setData(name)
        if shortcut:
            action.setShortcuts([QKeySequence(shortcut), QKeySequence(f"Alt+{shortcut}")])
            action.setToolTip(self.tr("Tag the selection as %1 (%2; hold Alt for the exact selection)").replace("%1", name).replace("%2", shortcut))
        action.triggered.connect(lambda _checked=False, label=name: self.tag_selection(label))
        self.addAction(action)
        return action

    def _link_action(self, name: str, color: str, shortcut: str) -> QAction:
        action = QAction(icon("fa5s.link", color), self.tr("Link as %1").replace("%1", name), self)
        action.setObjectName(f"link:{name}")
        action.setData(name)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False, label=name: self.linker.start(label))
        self.addAction(action)
        return action

    def _connect(self) -> None:
        controller = self.controller
        controller.documentOpened.connect(self._on_document_opened)
        controller.spanAdded.connect(self._on_span_added)
        controller.spanRemoved.connect(self._on_span_removed)
        controller.spanChanged.connect(self._on_span_changed)
        controller.statusChanged.connect(self._on_status_changed)
        controller.relationsChanged.connect(self.linker.redraw)
        self.document_list.selectionModel().currentChanged.connect(self._on_document_chosen)
        self.article_view.spanClicked.connect(self._on_span_clicked)
        self.article_view.nextSpanRequested.connect(lambda: self.step_span(1))
        self.article_view.previousSpanRequested.connect(lambda: self.step_span(-1))
        self.tag_panel.spanSelected.connect(self.select_span)
        self.tag_panel.spanActivated.connect(lambda span_id: self.select_span(SpanId(span_id), reveal=True))
        self.tag_panel.attribute_editor.edited.connect(self._on_attributes_edited)
        self.tag_panel.relationSelected.connect(self.linker.select_relation)
        self.tag_panel.relationActivated.connect(lambda _relation_id: self.linker.follow())
        self.undo_stack.indexChanged.connect(lambda _index: self._update_status())

    # Documents

    def _load_documents(self) -> None:
        model = self.document_list.documents()
        model.set_filter(self.project, self.document_filter.current(self.controller.annotator))
        last = last_document(self.project, annotator=self.controller.annotator)
        if last is not None and model.row_of(last) >= 0:
            self.document_list.select_document(last)
        elif model.rowCount():
            self.document_list.setCurrentIndex(model.index(0))
        self._update_status()
        QTimer.singleShot(0, self.article_view.setFocus)

    def reload_documents(self) -> None:
        current = self.controller.document
        self.document_list.documents().set_filter(self.project, self.document_filter.current(self.controller.annotator))
        if current is not None:
            self.document_list.select_document(current.id)
        elif self.document_list.documents().rowCount():
            self.document_list.setCurrentIndex(self.document_list.documents().index(0))
        self._update_status()

    def _on_document_chosen(self, current: Any, _previous: Any) -> None:
        if not current.isValid():
            return
        info = self.document_list.documents().info(current.row())
        if self.controller.document is None or self.controller.document.id != info.id:
            self.controller.open_document(info)

    def step_document(self, delta: int) -> None:
        model = self.document_list.documents()
        row = self.document_list.currentIndex().row() + delta
        if row >= model.rowCount() and model.canFetchMore():
            model.fetchMore()
        if 0 <= row < model.rowCount():
            self.document_list.setCurrentIndex(model.index(row))
            self.article_view.setFocus()

    def _on_document_opened(self, info: DocumentInfo, text: str, spans: list[SpanRecord]) -> None:
        self.selected = None
        self._words = tokens(text)
        self.article_view.show_article(text, spans, [(s.start, s.end) for s in self.suggestion_actions.visible()])
        self.tag_panel.set_spans(spans)
        self.document_list.select_document(info.id)
        self._update_status()

    def toggle_done(self) -> None:
        document = self.controller.document
        if document is None:
            return
        row = self.document_list.documents().row_of(document.id)
        current = self.document_list.documents().info(row).status
        self.controller.set_status(DocumentStatus.IN_PROGRESS if current == DocumentStatus.DONE else DocumentStatus.DONE)

    def _on_status_changed(self, document_id: int, status: str) -> None:
        self.document_list.documents().set_status(document_id, DocumentStatus(status), self.controller.annotator)
        self._update_status()

    # Spans

    def tag_selection(self, label: str) -> None:
        document = self.controller.document
        if document is None:
            return
        start, end = self.article_view.selection()
        text = self.article_view.text
        exact = not self.snap_to_words or bool(QApplication.keyboardModifiers() & Qt.KeyboardModifier.AltModifier)
        start, end = snap_to_graphemes(text, start, end) if exact else snap_to_words(text, start, end, self._words)
        if start == end:
            self.statusBar().showMessage(self.tr("Select some text first, then press a label's key."), 4000)
            return
        try:
            span = self.controller.create_span(document_id=document.id, start=start, end=end, label=label)
        except AnnotatorError as error:
            QMessageBox.warning(self, self.tr("Cannot tag"), str(error))
            return
        self.undo_stack.push(CreateSpanCommand(self.controller, span))
        self.article_view.select_range(end, end)
        self.select_span(span.id)

    def delete_selected(self) -> None:
        """Delete deletes the selected link when the link list has focus, the selected span otherwise."""
        if self.tag_panel.relation_list.hasFocus() and self.linker.delete_selected():
            return
        if self.selected is None:
            self.statusBar().showMessage(self.tr("No span is selected."), 4000)
            return
        try:
            deletion = self.controller.delete_span(self.selected.id)
        except AnnotatorError as error:
            QMessageBox.warning(self, self.tr("Cannot delete"), str(error))
            return
        self.undo_stack.push(DeleteSpanCommand(self.controller, deletion))

    def select_span(self, span_id: SpanId | None, *, reveal: bool = False) -> None:
        span = None if span_id is None else self.controller.spans.get(span_id)
        self.selected = span
        self.linker.selected_relation = None
        self.tag_panel.select_relation(None)
        self.article_view.set_selected_span(span)
        self.tag_panel.select_span(span)
        if span is not None and reveal:
            self.article_view.reveal(span)
        self.linker.redraw()

    def _on_span_clicked(self, span_id: int) -> None:
        if not self.linker.offer_click(span_id):
            self.select_span(SpanId(span_id))

    def show_relation(self, view: RelationView) -> None:
        """A link chosen in the list: its attributes in the editor, its end in this document revealed."""
        rule = self.project.scheme.relation_label(view.relation.label)
        heading = f"{view.relation.label}: «{view.source.text[:40]}» — «{view.target.text[:40]}»"
        self.tag_panel.attribute_editor.show_item(
            Editable("relation", int(view.relation.id), heading, view.relation.attributes, view.relation.note, rule.attributes)
        )
        here = [self.controller.spans[end.span_id] for end in (view.source, view.target) if end.span_id in self.controller.spans]
        if here:
            self.article_view.reveal(here[0])

    def step_span(self, delta: int) -> None:
        ordered = self.controller.ordered_spans()
        if not ordered:
            return
        if self.selected is not None and self.selected.id in self.controller.spans:
            index = next(i for i, s in enumerate(ordered) if s.id == self.selected.id) + delta
        else:
            caret = self.article_view.cursor_position()
            after = [i for i, s in enumerate(ordered) if s.start >= caret]
            index = (after[0] if after else len(ordered)) if delta > 0 else (after[0] - 1 if after else len(ordered) - 1)
        self.select_span(ordered[index % len(ordered)].id, reveal=True)
        self.article_view.setFocus()

    def _on_span_added(self, span: SpanRecord) -> None:
        self.article_view.add_span(span)
        ordered = self.controller.ordered_spans()
        self.tag_panel.add_span(span, next(i for i, s in enumerate(ordered) if s.id == span.id))
        self._update_status()

    def _on_span_removed(self, span: SpanRecord) -> None:
        self.article_view.remove_span(span.id)
        self.tag_panel.remove_span(span.id)
        if self.selected is not None and self.selected.id == span.id:
            self.select_span(None)
        self._update_status()

    def _on_span_changed(self, span: SpanRecord) -> None:
        self.tag_panel.update_span(span)
        if self.selected is not None and self.selected.id == span.id:
            self.selected = span
            self.article_view.set_selected_span(span)

    def _on_attributes_edited(self, kind: str, item_id: int, attributes: dict[str, Any], note: str) -> None:
        if kind == "span":
            span = self.controller.spans.get(SpanId(item_id))
            before = None if span is None else (dict(span.attributes), span.note)
            update = partial(self.controller.update_span, SpanId(item_id))
        else:
            view = self.controller.relations.get(RelationId(item_id))
            before = None if view is None else (dict(view.relation.attributes), view.relation.note)
            update = partial(self.controller.update_relation, RelationId(item_id))
        if before is None:
            return
        try:
            update(attributes=attributes, note=note)
        except AnnotatorError as error:
            QMessageBox.warning(self, self.tr("Cannot change it"), str(error))
            return
        self.undo_stack.push(
            EditAttributesCommand(
                self.tr("Edit %1").replace("%1", kind),
                lambda values, text: update(attributes=values, note=text),
                before=before,
                after=(attributes, note),
            )
        )

    # Window

    def import_files(self) -> None:
        from annotator.ui.import_dialog import run_import

        if run_import(self, self.project, annotator=self.controller.annotator):
            self.reload_documents()

    def export_dataset(self) -> None:
        from annotator.ui.export_dialog import ExportDialog  # pyarrow and the formats: loaded when asked for

        self.export_dialog = ExportDialog(self.project, self)
        self.export_dialog.show()

    def reopen_as(self, annotator: str) -> None:
        """The same project in a new window for another identity; this one closes."""
        replacement = MainWindow(self.project, annotator=annotator)
        replacement.setGeometry(self.geometry())
        replacement.show()
        self.replacement = replacement
        self.close()

    def open_adjudication(self) -> None:
        document = self.controller.document
        if document is None:
            return
        try:
            view = AdjudicationView(self.project, reviewer=self.identity.name, document_id=document.id, parent=self)
        except AnnotatorError as error:
            QMessageBox.warning(self, self.tr("Adjudication"), str(error))
            return
        view.show()
        self.adjudication_view = view

    def open_agreement(self) -> None:
        from annotator.services.team.agreement import compute_agreement  # numpy and krippendorff: loaded when asked for
        from annotator.ui.agreement_view import AgreementView

        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            report = compute_agreement(self.project)
        finally:
            QApplication.restoreOverrideCursor()
        view = AgreementView(report, parent=self)
        view.show()
        self.agreement_view = view

    def cycle_focus(self) -> None:
        """F6: document list, article, span list, link list, then the first attribute field."""
        editor = self.tag_panel.attribute_editor
        order: list[QWidget] = [self.document_list, self.article_view, self.tag_panel.span_list, self.tag_panel.relation_list]
        order.append(editor.first_field() or editor.note)
        focused = QApplication.focusWidget()
        index = order.index(focused) if focused in order else -1
        order[(index + 1) % len(order)].setFocus()

    def _update_status(self) -> None:
        model = self.document_list.documents()
        total = model.total
        done = model.counts()[DocumentStatus.DONE]
        row = self.document_list.currentIndex().row()
        role = self.tr("reviewer") if self.identity.is_reviewer else self.tr("annotator")
        parts = [self.tr("%1 (%2)").replace("%1", self.controller.annotator).replace("%2", role)]
        if total:
            parts.append(self.tr("Document %1 of %2").replace("%1", str(row + 1)).replace("%2", str(total)))
            parts.append(self.tr("%1 of %2 done").replace("%1", str(done)).replace("%2", str(total)))
        if self.controller.document is not None:
            parts.append(self.tr("Spans: %1").replace("%1", str(len(self.controller.spans))))
        self.status_label.setText("  ·  ".join(parts))


def _stack(*widgets: QWidget) -> QWidget:
    holder = QWidget()
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(4)
    for widget in widgets:
        layout.addWidget(widget, stretch=1 if widget is widgets[-1] else 0)
    return holder
