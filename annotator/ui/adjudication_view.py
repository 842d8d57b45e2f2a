"""The reviewer's adjudication view: the annotators' versions side by side, settled into gold with the keyboard.

Every write goes through the controller as a typed command (adjudication_commands), so the view shares the
main window's undo history, its retries on a busy project and its error messages; it redraws from Changes.
"""

from __future__ import annotations


from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QGridLayout, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from annotator.core.changes import Change, Changes
from annotator.core.errors import AnnotatorError
from annotator.core.model import DocumentId, DocumentStatus, SpanId, SpanRecord
from annotator.services.annotation.adjudication import REJECTED_KEY, REJECTED_LINKS_KEY, Adjudication, Group, Kind, LinkGroup
from annotator.services.documents.progress import document_text
from annotator.services.team.identity import GOLD
from annotator.ui.adjudication_commands import (
    AcceptAllAgreeing,
    AcceptLink,
    AcceptVersion,
    RejectGroup,
    RejectLink,
    SetAdjudicationStatus,
)
from annotator.ui.article_view import ArticleView
from annotator.ui.commands import TagSpan
from annotator.ui.display import attribute_title, joined, label_title, value_title
from annotator.ui.screen_fit import resize_within_screen
from annotator.ui.texts import isolate, plain_tooltip, short
from annotator.ui.controller import Controller, Level
from annotator.ui.icons import icon
from annotator.ui.notice import Notice

KIND_ICONS = {
    Kind.AGREE: ("fa5s.check-double", "#2e9e5b"),
    Kind.ATTRIBUTES: ("fa5s.sliders-h", "#e8a317"),
    Kind.PARTIAL: ("fa5s.adjust", "#3d7be0"),
    Kind.CONFLICT: ("fa5s.exclamation-triangle", "#d33c3c"),
}


