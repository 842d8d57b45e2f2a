"""The reviewer's adjudication view: the annotators' versions side by side, settled into gold with the keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QMessageBox, QVBoxLayout, QWidget

from annotator.core.errors import AnnotatorError
from annotator.core.model import DocumentId, DocumentStatus, SpanRecord
from annotator.services.annotation.adjudication import Adjudication, Group, Kind, LinkGroup, Version
from annotator.services.annotation.relations import RelationService
from annotator.services.documents.progress import document_text
from annotator.services.annotation.tagging import SpanDeletion
from annotator.storage.project import Project
from annotator.ui.article_view import ArticleView
from annotator.ui.commands import FunctionCommand
from annotator.ui.icons import icon

KIND_ICONS = {
    Kind.AGREE: ("fa5s.check-double", "#2e9e5b"),
    Kind.ATTRIBUTES: ("fa5s.sliders-h", "#e8a317"),
    Kind.PARTIAL: ("fa5s.adjust", "#3d7be0"),
    Kind.CONFLICT: ("fa5s.exclamation-triangle", "#d33c3c"),
}


class AdjudicationView(QDialog):
    def __init__(self, project: Project, *, reviewer: str, document_id: DocumentId, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("adjudicationView")
        self.setWindowTitle(self.tr("Adjudication"))
        self.adjudication = Adjudication(project, reviewer=reviewer)
        self.document_id = document_id
        self.undo_stack = QUndoStack(self)
        self.groups: list[Group | LinkGroup] = []
        scheme = project.scheme
        self.colors = {label.name: label.color for label in scheme.span_labels}

        self.article = ArticleView()
        self.article.setObjectName("adjudicationArticle")
        self.article.set_label_colors(self.colors)
        self.group_list = QListWidget()
        self.group_list.setObjectName("adjudicationGroups")
        self.group_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.group_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.version_list = QListWidget()
        self.version_list.setObjectName("adjudicationVersions")
        self.version_list.setWordWrap(True)
        self.status = QLabel()
        self.status.setObjectName("adjudicationStatus")
        help_text = QLabel(self.tr(
            "F8 / Shift+F8: next / previous disagreement · 1–9: accept that version · Delete: reject · "
            "F9: accept all that agree · Ctrl+1–3 on a selection: your own gold span · Ctrl+Enter: done · Ctrl+Z: undo"
        ))
        help_text.setWordWrap(True)
        side = QVBoxLayout()
        side.addWidget(QLabel(self.tr("Where the annotators differ")))
        side.addWidget(self.group_list, stretch=2)
        side.addWidget(QLabel(self.tr("Versions")))
        side.addWidget(self.version_list, stretch=1)
        side.addWidget(self.status)
        side.addWidget(help_text)
        layout = QHBoxLayout(self)
        layout.addWidget(self.article, stretch=3)
        layout.addLayout(side, stretch=2)
        self.group_list.currentRowChanged.connect(self._show_group)
        self._actions(scheme)
        self.resize(1280, 760)
        self.article.show_article(document_text(project, document_id), [])
        self.refresh()
        self.group_list.setFocus()

    def _actions(self, scheme: object) -> None:
        def add(text: str, keys: list[str], slot: object, name: str = "") -> QAction:
            action = QAction(text, self)
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.triggered.connect(lambda _checked=False: slot())  # type: ignore[operator]
            if name:
                action.setObjectName(name)
            self.addAction(action)
            return action

        add(self.tr("Next disagreement"), ["F8"], lambda: self.step(1), "nextDisagreement")
        add(self.tr("Previous disagreement"), ["Shift+F8"], lambda: self.step(-1))
        add(self.tr("Reject"), ["Delete"], self.reject_current, "rejectGroup")
        add(self.tr("Accept all that agree"), ["F9"], self.accept_all, "acceptAllAgreeing")
        add(self.tr("Adjudication done"), ["Ctrl+Return", "Ctrl+Enter"], self.toggle_done, "adjudicationDone")
        for number in range(1, 10):
            add(self.tr("Accept version %1").replace("%1", str(number)), [str(number)], lambda n=number: self.accept(n - 1))
        for label in scheme.span_labels:  # type: ignore[attr-defined]
            if label.shortcut:
                add(self.tr("Gold %1 from the selection").replace("%1", label.name), [f"Ctrl+{label.shortcut}"],
                    lambda name=label.name: self.tag_selection(name))
        undo = self.undo_stack.createUndoAction(self, self.tr("Undo"))
        undo.setShortcut(QKeySequence("Ctrl+Z"))
        redo = self.undo_stack.createRedoAction(self, self.tr("Redo"))
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.addAction(undo)
        self.addAction(redo)
        self.undo_stack.indexChanged.connect(lambda _i: self.refresh())

    def refresh(self) -> None:
        row = max(self.group_list.currentRow(), 0)
        self.groups = [*self.adjudication.groups(self.document_id), *self.adjudication.link_groups(self.document_id)]
        gold = self.adjudication.gold.spans(self.document_id)
        self.article.highlighter.set_spans([])
        for span in gold:
            self.article.add_span(span)
        self.group_list.blockSignals(True)
        self.group_list.clear()
        for group in self.groups:
            name, color = ("fa5s.link", "#3d7be0") if isinstance(group, LinkGroup) else KIND_ICONS[group.kind]
            item = QListWidgetItem(icon("fa5s.check", "#2e9e5b") if group.settled else icon(name, color), self._caption(group))
            self.group_list.addItem(item)
        self.group_list.blockSignals(False)
        if self.groups:
            self.group_list.setCurrentRow(min(row, len(self.groups) - 1))
            self._show_group(self.group_list.currentRow())
        settled = sum(g.settled for g in self.groups)
        status = self.adjudication.status(self.document_id)
        self.status.setText(
            self.tr("%1 of %2 settled · adjudication %3").replace("%1", str(settled)).replace("%2", str(len(self.groups)))
            .replace("%3", status.replace("_", " "))
        )

    def _caption(self, group: Group | LinkGroup) -> str:
        if isinstance(group, LinkGroup):
            state = self.tr("rejected") if group.rejected else (self.tr("in gold") if group.in_gold else group.kind.value)
            return f"{state} · {group.label} «{group.source_text[:30]}» → «{group.target_text[:30]}» — {', '.join(group.annotators)}"
        first = group.versions[0]
        who = " | ".join(f"{v.label} {', '.join(v.annotators)}" for v in group.versions)
        state = self.tr("rejected") if group.rejected else (self.tr("in gold") if group.gold else group.kind.value)
        return f"{state} · «{first.text[:40]}» — {who}"

    def _show_group(self, row: int) -> None:
        self.version_list.clear()
        if not 0 <= row < len(self.groups):
            return
        group = self.groups[row]
        if isinstance(group, LinkGroup):
            self.version_list.addItem(
                f"1 · {group.label} «{group.source_text}» → «{group.target_text}» — {', '.join(group.annotators)}"
            )
            ends = [end for end in (group.source, group.target) if end[0] == self.document_id]
            self.article.set_links([], [(end[1], end[2], self.colors.get(end[3], "#808080")) for end in ends])
            self.article.select_range(group.start, group.start)
            return
        for number, version in enumerate(group.versions, start=1):
            attributes = ", ".join(f"{k}={v}" for k, v in sorted(version.attributes.items()))
            self.version_list.addItem(
                f"{number} · {version.label} «{version.text}» — {', '.join(version.annotators)}" + (f" ({attributes})" if attributes else "")
            )
        partners = [(v.start, v.end, self.colors.get(v.label, "#808080")) for v in group.versions]
        self.article.set_links([], partners)
        self.article.select_range(group.start, group.start)
        self.article.ensureCursorVisible()

    def current(self) -> Group | LinkGroup | None:
        row = self.group_list.currentRow()
        return self.groups[row] if 0 <= row < len(self.groups) else None

    def step(self, delta: int) -> None:
        if not self.groups:
            return
        row = self.group_list.currentRow()
        order = list(range(row + 1, len(self.groups))) + list(range(0, row + 1)) if delta > 0 else list(range(row - 1, -1, -1)) + list(range(len(self.groups) - 1, row - 1, -1))
        for candidate in order:
            group = self.groups[candidate]
            if not group.settled and group.kind != Kind.AGREE:
                self.group_list.setCurrentRow(candidate)
                return
        self.status.setText(self.tr("No disagreement left to settle."))

    def accept(self, index: int) -> None:
        group = self.current()
        if isinstance(group, LinkGroup):
            if index == 0:
                self._run(lambda: self._accept_link(group))
            return
        if group is None or index >= len(group.versions):
            return
        self._run(lambda: self._accept_version(group.versions[index]))

    def _accept_link(self, link: LinkGroup) -> None:
        record = self.adjudication.accept_link(self.document_id, link)
        relations = RelationService(self.adjudication.project, annotator=self.adjudication.reviewer.name, tagging=self.adjudication.gold)
        holder = {"record": record}

        def undo() -> None:
            holder["record"] = relations.delete(holder["record"].id)

        self.undo_stack.push(
            FunctionCommand(self.tr("Accept link"), undo=undo, redo=lambda: relations.restore(holder["record"]))
        )

    def _accept_version(self, version: Version) -> None:
        span = self.adjudication.accept(self.document_id, version)
        self._push_created(self.tr("Accept %1").replace("%1", version.label), [span])

    def accept_all(self) -> None:
        self._run(lambda: self._push_created(self.tr("Accept all that agree"), self.adjudication.accept_all_agreeing(self.document_id)))

    def tag_selection(self, label: str) -> None:
        start, end = self.article.selection()
        if start == end:
            return
        self._run(lambda: self._push_created(
            self.tr("Gold %1").replace("%1", label),
            [self.adjudication.gold.create_span(document_id=self.document_id, start=start, end=end, label=label)],
        ))

    def _push_created(self, text: str, spans: list[SpanRecord]) -> None:
        if not spans:
            return
        holder: dict[str, list[SpanDeletion]] = {"gone": []}
        gold = self.adjudication.gold

        def undo() -> None:
            holder["gone"] = [gold.delete_span(span.id) for span in spans]

        def redo() -> None:
            for deletion in holder["gone"]:
                gold.restore(deletion)

        self.undo_stack.push(FunctionCommand(text, undo=undo, redo=redo))

    def reject_current(self) -> None:
        group = self.current()
        if group is None:
            return
        if isinstance(group, LinkGroup):
            link = group

            def reject_link() -> None:
                self.adjudication.reject_link(self.document_id, link)
                self.undo_stack.push(FunctionCommand(
                    self.tr("Reject link"),
                    undo=lambda: self.adjudication.reject_link(self.document_id, link, rejected=False),
                    redo=lambda: self.adjudication.reject_link(self.document_id, link),
                ))

            self._run(reject_link)
            return

        def reject() -> None:
            gold = self.adjudication.gold
            removed = [gold.delete_span(span.id) for span in group.gold]
            self.adjudication.reject(self.document_id, group)

            def undo() -> None:
                self.adjudication.reject(self.document_id, group, rejected=False)
                for deletion in removed:
                    gold.restore(deletion)

            def redo() -> None:
                for deletion in removed:
                    gold.delete_span(deletion.span.id)
                self.adjudication.reject(self.document_id, group)

            self.undo_stack.push(FunctionCommand(self.tr("Reject"), undo=undo, redo=redo))

        self._run(reject)

    def toggle_done(self) -> None:
        current = self.adjudication.status(self.document_id)
        new = DocumentStatus.IN_PROGRESS if current == DocumentStatus.DONE else DocumentStatus.DONE
        self._run(lambda: self.adjudication.set_status(self.document_id, new))

    def _run(self, action: object) -> None:
        try:
            action()  # type: ignore[operator]
        except AnnotatorError as error:
            QMessageBox.warning(self, self.tr("Adjudication"), str(error))
        self.refresh()
