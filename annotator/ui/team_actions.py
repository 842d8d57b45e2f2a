"""Team work in the window: switch identity, merge colleagues' files, assign documents, blind mode."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QMessageBox,
    QProgressDialog,
    QWidget,
)

from annotator.core.changes import Changes
from annotator.core.model import DocumentId
from annotator.services.team.identity import (
    Identity,
    Role,
    assign,
    blind_mode,
    identify,
    identities,
    remember_identity,
    set_blind_mode,
)
from annotator.storage.project import Project
from annotator.ui.commands import OneOff
from annotator.ui.texts import isolate
from annotator.ui.controller import Controller, Level


class IdentityDialog(QDialog):
    """Pick or create who you are in this project: a name and a role."""

    def __init__(self, project: Project, current: Identity, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("identityDialog")
        self.setWindowTitle(self.tr("Who is working?"))
        self.name = QComboBox()
        self.name.setObjectName("identityName")
        self.name.setEditable(True)
        self.name.addItems([identity.name for identity in identities(project)])
        self.name.setCurrentText(current.name)
        self.role = QComboBox()
        self.role.setObjectName("identityRole")
        self.role.addItem(self.tr("annotator"), Role.ANNOTATOR.value)
        self.role.addItem(self.tr("reviewer"), Role.REVIEWER.value)
        self.role.setCurrentIndex(self.role.findData(current.role.value))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Role"), self.role)
        form.addRow(buttons)


class TeamActions(QObject):
    """Identity, merging, assignment and blind mode; each write goes through the controller."""

    def __init__(self, controller: Controller, parent: QWidget, *, reopen_as: Callable[[str], None]) -> None:
        super().__init__(parent)
        self.controller = controller
        self.project = controller.project
        self.parent_widget = parent
        self.reopen_as = reopen_as

    def switch_identity(self) -> None:
        dialog = IdentityDialog(self.project, self.controller.identity, self.parent_widget)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.apply_identity(dialog.name.currentText(), Role(dialog.role.currentData()))

    def apply_identity(self, name: str, role: Role) -> None:
        chosen: list[Identity] = []

        def switch() -> Changes:
            identity = identify(self.project, name, role)
            remember_identity(self.project, identity)
            chosen.append(identity)
            return Changes(identities=True)

        self.controller.perform(
            OneOff(self.tr("Switch identity to %1").replace("%1", isolate(name)), switch),
            then=lambda _changes: self.reopen_as(chosen[0].name),
        )

    def merge(self) -> None:
        names, _filter = QFileDialog.getOpenFileNames(
            self.parent_widget, self.tr("Merge project files"), str(Path.home()), self.tr("Projects (*.db);;All files (*)")
        )
        if names:
            self.merge_files([Path(name) for name in names])

    def merge_files(self, paths: list[Path]) -> None:
        from annotator.services.team.merging import merge_paths

        reports = []
        dialog = QProgressDialog(self.tr("Merging…"), self.tr("Stop"), 0, 0, self.parent_widget)
        dialog.setObjectName("mergeProgress")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)

        def step(done: int, total: int) -> bool:
            # Between chunks the lock is free and the window draws and answers keys.
            dialog.setMaximum(total)
            dialog.setValue(min(done, total))
            QApplication.processEvents()
            return not dialog.wasCanceled()

        def merge() -> Changes:
            report = merge_paths(self.project, paths, progress=step)
            reports.append(report)
            return report.changes

        def merged(_changes: Changes) -> None:
            dialog.close()
            self._merged(reports[0])

        self.controller.perform(OneOff(self.tr("Merge project files"), merge), then=merged)
        dialog.close()

    def _merged(self, report: object) -> None:
        text = (
            self.tr("Merged %1 new document(s), %2 span(s), %3 relation(s).")
            .replace("%1", str(report.documents))  # type: ignore[attr-defined]
            .replace("%2", str(report.spans))  # type: ignore[attr-defined]
            .replace("%3", str(report.relations))  # type: ignore[attr-defined]
        )
        errors = report.errors  # type: ignore[attr-defined]
        notes = report.notes  # type: ignore[attr-defined]
        if notes:
            text += "\n" + "\n".join(f"• {note}" for note in notes)
        if errors:
            text += "\n" + self.tr("Not merged, or not all of it (see each line):") + "\n" + "\n".join(f"• {e}" for e in errors)
            QMessageBox.warning(self.parent_widget, self.tr("Merge"), text)
        else:
            QMessageBox.information(self.parent_widget, self.tr("Merge"), text)

    def assign_current(self) -> None:
        document = self.controller.document
        if document is None:
            return
        dialog = IdentityDialog(self.project, self.controller.identity, self.parent_widget)
        dialog.setWindowTitle(self.tr("Assign this document to…"))
        dialog.role.setEnabled(False)
        dialog.name.setCurrentText("")
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.assign_to(dialog.name.currentText(), [document.id])

    def assign_to(self, name: str, document_ids: list[DocumentId]) -> None:
        command = OneOff(
            self.tr("Assign to %1").replace("%1", isolate(name)),
            lambda: assign(self.project, self.controller.identity, annotator=name, documents=document_ids),
        )
        self.controller.perform(
            command,
            then=lambda changes: self.controller.message.emit(
                self.tr("Assigned %1 document(s) to %2.").replace("%1", str(changes.count)).replace("%2", isolate(name)), Level.INFO
            ),
        )

    def set_blind(self, on: bool) -> None:
        self.controller.perform(
            OneOff(self.tr("Blind mode"), lambda: set_blind_mode(self.project, self.controller.identity, on))
        )

    def blind(self) -> bool:
        return blind_mode(self.project)