class AdjudicationView(QDialog):
    def __init__(self, controller: Controller, *, document_id: DocumentId, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("adjudicationView")
        self.setWindowTitle(self.tr("Adjudication"))
        self.controller = controller
        project = controller.project
        self.adjudication = Adjudication(project, reviewer=controller.identity.name)
        self.document_id = document_id
        self.groups: list[Group | LinkGroup] = []
        self.gold: dict[SpanId, SpanRecord] = {}
        self.adjudication_status = self.adjudication.status(document_id)
        scheme = project.scheme
        self.scheme = scheme
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
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.notice = Notice(self)
        self.notice.setObjectName("adjudicationNotice")
        help_text = self._key_table([
            ("F8 / Shift+F8", self.tr("next / previous disagreement")),
            ("1–9", self.tr("accept that version")),
            ("Delete", self.tr("reject")),
            ("F9", self.tr("accept all that agree")),
            ("Ctrl+1–3", self.tr("your own gold span from the selection")),
            ("Ctrl+Enter", self.tr("done")),
            ("Ctrl+Z", self.tr("undo")),
        ])
        side = QVBoxLayout()
        side.addWidget(QLabel(self.tr("Where the annotators differ")))
        side.addWidget(self.group_list, stretch=2)
        side.addWidget(QLabel(self.tr("Versions")))
        side.addWidget(self.version_list, stretch=1)
        side.addWidget(self.notice)
        side.addWidget(self.status)
        side.addWidget(help_text)
        layout = QHBoxLayout(self)
        layout.addWidget(self.article, stretch=3)
        layout.addLayout(side, stretch=2)
        self.group_list.currentRowChanged.connect(self._show_group)
        self._actions(scheme)
        resize_within_screen(self, 1280, 760)
        self.article.show_article(document_text(project, document_id), [])
        self.reload()
        controller.changed.connect(self._on_changed)
        controller.message.connect(self._on_message)
        self._following = True
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
                add(self.tr("Gold %1 from the selection").replace("%1", isolate(label_title(scheme, label.name))), [f"Ctrl+{label.shortcut}"],
                    lambda name=label.name: self.tag_selection(name))
        add(self.tr("Undo"), ["Ctrl+Z"], self.controller.undo, "adjudicationUndo")
        add(self.tr("Redo"), ["Ctrl+Shift+Z", "Ctrl+Y"], self.controller.redo, "adjudicationRedo")

    # Drawing

    def reload(self) -> None:
        """Read the gold spans again and redraw them, then the groups."""
        self.gold = {span.id: span for span in self.adjudication.gold.spans(self.document_id)}
        self.article.highlighter.set_spans([])
        for span in self.gold.values():
            self.article.add_span(span)
        self.refresh()

    def refresh(self) -> None:
        """Read the groups again (whether each is settled depends on gold and on the rejections) and redraw the list."""
        row = max(self.group_list.currentRow(), 0)
        self.groups = [*self.adjudication.groups(self.document_id), *self.adjudication.link_groups(self.document_id)]
        self.group_list.blockSignals(True)
        self.group_list.clear()
        for group in self.groups:
            name, color = ("fa5s.link", "#3d7be0") if isinstance(group, LinkGroup) else KIND_ICONS[group.kind]
            caption = self._caption(group)
            item = QListWidgetItem(icon("fa5s.check", "#2e9e5b") if group.settled else icon(name, color), caption)
            item.setToolTip(plain_tooltip(caption))
            self.group_list.addItem(item)
        self.group_list.blockSignals(False)
        if self.groups:
            self.group_list.setCurrentRow(min(row, len(self.groups) - 1))
            self._show_group(self.group_list.currentRow())
        self._show_status()

    def _word(self, value: str) -> str:
        """A status or a kind of disagreement, in the interface's language."""
        words = {
            "new": self.tr("new"), "in_progress": self.tr("in progress"), "done": self.tr("done"),
            "agree": self.tr("agree"), "attributes": self.tr("attributes differ"), "partial": self.tr("partial"),
            "conflict": self.tr("conflict"),
        }
        return words.get(value, value)

    def _show_status(self) -> None:
        settled = sum(g.settled for g in self.groups)
        self.status.setText(
            self.tr("%1 of %2 settled · adjudication %3").replace("%1", str(settled)).replace("%2", str(len(self.groups)))
            .replace("%3", self._word(self.adjudication_status))
        )

    def _on_changed(self, changes: Changes) -> None:
        """Redraw what a write (here or in the main window) changed in this document."""
        document = self.document_id
        if changes.bulk:  # an import or a merge: too much to follow change by change
            self.reload()
            return
        rejections = {REJECTED_KEY.format(document=document), REJECTED_LINKS_KEY.format(document=document)}
        if document not in changes.documents() and not rejections & changes.settings:
            return
        for change in changes.spans:
            span = change.span
            if span.document_id != document or span.annotator != GOLD:
                continue
            if change.kind == Change.REMOVED:
                self.gold.pop(span.id, None)
                self.article.remove_span(span.id)
            else:
                if span.id in self.gold:
                    self.article.remove_span(span.id)
                self.gold[span.id] = span
                self.article.add_span(span)
        for state in changes.states:
            if state.document_id == document and state.layer == GOLD:
                self.adjudication_status = state.status
        if changes.spans or changes.relations or rejections & changes.settings:
            self.refresh()
        else:
            self._show_status()

    def done(self, result: int) -> None:
        """Closed: stop following the controller (the main window makes a new view next time)."""
        if self._following:
            self._following = False
            self.controller.changed.disconnect(self._on_changed)
            self.controller.message.disconnect(self._on_message)
        super().done(result)

    @staticmethod
    def _key_table(rows: list[tuple[str, str]]) -> QWidget:
        """The keys, two to a line, each kept whole: a key never wraps away from what it does."""
        table = QWidget()
        table.setObjectName("adjudicationKeys")
        grid = QGridLayout(table)
        grid.setContentsMargins(0, 0, 0, 0)
        for number, (keys, action) in enumerate(rows):
            label = QLabel(f"{isolate(keys)}: {action}")
            label.setTextFormat(Qt.TextFormat.PlainText)
            grid.addWidget(label, number // 2, number % 2)
        return table

    def _on_message(self, text: str, level: int) -> None:
        if level != Level.INFO:
            self.notice.show_message(text, level)

    def _caption(self, group: Group | LinkGroup) -> str:
        if isinstance(group, LinkGroup):
            state = self.tr("rejected") if group.rejected else (self.tr("in gold") if group.in_gold else self._word(group.kind.value))
            ends = f"«{isolate(group.source_text[:30])}» {self._arrow()} «{isolate(group.target_text[:30])}»"
            return f"{state} · {self._title(group.label)} {ends} — {self._who(group.annotators)}"
        first = group.versions[0]
        who = " | ".join(f"{self._title(v.label)} {self._who(v.annotators)}" for v in group.versions)
        state = self.tr("rejected") if group.rejected else (self.tr("in gold") if group.gold else self._word(group.kind.value))
        return f"{state} · «{isolate(first.text[:40])}» — {who}"

    def _arrow(self) -> str:
        """From the link's source to its target, in the reading direction of the interface."""
        return "←" if self.layoutDirection() == Qt.LayoutDirection.RightToLeft else "→"

    def _title(self, label: str) -> str:
        return isolate(label_title(self.scheme, label))

    @staticmethod
    def _who(annotators: tuple[str, ...] | list[str]) -> str:
        return isolate(", ".join(annotators))

    def _attributes(self, label: str, values: dict[str, object]) -> str:
        """A version's attributes by their display names, in the order the scheme gives them."""
        try:
            definitions = self.scheme.span_label(label).attributes
        except AnnotatorError:
            definitions = ()
        known = {attribute.name: attribute for attribute in definitions}
        parts = []
        for name, value in sorted(values.items()):
            attribute = known.get(name)
            if attribute is None:
                parts.append(f"{name}={value}")
            else:
                shown = value_title(attribute, value) if isinstance(value, str) else value
                parts.append(f"{attribute_title(attribute)}: {shown}")
        return isolate(joined(parts))

    def _show_group(self, row: int) -> None:
        self.version_list.clear()
        if not 0 <= row < len(self.groups):
            return
        group = self.groups[row]
        if isinstance(group, LinkGroup):
            ends = f"«{isolate(group.source_text)}» {self._arrow()} «{isolate(group.target_text)}»"
            self._add_version(f"1 · {self._title(group.label)} {ends} — {self._who(group.annotators)}")
            ends = [end for end in (group.source, group.target) if end[0] == self.document_id]
            self.article.set_links([], [(end[1], end[2], self.colors.get(end[3], "#808080")) for end in ends])
            self.article.select_range(group.start, group.start)
            return
        for number, version in enumerate(group.versions, start=1):
            attributes = self._attributes(version.label, version.attributes)
            self._add_version(
                f"{number} · {self._title(version.label)} «{isolate(version.text)}» — {self._who(version.annotators)}"
                + (f" ({attributes})" if attributes else "")
            )
        partners = [(v.start, v.end, self.colors.get(v.label, "#808080")) for v in group.versions]
        self.article.set_links([], partners)
        self.article.select_range(group.start, group.start)
        self.article.ensureCursorVisible()

    def _add_version(self, text: str) -> None:
        item = QListWidgetItem(text)
        item.setToolTip(plain_tooltip(text))
        self.version_list.addItem(item)

    # Acting: every write is a command the controller runs

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
                self.controller.perform(AcceptLink(self.adjudication, document_id=self.document_id, link=group))
            return
        if group is None or index >= len(group.versions):
            return
        self.controller.perform(AcceptVersion(self.adjudication, document_id=self.document_id, version=group.versions[index]))

    def accept_all(self) -> None:
        if not any(group.kind == Kind.AGREE and not group.settled for group in self.groups):
            self.status.setText(self.tr("Nothing that everyone agrees on is left to accept."))
            return
        self.controller.perform(AcceptAllAgreeing(self.adjudication, document_id=self.document_id))

    def tag_selection(self, label: str) -> None:
        start, end = self.article.selection()
        if start == end:
            return
        text = self.article.text[start:end]
        command = TagSpan(self.adjudication.gold, document_id=self.document_id, start=start, end=end, label=label, text=text)
        command.setText(self.tr("Gold %1 «%2»").replace("%1", self._title(label)).replace("%2", short(text)))
        self.controller.perform(command)

    def reject_current(self) -> None:
        group = self.current()
        if isinstance(group, LinkGroup):
            self.controller.perform(RejectLink(self.adjudication, document_id=self.document_id, link=group))
        elif group is not None:
            self.controller.perform(RejectGroup(self.adjudication, document_id=self.document_id, group=group))

    def toggle_done(self) -> None:
        new = DocumentStatus.IN_PROGRESS if self.adjudication_status == DocumentStatus.DONE else DocumentStatus.DONE
        self.controller.perform(SetAdjudicationStatus(self.adjudication, document_id=self.document_id, status=new))
