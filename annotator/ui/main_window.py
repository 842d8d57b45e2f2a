"""The main window: document list, article view and tag panel, wired to one controller and redrawn from Changes."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QScrollArea, QSplitter, QVBoxLayout, QWidget

from annotator.core.arabic import Token, snap_to_graphemes, snap_to_words, tokens, without_proclitic
from annotator.core.changes import Change, Changes
from annotator.core.errors import AnnotatorError
from annotator.core.model import DocumentId, DocumentStatus, RelationId, SpanId
from annotator.services.documents.progress import last_document
from annotator.services.team.identity import GOLD, identify, identities
from annotator.storage.project import Project
from annotator.ui.article_header import ArticleHeader
from annotator.ui.article_view import ArticleView
from annotator.ui.attribute_editor import Editable
from annotator.ui.commands import Command, DeleteSpan, EditRelation, EditSpan, OneOff, SetStatus, TagSpan
from annotator.ui.display import in_reading_order, label_explanation, label_title
from annotator.ui.texts import isolate, plain_tooltip, short
from annotator.ui.controller import Controller, Level
from annotator.ui.document_list import DocumentFilterBar, DocumentList
from annotator.ui.guidelines_pane import GuidelinesPane
from annotator.ui.icons import icon
from annotator.ui.layer_actions import LayerActions
from annotator.ui.linking import Linker
from annotator.ui.live import LiveUpdates
from annotator.ui.menus import SEPARATOR, Row, build_menus
from annotator.ui.notice import Banner, Notice
from annotator.ui.opened_views import OpenedViews
from annotator.ui.search_panel import SearchPanel
from annotator.ui.similar_claims import SimilarClaims
from annotator.ui.source_box import SourceBox
from annotator.ui.suggestion_actions import SuggestionActions
from annotator.ui.tag_panel import TagPanel
from annotator.ui.team_actions import TeamActions
from annotator.ui.text_size import TextSize
from annotator.ui.welcome import Welcome


# The canonical source and similar claims of the selected span are looked up once the selection rests this long.
CORPUS_BOXES_MS = 120


class MainWindow(QMainWindow):
    def __init__(self, project: Project, *, annotator: str, welcome: bool = False) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.project = project
        self.identity = identify(project, annotator)
        self.controller = Controller(project, identity=self.identity, parent=self)
        self.selection = self.controller.selection
        self.undo_stack = self.controller.undo_stack
        self.snap_to_words = True
        self._words: list[Token] = []
        scheme = project.scheme

        self.label_actions = [self._label_action(label.name, label.icon, label.color, label.shortcut) for label in scheme.span_labels]
        self.document_list = DocumentList()
        self.article_view = ArticleView()
        self.article_view.set_label_colors({label.name: label.color for label in scheme.span_labels})
        self.tag_panel = TagPanel(scheme, self.label_actions)
        self.source_box = SourceBox(self.controller)
        self.tag_panel.layout().addWidget(self.source_box)
        self.similar_claims = SimilarClaims(self.controller, self.open_at)
        self.tag_panel.layout().addWidget(self.similar_claims)
        self._corpus_boxes = QTimer(self, singleShot=True, interval=CORPUS_BOXES_MS)
        self._corpus_boxes.timeout.connect(self._show_corpus_boxes)
        self.linker = Linker(self.controller, scheme, self.article_view, self.tag_panel)
        self.team = TeamActions(self.controller, self, reopen_as=self.reopen_as)
        self.views = OpenedViews(self.controller, self, open_at=self.open_at, report=self._on_message)
        self.text_size = TextSize(self.article_view, report=self._on_message)
        self.layers = LayerActions(self.controller, self, shown=self._layer_shown, report=self._on_message)
        self.suggestion_actions = SuggestionActions(self.controller, self.article_view)
        self.search = SearchPanel(self.controller, self.article_view)
        self.link_actions = [self._link_action(label.name, label.color, label.shortcut) for label in scheme.relation_labels]
        self.notice = Notice(self.article_view)
        self.header = ArticleHeader()
        self.welcome = Welcome(identity=self.identity.name, switch_identity=self.team.switch_identity)
        self.welcome.setVisible(welcome and Welcome.wanted())
        self.welcome.closed.connect(lambda: self.article_view.setFocus() if self.welcome.had_focus else None)
        self.controller.changed.connect(lambda changes: self.welcome.dismiss() if changes.spans else None)
        self.banner = Banner()

        people = [identity.name for identity in identities(project)] if self.identity.is_reviewer else []
        self.document_filter = DocumentFilterBar(scheme, reviewer=self.identity.is_reviewer, people=people)
        self.document_filter.changed.connect(self.reload_documents)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("panes")
        self.splitter.addWidget(_stack(self.search.corpus_box, self.search.results, self.document_filter, self.document_list))
        self.splitter.addWidget(_stack(self.welcome, self.banner, self.header, self.search.article_box, self.article_view))
        self.splitter.addWidget(_scrolling(self.tag_panel))
        self.splitter.setStretchFactor(1, 1)
        self.setCentralWidget(self.splitter)
        self.guidelines = GuidelinesPane(self.controller, self)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.guidelines)
        self.guidelines.hide()
        self.status_label = QLabel()
        self.status_label.setObjectName("statusSummary")
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.statusBar().addPermanentWidget(self.status_label)
        self.actions_by_name = build_menus(self, self._menu_table())
        self._connect()
        self.setWindowTitle(self.tr("annotator — %1").replace("%1", isolate(project.path.name)))
        self.fit_to_screen()
        self._show_layer_state()
        self._load_documents()
        self.live: LiveUpdates | None = None
        if project.is_server:
            project.writer = self.identity.name
            self.live = LiveUpdates(project, self.colleague_wrote, self)

    # Actions

    def _label_action(self, name: str, icon_name: str, color: str, shortcut: str) -> QAction:
        title = label_title(self.project.scheme, name)
        action = QAction(icon(icon_name, color), title, self)
        action.setObjectName(f"tag:{name}")
        action.setData(name)
        if shortcut:
            action.setShortcuts([QKeySequence(shortcut), QKeySequence(f"Alt+{shortcut}")])
            hint = self.tr("Tag the selection as %1 (%2; hold Alt for the exact selection)").replace("%1", isolate(title)).replace("%2", isolate(shortcut))
            description = label_explanation(self.project.scheme, name)
            action.setToolTip(plain_tooltip(f"{description}\n\n{hint}" if description else hint))
        action.triggered.connect(lambda _checked=False, label=name: self.tag_selection(label))
        self.addAction(action)
        return action

    def _link_action(self, name: str, color: str, shortcut: str) -> QAction:
        action = QAction(icon("fa5s.link", color), self.tr("Link as %1").replace("%1", isolate(label_title(self.project.scheme, name))), self)
        action.setObjectName(f"link:{name}")
        action.setData(name)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False, label=name: self.linker.start(label))
        self.addAction(action)
        return action

    def _menu_table(self) -> list[tuple[str, list[Any]]]:
        reviewer = self.identity.is_reviewer
        return [
            (self.tr("&File"), [
                Row("importFiles", self.tr("&Import…"), ("Ctrl+I",), self.import_files, "fa5s.file-import"),
                Row("exportDataset", self.tr("&Export…"), ("Ctrl+E",), self.export_dataset, "fa5s.file-export"),
                Row("mergeProjects", self.tr("&Merge project files…"), ("Ctrl+M",), self.team.merge, "fa5s.object-group"),
                Row("switchIdentity", self.tr("Switch &identity…"), ("Ctrl+Shift+I",), self.team.switch_identity, "fa5s.user"),
                SEPARATOR,
                Row("quit", self.tr("&Quit"), (QKeySequence.StandardKey.Quit,), self.close),
            ]),
            (self.tr("&Edit"), [
                Row("undo", self.tr("&Undo"), ("Ctrl+Z",), self.controller.undo, "fa5s.undo"),
                Row("redo", self.tr("&Redo"), ("Ctrl+Shift+Z", "Ctrl+Y"), self.controller.redo, "fa5s.redo"),
                SEPARATOR,
                Row("deleteSpan", self.tr("&Delete span or link"), (QKeySequence.StandardKey.Delete,), self.delete_selected, "fa5s.trash"),
            ]),
            (self.tr("&Tag"), [
                *self.label_actions,
                SEPARATOR,
                *self.suggestion_actions.actions(),
                self.suggestion_actions.show_action,
                SEPARATOR,
                Row("snapToWords", self.tr("&Snap selection to whole words"), ("Ctrl+W",), toggled=self._set_snapping, checked=True),
                SEPARATOR,
                *self.source_box.actions_for_menu(),
            ]),
            (self.tr("&Link"), [
                *self.link_actions,
                SEPARATOR,
                Row("followLink", self.tr("&Follow link"), ("Alt+Right",), self.linker.follow, "fa5s.external-link-alt"),
                Row("goBack", self.tr("&Back"), ("Alt+Left",), self.linker.back, "fa5s.undo-alt"),
            ]),
            (self.tr("&Review"), [
                Row("openAdjudication", self.tr("&Adjudicate this document…"), ("F7",), self.views.open_adjudication, "fa5s.balance-scale", enabled=reviewer),
                Row("openAgreement", self.tr("A&greement…"), ("Shift+F7",), self.views.open_agreement, "fa5s.chart-bar"),
                Row("openClaims", self.tr("&Claims of the corpus…"), ("Ctrl+Shift+T",), self.views.open_claims, "fa5s.table"),
                Row("openClaimNetwork", self.tr("Claim &network…"), ("Ctrl+Shift+N",), self.views.open_claim_network, "fa5s.project-diagram"),
                SEPARATOR,
                Row("assignDocument", self.tr("A&ssign this document to…"), (), self.team.assign_current, "fa5s.user-plus", enabled=reviewer),
                Row("blindMode", self.tr("&Blind mode: annotators see only their own layer"), (), toggled=self.team.set_blind,
                    checked=self.team.blind(), enabled=reviewer),
            ]),
            (self.tr("&View"), [
                *self.layers.actions(),
                SEPARATOR,
                Row("largerText", self.tr("&Larger text"), ("Ctrl+=", "Ctrl++"), lambda: self.text_size.change(1), "fa5s.search-plus"),
                Row("smallerText", self.tr("&Smaller text"), ("Ctrl+-",), lambda: self.text_size.change(-1), "fa5s.search-minus"),
                Row("lineSpacing", self.tr("Line &spacing"), ("Ctrl+Shift+L",), self.text_size.cycle_line_spacing, "fa5s.text-height"),
            ]),
            (self.tr("&Go"), [
                *self.search.actions(),
                SEPARATOR,
                Row("nextDocument", self.tr("&Next document"), ("Ctrl+PgDown",), lambda: self.step_document(1), "fa5s.arrow-down"),
                Row("previousDocument", self.tr("&Previous document"), ("Ctrl+PgUp",), lambda: self.step_document(-1), "fa5s.arrow-up"),
                SEPARATOR,
                Row("nextSpan", self.tr("Next &span\tTab"), (), lambda: self.step_span(1)),
                Row("previousSpan", self.tr("Previous s&pan\tShift+Tab"), (), lambda: self.step_span(-1)),
                SEPARATOR,
                Row("toggleDone", self.tr("&Mark document done / not done"), ("Ctrl+Return", "Ctrl+Enter"), self.toggle_done, "fa5s.check"),
                Row("nextPane", self.tr("Next &pane"), ("F6",), self.cycle_focus),
                Row("reload", self.tr("&Reload what others wrote"), ("F5",), self.reload_everything, "fa5s.sync"),
            ]),
            (self.tr("&Help"), [
                Row("showGuidelines", self.tr("&Guidelines"), ("F1",), self.guidelines.toggle, "fa5s.book"),
            ]),
        ]

    def _connect(self) -> None:
        controller = self.controller
        controller.changed.connect(self._on_changed)
        controller.documentOpened.connect(self._on_document_opened)
        controller.message.connect(self._on_message)
        controller.undone.connect(self._on_undone)
        controller.suggestionsReady.connect(self.suggestion_actions.redraw)
        self.selection.spanChanged.connect(self._on_span_selected)
        self.selection.relationChanged.connect(self._on_relation_selected)
        self.document_list.selectionModel().currentChanged.connect(self._on_document_chosen)
        self.article_view.spanClicked.connect(self._on_span_clicked)
        self.article_view.nextSpanRequested.connect(lambda: self.step_span(1))
        self.article_view.previousSpanRequested.connect(lambda: self.step_span(-1))
        self.tag_panel.spanSelected.connect(lambda span_id: self.select_span(span_id))
        self.tag_panel.spanActivated.connect(lambda span_id: self.select_span(SpanId(span_id), reveal=True))
        self.tag_panel.attribute_editor.edited.connect(self._on_attributes_edited)
        self.tag_panel.relationSelected.connect(self.selection.set_relation)
        self.tag_panel.relationActivated.connect(lambda _relation_id: self.linker.follow())

    # Layers

    def _layer_shown(self) -> None:
        self._show_layer_state()
        self.reload_documents()

    def _show_layer_state(self) -> None:
        self.layers.mark()
        # The label keys stay live on a read-only layer: pressing one says why nothing was tagged.
        self.banner.set_text("" if self.controller.writable else self.controller.why_read_only())
        self._update_status()

    # Documents

    def _load_documents(self) -> None:
        model = self.document_list.documents()
        last = last_document(self.project, annotator=self.identity.name)
        model.set_filter(self.project, self.document_filter.current(self.controller.layer), placing=last)
        row = -1 if last is None else model.row_of(last)
        if row >= 0:
            self.document_list.setCurrentIndex(model.index(row))
        elif last is not None and model.holds(last) and self.controller.open_document_if_present(last):
            pass  # far down a long list: the article opens without the list loading every page before it
        elif model.rowCount():
            self.document_list.setCurrentIndex(model.index(0))
        self._update_status()
        QTimer.singleShot(0, self.article_view.setFocus)

    def reload_documents(self) -> None:
        current = self.controller.document
        model = self.document_list.documents()
        model.set_filter(self.project, self.document_filter.current(self.controller.layer), placing=None if current is None else current.id)
        row = -1 if current is None else model.row_of(current.id)
        if row >= 0:
            self.document_list.setCurrentIndex(model.index(row))
        elif current is None and model.rowCount():
            self.document_list.setCurrentIndex(model.index(0))
        self._update_status()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        if self.live is not None:
            self.live.close()
            self.live = None
        super().closeEvent(event)

    def colleague_wrote(self) -> None:
        """Someone else committed on the shared server: progress marks, the layer shown when it is not one's own
        (keeping the place in it), an open adjudication and claims table are read again."""
        self.reload_documents()
        document = self.controller.document
        if document is not None and self.controller.layer != self.identity.name:
            scrolled = self.article_view.verticalScrollBar().value()
            selected = self.selection.span.id if self.selection.span else None
            self._open(document.id)
            self.select_span(selected)
            self.article_view.verticalScrollBar().setValue(scrolled)
        self.views.refresh()
        self._update_status()

    def reload_everything(self) -> None:
        """Documents, spans and links again from the project: after another program (a merge, an import) wrote to it."""
        self.reload_documents()
        if self.controller.document is not None:
            self._open(self.controller.document.id)
        self._on_message(self.tr("Reloaded."), Level.INFO)

    def _on_document_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        info = self.document_list.documents().info(current.row())
        if self.controller.document is None or self.controller.document.id != info.id:
            self._open(info.id)

    def _open(self, document_id: DocumentId) -> None:
        try:
            self.controller.open_document(document_id)
        except AnnotatorError as error:
            self._on_message(str(error), Level.ERROR)

    def step_document(self, delta: int) -> None:
        """The next or previous document of the list, counted from the open one even when the list shows no row
        for it (opened from a search, or far down a long list)."""
        model = self.document_list.documents()
        current = self.document_list.currentIndex().row()
        document = self.controller.document
        if document is not None and (current < 0 or model.info(current).id != document.id):
            found = model.neighbour(document.id, delta)
            if found is not None:
                self.controller.ensure_open(found)
                self.article_view.setFocus()
            return
        row = current + delta
        if row >= model.rowCount() and model.canFetchMore():
            model.fetchMore()
        if 0 <= row < model.rowCount():
            self.document_list.setCurrentIndex(model.index(row))
            self.article_view.setFocus()

    def _on_document_opened(self) -> None:
        document = self.controller.document
        assert document is not None
        self.statusBar().clearMessage()  # a message about the article left behind is not about this one
        self._words = tokens(self.controller.text)
        self.header.show_document(document, self.controller.text)
        spans = self.controller.ordered_spans()
        pending = self.controller.suggestions_pending
        self.article_view.show_article(self.controller.text, spans, [] if pending else [(s.start, s.end) for s in self.suggestion_actions.visible()])
        self.tag_panel.set_spans(spans)
        self.linker.redraw()
        row = self.document_list.documents().row_of(document.id)
        if row >= 0 and self.document_list.currentIndex().row() != row:
            self.document_list.setCurrentIndex(self.document_list.documents().index(row))
        elif row < 0:  # far down the list or left out by its filter: no other row may look like the open one
            self.document_list.selectionModel().clear()
        self._update_status()

    def toggle_done(self) -> None:
        document = self.controller.document
        if document is None:
            return
        status = DocumentStatus.IN_PROGRESS if document.status == DocumentStatus.DONE else DocumentStatus.DONE
        self.controller.perform(
            SetStatus(self.project, document_id=document.id, layer=self.controller.layer, status=status, title=document.title)
        )

    # Spans

    def tag_selection(self, label: str) -> None:
        document = self.controller.document
        if document is None:
            return
        if not self.controller.writable:
            self._on_message(self.tr("Not tagged as %1: this layer is read-only (see the banner).").replace("%1", isolate(label_title(self.project.scheme, label))), Level.WARNING)
            return
        start, end = self.article_view.selection()
        text = self.article_view.text
        exact = not self.snap_to_words or bool(QApplication.keyboardModifiers() & Qt.KeyboardModifier.AltModifier)
        start, end = snap_to_graphemes(text, start, end) if exact else snap_to_words(text, start, end, self._words)
        if not exact and label == self.project.scheme.span_role("source"):
            start = without_proclitic(text, start, end)  # the guidelines: «أشخاص مطلعين», not «لأشخاص مطلعين»
        if start == end:
            self._on_message(self.tr("Select some text first, then press a label's key."), Level.INFO)
            return
        command = TagSpan(self.controller.tagging, document_id=document.id, start=start, end=end, label=label, text=text[start:end])

        def tagged(_changes: Changes) -> None:
            if self.controller.document is not None and self.controller.document.id == document.id and command.span is not None:
                self.article_view.select_range(end, end)
                self.select_span(command.span.id)

        self.controller.perform(command, then=tagged)

    def delete_selected(self) -> None:
        """Delete deletes the selected link when the link list has focus, the selected span otherwise."""
        if self.tag_panel.relation_list.hasFocus() and self.linker.delete_selected():
            return
        span = self.selection.span
        if span is None:
            self._on_message(self.tr("No span is selected."), Level.INFO)
            return
        self.controller.perform(DeleteSpan(self.controller.tagging, span))

    def select_span(self, span_id: SpanId | None, *, reveal: bool = False) -> None:
        span = None if span_id is None else self.controller.spans.get(span_id)
        self.selection.set_span(span)
        if span is not None and reveal:
            self.article_view.reveal(span)

    def _on_span_selected(self) -> None:
        span = self.selection.span
        self.article_view.set_selected_span(span)
        self.tag_panel.select_span(span)
        self._corpus_boxes.start()  # after the span is painted: a keypress is not kept waiting for corpus queries
        self.linker.redraw()

    def _show_corpus_boxes(self) -> None:
        span = self.selection.span
        self.source_box.show_span(span)
        self.similar_claims.show_claim(span)

    def _on_relation_selected(self) -> None:
        view = self.linker.selected_view()
        self.tag_panel.select_relation(self.selection.relation)
        if view is not None:
            rule = self.project.scheme.relation_label(view.relation.label)
            title = label_title(self.project.scheme, view.relation.label)
            heading = in_reading_order(f"{isolate(title)}: «{isolate(short(view.source.text, 40))}» — «{isolate(short(view.target.text, 40))}»")
            self.tag_panel.attribute_editor.show_item(
                Editable("relation", int(view.relation.id), heading, view.relation.attributes, view.relation.note, rule.attributes)
            )
            here = [self.controller.spans[end.span_id] for end in (view.source, view.target) if end.span_id in self.controller.spans]
            if here:
                self.article_view.reveal(here[0])
        self.linker.redraw()

    def _on_span_clicked(self, span_id: int) -> None:
        if not self.linker.offer_click(span_id):
            self.select_span(SpanId(span_id))

    def step_span(self, delta: int) -> None:
        ordered = self.controller.ordered_spans()
        if not ordered:
            self._on_message(self.tr("No spans in this document yet."), Level.INFO)
            return
        selected = self.selection.span
        if selected is not None and selected.id in self.controller.spans:
            index = next(i for i, s in enumerate(ordered) if s.id == selected.id) + delta
        else:
            caret = self.article_view.cursor_position()
            after = [i for i, s in enumerate(ordered) if s.start >= caret]
            index = (after[0] if after else len(ordered)) if delta > 0 else (after[0] - 1 if after else len(ordered) - 1)
        self.select_span(ordered[index % len(ordered)].id, reveal=True)
        self.article_view.setFocus()

    def _on_attributes_edited(self, kind: str, item_id: int, attributes: dict[str, Any], note: str) -> None:
        command: Command
        if kind == "span":
            span = self.controller.spans.get(SpanId(item_id))
            if span is None:
                return
            command = EditSpan(self.controller.tagging, span, before=(dict(span.attributes), span.note), after=(attributes, note))
        else:
            view = self.controller.relations.get(RelationId(item_id))
            document = self.controller.document
            if view is None or document is None:
                return
            relation = view.relation
            command = EditRelation(
                self.controller.relation_service, relation.id, relation.label, document_id=document.id,
                before=(dict(relation.attributes), relation.note), after=(attributes, note),
            )
        self.controller.perform(command)

    # Redrawing from Changes

    def _on_changed(self, changes: Changes) -> None:
        document = self.controller.document
        model = self.document_list.documents()
        if changes.bulk or changes.identities:
            self.reload_documents()
        for state in changes.states:
            model.set_status(state.document_id, state.status, state.layer, shown=state.layer == self.controller.layer)
        if document is not None and not (changes.bulk and self.controller.layer in changes.layers):
            self._redraw_spans(changes, document.id)
            if changes.relations_touch(document.id) or any(c.span.document_id == document.id for c in changes.spans):
                self.linker.redraw()
            if document.id in changes.suggestions or any(c.span.document_id == document.id for c in changes.spans):
                self.suggestion_actions.redraw()
        if changes.settings or changes.identities:
            self._show_layer_state()
        self._update_status()

    def _redraw_spans(self, changes: Changes, document_id: DocumentId) -> None:
        ordered: list[Any] | None = None
        for change in changes.spans:
            span = change.span
            if span.document_id != document_id or span.annotator != self.controller.layer:
                continue
            if change.kind == Change.REMOVED:
                self.article_view.remove_span(span.id)
                self.tag_panel.remove_span(span.id)
            elif change.kind == Change.ADDED:
                self.article_view.add_span(span)
                ordered = ordered or self.controller.ordered_spans()
                self.tag_panel.add_span(span, next(i for i, s in enumerate(ordered) if s.id == span.id))
            else:
                self.tag_panel.update_span(span)
        if self.selection.span is None or self.selection.span.id not in self.controller.spans:
            if self.tag_panel.selected_span_id() is not None or self.article_view.selected_span_id() is not None:
                self.selection.set_span(None)
        else:
            self.article_view.set_selected_span(self.selection.span)

    def _on_undone(self, command: Command, changes: Changes) -> None:
        """After undo or redo: show what came back, or flash where something went."""
        document = self.controller.document
        if document is None:
            return
        back = [c.span for c in changes.spans if c.kind != Change.REMOVED and c.span.document_id == document.id and c.span.id in self.controller.spans]
        gone = [c.span for c in changes.spans if c.kind == Change.REMOVED and c.span.document_id == document.id]
        if back:
            self.select_span(back[0].id, reveal=True)
        elif gone:
            self.article_view.flash_range(gone[0].start, gone[0].end)

    def _on_message(self, text: str, level: int) -> None:
        if level == Level.INFO:
            self.notice.settle()
            self.statusBar().showMessage(text, 6000)
        else:
            self.statusBar().showMessage(text, 10000)
            self.notice.show_message(text, level)

    # Window

    def import_files(self) -> None:
        from annotator.ui.import_dialog import choose_files, import_reporting_progress, show_report

        paths = choose_files(self, self.project)
        if not paths:
            return
        reports = []

        def run() -> Changes:
            reports.append(import_reporting_progress(self, self.project, paths, annotator=self.identity.name))
            return reports[-1].changes

        self.controller.perform(OneOff(self.tr("Import"), run), then=lambda _changes: show_report(self, reports[-1]))

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

    def open_at(self, document_id: DocumentId, span_id: SpanId | None) -> None:
        """Show an article at one of its spans (from the claims table, a source view or the network)."""
        here = self.controller.document
        if here is not None:
            self.linker.history.append((here.id, self.selection.span.id if self.selection.span else None))
        self.controller.ensure_open(document_id)
        self.select_span(span_id, reveal=True)
        self.activateWindow()
        self.article_view.setFocus()

    def cycle_focus(self) -> None:
        """F6: document list, article, span list, link list, then the first attribute field."""
        editor = self.tag_panel.attribute_editor
        order: list[QWidget] = [self.document_list, self.article_view, self.tag_panel.span_list, self.tag_panel.relation_list]
        order.append(editor.first_field() or editor.note)
        focused = QApplication.focusWidget()
        index = order.index(focused) if focused in order else -1
        order[(index + 1) % len(order)].setFocus()

    def fit_to_screen(self) -> None:
        """Never larger than the screen's free area; side panes share a wide screen, the article keeps its measure."""
        screen = self.screen() or QApplication.primaryScreen()
        area = screen.availableGeometry()
        # Before the first show the frame is not known: leave room for a title bar and borders.
        room_w, room_h = area.width() - 12, area.height() - 44
        width = min(room_w, max(min(1320, room_w), int(area.width() * 0.9)))
        height = min(room_h, max(min(820, room_h), int(area.height() * 0.9)))
        self.resize(width, height)
        self.move(area.left() + (area.width() - width) // 2, area.top() + (area.height() - height) // 2)
        documents = min(380, max(200, width * 18 // 100))
        panel = min(440, max(260, width * 24 // 100))
        self.splitter.setSizes([documents, max(300, width - documents - panel), panel])

    def _set_snapping(self, on: bool) -> None:
        self.snap_to_words = on

    def _update_status(self) -> None:
        model = self.document_list.documents()
        total = model.total
        done = model.counts()[DocumentStatus.DONE]
        row = self.document_list.currentIndex().row()
        role = self.tr("reviewer") if self.identity.is_reviewer else self.tr("annotator")
        parts = [self.tr("%1 (%2)").replace("%1", isolate(self.identity.name)).replace("%2", role)]
        if self.controller.layer != self.identity.name:
            layer = self.tr("gold") if self.controller.layer == GOLD else self.controller.layer
            shown = self.tr("Layer shown: %1").replace("%1", isolate(layer))
            parts.append(shown if self.controller.writable else self.tr("%1 (read-only)").replace("%1", shown))
        if total:
            if row >= 0:  # an article with no row in the list (far down it, or filtered out) has no number here
                parts.append(self.tr("Document %1 of %2").replace("%1", str(row + 1)).replace("%2", str(total)))
            parts.append(self.tr("%1 of %2 done").replace("%1", str(done)).replace("%2", str(total)))
        if self.controller.document is not None:
            parts.append(self.tr("Spans: %1").replace("%1", str(len(self.controller.spans))))
        self.status_label.setText("  ·  ".join(parts))


def _scrolling(widget: QWidget) -> QScrollArea:
    """A pane that scrolls rather than clips when the window is short."""
    area = QScrollArea()
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return area


def _stack(*widgets: QWidget) -> QWidget:
    holder = QWidget()
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(4)
    for widget in widgets:
        layout.addWidget(widget, stretch=1 if widget is widgets[-1] else 0)
    return holder
